"""A warm start for the trainer tests' one-process `finetune-train` runs (trainer_testkit.run_trainer).

A fresh interpreter spends about 5 s of CPU importing torch, transformers and PEFT before the
trainer reads its config, and the trainer tests start dozens of runs. This process imports them
once, then forks one child per run: the child takes the run's environment, working directory and
output files, drops the logging handlers the fork carried over, and calls
`finetune_trainer.cli.main` with the run's arguments, as `python -m finetune_trainer.cli` does;
its exit status is the run's. This process installs no signal handler, so the child's are an
interpreter's defaults, as a fresh one's are. No thread runs here when it forks (the imports
start none: checked at start), so the child inherits no lock held by a thread it lacks.

Protocol, one JSON object per line: the test writes
`{"argv": [...], "env": {...}, "cwd": ..., "stdout": path, "stderr": path}` to stdin; this process
answers `{"pid": N}` once the child runs and `{"pid": N, "returncode": R}` when it has ended
(R < 0: killed by signal -R, as subprocess reports it).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from typing import Any

import peft  # noqa: F401
import torch  # noqa: F401
import transformers  # noqa: F401
from transformers import AutoModelForCausalLM, AutoTokenizer  # noqa: F401

import finetune_trainer.cli
import finetune_trainer.train


def run_child(request: dict[str, Any]) -> None:
    """In the forked child: become the run, then exit with its code."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        with open(os.devnull, "rb") as null:
            os.dup2(null.fileno(), 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            with open(path, "wb") as out:
                os.dup2(out.fileno(), fd)
        logging.root.handlers.clear()
        sys.argv = [finetune_trainer.cli.__file__, *request["argv"]]
        code = finetune_trainer.cli.main(request["argv"])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    if threading.active_count() != 1:
        raise SystemExit(f"threads run after the imports ({threading.enumerate()}): forking is not safe")
    answers = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        answers.flush()
        child = os.fork()
        if child == 0:
            run_child(request)
        answers.write(json.dumps({"pid": child}) + "\n")
        answers.flush()
        _, status = os.waitpid(child, 0)
        answers.write(json.dumps({"pid": child, "returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
