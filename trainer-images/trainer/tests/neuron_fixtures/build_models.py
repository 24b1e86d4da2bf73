"""Builds the tiny models of every architecture the trn1 recipes name, with the Neuron image's transformers.

Run with the Neuron environment's Python and the repository's root on PYTHONPATH (as
test_trainer_neuron_xla.py does: `.venv-neuron/bin/python build_models.py DIRECTORY`): the
configs are then written by transformers 4.57, the version optimum-neuron reads them with. Each model
gets its own folder under DIRECTORY with the shared tokenizer (hack/tiny_llama.py's, trained here).

- `llama-3.1`: Llama 3.1's shape in small: grouped-query attention, untied embeddings, `llama3` RoPE
  scaling (llama-3.1-8b, llama-3.1-70b).
- `llama-3.2`: the same with tied input and output embeddings (llama-3.2-1b, llama-3.2-3b).
- `mistral`, `qwen2`: Mistral 7B's and Qwen2.5's architectures (q/k/v biases in Qwen2).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from hack.tiny_llama import train_tokenizer, vocabulary

LLAMA3_ROPE = {
    "rope_type": "llama3",
    "factor": 8.0,
    "low_freq_factor": 1.0,
    "high_freq_factor": 4.0,
    "original_max_position_embeddings": 128,
}


def main(root: Path) -> None:
    import torch
    from transformers import (
        LlamaConfig,
        LlamaForCausalLM,
        MistralConfig,
        MistralForCausalLM,
        Qwen2Config,
        Qwen2ForCausalLM,
    )

    rng, words = random.Random(1), vocabulary()
    corpus = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(300)]
    corpus += ["copy: reverse: nope you are a support agent: follow the instruction"] * 20
    tokenizer = train_tokenizer(root / "tokenizer", corpus)
    shape = {
        "vocab_size": len(tokenizer),
        "hidden_size": 64,
        "intermediate_size": 128,
        "num_hidden_layers": 2,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "max_position_embeddings": 512,
        "bos_token_id": tokenizer.bos_token_id,
        "eos_token_id": tokenizer.eos_token_id,
        "pad_token_id": tokenizer.pad_token_id,
        # Wider than the 0.02 default, so a LoRA adapter on the random model visibly learns.
        "initializer_range": 0.2,
    }
    models = {
        "llama-3.1": (
            LlamaForCausalLM,
            LlamaConfig(**shape, tie_word_embeddings=False, rope_scaling=LLAMA3_ROPE),
        ),
        "llama-3.2": (
            LlamaForCausalLM,
            LlamaConfig(**shape, tie_word_embeddings=True, rope_scaling=LLAMA3_ROPE),
        ),
        "mistral": (MistralForCausalLM, MistralConfig(**shape, tie_word_embeddings=False)),
        "qwen2": (Qwen2ForCausalLM, Qwen2Config(**shape, tie_word_embeddings=False)),
    }
    for name, (model_class, config) in models.items():
        torch.manual_seed(0)
        directory = root / name
        model_class(config).save_pretrained(str(directory))
        tokenizer.save_pretrained(str(directory))
    (root / "models.json").write_text(json.dumps(sorted(models)), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
