"""bench/packing.py at smoke sizes (tests/bench_smoke.py), and the rule that every benchmark has a
smoke test."""

from __future__ import annotations

import re

from tests.bench_smoke import BENCH_DIR, run_bench_smoke

TESTS_DIR = BENCH_DIR.parent / "tests"


def test_the_packing_benchmark_measures_packed_and_padded_rows_and_prints_its_figures() -> None:
    run_bench_smoke(
        "packing",
        {
            "packing.packedRealFraction",
            "packing.paddedRealFraction",
            "packing.computeSavedVersusPadded",
            "meetsTarget",
        },
        timeout=300,
    )


def test_every_benchmark_has_a_smoke_test_in_make_test() -> None:
    """A new bench/*.py gets its smoke test here (no bed) or in tests/cluster/ (needs the bed)."""
    smoked = {
        match
        for folder in ("bench", "cluster")
        for path in (TESTS_DIR / folder).glob("test_*.py")
        for match in re.findall(r'run_bench_smoke\(\s*"([a-z0-9_]+)"', path.read_text(encoding="utf-8"))
    }
    benchmarks = {path.stem for path in BENCH_DIR.glob("*.py")}
    assert benchmarks, f"no benchmarks found in {BENCH_DIR}"
    assert benchmarks <= smoked, f"benchmarks without a smoke test: {sorted(benchmarks - smoked)}"
