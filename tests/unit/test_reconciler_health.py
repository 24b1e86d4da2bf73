"""A hung attempt through the reconcile loop (fake API server, fixed clock): the trainer's progress
reports come in as FineTuneJob events, the reconciler's own timer looks when the window ends, and
the stalled PyTorchJob is replaced by the next attempt, never doubled, also when the operator stops
between deleting the old attempt and writing status."""

from __future__ import annotations

import asyncio
import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from prometheus_client import REGISTRY
from tests.fake_kube import FakeKube

from finetune_operator.api.recipe import Recipe
from finetune_operator.attempt import JobEvent
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.reconciler import Reconciler

NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
NAMESPACE = "team-h"
JOBS = f"/apis/finetune.dev/v1alpha1/namespaces/{NAMESPACE}/finetunejobs"
JOB = f"{JOBS}/j"
PYTORCHJOBS = f"/apis/kubeflow.org/v1/namespaces/{NAMESPACE}/pytorchjobs"
PODS = f"/api/v1/namespaces/{NAMESPACE}/pods"
KEY = (NAMESPACE, "j")
RECIPES: list[Recipe] = load_recipes_dir(BUILTIN_RECIPES_DIR)
WINDOW = 20
RUNNING = {"status": {"conditions": [{"type": "Running", "status": "True"}]}}


def stalls_counted(policy: str) -> float:
    return (
        REGISTRY.get_sample_value("finetune_stalls_total", {"namespace": NAMESPACE, "policy": policy}) or 0.0
    )


def attempt_pod(name: str) -> dict[str, Any]:
    """A running pod of attempt 1 as the training-operator creates it."""
    labels = {"finetune.dev/job": "j", "training.kubeflow.org/job-name": "j-a1"}
    return {
        "metadata": {"name": name, "namespace": NAMESPACE, "labels": labels},
        "status": {"phase": "Running"},
    }


class Clocked:
    """The Reconciler on a fake API server (the namespace has its bound storage claim), with a
    settable clock and a list as its Event sink."""

    def __init__(self) -> None:
        self.kube = FakeKube()
        claim = {"metadata": {"name": "fsx-claim", "namespace": NAMESPACE}, "status": {"phase": "Bound"}}
        self.kube.add(f"/api/v1/namespaces/{NAMESPACE}/persistentvolumeclaims", claim)
        self.events: list[tuple[dict[str, Any], JobEvent]] = []
        self.looks: list[float | None] = []
        self.now = NOW
        self.reconciler = Reconciler(
            OperatorConfig(max_workers=2),
            self.kube.api_client(),
            clock=lambda: self.now,
            post_event=lambda target, event: self.events.append((target, event)),
        )

    def create_job(self, **spec: Any) -> None:
        document = {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneJob",
            "metadata": {"name": "j"},
            "spec": {
                "model": {"name": "llama-3.2-1b"},
                "method": "lora",
                "data": {"train": {"path": f"/fsx/data/{NAMESPACE}/train.jsonl"}},
                **spec,
            },
        }
        self.kube.add(JOBS, document)

    def job(self) -> dict[str, Any]:
        stored = self.kube.get(JOB)
        assert stored is not None
        return stored

    def status(self) -> dict[str, Any]:
        return dict(self.job().get("status") or {})

    def reconcile(self) -> Any:
        return self.reconciler.reconcile_now(KEY, None, RECIPES)

    def report(self, seconds: float, step: int, attempt: int = 1) -> None:
        """The trainer's status patch at ``seconds`` after NOW, and its event reaching the operator;
        notes when the job's next look is then due (``looks``)."""
        self.now = NOW + timedelta(seconds=seconds)
        stamp = self.now.strftime("%Y-%m-%dT%H:%M:%SZ")
        progress = {"attempt": attempt, "step": step, "totalSteps": 100, "updatedAt": stamp}
        self.kube.write(JOB, {"status": {"progress": progress}})

        async def event() -> float | None:
            await self.reconciler.job_event("MODIFIED", self.job(), RECIPES)
            due = self.reconciler.next_look_in(KEY)
            self.reconciler._cancel_next_look(KEY)  # its event loop ends here: the test looks itself
            return None if due is None else round(due)

        self.looks.append(asyncio.run(event()))


def running_with_reports(harness: Clocked, **stall: Any) -> None:
    harness.create_job(health={"stall": {"windowSeconds": WINDOW, **stall}})
    harness.reconcile()
    harness.kube.write(f"{PYTORCHJOBS}/j-a1", RUNNING)
    harness.reconcile()
    checkpoint = {"path": f"/fsx/finetune/{NAMESPACE}/j/checkpoints/step-4", "step": 4, "attempt": 1}
    harness.kube.write(JOB, {"status": {"checkpoint": {"latest": checkpoint}}})
    for i, step in enumerate(range(1, 6)):
        harness.report(5.0 * i, step)


