"""Hang and slowness detection from the trainer's own step reports (pure functions).

A stuck rank in a collective, a dead file-system mount and a deadlocked reward function all
leave the pods Running: only the trainer's progress reports stop. The operator keeps, per job,
the step reports it has seen of the current attempt (``ProgressHistory``, fed from every
FineTuneJob event: on HyperPod the trainer patches ``status.progress`` itself) and judges from
them:

- **Stalled**: no new step for longer than the stall window. The window is
  ``spec.health.stall.windowSeconds`` when the job sets it; otherwise the operator config's
  factor times the median time between the attempt's reports, within its floor and ceiling
  (the ceiling while fewer than two reports are known). The clock starts only at the attempt's
  first step: start-up, data loading and compilation before it can take long, and are never
  a stall.
- **Slow** (condition Degraded): tokens/s below ``slow_ratio`` of the attempt's own median for
  ``slow_seconds``, every report in that period included. Not acted on: a slow job still learns.

Times are the operator's clock when it first saw each step (not the trainer's ``updatedAt``),
so a skewed node clock cannot fake or hide a stall; after an operator restart the first known
report's time is the trainer's ``updatedAt``.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from finetune_operator.api.job import FineTuneJob, Phase, Progress, StallPolicy
from finetune_operator.config import ProgressHealth

HISTORY_LENGTH = 64
"""Reports kept per job: the median of 63 intervals is steady, and 64 reports cost nothing."""
MIN_BASELINE_REPORTS = 5
"""Reports before the slow period that a tokens/s median needs to mean anything."""
MIN_SLOW_REPORTS = 2
"""Reports inside the slow period: one low figure is noise."""

CONDITION_STALLED = "Stalled"
CONDITION_DEGRADED = "Degraded"
CONDITION_RUNNING = "Running"
"""The state machine's condition (statemachine.py imports this module, so it is named here too)."""
REASON_NO_PROGRESS = "NoProgress"
REASON_STALLED = "Stalled"
REASON_PROGRESSING = "Progressing"
REASON_SLOW = "SlowProgress"
REASON_NORMAL_SPEED = "NormalSpeed"


@dataclass(frozen=True)
class StepSeen:
    """One step report: its step, when the operator first saw it and its tokens/s."""

    step: int
    seen: datetime
    tokens_per_second: float | None


@dataclass(frozen=True)
class ProgressHistory:
    """The step reports of one attempt, oldest first (at most ``HISTORY_LENGTH``)."""

    attempt: int
    reports: tuple[StepSeen, ...] = ()


@dataclass(frozen=True)
class Stall:
    """The current attempt reported no step for longer than its window."""

    attempt: int
    step: int
    silent_seconds: float
    window_seconds: float
    policy: StallPolicy

    @property
    def message(self) -> str:
        return (
            f"attempt {self.attempt} reported no step for {self.silent_seconds:.0f} s after step {self.step} "
            f"(stall window {self.window_seconds:.0f} s)"
        )


@dataclass(frozen=True)
class Slowdown:
    """Tokens/s stayed below ``slow_ratio`` of the attempt's median for ``seconds`` (since the
    last report at normal speed)."""

    tokens_per_second: float
    median: float
    seconds: float

    @property
    def message(self) -> str:
        return (
            f"{self.tokens_per_second:.1f} tokens/s, below the attempt's median of {self.median:.1f} "
            f"for {self.seconds:.0f} s"
        )


@dataclass(frozen=True)
class HealthVerdict:
    stall: Stall | None = None
    slowdown: Slowdown | None = None


def progress_of(status: Mapping[str, Any]) -> Progress | None:
    """``status.progress`` of a stored job (a plain dict), or None when it has no step yet."""
    raw = status.get("progress")
    if not isinstance(raw, Mapping):
        return None
    progress = Progress.model_validate(raw)
    return progress if progress.step is not None and progress.attempt is not None else None


def record_progress(
    history: ProgressHistory | None, progress: Progress | None, seen: datetime
) -> ProgressHistory | None:
    """``history`` with ``progress`` added when it is a step not seen yet.

    A report of another attempt starts a new history. So does a step below the last one: the
    attempt's process was restarted inside the attempt (HyperPod auto-resume) and went back to
    its checkpoint, with a start-up of its own before its next report.
    """
    if progress is None or progress.step is None or progress.attempt is None:
        return history
    if history is None or history.attempt != progress.attempt:
        history = ProgressHistory(attempt=progress.attempt)
    reports = history.reports
    if reports and progress.step == reports[-1].step:
        return history
    if reports and progress.step < reports[-1].step:
        reports = ()
    if not reports and progress.updated_at:
        # The first report known (a new attempt, or one seen before an operator restart):
        # when the trainer made it, if that is earlier than now.
        seen = min(seen, _parse(progress.updated_at))
    report = StepSeen(progress.step, seen, progress.tokens_per_second)
    return replace(history, reports=(*reports, report)[-HISTORY_LENGTH:])


def report_interval(history: ProgressHistory | None) -> float | None:
    """The median seconds between the attempt's consecutive reports; None with fewer than two."""
    if history is None or len(history.reports) < 2:
        return None
    times = [r.seen for r in history.reports]
    return statistics.median(
        (later - earlier).total_seconds() for earlier, later in itertools.pairwise(times)
    )


