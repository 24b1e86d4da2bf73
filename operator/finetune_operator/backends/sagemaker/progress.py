"""A SageMaker attempt's progress, read from the trainer's own progress records (pure).

On HyperPod the trainer patches ``status.progress`` with its pod's token. A SageMaker
training job has no Kubernetes identity, so the operator reads what the trainer writes
anyway: rank 0 appends one JSON line per logged step to ``runs/<job uid>/progress.jsonl`` in
its checkpoint directory (docs/trainer-contract.md, section 3), and SageMaker syncs that
directory to the job's checkpoint S3 URI while it trains. The backend fetches the file's
tail with a ranged GET; this module turns that tail into ``status.progress``.
"""

from __future__ import annotations

import json
import math

from pydantic import ValidationError

from finetune_operator.api.job import Progress, Rollback

PROGRESS_TAIL_BYTES = 64 * 1024
"""How much of the file's end is read: a step record is a few hundred bytes, so the tail
holds the last hundred or more logged steps, and the file may grow for days."""


VALIDATION_FIELDS = ("validationLoss", "validationRewardAccuracy")
"""What a ``validation`` record (a validation pass) adds to ``status.progress``, with its step as
``validationStep``."""
EVALUATION_FIELDS = ("attempt", "metrics", "rewards", "examples", "artifact", "time")
"""What an ``evaluation`` record (the final evaluation) puts in ``status.progress.evaluation``."""


def percent_complete(step: int, total_steps: int) -> str | None:
    """Whole percent done, rounded down as the trainer does (100% means finished)."""
    if total_steps <= 0:
        return None
    return f"{min(100, max(0, step * 100 // total_steps))}%"


def progress_from_records(tail: str, attempt: int, *, starts_mid_line: bool) -> Progress | None:
    """``status.progress`` from the newest step record of ``attempt`` in ``tail``, if any, with
    the newest validation pass (every ``data.validationEverySteps`` steps, and after the last).

    ``starts_mid_line``: the tail was cut from a longer file, so its first line is partial
    and skipped. A line SageMaker caught half-written (the last one) does not parse and is
    skipped as well. Records of earlier attempts (the checkpoint directory and this file
    are shared by every attempt) never count.
    """
    lines = tail.splitlines()
    if starts_mid_line:
        lines = lines[1:]
    evaluation: dict[str, object] | None = None
    rollbacks = _rollbacks(lines, attempt)
    validation = _newest_validation(lines, attempt)
    for line in reversed(lines):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict) or record.get("attempt") != attempt:
            continue
        if record.get("type") == "evaluation" and evaluation is None:
            # The final evaluation, the trainer's last record (finetune_trainer.evaluation).
            evaluation = {key: record.get(key) for key in EVALUATION_FIELDS if record.get(key) is not None}
            continue
        if record.get("type") != "step":
            continue
        step, total = record.get("step"), record.get("totalSteps")
        if not isinstance(step, int) or not isinstance(total, int):
            continue
        fields = {
            "attempt": attempt,
            "step": step,
            "totalSteps": total,
            "percent": percent_complete(step, total),
            "estimatedCompletionTime": record.get("estimatedCompletionTime"),
            "epoch": record.get("epoch"),
            "loss": record.get("loss"),
            "learningRate": record.get("learningRate"),
            "tokensPerSecond": record.get("tokensPerSecond"),
            "tokensSeen": record.get("tokensSeen"),
            "reward": record.get("reward"),  # GRPO: the step's mean reward
            "updatedAt": record.get("time"),
            "rollbacks": rollbacks or None,
            "evaluation": evaluation,
            **validation,
        }
        # A NaN loss (the trainer's last record before it fails) is not JSON the API server takes.
        finite = {k: v for k, v in fields.items() if not (isinstance(v, float) and not math.isfinite(v))}
        try:
            return Progress.model_validate(finite)
        except ValidationError:
            continue  # not a record this trainer writes
    return None


def _newest_validation(lines: list[str], attempt: int) -> dict[str, object]:
    """What the newest ``validation`` record of ``attempt`` in the tail adds to ``status.progress``:
    its metrics and its step as ``validationStep``. Periodic passes come between step records, so
    the newest pass may be older than the newest step."""
    for line in reversed(lines):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if (
            isinstance(record, dict)
            and record.get("type") == "validation"
            and record.get("attempt") == attempt
        ):
            return {
                "validationStep": record.get("step"),
                **{key: record.get(key) for key in VALIDATION_FIELDS},
            }
    return {}


def _rollbacks(lines: list[str], attempt: int) -> list[Rollback]:
    """The ``rollback`` records of ``attempt`` in the tail, oldest first (the trainer's
    ``status.progress.rollbacks`` on HyperPod)."""
    found = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if (
            not isinstance(record, dict)
            or record.get("type") != "rollback"
            or record.get("attempt") != attempt
        ):
            continue
        try:
            found.append(Rollback.model_validate({k: v for k, v in record.items() if k != "type"}))
        except ValidationError:
            continue  # not a record this trainer writes
    return found
