"""The trainer's Neuron path, run: `finetune-train` on torch-xla's CPU device with the Neuron image's stack.

Each run is what a trn1 pod runs (`finetune-train`'s main, `FINETUNE_DEVICE=neuron`; forked from
a zygote that imported the Neuron stack once: `neuron_run`), in the Neuron
environment that `make prepare` builds (hack/neuron-venv.sh: torch 2.8.0, torch-xla 2.8.1,
optimum-neuron 0.4.5, neuronx-distributed 0.15.0, the pins of trainer-images/neuron/), on one
process at tensor-parallel size 1 (`PJRT_DEVICE=CPU`: each process's CPU device is a one-replica
world, so more processes cannot run here). Only the three hardware-only packages are stand-ins
(`neuron_fixtures/neuron_standins.py`), and every run asserts that none of them was used once
training started. The models are tiny configs of each architecture the trn1 recipes name, written
by the Neuron environment's transformers (`neuron_fixtures/build_models.py`); the outputs are loaded
with the main environment's transformers and PEFT, as a user would load them.

A run costs about 13 s of CPU: nearly half importing torch-xla, neuronx-distributed and
optimum-neuron, most of the rest compiling its graphs (torch-xla's persistent cache cannot help:
its CPU client cannot deserialize an executable). So one run serves several checks: the straight
runs of the matrix are cached for the module (`runs`), and the resume and parity tests compare
against them. `-s` prints each row
of the method x precision x target-set table as `neuron-run: {...}`.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import torch
import trainer_testkit as kit
import yaml
from safetensors.torch import load_file

REPO = Path(__file__).resolve().parents[3]
NEURON_PYTHON = REPO / ".venv-neuron" / "bin" / "python"
FIXTURES = Path(__file__).parent / "neuron_fixtures"
TRAINER_SRC = REPO / "trainer-images" / "trainer" / "src"
CONTRACT_SRC = REPO / "trainer-images" / "contract" / "src"
RECIPES = REPO / "operator" / "finetune_operator" / "recipes"
RUN_TIMEOUT_S = 600
STEPS, CHECKPOINT_EVERY = 8, 4
# XLA's CPU backend without its expensive LLVM passes: compiling is most of a run's device time here,
# and the graphs are what Trainium compiles with neuronx-cc, not these CPU executables.
XLA_CPU_FLAGS = "--xla_backend_optimization_level=0 --xla_llvm_disable_expensive_passes=true"


def shipped_trn1_target_sets() -> list[tuple[str, ...]]:
    """Every distinct LoRA target list of the built-in Trainium recipes."""
    targets = set()
    for path in sorted(RECIPES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))["spec"]
        lora = spec.get("config", {}).get("lora")
        if spec.get("acceleratorFamily") == "neuron" and lora:
            targets.add(tuple(lora["targetModules"]))
    assert targets, f"no trn1 LoRA recipe in {RECIPES}"
    return sorted(targets)


RECIPE_TARGETS = shipped_trn1_target_sets()


def neuron_env(standins_dir: Path) -> dict[str, str]:
    standins_dir.mkdir(parents=True, exist_ok=True)
    return kit.trainer_env(
        FINETUNE_DEVICE="neuron",
        PJRT_DEVICE="CPU",
        CPU_NUM_DEVICES="1",
        XLA_FLAGS=XLA_CPU_FLAGS,
        # The stand-ins first, then this checkout's trainer and contract package (the environment's
        # copy of the trainer only provides the `finetune-train` entry point).
        PYTHONPATH=os.pathsep.join(map(str, (FIXTURES, TRAINER_SRC, CONTRACT_SRC))),
        NEURON_STANDINS_DIR=str(standins_dir),
    )


def finetune_train(config: Path, resume_from: str | None = None) -> list[str]:
    args = ["--config", str(config)] + (["--resume-from", resume_from] if resume_from else [])
    return [str(NEURON_PYTHON.parent / "finetune-train"), *args]


@dataclass
class Run:
    root: Path
    result: subprocess.CompletedProcess[str]

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def losses(self) -> dict[int, float]:
        """The last logged loss of every step (a resumed run logs the steps after its checkpoint again)."""
        return {r["step"]: r["loss"] for r in kit.progress_records(self.checkpoints)}

    def ok(self) -> Run:
        assert self.result.returncode == 0, (
            f"exit {self.result.returncode}\n{self.result.stdout[-3000:]}\n{self.result.stderr[-8000:]}"
        )
        assert_no_standin_ran(self.root / "standins")
        return self


def assert_no_standin_ran(standins_dir: Path) -> None:
    """No hardware-only stand-in was used once training started (`neuron_standins` says what the
    phases are): a result computed by a stand-in would prove nothing."""
    logs = list(standins_dir.glob("*.json"))
    assert logs, f"no stand-in record in {standins_dir}: did the stand-ins load?"
    uses = {key: use for log in logs for key, use in json.loads(log.read_text()).items()}
    assert any(key.startswith("import:") for key in uses), "the libraries imported no stand-in"
    ran = {key: use for key, use in uses.items() if key.startswith("training:")}
    assert not ran, f"stand-ins used while training: {ran}"
    pools = [key for key in uses if key.startswith("process:")]
    assert not pools, f"{pools}: processes a rank does not need (TORCH_WARM_POOL)"


@functools.cache
def zygote_env() -> dict[str, str]:
    """The Neuron zygote's environment: its own stand-ins log (of its imports) is nobody's run's."""
    return neuron_env(Path(tempfile.mkdtemp(prefix="neuron-zygote-standins-")))


