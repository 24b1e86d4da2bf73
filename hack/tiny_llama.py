"""A tiny Llama-architecture model, a tokenizer trained here, and chat data to fine-tune it on.

Nothing can come from a model hub, so `make demo`, the real-node tests and the end-to-end
benchmark build their model from a `LlamaConfig` (2 layers, 64 wide: a training step takes
milliseconds on one CPU) with a byte-level BPE tokenizer trained on the same generated
language, and write a chat dataset whose conversation lengths follow a log-normal
distribution, the long tail real chat logs have. The task is learnable (the assistant
copies or reverses the user's words), so a LoRA adapter on the random model visibly lowers
the loss within a few dozen steps.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}<|{{ message['role'] }}|>{{ message['content'] }}<|end|>"
    "{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}"
)
SPECIAL_TOKENS = ["<s>", "<|end|>", "<pad>", "<|system|>", "<|user|>", "<|assistant|>"]
SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "ba", "do", "fi", "gu"]
SYSTEM_PROMPT = "you are a support agent: follow the instruction"
MEDIAN_WORDS, SIGMA, MAX_WORDS = 8, 0.7, 48
"""Words per user turn: log-normal with median 8, clipped to [1, 48] (most turns short, a few long)."""
VOCABULARY_SEED = 0


def vocabulary() -> list[str]:
    rng = random.Random(VOCABULARY_SEED)
    return sorted({rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(400)})


def turn_length(rng: random.Random) -> int:
    return max(1, min(MAX_WORDS, round(rng.lognormvariate(math.log(MEDIAN_WORDS), SIGMA))))


def task(rng: random.Random, words: Sequence[str]) -> tuple[str, str]:
    """One user turn and the answer it asks for: its words copied, or reversed."""
    chosen = [rng.choice(words) for _ in range(turn_length(rng))]
    if rng.random() < 0.5:
        return "copy: " + " ".join(chosen), " ".join(chosen)
    return "reverse: " + " ".join(chosen), " ".join(reversed(chosen))


def chat_records(count: int, seed: int) -> list[dict[str, Any]]:
    """`messages` records: an optional system prompt, then one to three user/assistant turns."""
    rng, words = random.Random(seed), vocabulary()
    records = []
    for _ in range(count):
        messages = [{"role": "system", "content": SYSTEM_PROMPT}] if rng.random() < 0.3 else []
        for _ in range(1 + int(rng.random() < 0.3) + int(rng.random() < 0.1)):
            prompt, answer = task(rng, words)
            messages += [{"role": "user", "content": prompt}, {"role": "assistant", "content": answer}]
        records.append({"messages": messages})
    return records


def preference_records(count: int, seed: int) -> list[dict[str, Any]]:
    """`prompt`/`chosen`/`rejected` pairs: answering the task is preferred over refusing it."""
    rng, words = random.Random(seed), vocabulary()
    records = []
    for _ in range(count):
        prompt, answer = task(rng, words)
        records.append(
            {"prompt": prompt, "chosen": answer, "rejected": " ".join("nope" for _ in answer.split())}
        )
    return records


def write_jsonl(path: Path, records: Sequence[Mapping[str, Any] | str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def train_tokenizer(directory: Path, corpus: Sequence[str]) -> Any:
    """A 512-token byte-level BPE trained on `corpus`, with the chat template, saved in `directory`."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE(unk_token=None))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=512, special_tokens=SPECIAL_TOKENS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tokenizer.train_from_iterator(corpus, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, bos_token="<s>", eos_token="<|end|>", pad_token="<pad>"
    )
    fast.chat_template = CHAT_TEMPLATE
    fast.save_pretrained(str(directory))
    return fast


def build_llama(directory: Path, tokenizer: Any, seed: int = 0) -> None:
    """A 2-layer, 64-wide Llama with random weights for `tokenizer`, saved with it in `directory`."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=False,
        # Wider than the 0.02 default, so that the frozen random head can express confident
        # predictions and a LoRA adapter on this untrained model visibly learns.
        initializer_range=0.2,
    )
    LlamaForCausalLM(config).save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))


def build_model(directory: Path) -> None:
    """The demo's model directory (what a model root holds): the tokenizer, trained on the chat
    data's language, and the model."""
    rng, words = random.Random(1), vocabulary()
    corpus = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(300)]
    corpus += [f"copy: reverse: nope {SYSTEM_PROMPT}"] * 20
    build_llama(directory, train_tokenizer(directory, corpus))
