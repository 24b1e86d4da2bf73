"""The one tiny-model builder: a tiny causal LM from a config, a tokenizer trained here, and chat data.

Nothing can come from a model hub, so `make demo`, the real-node tests, the trainer's tests (their
CPU venv and the Neuron one), and the benchmarks build their models here, from `tiny_config`: a
2-layer, 64-wide Llama by default (a training step takes milliseconds on one CPU), or the same
shape in the other architectures the recipes name (Llama 3.1 and 3.2, Mistral, Qwen2), or a shape
of the caller's (a benchmark's bigger model). The byte-level BPE tokenizer is trained on the same
generated language as the chat dataset, whose conversation lengths follow a log-normal
distribution, the long tail real chat logs have. The task is learnable (the assistant copies or
reverses the user's words), so a LoRA adapter on the random model visibly lowers the loss within a
few dozen steps.

Importing this module needs only the standard library: torch, transformers and tokenizers are
imported by the functions that use them, with whichever versions the caller's environment has
(the Neuron venv writes its configs with its own transformers).
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


LLAMA3_ROPE = {
    "rope_type": "llama3",
    "factor": 8.0,
    "low_freq_factor": 1.0,
    "high_freq_factor": 4.0,
    "original_max_position_embeddings": 128,
}
"""Llama 3.1's RoPE scaling, with the original window scaled down to the tiny model's."""
ARCHITECTURES: dict[str, tuple[str, str, dict[str, Any]]] = {
    "llama": ("LlamaConfig", "LlamaForCausalLM", {"tie_word_embeddings": False}),
    # Llama 3.1's shape in small: grouped-query attention, untied embeddings, `llama3` RoPE scaling.
    "llama-3.1": (
        "LlamaConfig",
        "LlamaForCausalLM",
        {"tie_word_embeddings": False, "rope_scaling": LLAMA3_ROPE},
    ),
    # Llama 3.2's: the same with tied input and output embeddings.
    "llama-3.2": (
        "LlamaConfig",
        "LlamaForCausalLM",
        {"tie_word_embeddings": True, "rope_scaling": LLAMA3_ROPE},
    ),
    "mistral": ("MistralConfig", "MistralForCausalLM", {"tie_word_embeddings": False}),
    # Qwen2.5's architecture (q/k/v biases).
    "qwen2": ("Qwen2Config", "Qwen2ForCausalLM", {"tie_word_embeddings": False}),
    # Gemma 2 (final logit soft-capping), for the loss head's tests.
    "gemma2": ("Gemma2Config", "Gemma2ForCausalLM", {}),
}
"""Each architecture's transformers config and model class names, and what sets it apart."""
TINY_SHAPE: dict[str, Any] = {
    "hidden_size": 64,
    "intermediate_size": 128,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "max_position_embeddings": 512,
    # Wider than the 0.02 default, so that the frozen random head can express confident
    # predictions and a LoRA adapter on this untrained model visibly learns.
    "initializer_range": 0.2,
}


def tiny_config(architecture: str = "llama", tokenizer: Any = None, **overrides: Any) -> Any:
    """The tiny model's transformers config: `TINY_SHAPE` in `architecture`, with the vocabulary
    size and special tokens of `tokenizer` (when given), and `overrides` last (any config field)."""
    import transformers

    config_class, _, distinct = ARCHITECTURES[architecture]
    tokens = (
        {
            "vocab_size": len(tokenizer),
            "bos_token_id": tokenizer.bos_token_id,
            "eos_token_id": tokenizer.eos_token_id,
            "pad_token_id": tokenizer.pad_token_id,
        }
        if tokenizer is not None
        else {}
    )
    return getattr(transformers, config_class)(**{**TINY_SHAPE, **tokens, **distinct, **overrides})


def tiny_model(architecture: str = "llama", tokenizer: Any = None, seed: int = 0, **overrides: Any) -> Any:
    """A model with random weights (seeded) for `tiny_config(architecture, tokenizer, **overrides)`."""
    import torch
    import transformers

    torch.manual_seed(seed)
    model_class = getattr(transformers, ARCHITECTURES[architecture][1])
    return model_class(tiny_config(architecture, tokenizer, **overrides))


def save_tiny_model(
    directory: Path, tokenizer: Any, architecture: str = "llama", seed: int = 0, **overrides: Any
) -> None:
    """The tiny model for `tokenizer` (a 2-layer, 64-wide Llama unless told otherwise), saved with
    the tokenizer in `directory`."""
    tiny_model(architecture, tokenizer, seed, **overrides).save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))


def tokenizer_corpus() -> list[str]:
    """The text the shared tokenizer is trained on: the chat data's language and its fixed words."""
    rng, words = random.Random(1), vocabulary()
    corpus = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(300)]
    return corpus + [f"copy: reverse: nope {SYSTEM_PROMPT}"] * 20


def build_model(directory: Path) -> None:
    """The demo's model directory (what a model root holds): the tokenizer, trained on the chat
    data's language, and the model."""
    save_tiny_model(directory, train_tokenizer(directory, tokenizer_corpus()))
