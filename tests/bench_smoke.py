"""Runs a benchmark in its smoke mode, as `make test` does for every `bench/*.py`.

A benchmark is run only by `make bench`, so one that a code change breaks stays broken until the
next time someone wants its figures (bench/trainer.py's memory part was, for a whole round). The
smoke run is the same script at tiny sizes (`--smoke`, docs/operations.md "Benchmarks"): it proves the
script completes and prints its figures as the one JSON object of its last line, not what the
figures are.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"
TAIL_CHARS = 4000


def run_bench_smoke(name: str, expected: set[str], timeout: float) -> dict[str, Any]:
    """Runs `bench/<name>.py --smoke` and returns the JSON object of its last line of output.

    `expected` names the figures that object must have, nested keys as dot-paths
    (`memory.reduction`). The run must exit 0 within `timeout` seconds, say it was a smoke run and
    name its benchmark.
    """
    result = subprocess.run(
        [sys.executable, "-m", f"bench.{name}", "--smoke"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=BENCH_DIR.parent,
    )
    output = f"stdout:\n{result.stdout[-TAIL_CHARS:]}\nstderr:\n{result.stderr[-TAIL_CHARS:]}"
    assert result.returncode == 0, f"bench/{name}.py --smoke exited {result.returncode}\n{output}"
    lines = result.stdout.strip().splitlines()
    assert lines, f"bench/{name}.py --smoke printed nothing\n{output}"
    try:
        figures = json.loads(lines[-1])
    except json.JSONDecodeError as exc:
        raise AssertionError(f"bench/{name}.py's last line is not JSON ({exc}): {lines[-1]!r}") from exc
    assert isinstance(figures, dict), f"bench/{name}.py's last line is not a JSON object: {lines[-1]!r}"
    missing = sorted(path for path in expected | {"benchmark", "smoke"} if not _has(figures, path))
    assert not missing, f"bench/{name}.py's figures lack {missing}: {lines[-1]}"
    assert figures["benchmark"] == name, figures["benchmark"]
    assert figures["smoke"] is True, f"bench/{name}.py --smoke says it was no smoke run: {lines[-1]}"
    print(lines[-1])  # the figures, in the test's captured output (pytest -rP shows it)
    return figures


def _has(figures: dict[str, Any], path: str) -> bool:
    """Whether `figures` has the dot-path `path` (`memory.reduction`: figures["memory"]["reduction"])."""
    value: Any = figures
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return False
        value = value[key]
    return True
