"""The benchmarks run in the real-node lane, at smoke sizes (tests/bench_smoke.py): each completes
and prints its figures. The figures themselves are `make bench`'s (docs/operations.md,
"Benchmarks"); the reconcile benchmark is in test_bench_control_plane_smoke.py (the API lane)."""

from __future__ import annotations

import pytest

from tests.bench_smoke import run_bench_smoke


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


def test_the_e2e_benchmark_trains_crashes_hangs_is_preempted_and_resumes_on_the_real_node(testbed) -> None:
    """Also the hang test of issue 25: the SIGSTOPped attempt 2 is found Stalled within its window,
    stopped and replaced by attempt 3, which resumes from attempt 2's checkpoint, and the job
    Succeeds (run_bench_smoke fails otherwise). Attempt 3 is then preempted by Kueue and admitted
    again, which spends no attempt (issue 24's figure). One job for the crash, the hang and the
    preemption: the real node runs one job at a time, and a second job would cost its own start-up
    and training."""
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
        },
        timeout=600,
    )
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