def neuron_run(root: Path, config: dict[str, Any], resume_from: str | None = None) -> Run:
    """`finetune-train` in the Neuron environment, forked from its zygote (trainer_zygote.py
    --neuron: the stack imported once, about 6 s of CPU less per run)."""
    path = kit.write_config(root, config)
    argv, env = finetune_train(path, resume_from), neuron_env(root / "standins")
    python = str(NEURON_PYTHON)
    if kit.Zygote.serves(env, python, neuron=True):
        result = kit.Zygote.get(python, zygote_env(), neuron=True).run(argv, env, RUN_TIMEOUT_S)
    else:
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    return Run(root, result)


@dataclass(frozen=True)
class Case:
    """One straight run: a method at a precision, LoRA targets, on a model, with config overrides."""

    method: str
    precision: str
    targets: tuple[str, ...] = ()
    model: str = "llama-3.1"
    overrides: tuple[tuple[str, Any], ...] = ()
    mixture: bool = False  # two chat files weighted 3:1 instead of one

    @property
    def name(self) -> str:
        return f"{self.method} {self.precision} {'+'.join(self.targets) or 'full'} {self.model}"

    def config(self, root: Path, models: Path, data: dict[str, Path], attempt: int = 1) -> dict[str, Any]:
        """A trn1-style config at TP=1: bf16 always with ZeRO-1 (its fp32 master weights), fp32 without."""
        preference = self.method.startswith("dpo")
        settings: dict[str, Any] = {
            "job.attempt": attempt,
            "training.maxSteps": STEPS,
            "training.seqLength": 128,
            "training.precision": self.precision,
            "parallelism.tensorParallel": 1,
            "parallelism.zero1": self.precision == "bf16",
            "checkpointing.everySteps": CHECKPOINT_EVERY,
            "optimizer.learningRate": 2e-2 if "lora" in self.method else 3e-3,
            "optimizer.warmupSteps": 0,
            "data.format": "preference" if preference else "messages",
        }
        if self.targets:
            settings["lora.targetModules"] = list(self.targets)
        else:
            settings["lora"] = None
        if not preference:
            settings["dpo"] = None
        train = [data["preference" if preference else "chat"]] + ([data["chat-b"]] if self.mixture else [])
        config = kit.make_config(
            root, models / self.model, train, method=self.method, **settings, **dict(self.overrides)
        )
        if self.mixture:
            config["data"]["train"][0]["weight"] = 3.0
        return config


