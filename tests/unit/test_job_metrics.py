"""Per-job Prometheus metrics (operator/finetune_operator/metrics.py, issue 23): fed from the status
the operator and the trainer write, labelled by namespace and job, gone when the job is deleted."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from prometheus_client import REGISTRY
from tests.fake_kube import FakeKube

from finetune_operator.config import OperatorConfig
from finetune_operator.metrics import (
    JOB_BILLABLE_SECONDS,
    JOB_LAST_PROGRESS,
    JOB_VALIDATION_LOSS,
    JOB_WAITING_SINCE,
    JobMetrics,
    job_samples,
)
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.reconciler import Reconciler

NAMESPACE = "team-metrics"
JOBS = f"/apis/finetune.dev/v1alpha1/namespaces/{NAMESPACE}/finetunejobs"
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
LABELS = {"namespace": NAMESPACE, "job_name": "m"}


def value(name: str, **extra: str) -> float | None:
    return REGISTRY.get_sample_value(name, {**LABELS, **extra})


def series_of_the_job() -> list[str]:
    """Every sample of any metric that carries this test job's labels."""
    return [
        sample.name
        for metric in REGISTRY.collect()
        for sample in metric.samples
        if sample.labels.get("namespace") == NAMESPACE and sample.labels.get("job_name") == "m"
    ]


def test_a_jobs_phase_and_progress_are_series_until_the_job_is_deleted() -> None:
    kube = FakeKube()
    kube.add(
        f"/api/v1/namespaces/{NAMESPACE}/persistentvolumeclaims",
        {"metadata": {"name": "fsx-claim", "namespace": NAMESPACE}, "status": {"phase": "Bound"}},
    )
    reconciler = Reconciler(
        OperatorConfig(max_workers=2), kube.api_client(), clock=lambda: NOW, post_event=lambda *_: None
    )
    recipes = load_recipes_dir(BUILTIN_RECIPES_DIR)
    kube.add(
        JOBS,
        {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneJob",
            "metadata": {"name": "m"},
            "spec": {
                "model": {"name": "llama-3.2-1b"},
                "method": "lora",
                "data": {"train": {"path": f"/fsx/data/{NAMESPACE}/train.jsonl"}},
            },
        },
    )

    def stored() -> dict[str, Any]:
        document = kube.get(f"{JOBS}/m")
        assert document is not None
        return document

    async def scenario() -> None:
        await reconciler.job_event("ADDED", stored(), recipes)
        await reconciler.job_event("MODIFIED", stored(), recipes)  # the echo of the status write
        assert value("finetune_job_phase", phase="Submitted") == 1
        assert value("finetune_job_attempt") == 1
        assert value("finetune_job_step") is None, "no step before the trainer reports one"

        # A trainer report: reconciles nothing, but is what the metrics show.
        report = {
            "attempt": 1,
            "step": 40,
            "totalSteps": 100,
            "loss": 0.4,
            "validationLoss": 0.82,
            "tokensPerSecond": 1234.5,
            "updatedAt": "2026-12-07T12:05:00Z",
        }
        kube.write(f"{JOBS}/m", {"status": {"phase": "Running", "progress": report}})
        await reconciler.job_event("MODIFIED", stored(), recipes)
        assert value("finetune_job_phase", phase="Running") == 1
        assert value("finetune_job_phase", phase="Submitted") is None, "one phase series per job"
        assert (value("finetune_job_step"), value("finetune_job_total_steps")) == (40, 100)
        assert (value("finetune_job_loss"), value("finetune_job_validation_loss")) == (0.4, 0.82)
        assert value("finetune_job_tokens_per_second") == 1234.5
        assert (
            value("finetune_job_last_progress_timestamp_seconds")
            == datetime(2026, 12, 7, 12, 5, tzinfo=UTC).timestamp()
        )
        assert value("finetune_job_waiting_since_timestamp_seconds") is None, "running, not waiting"

        await reconciler.job_event("DELETED", stored(), recipes)
        assert series_of_the_job() == [], "a deleted job leaves no stale series"

    asyncio.run(scenario())


def test_samples_come_only_from_what_the_status_has() -> None:
    pending = {"metadata": {"creationTimestamp": "2026-12-07T10:00:00Z"}}
    phase, samples = job_samples(pending)
    assert phase == "Pending"
    assert samples == {JOB_WAITING_SINCE: datetime(2026, 12, 7, 10, tzinfo=UTC).timestamp()}

    resuming = {
        "metadata": {"creationTimestamp": "2026-12-07T10:00:00Z"},
        "status": {
            "phase": "Resuming",
            "currentAttempt": 2,
            "attempts": [
                {"attempt": 1, "name": "j-a1", "startTime": "2026-12-07T10:01:00Z"},
                {"attempt": 2, "name": "j-a2", "startTime": "2026-12-07T11:00:00Z"},
            ],
            # attempt 1's last report is older than attempt 2's start
            "progress": {"attempt": 1, "step": 7, "updatedAt": "2026-12-07T10:30:00Z"},
            "sagemaker": {
                "trainingJobName": "x",
                "trainingJobStatus": "InProgress",
                "billableTimeInSeconds": 600,
            },
        },
    }
    _, samples = job_samples(resuming)
    attempt_2_start = datetime(2026, 12, 7, 11, tzinfo=UTC).timestamp()
    assert samples[JOB_WAITING_SINCE] == attempt_2_start, "waiting since the current attempt's submission"
    assert samples[JOB_LAST_PROGRESS] == attempt_2_start, "a new attempt restarts the stall clock"
    assert samples[JOB_BILLABLE_SECONDS] == 600
    assert JOB_VALIDATION_LOSS not in samples


def usage_job(name: str, instance_hours: float, cost: float | None) -> dict[str, Any]:
    usage: dict[str, Any] = {"instanceHours": instance_hours, "acceleratorHours": {"GPU": instance_hours * 8}}
    if cost is not None:
        usage.update(estimatedCost=cost, currency="USD")
    return {
        "metadata": {"name": name, "namespace": "team-usage"},
        "status": {"phase": "Running", "usage": usage},
    }


def test_a_namespaces_usage_is_the_sum_of_its_jobs_and_a_deleted_job_leaves_it() -> None:
    metrics = JobMetrics()

    def namespace_value(name: str, **labels: str) -> float | None:
        return REGISTRY.get_sample_value(name, {"namespace": "team-usage", **labels})

    metrics.observe(("team-usage", "a"), usage_job("a", 1.5, 30.0))
    metrics.observe(("team-usage", "b"), usage_job("b", 0.5, None))
    assert namespace_value("finetune_namespace_instance_hours") == 2.0
    assert namespace_value("finetune_namespace_accelerator_hours", accelerator="GPU") == 16.0
    assert namespace_value("finetune_namespace_estimated_cost", currency="USD") == 30.0
    metrics.observe(("team-usage", "a"), usage_job("a", 2.5, 50.0))  # a's next attempt ended
    assert namespace_value("finetune_namespace_instance_hours") == 3.0
    assert namespace_value("finetune_namespace_estimated_cost", currency="USD") == 50.0
    metrics.forget(("team-usage", "a"))
    assert namespace_value("finetune_namespace_instance_hours") == 0.5
    assert namespace_value("finetune_namespace_estimated_cost", currency="USD") is None
    metrics.forget(("team-usage", "b"))
    assert namespace_value("finetune_namespace_instance_hours") is None
    assert namespace_value("finetune_namespace_accelerator_hours", accelerator="GPU") is None
