"""Prometheus metrics: jobs by phase, reconcile latency, API errors, each job's phase and progress,
and each namespace's usage (instance-hours, accelerator-hours, estimated cost).

The per-job series (``finetune_job_*``, labelled by namespace and job) are what the chart's
PrometheusRule alerts on and its Grafana dashboard shows (charts/finetune-operator/files/); a test
checks that every metric those query is defined here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter, Gauge, Histogram

JOBS_BY_PHASE = Gauge("finetune_jobs", "FineTuneJobs this operator knows, by phase.", ["phase"])
RECONCILE_SECONDS = Histogram(
    "finetune_reconcile_duration_seconds",
    "Time to reconcile one FineTuneJob (backend calls and status write included).",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
API_ERRORS = Counter(
    "finetune_api_errors_total", "Failed calls to the Kubernetes or cloud APIs, by HTTP status.", ["status"]
)
TRANSITIONS = Counter("finetune_phase_transitions_total", "Phase transitions, by target phase.", ["phase"])
STALLS = Counter(
    "finetune_stalls_total",
    "Attempts stopped because they reported no step for longer than their stall window, by the job's "
    "namespace and spec.health.stall.policy (Restart, Fail).",
    ["namespace", "policy"],
)


class PhaseTracker:
    """Keeps the JOBS_BY_PHASE gauge equal to the phases last seen per job."""

    def __init__(self) -> None:
        self._phases: dict[tuple[str, str], str] = {}

    def set(self, key: tuple[str, str], phase: str) -> None:
        previous = self._phases.get(key)
        if previous == phase:
            return
        if previous is not None:
            JOBS_BY_PHASE.labels(previous).dec()
        JOBS_BY_PHASE.labels(phase).inc()
        self._phases[key] = phase

    def forget(self, key: tuple[str, str]) -> None:
        previous = self._phases.pop(key, None)
        if previous is not None:
            JOBS_BY_PHASE.labels(previous).dec()


JOB_LABELS = ["namespace", "job_name"]
"""Like kube-state-metrics' Job series: not `job`, which Prometheus gives every scraped series
(the scrape job); the ServiceMonitor honours these labels, so `namespace` is the job's."""
JOB_PHASE = Gauge(
    "finetune_job_phase",
    "1 for each FineTuneJob's current phase (the only series of the job: the phase label changes).",
    [*JOB_LABELS, "phase"],
)
JOB_ATTEMPT = Gauge("finetune_job_attempt", "The job's current attempt (status.currentAttempt).", JOB_LABELS)
JOB_STEP = Gauge(
    "finetune_job_step", "The last step the trainer reported (status.progress.step).", JOB_LABELS
)
JOB_TOTAL_STEPS = Gauge(
    "finetune_job_total_steps", "Steps the run will take (status.progress.totalSteps).", JOB_LABELS
)
JOB_LOSS = Gauge("finetune_job_loss", "The last training loss reported (status.progress.loss).", JOB_LABELS)
JOB_VALIDATION_LOSS = Gauge(
    "finetune_job_validation_loss",
    "The last validation loss reported (status.progress.validationLoss).",
    JOB_LABELS,
)
JOB_TOKENS_PER_SECOND = Gauge(
    "finetune_job_tokens_per_second",
    "Training throughput last reported (status.progress.tokensPerSecond).",
    JOB_LABELS,
)
JOB_LAST_PROGRESS = Gauge(
    "finetune_job_last_progress_timestamp_seconds",
    "When the job last showed life: its trainer's last progress report (status.progress.updatedAt), "
    "or its current attempt's start if that came later. A running job whose value stops moving is stalled.",
    JOB_LABELS,
)
JOB_WAITING_SINCE = Gauge(
    "finetune_job_waiting_since_timestamp_seconds",
    "While the job waits to run (Pending: since its creation; Submitted, Resuming or Queued: since its "
    "current attempt was submitted, or last preempted); no series otherwise.",
    JOB_LABELS,
)
JOB_BILLABLE_SECONDS = Gauge(
    "finetune_job_billable_seconds",
    "Seconds the cloud bills for the job so far (SageMaker: status.sagemaker.billableTimeInSeconds).",
    JOB_LABELS,
)
JOB_TRAINING_SECONDS = Gauge(
    "finetune_job_training_seconds",
    "Seconds the cloud counts as training (SageMaker: status.sagemaker.trainingTimeInSeconds).",
    JOB_LABELS,
)
NAMESPACE_INSTANCE_HOURS = Gauge(
    "finetune_namespace_instance_hours",
    "Instance-hours of the finished attempts of the namespace's FineTuneJobs (status.usage.instanceHours, "
    "summed over the jobs that exist).",
    ["namespace"],
)
NAMESPACE_ACCELERATOR_HOURS = Gauge(
    "finetune_namespace_accelerator_hours",
    "Accelerator-hours of the same attempts, by accelerator (GPU, NeuronCore, vCPU; "
    "status.usage.acceleratorHours).",
    ["namespace", "accelerator"],
)
NAMESPACE_ESTIMATED_COST = Gauge(
    "finetune_namespace_estimated_cost",
    "Estimated cost of the same attempts, by currency (status.usage.estimatedCost of the jobs that "
    "have one).",
    ["namespace", "currency"],
)
UsageSeries = tuple[Gauge, tuple[str, ...]]
"""A namespace usage gauge and its label values."""

