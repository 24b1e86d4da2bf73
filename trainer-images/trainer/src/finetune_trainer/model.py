"""Builds the policy (and, for DPO, the reference) model: load, LoRA, gradient checkpointing, FSDP2.

Every rank loads the same weights and seeds the same generator before adding LoRA, so all ranks
start identical; `fully_shard` then keeps one shard per rank. Each decoder layer is its own FSDP
unit (the classes the model names in `_no_split_modules`), so only one layer's parameters are
gathered at a time.
"""

from __future__ import annotations

import logging
from typing import Any

import torch
from torch import nn
from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

from finetune_contract.config_schema import ConfigError
from finetune_trainer.config import LoraSpec, TrainConfig

log = logging.getLogger(__name__)


def load_tokenizer(path: str, field: str = "model.tokenizer") -> Any:
    """The tokenizer at `path`; one that does not load is a spec error (`field` names the config key)."""
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{field}: cannot load a tokenizer from {path}: {exc}") from exc
    if tokenizer.pad_token_id is None:
        # Padding positions never carry a label or receive attention, so any id is safe.
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_causal_lm(path: str) -> nn.Module:
    from transformers import AutoModelForCausalLM

    # fp32 master weights: FSDP's mixed-precision policy casts to the compute dtype per layer.
    model: nn.Module = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
    return model


def add_lora(model: nn.Module, spec: LoraSpec, seed: int) -> nn.Module:
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(seed)  # identical adapter initialisation on every rank
    config = LoraConfig(
        r=spec.rank,
        lora_alpha=spec.alpha,  # type: ignore[arg-type]  # annotated int; peft computes alpha / r in float
        lora_dropout=spec.dropout,
        target_modules=list(spec.target_modules),
        task_type="CAUSAL_LM",
    )
    try:
        peft_model: nn.Module = get_peft_model(model, config)
    except ValueError as exc:
        raise ConfigError(
            f"lora.targetModules {list(spec.target_modules)} do not fit this model: {exc}"
        ) from exc
    return peft_model


def _layer_classes(model: nn.Module) -> set[str]:
    names: set[str] = set()
    for module in model.modules():
        names.update(getattr(module, "_no_split_modules", None) or [])
    return names


def shard(model: nn.Module, dtype: torch.dtype) -> nn.Module:
    """FSDP2 per decoder layer, then the root (embeddings, norm, head)."""
    policy = MixedPrecisionPolicy(param_dtype=dtype, reduce_dtype=torch.float32)
    layer_classes = _layer_classes(model)
    layers = [m for m in model.modules() if type(m).__name__ in layer_classes]
    if not layers:
        raise ConfigError(
            "model.path: cannot find the model's decoder layers (no _no_split_modules) to shard; FSDP "
            "cannot train this architecture"
        )
    for layer in layers:
        fully_shard(layer, mp_policy=policy)
    fully_shard(model, mp_policy=policy)
    return model


def load_causal_lm_4bit(path: str, dtype: torch.dtype, device: torch.device) -> nn.Module:
    """The frozen base in 4-bit NF4 on this rank's GPU (bitsandbytes), computing in `dtype`."""
    from peft import prepare_model_for_kbit_training
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    quantization = BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=dtype,
    )
    model: nn.Module = AutoModelForCausalLM.from_pretrained(
        path, quantization_config=quantization, dtype=dtype, device_map={"": device}
    )
    # Norms in fp32 and input gradients on, so that adapters train through the frozen 4-bit layers.
    prepared: nn.Module = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
    return prepared


def build_policy(config: TrainConfig, model_path: str, dtype: torch.dtype, device: torch.device) -> nn.Module:
    """The policy: FSDP2-sharded, or with `lora.loadIn4Bit` a replica per GPU (bitsandbytes' packed
    4-bit weights cannot be sharded; only the small adapters train, and their gradients are
    averaged over ranks by the platform)."""
    quantized = config.lora is not None and config.lora.load_in_4bit
    model = load_causal_lm_4bit(model_path, dtype, device) if quantized else load_causal_lm(model_path)
    if config.training.gradient_checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})  # type: ignore[operator]
    if config.lora is not None:
        model = add_lora(model, config.lora, config.training.seed)
    return model if quantized else shard(model, dtype)


def build_reference(model_path: str, dtype: torch.dtype) -> nn.Module:
    """A frozen copy of the starting model for full-parameter DPO (LoRA DPO disables the adapter instead)."""
    model = load_causal_lm(model_path)
    model.requires_grad_(False)
    model.eval()
    return shard(model, dtype)


def trainable_parameter_count(model: nn.Module) -> tuple[int, int]:
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return trainable, sum(p.numel() for p in model.parameters())
