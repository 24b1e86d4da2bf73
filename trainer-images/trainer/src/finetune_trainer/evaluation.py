"""The final evaluation (`evaluation` section; docs/trainer.md, "Final evaluation"): the trainer's
last phase, after the output is written, on every platform and backend.

The metrics are those `finetune_contract.evaluation.metrics_of` names for the method:

- sft, lora: `evalLoss`, the mean cross-entropy per target token over the held-out set (the same
  sum the validation pass takes), and `evalPerplexity` = exp(evalLoss);
- dpo, dpo-lora: `evalLoss`, the mean DPO loss per pair, `evalRewardAccuracy`, the share of pairs
  whose chosen answer's implicit reward beta * log(pi / pi_ref) is above the rejected one's, and
  `evalRewardMargin`, the mean of chosen minus rejected reward (TRL's `rewards/accuracies` and
  `rewards/margins`; tests/test_trainer_evaluation.py compares them with TRL's computation);
- grpo, grpo-lora: `evalReward`, the mean weighted reward of one greedy completion per held-out
  prompt, and each reward function's own mean.

The pure functions here turn sums into metrics; `train.Trainer._evaluate` collects the sums.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from finetune_contract.evaluation import EVALUATION_FILE, GENERATIONS_FILE, EvaluationMetric
from finetune_trainer.rewards import Completion, Reward, RewardError

MAX_PERPLEXITY_LOSS = 700.0
"""exp() of more overflows a float: such a model's perplexity is reported as infinite."""


@dataclasses.dataclass(frozen=True)
class EvaluationResult:
    metrics: dict[str, float]
    examples: int
    rewards: dict[str, float] | None = None
    """GRPO methods: each reward function's mean score."""


def supervised_metrics(loss_sum: float, tokens: float) -> dict[str, float]:
    """evalLoss and evalPerplexity from the summed token cross-entropy over ``tokens`` targets."""
    loss = loss_sum / max(tokens, 1.0)
    perplexity = math.exp(loss) if loss <= MAX_PERPLEXITY_LOSS else math.inf
    return {EvaluationMetric.LOSS: loss, EvaluationMetric.PERPLEXITY: perplexity}


def preference_metrics(
    loss_sum: float, margin_sum: float, ranked_right: float, pairs: float
) -> dict[str, float]:
    """evalLoss, evalRewardAccuracy and evalRewardMargin from per-pair sums over ``pairs`` pairs."""
    pairs = max(pairs, 1.0)
    return {
        EvaluationMetric.LOSS: loss_sum / pairs,
        EvaluationMetric.REWARD_ACCURACY: ranked_right / pairs,
        EvaluationMetric.REWARD_MARGIN: margin_sum / pairs,
    }


def score_completion(rewards: Sequence[Reward], completion: Completion) -> list[float] | None:
    """Each reward function's score of one completion; None when one fails on the record (the
    completion then counts for no function, as a failed record in training does)."""
    try:
        return [reward.score(completion) for reward in rewards]
    except RewardError:
        return None


def reward_metrics(rewards: Sequence[Reward], scores: Sequence[Sequence[float]]) -> EvaluationResult:
    """evalReward (the mean weighted sum) and each function's mean over the scored completions."""
    count = len(scores)
    means = {
        reward.name: (sum(row[j] for row in scores) / count if count else math.nan)
        for j, reward in enumerate(rewards)
    }
    total = sum(reward.weight * means[reward.name] for reward in rewards) if count else math.nan
    return EvaluationResult(metrics={EvaluationMetric.REWARD: total}, examples=count, rewards=means)


def finite_or_none(value: float) -> float | None:
    """JSON and the Kubernetes API carry no NaN or infinity: those values are left out."""
    return value if math.isfinite(value) else None


def evaluation_document(
    result: EvaluationResult, attempt: int, artifact: str | None, time: str
) -> dict[str, Any]:
    """`evaluation.json`, and `status.progress.evaluation` (the same object)."""
    document: dict[str, Any] = {
        "attempt": attempt,
        "metrics": {
            str(name): round(value, 6)
            for name, value in result.metrics.items()
            if finite_or_none(value) is not None
        },
        "examples": result.examples,
        "time": time,
    }
    if result.rewards is not None:
        document["rewards"] = {
            name: round(value, 6)
            for name, value in result.rewards.items()
            if finite_or_none(value) is not None
        }
    if artifact is not None:
        document["artifact"] = artifact
    return document


def write_evaluation(
    output_dir: Path, document: Mapping[str, Any], generations: Sequence[Mapping[str, Any]] | None
) -> None:
    """Writes `evaluation.json` (and the generations, one JSON object a line) next to the output."""
    output_dir.mkdir(parents=True, exist_ok=True)
    if generations is not None:
        lines = "".join(json.dumps(dict(g), sort_keys=True, ensure_ascii=False) + "\n" for g in generations)
        (output_dir / GENERATIONS_FILE).write_text(lines, encoding="utf-8")
    (output_dir / EVALUATION_FILE).write_text(
        json.dumps(dict(document), indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
