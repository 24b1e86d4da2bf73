"""End-to-end runs of `finetune-train` (and torchrun with 2 gloo ranks) on the tiny model."""

from __future__ import annotations

import json
import math
import signal
import statistics
import subprocess
import time
from pathlib import Path

import pytest
import torch
import trainer_testkit as kit
from safetensors.torch import load_file

ALL_LINEAR = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


@pytest.fixture(scope="module")
def chat_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kit.write_jsonl(tmp_path_factory.mktemp("data") / "train.jsonl", kit.messages_records(400, seed=1))


def _ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, (
        f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    )


def _losses(checkpoint_dir: Path) -> dict[int, float]:
    """The last logged loss of every step (a resumed run logs the steps after its checkpoint again)."""
    return {r["step"]: r["loss"] for r in kit.progress_records(checkpoint_dir)}


def _first_and_last(losses: dict[int, float], window: int = 5) -> tuple[float, float]:
    ordered = [losses[s] for s in sorted(losses)]
    return statistics.mean(ordered[:window]), statistics.mean(ordered[-window:])


@pytest.mark.parametrize(
    ("method", "learning_rate"),
    [("lora", 1e-2), ("sft", 3e-3)],
)
def test_loss_goes_down(
    tmp_path: Path, tiny_model: Path, chat_data: Path, method: str, learning_rate: float
) -> None:
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [chat_data],
        method=method,
        **{
            "training.maxSteps": 30,
            "optimizer.learningRate": learning_rate,
            "lora.targetModules": ALL_LINEAR,
            "data.validationSplit": 0.05,
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    first, last = _first_and_last(_losses(tmp_path / "checkpoints"))
    assert last < first - 1.0, (first, last)
    metrics = json.loads((tmp_path / "output" / "metrics.json").read_text())
    assert metrics["step"] == 30 and metrics["validationLoss"] < first
    if method == "lora":
        assert (tmp_path / "output" / "adapter" / "adapter_model.safetensors").is_file()
        assert json.loads((tmp_path / "output" / "adapter" / "adapter_config.json").read_text())["r"] == 8
    else:
        from transformers import AutoModelForCausalLM

        AutoModelForCausalLM.from_pretrained(str(tmp_path / "output" / "model"))


def test_two_process_fsdp_run_completes_and_checkpoints(
    tmp_path: Path, tiny_model: Path, chat_data: Path
) -> None:
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [chat_data],
        **{
            "training.maxSteps": 6,
            "checkpointing.everySteps": 3,
            "training.gradientCheckpointing": True,
            "training.precision": "bf16",  # FSDP2 mixed precision on CPU, as the local demo runs it
            "logging.tensorboardDir": str(tmp_path / "tensorboard"),
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config), processes=2))
    checkpoints = tmp_path / "checkpoints"
    assert (checkpoints / "latest").read_text() == "step-00000006"
    manifest = json.loads((checkpoints / "step-00000006" / "COMPLETE").read_text())
    assert manifest["worldSize"] == 2
    # One DCP shard file per rank, for the model and for the optimizer.
    assert {p.name for p in (checkpoints / "step-00000006" / "model").glob("*.distcp")} == {
        "__0_0.distcp",
        "__1_0.distcp",
    }
    assert sorted(_losses(checkpoints)) == list(range(1, 7))
    assert (tmp_path / "output" / "adapter" / "adapter_model.safetensors").is_file()
    assert list((tmp_path / "tensorboard").glob("events.out.tfevents.*"))


