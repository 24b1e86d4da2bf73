"""Pure reading of a PyTorchJob (and its pods) into an attempt Observation."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from finetune_contract.constants import EXIT_DIVERGED, EXIT_INVALID_CONFIG
from finetune_operator.attempt import AttemptState, Observation
from finetune_operator.usage import ObservedUsage, parse_time

REPLICA_TYPE_LABEL = "training.kubeflow.org/replica-type"
REPLICA_INDEX_LABEL = "training.kubeflow.org/replica-index"


def observe_pytorchjob(
    pytorchjob: dict[str, Any], pods: list[dict[str, Any]], output_path: str
) -> Observation:
    """Map training-operator conditions to an attempt state.

    A terminal condition wins over Running (the training-operator leaves older conditions
    in the list with status False, but ordering is not guaranteed after restarts).
    """
    status = pytorchjob.get("status") or {}
    active = {c.get("type"): c for c in status.get("conditions") or [] if c.get("status") == "True"}
    suspended = bool(((pytorchjob.get("spec") or {}).get("runPolicy") or {}).get("suspend"))
    for kind, state in (
        ("Succeeded", AttemptState.SUCCEEDED),
        ("Failed", AttemptState.FAILED),
        ("Suspended", AttemptState.SUSPENDED),
        ("Running", AttemptState.RUNNING),
        ("Restarting", AttemptState.RUNNING),
    ):
        if kind in active:
            condition = active[kind]
            message = condition.get("message") or ""
            if state == AttemptState.FAILED:
                # The training-operator only says "reached the specified backoff limit".
                culprit = failed_replica(pods)
                message = f"{culprit}; {message}" if culprit and message else culprit or message
            return Observation(
                state=state,
                reason=condition.get("reason") or kind,
                message=message,
                exit_code=failure_exit_code(pods) if state == AttemptState.FAILED else None,
                output_path=output_path if state == AttemptState.SUCCEEDED else None,
                suspended=suspended,
            )
    return Observation(state=AttemptState.PENDING, reason="Created", message="", suspended=suspended)


VOLUME_WORDS = re.compile(r"volume|pvc", re.IGNORECASE)
"""What the scheduler's words about a pod's volumes contain (its VolumeBinding plugin: "pod has
unbound immediate PersistentVolumeClaims", "didn't find available persistent volumes to bind",
"volume node affinity conflict", "pvc(s) bound to non-existent pv(s)")."""


def claim_blocking(
    claim: str, namespace: str, pvc: dict[str, Any] | None, pods: list[dict[str, Any]]
) -> tuple[str, str] | None:
    """(reason, message) when the storage claim keeps a pending attempt's pods from starting.

    A claim that does not exist, or has lost its volume, blocks them for certain. An unbound
    (Pending) claim blocks them only when the scheduler says a pod cannot be placed for its
    volumes: with ``WaitForFirstConsumer`` a claim is Pending until its first pod is scheduled,
    and a claim still being bound (a new namespace's) is not why a pod that asks for more CPU
    than a node has waits (that pod's own blocker says so, ``pod_blocker``). The pods start by
    themselves once the claim is there and bound (the scheduler retries them).
    """
    where = f"PersistentVolumeClaim {claim} in namespace {namespace}"
    if pvc is None:
        return (
            "ClaimNotFound",
            f"{where} does not exist (spec.storage.claimName); the attempt's pods wait for it: create the "
            "claim (docs/hyperpod-clusters.md) or name the namespace's claim in a new FineTuneJob",
        )
    phase = (pvc.get("status") or {}).get("phase")
    if phase == "Lost":
        return (
            "ClaimLost",
            f"{where} lost its PersistentVolume; the attempt's pods cannot start until it is restored",
        )
    if phase == "Bound":
        return None
    unschedulable = [
        condition.get("message") or condition.get("reason") or "unschedulable"
        for pod in pods
        for condition in (pod.get("status") or {}).get("conditions") or []
        if condition.get("type") == "PodScheduled"
        and condition.get("status") == "False"
        and VOLUME_WORDS.search(condition.get("message") or "")
    ]
    if not unschedulable:
        return None
    return (
        "ClaimNotBound",
        f"{where} is not bound to a PersistentVolume (phase {phase or 'Pending'}); the attempt's pods wait "
        f"for it (scheduler: {unschedulable[0]})",
    )


BLOCKING_WAITING_REASONS = {
    "ErrImagePull": "ImagePullBackOff",
    "ImagePullBackOff": "ImagePullBackOff",
    "InvalidImageName": "InvalidImageName",
    "CrashLoopBackOff": "CrashLoopBackOff",
    "CreateContainerConfigError": "CreateContainerConfigError",
    "CreateContainerError": "CreateContainerError",
    "RunContainerError": "RunContainerError",
}
"""A container's waiting reasons that keep a pod from running until something outside it changes
(an image, a Secret or ConfigMap it names, the program itself), to the reason the job shows.
ErrImagePull and ImagePullBackOff are one: the kubelet alternates between them while it retries,
and the job's condition and its one Event must not follow every flip. ContainerCreating and
PodInitializing are a pod on its way and block nothing."""

PodBlocker = tuple[str, str]
"""(reason, message) of what keeps one pod from running; the message names the pod."""


def pod_blocker(pod: dict[str, Any]) -> PodBlocker | None:
    """What keeps ``pod`` from running, if anything: the scheduler cannot place it
    (``Unschedulable``, with the scheduler's words), or one of its init containers or containers
    waits for something that will not come by itself (``BLOCKING_WAITING_REASONS``)."""
    meta = pod.get("metadata") or {}
    status = pod.get("status") or {}
    if meta.get("deletionTimestamp") or status.get("phase") in ("Succeeded", "Failed"):
        return None
    name = f"pod {meta.get('name')}"
    for condition in status.get("conditions") or []:
        if (
            condition.get("type") == "PodScheduled"
            and condition.get("status") == "False"
            and condition.get("reason") == "Unschedulable"
        ):
            return "Unschedulable", f"{name}: {condition.get('message') or 'no node can take it'}"
    for kind, key in (("init container", "initContainerStatuses"), ("container", "containerStatuses")):
        for container in status.get(key) or []:
            waiting = (container.get("state") or {}).get("waiting") or {}
            reason = BLOCKING_WAITING_REASONS.get(waiting.get("reason") or "")
            if reason is None:
                continue
            said = waiting.get("message")
            detail = f"{waiting['reason']}: {said}" if said else waiting["reason"]
            image = f" (image {container['image']})" if container.get("image") else ""
            return reason, f"{name}, {kind} {container.get('name')}{image}: {detail}"
    return None


def pods_blocking(blockers: dict[str, PodBlocker]) -> PodBlocker | None:
    """The blocker the job shows, of its attempt's blocked pods (by pod name): the first pod's
    (the master before the workers), with how many more are blocked."""
    if not blockers:
        return None
    first, *others = sorted(blockers)
    reason, message = blockers[first]
    if others:
        message = f"{message} (and {len(others)} more pod{'s' if len(others) > 1 else ''} blocked)"
    return reason, message


def pod_fingerprint(pod: dict[str, Any]) -> str:
    """What of a pod can change its job's Observation: the reason it is blocked ("" when it is
    not, which is also what a pod not seen yet counts as, so that a pod on its way wakes nobody)."""
    blocker = pod_blocker(pod)
    return blocker[0] if blocker else ""


def failure_exit_code(pods: list[dict[str, Any]]) -> int | None:
    """The trainer exit code that explains a failure: 2 (invalid config) first, then 3 (diverged),
    then any non-zero."""
    failure = _telling_failure(pods)
    return failure[1] if failure else None


def failed_replica(pods: list[dict[str, Any]]) -> str | None:
    """Which replica failed with which exit code, e.g. ``worker 0 (pod x-worker-0) exited with code 1``,
    and the trainer's termination message (what was wrong, e.g. the bad file and line) when it left one."""
    failure = _telling_failure(pods)
    if failure is None:
        return None
    pod, code, said = failure
    meta = pod.get("metadata") or {}
    labels = meta.get("labels") or {}
    replica = " ".join(filter(None, (labels.get(REPLICA_TYPE_LABEL), labels.get(REPLICA_INDEX_LABEL))))
    culprit = f"{replica or 'replica'} (pod {meta.get('name')}) exited with code {code}"
    return f"{culprit}: {said.strip()}" if said and said.strip() else culprit


def _telling_failure(pods: list[dict[str, Any]]) -> tuple[dict[str, Any], int, str | None] | None:
    """The pod, exit code and termination message that explain a failure: code 2 (invalid config)
    first, then 3 (diverged: the other ranks may have ended 1 when it left), then the first."""
    failures: list[tuple[dict[str, Any], int, str | None]] = []
    for pod in pods:
        for container in (pod.get("status") or {}).get("containerStatuses") or []:
            if container.get("name") != "pytorch":
                continue
            for state_key in ("state", "lastState"):
                terminated = (container.get(state_key) or {}).get("terminated") or {}
                code = terminated.get("exitCode")
                if isinstance(code, int) and code != 0:
                    failures.append((pod, code, terminated.get("message")))
    for telling in (EXIT_INVALID_CONFIG, EXIT_DIVERGED):
        for failure in failures:
            if failure[1] == telling:
                return failure
    return failures[0] if failures else None


def observed_usage(pytorchjob: dict[str, Any], pods: list[dict[str, Any]], over: bool) -> ObservedUsage:
    """When the attempt's pods ran: the first pod's start (``status.startTime``, when its node took
    it) and, once the attempt is ``over``, its trainers' last end (the ``pytorch`` containers'
    ``finishedAt``). While a pod of a finished attempt has no finished trainer (the
    training-operator deletes pods still running when an attempt fails), the attempt ends at the
    PyTorchJob's ``completionTime``, when the training-operator saw it end."""
    starts = [_time((pod.get("status") or {}).get("startTime")) for pod in pods]
    started_at = min((start for start in starts if start is not None), default=None)
    if not over:
        return ObservedUsage(started_at=started_at)
    ends = [end for end in map(_trainer_finished_at, pods) if end is not None]
    ended_at = (
        max(ends)
        if pods and len(ends) == len(pods)
        else _time((pytorchjob.get("status") or {}).get("completionTime"))
    )
    return ObservedUsage(started_at=started_at, ended_at=ended_at)


def _trainer_finished_at(pod: dict[str, Any]) -> datetime | None:
    for container in (pod.get("status") or {}).get("containerStatuses") or []:
        if container.get("name") == "pytorch":
            return _time(((container.get("state") or {}).get("terminated") or {}).get("finishedAt"))
    return None


def _time(value: Any) -> datetime | None:
    """A pod or PyTorchJob timestamp as the API (``...Z``) or the Python client (``+00:00``) writes it."""
    return parse_time(value) if isinstance(value, str) and value else None


def observation_fingerprint(pytorchjob: dict[str, Any]) -> str:
    """What of a PyTorchJob can change its Observation, as a string to compare events by.

    The training-operator rewrites a PyTorchJob's status many times per attempt (replica
    counts, timestamps, the Created condition); the operator only needs to look again
    when the object's identity or the observed state, reason or suspension changes.
    """
    observation = observe_pytorchjob(pytorchjob, [], output_path="")
    meta = pytorchjob.get("metadata") or {}
    return "|".join(
        str(part)
        for part in (
            meta.get("uid"),
            meta.get("deletionTimestamp"),
            observation.state.value,
            observation.reason,
            observation.suspended,
        )
    )
