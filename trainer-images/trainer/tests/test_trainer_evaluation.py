"""The final evaluation: its metrics against reference computations (TRL's for DPO), and end-to-end
runs of the trainer with an `evaluation` section (the tiny model, a few steps)."""

from __future__ import annotations

import collections
import json
import math
import subprocess
import types
from pathlib import Path
from typing import Any

import pytest
import torch
import trainer_testkit as kit

from finetune_contract.evaluation import EVALUATION_FILE, GENERATIONS_FILE, metrics_of
from finetune_contract.methods import Method
from finetune_trainer.evaluation import (
    evaluation_document,
    preference_metrics,
    reward_metrics,
    score_completion,
    supervised_metrics,
)
from finetune_trainer.methods import dpo_loss
from finetune_trainer.rewards import Completion, Reward, RewardError

ALL_LINEAR = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def _ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, (
        f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    )


def _trl_dpo_eval_metrics(
    policy_tokens: torch.Tensor, reference_sequences: torch.Tensor, mask: torch.Tensor, beta: float
) -> dict[str, float]:
    """TRL 1.16's `DPOTrainer._compute_loss` itself (eval mode, sigmoid loss, precomputed reference
    log-probs), on an object with just the attributes it reads and a model that returns the given
    per-token log-probs: its loss and its `rewards/accuracies` and `rewards/margins` metrics."""
    from trl import DPOTrainer

    rows, width = policy_tokens.shape
    metrics: dict[str, dict[str, list[float]]] = collections.defaultdict(
        lambda: collections.defaultdict(list)
    )
    identity = lambda x, **_: x  # noqa: E731
    outputs = types.SimpleNamespace(
        log_probs=policy_tokens,
        entropy=torch.zeros(rows, width),
        mean_logits=torch.zeros(rows, width),
        is_top1=torch.zeros(rows, width, dtype=torch.bool),
    )
    model = types.SimpleNamespace(training=False)
    trainer = types.SimpleNamespace(
        model=model,
        accelerator=types.SimpleNamespace(
            device=torch.device("cpu"), gather=identity, gather_for_metrics=identity, reduce=identity
        ),
        aux_loss_enabled=False,
        ld_alpha=None,
        precompute_ref_logps=True,
        f_divergence_type="reverse_kl",
        loss_types=["sigmoid"],
        loss_weights=[1.0],
        beta=beta,
        label_smoothing=0.0,
        use_weighting=False,
        _metrics=metrics,
        _total_train_tokens=0,
        _tp_size=1,
    )
    pairs = rows // 2
    # TRL's completion mask covers input positions; the model's log-probs are of the next tokens.
    completion_mask = torch.cat([torch.zeros(rows, 1, dtype=torch.long), mask.long()], dim=1)
    inputs = {
        "input_ids": torch.zeros(rows, width + 1, dtype=torch.long),
        "attention_mask": torch.ones(rows, width + 1, dtype=torch.long),
        "completion_mask": completion_mask,
        "ref_chosen_logps": reference_sequences[:pairs],
        "ref_rejected_logps": reference_sequences[pairs:],
    }
    fake_model = lambda **_: outputs  # noqa: E731
    loss = DPOTrainer._compute_loss(trainer, fake_model, inputs, return_outputs=False)
    return {
        "evalLoss": float(loss),
        "evalRewardAccuracy": metrics["eval"]["rewards/accuracies"][-1],
        "evalRewardMargin": metrics["eval"]["rewards/margins"][-1],
    }


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_dpo_metrics_summed_over_micro_batches_equal_trls(seed: int) -> None:
    generator = torch.Generator().manual_seed(seed)
    pairs, width, beta = 6, 5, 0.3
    mask = torch.rand(2 * pairs, width, generator=generator) > 0.3
    tokens = -torch.rand(2 * pairs, width, generator=generator) * 3 * mask
    reference = -torch.rand(2 * pairs, generator=generator) * 8
    expected = _trl_dpo_eval_metrics(tokens, reference, mask, beta)

    # Ours: the per-pair sums of micro-batches of 2 pairs (as the trainer sums them), then the metrics.
    policy = tokens.sum(dim=1)
    loss_sum = margin_sum = ranked_right = 0.0
    for first in range(0, pairs, 2):
        chosen, rejected = slice(first, first + 2), slice(pairs + first, pairs + first + 2)
        batch_policy = torch.cat([policy[chosen], policy[rejected]])
        batch_reference = torch.cat([reference[chosen], reference[rejected]])
        summed, margin = dpo_loss(batch_policy, batch_reference, beta)
        loss_sum += float(summed)
        margin_sum += float(margin.sum())
        ranked_right += float((margin > 0).float().sum())
    ours = preference_metrics(loss_sum, margin_sum, ranked_right, pairs)
    assert ours == pytest.approx(expected, rel=1e-5)
    assert 0.0 < ours["evalRewardAccuracy"] < 1.0  # the inputs rank some pairs each way


