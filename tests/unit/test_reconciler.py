"""The reconcile loop against a fake API server at the HTTP boundary (tests/fake_kube.py).

The Reconciler gets a real kubernetes ApiClient whose HTTP pool is the fake, the real
HyperPod backend on that client, a fixed clock and a list as its Event sink.
"""

from __future__ import annotations

import asyncio
import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import yaml
from kubernetes.client.exceptions import ApiException
from tests.fake_kube import FakeKube

from finetune_operator.api.recipe import BackendName, Recipe, RecipeKind
from finetune_operator.attempt import JobEvent
from finetune_operator.backends.hyperpod.render import CONFIG_ANNOTATION
from finetune_operator.backends.registry import BACKENDS
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.reconciler import RETRY_DELAYS, Reconciler, needs_finalizer, refused_for_good
from finetune_operator.statemachine import ATTEMPT_CHECK_SECONDS, RUNTIME_GRACE_SECONDS

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NAMESPACE = "team-a"
JOBS = f"/apis/finetune.dev/v1alpha1/namespaces/{NAMESPACE}/finetunejobs"
JOB = f"{JOBS}/j"
PYTORCHJOBS = f"/apis/kubeflow.org/v1/namespaces/{NAMESPACE}/pytorchjobs"
KEY = (NAMESPACE, "j")
RECIPES: list[Recipe] = load_recipes_dir(BUILTIN_RECIPES_DIR)
PYTORCHJOB_CHILD, POD_CHILD = BACKENDS[BackendName.HYPERPOD].watches.children
PODS = f"/api/v1/namespaces/{NAMESPACE}/pods"


CLAIMS = f"/api/v1/namespaces/{NAMESPACE}/persistentvolumeclaims"
ROLEBINDINGS = f"/apis/rbac.authorization.k8s.io/v1/namespaces/{NAMESPACE}/rolebindings"


def bound_claim(name: str) -> dict[str, Any]:
    return {"metadata": {"name": name, "namespace": NAMESPACE}, "status": {"phase": "Bound"}}


class Harness:
    def __init__(self) -> None:
        self.kube = FakeKube()
        self.kube.add(CLAIMS, bound_claim("fsx-claim"))  # as every HyperPod namespace has
        self.events: list[tuple[dict[str, Any], JobEvent]] = []
        self.reconciler = Reconciler(
            OperatorConfig(max_workers=2),
            self.kube.api_client(),
            clock=lambda: NOW,
            post_event=lambda target, event: self.events.append((target, event)),
        )

    def create_job(self, **spec: Any) -> dict[str, Any]:
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
        return self.kube.add(JOBS, document)

    def job(self) -> dict[str, Any]:
        stored = self.kube.get(JOB)
        assert stored is not None
        return stored

    def status(self) -> dict[str, Any]:
        return dict(self.job().get("status") or {})

    def reconcile(self) -> Any:
        return self.reconciler.reconcile_now(KEY, None, RECIPES)


@pytest.fixture
def harness() -> Harness:
    return Harness()


def test_a_new_job_gets_its_first_attempt_and_status(harness: Harness) -> None:
    harness.create_job()
    outcome = harness.reconcile()
    (pytorchjob,) = harness.kube.under(PYTORCHJOBS)
    assert pytorchjob["metadata"]["name"] == "j-a1"
    assert pytorchjob["metadata"]["ownerReferences"][0]["uid"] == harness.job()["metadata"]["uid"]
    assert harness.kube.get(f"/api/v1/namespaces/{NAMESPACE}/serviceaccounts/finetune-trainer") is not None
    binding = harness.kube.get(f"{ROLEBINDINGS}/finetune-trainer")
    assert binding is not None
    # The chart's trainer ClusterRole: the operator creates no Role (it may bind only that one).
    assert binding["roleRef"] == {
        "apiGroup": "rbac.authorization.k8s.io",
        "kind": "ClusterRole",
        "name": "finetune-operator-trainer",
    }
    assert harness.kube.under(f"/apis/rbac.authorization.k8s.io/v1/namespaces/{NAMESPACE}/roles") == []
    status = harness.status()
    assert status["phase"] == "Submitted"
    assert status["currentAttempt"] == 1
    assert status["backendRef"]["name"] == "j-a1"
    assert status["backendRef"]["uid"] == pytorchjob["metadata"]["uid"]
    assert [e.reason for e in outcome.events] == ["Submitted"]
    # Looked at once soon (a missing storage claim sends no event); then the PyTorchJob's
    # watch events say when to look.
    assert outcome.next_look_in == ATTEMPT_CHECK_SECONDS


def test_a_restart_before_the_status_write_adopts_the_attempt(harness: Harness) -> None:
    harness.create_job()
    harness.reconcile()
    (first,) = harness.kube.under(PYTORCHJOBS)
    harness.kube.write(JOB, {"status": None})  # as if the status write had been lost
    restarted = Reconciler(OperatorConfig(), harness.kube.api_client(), lambda: NOW, lambda t, e: None)
    restarted.reconcile_now(KEY, None, RECIPES)
    (adopted,) = harness.kube.under(PYTORCHJOBS)
    assert adopted["metadata"]["uid"] == first["metadata"]["uid"]
    assert harness.status()["backendRef"]["uid"] == first["metadata"]["uid"]


