"""Prometheus metrics: jobs by phase, reconcile latency, API errors."""

from __future__ import annotations

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