@pytest.fixture(scope="module")
def neuron_python() -> Path:
    """The Neuron environment is part of the suite: missing, every test here fails (never skips)."""
    assert NEURON_PYTHON.exists(), (
        f"{NEURON_PYTHON} is missing: `make prepare` builds it (hack/neuron-venv.sh)"
    )
    return NEURON_PYTHON


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory, neuron_python: Path) -> Path:
    root = tmp_path_factory.mktemp("neuron-models")
    env = neuron_env(root / "standins")
    env["PYTHONPATH"] += f"{os.pathsep}{REPO}"  # the repository's root: hack/'s tiny-model builder
    subprocess.run(
        [str(neuron_python), str(FIXTURES / "build_models.py"), str(root)],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return root


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("neuron-data")
    return {
        "chat": kit.write_jsonl(root / "chat.jsonl", kit.messages_records(200, seed=1)),
        "chat-b": kit.write_jsonl(root / "chat-b.jsonl", kit.messages_records(200, seed=2)),
        "preference": kit.write_jsonl(root / "preference.jsonl", kit.preference_records(200, seed=3)),
    }


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory, models: Path, data: dict[str, Path]
) -> Callable[[Case], Run]:
    """Each case's straight run, made once for the module and checked by every test that names it."""
    done: dict[Case, Run] = {}

    def run(case: Case) -> Run:
        if case not in done:
            root = tmp_path_factory.mktemp(case.name.replace(" ", "-").replace("+", "-"))
            done[case] = neuron_run(root, case.config(root, models, data)).ok()
        return done[case]

    return run


def report(case: str, run: Run, **facts: Any) -> None:
    losses = run.losses()
    row = {
        "case": case,
        "steps": len(losses),
        "first": losses[min(losses)],
        "last": losses[max(losses)],
        **facts,
    }
    print(f"neuron-run: {json.dumps(row)}")


def assert_loss_falls(run: Run) -> None:
    losses = [loss for _, loss in sorted(run.losses().items())]
    assert len(losses) == STEPS, losses
    first, last = statistics.mean(losses[:3]), statistics.mean(losses[-3:])
    assert last < first, f"loss did not fall: {losses}"