def test_a_conflicting_status_write_after_a_submit_goes_onto_the_fresh_status(harness: Harness) -> None:
    harness.create_job()

    def trainer_reports_first(kube: FakeKube, method: str, path: str) -> None:
        if method == "PATCH" and path == f"{JOB}/status" and kube.count("PATCH", f"{JOB}/status") == 1:
            kube.write(JOB, {"status": {"progress": {"step": 3}}})

    harness.kube.before.append(trainer_reports_first)
    harness.reconcile()
    assert harness.kube.count("PATCH", f"{JOB}/status") == 2
    assert len(harness.kube.under(PYTORCHJOBS)) == 1
    status = harness.status()
    assert status["phase"] == "Submitted"
    assert status["progress"] == {"step": 3}  # the trainer's report survives


def test_a_look_at_a_copy_older_than_the_last_write_says_and_writes_nothing_again(harness: Harness) -> None:
    """kopf can hand the reconciler a job as it was before the previous look's status write (the
    watch had not yet brought that write): the same decision again adopts the child the previous
    look created, and its status write conflicts. The fresh status already records that attempt,
    so neither the status nor the Events are written a second time (a cluster run showed two
    `Resuming` Events for one attempt)."""
    harness.create_job()
    stale = copy.deepcopy(harness.job())
    first = harness.reconcile()
    assert [e.reason for e in first.events] == ["Submitted"]
    writes = harness.kube.count("PATCH", f"{JOB}/status")

    again = harness.reconciler.reconcile_now(KEY, stale, RECIPES)

    assert again.events == []
    assert harness.kube.count("PATCH", f"{JOB}/status") == writes + 1  # the refused one only
    (child,) = harness.kube.under(PYTORCHJOBS)
    status = harness.status()
    assert (status["currentAttempt"], status["backendRef"]["uid"]) == (1, child["metadata"]["uid"])


def test_a_look_at_a_copy_from_before_a_submission_leaves_the_phase_a_later_look_wrote(
    harness: Harness,
) -> None:
    """The same stale look once the attempt it submits again has moved on: a third look recorded
    the child Running before the stale one's write conflicted. The fresh status names the plan's
    attempt and child, so the submission was recorded; writing it again would turn Running back
    into the submission's phase and say it twice (a cluster run: Resuming, Running, Resuming,
    Running, and two `Resuming` Events for attempt 2)."""
    harness.create_job()
    stale = copy.deepcopy(harness.job())
    assert [e.reason for e in harness.reconcile().events] == ["Submitted"]
    (child,) = harness.kube.under(PYTORCHJOBS)
    harness.kube.write(
        f"{PYTORCHJOBS}/{child['metadata']['name']}",
        {"status": {"conditions": [{"type": "Running", "status": "True"}]}},
    )
    assert [e.reason for e in harness.reconcile().events] == ["Running"]

    again = harness.reconciler.reconcile_now(KEY, stale, RECIPES)

    assert again.events == []
    status = harness.status()
    assert (status["phase"], status["currentAttempt"]) == ("Running", 1)


def test_a_spec_the_backend_refuses_fails_without_children(harness: Harness) -> None:
    harness.create_job(sagemaker={"roleArn": "arn:aws:iam::123456789012:role/x"})
    outcome = harness.reconcile()
    assert harness.status()["phase"] == "Failed"
    assert harness.status()["conditions"][-1]["reason"] == "InvalidSpec"
    assert [(e.type, e.reason) for e in outcome.events] == [("Warning", "InvalidSpec")]
    assert harness.kube.count("POST") == 0


def test_an_instance_type_outside_the_recipes_family_fails_naming_both(harness: Harness) -> None:
    harness.create_job(recipe={"name": "llama-3.2-1b-lora"}, resources={"instanceType": "ml.p5.48xlarge"})
    outcome = harness.reconcile()
    condition = harness.status()["conditions"][-1]
    assert (harness.status()["phase"], condition["reason"]) == ("Failed", "InvalidSpec")
    assert condition["message"].startswith(
        "spec.resources.instanceType: ml.p5.48xlarge is a cuda instance type, but recipe "
        "'llama-3.2-1b-lora' targets accelerator family neuron"
    )
    assert [(e.type, e.reason) for e in outcome.events] == [("Warning", "InvalidSpec")]
    assert harness.kube.count("POST") == 0


GRPO_SPEC: dict[str, Any] = {
    "model": {"name": "tiny-llama"},
    "method": "grpo-lora",
    "rewards": [
        {"name": "correct", "function": "correct", "configMap": {"name": "rewards", "key": "reward.py"}}
    ],
}
REWARD_CODE = "def correct(prompt, completion, **fields):\n    return 1.0\n"


def test_a_grpo_job_whose_reward_configmap_is_missing_fails_naming_it(harness: Harness) -> None:
    harness.create_job(**GRPO_SPEC)
    outcome = harness.reconcile()
    condition = harness.status()["conditions"][-1]
    assert (harness.status()["phase"], condition["reason"]) == ("Failed", "InvalidSpec")
    assert condition["message"].startswith(
        "spec.rewards[0].configMap: ConfigMap team-a/rewards does not exist; create it"
    )
    assert [(e.type, e.reason) for e in outcome.events] == [("Warning", "InvalidSpec")]
    assert harness.kube.under(PYTORCHJOBS) == []


