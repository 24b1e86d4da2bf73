"""Reading a PyTorchJob and its pods: which replica failed with which exit code, and what keeps
pods from running."""

from __future__ import annotations

from typing import Any

import pytest

from finetune_operator.attempt import AttemptState
from finetune_operator.backends.hyperpod.observe import (
    claim_blocking,
    observe_pytorchjob,
    pod_blocker,
    pod_fingerprint,
    pods_blocking,
)

FAILED = {
    "status": {
        "conditions": [
            {"type": "Running", "status": "False"},
            {
                "type": "Failed",
                "status": "True",
                "reason": "PyTorchJobFailed",
                "message": "PyTorchJob j-a1 is failed because 1 Worker replica(s) failed.",
            },
        ]
    }
}


def pod(name: str, replica: str, index: str, exit_code: int | None) -> dict[str, Any]:
    state = {"terminated": {"exitCode": exit_code}} if exit_code is not None else {"running": {}}
    return {
        "metadata": {
            "name": name,
            "labels": {
                "training.kubeflow.org/replica-type": replica,
                "training.kubeflow.org/replica-index": index,
            },
        },
        "status": {"containerStatuses": [{"name": "pytorch", "state": state}]},
    }


def test_failure_names_the_replica_and_its_exit_code() -> None:
    pods = [pod("j-a1-master-0", "master", "0", None), pod("j-a1-worker-0", "worker", "0", 137)]
    observed = observe_pytorchjob(FAILED, pods, "/fsx/out")
    assert (observed.state, observed.exit_code) == (AttemptState.FAILED, 137)
    assert observed.message == (
        "worker 0 (pod j-a1-worker-0) exited with code 137; "
        "PyTorchJob j-a1 is failed because 1 Worker replica(s) failed."
    )


def test_the_diverged_exit_code_wins_over_a_peer_that_ended_with_1() -> None:
    pods = [pod("j-a1-master-0", "master", "0", 1), pod("j-a1-worker-0", "worker", "0", 3)]
    observed = observe_pytorchjob(FAILED, pods, "/fsx/out")
    assert observed.exit_code == 3
    assert observed.message.startswith("worker 0 (pod j-a1-worker-0) exited with code 3; ")


def test_invalid_config_exit_code_wins_over_others() -> None:
    pods = [pod("j-a1-worker-0", "worker", "0", 1), pod("j-a1-master-0", "master", "0", 2)]
    observed = observe_pytorchjob(FAILED, pods, "/fsx/out")
    assert observed.exit_code == 2
    assert observed.message.startswith("master 0 (pod j-a1-master-0) exited with code 2; ")


def test_without_readable_pods_the_training_operator_message_stays() -> None:
    observed = observe_pytorchjob(FAILED, [], "/fsx/out")
    assert observed.message == "PyTorchJob j-a1 is failed because 1 Worker replica(s) failed."
    assert observed.exit_code is None


def test_the_trainers_termination_message_says_what_was_wrong() -> None:
    rejected = pod("j-a1-master-0", "master", "0", 2)
    said = "invalid training data: 1 of 20 records are bad (5.00%), over data.errorBudget (0.00%):\n"
    said += "  /fsx/data/team-a/train.jsonl:7: no assistant message: nothing to learn from\n"
    rejected["status"]["containerStatuses"][0]["state"]["terminated"]["message"] = said
    observed = observe_pytorchjob(FAILED, [pod("j-a1-worker-0", "worker", "0", 1), rejected], "/fsx/out")
    assert observed.exit_code == 2
    assert observed.message.startswith(
        "master 0 (pod j-a1-master-0) exited with code 2: invalid training data: 1 of 20 records are bad"
    )
    assert "/fsx/data/team-a/train.jsonl:7: no assistant message" in observed.message


def unschedulable(message: str) -> dict[str, Any]:
    condition = {"type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": message}
    return {"metadata": {"name": "j-a1-master-0"}, "status": {"phase": "Pending", "conditions": [condition]}}


def test_a_missing_or_lost_claim_blocks_the_pending_attempt_naming_it() -> None:
    reason, message = claim_blocking("late-claim", "team-a", None, []) or ("", "")
    assert reason == "ClaimNotFound"
    assert message.startswith("PersistentVolumeClaim late-claim in namespace team-a does not exist")
    lost = claim_blocking("fsx-claim", "team-a", {"status": {"phase": "Lost"}}, [])
    assert lost is not None and lost[0] == "ClaimLost" and "fsx-claim" in lost[1]
    assert claim_blocking("fsx-claim", "team-a", {"status": {"phase": "Bound"}}, [unschedulable("x")]) is None


def test_an_unbound_claim_blocks_only_when_the_scheduler_says_so() -> None:
    """A WaitForFirstConsumer claim is Pending until its first pod is scheduled: not a problem."""
    pending = {"status": {"phase": "Pending"}}
    assert claim_blocking("fsx-claim", "team-a", pending, []) is None
    assert claim_blocking("fsx-claim", "team-a", pending, [{"status": {"phase": "Pending"}}]) is None
    said = "0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims."
    blocking = claim_blocking("fsx-claim", "team-a", pending, [unschedulable(said)])
    assert blocking is not None and blocking[0] == "ClaimNotBound"
    assert blocking[1] == (
        "PersistentVolumeClaim fsx-claim in namespace team-a is not bound to a PersistentVolume "
        f"(phase Pending); the attempt's pods wait for it (scheduler: {said})"
    )
    # A claim still being bound is not why a pod too big for every node waits (seen on the bed:
    # a new namespace's claim, and "Insufficient cpu" called ClaimNotBound).
    too_big = (
        "0/11 nodes are available: 2 Insufficient cpu, 9 node(s) didn't match Pod's node affinity/selector."
    )
    assert claim_blocking("fsx-claim", "team-a", pending, [unschedulable(too_big)]) is None


