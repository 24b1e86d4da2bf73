"""Learning-rate schedules: linear warmup, then cosine, linear or constant to the last step."""

from __future__ import annotations

import dataclasses
import math

import torch


@dataclasses.dataclass(frozen=True)
class LrMultiplier:
    """The factor on the peak learning rate after `step` optimizer steps (a LambdaLR function).

    A small frozen dataclass rather than a closure, so that LambdaLR can save it in its state dict.
    """

    kind: str
    warmup_steps: int
    total_steps: int

    def __call__(self, step: int) -> float:
        if step < self.warmup_steps:
            return (step + 1) / (self.warmup_steps + 1)
        if self.kind == "constant":
            return 1.0
        decay_steps = max(self.total_steps - self.warmup_steps, 1)
        progress = min((step - self.warmup_steps) / decay_steps, 1.0)
        if self.kind == "linear":
            return 1.0 - progress
        return 0.5 * (1.0 + math.cos(math.pi * progress))


def build_scheduler(
    optimizer: torch.optim.Optimizer, kind: str, warmup_steps: int, total_steps: int
) -> torch.optim.lr_scheduler.LambdaLR:
    return torch.optim.lr_scheduler.LambdaLR(optimizer, LrMultiplier(kind, warmup_steps, total_steps))


def lower_learning_rate(
    scheduler: torch.optim.lr_scheduler.LRScheduler,
    optimizer: torch.optim.Optimizer,
    diverged_peaks: list[float],
    factor: float,
) -> float:
    """After a rollback has loaded a checkpoint: the peak learning rates become ``diverged_peaks``
    (the scheduler's ``base_lrs`` when the loss diverged) times ``factor``; returns the new first peak.

    The peaks the run diverged with, not the checkpoint's: a checkpoint written before an earlier
    rollback holds a higher peak, and one written after it the same. The peak is the scheduler's
    ``base_lrs``, which its state dict carries, so every later checkpoint, and an attempt that
    resumes from one, keeps the lowered rate. The current rate of each parameter group is scaled
    alike, for the step before the scheduler's next ``step()``; the groups of the optimizer the
    loop steps and of the one the scheduler was built on are the same dicts on FSDP, but not
    necessarily once a wrapper (ZeRO-1 on Neuron) has loaded a state dict.
    """
    loaded = list(scheduler.base_lrs)
    scheduler.base_lrs = [peak * factor for peak in diverged_peaks]
    for groups in {
        id(groups): groups for groups in (scheduler.optimizer.param_groups, optimizer.param_groups)
    }.values():
        for group, before, after in zip(groups, loaded, scheduler.base_lrs, strict=True):
            group["lr"] *= after / before
    scheduler._last_lr = [group["lr"] for group in scheduler.optimizer.param_groups]
    return float(scheduler.base_lrs[0])