def test_a_grpo_job_gets_its_reward_configmap_in_its_pods(harness: Harness) -> None:
    harness.kube.add(
        f"/api/v1/namespaces/{NAMESPACE}/configmaps",
        {"metadata": {"name": "rewards", "namespace": NAMESPACE}, "data": {"reward.py": REWARD_CODE}},
    )
    harness.create_job(**GRPO_SPEC)
    harness.reconcile()
    assert harness.status()["phase"] == "Submitted"
    (pytorchjob,) = harness.kube.under(PYTORCHJOBS)
    volumes = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]["volumes"]
    (config,) = [v for v in volumes if v["name"] == "config"]
    assert config["projected"]["sources"][1] == {
        "configMap": {"name": "rewards", "items": [{"key": "reward.py", "path": "code/rewards/reward.py"}]}
    }


def test_a_stored_object_the_models_cannot_read_fails(harness: Harness) -> None:
    harness.create_job(recipe={"overrides": {"lora.rank": {"not": "a scalar"}}})
    outcome = harness.reconcile()
    assert harness.status()["phase"] == "Failed"
    assert [e.reason for e in outcome.events] == ["InvalidSpec"]
    assert harness.reconcile().events == []  # said once


def test_the_job_follows_its_pytorchjob(harness: Harness) -> None:
    harness.create_job()
    harness.reconcile()
    child = f"{PYTORCHJOBS}/j-a1"
    harness.kube.write(child, {"status": {"conditions": [{"type": "Running", "status": "True"}]}})
    assert [e.reason for e in harness.reconcile().events] == ["Running"]
    assert harness.status()["phase"] == "Running"
    harness.kube.write(child, {"status": {"conditions": [{"type": "Succeeded", "status": "True"}]}})
    assert [e.reason for e in harness.reconcile().events] == ["Succeeded"]
    status = harness.status()
    assert status["phase"] == "Succeeded"
    assert (
        status["output"]["path"] == f"/fsx/finetune/{NAMESPACE}/j/output/{harness.job()['metadata']['uid']}"
    )


def trainer_pod(name: str, started: str, finished: str | None) -> dict[str, Any]:
    state = {"terminated": {"exitCode": 0, "finishedAt": finished}} if finished else {"running": {}}
    return {
        "metadata": {"name": name, "labels": {"training.kubeflow.org/job-name": "j-a1"}},
        "spec": {"containers": [{"name": "pytorch", "image": "trainer"}]},
        "status": {
            "startTime": started,
            "containerStatuses": [
                {
                    "name": "pytorch",
                    "image": "trainer",
                    "imageID": "",
                    "ready": False,
                    "restartCount": 0,
                    "state": state,
                }
            ],
        },
    }


def test_status_usage_comes_from_the_attempts_pods(harness: Harness) -> None:
    """Issue 25: the attempt's pods are read once when it first shows Running (its start) and once
    when it is over (its end); the job's status.usage is their first start to their last finish,
    on the attempt's resolved instances."""
    harness.create_job()
    harness.reconcile()
    (submitted,) = harness.status()["usage"]["attempts"]
    instance_type, count = submitted["instanceType"], submitted["instanceCount"]
    assert count >= 1 and instance_type.startswith("ml.")
    harness.kube.add(PODS, trainer_pod("j-a1-master-0", "2026-11-22T10:00:05Z", None))
    child = f"{PYTORCHJOBS}/j-a1"
    harness.kube.write(child, {"status": {"conditions": [{"type": "Running", "status": "True"}]}})
    harness.reconcile()
    (running,) = harness.status()["usage"]["attempts"]
    assert running["startTime"] == "2026-11-22T10:00:05Z" and "wallSeconds" not in running
    pod_lists = harness.kube.count("GET", PODS)
    harness.reconcile()
    assert harness.kube.count("GET", PODS) == pod_lists  # the start is recorded: no more reads
    harness.kube.write(
        f"{PODS}/j-a1-master-0", trainer_pod("j-a1-master-0", "2026-11-22T10:00:05Z", "2026-11-22T11:00:05Z")
    )
    harness.kube.write(child, {"status": {"conditions": [{"type": "Succeeded", "status": "True"}]}})
    harness.reconcile()
    status = harness.status()
    assert status["phase"] == "Succeeded"
    (done,) = status["usage"]["attempts"]
    assert (done["endTime"], done["wallSeconds"]) == ("2026-11-22T11:00:05Z", 3600)
    assert status["usage"]["instanceHours"] == count
    assert status["usage"]["unpricedInstanceTypes"] == [instance_type]  # no price table


