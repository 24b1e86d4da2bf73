"""Pure reading of the Kueue Workload behind a queued PyTorchJob (HyperPod task governance).

Kueue keeps one Workload per job it manages (``kueue.x-k8s.io/v1beta2``, labelled with the job's
UID). The PyTorchJob itself only shows ``runPolicy.suspend``: why it waits (no quota yet, or
preempted by a higher-priority job) and how often it was preempted are on the Workload.
"""

from __future__ import annotations

from typing import Any

from finetune_operator.attempt import QueueView

WORKLOAD_GROUP = "kueue.x-k8s.io"
WORKLOAD_VERSION = "v1beta2"
WORKLOAD_PLURAL = "workloads"
JOB_UID_LABEL = "kueue.x-k8s.io/job-uid"
"""The label Kueue puts on a job's Workload: the job's UID."""
EVICTED_BY_PREEMPTION = "Preempted"
"""The reason of an Evicted condition (and of a schedulingStats eviction) caused by preemption."""


def _conditions(workload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c.get("type", ""): c for c in (workload.get("status") or {}).get("conditions") or []}


def _is_true(condition: dict[str, Any] | None) -> bool:
    return condition is not None and condition.get("status") == "True"


def current_workload(workloads: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The Workload of the job's current admission cycle: Kueue keeps one per job, but a
    Workload being deleted may linger beside its replacement; the newest live one wins."""
    live = [w for w in workloads if not (w.get("metadata") or {}).get("deletionTimestamp")]
    candidates = live or workloads
    if not candidates:
        return None
    return max(candidates, key=lambda w: (w.get("metadata") or {}).get("creationTimestamp") or "")


def queue_view(queue_name: str, workload: dict[str, Any] | None) -> QueueView:
    """Where the attempt stands in ``queue_name``, from its Workload (None: Kueue has not
    made it yet, which happens in the moment after the job's creation)."""
    if workload is None:
        return QueueView(
            queue_name=queue_name,
            admitted=False,
            reason="Pending",
            message=f"waiting for Kueue to take the job into LocalQueue {queue_name}",
        )
    conditions = _conditions(workload)
    evicted = conditions.get("Evicted")
    admitted = conditions.get("Admitted")
    reserved = conditions.get("QuotaReserved")
    preempted = conditions.get("Preempted")
    evictions = ((workload.get("status") or {}).get("schedulingStats") or {}).get("evictions") or []
    preemptions = sum(int(e.get("count") or 0) for e in evictions if e.get("reason") == EVICTED_BY_PREEMPTION)
    is_admitted = False
    if evicted is not None and _is_true(evicted):
        reason, message = evicted.get("reason") or "Evicted", evicted.get("message") or ""
    elif admitted is not None and _is_true(admitted):
        reason, message, is_admitted = "Admitted", admitted.get("message") or "", True
    elif reserved is not None and reserved.get("status") == "False":
        reason, message = reserved.get("reason") or "Pending", reserved.get("message") or ""
    else:
        reason, message = "Pending", f"waiting for admission by LocalQueue {queue_name}"
    return QueueView(
        queue_name=queue_name,
        admitted=is_admitted,
        reason=reason,
        message=message,
        preemptions=preemptions,
        # Kueue resets the Preempted condition (reason QuotaReserved) once it admits the Workload again.
        preemption_reason=preempted.get("reason") or ""
        if preempted is not None and _is_true(preempted)
        else "",
        preemption_message=preempted.get("message") or ""
        if preempted is not None and _is_true(preempted)
        else "",
    )
