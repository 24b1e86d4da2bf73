"""The device layer: the `Platform` that trains on this process's accelerator, and which one runs.

`train.py` is device-agnostic: it asks a `Platform` to build the model and optimizer, run the
backward pass and optimizer step, save and load checkpoints and write outputs. Two platforms exist:

- `fsdp.FsdpPlatform` (CPU with gloo, CUDA with NCCL): FSDP2, torch.distributed.checkpoint;
- `neuron.NeuronPlatform` (Trainium): optimum-neuron's tensor-parallel models, ZeRO-1, the
  neuronx-distributed sharded checkpoint. Its packages exist only in the Neuron image, so
  `neuron.py` imports them inside functions and nothing imports `neuron.py` unless Neuron was chosen.

Which device runs is `runtime.detect_device_kind`'s answer; this module sits above both platforms
(it imports them when it starts one) and nothing below it imports it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import torch
from torch import nn

from finetune_contract.methods import AcceleratorFamily, family_problem
from finetune_trainer.runtime import (
    Runtime,
    UnsupportedDevice,
    default_single_process_env,
    detect_device_kind,
    neuron_device_visible,
)

if TYPE_CHECKING:
    from finetune_trainer.checkpoint_layout import TrainerState
    from finetune_trainer.config import TrainConfig
    from finetune_trainer.methods import Method
    from finetune_trainer.rewards import Reward, Toolbox


class Platform(Protocol):
    """What the training loop needs from a device; every method is collective unless noted."""

    runtime: Runtime
    reduce_dtype: torch.dtype  # dtype of the loop's cross-rank sums (Neuron has no float64)

    def build_model(self, config: TrainConfig, model_path: str) -> nn.Module: ...

    def build_optimizer(
        self, config: TrainConfig, model: nn.Module, total_steps: int
    ) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler]: ...

    def method(
        self,
        config: TrainConfig,
        model: nn.Module,
        tokenizer: Any,
        model_path: str,
        rewards: tuple[Reward, ...],
        toolbox: Toolbox | None,
    ) -> Method:
        """The training method; `rewards` and `toolbox` are GRPO's (loaded and checked at start-up)."""
        ...

    def start_step(self, step: int) -> None:
        """Called before the first forward pass of each step, `step` being the steps done (not collective)."""
        ...

    def backward(self, model: nn.Module, loss: torch.Tensor, last_micro_batch: bool) -> None: ...

    def step(self, model: nn.Module, optimizer: torch.optim.Optimizer) -> float:
        """Reduces and clips gradients, steps the optimizer; returns the gradient norm."""
        ...

    def save(
        self,
        directory: Path,
        *,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
        state: TrainerState,
        job_uid: str,
        keep_last: int,
        method_state: object | None = None,
    ) -> Path:
        """Writes a complete checkpoint; `method_state` is this rank's `Method.state()`, if any."""
        ...

    def load(
        self,
        checkpoint: Path,
        *,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
    ) -> TrainerState: ...

    def write_outputs(
        self,
        directory: Path,
        *,
        config: TrainConfig,
        model: nn.Module,
        tokenizer: Any,
        model_path: str,
        metrics: Mapping[str, Any],
    ) -> None: ...

    def metrics(self) -> dict[str, Any]:
        """Device-specific entries for metrics.json (not collective)."""
        ...


DEVICE_NAMES = {
    AcceleratorFamily.NEURON: "Neuron (trn1)",
    AcceleratorFamily.CUDA: "a CUDA GPU (g5, g6, g6e, p4d, p5)",
    AcceleratorFamily.CPU: "a CPU",
}
"""The device kinds (`runtime.detect_device_kind`, the accelerator families' names) as a refusal says them."""


def check_device_features(config: TrainConfig, kind: str) -> None:
    """Features that only some devices have: an `UnsupportedDevice` (exit 2) names what to change."""
    family = AcceleratorFamily(kind)
    reason = family_problem(config.method, family)
    if reason is not None:
        runs_on = " or ".join(DEVICE_NAMES[f] for f in config.method.traits.families)
        raise UnsupportedDevice(
            f"method {config.method} does not run on {DEVICE_NAMES[family]}: {reason}; use an instance "
            f"type with {runs_on}"
        )
    if config.grpo is not None and config.grpo.generation_engine == "vllm" and kind != "cuda":
        raise UnsupportedDevice(
            f"grpo.generationEngine vllm needs a CUDA GPU; this is a {kind} instance type: use hf"
        )
    if config.lora is not None and config.lora.load_in_4bit and kind != "cuda":
        raise UnsupportedDevice(
            f"lora.loadIn4Bit needs a CUDA GPU (bitsandbytes); this is a {kind} instance type"
        )


def start_platform(config: TrainConfig, env: MutableMapping[str, str] | None = None) -> Platform:
    """Detects the device, joins the process group and returns the platform that trains on it."""
    env = os.environ if env is None else env
    kind = detect_device_kind(env, neuron_device_visible(env), torch.cuda.is_available())
    default_single_process_env(env)
    check_device_features(config, kind)
    if kind == "neuron":
        from finetune_trainer.neuron import NeuronPlatform

        return NeuronPlatform.start(config, env)
    from finetune_trainer.fsdp import FsdpPlatform

    return FsdpPlatform.start(kind, config, env)