def stall_window(history: ProgressHistory | None, settings: ProgressHealth, override: int | None) -> float:
    """Seconds without a new step before the attempt is stalled: the job's own window, or the
    configured factor times its report interval within floor and ceiling (the ceiling while the
    interval is unknown)."""
    if override is not None:
        return float(override)
    interval = report_interval(history)
    if interval is None:
        return float(settings.stall_window_ceiling_seconds)
    derived = settings.stall_window_factor * interval
    return min(
        max(derived, float(settings.stall_window_floor_seconds)), float(settings.stall_window_ceiling_seconds)
    )


def _last_report(job: FineTuneJob, history: ProgressHistory | None) -> tuple[int, datetime] | None:
    """(step, when) of the current attempt's newest report since it last started running; None
    before its first step.

    An attempt runs again, under the same number, after spec.suspend is lifted or when Kueue
    admits it again after a preemption: its pods start anew, so a report from before that
    (condition Running's last transition to True) says nothing of them and the attempt is starting.
    """
    progress = job.status.progress
    attempt = job.status.current_attempt
    if progress is None or progress.step is None or progress.attempt != attempt:
        return None
    last: tuple[int, datetime] | None = None
    if history is not None and history.attempt == attempt and history.reports:
        newest = history.reports[-1]
        if newest.step == progress.step:
            last = newest.step, newest.seen
    if last is None and progress.updated_at:
        last = progress.step, _parse(progress.updated_at)
    running_since = _running_since(job)
    if last is not None and running_since is not None and last[1] < running_since:
        return None
    return last


def _running_since(job: FineTuneJob) -> datetime | None:
    running = next(
        (c for c in job.status.conditions if c.type == CONDITION_RUNNING and c.status == "True"), None
    )
    return _parse(running.last_transition_time) if running is not None else None


def _watched(job: FineTuneJob) -> bool:
    """Whether the job's attempt should be reporting steps now: it runs, nobody paused it."""
    return job.status.phase == Phase.RUNNING and not job.spec.suspend


def find_stall(
    job: FineTuneJob, history: ProgressHistory | None, settings: ProgressHealth, now: datetime
) -> Stall | None:
    """The running attempt's stall, if it has been silent past its window since a reported step."""
    if not _watched(job):
        return None
    last = _last_report(job, history)
    if last is None:
        return None  # still starting: nothing is judged before the attempt's first step
    step, when = last
    window = stall_window(history, settings, job.spec.health.stall.window_seconds)
    silent = (now - when).total_seconds()
    if silent <= window:
        return None
    return Stall(job.status.current_attempt, step, silent, window, job.spec.health.stall.policy)


def stall_check_in(
    job: FineTuneJob, history: ProgressHistory | None, settings: ProgressHealth, now: datetime
) -> float | None:
    """Seconds until the running attempt's window ends if no step comes meanwhile (a look then
    decides); None while there is nothing to watch."""
    if not _watched(job):
        return None
    last = _last_report(job, history)
    if last is None:
        return None
    window = stall_window(history, settings, job.spec.health.stall.window_seconds)
    return max((last[1] - now).total_seconds() + window, 0.0) + 1.0


def find_slowdown(
    history: ProgressHistory | None, settings: ProgressHealth, now: datetime
) -> Slowdown | None:
    """A sustained slowdown: every report of the last ``slow_seconds`` (at least
    ``MIN_SLOW_REPORTS``) below ``slow_ratio`` of the median of the reports before them (at least
    ``MIN_BASELINE_REPORTS``)."""
    if history is None:
        return None
    reports = [r for r in history.reports if r.tokens_per_second is not None]
    since = [r for r in reports if (now - r.seen).total_seconds() <= settings.slow_seconds]
    before = [r for r in reports if (now - r.seen).total_seconds() > settings.slow_seconds]
    if len(since) < MIN_SLOW_REPORTS or len(before) < MIN_BASELINE_REPORTS:
        return None
    median = statistics.median(r.tokens_per_second or 0.0 for r in before)
    if median <= 0 or any((r.tokens_per_second or 0.0) >= settings.slow_ratio * median for r in since):
        return None
    threshold = settings.slow_ratio * median
    normal = [r for r in before if (r.tokens_per_second or 0.0) >= threshold]
    slow_since = normal[-1].seen if normal else before[0].seen
    return Slowdown(since[-1].tokens_per_second or 0.0, median, (now - slow_since).total_seconds())


def health_look_wanted(
    status: Mapping[str, Any], history: ProgressHistory | None, settings: ProgressHealth, now: datetime
) -> bool:
    """Whether a progress report changed what the job's health conditions should say: a stalled
    job's new attempt reported its first step, or the job became slow or got its speed back.
    (Progress reports alone wake no reconcile: most of them change nothing else.)"""
    if status.get("phase") != Phase.RUNNING.value:
        return False
    progress = status.get("progress") or {}
    if _condition_true(status, CONDITION_STALLED) and progress.get("attempt") == status.get("currentAttempt"):
        return True
    return _condition_true(status, CONDITION_DEGRADED) != (find_slowdown(history, settings, now) is not None)


def _condition_true(status: Mapping[str, Any], type_: str) -> bool:
    return any(
        isinstance(c, Mapping) and c.get("type") == type_ and c.get("status") == "True"
        for c in status.get("conditions") or []
    )


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
