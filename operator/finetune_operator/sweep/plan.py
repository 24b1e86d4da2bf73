"""The pure decision of one look at a sweep: (sweep, its trials' FineTuneJobs, now) -> SweepPlan.

Which trials to create (deterministic names, their parameters), which to stop early, which to
suspend or continue, and the sweep's new status and Events. The controller carries the plan out;
nothing here calls the API server.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from finetune_operator.api.job import Condition
from finetune_operator.api.sweep import (
    MAX_INTERMEDIATE_VALUES,
    BestTrial,
    Direction,
    FineTuneSweep,
    FineTuneSweepStatus,
    SweepPhase,
    TrialState,
    TrialStatus,
)
from finetune_operator.attempt import JobEvent
from finetune_operator.errors import SpecError
from finetune_operator.statemachine import format_time
from finetune_operator.sweep.search import TrialRecord, next_params, search_exhausted, should_stop
from finetune_operator.sweep.space import check_parameters
from finetune_operator.sweep.trials import (
    TrialView,
    merge_intermediate,
    trial_manifest,
    trial_name,
)

CONDITION_RUNNING = "Running"
CONDITION_SUSPENDED = "Suspended"
CONDITION_SUCCEEDED = "Succeeded"
CONDITION_FAILED = "Failed"
CONDITION_BUDGET = "BudgetExhausted"


@dataclass(frozen=True)
class TrialStop:
    name: str
    message: str
    """The value of the trial's stop annotation: who stopped it and why."""


@dataclass(frozen=True)
class SweepPlan:
    status: FineTuneSweepStatus
    events: tuple[JobEvent, ...] = ()
    creates: tuple[dict[str, Any], ...] = ()
    """FineTuneJobs to create, created if absent (a trial found under its name is adopted)."""
    stops: tuple[TrialStop, ...] = ()
    suspends: tuple[tuple[str, bool], ...] = ()
    """(trial, suspend): spec.suspend to set on a running trial (hyperpod trials only)."""


@dataclass
class _Builder:
    sweep: FineTuneSweep
    now: str
    status: FineTuneSweepStatus
    events: list[JobEvent] = field(default_factory=list)

    def condition(self, type_: str, true: bool, reason: str, message: str = "") -> None:
        value = "True" if true else "False"
        generation = self.sweep.metadata.generation
        for i, existing in enumerate(self.status.conditions):
            if existing.type == type_:
                stamp = self.now if existing.status != value else existing.last_transition_time
                self.status.conditions[i] = Condition(
                    type=type_,
                    status=value,
                    reason=reason,
                    message=message,
                    last_transition_time=stamp,
                    observed_generation=generation,
                )
                return
        if true:
            self.status.conditions.append(
                Condition(
                    type=type_,
                    status=value,
                    reason=reason,
                    message=message,
                    last_transition_time=self.now,
                    observed_generation=generation,
                )
            )

    def phase(self, phase: SweepPhase, reason: str, message: str) -> None:
        if self.status.phase != phase or self.status.reason != reason:
            warning = phase == SweepPhase.FAILED
            self.events.append(JobEvent("Warning" if warning else "Normal", reason, message))
        self.status.phase = phase
        self.status.reason = reason