def assert_adapter_loads(run: Run, model: Path, targets: tuple[str, ...]) -> None:
    """The consolidated adapter is a plain PEFT adapter of the original (unfused) modules."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    adapter = run.output / "adapter"
    saved = load_file(str(adapter / "adapter_model.safetensors"))
    assert saved and all("lora_" in key for key in saved), sorted(saved)[:4]
    trained = {key.split(".lora_")[0].rsplit(".", 1)[-1] for key in saved}
    assert set(targets) <= trained, (targets, trained)
    wrapped = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(str(model)), str(adapter))
    loaded = {name for name, _ in wrapped.named_parameters() if "lora_" in name}
    assert len(loaded) == len(saved), (len(loaded), len(saved))


def assert_model_loads(directory: Path) -> None:
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(str(directory))
    assert sum(p.numel() for p in model.parameters()) > 0


# -- every method x precision, LoRA with every shipped trn1 target set -------------------------------


def matrix_case(method: str, precision: str, targets: tuple[str, ...]) -> Case:
    """sft fp32 also trains on a weighted mixture with a validation split, validated every
    CHECKPOINT_EVERY steps too, and dpo-lora bf16 also writes merged full weights: each run serves
    those checks too."""
    if method == "sft" and precision == "fp32":
        overrides = (("data.validationSplit", 0.1), ("data.validationEverySteps", CHECKPOINT_EVERY))
        return Case(method, precision, targets, overrides=overrides, mixture=True)
    if method == "dpo-lora" and precision == "bf16":
        return Case(method, precision, targets, overrides=(("output.merge", True),))
    return Case(method, precision, targets)


MATRIX = [
    pytest.param(
        matrix_case(method, precision, targets), id=f"{method}-{precision}-{'+'.join(targets) or 'full'}"
    )
    for method in ("sft", "lora", "dpo", "dpo-lora")
    for precision in ("fp32", "bf16")
    for targets in (RECIPE_TARGETS if "lora" in method else [()])
]


@pytest.mark.parametrize("case", MATRIX)
def test_every_method_trains_and_its_outputs_load(
    case: Case, runs: Callable[[Case], Run], models: Path
) -> None:
    run = runs(case)
    assert_loss_falls(run)
    if case.targets:
        assert_adapter_loads(run, models / case.model, case.targets)
    else:
        assert_model_loads(run.output / "model")
    report(case.name, run, outputsLoad=True)


def test_a_validation_split_reports_validation_loss(runs: Callable[[Case], Run]) -> None:
    """The pass after the last step, and the periodic pass (data.validationEverySteps) on the XLA
    device in the middle of training, which goes on after it."""
    run = runs(matrix_case("sft", "fp32", ()))
    metrics = json.loads((run.output / "metrics.json").read_text())
    assert metrics["step"] == STEPS and 0 < metrics["validationLoss"] < run.losses()[1]
    records = kit.progress_records(run.checkpoints, kind="validation")
    passes = {r["step"]: r["validationLoss"] for r in records}
    assert sorted(passes) == [CHECKPOINT_EVERY, STEPS]
    assert passes[STEPS] == metrics["validationLoss"] and passes[STEPS] < passes[CHECKPOINT_EVERY]


def test_merged_weights_equal_the_adapter_applied_to_the_base(
    runs: Callable[[Case], Run], models: Path
) -> None:
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    case = matrix_case("dpo-lora", "bf16", RECIPE_TARGETS[0])
    run = runs(case)
    merged = AutoModelForCausalLM.from_pretrained(str(run.output / "merged"), dtype=torch.float32)
    base = AutoModelForCausalLM.from_pretrained(str(models / case.model), dtype=torch.float32)
    adapted = PeftModel.from_pretrained(base, str(run.output / "adapter"))
    tokens = torch.tensor([[1, 20, 30, 40, 50, 60]])
    with torch.no_grad():
        torch.testing.assert_close(merged(tokens).logits, adapted(tokens).logits, rtol=1e-4, atol=1e-4)


# -- resume, parity, SIGTERM ------------------------------------------------------------------------


def test_sigterm_checkpoints_and_exits_143_and_the_resumed_run_equals_a_straight_run(
    tmp_path: Path, runs: Callable[[Case], Run], models: Path, data: dict[str, Path]
) -> None:
    """SIGTERM during a step (a pod deletion, a preemption, StopTrainingJob) writes a complete
    checkpoint and exits 143, as on the CPU path; then 8 steps straight == those steps, the stop
    and `--resume-from auto`: the losses of the steps after the checkpoint (which need the
    weights, the optimizer moments, the schedule, the RNG and the data position) and the final
    adapter. In bf16 with ZeRO-1, the case with the most state to restore: the sharded optimizer
    and its fp32 master weights (fp32 resumed as exactly when it was also run, on 2026-12-06). One
    run serves the SIGTERM and the resume checks: each Neuron run costs about 20 CPU-seconds."""
    case = matrix_case("lora", "bf16", RECIPE_TARGETS[0])
    straight = runs(case)
    first = kit.write_config(tmp_path, case.config(tmp_path, models, data))
    stderr = stop_after_checkpoint(first, tmp_path, f"step-{CHECKPOINT_EVERY:08d}")
    assert_no_standin_ran(tmp_path / "standins-stopped")
    checkpoints = tmp_path / "checkpoints"
    saved = kit.progress_records(checkpoints, kind="checkpoint")
    stopped_at = saved[-1]["step"]
    assert CHECKPOINT_EVERY <= stopped_at < STEPS, (saved, stderr[-4000:])
    latest = checkpoints / (checkpoints / "latest").read_text()
    assert json.loads((latest / "COMPLETE").read_text())["step"] == stopped_at
    assert not (tmp_path / "output" / "metrics.json").exists()

    resumed = neuron_run(tmp_path, case.config(tmp_path, models, data, attempt=2), resume_from="auto").ok()
    second_attempt = [r["step"] for r in kit.progress_records(resumed.checkpoints) if r["attempt"] == 2]
    assert second_attempt == list(range(stopped_at + 1, STEPS + 1))
    expected, actual = straight.losses(), resumed.losses()
    assert sorted(actual) == list(range(1, STEPS + 1))
    for step in range(1, STEPS + 1):
        assert actual[step] == pytest.approx(expected[step], rel=1e-5, abs=1e-6), step
    straight_adapter = load_file(str(straight.output / "adapter" / "adapter_model.safetensors"))
    resumed_adapter = load_file(str(resumed.output / "adapter" / "adapter_model.safetensors"))
    assert straight_adapter.keys() == resumed_adapter.keys()
    for key, tensor in straight_adapter.items():
        torch.testing.assert_close(resumed_adapter[key], tensor, rtol=1e-5, atol=1e-6)
    report(f"{case.name} stopped at step {stopped_at} and resumed", resumed, resumeExact=True)


def stop_after_checkpoint(config: Path, root: Path, step_name: str) -> str:
    """Starts a run, sends SIGTERM once `step_name` is the latest checkpoint (the run is then in
    the next step), and returns its stderr once it exited 143."""
    process = subprocess.Popen(
        finetune_train(config),
        env=neuron_env(root / "standins-stopped"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    latest = root / "checkpoints" / "latest"
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        if latest.exists() and latest.read_text() == step_name:
            process.send_signal(signal.SIGTERM)
            break
        time.sleep(0.01)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143, f"exit {process.returncode}, not 143 after SIGTERM: {stderr[-6000:]}"
    return stderr


def test_step_losses_equal_the_cpu_paths_with_packing_off(
    tmp_path: Path, runs: Callable[[Case], Run], models: Path, data: dict[str, Path]
) -> None:
    """The same config on the CPU (FSDP) path in the main environment: the Neuron path computes the
    same losses at every step. Packing is off because the Neuron attention applies one causal mask
    per packed row. The targets are the decoder's layers optimum-neuron does not fuse at TP=1: a
    fused gate/up layer gets one LoRA A for both (test_a_fused_gate_up_adapter_...), another
    parametrisation than PEFT's, so its losses are not the CPU path's."""
    targets = ("q_proj", "k_proj", "v_proj", "o_proj", "down_proj")
    case = Case("lora", "fp32", targets, overrides=(("training.packing", False), ("lora.dropout", 0.0)))
    neuron = runs(case)
    assert_adapter_loads(neuron, models / case.model, targets)
    result = kit.run_trainer(kit.write_config(tmp_path, case.config(tmp_path, models, data)))
    assert result.returncode == 0, result.stderr[-6000:]
    cpu = Run(tmp_path, result).losses()
    assert sorted(neuron.losses()) == sorted(cpu) == list(range(1, STEPS + 1))
    for step, loss in neuron.losses().items():
        assert loss == pytest.approx(cpu[step], abs=1e-4), (step, loss, cpu[step])
    report(f"{case.name} parity", neuron, cpuFirst=cpu[1], cpuLast=cpu[STEPS], outputsLoad=True)


def test_a_fused_gate_up_adapter_trains_and_consolidates_to_peft_names(
    runs: Callable[[Case], Run], models: Path
) -> None:
    """optimum-neuron always fuses gate_proj and up_proj: LoRA adapts the fused layer, and the
    consolidated adapter is PEFT's, on the original module names."""
    targets = ("gate_proj", "up_proj")
    run = runs(Case("lora", "bf16", targets))
    assert_loss_falls(run)
    assert_adapter_loads(run, models / "llama-3.1", targets)
    report("lora bf16 gate_proj+up_proj llama-3.1", run, outputsLoad=True)