def test_a_trainer_that_exits_2_ends_the_job_invalid_spec_after_one_attempt(harness: Harness) -> None:
    """Issue 23, item 3: a missing data file is the trainer's exit 2; the job fails InvalidSpec
    with the trainer's words (key and path) in its condition, and no second attempt is made."""
    harness.create_job()
    harness.reconcile()
    said = f"invalid input: data.train[0].path: /fsx/data/{NAMESPACE}/train.jsonl does not exist"
    terminated = {"exitCode": 2, "reason": "Error", "message": said}
    harness.kube.add(
        f"/api/v1/namespaces/{NAMESPACE}/pods",
        {
            "metadata": {"name": "j-a1-master-0", "labels": {"training.kubeflow.org/job-name": "j-a1"}},
            "spec": {"containers": [{"name": "pytorch", "image": "trainer"}]},
            "status": {
                "containerStatuses": [
                    {
                        "name": "pytorch",
                        "image": "trainer",
                        "imageID": "",
                        "ready": False,
                        "restartCount": 0,
                        "state": {"terminated": terminated},
                    }
                ]
            },
        },
    )
    harness.kube.write(
        f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Failed", "status": "True"}]}}
    )
    outcome = harness.reconcile()
    status = harness.status()
    (failed,) = [c for c in status["conditions"] if c["type"] == "Failed"]
    assert (status["phase"], failed["reason"]) == ("Failed", "InvalidSpec")
    assert said in failed["message"] and "(exit code 2)" in failed["message"]
    assert [e.reason for e in outcome.events] == ["AttemptFailed", "InvalidSpec"]
    assert [a["attempt"] for a in status["attempts"]] == [1]
    assert harness.kube.get(f"{PYTORCHJOBS}/j-a2") is None
    assert harness.reconcile().events == []  # and stays so


def test_a_suspended_job_keeps_its_progress_but_not_its_eta(harness: Harness) -> None:
    """A key dropped from a nested status object goes out as null: a merge patch would keep it."""
    harness.create_job()
    harness.reconcile()
    harness.kube.write(
        f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Running", "status": "True"}]}}
    )
    harness.reconcile()
    progress = {"attempt": 1, "step": 5, "totalSteps": 10, "estimatedCompletionTime": "2026-11-28T13:00:00Z"}
    harness.kube.write(JOB, {"spec": {"suspend": True}, "status": {"progress": progress}})
    harness.reconcile()
    status = harness.status()
    assert status["phase"] == "Suspended"
    assert status["progress"] == {"attempt": 1, "step": 5, "totalSteps": 10}
    running = next(c for c in status["conditions"] if c["type"] == "Running")
    assert running["status"] == "False"


def test_events_that_change_nothing_wake_nobody(harness: Harness) -> None:
    async def scenario() -> None:
        harness.create_job()
        await harness.reconciler.job_event("ADDED", harness.job(), RECIPES)
        assert [e.reason for _, e in harness.events] == ["Submitted"]
        assert harness.events[0][0]["metadata"]["name"] == "j"
        requests = len(harness.kube.requests)
        # The echo of our own status write, a trainer progress report, and the child's first event.
        await harness.reconciler.job_event("MODIFIED", harness.job(), RECIPES)
        harness.kube.write(JOB, {"status": {"progress": {"step": 1}}})
        await harness.reconciler.job_event("MODIFIED", harness.job(), RECIPES)
        child = harness.kube.get(f"{PYTORCHJOBS}/j-a1")
        assert child is not None
        await harness.reconciler.child_event(PYTORCHJOB_CHILD, "ADDED", child, RECIPES)
        assert len(harness.kube.requests) == requests  # not one request
        # A change of what the child shows does reconcile.
        harness.kube.write(
            f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Running", "status": "True"}]}}
        )
        child = harness.kube.get(f"{PYTORCHJOBS}/j-a1")
        assert child is not None
        await harness.reconciler.child_event(PYTORCHJOB_CHILD, "MODIFIED", child, RECIPES)
        assert harness.status()["phase"] == "Running"

    asyncio.run(scenario())


def attempt_pod(name: str, **status: Any) -> dict[str, Any]:
    """A pod of attempt 1 as the training-operator creates it (the pod template's labels)."""
    labels = {
        "app.kubernetes.io/managed-by": "finetune-operator",
        "finetune.dev/job": "j",
        "training.kubeflow.org/job-name": "j-a1",
    }
    return {
        "metadata": {"name": name, "namespace": NAMESPACE, "uid": f"uid-{name}", "labels": labels},
        "status": status,
    }


UNSCHEDULABLE_POD = attempt_pod(
    "j-a1-master-0",
    phase="Pending",
    conditions=[
        {
            "type": "PodScheduled",
            "status": "False",
            "reason": "Unschedulable",
            "message": "0/3 nodes are available: 3 Insufficient cpu.",
        }
    ],
)


