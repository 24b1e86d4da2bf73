"""Test helpers: a tiny Llama model and a tokenizer trained here, generated data, configs, runs.

Nothing comes from a model hub: the tokenizer is trained with `tokenizers` on generated text and
the model is a 2-layer, 64-wide Llama built from a config, so every training test runs in seconds
on two CPU cores.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import yaml

# The one tiny-model builder, shared with `make demo`, the benchmarks and the Neuron tests (hack/ is
# the repository's test tooling, importable from its root: pyproject's pytest `pythonpath`).
from hack.tiny_model import save_tiny_model, train_tokenizer
from hack.tiny_model import write_jsonl as write_jsonl  # the tests write their data with it

from finetune_contract.constants import run_progress_file

SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "ba", "do", "fi", "gu"]


def words(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    vocabulary = sorted({rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(400)})
    return [rng.choice(vocabulary) for _ in range(count)]


def copy_task(rng: random.Random, vocabulary: Sequence[str], low: int = 3, high: int = 12) -> tuple[str, str]:
    """A learnable task: the answer repeats (or reverses) the prompt's words."""
    chosen = [rng.choice(vocabulary) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.5:
        return "copy: " + " ".join(chosen), " ".join(chosen)
    return "reverse: " + " ".join(chosen), " ".join(reversed(chosen))


def vocabulary() -> list[str]:
    return sorted(set(words(2000)))


def messages_records(count: int, seed: int) -> list[dict[str, Any]]:
    rng, vocab = random.Random(seed), vocabulary()
    records = []
    for _ in range(count):
        prompt, answer = copy_task(rng, vocab)
        messages = [{"role": "user", "content": prompt}, {"role": "assistant", "content": answer}]
        if rng.random() < 0.3:
            messages.insert(0, {"role": "system", "content": "follow the instruction"})
        records.append({"messages": messages})
    return records


def prompt_completion_records(count: int, seed: int) -> list[dict[str, Any]]:
    rng, vocab = random.Random(seed), vocabulary()
    return [dict(zip(("prompt", "completion"), copy_task(rng, vocab), strict=True)) for _ in range(count)]


def preference_records(count: int, seed: int) -> list[dict[str, Any]]:
    rng, vocab = random.Random(seed), vocabulary()
    records = []
    for _ in range(count):
        prompt, answer = copy_task(rng, vocab)
        # A consistent, learnable preference: answer the task rather than refuse it.
        refusal = " ".join("nope" for _ in answer.split())
        records.append({"prompt": prompt, "chosen": answer, "rejected": refusal})
    return records


def build_tokenizer(directory: Path) -> Any:
    corpus = [" ".join(words(40, seed=i)) for i in range(300)] + [
        "copy: reverse: follow the instruction"
    ] * 20
    return train_tokenizer(directory, corpus)


def build_model(directory: Path, tokenizer: Any, seed: int = 0) -> None:
    save_tiny_model(directory, tokenizer, seed=seed)


BASE_CONFIG: dict[str, Any] = {
    "apiVersion": "finetune.dev/v1alpha1",
    "kind": "ResolvedTrainingConfig",
    "job": {"namespace": "team-a", "name": "tiny", "uid": "uid-1", "attempt": 1},
    "recipe": {"name": "tiny-lora", "hash": "sha256:0"},
    "method": "lora",
    "model": {"name": "tiny-llama", "path": "", "tokenizer": None},
    "data": {
        "format": "messages",
        "train": [],
        "validation": None,
        "validationSplit": 0.0,
        "errorBudget": 0.0,
        "validationEverySteps": 0,
    },
    "training": {
        "seqLength": 128,
        "microBatchSize": 2,
        "gradientAccumulationSteps": 2,
        "maxSteps": 10,
        "epochs": 1,
        "seed": 7,
        "precision": "fp32",
        "packing": True,
        "gradientCheckpointing": False,
    },
    "optimizer": {
        "name": "adamw",
        "learningRate": 3.0e-3,
        "weightDecay": 0.0,
        "beta1": 0.9,
        "beta2": 0.999,
        "epsilon": 1.0e-8,
        "maxGradNorm": 1.0,
        "scheduler": "cosine",
        "warmupSteps": 2,
    },
    "lora": {
        "rank": 8,
        "alpha": 16,
        "dropout": 0.1,
        "targetModules": ["q_proj", "v_proj"],
        "loadIn4Bit": False,
    },
    "dpo": {"beta": 0.1},
    "grpo": None,
    "rewards": [],
    "tools": None,
    "parallelism": {"tensorParallel": 8, "zero1": True},
    "neuron": {"precompile": False},
    "divergence": {
        "policy": "rollback",
        "spikeDeviations": 8.0,
        "window": 32,
        "learningRateFactor": 0.5,
        "maxRollbacks": 3,
    },
    "evaluation": None,
    "checkpointing": {"dir": "", "everySteps": 5, "keepLast": 3},
    "output": {"dir": "", "merge": False},
    "logging": {"everySteps": 1, "tensorboardDir": ""},
}


def make_config(root: Path, model_dir: Path, train: Sequence[Path], **overrides: Any) -> dict[str, Any]:
    """The contract's resolved config for a run under `root`; overrides are dot-paths."""
    config = copy.deepcopy(BASE_CONFIG)
    config["model"]["path"] = str(model_dir)
    config["data"]["train"] = [{"path": str(p), "weight": 1.0} for p in train]
    config["checkpointing"]["dir"] = str(root / "checkpoints")
    config["output"]["dir"] = str(root / "output")
    for dotted, value in overrides.items():
        node = config
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node[key]
        node[leaf] = value
    return config


def write_config(root: Path, config: Mapping[str, Any]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / "config.yaml"
    path.write_text(yaml.safe_dump(dict(config), sort_keys=False), encoding="utf-8")
    return path


def trainer_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SM_", "PET_", "RANK", "WORLD_SIZE"))}
    env.update(
        {
            "OMP_NUM_THREADS": "1",
            "TOKENIZERS_PARALLELISM": "false",
            "FINETUNE_STATUS_REPORTING": "none",
            "FINETUNE_DEVICE": "cpu",
            "FINETUNE_CACHE_DIR": str(Path(extra.pop("cache_dir", "/tmp/finetune-test-cache"))),
        }
    )
    env.update(extra)
    return env


def command(config: Path, processes: int = 1, resume_from: str | None = None) -> list[str]:
    args = ["--config", str(config)] + (["--resume-from", resume_from] if resume_from else [])
    if processes == 1:
        return [sys.executable, "-m", "finetune_trainer.cli", *args]
    return [
        sys.executable,
        "-m",
        "finetune_trainer.launch",  # torchrun with the contract's exit codes
        "--standalone",
        f"--nproc_per_node={processes}",
        "--",
        *args,
    ]


def run_trainer(
    config: Path,
    processes: int = 1,
    resume_from: str | None = None,
    timeout: float = 300,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    run_env = dict(env or trainer_env())
    argv = command(config, processes, resume_from)
    if processes == 1 and Zygote.serves(run_env):
        return Zygote.get().run(argv, run_env, timeout)
    return subprocess.run(argv, env=run_env, capture_output=True, text=True, timeout=timeout)


NOT_READ_AT_IMPORT = (
    # where the Neuron stand-ins write their log: read at exit
    "NEURON_STANDINS_DIR",
    # set in this test process by its own first import of torch._inductor (PEFT's, say), to the
    # default a run computes without it: the runs after it must still fork from the zygote
    "TORCHINDUCTOR_CACHE_DIR",
)


def _read_at_import(env: Mapping[str, str]) -> dict[str, str]:
    """The variables an import might read: all but the trainer's own (read when a run starts),
    pytest's (PYTEST_CURRENT_TEST names each test) and NOT_READ_AT_IMPORT."""
    return {
        k: v
        for k, v in env.items()
        if not k.startswith(("FINETUNE_", "PYTEST_")) and k not in NOT_READ_AT_IMPORT
    }


class Zygote:
    """A trainer_zygote.py of this test process: one-process runs forked from an interpreter that
    has imported the trainer's stack once (5 s of CPU saved per run; 6 s on the Neuron path). One
    per stack: the main environment's (`get()`) and the Neuron environment's (`get(python,
    env, neuron=True)`). A run whose environment differs from the zygote's in what an import might
    read (`_read_at_import`) gets a fresh interpreter, and so does every run with
    FINETUNE_TEST_ZYGOTE=0."""

    _instances: ClassVar[dict[tuple[str, bool], Zygote]] = {}
    SCRIPT = Path(__file__).with_name("trainer_zygote.py")

    def __init__(self, python: str, env: Mapping[str, str], neuron: bool) -> None:
        self.env = dict(env)
        self.process = subprocess.Popen(
            [python, str(self.SCRIPT), *(["--neuron"] if neuron else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=self.env,
            text=True,
        )
        self._pending = b""

    @classmethod
    def get(
        cls, python: str = sys.executable, env: Mapping[str, str] | None = None, neuron: bool = False
    ) -> Zygote:
        """The zygote of `python` (started with `env`, the trainer tests' by default)."""
        key = (python, neuron)
        zygote = cls._instances.get(key)
        if zygote is None or zygote.process.poll() is not None:
            zygote = cls._instances[key] = cls(python, env if env is not None else trainer_env(), neuron)
        return zygote

    @classmethod
    def serves(cls, env: Mapping[str, str], python: str = sys.executable, neuron: bool = False) -> bool:
        if os.environ.get("FINETUNE_TEST_ZYGOTE") == "0":
            return False
        zygote = cls._instances.get((python, neuron))
        mine = zygote.env if zygote is not None else env if neuron else trainer_env()
        return _read_at_import(env) == _read_at_import(mine)

    def run(
        self, argv: list[str], env: Mapping[str, str], timeout: float
    ) -> subprocess.CompletedProcess[str]:
        with tempfile.TemporaryDirectory(prefix="trainer-run-") as scratch:
            out, err = Path(scratch) / "stdout", Path(scratch) / "stderr"
            entry = "finetune_trainer.cli" if "finetune_trainer.cli" in argv else argv[0]
            trainer_args = argv[argv.index(entry) + 1 :]
            request = {
                "argv": trainer_args,
                "env": dict(env),
                "cwd": os.getcwd(),
                "stdout": str(out),
                "stderr": str(err),
            }
            assert self.process.stdin is not None and self.process.stdout is not None
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            started = self._answer(timeout=timeout)  # the first run waits for the zygote's imports
            try:
                ended = self._answer(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(started["pid"], signal.SIGKILL)
                self._answer(timeout=30)
                raise subprocess.TimeoutExpired(argv, timeout) from None
            return subprocess.CompletedProcess(
                argv, ended["returncode"], out.read_text(errors="replace"), err.read_text(errors="replace")
            )

    def _answer(self, timeout: float) -> dict[str, Any]:
        """The zygote's next line (read from its pipe unbuffered, so that a line is never waited
        for while it already sits in a buffer)."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._pending:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise subprocess.TimeoutExpired("trainer_zygote.py", timeout)
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(
                    f"trainer_zygote.py ended (exit {self.process.wait()}): see the test's stderr"
                )
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return dict(json.loads(line))


def progress_file(checkpoint_dir: Path, uid: str = BASE_CONFIG["job"]["uid"]) -> Path:
    """The run's progress.jsonl (the contract's `runs/<uid>/progress.jsonl` below the checkpoints)."""
    return checkpoint_dir / run_progress_file(uid)


def progress_records(
    checkpoint_dir: Path, kind: str = "step", uid: str = BASE_CONFIG["job"]["uid"]
) -> list[dict[str, Any]]:
    lines = progress_file(checkpoint_dir, uid).read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, lines) if r["type"] == kind]


def full_vocabulary_token_logprobs(logits: Any, labels: Any) -> tuple[Any, Any]:
    """The reference head: log_softmax over the full [rows, length, vocabulary] logits, gathered at
    each next-token label (0 where a position has none), and the mask of labelled positions."""
    import torch

    from finetune_trainer.encoding import IGNORE_INDEX

    next_labels = labels[:, 1:]
    mask = next_labels != IGNORE_INDEX
    logprobs = torch.log_softmax(logits[:, :-1], dim=-1)
    picked = logprobs.gather(-1, next_labels.masked_fill(~mask, 0).unsqueeze(-1)).squeeze(-1)
    return picked * mask, mask


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants (torchrun starts each worker in a session of its own)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        tree.append(pid)
        frontier.extend(parents.get(pid, []))
    return tree


def kill_after_checkpoint(config: Path, processes: int, checkpoint_dir: Path, step_name: str) -> None:
    """Starts a run and SIGKILLs every process of it as soon as `step_name` is the latest checkpoint,
    like a node failure: no handler runs, nothing is flushed."""
    process = subprocess.Popen(
        command(config, processes),
        env=trainer_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    latest = checkpoint_dir / "latest"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if latest.exists() and latest.read_text() == step_name:
            for pid in process_tree(process.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, (
        f"the run was not killed mid-way: {process.stderr.read()[-4000:]}"
    )


GRPO_SETTINGS: dict[str, Any] = {
    "numGenerations": 4,
    "maxPromptLength": 64,
    "maxCompletionLength": 8,
    "temperature": 1.0,
    "topP": 1.0,
    "beta": 0.0,
    "epsilon": 0.2,
    "numIterations": 1,
    "lossType": "dapo",
    "useBiasCorrectionKl": True,
    "generationEngine": "hf",
}


def prompt_records(count: int, seed: int, chat: bool = False) -> list[dict[str, Any]]:
    """GRPO prompts of the copy task; `answer` (the first word to say) goes to the rewards."""
    rng, vocab = random.Random(seed), vocabulary()
    records = []
    for _ in range(count):
        prompt, answer = copy_task(rng, vocab, low=2, high=4)
        value: Any = [{"role": "user", "content": prompt}] if chat else prompt
        records.append({"prompt": value, "answer": answer.split()[0]})
    return records


def write_module(path: Path, source: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return path


def grpo_config(
    root: Path, model_dir: Path, train: Sequence[Path], rewards: Sequence[Mapping[str, Any]], **overrides: Any
) -> dict[str, Any]:
    """A grpo-lora run on prompt data with the tiny GRPO settings; overrides are dot-paths."""
    base = {
        "method": "grpo-lora",
        "data.format": "prompt",
        "grpo": copy.deepcopy(GRPO_SETTINGS),
        "rewards": [
            {
                "weight": 1.0,
                "builtin": None,
                "field": None,
                "pattern": None,
                "module": None,
                "function": None,
                **reward,
            }
            for reward in rewards
        ],
        "training.microBatchSize": 2,
        "training.gradientAccumulationSteps": 1,
        "training.packing": False,
    }
    return make_config(root, model_dir, train, **{**base, **overrides})
