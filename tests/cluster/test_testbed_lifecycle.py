"""`up`, `status` and `down` of a second, throwaway bed: down must leave no process behind.

The session's bed holds the host's real node, so the second bed runs with kwok nodes only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hack.testbed.kwok_cluster import KWOK_NODES
from hack.testbed.layout import STATE_DIR
from hack.testbed.lifecycle import COMPONENTS
from hack.testbed.node import NODE_COMPONENTS
from hack.testbed.processes import pid_alive

from tests.conftest import REPO_ROOT


def run_bed_command(state_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FINETUNE_TESTBED_DIR": str(state_dir)}
    return subprocess.run(
        [sys.executable, "-m", "hack.testbed", *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_second_bed_starts_reports_and_stops_without_leftovers(testbed, tmp_path):
    state_dir = tmp_path / "bed"
    up = run_bed_command(state_dir, "up")
    try:  # a failed `up` leaves what it started running: `down` stops it either way
        assert up.returncode == 0, up.stderr
        status = run_bed_command(state_dir, "status")
        assert status.returncode == 0, status.stdout
        assert f"nodes Ready                {KWOK_NODES}/{KWOK_NODES}" in status.stdout
        assert "training-operator /readyz  ok" in status.stdout
        assert f"real node                  held by the bed in {STATE_DIR}" in status.stdout
        kwok_only = {c for c in COMPONENTS if c not in NODE_COMPONENTS}
        pids = json.loads((state_dir / "state.json").read_text())["pids"]
        assert set(pids) == kwok_only
        logs = {p.name for p in (state_dir / "logs").iterdir()}
        assert logs == {f"{name}.log" for name in kwok_only}
    finally:
        down = run_bed_command(state_dir, "down")
    assert down.returncode == 0, down.stderr
    assert not [pid for pid in pids.values() if pid_alive(pid)]
    leftovers = subprocess.run(["pgrep", "-f", str(state_dir)], capture_output=True, text=True).stdout.split()
    assert leftovers == []
    assert run_bed_command(state_dir, "status").returncode == 1