def decide_sweep(sweep: FineTuneSweep, views: list[TrialView], now: datetime) -> SweepPlan:
    """The next status and actions of ``sweep`` given its trials' FineTuneJobs as ``views``."""
    status = sweep.status
    if status.phase.is_terminal and status.observed_generation == sweep.metadata.generation:
        return SweepPlan(status=status)
    b = _Builder(sweep=sweep, now=format_time(now), status=status.model_copy(deep=True))
    b.status.observed_generation = sweep.metadata.generation
    try:
        check_parameters(sweep)
    except SpecError as err:
        _finish(b, SweepPhase.FAILED, err.reason, str(err))
        return SweepPlan(status=b.status, events=tuple(b.events))
    spec = sweep.spec
    conflict = _record_trials(b, views)
    records = b.status.trials
    stops = _early_stops(b, views)
    suspends = _suspends(b, views)
    creates: list[dict[str, Any]] = []
    b.status.instance_hours = round(sum(t.instance_hours or 0.0 for t in records), 4)
    budget_left = spec.max_instance_hours is None or b.status.instance_hours < spec.max_instance_hours
    if not budget_left:
        b.condition(
            CONDITION_BUDGET,
            True,
            "MaxInstanceHoursReached",
            f"{b.status.instance_hours:.3g} of spec.maxInstanceHours {spec.max_instance_hours:g} "
            "instance-hours used: no further trial starts",
        )
    else:
        b.condition(CONDITION_BUDGET, False, "WithinBudget")  # e.g. spec.maxInstanceHours raised
    if conflict is None and not spec.suspend and budget_left:
        while not search_exhausted(spec, len(records)) and _running(records) < spec.max_parallel_trials:
            number = len(records)
            params = next_params(spec, number, [_record(t) for t in records])
            creates.append(trial_manifest(sweep, number, params))
            name = trial_name(sweep.metadata.name, number)
            records.append(TrialStatus(number=number, name=name, params=params))
            shown = ", ".join(f"{path}={value}" for path, value in params.items())
            b.events.append(JobEvent("Normal", "TrialCreated", f"Trial {name}: {shown}"))
    b.status.trials_done = sum(1 for t in records if t.state.is_done)
    b.status.trials_running = _running(records)
    b.status.best_trial = _best(records, spec.objective.goal)
    if b.status.start_time is None and records:
        b.status.start_time = b.now
    _judge_phase(b, conflict, budget_left)
    return SweepPlan(
        status=b.status,
        events=tuple(b.events),
        creates=tuple(creates),
        stops=tuple(stops),
        suspends=tuple(suspends),
    )


def _record_trials(b: _Builder, views: list[TrialView]) -> str | None:
    """Fold the trials' FineTuneJobs into ``status.trials``. Returns why the next trial cannot be
    created, when a FineTuneJob of someone else's holds its name."""
    by_number = {t.number: t for t in b.status.trials}
    conflict = None
    for view in sorted(views, key=lambda v: v.number):
        if not view.owned:
            if view.number >= len(by_number):
                conflict = (
                    f"FineTuneJob {view.name} exists and is not this sweep's trial: delete or rename it, "
                    "or rename the sweep"
                )
            continue
        record = by_number.get(view.number) or TrialStatus(number=view.number, name=view.name, params={})
        old_state = record.state
        record.params = view.params
        record.state = view.state
        record.objective = view.objective
        record.intermediate = merge_intermediate(
            record.intermediate, view.step, view.intermediate, MAX_INTERMEDIATE_VALUES
        )
        record.instance_hours = round(view.instance_hours, 4) if view.instance_hours else None
        record.output_path = view.output_path
        record.reason = view.reason
        record.message = view.message
        by_number[view.number] = record
        if view.state.is_done and not old_state.is_done:
            b.events.append(_trial_ended(view))
    seen = {v.number for v in views if v.owned}
    for number, record in by_number.items():
        if number not in seen and not record.state.is_done:
            record.state = TrialState.MISSING
            record.message = f"FineTuneJob {record.name} was deleted; the sweep does not create it again"
            b.events.append(JobEvent("Warning", "TrialMissing", record.message))
    # A trial created and never recorded (the operator stopped in between) is recorded now,
    # from its FineTuneJob.
    b.status.trials = [by_number[n] for n in sorted(by_number)]
    return conflict


def _trial_ended(view: TrialView) -> JobEvent:
    if view.state == TrialState.SUCCEEDED:
        shown = "no objective reported" if view.objective is None else f"objective {view.objective:.6g}"
        return JobEvent("Normal", "TrialSucceeded", f"Trial {view.name} succeeded: {shown}")
    if view.state == TrialState.STOPPED:
        return JobEvent("Normal", "TrialStopped", f"Trial {view.name} stopped: {view.message or view.reason}")
    return JobEvent("Warning", "TrialFailed", f"Trial {view.name} failed: {view.message or view.reason}")


def _early_stops(b: _Builder, views: list[TrialView]) -> list[TrialStop]:
    """Running trials the pruner stops now (each once: its stop annotation is set)."""
    spec = b.sweep.spec
    if spec.early_stopping is None:
        return []
    asked = {v.number for v in views if v.stop_requested}
    stops = []
    records = [_record(t) for t in b.status.trials]
    for trial in b.status.trials:
        if trial.state != TrialState.RUNNING or trial.number in asked or not trial.intermediate:
            continue
        others = [r for r in records if r.number != trial.number]
        if should_stop(spec, _record(trial), others):
            last = trial.intermediate[-1]
            message = (
                f"stopped early by FineTuneSweep {b.sweep.metadata.name} "
                f"({spec.early_stopping.algorithm.value}): intermediate value {last.value:.6g} "
                f"at step {last.step} is behind the other trials'"
            )
            stops.append(TrialStop(trial.name, message))
            b.events.append(JobEvent("Normal", "TrialStoppedEarly", f"Trial {trial.name} {message}"))
    return stops


