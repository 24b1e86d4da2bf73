"""Saving and restoring the full training state on CPU/CUDA with torch.distributed.checkpoint (DCP).

A checkpoint holds what a resumed run needs to continue as if never stopped: the model shards
(only the trainable adapter for LoRA; the frozen base is reloaded from `model.path`), the optimizer
and LR scheduler, every rank's RNG states (gathered into `trainer_state.json`) and the data
position. The save sequence around the shards (`.tmp-step-N`, COMPLETE, rename, `latest`) is
`checkpoint_layout.write_checkpoint`, the same on every platform.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
import torch.distributed.checkpoint as dcp
from torch import nn
from torch.distributed.checkpoint.state_dict import StateDictOptions, get_state_dict, set_state_dict

from finetune_trainer import checkpoint_layout as layout
from finetune_trainer.checkpoint_layout import TrainerState
from finetune_trainer.rng import capture_rng, restore_rng
from finetune_trainer.runtime import Runtime


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
    method_state: object | None = None,
) -> Path:
    """Writes a complete checkpoint for `state.step` and returns its final path. Collective."""

    def write_shards(checkpoint_tmp: Path) -> TrainerState:
        if method_state is not None:
            torch.save(method_state, checkpoint_tmp / layout.method_state_file(runtime.rank))
        model_state, optim_state = get_state_dict(model, optimizer, options=_options(adapter_only))
        dcp.save(model_state, checkpoint_id=str(checkpoint_tmp / "model"))
        dcp.save(
            {"optimizer": optim_state, "scheduler": scheduler.state_dict()},
            checkpoint_id=str(checkpoint_tmp / "optim"),
        )
        rng_states: list[Any] = [None] * runtime.world_size
        dist.all_gather_object(rng_states, capture_rng())
        return dataclasses.replace(state, rng=rng_states)

    return layout.write_checkpoint(
        directory,
        state,
        is_main=runtime.is_main,
        job_uid=job_uid,
        keep_last=keep_last,
        barrier=lambda _what: dist.barrier(),
        write_shards=write_shards,
    )


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
    state = layout.read_trainer_state(checkpoint)
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