def test_a_silent_attempt_is_replaced_by_one_that_resumes_from_its_checkpoint() -> None:
    harness = Clocked()
    running_with_reports(harness)  # the last report (step 5) at 20 s
    for pod in ("j-a1-master-0", "j-a1-worker-0"):
        harness.kube.add(PODS, attempt_pod(pod))
    before = stalls_counted("Restart")
    # Each new step scheduled a look at the end of its window: a step report wakes no reconcile.
    assert harness.looks[-1] == WINDOW + 1
    harness.now = NOW + timedelta(seconds=25)
    outcome = harness.reconcile()
    assert harness.status()["phase"] == "Running"
    assert outcome.next_look_in == 20 + WINDOW - 25 + 1  # the reconciler's timer: the window's end
    harness.now = NOW + timedelta(seconds=20 + WINDOW + 1)
    outcome = harness.reconcile()
    status = harness.status()
    assert [p["metadata"]["name"] for p in harness.kube.under(PYTORCHJOBS)] == ["j-a2"]
    # Its frozen pods are deleted at once (with a short grace), not left to garbage collection.
    assert harness.kube.under(PODS) == []
    assert harness.kube.count("DELETE", PODS) == 2
    assert status["phase"] == "Resuming" and status["currentAttempt"] == 2
    first, second = status["attempts"]
    assert (first["result"], first["reason"]) == ("Failed", "Stalled")
    assert second["resumedFrom"] == f"/fsx/finetune/{NAMESPACE}/j/checkpoints/step-4"
    stalled = next(c for c in status["conditions"] if c["type"] == "Stalled")
    assert stalled["status"] == "True" and "after step 5" in stalled["message"]
    assert [e.reason for e in outcome.events] == ["Stalled", "AttemptFailed", "Resuming"]
    assert stalls_counted("Restart") == before + 1
    # Attempt 2 starts: no window runs before its first step, however long that takes.
    harness.kube.write(f"{PYTORCHJOBS}/j-a2", RUNNING)
    harness.now = NOW + timedelta(seconds=3600)
    harness.reconcile()
    assert [p["metadata"]["name"] for p in harness.kube.under(PYTORCHJOBS)] == ["j-a2"]
    # Its first step clears Stalled (the report itself wakes the look).
    harness.report(3601, 5, attempt=2)
    stalled = next(c for c in harness.status()["conditions"] if c["type"] == "Stalled")
    assert (stalled["status"], stalled["reason"]) == ("False", "Progressing")


def test_an_operator_stopped_after_deleting_the_stalled_attempt_submits_the_same_next_one() -> None:
    harness = Clocked()
    running_with_reports(harness)
    before = copy.deepcopy(harness.status())
    harness.now = NOW + timedelta(seconds=20 + WINDOW + 1)
    harness.reconcile()
    harness.kube.write(JOB, {"status": None})
    harness.kube.write(JOB, {"status": before})  # the status write was lost
    harness.reconcile()  # attempt 1 is gone: attempt 2 is submitted again, and adopted
    assert [p["metadata"]["name"] for p in harness.kube.under(PYTORCHJOBS)] == ["j-a2"]
    assert harness.status()["currentAttempt"] == 2


def test_a_stall_acted_on_keeps_its_record_when_the_trainer_reports_before_the_status_write() -> None:
    """The stalled attempt's trainers, woken by the SIGTERM of the deletion, report a step while the
    operator stops that attempt and submits the next: the status write conflicts. The action is
    done, so the plan's status goes onto the fresh one; decided again, the stalled attempt would
    read as a PyTorchJob gone missing, and the stall would be lost."""
    harness = Clocked()
    running_with_reports(harness)
    harness.now = NOW + timedelta(seconds=20 + WINDOW + 1)

    writes_before = harness.kube.count("PATCH", f"{JOB}/status")

    def trainer_reports_first(kube: FakeKube, method: str, path: str) -> None:
        if (
            method == "PATCH"
            and path == f"{JOB}/status"
            and kube.count("PATCH", f"{JOB}/status") == writes_before + 1
        ):
            kube.write(JOB, {"status": {"progress": {"attempt": 1, "step": 6, "totalSteps": 100}}})

    harness.kube.before.append(trainer_reports_first)
    outcome = harness.reconcile()
    status = harness.status()
    assert [p["metadata"]["name"] for p in harness.kube.under(PYTORCHJOBS)] == ["j-a2"]
    first, _ = status["attempts"]
    assert (first["result"], first["reason"]) == ("Failed", "Stalled")
    stalled = next(c for c in status["conditions"] if c["type"] == "Stalled")
    assert stalled["status"] == "True"
    assert [e.reason for e in outcome.events] == ["Stalled", "AttemptFailed", "Resuming"]
    assert status["progress"]["step"] == 6  # the trainer's report survives
    assert harness.kube.count("PATCH", f"{JOB}/status") == writes_before + 2


def test_the_fail_policy_deletes_the_attempt_and_fails_the_job() -> None:
    harness = Clocked()
    running_with_reports(harness, policy="Fail")
    harness.now = NOW + timedelta(seconds=20 + WINDOW + 1)
    outcome = harness.reconcile()
    status = harness.status()
    assert (status["phase"], status["reason"]) == ("Failed", "Stalled")
    assert harness.kube.under(PYTORCHJOBS) == []
    assert outcome.next_look_in is None
