"""The benchmarks run in the real-node lane, at smoke sizes (tests/bench_smoke.py): each completes
and prints its figures. The figures themselves are `make bench`'s (docs/operations.md,
"Benchmarks"); the reconcile benchmark is in test_bench_control_plane_smoke.py (the API lane).

The e2e benchmark's one job is also the real-node test of training health (issue 25: a hang) and of
HyperPod task governance (issue 24): Kueue preempts its attempt 3 for a job of a higher priority
that does not fit beside it in the team's ClusterQueue (hack/testbed/kueue.py: the real node's CPU
and memory), the higher one trains to Succeeded, and the preempted attempt is admitted again and
continues from the checkpoint its trainers wrote on SIGTERM. The real node runs one job at a time,
so one job serves both: a second would cost its own start-up and training. Its adapter is compared
with an uninterrupted run's (tests/cluster/uninterrupted.py) once the crash, the hang and the
preemption are behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import torch
from bench.e2e import NAME, NAMESPACE, PREEMPTOR
from hack.real_job import RealNodeBed
from hack.testbed.kueue import QUEUE_NAME_LABEL, cluster_queue_name, local_queue_name
from safetensors.torch import load_file

from tests.bench_smoke import run_bench_smoke
from tests.cluster.uninterrupted import attempt_config, run_on_this_machine

TEAM = NAMESPACE.removeprefix("hyperpod-ns-")


@pytest.mark.bed_exclusive  # it restarts the API server
def test_the_chaos_benchmark_survives_a_kill_and_an_api_server_restart(testbed) -> None:
    run_bench_smoke(
        "chaos",
        {
            "jobs",
            "operator_kills",
            "api_server_restarts",
            "duplicates",
            "orphans",
            "unconverged",
            "api_restart_recovery_seconds",
            "operator_alive_at_end",
        },
        timeout=420,
    )


@dataclass
class E2ERun:
    """The e2e benchmark's figures and what the cluster holds of its job afterwards."""

    figures: dict[str, Any]
    job: dict[str, Any]
    preemptor: dict[str, Any]
    records: list[dict[str, Any]]
    event_reasons: list[str]


@pytest.fixture(scope="module")
def e2e(bed: RealNodeBed) -> E2ERun:
    figures = run_bench_smoke(
        "e2e",
        {
            "steps",
            "attempts",
            "apply_to_first_step_s",
            "apply_to_succeeded_s",
            "trainer_wall_s",
            "operator_overhead_s",
            "crash_to_resumed_first_step_s",
            "sigstop_to_stalled_s",
            "stalled_to_resumed_first_step_s",
            "max_live_pytorchjobs",
            "preempted_wait_s",
            "preempt_to_resumed_first_step_s",
            "timeline_s",
            "pytorchjob_uids",
        },
        timeout=600,
    )
    events = bed.core.list_namespaced_event(
        NAMESPACE, field_selector=f"involvedObject.kind=FineTuneJob,involvedObject.name={NAME}"
    ).items
    return E2ERun(
        figures=figures,
        job=bed.job(NAMESPACE, NAME),
        preemptor=bed.status(NAMESPACE, PREEMPTOR),
        records=bed.progress_records(NAMESPACE, NAME),
        event_reasons=[event.reason for event in events],
    )


def test_the_e2e_benchmark_trains_crashes_hangs_is_preempted_and_resumes_on_the_real_node(
    e2e: E2ERun,
) -> None:
    """Also the hang test of issue 25: the SIGSTOPped attempt 2 is found Stalled within its window,
    stopped and replaced by attempt 3, which resumes from attempt 2's checkpoint, and the job
    Succeeds (run_bench_smoke fails otherwise)."""
    figures = e2e.figures
    window = figures["stall_window_s"]
    # Stalled at most the window after the last report (which came before the SIGSTOP) plus the
    # operator's look; at least the window less the trainer's status interval (5 s) after it.
    assert window - 6 <= figures["sigstop_to_stalled_s"] <= window + 10, figures
    assert "reported no step for" in figures["stalled"], figures["stalled"]
    # One attempt for the crash, one for the hang: a stall restart spends an attempt, a preemption
    # none.
    assert figures["attempts"] == 3, figures
    assert figures["preemptions"] == 1, figures
    assert [reason for _, reason in figures["attempt_results"]][1] == "Stalled", figures["attempt_results"]
    assert figures["attempt_results"][2][0] == "Succeeded", figures["attempt_results"]
    # From the newest checkpoint reported before the hang, attempt 2's own.
    assert figures["resumed_from_each"][2] == figures["stopped_at_checkpoint"], figures
    assert figures["stopped_checkpoint_attempt"] == 2, figures
    assert figures["max_live_pytorchjobs"] == 1, figures  # never a duplicate child


