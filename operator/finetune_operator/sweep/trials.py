"""A sweep's trials: the FineTuneJob of each, and what the sweep reads back from it.

A trial is an ordinary FineTuneJob named ``<sweep>-t<NNN>`` (its number, from 000), labelled
with its sweep and number and owned by the sweep (``ownerReferences``: deleting the sweep deletes
its trials, each of which stops its own attempt). The name is a pure function of the sweep and
the number, so an operator that stops between creating a trial and recording it finds the trial
(409 AlreadyExists, or in its list of the sweep's trials) and never creates a second one. Its
parameters are in its own ``spec.recipe.overrides``: whoever reads the trial knows them, and
nothing else needs to remember them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from finetune_operator.api.sweep import (
    SWEEP_KIND,
    FineTuneSweep,
    IntermediateValue,
    ObjectiveMetric,
    TrialState,
)
from finetune_operator.api.training_config import Method
from finetune_operator.attempt import STOP_ANNOTATION
from finetune_operator.naming import GROUP, LABEL_MANAGED_BY, MANAGED_BY, VERSION
from finetune_operator.sweep.space import ParamValue, trial_overrides

LABEL_SWEEP = f"{GROUP}/sweep"
LABEL_TRIAL = f"{GROUP}/trial"


def trial_name(sweep_name: str, number: int) -> str:
    return f"{sweep_name}-t{number:03d}"


def trial_number(sweep_name: str, job_name: str) -> int | None:
    """The number of the sweep's trial named ``job_name``; None for any other name."""
    prefix = f"{sweep_name}-t"
    digits = job_name[len(prefix) :]
    if not job_name.startswith(prefix) or len(digits) != 3 or not digits.isdigit():
        return None
    return int(digits)


def trial_labels(sweep_name: str, number: int) -> dict[str, str]:
    return {LABEL_MANAGED_BY: MANAGED_BY, LABEL_SWEEP: sweep_name, LABEL_TRIAL: str(number)}


VALIDATION_EVERY_STEPS_PATH = "data.validationEverySteps"
DEFAULT_TRIAL_VALIDATION_EVERY_STEPS = 10
"""The fewest steps between a trial's validation passes when the sweep turns them on: each pass is
a forward over the whole validation set, which every step would make cost more than training."""


def trial_validation_every_steps(sweep: FineTuneSweep, overrides: dict[str, Any]) -> int | None:
    """``spec.data.validationEverySteps`` the sweep gives each trial, or None to leave the template's.

    Early stopping on eval_loss compares the trials' periodic validation losses; a template that
    sets the interval nowhere (neither the field nor ``recipe.overrides``, the trial's parameters
    included) would report none before its last step and could never be stopped, so the sweep
    turns it on: every ``max(10, warmupSteps)`` steps, since no trial is stopped before warmupSteps
    anyway. Methods with rewards (GRPO) have no validation pass: they get nothing."""
    spec = sweep.spec
    template = spec.template.spec
    if spec.objective.metric != ObjectiveMetric.EVAL_LOSS or spec.early_stopping is None:
        return None
    if "validationEverySteps" in (template.get("data") or {}) or VALIDATION_EVERY_STEPS_PATH in overrides:
        return None
    method = template.get("method")
    if method not in {m.value for m in Method} or Method(method).uses_rewards:
        return None
    return max(DEFAULT_TRIAL_VALIDATION_EVERY_STEPS, spec.early_stopping.warmup_steps)


def trial_manifest(sweep: FineTuneSweep, number: int, params: dict[str, ParamValue]) -> dict[str, Any]:
    """Trial ``number``'s FineTuneJob: the template's spec with ``params`` in its overrides (and
    periodic validation turned on where early stopping needs it: ``trial_validation_every_steps``)."""
    template = sweep.spec.template
    spec = copy.deepcopy(template.spec)
    recipe = dict(spec.get("recipe") or {})
    recipe["overrides"] = trial_overrides(dict(recipe.get("overrides") or {}), params)
    spec["recipe"] = recipe
    every = trial_validation_every_steps(sweep, recipe["overrides"])
    if every is not None:
        spec["data"] = {**(spec.get("data") or {}), "validationEverySteps": every}
    metadata = template.metadata
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneJob",
        "metadata": {
            "name": trial_name(sweep.metadata.name, number),
            "namespace": sweep.metadata.namespace,
            "labels": {**(metadata.get("labels") or {}), **trial_labels(sweep.metadata.name, number)},
            "annotations": dict(metadata.get("annotations") or {}),
            "ownerReferences": [
                {
                    "apiVersion": f"{GROUP}/{VERSION}",
                    "kind": SWEEP_KIND,
                    "name": sweep.metadata.name,
                    "uid": sweep.metadata.uid,
                    "controller": True,
                    "blockOwnerDeletion": True,
                }
            ],
        },
        "spec": spec,
    }


@dataclass(frozen=True)
class TrialView:
    """What the sweep reads from one trial's FineTuneJob."""

    number: int
    name: str
    params: dict[str, ParamValue]
    state: TrialState
    owned: bool
    """Whether the job is this sweep's (its controller owner reference has the sweep's uid)."""
    step: int | None = None
    intermediate: float | None = None
    """The objective's intermediate value at ``step`` (``_intermediate``)."""
    objective: float | None = None
    instance_hours: float = 0.0
    output_path: str | None = None
    reason: str | None = None
    message: str | None = None
    stop_requested: bool = False
    suspended: bool = False