JOB_DEGRADED = Gauge(
    "finetune_job_degraded",
    "1 while the job's condition Degraded is True (tokens/s far below its own median), 0 once it was "
    "and is no longer; no series before.",
    JOB_LABELS,
)
PER_JOB_GAUGES = (
    JOB_ATTEMPT,
    JOB_STEP,
    JOB_TOTAL_STEPS,
    JOB_LOSS,
    JOB_VALIDATION_LOSS,
    JOB_TOKENS_PER_SECOND,
    JOB_LAST_PROGRESS,
    JOB_WAITING_SINCE,
    JOB_BILLABLE_SECONDS,
    JOB_TRAINING_SECONDS,
    JOB_DEGRADED,
)
WAITING_PHASES = ("Pending", "Submitted", "Resuming", "Queued")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _timestamp(value: Any) -> float | None:
    """Seconds since the epoch of an RFC 3339 time as the API writes it (``...Z``)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()


def _condition_value(status: Mapping[str, Any], type_: str) -> float | None:
    """1.0 for a True condition ``type_``, 0.0 for any other status, None without it."""
    for condition in status.get("conditions") or []:
        if isinstance(condition, Mapping) and condition.get("type") == type_:
            return 1.0 if condition.get("status") == "True" else 0.0
    return None


def job_samples(document: Mapping[str, Any]) -> tuple[str, dict[Gauge, float]]:
    """The job's phase and the value of each per-job gauge that its status gives, from the
    FineTuneJob as stored (the status the operator and the trainer write). A field the status
    does not have yet gives no sample, so its series is absent rather than a made-up zero."""
    status = document.get("status") or {}
    progress = status.get("progress") or {}
    sagemaker = status.get("sagemaker") or {}
    phase = str(status.get("phase") or "Pending")
    attempts = status.get("attempts") or []
    current = attempts[-1] if attempts and isinstance(attempts[-1], dict) else {}
    attempt_start = _timestamp(current.get("startTime"))
    last_report = _timestamp(progress.get("updatedAt"))
    reported = [t for t in (last_report, attempt_start) if t is not None]
    if phase == "Pending":
        waiting_since = _timestamp((document.get("metadata") or {}).get("creationTimestamp"))
    elif phase in WAITING_PHASES:
        # Queued again after a preemption: it waits since then, not since it was submitted.
        records = [p for p in current.get("preemptions") or [] if isinstance(p, dict)]
        preempted = [_timestamp(p.get("time")) for p in records]
        waiting_since = max((t for t in (attempt_start, *preempted) if t is not None), default=None)
    else:
        waiting_since = None
    values = {
        JOB_ATTEMPT: _number(status.get("currentAttempt")),
        JOB_STEP: _number(progress.get("step")),
        JOB_TOTAL_STEPS: _number(progress.get("totalSteps")),
        JOB_LOSS: _number(progress.get("loss")),
        JOB_VALIDATION_LOSS: _number(progress.get("validationLoss")),
        JOB_TOKENS_PER_SECOND: _number(progress.get("tokensPerSecond")),
        JOB_LAST_PROGRESS: max(reported) if reported else None,
        JOB_WAITING_SINCE: waiting_since,
        JOB_BILLABLE_SECONDS: _number(sagemaker.get("billableTimeInSeconds")),
        JOB_TRAINING_SECONDS: _number(sagemaker.get("trainingTimeInSeconds")),
        JOB_DEGRADED: _condition_value(status, "Degraded"),
    }
    return phase, {gauge: value for gauge, value in values.items() if value is not None}


def usage_samples(namespace: str, document: Mapping[str, Any]) -> dict[UsageSeries, float]:
    """What the job adds to its namespace's usage gauges, from its ``status.usage``."""
    usage = (document.get("status") or {}).get("usage") or {}
    if not usage:
        return {}
    samples: dict[UsageSeries, float] = {}
    hours = _number(usage.get("instanceHours"))
    if hours is not None:
        samples[(NAMESPACE_INSTANCE_HOURS, (namespace,))] = hours
    for kind, value in (usage.get("acceleratorHours") or {}).items():
        number = _number(value)
        if number is not None:
            samples[(NAMESPACE_ACCELERATOR_HOURS, (namespace, str(kind)))] = number
    cost = _number(usage.get("estimatedCost"))
    if cost is not None and usage.get("currency"):
        samples[(NAMESPACE_ESTIMATED_COST, (namespace, str(usage["currency"])))] = cost
    return samples


