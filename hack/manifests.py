"""The FineTuneJob the cluster tests, the benchmarks and the capture scripts start from.

A LoRA job on llama-3.2-1b (a built-in recipe) reading one JSONL file; callers change
what their case is about through keyword arguments (top-level spec keys) or ``spec_extra``.
"""

from __future__ import annotations

from typing import Any

GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"


def job_manifest(name: str, spec_extra: dict[str, Any] | None = None, **spec: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "model": {"name": "llama-3.2-1b"},
        "method": "lora",
        "data": {"train": {"path": "/fsx/data/{namespace}/train.jsonl"}},
    }
    base.update(spec)
    base.update(spec_extra or {})
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneJob",
        "metadata": {"name": name},
        "spec": base,
    }