# --- What keeps a pod from running (issue 23, friction point 2) -----------------------------------


def waiting_pod(reason: str, message: str | None = None, *, init: bool = False) -> dict[str, Any]:
    waiting = {"reason": reason, **({"message": message} if message else {})}
    container = {"name": "fetch" if init else "pytorch", "image": "trainer:1", "state": {"waiting": waiting}}
    return {
        "metadata": {"name": "j-a1-master-0"},
        "status": {
            "phase": "Pending",
            "conditions": [{"type": "PodScheduled", "status": "True"}],
            ("initContainerStatuses" if init else "containerStatuses"): [container],
        },
    }


UNSCHEDULABLE = {
    "metadata": {"name": "j-a1-master-0"},
    "status": {
        "phase": "Pending",
        "conditions": [
            {
                "type": "PodScheduled",
                "status": "False",
                "reason": "Unschedulable",
                "message": "0/3 nodes are available: 3 Insufficient cpu.",
            }
        ],
    },
}


@pytest.mark.parametrize(
    ("pod", "expected"),
    [
        (UNSCHEDULABLE, ("Unschedulable", "pod j-a1-master-0: 0/3 nodes are available: 3 Insufficient cpu.")),
        (
            waiting_pod("ErrImagePull", 'failed to pull image "trainer:1": not found'),
            (
                "ImagePullBackOff",
                "pod j-a1-master-0, container pytorch (image trainer:1): ErrImagePull: "
                'failed to pull image "trainer:1": not found',
            ),
        ),
        (
            waiting_pod("ImagePullBackOff", 'Back-off pulling image "trainer:1"'),
            (
                "ImagePullBackOff",
                "pod j-a1-master-0, container pytorch (image trainer:1): ImagePullBackOff: "
                'Back-off pulling image "trainer:1"',
            ),
        ),
        (
            waiting_pod("InvalidImageName", 'couldn\'t parse image name "Trainer:1"'),
            (
                "InvalidImageName",
                "pod j-a1-master-0, container pytorch (image trainer:1): InvalidImageName: "
                'couldn\'t parse image name "Trainer:1"',
            ),
        ),
        (
            waiting_pod("CrashLoopBackOff", "back-off 40s restarting failed container"),
            (
                "CrashLoopBackOff",
                "pod j-a1-master-0, container pytorch (image trainer:1): CrashLoopBackOff: back-off 40s "
                "restarting failed container",
            ),
        ),
        (
            waiting_pod("CreateContainerConfigError", 'secret "hf-token" not found'),
            (
                "CreateContainerConfigError",
                "pod j-a1-master-0, container pytorch (image trainer:1): CreateContainerConfigError: "
                'secret "hf-token" not found',
            ),
        ),
        (
            waiting_pod("ImagePullBackOff", init=True),
            (
                "ImagePullBackOff",
                "pod j-a1-master-0, init container fetch (image trainer:1): ImagePullBackOff",
            ),
        ),
        (
            waiting_pod("CrashLoopBackOff", "back-off 10s", init=True),
            (
                "CrashLoopBackOff",
                "pod j-a1-master-0, init container fetch (image trainer:1): CrashLoopBackOff: back-off 10s",
            ),
        ),
        # On its way, or done: nothing blocks it.
        (waiting_pod("ContainerCreating"), None),
        (waiting_pod("PodInitializing"), None),
        ({"metadata": {"name": "p"}, "status": {"phase": "Pending"}}, None),
        (
            {
                "metadata": {"name": "p"},
                "status": {
                    "phase": "Running",
                    "containerStatuses": [{"name": "pytorch", "state": {"running": {}}}],
                },
            },
            None,
        ),
        (
            {
                **waiting_pod("CrashLoopBackOff"),
                "status": {**waiting_pod("CrashLoopBackOff")["status"], "phase": "Failed"},
            },
            None,
        ),
        ({**UNSCHEDULABLE, "metadata": {"name": "p", "deletionTimestamp": "2026-11-22T10:00:00Z"}}, None),
    ],
    ids=[
        "unschedulable",
        "err-image-pull",
        "image-pull-backoff",
        "invalid-image-name",
        "crash-loop",
        "create-container-config-error",
        "init-image-pull",
        "init-crash-loop",
        "container-creating",
        "pod-initializing",
        "pending-without-statuses",
        "running",
        "failed-pod",
        "deleted-pod",
    ],
)
def test_what_keeps_a_pod_from_running(pod: dict[str, Any], expected: tuple[str, str] | None) -> None:
    assert pod_blocker(pod) == expected
    assert pod_fingerprint(pod) == (expected[0] if expected else "")


def test_the_job_shows_the_first_blocked_pod_and_counts_the_others() -> None:
    master = ("Unschedulable", "pod j-a1-master-0: 0/3 nodes are available")
    worker = ("ImagePullBackOff", "pod j-a1-worker-0, container pytorch: ImagePullBackOff")
    assert pods_blocking({}) is None
    assert pods_blocking({"j-a1-master-0": master}) == master
    assert pods_blocking({"j-a1-worker-1": worker, "j-a1-worker-0": worker, "j-a1-master-0": master}) == (
        "Unschedulable",
        "pod j-a1-master-0: 0/3 nodes are available (and 2 more pods blocked)",
    )
