"""Saving and restoring the full training state with torch.distributed.checkpoint (DCP).

A checkpoint holds what a resumed run needs to continue as if never stopped: the model shards
(only the trainable adapter for LoRA; the frozen base is reloaded from `model.path`), the optimizer
and LR scheduler, every rank's RNG states and the data position. All ranks write their shards
into `.tmp-step-N`; rank 0 then writes `trainer_state.json` and the COMPLETE manifest, renames the
directory and moves `latest` (see checkpoint_layout).
"""

from __future__ import annotations

import base64
import dataclasses
import json
import random
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
import torch.distributed.checkpoint as dcp
from torch import nn
from torch.distributed.checkpoint.state_dict import StateDictOptions, get_state_dict, set_state_dict

from finetune_trainer import checkpoint_layout as layout
from finetune_trainer.device import Runtime


@dataclasses.dataclass(frozen=True)
class TrainerState:
    """What `trainer_state.json` records besides tensors."""

    step: int
    epoch: float
    data_position: int  # global row index of the next row to train on
    tokens_seen: int
    attempt: int
    world_size: int
    rng: list[dict[str, Any]]  # per rank

    def to_json(self) -> str:
        return json.dumps(
            {
                "step": self.step,
                "epoch": self.epoch,
                "data": {"position": self.data_position, "tokensSeen": self.tokens_seen},
                "attempt": self.attempt,
                "worldSize": self.world_size,
                "rng": self.rng,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> TrainerState:
        raw = json.loads(text)
        return cls(
            step=int(raw["step"]),
            epoch=float(raw["epoch"]),
            data_position=int(raw["data"]["position"]),
            tokens_seen=int(raw["data"]["tokensSeen"]),
            attempt=int(raw["attempt"]),
            world_size=int(raw["worldSize"]),
            rng=list(raw["rng"]),
        )


def encode_tensor(state: torch.Tensor) -> str:
    return base64.b64encode(state.numpy().tobytes()).decode("ascii")


def decode_tensor(text: str) -> torch.Tensor:
    return torch.frombuffer(bytearray(base64.b64decode(text)), dtype=torch.uint8).clone()


def capture_rng() -> dict[str, Any]:
    version, internal, gauss = random.getstate()
    state: dict[str, Any] = {
        "python": {"version": version, "internal": ",".join(map(str, internal)), "gauss": gauss},
        "torch": encode_tensor(torch.get_rng_state()),
    }
    if torch.cuda.is_available():
        state["cuda"] = [encode_tensor(s) for s in torch.cuda.get_rng_state_all()]
    return state


def restore_rng(state: dict[str, Any]) -> None:
    python = state["python"]
    internal = tuple(int(v) for v in python["internal"].split(","))
    random.setstate((python["version"], internal, python["gauss"]))
    torch.set_rng_state(decode_tensor(state["torch"]))
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([decode_tensor(s) for s in state["cuda"]])


def _options(adapter_only: bool) -> StateDictOptions:
    # Loading an adapter-only state into the full model is not strict: the frozen base is not in the
    # checkpoint. dcp.load still fails on any adapter or optimizer key the checkpoint lacks.
    return StateDictOptions(ignore_frozen_params=adapter_only, strict=not adapter_only)


def save(
    directory: Path,
    *,
    runtime: Runtime,
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler: torch.optim.lr_scheduler.LRScheduler,
    adapter_only: bool,
    state: TrainerState,
    job_uid: str,
    keep_last: int,
) -> Path:
    """Writes a complete checkpoint for `state.step` and returns its final path. Collective."""
    tmp = directory / layout.temporary_dir_name(state.step)
    if runtime.is_main:
        directory.mkdir(parents=True, exist_ok=True)
        layout.remove_stale_temporaries(directory)
        tmp.mkdir()
    dist.barrier()
    model_state, optim_state = get_state_dict(model, optimizer, options=_options(adapter_only))
    dcp.save(model_state, checkpoint_id=str(tmp / "model"))
    dcp.save(
        {"optimizer": optim_state, "scheduler": scheduler.state_dict()}, checkpoint_id=str(tmp / "optim")
    )
    rng_states: list[Any] = [None] * runtime.world_size
    dist.all_gather_object(rng_states, capture_rng())
    final = directory / layout.step_dir_name(state.step)
    if runtime.is_main:
        full_state = dataclasses.replace(state, rng=rng_states)
        (tmp / layout.TRAINER_STATE).write_text(full_state.to_json(), encoding="utf-8")
        layout.seal(
            directory,
            tmp,
            step=state.step,
            attempt=state.attempt,
            job_uid=job_uid,
            world_size=runtime.world_size,
            keep_last=keep_last,
        )
    dist.barrier()
    return final


def load(
    checkpoint: Path,
    *,
    runtime: Runtime,
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler: torch.optim.lr_scheduler.LRScheduler,
    adapter_only: bool,
) -> TrainerState:
    """Restores model, optimizer, scheduler and this rank's RNG from a complete checkpoint. Collective."""
    state = TrainerState.from_json((checkpoint / layout.TRAINER_STATE).read_text(encoding="utf-8"))
    model_state, optim_state = get_state_dict(model, optimizer, options=_options(adapter_only))
    dcp.load(model_state, checkpoint_id=str(checkpoint / "model"))
    training_state = {"optimizer": optim_state, "scheduler": scheduler.state_dict()}
    dcp.load(training_state, checkpoint_id=str(checkpoint / "optim"))
    set_state_dict(
        model,
        optimizer,
        model_state_dict=model_state,
        optim_state_dict=training_state["optimizer"],
        options=_options(adapter_only),
    )
    scheduler.load_state_dict(training_state["scheduler"])
    if state.world_size == runtime.world_size:
        restore_rng(state.rng[runtime.rank])
    return state