def test_a_pod_event_left_to_the_due_look_is_seen_though_a_reconcile_ran_meanwhile(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pod's event arrives while another reconcile runs, after that one observed the attempt:
    it is left to the look due after the submission, and that reconcile, which needs no further
    look itself, must not cancel it (CI: a job Submitted for 60 s with an unschedulable pod and
    no AttemptBlocked)."""

    async def scenario() -> None:
        harness.create_job()
        await harness.reconciler.job_event("ADDED", harness.job(), RECIPES)
        loop = asyncio.get_running_loop()
        observe_then_the_pod_event = harness.reconciler.reconcile_now

        def reconcile_now(*args: Any) -> Any:
            outcome = observe_then_the_pod_event(*args)
            pod_event = harness.reconciler.child_event(POD_CHILD, "ADDED", UNSCHEDULABLE_POD, RECIPES)
            asyncio.run_coroutine_threadsafe(pod_event, loop).result(timeout=10)
            return outcome

        monkeypatch.setattr(harness.reconciler, "reconcile_now", reconcile_now)
        await harness.reconciler.reconcile(KEY, None, RECIPES)
        monkeypatch.undo()
        assert harness.reconciler.next_look_in(KEY) is not None
        await harness.reconciler.reconcile(KEY, None, RECIPES)  # that look
        blocked = next(c for c in harness.status()["conditions"] if c["type"] == "AttemptBlocked")
        assert (blocked["status"], blocked["reason"]) == ("True", "Unschedulable")

    asyncio.run(scenario())


def test_a_pod_that_cannot_run_blocks_the_attempt_in_a_condition_and_one_event(harness: Harness) -> None:
    """Issue 23, friction point 2: a job showed Submitted for minutes while its pod was
    FailedScheduling. Pod events that say nothing new wake nobody, and a look reads no pod."""

    async def scenario() -> None:
        harness.create_job()
        await harness.reconciler.job_event("ADDED", harness.job(), RECIPES)
        requests = len(harness.kube.requests)
        # A pod on its way (created, scheduled, container creating) wakes nobody.
        starting = attempt_pod("j-a1-master-0", phase="Pending")
        await harness.reconciler.child_event(POD_CHILD, "ADDED", starting, RECIPES)
        await harness.reconciler.child_event(POD_CHILD, "DELETED", starting, RECIPES)
        assert len(harness.kube.requests) == requests

        del harness.events[:]
        # Just after the submission, the look due in 15 s will see it: nothing is read now.
        await harness.reconciler.child_event(POD_CHILD, "ADDED", UNSCHEDULABLE_POD, RECIPES)
        assert len(harness.kube.requests) == requests and harness.events == []
        await harness.reconciler.reconcile(KEY, None, RECIPES)  # that look
        status = harness.status()
        blocked = next(c for c in status["conditions"] if c["type"] == "AttemptBlocked")
        assert (status["phase"], status["reason"], blocked["status"], blocked["reason"]) == (
            "Submitted",
            "Unschedulable",
            "True",
            "Unschedulable",
        )
        assert blocked["message"] == "pod j-a1-master-0: 0/3 nodes are available: 3 Insufficient cpu."
        assert [(e.type, e.reason, e.message) for _, e in harness.events] == [
            ("Warning", "Unschedulable", blocked["message"])
        ]
        # The look itself read the job, the PyTorchJob and the claim, and no pod.
        assert not [r for r in harness.kube.requests[requests:] if "/pods" in r[1]]
        # No look every 15 s while a pod blocks it (as for a claim): the pod's events will say.
        assert harness.reconciler.next_look_in(KEY) is None

        # The same blocker seen again, or looked at again: no second Event.
        changed = {
            **UNSCHEDULABLE_POD,
            "status": {
                **UNSCHEDULABLE_POD["status"],
                "conditions": [
                    {
                        **UNSCHEDULABLE_POD["status"]["conditions"][0],
                        "message": "0/4 nodes are available: 4 Insufficient cpu.",
                    }
                ],
            },
        }
        await harness.reconciler.child_event(POD_CHILD, "MODIFIED", changed, RECIPES)
        assert harness.reconcile().events == []
        blocked = next(c for c in harness.status()["conditions"] if c["type"] == "AttemptBlocked")
        assert blocked["message"] == "pod j-a1-master-0: 0/4 nodes are available: 4 Insufficient cpu."
        assert len(harness.events) == 1

        # Scheduled and running: the condition clears.
        running = attempt_pod(
            "j-a1-master-0", phase="Running", conditions=[{"type": "PodScheduled", "status": "True"}]
        )
        await harness.reconciler.child_event(POD_CHILD, "MODIFIED", running, RECIPES)
        blocked = next(c for c in harness.status()["conditions"] if c["type"] == "AttemptBlocked")
        assert (blocked["status"], blocked["reason"]) == ("False", "NotBlocked")
        assert harness.status()["reason"] == "Submitted"

    asyncio.run(scenario())


def test_a_running_attempt_with_a_worker_that_cannot_pull_its_image_says_so(harness: Harness) -> None:
    harness.create_job()
    harness.reconcile()
    harness.kube.write(
        f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Running", "status": "True"}]}}
    )
    worker = attempt_pod(
        "j-a1-worker-0",
        phase="Pending",
        containerStatuses=[
            {"name": "pytorch", "image": "trainer:9", "state": {"waiting": {"reason": "ImagePullBackOff"}}}
        ],
    )
    harness.reconciler.backends.get(BackendName.HYPERPOD).child_seen("Pod", "ADDED", worker)
    harness.reconcile()
    status = harness.status()
    conditions = {c["type"]: c for c in status["conditions"]}
    assert (status["phase"], status["reason"]) == ("Running", "ImagePullBackOff")
    assert conditions["Running"]["reason"] == "Running"
    assert conditions["AttemptBlocked"]["message"] == (
        "pod j-a1-worker-0, container pytorch (image trainer:9): ImagePullBackOff"
    )
    harness.reconciler.backends.get(BackendName.HYPERPOD).child_seen("Pod", "DELETED", worker)
    harness.reconcile()
    assert (
        next(c for c in harness.status()["conditions"] if c["type"] == "AttemptBlocked")["status"] == "False"
    )


def test_api_errors_are_retried_with_backoff(harness: Harness) -> None:
    async def scenario() -> None:
        harness.create_job()
        harness.kube.failures[("GET", JOB)] = 500
        await harness.reconciler.reconcile(KEY, None, RECIPES)
        first = harness.reconciler.next_look_in(KEY)
        harness.kube.failures[("GET", JOB)] = 503
        await harness.reconciler.reconcile(KEY, None, RECIPES)
        second = harness.reconciler.next_look_in(KEY)
        assert first is not None and second is not None
        assert RETRY_DELAYS[0] - 0.5 < first <= RETRY_DELAYS[0]
        assert RETRY_DELAYS[1] - 0.5 < second <= RETRY_DELAYS[1]
        await harness.reconciler.reconcile(KEY, None, RECIPES)  # the API answers again
        after_submission = harness.reconciler.next_look_in(KEY)  # the new attempt's first look
        assert (
            after_submission is not None
            and ATTEMPT_CHECK_SECONDS - 0.5 < after_submission <= ATTEMPT_CHECK_SECONDS
        )
        assert harness.status()["phase"] == "Submitted"
        harness.reconciler.forget(KEY)

    asyncio.run(scenario())


@pytest.mark.parametrize("refusal", [400, 403, 422])
def test_a_child_the_api_server_refuses_fails_the_job(harness: Harness, refusal: int) -> None:
    harness.create_job()
    harness.kube.failures[("POST", PYTORCHJOBS)] = refusal
    harness.reconcile()
    status = harness.status()
    assert status["phase"] == "Failed"
    (failed,) = [c for c in status["conditions"] if c["type"] == "Failed"]
    assert failed["reason"] == "InvalidSpec"
    assert f"the API server refused the attempt's objects ({refusal} " in failed["message"]
    assert f"injected {refusal}" in failed["message"]
    assert harness.kube.under(PYTORCHJOBS) == []


@pytest.mark.parametrize("transient", [409, 429, 500, 503])
def test_only_conflicts_throttling_and_server_errors_are_retried(transient: int) -> None:
    assert not refused_for_good(ApiException(status=transient))
    assert refused_for_good(ApiException(status=422))


def test_a_job_that_arrives_before_its_recipe_starts_when_the_recipe_does(harness: Harness) -> None:
    async def scenario() -> None:
        harness.create_job()  # llama-3.2-1b lora: only the built-in recipes know it
        without = [r for r in RECIPES if r.spec.model != "llama-3.2-1b"]
        await harness.reconciler.job_event("ADDED", harness.job(), without)
        assert harness.status()["phase"] == "Failed"
        assert harness.status()["conditions"][-1]["reason"] == "RecipeNotFound"
        writes = harness.kube.count("PATCH")
        await harness.reconciler.recipes_changed("elsewhere", without)  # another namespace's recipe
        await harness.reconciler.recipes_changed(None, without)  # a recipe, but not a matching one
        assert harness.kube.count("PATCH") == writes  # judged again, nothing new to write
        await harness.reconciler.recipes_changed(NAMESPACE, RECIPES)
        assert harness.status()["phase"] == "Submitted"
        assert [e.reason for _, e in harness.events] == ["RecipeNotFound", "Submitted"]
        assert [p["metadata"]["name"] for p in harness.kube.under(PYTORCHJOBS)] == ["j-a1"]

    asyncio.run(scenario())


def test_a_job_whose_recipe_is_invalid_says_why_and_starts_once_it_is_fixed(harness: Harness) -> None:
    """The recipe exists: the condition carries its validation error (it said "RecipeNotFound: no
    FineTuneRecipe named ..." before, the real reason only in the operator's log)."""
    recipe = {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneRecipe",
        "metadata": {"name": "team-lora", "namespace": NAMESPACE, "resourceVersion": "7"},
        "spec": {
            "model": "llama-3.2-1b",
            "method": "lora",
            "acceleratorFamily": "cuda",
            "resources": {"instanceType": "ml.trn1.32xlarge"},
        },
    }
    kind = RecipeKind.FINE_TUNE_RECIPE

    async def scenario() -> None:
        harness.create_job(recipe={"name": "team-lora"})
        recipes = harness.reconciler.recipes.of([(kind, recipe)]) + RECIPES
        await harness.reconciler.job_event("ADDED", harness.job(), recipes)
        failed = harness.status()["conditions"][-1]
        assert (harness.status()["phase"], failed["reason"]) == ("Failed", "RecipeInvalid")
        assert failed["message"].startswith(
            f"FineTuneRecipe {NAMESPACE}/team-lora exists but is invalid: spec: Value error, "
            "acceleratorFamily is cuda, but resources.instanceType ml.trn1.32xlarge is a neuron instance type"
        )
        assert harness.kube.under(PYTORCHJOBS) == []
        fixed = {**recipe, "metadata": {**recipe["metadata"], "resourceVersion": "8"}}
        fixed["spec"] = {**recipe["spec"], "acceleratorFamily": "neuron"}
        await harness.reconciler.recipes_changed(
            NAMESPACE, harness.reconciler.recipes.of([(kind, fixed)]) + RECIPES
        )
        assert harness.status()["phase"] == "Submitted"
        assert harness.status()["recipe"]["name"] == "team-lora"
        assert [e.reason for _, e in harness.events] == ["RecipeInvalid", "Submitted"]

    asyncio.run(scenario())


def test_a_runtime_limit_lowered_on_a_running_attempt_is_enforced(harness: Harness) -> None:
    """The PyTorchJob keeps the activeDeadlineSeconds it was created with: the operator looks
    again at the job's new deadline and stops the attempt itself."""
    now = [NOW]
    harness.reconciler = Reconciler(
        OperatorConfig(max_workers=2),
        harness.kube.api_client(),
        clock=lambda: now[0],
        post_event=lambda t, e: None,
    )
    harness.create_job(maxRuntimeSeconds=86400)
    assert harness.reconcile().next_look_in == ATTEMPT_CHECK_SECONDS  # submitted: looked at once soon
    child = f"{PYTORCHJOBS}/j-a1"
    assert harness.kube.get(child)["spec"]["runPolicy"]["activeDeadlineSeconds"] == 86400
    harness.kube.write(child, {"status": {"conditions": [{"type": "Running", "status": "True"}]}})
    harness.kube.write(JOB, {"spec": {"maxRuntimeSeconds": 600}})
    now[0] = NOW + timedelta(seconds=100)
    outcome = harness.reconcile()
    assert harness.status()["phase"] == "Running"
    assert outcome.next_look_in == 500 + RUNTIME_GRACE_SECONDS  # the reconciler's timer wakes it then
    now[0] = NOW + timedelta(seconds=600 + RUNTIME_GRACE_SECONDS)
    outcome = harness.reconcile()
    assert harness.status()["phase"] == "Failed"
    assert harness.status()["conditions"][-1]["reason"] == "MaxRuntimeExceeded"
    assert harness.kube.get(child) is None  # the attempt's pods go with it (its checkpoints stay)
    assert [e.reason for e in outcome.events] == ["MaxRuntimeExceeded"]
    assert outcome.next_look_in is None


def test_a_missing_storage_claim_is_named_in_a_condition_and_the_job_starts_once_it_exists(
    harness: Harness,
) -> None:
    """It left the job Submitted for good, with no word of the claim. The attempt is created and
    waits, as its pods would: a claim created later lets it start."""
    harness.create_job(storage={"claimName": "late-claim"})
    harness.reconcile()
    assert [p["metadata"]["name"] for p in harness.kube.under(PYTORCHJOBS)] == ["j-a1"]
    outcome = harness.reconcile()
    status = harness.status()
    blocked = next(c for c in status["conditions"] if c["type"] == "AttemptBlocked")
    assert (status["phase"], blocked["status"], blocked["reason"]) == ("Submitted", "True", "ClaimNotFound")
    assert blocked["message"].startswith(
        f"PersistentVolumeClaim late-claim in namespace {NAMESPACE} does not exist (spec.storage.claimName)"
    )
    assert [(e.type, e.reason) for e in outcome.events] == [("Warning", "ClaimNotFound")]
    assert outcome.next_look_in == ATTEMPT_CHECK_SECONDS  # creating a claim sends the operator no event
    assert harness.reconcile().events == []  # said once

    harness.kube.add(CLAIMS, {**bound_claim("late-claim"), "status": {"phase": "Pending"}})
    pod = {
        "metadata": {"name": "j-a1-master-0", "labels": {"training.kubeflow.org/job-name": "j-a1"}},
        "status": {
            "phase": "Pending",
            "conditions": [
                {
                    "type": "PodScheduled",
                    "status": "False",
                    "reason": "Unschedulable",
                    "message": "0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.",
                }
            ],
        },
    }
    harness.kube.add(f"/api/v1/namespaces/{NAMESPACE}/pods", pod)
    outcome = harness.reconcile()
    blocked = next(c for c in harness.status()["conditions"] if c["type"] == "AttemptBlocked")
    assert (blocked["status"], blocked["reason"]) == ("True", "ClaimNotBound")
    assert "pod has unbound immediate PersistentVolumeClaims" in blocked["message"]
    assert [e.reason for e in outcome.events] == ["ClaimNotBound"]

    harness.kube.write(f"{CLAIMS}/late-claim", {"status": {"phase": "Bound"}})
    outcome = harness.reconcile()
    blocked = next(c for c in harness.status()["conditions"] if c["type"] == "AttemptBlocked")
    assert (blocked["status"], blocked["reason"]) == ("False", "NotBlocked")
    assert outcome.next_look_in is None
    harness.kube.write(
        f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Running", "status": "True"}]}}
    )
    harness.reconcile()
    assert harness.status()["phase"] == "Running"


def test_deleting_a_hyperpod_job_stops_its_attempt_at_once(harness: Harness) -> None:
    harness.create_job()
    harness.reconcile()
    assert harness.reconciler.stop_backend(harness.job()) is None
    assert harness.kube.under(PYTORCHJOBS) == []


def test_a_deleted_trainer_identity_is_restored(harness: Harness) -> None:
    async def scenario() -> None:
        harness.create_job()
        harness.reconcile()
        binding = f"{ROLEBINDINGS}/finetune-trainer"
        del harness.kube.objects[binding]
        await harness.reconciler.shared_deleted(BackendName.HYPERPOD, NAMESPACE)
        assert harness.kube.get(binding) is not None

    asyncio.run(scenario())


def test_only_backends_whose_work_outlives_kubernetes_keep_the_finalizer() -> None:
    assert needs_finalizer({}) is False  # the default backend, hyperpod
    assert needs_finalizer({"backend": "hyperpod"}) is False
    assert needs_finalizer({"backend": "sagemaker"}) is True
    assert needs_finalizer({"backend": "unknown"}) is False  # refused at admission; nothing to stop


def team_recipe(resource_version: str, nodes: int, seq_length: int) -> Recipe:
    return Recipe.model_validate(
        {
            "kind": "FineTuneRecipe",
            "metadata": {"name": "team-lora", "namespace": NAMESPACE, "resourceVersion": resource_version},
            "spec": {
                "model": "llama-3.2-1b",
                "method": "lora",
                "resources": {"instanceType": "ml.trn1.32xlarge", "nodes": nodes},
                "config": {"training": {"seqLength": seq_length}},
            },
        }
    )


def attempt_shape(pytorchjob: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """An attempt's replicas and trainer config, without what differs between attempts by design."""
    specs = pytorchjob["spec"]["pytorchReplicaSpecs"]
    replicas = sum(spec["replicas"] for spec in specs.values())
    annotations = specs["Master"]["template"]["metadata"]["annotations"]
    config = yaml.safe_load(annotations[CONFIG_ANNOTATION])
    del config["job"]["attempt"]
    return replicas, config


def test_a_recipe_edited_after_submission_changes_no_later_attempt_of_the_job(harness: Harness) -> None:
    """Issue 20, item 3: the edit once gave attempt 2 nodes 2 and seqLength 8192 while it resumed
    from checkpoints written with 1 node and 2048. The job froze its recipe at attempt 1; the
    edit reaches new jobs only, and the job says that its recipe changed."""
    before, edited = team_recipe("10", 1, 2048), team_recipe("11", 2, 8192)
    harness.create_job(recipe={"name": "team-lora", "kind": "FineTuneRecipe"})
    harness.reconciler.reconcile_now(KEY, None, [*RECIPES, before])
    first = harness.kube.get(f"{PYTORCHJOBS}/j-a1")
    assert first is not None
    frozen = harness.status()["recipe"]
    assert frozen["spec"]["resources"] == {"instanceType": "ml.trn1.32xlarge", "nodes": 1}

    harness.kube.write(
        f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Failed", "status": "True"}]}}
    )
    outcome = harness.reconciler.reconcile_now(KEY, None, [*RECIPES, edited])
    second = harness.kube.get(f"{PYTORCHJOBS}/j-a2")
    assert second is not None
    assert attempt_shape(second) == attempt_shape(first)
    assert attempt_shape(second)[1]["training"]["seqLength"] == 2048
    status = harness.status()
    assert status["phase"] == "Resuming" and status["recipe"] == frozen
    (changed,) = [c for c in status["conditions"] if c["type"] == "RecipeChanged"]
    assert changed["status"] == "True" and changed["reason"] == "RecipeChangedSinceSubmission"
    assert changed["message"].startswith(
        "FineTuneRecipe team-lora changed since the job froze it: config.training.seqLength 2048 -> 8192, "
        "resources.nodes 1 -> 2; attempt 2 uses the recipe as the job's first attempt froze it"
    ), changed["message"]
    assert [e.reason for e in outcome.events][-1] == "RecipeChangedSinceSubmission"

    # A new job gets the edited recipe.
    harness.kube.add(JOBS, {"kind": "FineTuneJob", "metadata": {"name": "k"}, "spec": harness.job()["spec"]})
    harness.reconciler.reconcile_now((NAMESPACE, "k"), None, [*RECIPES, edited])
    newer = harness.kube.get(f"{PYTORCHJOBS}/k-a1")
    assert newer is not None
    assert attempt_shape(newer)[0] == 2 and attempt_shape(newer)[1]["training"]["seqLength"] == 8192


def test_a_resumed_attempt_needs_no_recipe_once_frozen(harness: Harness) -> None:
    harness.create_job(recipe={"name": "team-lora", "kind": "FineTuneRecipe"})
    harness.reconciler.reconcile_now(KEY, None, [*RECIPES, team_recipe("10", 1, 2048)])
    harness.kube.write(
        f"{PYTORCHJOBS}/j-a1", {"status": {"conditions": [{"type": "Failed", "status": "True"}]}}
    )
    harness.reconciler.reconcile_now(KEY, None, RECIPES)  # the recipe was deleted meanwhile
    assert harness.kube.get(f"{PYTORCHJOBS}/j-a2") is not None
    (changed,) = [c for c in harness.status()["conditions"] if c["type"] == "RecipeChanged"]
    assert changed["message"].startswith(
        "FineTuneRecipe team-lora no longer exists; attempt 2 uses the recipe"
    )