class JobMetrics:
    """Keeps the per-job gauges equal to the status of the jobs that exist.

    Fed with every FineTuneJob event (the trainer's progress reports included), and told when a
    job is deleted, which removes all its series: a deleted job leaves no stale series behind,
    and a new job of the same name starts from none."""

    def __init__(self) -> None:
        self._shown: dict[tuple[str, str], tuple[str, set[Gauge]]] = {}
        self._usage: dict[tuple[str, str], dict[UsageSeries, float]] = {}
        """Each job's part of its namespace's usage gauges, which are the sums of these."""

    def observe(self, key: tuple[str, str], document: Mapping[str, Any]) -> None:
        self._set_usage(key, usage_samples(key[0], document))
        phase, samples = job_samples(document)
        previous_phase, previous_gauges = self._shown.get(key, (None, set()))
        if previous_phase is not None and previous_phase != phase:
            JOB_PHASE.remove(*key, previous_phase)
        JOB_PHASE.labels(*key, phase).set(1)
        for gauge in previous_gauges - samples.keys():
            gauge.remove(*key)
        for gauge, value in samples.items():
            gauge.labels(*key).set(value)
        self._shown[key] = (phase, set(samples))

    def _set_usage(self, key: tuple[str, str], samples: dict[UsageSeries, float]) -> None:
        """Record the job's usage and re-sum each namespace series it changes (a series no job
        contributes to any more is removed)."""
        previous = self._usage.get(key, {})
        if samples == previous:
            return
        if samples:
            self._usage[key] = samples
        else:
            self._usage.pop(key, None)
        for series in previous.keys() | samples.keys():
            gauge, labels = series
            parts = [part[series] for job, part in self._usage.items() if job[0] == key[0] and series in part]
            if parts:
                gauge.labels(*labels).set(sum(parts))
            else:
                gauge.remove(*labels)

    def forget(self, key: tuple[str, str]) -> None:
        self._set_usage(key, {})
        shown = self._shown.pop(key, None)
        if shown is None:
            return
        phase, gauges = shown
        JOB_PHASE.remove(*key, phase)
        for gauge in gauges:
            gauge.remove(*key)
