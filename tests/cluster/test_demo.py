"""`make demo` must keep working: run the demo script against the bed and check its outcome."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_demo_runs_the_quickstart_job_to_success(testbed):
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "hack" / "demo.py")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "phase: Succeeded" in result.stdout
    assert "resumedFrom: /fsx/finetune/team-a/llama-lora/checkpoints/step-00000100" in result.stdout
