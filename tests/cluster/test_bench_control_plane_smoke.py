"""The benchmarks of the control plane, at smoke sizes (tests/bench_smoke.py): each completes and
prints its figures. The figures themselves are `make bench`'s (docs/operations.md, "Benchmarks").

Their jobs' pods land on kwok nodes and each runs its own operator process, so they are in the
API lane; the chart they need is the one the test run installed (they do not upgrade it)."""

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