def test_kueue_preempts_the_lower_priority_attempt_and_suspends_its_pytorchjob(e2e: E2ERun) -> None:
    """The bench saw attempt 3's PyTorchJob suspended (its `preempted` moment); the attempt records
    Kueue's own reason: the Workload was preempted within its ClusterQueue, for the preemptor's."""
    timeline = e2e.figures["timeline_s"]
    assert (
        timeline["attempt 3's first step; preemptor applied"]
        < timeline["attempt 3 preempted (PyTorchJob suspended)"]
    )
    (preempted,) = e2e.job["status"]["attempts"][2]["preemptions"]
    assert preempted["reason"] == "InClusterQueue", preempted
    assert "Preempted to accommodate a workload" in preempted["message"], preempted


def test_the_preemption_spends_no_attempt_and_is_counted(e2e: E2ERun) -> None:
    status = e2e.job["status"]
    assert status["phase"] == "Succeeded" and status["currentAttempt"] == 3
    assert not any(attempt.get("preemptions") for attempt in status["attempts"][:2]), status["attempts"]
    assert status["queue"]["name"] == local_queue_name(TEAM) and status["queue"]["preemptions"] == 1
    for reason in ("Preempted", "Requeued", "Readmitted"):
        assert reason in e2e.event_reasons, e2e.event_reasons
    assert "Failed" not in [c["type"] for c in status["conditions"] if c["status"] == "True"]


def test_the_higher_priority_job_trains_to_success_before_the_preempted_one_runs_again(e2e: E2ERun) -> None:
    assert e2e.preemptor["phase"] == "Succeeded" and e2e.preemptor["currentAttempt"] == 1
    assert e2e.preemptor["queue"]["preemptions"] == 0
    timeline = e2e.figures["timeline_s"]
    # Both from whole-second timestamps (the PyTorchJob's condition, the containers' start).
    assert timeline["preemptor's PyTorchJob Succeeded"] <= timeline["attempt 3's pods started again"], (
        timeline
    )


def test_the_preempted_attempt_continues_from_its_sigterm_checkpoint_in_the_same_pytorchjob(
    e2e: E2ERun,
) -> None:
    attempt = e2e.figures["preempted_attempt"]
    assert e2e.figures["pytorchjob_uids"][attempt] == 1, e2e.figures["pytorchjob_uids"]
    (preempted,) = e2e.job["status"]["attempts"][2]["preemptions"]
    sigterm_checkpoints = [
        r["step"]
        for r in e2e.records
        if r["type"] == "checkpoint" and r["attempt"] == 3 and r["step"] == preempted["resumedFromStep"]
    ]
    assert sigterm_checkpoints, (preempted, [r for r in e2e.records if r["type"] == "checkpoint"])
    assert preempted["stepsLost"] == 0 and e2e.job["status"]["queue"]["stepsLost"] == 0, preempted
    # Attempt 3 trains every step once from attempt 2's checkpoint to the end: up to the SIGTERM
    # checkpoint before the preemption, on from it after; nothing is trained twice.
    resumed_from = int(e2e.figures["stopped_at_checkpoint"].rsplit("step-", 1)[1])
    steps = [r["step"] for r in e2e.records if r["type"] == "step" and r["attempt"] == 3]
    assert steps == list(range(resumed_from + 1, e2e.figures["steps"] + 1)), steps


def test_the_job_writes_the_adapter_of_an_uninterrupted_run(
    e2e: E2ERun, bed: RealNodeBed, tmp_path: Path
) -> None:
    """After a crash, a hang and a preemption, each resumed from a checkpoint: the same adapter as
    the same resolved config trained without a stop."""
    config = attempt_config(bed, NAMESPACE, e2e.figures["preempted_attempt"])
    reference = run_on_this_machine(bed, config, tmp_path)
    adapter = bed.host_path(e2e.job["status"]["output"]["path"]) / "adapter" / "adapter_model.safetensors"
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