# -- divergence: the rollback reloads through the Neuron checkpoint path -----------------------------


def test_a_spiking_run_rolls_back_through_zero1_and_finishes(
    tmp_path: Path, models: Path, data: dict[str, Path]
) -> None:
    """The CPU path's spiking run (test_trainer_divergence.py: full fine-tuning at a learning rate
    of 1) on Neuron, in bf16 with ZeRO-1, whose optimizer wraps the one the scheduler drives: the
    spike is caught, the checkpoint before it is reloaded mid-run, the lowered learning rate
    reaches the steps after it, and the run finishes with its outputs."""
    config = Case("sft", "bf16").config(tmp_path, models, data)
    config["training"]["maxSteps"] = 6
    config["optimizer"].update(learningRate=1.0, scheduler="constant")
    config["checkpointing"]["everySteps"] = 1
    config["divergence"].update(window=2, learningRateFactor=0.1, maxRollbacks=2)
    run = neuron_run(tmp_path, config).ok()
    (rollback,) = kit.progress_records(run.checkpoints, "rollback")
    assert rollback["step"] == 3 and rollback["restoredStep"] == 1, rollback
    assert rollback["learningRate"] == pytest.approx(0.1)
    after = [r for r in kit.progress_records(run.checkpoints) if r["time"] >= rollback["time"]][-5:]
    assert [r["step"] for r in after] == [2, 3, 4, 5, 6]
    assert all(r["learningRate"] == pytest.approx(0.1) and r["loss"] < 10 for r in after), after
    assert_model_loads(run.output / "model")
    report("sft bf16 full llama-3.1, a spike rolled back", run, rollback=rollback["reason"])


