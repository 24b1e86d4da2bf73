"""`up`, `status` and `down` of a second, throwaway bed: down must leave no process behind.

The session's bed holds the host's real node, so the second bed runs with kwok nodes only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, testbed_module


def run_bed_command(state_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FINETUNE_TESTBED_DIR": str(state_dir)}
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "hack" / "testbed.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_second_bed_starts_reports_and_stops_without_leftovers(testbed, tmp_path):
    state_dir = tmp_path / "bed"
    up = run_bed_command(state_dir, "up")
    assert up.returncode == 0, up.stderr
    try:
        status = run_bed_command(state_dir, "status")
        assert status.returncode == 0, status.stdout
        kwok_nodes = testbed_module.KWOK_NODES
        assert f"nodes Ready                {kwok_nodes}/{kwok_nodes}" in status.stdout
        assert "training-operator /readyz  ok" in status.stdout
        assert f"real node                  held by the bed in {testbed_module.STATE_DIR}" in status.stdout
        kwok_only = {c for c in testbed_module.COMPONENTS if c not in testbed_module.NODE_COMPONENTS}
        pids = json.loads((state_dir / "state.json").read_text())["pids"]
        assert set(pids) == kwok_only
        logs = {p.name for p in (state_dir / "logs").iterdir()}
        assert logs == {f"{name}.log" for name in kwok_only}
    finally:
        down = run_bed_command(state_dir, "down")
    assert down.returncode == 0, down.stderr
    assert not [pid for pid in pids.values() if testbed_module.pid_alive(pid)]
    leftovers = subprocess.run(["pgrep", "-f", str(state_dir)], capture_output=True, text=True).stdout.split()
    assert leftovers == []
    assert run_bed_command(state_dir, "status").returncode == 1