@pytest.mark.parametrize("processes", [1, 2])
def test_resume_after_kill_matches_an_uninterrupted_run(
    tmp_path: Path, tiny_model: Path, chat_data: Path, processes: int
) -> None:
    overrides = {
        "training.maxSteps": 40,
        "checkpointing.everySteps": 20,
        "training.gradientAccumulationSteps": 4,
        "lora.dropout": 0.1,
    }
    straight = tmp_path / "straight"
    _ok(
        kit.run_trainer(
            kit.write_config(straight, kit.make_config(straight, tiny_model, [chat_data], **overrides)),
            processes=processes,
        )
    )

    resumed = tmp_path / "resumed"
    first_config = kit.write_config(resumed, kit.make_config(resumed, tiny_model, [chat_data], **overrides))
    kit.kill_after_checkpoint(first_config, processes, resumed / "checkpoints", "step-00000020")
    assert not (resumed / "output" / "metrics.json").exists()
    second_config = kit.write_config(
        resumed, kit.make_config(resumed, tiny_model, [chat_data], **overrides, **{"job.attempt": 2})
    )
    _ok(kit.run_trainer(second_config, processes=processes, resume_from="auto"))

    expected, actual = _losses(straight / "checkpoints"), _losses(resumed / "checkpoints")
    assert sorted(actual) == list(range(1, 41))
    for step in range(1, 41):
        assert actual[step] == pytest.approx(expected[step], rel=1e-5, abs=1e-6), step
    # Attempt 2 really resumed: its first step is the one after the checkpoint (a fresh start
    # would log steps 1-40 again, and with the same seed would match too).
    second_attempt = [r["step"] for r in kit.progress_records(resumed / "checkpoints") if r["attempt"] == 2]
    assert second_attempt == list(range(21, 41))
    straight_adapter = load_file(str(straight / "output" / "adapter" / "adapter_model.safetensors"))
    resumed_adapter = load_file(str(resumed / "output" / "adapter" / "adapter_model.safetensors"))
    assert straight_adapter.keys() == resumed_adapter.keys() and straight_adapter
    for key, tensor in straight_adapter.items():
        torch.testing.assert_close(resumed_adapter[key], tensor, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("processes", [1, 2])
def test_sigterm_checkpoints_and_exits_143_within_the_grace_period(
    tmp_path: Path, tiny_model: Path, chat_data: Path, processes: int
) -> None:
    config = kit.write_config(
        tmp_path,
        kit.make_config(
            tmp_path,
            tiny_model,
            [chat_data],
            **{"training.maxSteps": 100000, "checkpointing.everySteps": 100000},
        ),
    )
    # The signal goes to the top process only, as kubelet and SageMaker send it to the container's PID 1.
    process = subprocess.Popen(
        kit.command(config, processes),
        env=kit.trainer_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    progress = kit.progress_file(tmp_path / "checkpoints")
    deadline = time.monotonic() + 120
    while not (progress.exists() and progress.read_text().count("\n") >= 3):
        assert time.monotonic() < deadline and process.poll() is None, "training never started"
        time.sleep(0.05)
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    elapsed = time.monotonic() - sent
    assert process.returncode == 143, stderr[-4000:]
    assert elapsed < 30, (
        f"took {elapsed:.1f} s after SIGTERM (SageMaker grants 120 s, Kubernetes 30 s by default)"
    )
    checkpoints = kit.progress_records(tmp_path / "checkpoints", kind="checkpoint")
    assert len(checkpoints) == 1
    step = checkpoints[0]["step"]
    assert 3 <= step < 100000
    latest = tmp_path / "checkpoints" / (tmp_path / "checkpoints" / "latest").read_text()
    manifest = json.loads((latest / "COMPLETE").read_text())
    assert (manifest["step"], manifest["worldSize"]) == (step, processes)
    assert not (tmp_path / "output" / "metrics.json").exists()


def test_periodic_validation_reports_every_n_steps_as_the_final_pass_would(
    tmp_path: Path, tiny_model: Path, chat_data: Path
) -> None:
    """data.validationEverySteps 2 on 2 ranks (issue 27: a sweep's pruner needs eval losses along
    the way): one validation record after steps 2 and 4 and one after the last step (6), and the
    last is metrics.json's validationLoss. A periodic pass is the final pass's computation and
    changes no training step: the same run stopped at step 4 without periodic passes (a constant
    learning rate, so its first 4 steps are the same; dropout on) ends with step 4's value as its
    final validation loss and with the same step losses."""
    overrides = {
        "optimizer.scheduler": "constant",
        "optimizer.learningRate": 1e-2,
        "data.validationSplit": 0.1,
        "lora.dropout": 0.1,
    }
    periodic, short = tmp_path / "periodic", tmp_path / "short"
    config = kit.make_config(
        periodic,
        tiny_model,
        [chat_data],
        **overrides,
        **{"training.maxSteps": 6, "data.validationEverySteps": 2},
    )
    result = kit.run_trainer(kit.write_config(periodic, config), processes=2)
    _ok(result)
    config = kit.make_config(short, tiny_model, [chat_data], **overrides, **{"training.maxSteps": 4})
    _ok(kit.run_trainer(kit.write_config(short, config), processes=2))

    passes = kit.progress_records(periodic / "checkpoints", kind="validation")
    assert [(r["attempt"], r["step"]) for r in passes] == [(1, 2), (1, 4), (1, 6)]
    assert result.stdout.count("finetune-metrics validation step=") == 3  # SageMaker's validation:loss
    values = {r["step"]: r["validationLoss"] for r in passes}
    assert values[2] != values[4] != values[6], "each pass saw the weights of its own step"
    metrics = json.loads((periodic / "output" / "metrics.json").read_text())
    assert metrics["validationLoss"] == values[6]
    (short_pass,) = kit.progress_records(short / "checkpoints", kind="validation")
    assert short_pass["step"] == 4
    assert values[4] == pytest.approx(short_pass["validationLoss"], rel=1e-5, abs=1e-6)
    expected, actual = _losses(short / "checkpoints"), _losses(periodic / "checkpoints")
    assert sorted(actual) == list(range(1, 7))
    for step in range(1, 5):
        assert actual[step] == pytest.approx(expected[step], rel=1e-5, abs=1e-6), step


def test_dpo_lora_raises_the_chosen_over_rejected_margin(tmp_path: Path, tiny_model: Path) -> None:
    data = kit.write_jsonl(tmp_path / "pref.jsonl", kit.preference_records(200, seed=3))
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [data],
        method="dpo-lora",
        **{
            "data.format": "preference",
            "training.maxSteps": 25,
            "optimizer.learningRate": 1e-2,
            "lora.targetModules": ALL_LINEAR,
            "data.validationSplit": 0.1,
            "dpo.beta": 0.5,
            "evaluation": {"path": None, "prompts": None, "maxNewTokens": 8},
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    records = kit.progress_records(tmp_path / "checkpoints")
    # LoRA B starts at zero: at step 1 the policy is the reference, so the margin is zero.
    assert records[0]["rewardMargin"] == pytest.approx(0.0, abs=1e-4)
    assert statistics.mean(r["rewardMargin"] for r in records[-5:]) > 1.0
    metrics = json.loads((tmp_path / "output" / "metrics.json").read_text())
    assert metrics["validationRewardAccuracy"] > 0.8
    # The final evaluation of the validation split: the same pairs, so the same accuracy.
    evaluation = json.loads((tmp_path / "output" / "evaluation.json").read_text())
    assert set(evaluation["metrics"]) == {"evalLoss", "evalRewardAccuracy", "evalRewardMargin"}
    assert evaluation["metrics"]["evalRewardAccuracy"] == pytest.approx(metrics["validationRewardAccuracy"])
    assert evaluation["metrics"]["evalRewardMargin"] > 1.0
    assert evaluation["metrics"]["evalLoss"] == pytest.approx(metrics["validationLoss"], rel=1e-5, abs=1e-6)


def test_full_dpo_with_a_frozen_reference_model_trains(tmp_path: Path, tiny_model: Path) -> None:
    data = kit.write_jsonl(tmp_path / "pref.jsonl", kit.preference_records(100, seed=4))
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [data],
        method="dpo",
        **{
            "data.format": "preference",
            "training.maxSteps": 15,
            "optimizer.learningRate": 2e-3,
            "dpo.beta": 0.5,
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    records = kit.progress_records(tmp_path / "checkpoints")
    assert records[0]["rewardMargin"] == pytest.approx(0.0, abs=1e-4)  # policy == reference at step 1
    assert statistics.mean(r["rewardMargin"] for r in records[-5:]) > 0.5


def test_merged_model_logits_equal_the_adapter_model_logits(
    tmp_path: Path, tiny_model: Path, chat_data: Path
) -> None:
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [chat_data],
        **{
            "training.maxSteps": 8,
            "output.merge": True,
            "lora.targetModules": ALL_LINEAR,
            "optimizer.learningRate": 1e-2,
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(str(tiny_model))
    adapter_model = PeftModel.from_pretrained(base, str(tmp_path / "output" / "adapter")).eval()
    merged = AutoModelForCausalLM.from_pretrained(str(tmp_path / "output" / "merged")).eval()
    ids = torch.randint(0, 500, (2, 24), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        adapter_logits = adapter_model(input_ids=ids).logits
        merged_logits = merged(input_ids=ids).logits
        base_logits = AutoModelForCausalLM.from_pretrained(str(tiny_model))(input_ids=ids).logits
    torch.testing.assert_close(merged_logits, adapter_logits, rtol=1e-4, atol=1e-4)
    assert (merged_logits - base_logits).abs().max() > 1e-2  # the adapter did change the model


def _bedrock_preference(record: dict) -> dict:
    return {
        "schemaVersion": "bedrock-conversation-2024",
        "system": [{"text": "follow the instruction"}],
        "messages": [
            {"role": "user", "content": [{"text": record["prompt"]}]},
            {
                "role": "assistant",
                "candidates": [
                    {"content": [{"text": record["rejected"]}], "preferenceLabel": "non-preferred"},
                    {"content": [{"text": record["chosen"]}], "preferenceLabel": "preferred"},
                ],
            },
        ],
    }


@pytest.mark.parametrize(
    ("method", "data_format", "records", "packing"),
    [
        ("lora", "prompt-completion", lambda: kit.prompt_completion_records(60, seed=5), False),
        (
            "dpo-lora",
            "bedrock-conversation",
            lambda: map(_bedrock_preference, kit.preference_records(60, 6)),
            False,
        ),
    ],
)
def test_other_formats_and_unpacked_batches_train(
    tmp_path: Path, tiny_model: Path, method: str, data_format: str, records, packing: bool
) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", list(records()))
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [data],
        method=method,
        **{"data.format": data_format, "training.packing": packing, "training.maxSteps": 3},
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    records_logged = kit.progress_records(tmp_path / "checkpoints")
    assert [r["step"] for r in records_logged] == [1, 2, 3]
    assert all(math.isfinite(r["loss"]) for r in records_logged)
    assert (tmp_path / "output" / "adapter" / "adapter_model.safetensors").is_file()


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


def test_a_second_run_under_the_same_name_leaves_the_first_runs_files_alone(
    tmp_path: Path, tiny_model: Path, chat_data: Path
) -> None:
    """Issue 23, item 4: a job deleted and created again under its name (same checkpoint directory,
    a new uid) writes its progress, outputs and TensorBoard logs into its own run directories
    (`<dir>/<uid>` as the operator resolves them, `runs/<uid>/progress.jsonl` below the shared
    checkpoints) and changes nothing of the earlier run's; the earlier run's checkpoints are kept."""

    def run(uid: str) -> None:
        config = kit.make_config(
            tmp_path,
            tiny_model,
            [chat_data],
            **{
                "job.uid": uid,
                "training.maxSteps": 4,
                "checkpointing.everySteps": 2,
                "output.dir": str(tmp_path / "output" / uid),
                "logging.tensorboardDir": str(tmp_path / "tensorboard" / uid),
            },
        )
        _ok(kit.run_trainer(kit.write_config(tmp_path, config), resume_from="auto"))

    checkpoints = tmp_path / "checkpoints"
    run("uid-first")
    first = {
        "output": _snapshot(tmp_path / "output" / "uid-first"),
        "tensorboard": _snapshot(tmp_path / "tensorboard" / "uid-first"),
        "progress": kit.progress_file(checkpoints, "uid-first").read_bytes(),
    }
    assert "adapter/adapter_model.safetensors" in first["output"] and "metrics.json" in first["output"]
    assert first["tensorboard"], "the first run wrote no TensorBoard events"

    run("uid-second")
    assert _snapshot(tmp_path / "output" / "uid-first") == first["output"]
    assert _snapshot(tmp_path / "tensorboard" / "uid-first") == first["tensorboard"]
    assert kit.progress_file(checkpoints, "uid-first").read_bytes() == first["progress"]
    # The second run trained from scratch (not from the first's checkpoints) and logged only itself.
    assert [r["step"] for r in kit.progress_records(checkpoints, uid="uid-second")] == [1, 2, 3, 4]
    assert (tmp_path / "output" / "uid-second" / "metrics.json").is_file()
    # The first run's checkpoints of the same steps were moved aside, never deleted.
    assert len(list(checkpoints.glob("step-00000004.other-job-*"))) == 1
    assert not (checkpoints / "progress.jsonl").exists()
