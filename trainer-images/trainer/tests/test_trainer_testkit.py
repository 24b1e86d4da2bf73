"""The trainer tests' own kit (trainer_testkit.py): when a run may fork from a zygote."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

CHECK = textwrap.dedent(
    """
    import os
    import trainer_testkit as kit
    before = kit.trainer_env()
    import peft  # as a test's check of an adapter imports it, in the test process
    from transformers import AutoModelForCausalLM
    print("TORCHINDUCTOR_CACHE_DIR" in os.environ and "TORCHINDUCTOR_CACHE_DIR" not in before)
    print(kit._read_at_import(kit.trainer_env()) == kit._read_at_import(before))
    """
)


def test_runs_after_the_test_process_imported_peft_still_fork_from_the_zygote() -> None:
    """PEFT's import sets TORCHINDUCTOR_CACHE_DIR in the importing process. Taken for a change an
    import might read, it gave every later run of the test process a fresh interpreter instead of
    a fork of the zygote (in CI, every Neuron run after the first test's adapter check)."""
    env = {k: v for k, v in os.environ.items() if k != "TORCHINDUCTOR_CACHE_DIR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    set_by_the_import, same_for_the_zygote = result.stdout.split()
    assert set_by_the_import == "True"  # what makes this test mean something
    assert same_for_the_zygote == "True"
