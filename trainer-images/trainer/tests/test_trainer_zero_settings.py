"""Settings where 0 (or null) switches something off must switch only that off.

`optimizer.maxGradNorm: 0` once multiplied every gradient by 0: the job ran, logged a loss and
learned nothing. Each "0 disables it" setting of the trainer is checked here for what it keeps.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
import trainer_testkit as kit
from safetensors.torch import load_file
from torch import nn

from finetune_trainer.config import parse_config
from finetune_trainer.device import Runtime
from finetune_trainer.fsdp import FsdpPlatform
from finetune_trainer.mixture import SequenceStream, validation_holdout
from finetune_trainer.schedule import LrMultiplier
from finetune_trainer.train import Trainer

CPU_RUNTIME = Runtime(0, 1, 0, "cpu", torch.device("cpu"), data_rank=0, data_world_size=1)


def _one_step(max_grad_norm: float) -> tuple[float, torch.Tensor, torch.Tensor, torch.Tensor]:
    """One AdamW step of a linear model through the FSDP platform: norm, grad, before, after."""
    torch.manual_seed(0)
    model = nn.Linear(8, 4)
    before = model.weight.detach().clone()
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.1, weight_decay=0.0)
    platform = FsdpPlatform(runtime=CPU_RUNTIME, dtype=torch.float32, max_grad_norm=max_grad_norm)
    (model(torch.randn(16, 8)) * 10).square().mean().backward()
    expected_norm = float(torch.cat([p.grad.flatten() for p in model.parameters()]).norm())
    norm = platform.step(model, optimizer)
    assert norm == pytest.approx(expected_norm, rel=1e-6)  # the norm before any clipping
    assert model.weight.grad is not None
    return norm, model.weight.grad, before, model.weight.detach()


def test_max_grad_norm_zero_disables_clipping_and_the_parameters_move() -> None:
    norm, grad, before, after = _one_step(0.0)
    assert norm > 1.0
    assert float(grad.norm()) > 1.0  # not scaled down, let alone to zero
    assert not torch.equal(before, after)


def test_max_grad_norm_above_zero_clips_to_it() -> None:
    norm, unclipped, _, _ = _one_step(0.0)
    assert norm > 0.5
    _, clipped, _, _ = _one_step(0.5)
    torch.testing.assert_close(clipped, unclipped * (0.5 / norm), rtol=1e-4, atol=0)


def test_warmup_steps_zero_starts_at_the_peak_learning_rate() -> None:
    for kind in ("cosine", "linear", "constant"):
        assert LrMultiplier(kind, warmup_steps=0, total_steps=10)(0) == 1.0


def test_validation_split_zero_holds_out_nothing() -> None:
    assert validation_holdout(1000, 0.0, seed=1, source=0) == set()


def test_max_steps_zero_runs_the_epochs() -> None:
    config = parse_config(
        kit.make_config(
            Path("/r"), Path("/m"), [Path("/d.jsonl")], **{"training.maxSteps": 0, "training.epochs": 3}
        )
    )
    platform = SimpleNamespace(runtime=CPU_RUNTIME)
    trainer = Trainer(config=config, platform=platform, env={})  # type: ignore[arg-type]
    stream = SequenceStream(lambda epoch: [[(0, i)] for i in range(10)])
    rows_per_step = config.training.micro_batch_size * config.training.gradient_accumulation_steps
    assert trainer._total_steps(stream) == math.ceil(3 * 10 / rows_per_step)
    explicit = dataclasses.replace(config, training=dataclasses.replace(config.training, max_steps=4))
    assert Trainer(config=explicit, platform=platform, env={})._total_steps(stream) == 4  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["sft", "lora"])
def test_a_run_with_max_grad_norm_zero_learns(tmp_path: Path, tiny_model: Path, method: str) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(40, seed=3))
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [data],
        method=method,
        **{
            "training.maxSteps": 2,
            "optimizer.maxGradNorm": 0,
            "optimizer.warmupSteps": 0,
            "lora.dropout": 0,
        },
    )
    result = kit.run_trainer(kit.write_config(tmp_path, config))
    assert result.returncode == 0, result.stderr[-4000:]
    steps = kit.progress_records(tmp_path / "checkpoints")
    assert all(record["gradNorm"] > 0 for record in steps)
    base = load_file(str(tiny_model / "model.safetensors"))
    if method == "sft":
        trained = load_file(str(tmp_path / "output" / "model" / "model.safetensors"))
        changed = [name for name, tensor in base.items() if not torch.equal(tensor, trained[name])]
        # The head and embeddings too: the chunked loss head runs inside FSDP's root module.
        assert {
            "model.layers.0.self_attn.q_proj.weight",
            "lm_head.weight",
            "model.embed_tokens.weight",
        } <= set(changed)
    else:
        adapter = load_file(str(tmp_path / "output" / "adapter" / "adapter_model.safetensors"))
        # peft initialises B to zero; a step that moved nothing would leave it there.
        assert any(t.abs().max() > 0 for n, t in adapter.items() if "lora_B" in n)
    assert json.loads((tmp_path / "output" / "metrics.json").read_text())["step"] == 2