# -- the other architectures the trn1 recipes name, and what the Neuron path refuses ------------------


def test_llama_3_2_with_tied_embeddings_trains_in_full_and_its_model_loads(
    runs: Callable[[Case], Run],
) -> None:
    run = runs(Case("sft", "bf16", model="llama-3.2"))
    assert_loss_falls(run)
    assert_model_loads(run.output / "model")
    report("sft bf16 full llama-3.2", run, outputsLoad=True)


@pytest.mark.parametrize("model", ["mistral", "qwen2"])
def test_architectures_optimum_neuron_cannot_train_exit_2_before_training(
    tmp_path: Path, models: Path, data: dict[str, Path], model: str
) -> None:
    """optimum-neuron 0.4.5 trains Llama, Granite and Qwen3 only; the contract's exit 2 (the job
    cannot run as written) comes before any step."""
    case = Case("lora", "bf16", RECIPE_TARGETS[0], model=model)
    run = neuron_run(tmp_path, case.config(tmp_path, models, data))
    assert run.result.returncode == 2, run.result.stderr[-4000:]
    assert "cannot train on Neuron" in run.result.stderr, run.result.stderr[-4000:]
    assert not kit.progress_file(run.checkpoints).exists()


def test_grpo_is_refused_on_neuron_with_exit_2(tmp_path: Path, models: Path) -> None:
    prompts = kit.write_jsonl(tmp_path / "prompts.jsonl", kit.prompt_records(8, seed=1))
    config = kit.grpo_config(
        tmp_path,
        models / "llama-3.1",
        [prompts],
        [{"name": "answer", "builtin": "exact-match", "field": "answer"}],
        **{"parallelism.tensorParallel": 1, "parallelism.zero1": False},
    )
    run = neuron_run(tmp_path, config)
    assert run.result.returncode == 2, run.result.stderr[-4000:]
    assert "does not run on Neuron" in run.result.stderr, run.result.stderr[-4000:]