LIVE_PHASES = ("Submitted", "Queued", "Running", "Resuming", "Suspended")
PHASE_STATES = {
    "Succeeded": TrialState.SUCCEEDED,
    "Failed": TrialState.FAILED,
    "Stopped": TrialState.STOPPED,
    **dict.fromkeys(LIVE_PHASES, TrialState.RUNNING),
}


def view_trial(
    sweep: FineTuneSweep, metric: ObjectiveMetric, document: dict[str, Any], now: datetime
) -> TrialView | None:
    """The sweep's view of ``document``; None when it is no trial of the sweep's by name."""
    meta = document.get("metadata") or {}
    number = trial_number(sweep.metadata.name, meta.get("name", ""))
    if number is None:
        return None
    spec = document.get("spec") or {}
    status = document.get("status") or {}
    overrides = (spec.get("recipe") or {}).get("overrides") or {}
    params = {p.path: overrides[p.path] for p in sweep.spec.parameters if p.path in overrides}
    owners = meta.get("ownerReferences") or []
    owned = any(o.get("controller") and o.get("uid") == sweep.metadata.uid for o in owners)
    progress = status.get("progress") or {}
    state = PHASE_STATES.get(status.get("phase") or "", TrialState.PENDING)
    step, intermediate = _intermediate(metric, progress)
    return TrialView(
        number=number,
        name=meta["name"],
        params=params,
        state=state,
        owned=owned,
        step=step,
        intermediate=intermediate,
        objective=objective_of(metric, progress) if state == TrialState.SUCCEEDED else None,
        instance_hours=instance_hours(status.get("usage") or {}, now),
        output_path=(status.get("output") or {}).get("path"),
        reason=status.get("reason"),
        message=_phase_message(status),
        stop_requested=STOP_ANNOTATION in (meta.get("annotations") or {}),
        suspended=bool(spec.get("suspend")),
    )


def objective_of(metric: ObjectiveMetric, progress: dict[str, Any]) -> float | None:
    """A finished trial's objective: the trainer's last report of the metric
    (``status.progress``: validationLoss, reward or loss)."""
    key = {
        ObjectiveMetric.EVAL_LOSS: "validationLoss",
        ObjectiveMetric.EVAL_REWARD: "reward",
        ObjectiveMetric.TRAIN_LOSS: "loss",
    }[metric]
    return _finite(progress.get(key))


def _intermediate(metric: ObjectiveMetric, progress: dict[str, Any]) -> tuple[int | None, float | None]:
    """The objective's newest intermediate value and the step it belongs to:

    - eval_loss: the newest validation pass's loss (``validationLoss``) and the step it followed
      (``validationStep``); the trainer validates every ``data.validationEverySteps`` steps
      (``trial_validation_every_steps`` turns that on) and after the last step, so a trial without
      periodic validation has one value only, at its end;
    - train_loss: the training loss of the step last reported;
    - eval_reward: the mean reward of the step last reported. GRPO has no validation pass and its
      final evaluation (greedy completions of the held-out prompts) runs once, after training: the
      steps' rewards (of the sampled completions it trains on) are all it reports along the way.
    """
    if metric == ObjectiveMetric.EVAL_LOSS:
        step, value = progress.get("validationStep"), _finite(progress.get("validationLoss"))
    else:
        step = progress.get("step")
        value = _finite(progress.get("reward" if metric == ObjectiveMetric.EVAL_REWARD else "loss"))
    if not isinstance(step, int) or isinstance(step, bool) or value is None:
        return None, None
    return step, value


def _finite(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if number == number and abs(number) != float("inf") else None


def _phase_message(status: dict[str, Any]) -> str | None:
    phase = status.get("phase")
    for condition in status.get("conditions") or []:
        if condition.get("type") == phase and condition.get("status") == "True":
            return condition.get("message") or None
    return None


def instance_hours(usage: dict[str, Any], now: datetime) -> float:
    """Instance-hours of a trial so far: its finished attempts' (``status.usage.instanceHours``)
    and, for an attempt that runs, its machines' time up to ``now``."""
    total = float(usage.get("instanceHours") or 0.0)
    for attempt in usage.get("attempts") or []:
        start = attempt.get("startTime")
        if start and not attempt.get("endTime"):
            started = datetime.fromisoformat(str(start).replace("Z", "+00:00"))
            total += max((now - started).total_seconds(), 0.0) / 3600 * int(attempt.get("instanceCount") or 1)
    return total


def merge_intermediate(
    known: list[IntermediateValue], step: int | None, value: float | None, keep: int
) -> list[IntermediateValue]:
    """``known`` with the report at ``step`` added (replacing an earlier report of the same step:
    a resumed attempt reports again from its checkpoint), sorted by step, at most ``keep`` of them
    (every other older one is dropped when there are more)."""
    if step is None or value is None:
        return known
    merged = {item.step: item.value for item in known}
    if merged.get(step) == value:
        return known
    merged[step] = value
    values = [IntermediateValue(step=s, value=v) for s, v in sorted(merged.items())]
    while len(values) > keep:
        values = values[: -keep // 2][::2] + values[-keep // 2 :]
    return values
