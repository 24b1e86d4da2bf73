"""Loss divergence: the detector (pure) and the rollback bookkeeping of docs/trainer.md, "Divergence".

A step's loss diverges when it is not finite (NaN or infinite: no step can continue from the
weights it produced) or when it spikes: it lies more than `spikeDeviations` robust deviations
above the median of the last `window` steps' losses. The robust deviation is 1.4826 times the
median absolute deviation (MAD), the standard deviation's robust twin for normal noise, so one
earlier outlier in the window moves neither the centre nor the scale. Only a rise counts: a
loss that falls fast is training going well.

No spike is called before the window is full: the first steps of a run (warm-up, a new
attempt's first steps after a resume, the compiler's first graphs on Neuron) have no history to
compare with, and a loss that falls steeply at the start would otherwise make the scale
meaningless. The deviation has a floor (`RELATIVE_SCALE_FLOOR` of the median's size), so a loss
that has gone flat does not turn every small wiggle into a spike.

GRPO's loss gets only the non-finite test (`monitor_for` says why).

Every rank sees the same loss (summed over replicas before the check), so every rank takes the
same decision at the same step with no extra collective.
"""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections import deque

from finetune_trainer.config import DivergenceSpec

MAD_TO_SIGMA = 1.4826
"""MAD x this estimates the standard deviation of normally distributed values."""
RELATIVE_SCALE_FLOOR = 0.01
"""The robust deviation is at least this share of the median's magnitude."""
ABSOLUTE_SCALE_FLOOR = 0.01
"""...and at least this many nats: a loss near zero (DPO's late in training) with a tiny MAD would
otherwise call a batch a little harder than the last ones a spike."""

POLICY_ROLLBACK = "rollback"
POLICY_FAIL = "fail"
POLICY_OFF = "off"


@dataclasses.dataclass(frozen=True)
class Divergence:
    """What the detector saw at one step."""

    step: int
    loss: float
    reason: str
    """In words, e.g. ``loss is nan``, or ``loss 9.1 is 14.2 robust deviations above the median 2.3
    of the last 32 steps (limit 8)``."""


class LossMonitor:
    """Keeps the last `window` good losses, by step, and judges each new one."""

    def __init__(self, spike_deviations: float, window: int, detect_spikes: bool = True) -> None:
        if window < 2:
            raise ValueError(f"window must be at least 2 steps, got {window}")
        self.spike_deviations = spike_deviations
        self.window = window
        self.detect_spikes = detect_spikes
        self._history: deque[tuple[int, float]] = deque(maxlen=window)

    @property
    def losses(self) -> list[float]:
        return [loss for _, loss in self._history]

    def observe(self, step: int, loss: float) -> Divergence | None:
        """Judges the loss of ``step``: a `Divergence`, or None (then it joins the window)."""
        if not math.isfinite(loss):
            return Divergence(step, loss, f"loss is {loss}")
        if self.detect_spikes and len(self._history) == self.window:
            centre, scale = robust_centre_and_scale(self.losses)
            deviations = (loss - centre) / scale
            if deviations > self.spike_deviations:
                return Divergence(
                    step,
                    loss,
                    f"loss {loss:.6g} is {deviations:.1f} robust deviations above the median {centre:.6g} "
                    f"of the last {self.window} steps (limit {self.spike_deviations:g})",
                )
        self._history.append((step, loss))
        return None

    def forget_after(self, step: int) -> None:
        """Drops the losses of steps after ``step``: training went back to its checkpoint, and
        the steps it will run again are judged against what came before them."""
        kept = [(s, loss) for s, loss in self._history if s <= step]
        self._history.clear()
        self._history.extend(kept)


def robust_centre_and_scale(values: list[float]) -> tuple[float, float]:
    """(median, robust deviation) of ``values``: 1.4826 x MAD, with the floors of the module doc."""
    centre = statistics.median(values)
    mad = statistics.median(abs(value - centre) for value in values)
    scale = max(MAD_TO_SIGMA * mad, RELATIVE_SCALE_FLOOR * abs(centre), ABSOLUTE_SCALE_FLOOR)
    return centre, scale


def monitor_for(spec: DivergenceSpec, uses_rewards: bool) -> LossMonitor:
    """The run's monitor. GRPO (``uses_rewards``) gets no spike test: its loss is a policy-gradient
    surrogate centred on zero by its normalised advantages (exactly zero for a batch whose groups
    all scored alike), whose rises say nothing about divergence; a non-finite loss still counts."""
    detect_spikes = spec.policy != POLICY_OFF and not uses_rewards
    return LossMonitor(spec.spike_deviations, spec.window, detect_spikes=detect_spikes)


def refusal(spec: DivergenceSpec, divergence: Divergence, rollbacks: int, has_checkpoint: bool) -> str | None:
    """Why this divergence ends the run (exit code 3), or None when the trainer rolls back."""
    what = f"training diverged at step {divergence.step}: {divergence.reason}"
    if spec.policy == POLICY_OFF:
        return f"{what} (spec.health.divergence.policy off; lower optimizer.learningRate)"
    if spec.policy == POLICY_FAIL:
        return f"{what} (spec.health.divergence.policy fail)"
    if rollbacks >= spec.max_rollbacks:
        return (
            f"{what}, after {rollbacks} rollback(s) (spec.health.divergence.maxRollbacks "
            f"{spec.max_rollbacks}); lower optimizer.learningRate or check the data"
        )
    if not has_checkpoint:
        return (
            f"{what}, and no checkpoint before it to roll back to (lower "
            "checkpointing.everySteps or optimizer.learningRate)"
        )
    return None
