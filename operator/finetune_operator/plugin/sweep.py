"""``kubectl finetune sweep``: a FineTuneSweep from flags like SageMaker's HyperparameterTuner, and
its status and list as text. Pure: main.py reads and writes the cluster.

``--param PATH=SPEC`` takes the tuner's ranges in one word each:

- ``log:1e-7:1e-5`` / ``float:0.1:0.5`` (``:N`` after them: N grid points for algorithm grid),
- ``int:1:4`` (``logint:1:64`` samples in log space),
- ``choice:cosine,linear`` (a categorical; values typed as ``--recipe-override`` types them).

PATH is an override path in this API's names or the runner's (``optimizer.learning_rate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from finetune_operator.api.sweep import MAX_TRIALS, FineTuneSweep
from finetune_operator.errors import InvalidSpecError
from finetune_operator.plugin.flags import UsageError, recipe_override, typed_value
from finetune_operator.recipes import format_validation_error
from finetune_operator.sweep.plan import decide_sweep
from finetune_operator.sweep.space import check_parameters

OBJECTIVES = ("eval_loss", "eval_reward", "train_loss")
ALGORITHMS = ("tpe", "random", "grid")
EARLY_STOPPING = {"median": "median", "successive-halving": "successiveHalving"}
RANGE_KINDS = {
    "log": ("float", "log"),
    "float": ("float", "linear"),
    "int": ("int", "linear"),
    "logint": ("int", "log"),
}
PARAM_FORMAT = (
    "PATH=log:MIN:MAX[:POINTS], float:MIN:MAX[:POINTS], int:MIN:MAX, logint:MIN:MAX or choice:A,B,..."
)


def parse_param(text: str) -> dict[str, Any]:
    """One ``--param`` as a spec.parameters entry."""
    raw_path, sep, spec = text.partition("=")
    if not sep or not raw_path.strip() or ":" not in spec:
        raise UsageError(f"--param {text[:80]!r}: expected {PARAM_FORMAT}")
    path, _ = recipe_override(raw_path.strip(), 0)
    kind, _, rest = spec.partition(":")
    if kind == "choice":
        values = [typed_value(v) for v in rest.split(",") if v.strip()]
        if not values:
            raise UsageError(f"--param {path}: choice needs at least one value")
        return {"path": path, "type": "categorical", "values": values}
    if kind not in RANGE_KINDS:
        raise UsageError(f"--param {path}: unknown range kind {kind!r}; expected {PARAM_FORMAT}")
    parts = rest.split(":")
    if len(parts) not in (2, 3):
        raise UsageError(
            f"--param {path}: expected {kind}:MIN:MAX{'[:POINTS]' if kind in ('log', 'float') else ''}"
        )
    bounds = [typed_value(p) for p in parts[:2]]
    if not all(isinstance(b, int | float) and not isinstance(b, bool) for b in bounds):
        raise UsageError(f"--param {path}: {parts[0]!r} and {parts[1]!r} must be numbers")
    type_, scale = RANGE_KINDS[kind]
    parameter: dict[str, Any] = {"path": path, "type": type_, "min": bounds[0], "max": bounds[1]}
    if scale == "log":
        parameter["scale"] = "log"
    if len(parts) == 3:
        points = typed_value(parts[2])
        if type_ != "float" or not isinstance(points, int) or isinstance(points, bool):
            raise UsageError(f"--param {path}: only a float range takes a number of grid points")
        parameter["gridPoints"] = points
    return parameter


def build_sweep(
    name: str,
    namespace: str,
    template_spec: dict[str, Any],
    params: list[str],
    objective: str,
    maximize: bool | None,
    algorithm: str,
    max_trials: int,
    max_parallel: int,
    seed: int | None = None,
    max_instance_hours: float | None = None,
    early_stopping: str | None = None,
) -> dict[str, Any]:
    """The FineTuneSweep the flags describe (``maximize`` None: the objective's default direction)."""
    if not params:
        raise UsageError(
            "give at least one --param PATH=SPEC, e.g. --param optimizer.learningRate=log:1e-6:1e-4"
        )
    if not 1 <= max_trials <= MAX_TRIALS:
        raise UsageError(f"--max-trials must be 1 to {MAX_TRIALS}")
    spec: dict[str, Any] = {
        "template": {"spec": template_spec},
        "parameters": [parse_param(p) for p in params],
        "objective": {"metric": objective},
        "algorithm": algorithm,
        "maxTrials": max_trials,
        "maxParallelTrials": max_parallel,
    }
    if maximize is not None:
        spec["objective"]["direction"] = "maximize" if maximize else "minimize"
    if seed is not None:
        spec["seed"] = seed
    if max_instance_hours is not None:
        spec["maxInstanceHours"] = max_instance_hours
    if early_stopping:
        spec["earlyStopping"] = {"algorithm": EARLY_STOPPING[early_stopping]}
    return {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneSweep",
        "metadata": {"name": name, "namespace": namespace},
        "spec": spec,
    }


def first_trials(document: dict[str, Any], now: datetime) -> list[dict[str, Any]]:
    """The FineTuneJobs the operator would create first for ``document`` (the dry run), after the
    checks it makes (InvalidSpecError names what to fix)."""
    try:
        sweep = FineTuneSweep.model_validate(
            {**document, "metadata": {**document["metadata"], "uid": "00000000-0000-0000-0000-000000000000"}}
        )
    except ValidationError as err:  # the CRD's bounds (e.g. --max-parallel above 100)
        raise InvalidSpecError(f"FineTuneSweep: {format_validation_error(err)}") from None
    check_parameters(sweep)
    plan = decide_sweep(sweep, [], now)
    if plan.status.phase == "Failed":
        raise InvalidSpecError(plan.status.conditions[-1].message)
    return [_without_owner(trial) for trial in plan.creates]


def _without_owner(trial: dict[str, Any]) -> dict[str, Any]:
    """A dry run's trial: the sweep that would own it does not exist yet."""
    metadata = {k: v for k, v in trial["metadata"].items() if k != "ownerReferences"}
    return {**trial, "metadata": metadata}


# --- status and list ---------------------------------------------------------------------------


def _number(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, int | float) and not isinstance(value, bool) else "-"


def _params(params: dict[str, Any]) -> str:
    return " ".join(f"{path}={_number(v) if isinstance(v, float) else v}" for path, v in params.items())


def render_sweep_status(sweep: dict[str, Any]) -> str:
    """A sweep's phase, budget, best trial and its trials as a table."""
    spec, status = sweep.get("spec") or {}, sweep.get("status") or {}
    name = sweep["metadata"]["name"]
    objective = spec.get("objective") or {}
    lines = [
        f"sweep {name}: {status.get('phase') or 'Pending'}"
        + (f" ({status['reason']})" if status.get("reason") else ""),
        f"objective {objective.get('metric')} ({objective.get('direction') or 'default direction'}), "
        f"algorithm {spec.get('algorithm', 'tpe')}, trials {status.get('trialsDone', 0)} done, "
        f"{status.get('trialsRunning', 0)} running of {spec.get('maxTrials')} "
        f"(at most {spec.get('maxParallelTrials', 1)} at once)",
    ]
    hours = f"instance-hours {_number(status.get('instanceHours', 0.0))}"
    if spec.get("maxInstanceHours") is not None:
        hours += f" of {_number(spec['maxInstanceHours'])}"
    lines.append(hours)
    best = status.get("bestTrial")
    if best:
        shown = f"{objective.get('metric')} {_number(best.get('objective'))}"
        lines.append(f"best: {best['name']} {shown} {_params(best.get('params') or {})}")
        if best.get("outputPath"):
            lines.append(f"  output: {best['outputPath']}")
    trials = status.get("trials") or []
    if trials:
        rows = [("TRIAL", "STATE", "OBJECTIVE", "LAST", "PARAMETERS")]
        for trial in trials:
            last = (trial.get("intermediate") or [{}])[-1]
            shown = f"{_number(last.get('value'))}@{last['step']}" if last.get("step") is not None else "-"
            rows.append(
                (
                    trial["name"],
                    trial.get("state", "Pending"),
                    _number(trial.get("objective")),
                    shown,
                    _params(trial.get("params") or {}),
                )
            )
        lines.extend(_table(rows))
    for condition in status.get("conditions") or []:
        if condition.get("status") == "True" and condition.get("message"):
            lines.append(f"{condition['type']}: {condition['message']}")
    return "\n".join(lines)


def render_sweep_list(sweeps: list[dict[str, Any]]) -> str:
    rows = [("NAME", "PHASE", "DONE", "RUNNING", "TOTAL", "BEST", "BEST-TRIAL")]
    for sweep in sweeps:
        status, spec = sweep.get("status") or {}, sweep.get("spec") or {}
        best = status.get("bestTrial") or {}
        rows.append(
            (
                sweep["metadata"]["name"],
                status.get("phase") or "Pending",
                str(status.get("trialsDone", 0)),
                str(status.get("trialsRunning", 0)),
                str(spec.get("maxTrials", "-")),
                _number(best.get("objective")),
                best.get("name", "-"),
            )
        )
    return "\n".join(_table(rows)) if sweeps else "No FineTuneSweeps found."


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "   ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
