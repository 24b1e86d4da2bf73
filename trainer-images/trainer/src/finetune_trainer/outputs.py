"""Final outputs: the PEFT adapter (safetensors), an optional merged model, or the full model, plus
metrics.json.

```
<output.dir>/adapter/    adapter_config.json + adapter_model.safetensors   (lora, dpo-lora)
<output.dir>/merged/     the base model with the adapter merged in         (output.merge: true)
<output.dir>/model/      the full fine-tuned model                         (sft, dpo)
<output.dir>/metrics.json
```

The sharded weights are gathered to rank 0 (on CPU) with one collective call; rank 0 writes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
from safetensors.torch import save_file
from torch import nn
from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

from finetune_trainer.config import TrainConfig
from finetune_trainer.runtime import Runtime

log = logging.getLogger(__name__)


def _gather_full_state(model: nn.Module, trainable_only: bool) -> dict[str, torch.Tensor]:
    options = StateDictOptions(full_state_dict=True, cpu_offload=True, ignore_frozen_params=trainable_only)
    state = get_model_state_dict(model, options=options)
    return {key: value for key, value in state.items() if isinstance(value, torch.Tensor)}


def write_adapter(directory: Path, model: nn.Module, full_state: Mapping[str, torch.Tensor]) -> None:
    from peft import get_peft_model_state_dict

    adapter_state = get_peft_model_state_dict(model, state_dict=dict(full_state))
    directory.mkdir(parents=True, exist_ok=True)
    save_file(
        {k: v.contiguous() for k, v in adapter_state.items()},
        str(directory / "adapter_model.safetensors"),
        metadata={"format": "pt"},
    )
    peft_config: Any = model.peft_config
    peft_config["default"].save_pretrained(str(directory))


def write_merged(directory: Path, base_model_path: str, adapter_dir: Path, tokenizer: Any) -> None:
    """Loads a fresh base model, applies the saved adapter and merges it: this also proves that
    the adapter on disk loads with plain peft."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(base_model_path, dtype=torch.float32)
    merged = PeftModel.from_pretrained(base, str(adapter_dir)).merge_and_unload()
    merged.save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))


def write_outputs(
    directory: Path,
    *,
    runtime: Runtime,
    config: TrainConfig,
    model: nn.Module,
    tokenizer: Any,
    model_path: str,
    metrics: Mapping[str, Any],
) -> None:
    """Gathers the weights and writes every output. Collective: call on all ranks."""
    full_state = _gather_full_state(model, trainable_only=config.uses_lora)
    if runtime.is_main:
        directory.mkdir(parents=True, exist_ok=True)
        if config.uses_lora:
            adapter_dir = directory / "adapter"
            write_adapter(adapter_dir, model, full_state)
            tokenizer.save_pretrained(str(adapter_dir))
            if config.output.merge:
                write_merged(directory / "merged", model_path, adapter_dir, tokenizer)
        else:
            model_dir = directory / "model"
            model.save_pretrained(str(model_dir), state_dict=full_state)  # type: ignore[operator]
            tokenizer.save_pretrained(str(model_dir))
        (directory / "metrics.json").write_text(
            json.dumps(dict(metrics), indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        log.info("outputs written to %s", directory)
    dist.barrier()