def _suspends(b: _Builder, views: list[TrialView]) -> list[tuple[str, bool]]:
    """spec.suspend carried to the running trials whose backend can suspend (hyperpod)."""
    template = b.sweep.spec.template.spec
    if template.get("backend", "hyperpod") != "hyperpod":
        return []
    wanted = b.sweep.spec.suspend
    return [
        (v.name, wanted)
        for v in views
        if v.owned and v.state in (TrialState.PENDING, TrialState.RUNNING) and v.suspended != wanted
    ]


def _record(trial: TrialStatus) -> TrialRecord:
    return TrialRecord(
        number=trial.number,
        params=trial.params,
        state=trial.state,
        objective=trial.objective,
        intermediate=tuple((i.step, i.value) for i in trial.intermediate),
    )


def _running(records: list[TrialStatus]) -> int:
    return sum(1 for t in records if not t.state.is_done)


def _best(records: list[TrialStatus], goal: Direction) -> BestTrial | None:
    finished = [t for t in records if t.state == TrialState.SUCCEEDED and t.objective is not None]
    if not finished:
        return None
    sign = 1.0 if goal == Direction.MINIMIZE else -1.0
    best = min(finished, key=lambda t: (sign * (t.objective or 0.0), t.number))
    assert best.objective is not None
    return BestTrial(
        number=best.number,
        name=best.name,
        objective=best.objective,
        params=best.params,
        output_path=best.output_path,
    )


def _judge_phase(b: _Builder, conflict: str | None, budget_left: bool) -> None:
    spec, status = b.sweep.spec, b.status
    running = status.trials_running
    if conflict is not None:
        _finish(b, SweepPhase.FAILED, "TrialNameTaken", conflict)
        return
    if running == 0 and (not budget_left or search_exhausted(spec, len(status.trials))):
        if status.best_trial is None:
            _finish(
                b,
                SweepPhase.FAILED,
                "NoTrialSucceeded",
                f"none of the {len(status.trials)} trials finished with objective "
                f"{spec.objective.metric.value}",
            )
            return
        best = status.best_trial
        _finish(
            b,
            SweepPhase.SUCCEEDED,
            "Completed" if budget_left else "MaxInstanceHoursReached",
            f"{len(status.trials)} trials; best {best.name} with {spec.objective.metric.value} "
            f"{best.objective:.6g}",
        )
        return
    # Live (again: a finished sweep whose spec changed goes on).
    b.status.completion_time = None
    b.condition(CONDITION_SUCCEEDED, False, "Reopened")
    b.condition(CONDITION_FAILED, False, "Reopened")
    if spec.suspend:
        b.condition(CONDITION_RUNNING, False, "Suspended")
        b.condition(CONDITION_SUSPENDED, True, "SuspendedBySpec", "spec.suspend: no trial starts")
        b.phase(SweepPhase.SUSPENDED, "SuspendedBySpec", "The sweep is suspended: no trial starts")
        return
    b.condition(CONDITION_SUSPENDED, False, "Continued")
    message = f"{running} of at most {spec.max_parallel_trials} trials running, {status.trials_done} done"
    b.condition(CONDITION_RUNNING, True, "TrialsRunning", message)
    b.phase(SweepPhase.RUNNING, "Running", f"The sweep runs: {message}")


def _finish(b: _Builder, phase: SweepPhase, reason: str, message: str) -> None:
    if not b.status.phase.is_terminal:
        b.status.completion_time = b.now
    b.condition(CONDITION_RUNNING, False, reason)
    b.condition(CONDITION_SUSPENDED, False, reason)
    succeeded = phase == SweepPhase.SUCCEEDED
    b.condition(CONDITION_SUCCEEDED, succeeded, reason, message if succeeded else "")
    b.condition(CONDITION_FAILED, not succeeded, reason, "" if succeeded else message)
    b.phase(phase, reason, message)