def test_supervised_metrics_are_the_token_mean_loss_and_its_exponential() -> None:
    logits = torch.randn(3, 7, 11, generator=torch.Generator().manual_seed(4))
    labels = torch.randint(0, 11, (3, 7), generator=torch.Generator().manual_seed(5))
    labels[0, :3] = -100
    reference = torch.nn.functional.cross_entropy(logits.view(-1, 11), labels.view(-1), ignore_index=-100)
    summed = torch.nn.functional.cross_entropy(
        logits.view(-1, 11), labels.view(-1), ignore_index=-100, reduction="sum"
    )
    metrics = supervised_metrics(float(summed), float((labels != -100).sum()))
    assert metrics["evalLoss"] == pytest.approx(float(reference), rel=1e-6)
    assert metrics["evalPerplexity"] == pytest.approx(math.exp(float(reference)), rel=1e-6)
    assert supervised_metrics(1e6, 1.0)["evalPerplexity"] == math.inf


def test_reward_metrics_weigh_the_functions_and_skip_a_failed_record() -> None:
    def failing_on_empty(completion: Completion) -> float:
        if not completion.text:
            raise RewardError("empty completion")
        return 1.0

    rewards = [Reward("one", 2.0, failing_on_empty), Reward("length", -0.5, lambda c: float(len(c.text)))]
    completions = [Completion("p", text, len(text), {}) for text in ("ab", "abcd", "")]
    scored = [s for c in completions if (s := score_completion(rewards, c)) is not None]
    result = reward_metrics(rewards, scored)
    assert result.examples == 2
    assert result.rewards == {"one": 1.0, "length": 3.0}
    assert result.metrics == {"evalReward": pytest.approx(2.0 * 1.0 - 0.5 * 3.0)}


def test_the_document_leaves_out_what_json_cannot_carry() -> None:
    result = reward_metrics([Reward("r", 1.0, lambda c: 0.0)], [])
    document = evaluation_document(result, 2, None, "2026-12-07T00:00:00Z")
    assert document == {
        "attempt": 2,
        "metrics": {},
        "examples": 0,
        "rewards": {},
        "time": "2026-12-07T00:00:00Z",
    }


def test_a_lora_run_evaluates_its_held_out_set_and_answers_the_test_prompts(
    tmp_path: Path, tiny_model: Path
) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(120, seed=7))
    held_out = kit.write_jsonl(tmp_path / "held-out.jsonl", kit.messages_records(12, seed=8))
    prompts = kit.write_jsonl(tmp_path / "prompts.jsonl", kit.prompt_records(3, seed=9))
    config = kit.make_config(
        tmp_path,
        tiny_model,
        [data],
        method="lora",
        **{
            "training.maxSteps": 4,
            "lora.targetModules": ALL_LINEAR,
            "data.validation": {"path": str(held_out)},
            "evaluation": {"path": None, "prompts": str(prompts), "maxNewTokens": 5},
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    output = tmp_path / "output"
    document: dict[str, Any] = json.loads((output / EVALUATION_FILE).read_text())
    metrics = document["metrics"]
    assert set(metrics) == set(metrics_of(Method.LORA))
    # The held-out set defaults to the validation set: the same sum as the validation pass.
    validation = json.loads((output / "metrics.json").read_text())["validationLoss"]
    assert metrics["evalLoss"] == pytest.approx(validation, rel=1e-5)
    assert metrics["evalPerplexity"] == pytest.approx(math.exp(metrics["evalLoss"]), rel=1e-5)
    assert document["examples"] == 12 and document["attempt"] == 1
    assert document["artifact"] == str(output / GENERATIONS_FILE)
    generations = [json.loads(line) for line in (output / GENERATIONS_FILE).read_text().splitlines()]
    assert [g["prompt"] for g in generations] == [r["prompt"] for r in kit.prompt_records(3, seed=9)]
    assert all(isinstance(g["answer"], str) for g in generations)
    (record,) = kit.progress_records(tmp_path / "checkpoints", kind="evaluation")
    assert record["metrics"] == metrics
