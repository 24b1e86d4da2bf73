"""The device layer: which accelerator this process drives, and the platform that trains on it.

`train.py` is device-agnostic: it asks a `Platform` to build the model and optimizer, run the
backward pass and optimizer step, save and load checkpoints and write outputs. Two platforms exist:

- `fsdp.FsdpPlatform` (CPU with gloo, CUDA with NCCL): FSDP2, torch.distributed.checkpoint;
- `neuron.NeuronPlatform` (Trainium): optimum-neuron's tensor-parallel models, ZeRO-1, the
  neuronx-distributed sharded checkpoint. Its packages exist only in the Neuron image, so
  `neuron.py` imports them inside functions and nothing imports `neuron.py` unless Neuron was chosen.

Which one runs: `FINETUNE_DEVICE` (cpu | cuda | neuron) wins; otherwise Neuron when a Neuron device
is visible (`/dev/neuron<N>`, which the Neuron device plugin mounts into the pod, or
`NEURON_RT_VISIBLE_CORES`), then CUDA when torch sees a GPU, then CPU. A Neuron device without the
Neuron packages (a CPU or CUDA image on a trn1 node) is an invalid setup: exit code 2.
"""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import torch
from torch import nn

if TYPE_CHECKING:
    from finetune_trainer.checkpoint import TrainerState
    from finetune_trainer.config import TrainConfig
    from finetune_trainer.methods import Method

KINDS = ("cpu", "cuda", "neuron")


class UnsupportedDevice(RuntimeError):
    """The device found cannot run the requested configuration (exit code 2)."""


@dataclasses.dataclass(frozen=True)
class Runtime:
    """This process's place in the job.

    `data_rank`/`data_world_size` index the data-parallel replicas, which each take their own
    rows of a step: under FSDP every rank is one; under tensor parallelism the ranks of one
    tensor-parallel group share a replica and must see the same rows.
    """

    rank: int
    world_size: int
    local_rank: int
    kind: str  # cuda | cpu | neuron
    device: torch.device
    data_rank: int
    data_world_size: int

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def replicas(self) -> int:
        """How many ranks compute the same data-parallel replica's values (the TP degree)."""
        return self.world_size // self.data_world_size


def neuron_device_visible(env: Mapping[str, str], dev: Path = Path("/dev")) -> bool:
    return "NEURON_RT_VISIBLE_CORES" in env or any(dev.glob("neuron[0-9]*"))


def detect_device_kind(env: Mapping[str, str], neuron_visible: bool, cuda_available: bool) -> str:
    """`FINETUNE_DEVICE` wins (cpu | cuda | neuron); otherwise Neuron, then CUDA, then CPU."""
    requested = env.get("FINETUNE_DEVICE")
    if requested:
        if requested not in KINDS:
            raise UnsupportedDevice(f"FINETUNE_DEVICE must be cpu, cuda or neuron, got {requested!r}")
        return requested
    if neuron_visible:
        return "neuron"
    return "cuda" if cuda_available else "cpu"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def default_single_process_env(env: MutableMapping[str, str]) -> None:
    """Lets `finetune-train` run without torchrun as a world of one (the local demo, debugging)."""
    if "RANK" in env:
        return
    env.update({"RANK": "0", "WORLD_SIZE": "1", "LOCAL_RANK": "0", "MASTER_ADDR": "127.0.0.1"})
    env.setdefault("MASTER_PORT", str(_free_port()))


def compute_dtype(precision: str, kind: str) -> torch.dtype:
    """The dtype layers compute in; parameters and optimizer state stay fp32 (FSDP mixed precision)."""
    if precision == "fp32":
        return torch.float32
    if precision == "fp16" and kind != "cuda":
        raise UnsupportedDevice(f"training.precision fp16 needs a CUDA device; use bf16 or fp32 on {kind}")
    return torch.bfloat16 if precision == "bf16" else torch.float16


class Platform(Protocol):
    """What the training loop needs from a device; every method is collective unless noted."""

    runtime: Runtime
    reduce_dtype: torch.dtype  # dtype of the loop's cross-rank sums (Neuron has no float64)

    def build_model(self, config: TrainConfig, model_path: str) -> nn.Module: ...

    def build_optimizer(
        self, config: TrainConfig, model: nn.Module, total_steps: int
    ) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler]: ...

    def method(self, config: TrainConfig, model: nn.Module, tokenizer: Any, model_path: str) -> Method: ...

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
    ) -> Path: ...

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


def start_platform(config: TrainConfig, env: MutableMapping[str, str] | None = None) -> Platform:
    """Detects the device, joins the process group and returns the platform that trains on it."""
    env = os.environ if env is None else env
    kind = detect_device_kind(env, neuron_device_visible(env), torch.cuda.is_available())
    default_single_process_env(env)
    if kind == "neuron":
        from finetune_trainer.neuron import NeuronPlatform

        return NeuronPlatform.start(config, env)
    from finetune_trainer.fsdp import FsdpPlatform

    return FsdpPlatform.start(kind, config, env)
