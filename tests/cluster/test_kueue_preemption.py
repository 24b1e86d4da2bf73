"""HyperPod task governance on the bed's real node: Kueue preempts a training job for a
higher-priority one, and the preempted job continues from its checkpoint without spending an attempt.

The team namespace `hyperpod-ns-research` gets what HyperPod task governance creates for a team
(hack/testbed/kueue.py): a ClusterQueue whose quota is the real node's allocatable CPU and memory
(within-queue preemption of lower priorities on), its LocalQueue, and the cluster policy's
WorkloadPriorityClasses. One run serves every assertion:

1. `low` (experimentation-priority, 2 nodes x 1 vCPU: the whole quota) is applied and trains;
2. `high` (training-priority, 1 node) is applied: it does not fit beside `low`, so Kueue preempts
   `low` (evicts its Workload and suspends its PyTorchJob: its trainers checkpoint on SIGTERM);
3. `high` trains to Succeeded; Kueue admits `low` again; it continues from its SIGTERM checkpoint,
   in the same attempt and the same PyTorchJob, to Succeeded.

The uninterrupted reference is the same trainer with the same resolved config on this machine
(tests/cluster/test_real_training.py's `run_on_this_machine`), as for the crash test there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import torch
from hack.chart import GOVERNED_NAMESPACE
from hack.real_job import RealNodeBed, demo_job, in_phase, watch
from hack.testbed.kueue import (
    QUEUE_NAME_LABEL,
    cluster_queue_name,
    local_queue_name,
)
from safetensors.torch import load_file

from tests.cluster.uninterrupted import attempt_config, run_on_this_machine

TEAM = GOVERNED_NAMESPACE.removeprefix("hyperpod-ns-")
LOW, HIGH = "low", "high"
LOW_STEPS, HIGH_STEPS = 200, 4
"""`low` must still train when `high` comes (a step takes about 0.1 s here); `high` only has to
finish. No periodic checkpoint: `low` can continue only from the one it writes on SIGTERM."""
JOB_TIMEOUT_S = 300
JOB_LABEL = "finetune.dev/job"


def governed_job(name: str, priority: str, nodes: int, steps: int) -> dict[str, Any]:
    job = demo_job(GOVERNED_NAMESPACE, name)
    job["spec"]["resources"]["nodes"] = nodes
    job["spec"]["scheduling"] = {"queueName": local_queue_name(TEAM), "priorityClass": priority}
    job["spec"]["recipe"] = {"overrides": {"training.maxSteps": steps, "training.epochs": 10}}
    job["spec"]["checkpointing"] = {"everySteps": 1000}
    return job


@dataclass
class ChildCounter:
    """Samples the namespace's PyTorchJobs of `low` while the run goes on: never more than one."""

    bed: RealNodeBed
    seen: set[str] = field(default_factory=set)
    most_at_once: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            children = self.bed.custom.list_namespaced_custom_object(
                "kubeflow.org", "v1", GOVERNED_NAMESPACE, "pytorchjobs", label_selector=f"{JOB_LABEL}={LOW}"
            )["items"]
            self.seen |= {c["metadata"]["uid"] for c in children}
            self.most_at_once = max(self.most_at_once, len(children))
            time.sleep(0.5)


@dataclass
class PreemptionRun:
    timeline: dict[str, float]
    low: dict[str, Any]
    high: dict[str, Any]
    low_records: list[dict[str, Any]]
    low_config: dict[str, Any]
    low_children: ChildCounter
    low_suspended_after_preemption: bool
    events: list[Any]


@pytest.fixture(scope="module")
def governed_namespace(bed: RealNodeBed) -> Iterator[str]:
    """The team's namespace, data and queues, as HyperPod task governance makes them for a team."""
    bed.prepare_namespace(GOVERNED_NAMESPACE)
    for name in (LOW, HIGH):
        bed.forget_job_directory(GOVERNED_NAMESPACE, name)
    bed.write_model()
    bed.write_chat_data(GOVERNED_NAMESPACE)
    bed.govern(GOVERNED_NAMESPACE)
    yield GOVERNED_NAMESPACE


def pytorchjob_suspended(bed: RealNodeBed, name: str) -> bool:
    child = bed.custom.get_namespaced_custom_object(
        "kubeflow.org", "v1", GOVERNED_NAMESPACE, "pytorchjobs", name
    )
    return bool(((child.get("spec") or {}).get("runPolicy") or {}).get("suspend"))


