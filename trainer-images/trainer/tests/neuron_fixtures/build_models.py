"""Builds the tiny models of every architecture the trn1 recipes name, with the Neuron image's transformers.

Run with the Neuron environment's Python and the repository's root on PYTHONPATH
(`.venv-neuron/bin/python build_models.py DIRECTORY`, as test_trainer_neuron_xla.py does): the configs
are then written by transformers 4.57, the version optimum-neuron reads them with. The shapes are the
one tiny-model builder's (hack/tiny_model.py); each model gets its own folder under DIRECTORY with the
shared tokenizer (trained here).

- `llama-3.1`: Llama 3.1's shape in small: grouped-query attention, untied embeddings, `llama3` RoPE
  scaling (llama-3.1-8b, llama-3.1-70b).
- `llama-3.2`: the same with tied input and output embeddings (llama-3.2-1b, llama-3.2-3b).
- `mistral`, `qwen2`: Mistral 7B's and Qwen2.5's architectures (q/k/v biases in Qwen2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hack.tiny_model import save_tiny_model, tokenizer_corpus, train_tokenizer

ARCHITECTURES = ("llama-3.1", "llama-3.2", "mistral", "qwen2")


def main(root: Path) -> None:
    tokenizer = train_tokenizer(root / "tokenizer", tokenizer_corpus())
    for architecture in ARCHITECTURES:
        save_tiny_model(root / architecture, tokenizer, architecture)
    (root / "models.json").write_text(json.dumps(sorted(ARCHITECTURES)), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
