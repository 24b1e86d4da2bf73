"""The benchmarks that need the bed, at smoke sizes (tests/bench_smoke.py): each completes and prints
its figures. The figures themselves are `make bench`'s (docs/operations.md, "Benchmarks")."""

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


def test_the_reconcile_benchmark_times_the_floor_and_the_operator(testbed) -> None:
    run_bench_smoke(
        "reconcile",
        {
            "n",
            "floor_seconds",
            "operator_seconds",
            "ratio",
            "direct_writes_seconds",
            "p50_seconds",
            "p99_seconds",
            "peak_rss_mib",
            "submitted",
            "pytorchjobs",
        },
        timeout=420,
    )


def test_the_e2e_benchmark_trains_crashes_and_resumes_on_the_real_node(testbed) -> None:
    run_bench_smoke(
        "e2e",
        {
            "steps",
            "attempts",
            "apply_to_first_step_s",
            "apply_to_succeeded_s",
            "trainer_wall_s",
            "operator_overhead_s",
            "crash_to_resumed_first_step_s",
            "preempted_wait_s",
            "preempt_to_resumed_first_step_s",
        },
        timeout=600,
    )
