"""The reconcile benchmark, at smoke size (tests/bench_smoke.py): it completes and prints its
figures. The figures themselves are `make bench`'s (docs/operations.md, "Benchmarks").

Its jobs' pods land on kwok nodes and it runs its own operator process, so it is in the API lane;
the chart it needs is the one the test run installed (it does not upgrade it). The chaos
benchmark restarts the API server, so it stays in the real-node lane (test_bench_smoke.py): the
other lane pauses only between its tests, and the real-node modules' fixtures, which run jobs for
minutes, are not safe from a restart in the API lane."""

from __future__ import annotations

from tests.bench_smoke import run_bench_smoke


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