@pytest.fixture(scope="module")
def preemption(bed: RealNodeBed, governed_namespace: str) -> Iterator[PreemptionRun]:
    timeline: dict[str, float] = {}
    counter = ChildCounter(bed)
    sampler = threading.Thread(target=counter.run, daemon=True)
    sampler.start()
    try:
        start = time.time()
        bed.apply(governed_job(LOW, "experimentation-priority", nodes=2, steps=LOW_STEPS))
        timeline["low applied"] = 0.0
        watch(
            bed,
            governed_namespace,
            LOW,
            lambda s: s if ((s.get("progress") or {}).get("step") or 0) >= 3 else None,
            JOB_TIMEOUT_S,
            "low's step 3",
            show=False,
        )
        timeline["low trains (step 3)"] = time.time() - start
        bed.apply(governed_job(HIGH, "training-priority", nodes=1, steps=HIGH_STEPS))
        timeline["high applied"] = time.time() - start
        watch(
            bed,
            governed_namespace,
            LOW,
            lambda s: s if (s.get("queue") or {}).get("state") == "Preempted" else None,
            JOB_TIMEOUT_S,
            "low preempted",
            show=False,
        )
        timeline["low preempted"] = time.time() - start
        suspended = pytorchjob_suspended(bed, f"{LOW}-a1")
        high = watch(
            bed, governed_namespace, HIGH, in_phase("Succeeded"), JOB_TIMEOUT_S, "high Succeeded", show=False
        )
        timeline["high succeeded"] = time.time() - start
        watch(
            bed,
            governed_namespace,
            LOW,
            lambda s: (
                s
                if (s.get("queue") or {}).get("state") == "Admitted" and s.get("phase") != "Queued"
                else None
            ),
            JOB_TIMEOUT_S,
            "low admitted again",
            show=False,
        )
        timeline["low re-admitted"] = time.time() - start
        resumed_at = max(
            c["step"] for c in bed.progress_records(governed_namespace, LOW) if c["type"] == "checkpoint"
        )
        watch(
            bed,
            governed_namespace,
            LOW,
            lambda s: s if ((s.get("progress") or {}).get("step") or 0) > resumed_at else None,
            JOB_TIMEOUT_S,
            "low's first step after the preemption",
            show=False,
        )
        timeline["low resumed (first step)"] = time.time() - start
        low = watch(
            bed, governed_namespace, LOW, in_phase("Succeeded"), JOB_TIMEOUT_S, "low Succeeded", show=False
        )
        timeline["low succeeded"] = time.time() - start
    finally:
        counter.stop.set()
        sampler.join()
    print("timeline (s since low was applied):", {k: round(v, 1) for k, v in timeline.items()})
    events = bed.core.list_namespaced_event(
        governed_namespace, field_selector=f"involvedObject.kind=FineTuneJob,involvedObject.name={LOW}"
    ).items
    yield PreemptionRun(
        timeline=timeline,
        low=low,
        high=high,
        low_records=bed.progress_records(governed_namespace, LOW),
        low_config=attempt_config(bed, governed_namespace, f"{LOW}-a1"),
        low_children=counter,
        low_suspended_after_preemption=suspended,
        events=events,
    )


def test_kueue_preempts_the_lower_priority_job_and_suspends_its_pytorchjob(preemption: PreemptionRun) -> None:
    assert preemption.low_suspended_after_preemption
    (preempted,) = preemption.low["attempts"][0]["preemptions"]
    # Kueue's words: the Workload was preempted within its ClusterQueue, for `high`'s.
    assert preempted["reason"] == "InClusterQueue", preempted
    assert "Preempted to accommodate a workload" in preempted["message"]
    assert preemption.timeline["low preempted"] > preemption.timeline["high applied"]


def test_the_preemption_spends_no_attempt_and_is_counted(preemption: PreemptionRun) -> None:
    low = preemption.low
    assert low["phase"] == "Succeeded" and low["currentAttempt"] == 1
    (attempt,) = low["attempts"]
    assert attempt["result"] == "Succeeded"
    assert low["queue"]["name"] == local_queue_name(TEAM) and low["queue"]["preemptions"] == 1
    reasons = [e.reason for e in preemption.events]
    assert "Preempted" in reasons and "Readmitted" in reasons and "Requeued" in reasons, reasons
    assert "Failed" not in [c["type"] for c in low["conditions"] if c["status"] == "True"]


def test_the_higher_priority_job_trains_to_success(preemption: PreemptionRun) -> None:
    high = preemption.high
    assert high["phase"] == "Succeeded" and high["currentAttempt"] == 1
    assert high["queue"]["preemptions"] == 0
    assert preemption.timeline["high succeeded"] < preemption.timeline["low re-admitted"]


def test_the_preempted_job_continues_from_its_sigterm_checkpoint_in_the_same_pytorchjob(
    preemption: PreemptionRun,
) -> None:
    assert preemption.low_children.most_at_once == 1 and len(preemption.low_children.seen) == 1
    checkpoints = [r for r in preemption.low_records if r["type"] == "checkpoint"]
    steps = [r["step"] for r in preemption.low_records if r["type"] == "step"]
    stopped = checkpoints[0]["step"]  # the SIGTERM checkpoint; the final one is LOW_STEPS
    assert 3 <= stopped < LOW_STEPS, checkpoints
    # Every step once up to the preemption, then on from the checkpoint: nothing but the step in
    # flight at SIGTERM is trained twice.
    assert steps == list(range(1, stopped + 1)) + list(range(stopped + 1, LOW_STEPS + 1)), steps
    (preempted,) = preemption.low["attempts"][0]["preemptions"]
    assert preempted["resumedFromStep"] == stopped
    assert preempted["stepsLost"] == 0 and preemption.low["queue"]["stepsLost"] == 0


def test_the_preempted_job_writes_the_adapter_of_an_uninterrupted_run(
    preemption: PreemptionRun, bed: RealNodeBed, tmp_path: Path
) -> None:
    reference = run_on_this_machine(bed, preemption.low_config, tmp_path)
    adapter = bed.host_path(preemption.low["output"]["path"]) / "adapter" / "adapter_model.safetensors"
    resumed = load_file(str(adapter))
    assert resumed.keys() == reference.keys() and reference
    for key, tensor in reference.items():
        torch.testing.assert_close(resumed[key], tensor, rtol=1e-4, atol=1e-5, msg=key)


def test_the_bed_governs_only_labelled_jobs(bed: RealNodeBed) -> None:
    """Kueue sees only jobs with a queue label (the bed's webhooks select them; Kueue's
    manageJobsWithoutQueueName is false): the other tests' jobs run as if it were not there."""
    configuration = bed.kubectl(
        "get", "mutatingwebhookconfiguration", "kueue-mutating-webhook-configuration", "-o", "json"
    )
    assert f'"key": "{QUEUE_NAME_LABEL}"' in configuration
    assert cluster_queue_name(TEAM) in bed.kubectl("get", "clusterqueues", "-o", "name")
