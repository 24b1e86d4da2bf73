"""The device layer: which accelerator this process drives and how the ranks talk to each other.

CUDA uses NCCL, CPU uses gloo. Trainium (Neuron) is detected without importing its packages, which
exist only in the Neuron image; every other path must run without them.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib.util
import os
import socket
from collections.abc import Mapping, MutableMapping

import torch
import torch.distributed as dist


class UnsupportedDevice(RuntimeError):
    """The device found cannot run the requested configuration (exit code 2)."""


@dataclasses.dataclass(frozen=True)
class Runtime:
    rank: int
    world_size: int
    local_rank: int
    kind: str  # cuda | cpu | neuron
    device: torch.device

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def detect_device_kind(env: Mapping[str, str]) -> str:
    """`FINETUNE_DEVICE` wins (cpu | cuda | neuron); otherwise Neuron, then CUDA, then CPU."""
    requested = env.get("FINETUNE_DEVICE")
    if requested:
        if requested not in ("cpu", "cuda", "neuron"):
            raise UnsupportedDevice(f"FINETUNE_DEVICE must be cpu, cuda or neuron, got {requested!r}")
        return requested
    if importlib.util.find_spec("torch_neuronx") is not None:
        return "neuron"
    if torch.cuda.is_available():
        return "cuda"
    return "cpu"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _default_single_process_env(env: MutableMapping[str, str]) -> None:
    """Lets `finetune-train` run without torchrun as a world of one (the local demo, debugging)."""
    if "RANK" in env:
        return
    env.update({"RANK": "0", "WORLD_SIZE": "1", "LOCAL_RANK": "0", "MASTER_ADDR": "127.0.0.1"})
    env.setdefault("MASTER_PORT", str(_free_port()))


def init_distributed(env: MutableMapping[str, str] | None = None) -> Runtime:
    env = os.environ if env is None else env
    kind = detect_device_kind(env)
    if kind == "neuron":
        raise UnsupportedDevice(
            "a Neuron device was found, but this trainer build has no Neuron training path yet "
            "(tensor parallel via optimum-neuron); run on CUDA or CPU, or set FINETUNE_DEVICE=cpu"
        )
    if kind == "cuda" and not torch.cuda.is_available():
        raise UnsupportedDevice("FINETUNE_DEVICE=cuda but no CUDA device is visible")
    _default_single_process_env(env)
    rank, world_size, local_rank = int(env["RANK"]), int(env["WORLD_SIZE"]), int(env.get("LOCAL_RANK", "0"))
    if kind == "cuda":
        torch.cuda.set_device(local_rank)
        device = torch.device("cuda", local_rank)
    else:
        device = torch.device("cpu")
    if not dist.is_initialized():
        dist.init_process_group(
            backend="nccl" if kind == "cuda" else "gloo",
            rank=rank,
            world_size=world_size,
            timeout=datetime.timedelta(minutes=30),
        )
    return Runtime(rank=rank, world_size=world_size, local_rank=local_rank, kind=kind, device=device)


def compute_dtype(precision: str, kind: str) -> torch.dtype:
    """The dtype layers compute in; parameters and optimizer state stay fp32 (FSDP mixed precision)."""
    if precision == "fp32":
        return torch.float32
    if precision == "fp16" and kind == "cpu":
        raise UnsupportedDevice("training.precision fp16 needs a CUDA device; use bf16 or fp32 on CPU")
    return torch.bfloat16 if precision == "bf16" else torch.float16
