"""Which accelerator this process drives and its place in the job; imports nothing of the package.

Every platform (`fsdp`, `neuron`), the checkpoint and output writers stand on this module, and
`device` (which chooses the platform) stands on all of them, so the imports point one way.

Which device: `FINETUNE_DEVICE` (cpu | cuda | neuron) wins; otherwise Neuron when a Neuron device
is visible (`/dev/neuron<N>`, which the Neuron device plugin mounts into the pod, or
`NEURON_RT_VISIBLE_CORES`), then CUDA when torch sees a GPU, then CPU. A Neuron device without the
Neuron packages (a CPU or CUDA image on a trn1 node) is an invalid setup: exit code 2.
"""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Mapping, MutableMapping
from pathlib import Path

import torch

from finetune_contract.methods import AcceleratorFamily

KINDS = tuple(AcceleratorFamily)
"""The device kinds: the accelerator families, whose trainer image builds these are."""


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
