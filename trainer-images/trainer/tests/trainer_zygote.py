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

`--neuron` (run with the Neuron environment's Python, test_trainer_neuron_xla.py): the Neuron path's
libraries too, imported as the trainer imports them (`finetune_trainer.neuron` first, which sets
what their imports read). The child runs the interpreter's exit functions before it exits, as a
fresh interpreter does: the Neuron stand-ins write their log of uses there.
"""

from __future__ import annotations

import atexit
import importlib
import json
import logging
import os
import sys
import threading
from typing import Any

import torch  # noqa: F401

import finetune_trainer.cli
import finetune_trainer.train

NEURON_STACK = (
    "finetune_trainer.neuron",  # first: it sets what the others' imports read (TORCH_WARM_POOL)
    "torch_xla.core.xla_model",
    "torch_xla.distributed.xla_backend",
    "neuronx_distributed.parallel_layers.parallel_state",
    "optimum.neuron.accelerate",
    "optimum.neuron.models.training",
    "optimum.neuron.peft",
)
"""What `NeuronPlatform` imports when it starts, in that order (before PEFT and transformers' models,
whose imports read TORCH_WARM_POOL in the Neuron environment)."""


def import_the_stack(neuron: bool) -> None:
    if neuron:
        for module in NEURON_STACK:
            importlib.import_module(module)
    import peft  # noqa: F401
    from transformers import AutoModelForCausalLM, AutoTokenizer  # noqa: F401


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
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    import_the_stack(neuron="--neuron" in sys.argv[1:])
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
