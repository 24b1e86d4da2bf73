"""The progress channel of docs/trainer-contract.md, section 3.

Rank 0 reports every logged step to the files (the run's `progress.jsonl` below the checkpoints,
TensorBoard, one `finetune-metrics` stdout line for SageMaker's metric regexes) and, when the
operator asks for it, to the FineTuneJob's status subresource as a JSON merge patch. The patch goes
out from a background thread: a slow or failing API server is logged and retried with the next
report, and never stalls or stops training.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import math
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SERVICE_ACCOUNT_DIR = Path("/var/run/secrets/kubernetes.io/serviceaccount")
STATUS_INTERVAL_S = 5.0
API_GROUP_PATH = "/apis/finetune.dev/v1alpha1"


def utc_timestamp(now: float) -> str:
    return datetime.datetime.fromtimestamp(now, tz=datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclasses.dataclass(frozen=True)
class StepReport:
    attempt: int
    step: int
    total_steps: int
    epoch: float
    loss: float
    learning_rate: float
    tokens_per_second: float
    time: float
    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """Method metrics: numbers, or one level of named numbers (GRPO's `rewards`: name -> mean)."""
    estimated_completion: float | None = None
    """Wall-clock time the run should end at, from `estimate_completion`; None until known."""
    tokens_seen: int | None = None
    """Real (unpadded) tokens trained on up to this step over the whole run, resumed attempts
    included (the count is restored from the checkpoint): the operator's `status.usage`."""


@dataclasses.dataclass(frozen=True)
class CheckpointReport:
    path: str
    step: int
    attempt: int
    time: float


@dataclasses.dataclass(frozen=True)
class ValidationReport:
    """One validation pass: every ``data.validationEverySteps`` steps, and after the last step."""

    step: int
    """The step the pass followed."""
    metrics: Mapping[str, float]


@dataclasses.dataclass(frozen=True)
class RollbackReport:
    """One in-process rollback after a diverging loss (docs/trainer.md, "Divergence")."""

    attempt: int
    step: int
    """The step whose loss diverged."""
    loss: float
    reason: str
    restored_step: int
    """The checkpoint's step training went back to."""
    learning_rate: float
    """The peak learning rate from then on."""
    time: float


def estimate_completion(first: StepReport, current: StepReport) -> float | None:
    """When the run should end, at the mean step rate since this process's first report.

    The mean over the whole process (not the last interval) keeps the estimate steady
    through evaluation pauses and checkpoint writes; None until two reports are apart.
    """
    steps_done = current.step - first.step
    elapsed = current.time - first.time
    if steps_done <= 0 or elapsed <= 0:
        return None
    remaining = max(0, current.total_steps - current.step)
    return current.time + remaining * elapsed / steps_done


def percent_complete(step: int, total_steps: int) -> str | None:
    """`status.progress.percent`: whole percent done, rounded down so 100% means finished."""
    if total_steps <= 0:
        return None
    return f"{min(100, max(0, step * 100 // total_steps))}%"


def format_metrics_line(report: StepReport) -> str:
    """The stdout line that the SageMaker backend's MetricDefinitions parse."""
    line = (
        f"finetune-metrics step={report.step} loss={report.loss:.6g} lr={report.learning_rate:.6g} "
        f"tokens_per_second={report.tokens_per_second:.1f}"
    )
    if "reward" in report.extra:  # GRPO: SageMaker's train:reward metric
        line += f" reward={report.extra['reward']:.6g}"
    return line


VALIDATION_METRIC_NAMES = {
    "validationLoss": "validation_loss",
    "validationRewardAccuracy": "validation_reward_accuracy",
}
"""The validation metrics' names on the stdout line, which SageMaker's MetricDefinitions parse."""


def format_validation_line(step: int, metrics: Mapping[str, float]) -> str:
    """The stdout line of the validation pass, for the SageMaker backend's MetricDefinitions
    (``validation:loss``, ``validation:reward_accuracy``)."""
    parts = [f"{name}={metrics[key]:.6g}" for key, name in VALIDATION_METRIC_NAMES.items() if key in metrics]
    return f"finetune-metrics validation step={step} " + " ".join(parts)


def build_progress_record(report: StepReport) -> dict[str, Any]:
    """One `progress.jsonl` line for a logged step.

    It carries the completion estimate too: on SageMaker these lines (synced to S3 with the
    checkpoint directory) are all the operator learns of progress, and it cannot know the
    step rate of the process.
    """
    record = {
        "type": "step",
        "attempt": report.attempt,
        "step": report.step,
        "totalSteps": report.total_steps,
        "epoch": round(report.epoch, 6),
        "loss": report.loss,
        "learningRate": report.learning_rate,
        "tokensPerSecond": round(report.tokens_per_second, 1),
        "time": utc_timestamp(report.time),
        **dict(report.extra),
    }
    if report.tokens_seen is not None:
        record["tokensSeen"] = report.tokens_seen
    if report.estimated_completion is not None:
        record["estimatedCompletionTime"] = utc_timestamp(report.estimated_completion)
    return record


def build_checkpoint_record(checkpoint: CheckpointReport) -> dict[str, Any]:
    """One `progress.jsonl` line for a checkpoint that has just become complete."""
    return {
        "type": "checkpoint",
        "attempt": checkpoint.attempt,
        "step": checkpoint.step,
        "path": checkpoint.path,
        "time": utc_timestamp(checkpoint.time),
    }


def build_rollback_record(rollback: RollbackReport) -> dict[str, Any]:
    """One `progress.jsonl` line for a rollback (and one element of `status.progress.rollbacks`).

    A non-finite loss is left out: JSON has no NaN, and the reason says what it was.
    """
    record: dict[str, Any] = {
        "type": "rollback",
        "attempt": rollback.attempt,
        "step": rollback.step,
        "reason": rollback.reason,
        "restoredStep": rollback.restored_step,
        "learningRate": rollback.learning_rate,
        "time": utc_timestamp(rollback.time),
    }
    if math.isfinite(rollback.loss):
        record["loss"] = rollback.loss
    return record


def rollback_status(rollback: RollbackReport) -> dict[str, Any]:
    """An element of `status.progress.rollbacks`: the record without its type."""
    return {k: v for k, v in build_rollback_record(rollback).items() if k != "type"}


VALIDATION_STATUS_KEYS = ("validationLoss", "validationRewardAccuracy")
"""The validation pass's metrics that go to ``status.progress`` (the rest stay in the files)."""


def build_validation_record(attempt: int | None, step: int, metrics: Mapping[str, float]) -> dict[str, Any]:
    """One `progress.jsonl` line for the validation pass after step ``step`` of ``attempt`` (None:
    this process logged no step, so it does not know its attempt from a report)."""
    record: dict[str, Any] = {"type": "validation", "step": step, **metrics}
    if attempt is not None:
        record["attempt"] = attempt
    return record


def build_status_patch(
    report: StepReport | None,
    checkpoint: CheckpointReport | None,
    validation: ValidationReport | None = None,
    rollbacks: tuple[RollbackReport, ...] = (),
    evaluation: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON merge patch for the FineTuneJob status subresource (contract, section 3).

    ``validation`` (the newest validation pass) rides with ``report``, the newest step, with the
    step the pass followed as ``validationStep``: a merge patch keeps both in ``status.progress``
    until the next pass replaces them (a sweep reads the pairs as intermediate values of eval_loss).
    ``rollbacks`` (all of this attempt's, as a merge patch replaces a list whole) ride with
    ``report`` too, which names the attempt (the trainer admission policy checks it).
    """
    status: dict[str, Any] = {}
    if report is not None:
        progress: dict[str, Any] = {
            "attempt": report.attempt,
            "step": report.step,
            "totalSteps": report.total_steps,
            "percent": percent_complete(report.step, report.total_steps),
            "epoch": round(report.epoch, 4),
            "loss": round(report.loss, 6),
            "learningRate": report.learning_rate,
            "tokensPerSecond": round(report.tokens_per_second, 1),
            "tokensSeen": report.tokens_seen,
            "updatedAt": utc_timestamp(report.time),
        }
        if "reward" in report.extra:  # GRPO: the mean reward of the step's rollouts
            progress["reward"] = round(report.extra["reward"], 6)
        if report.estimated_completion is not None:
            progress["estimatedCompletionTime"] = utc_timestamp(report.estimated_completion)
        if validation is not None:
            for key in VALIDATION_STATUS_KEYS:
                if key in validation.metrics:
                    progress[key] = round(validation.metrics[key], 6)
            progress["validationStep"] = validation.step
        if rollbacks:
            progress["rollbacks"] = [rollback_status(rollback) for rollback in rollbacks]
        if evaluation is not None:  # the final evaluation (evaluation.py), after the last step
            progress["evaluation"] = dict(evaluation)
        status["progress"] = {k: v for k, v in progress.items() if v is not None}
    if checkpoint is not None:
        status["checkpoint"] = {
            "latest": {
                "path": checkpoint.path,
                "step": checkpoint.step,
                "attempt": checkpoint.attempt,
                "time": utc_timestamp(checkpoint.time),
            }
        }
    return {"status": status}


@dataclasses.dataclass(frozen=True)
class KubernetesStatusClient:
    """PATCHes one FineTuneJob's status with the pod's projected ServiceAccount token.

    The token is re-read for every request: projected tokens rotate while the pod runs.
    """

    api_url: str
    namespace: str
    name: str
    token_path: Path
    ca_path: Path | None
    timeout_s: float = 5.0

    @classmethod
    def in_cluster(cls, env: Mapping[str, str]) -> KubernetesStatusClient:
        missing = [
            key
            for key in (
                "KUBERNETES_SERVICE_HOST",
                "KUBERNETES_SERVICE_PORT",
                "FINETUNE_JOB_NAMESPACE",
                "FINETUNE_JOB_NAME",
            )
            if not env.get(key)
        ]
        if missing:
            raise ValueError(f"FINETUNE_STATUS_REPORTING=kubernetes but {', '.join(missing)} not set")
        host = env["KUBERNETES_SERVICE_HOST"]
        host = f"[{host}]" if ":" in host else host  # IPv6 service address
        return cls(
            api_url=f"https://{host}:{env['KUBERNETES_SERVICE_PORT']}",
            namespace=env["FINETUNE_JOB_NAMESPACE"],
            name=env["FINETUNE_JOB_NAME"],
            token_path=SERVICE_ACCOUNT_DIR / "token",
            ca_path=SERVICE_ACCOUNT_DIR / "ca.crt",
        )

    @property
    def status_url(self) -> str:
        return f"{self.api_url}{API_GROUP_PATH}/namespaces/{self.namespace}/finetunejobs/{self.name}/status"

    def patch(self, body: Mapping[str, Any]) -> None:
        token = self.token_path.read_text(encoding="utf-8").strip()
        request = urllib.request.Request(
            self.status_url,
            data=json.dumps(body).encode("utf-8"),
            method="PATCH",
            headers={
                "Content-Type": "application/merge-patch+json",
                "Accept": "application/json",
                "Authorization": f"Bearer {token}",
            },
        )
        context = ssl.create_default_context(cafile=str(self.ca_path)) if self.ca_path else None
        with urllib.request.urlopen(request, timeout=self.timeout_s, context=context) as response:
            response.read()


class StatusReporter:
    """Throttles status patches to one per `interval_s`, sends a new checkpoint at once, and keeps
    an unsent checkpoint until a patch carrying it succeeds."""

    def __init__(
        self,
        send: Callable[[Mapping[str, Any]], None],
        interval_s: float = STATUS_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._send = send
        self._interval_s = interval_s
        self._clock = clock
        self._lock = threading.Condition()
        self._report: StepReport | None = None
        self._checkpoint: CheckpointReport | None = None
        self._validation: tuple[ValidationReport, StepReport] | None = None
        """The newest validation pass and the newest step report when it came, until sent."""
        self._rollbacks: tuple[tuple[RollbackReport, ...], StepReport] | None = None
        """The attempt's rollbacks and the report they ride with, until sent."""
        self._evaluation: tuple[Mapping[str, Any], StepReport] | None = None
        """The final evaluation and the report it rides with, until sent."""
        self._last_sent = float("-inf")
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="status-reporter", daemon=True)
        self._thread.start()

    def step(self, report: StepReport) -> None:
        with self._lock:
            self._report = report
            self._lock.notify()

    def checkpoint(self, checkpoint: CheckpointReport, report: StepReport | None) -> None:
        with self._lock:
            self._checkpoint = checkpoint
            if report is not None:
                self._report = report
            self._last_sent = float("-inf")  # a checkpoint goes out immediately
            self._lock.notify()

    def validation(self, validation: ValidationReport, report: StepReport) -> None:
        """A validation pass, ``report`` the newest step then: sent at once with that report, and
        kept until a patch carrying it succeeds or a newer pass replaces it (only the newest is in
        ``status.progress``; progress.jsonl has them all)."""
        with self._lock:
            self._validation = (validation, report)
            self._last_sent = float("-inf")
            self._lock.notify()

    def evaluation(self, document: Mapping[str, Any], report: StepReport) -> None:
        """The final evaluation, sent at once with ``report`` (its attempt's last) and kept until a
        patch carrying it succeeds."""
        with self._lock:
            self._evaluation = (document, report)
            self._last_sent = float("-inf")
            self._lock.notify()

    def rollbacks(self, rollbacks: tuple[RollbackReport, ...], report: StepReport) -> None:
        """The attempt's rollbacks, sent at once with ``report`` and kept until a patch carrying
        them succeeds."""
        with self._lock:
            self._rollbacks = (rollbacks, report)
            self._last_sent = float("-inf")
            self._lock.notify()

    def _pending(self) -> bool:
        return any(
            item is not None
            for item in (self._report, self._checkpoint, self._validation, self._rollbacks, self._evaluation)
        )

    def _due(self) -> bool:
        has_news = self._pending()
        return has_news and self._clock() - self._last_sent >= self._interval_s

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._closing and not self._due():
                    wait = self._interval_s - (self._clock() - self._last_sent)
                    self._lock.wait(timeout=max(0.05, min(wait, self._interval_s)))
                if self._closing and not self._pending():
                    return
                report, checkpoint, validation = self._report, self._checkpoint, self._validation
                rollbacks, evaluation = self._rollbacks, self._evaluation
                if evaluation is not None and report is None:
                    report = evaluation[1]
                if validation is not None and (report is None or report.step <= validation[1].step):
                    report = validation[1]
                if rollbacks is not None and report is None:
                    report = rollbacks[1]
                self._report = None
                self._last_sent = self._clock()
                closing = self._closing
            try:
                self._send(
                    build_status_patch(
                        report,
                        checkpoint,
                        validation[0] if validation else None,
                        rollbacks[0] if rollbacks else (),
                        evaluation[0] if evaluation else None,
                    )
                )
                with self._lock:
                    if self._rollbacks is rollbacks:
                        self._rollbacks = None
                    if self._checkpoint is checkpoint:
                        self._checkpoint = None
                    if self._validation is validation:
                        self._validation = None
                    if self._evaluation is evaluation:
                        self._evaluation = None
            except (OSError, urllib.error.URLError, ValueError) as exc:
                log.warning("status patch failed (retried with the next report): %s", exc)
            if closing:
                return

    def close(self, timeout_s: float = 10.0) -> None:
        """Sends what is pending (once) and stops the thread."""
        with self._lock:
            self._closing = True
            self._lock.notify()
        self._thread.join(timeout=timeout_s)


class ProgressSink:
    """Rank 0's reporting: progress.jsonl, TensorBoard, stdout and (optionally) the status patcher."""

    def __init__(
        self, progress_file: Path, tensorboard_dir: str | None, status: StatusReporter | None
    ) -> None:
        self._progress_file = progress_file
        self._progress_file.parent.mkdir(parents=True, exist_ok=True)
        self._status = status
        self._writer: Any = None
        if tensorboard_dir:
            from torch.utils.tensorboard import SummaryWriter

            self._writer = SummaryWriter(log_dir=tensorboard_dir)
        self._last_report: StepReport | None = None
        self._first_report: StepReport | None = None
        self._rollbacks: tuple[RollbackReport, ...] = ()
        self._rollbacks_unsent = False

    def _append(self, record: Mapping[str, Any]) -> None:
        with self._progress_file.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")

    def step(self, report: StepReport) -> None:
        if self._first_report is None or self._first_report.attempt != report.attempt:
            self._first_report = report
        estimate = estimate_completion(self._first_report, report)
        report = dataclasses.replace(report, estimated_completion=estimate)
        self._last_report = report
        self._append(build_progress_record(report))
        print(format_metrics_line(report), flush=True)
        if self._writer is not None:
            self._writer.add_scalar("train/loss", report.loss, report.step)
            self._writer.add_scalar("train/learning_rate", report.learning_rate, report.step)
            self._writer.add_scalar("train/tokens_per_second", report.tokens_per_second, report.step)
            for key, value in report.extra.items():
                if isinstance(value, Mapping):  # GRPO's `rewards`: reward/<name>/mean (the contract)
                    for name, number in value.items():
                        self._writer.add_scalar(
                            f"train/{key.removesuffix('s')}/{name}/mean", number, report.step
                        )
                else:
                    self._writer.add_scalar(f"train/{key}", value, report.step)
        if self._status is not None:
            self._status.step(report)
        self._send_rollbacks()

    def validation(self, step: int, metrics: Mapping[str, float]) -> None:
        """A validation pass after ``step`` (periodic, or the pass after the last step)."""
        attempt = self._last_report.attempt if self._last_report is not None else None
        self._append(build_validation_record(attempt, step, metrics))
        print(format_validation_line(step, metrics), flush=True)
        if self._writer is not None:
            for key, value in metrics.items():
                self._writer.add_scalar(f"validation/{key}", value, step)
        if self._status is not None and self._last_report is not None:
            self._status.validation(ValidationReport(step, dict(metrics)), self._last_report)

    def evaluation(self, document: Mapping[str, Any]) -> None:
        """The final evaluation (``evaluation.evaluation_document``): a progress.jsonl record, where
        the SageMaker backend reads it, and ``status.progress.evaluation``."""
        self._append({"type": "evaluation", **document})
        if self._status is not None and self._last_report is not None:
            self._status.evaluation(document, self._last_report)

    def rollback(self, rollback: RollbackReport) -> None:
        self._rollbacks = (*self._rollbacks, rollback)
        self._append(build_rollback_record(rollback))
        log.warning(
            "rolled back to step %d after step %d (%s); learning rate now %.3g",
            rollback.restored_step,
            rollback.step,
            rollback.reason,
            rollback.learning_rate,
        )
        if self._writer is not None:
            self._writer.add_scalar("train/rollbacks", len(self._rollbacks), rollback.step)
        self._rollbacks_unsent = True
        self._send_rollbacks()

    def _send_rollbacks(self) -> None:
        """To the status patcher with the newest report, which names the attempt: at once, or with
        the first report after a rollback that came before any."""
        if self._status is not None and self._rollbacks_unsent and self._last_report is not None:
            self._status.rollbacks(self._rollbacks, self._last_report)
            self._rollbacks_unsent = False

    def checkpoint(self, checkpoint: CheckpointReport) -> None:
        self._append(build_checkpoint_record(checkpoint))
        if self._status is not None:
            self._status.checkpoint(checkpoint, self._last_report)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        if self._status is not None:
            self._status.close()
