"""The final evaluation's words: which metrics each method reports, where the trainer writes them,
and the publish gate's test of them.

The trainer computes the metrics (its last phase, `finetune_trainer.evaluation`); the operator copies
them into `status.evaluation` and decides a job's `spec.publish.when` with `gate_verdict`. Both read
the names from here, so a gate can only name a metric the job's method reports (docs/api.md,
"Evaluation and publishing").
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from enum import StrEnum

from finetune_contract.methods import METHOD_TRAITS, Method


class EvaluationMetric(StrEnum):
    LOSS = "evalLoss"
    """Mean loss over the held-out set: per target token for SFT and LoRA, per pair for DPO."""
    PERPLEXITY = "evalPerplexity"
    """exp(evalLoss) of the supervised methods."""
    REWARD_ACCURACY = "evalRewardAccuracy"
    """DPO: the share of held-out pairs whose chosen answer gets the higher implicit reward
    (TRL's `rewards/accuracies`)."""
    REWARD_MARGIN = "evalRewardMargin"
    """DPO: the mean of chosen minus rejected implicit reward, beta * log(pi / pi_ref) (TRL's
    `rewards/margins`)."""
    REWARD = "evalReward"
    """GRPO: the mean weighted reward of one greedy completion per held-out prompt; each reward
    function's own mean is in `status.evaluation.rewards`."""


def metrics_of(method: Method) -> tuple[EvaluationMetric, ...]:
    """The metrics the final evaluation of a ``method`` job reports."""
    traits = METHOD_TRAITS[method]
    if traits.rewards:
        return (EvaluationMetric.REWARD,)
    if traits.preferences:
        return (EvaluationMetric.LOSS, EvaluationMetric.REWARD_ACCURACY, EvaluationMetric.REWARD_MARGIN)
    return (EvaluationMetric.LOSS, EvaluationMetric.PERPLEXITY)


def gate_metric_message() -> str:
    """The refusal of a gate on a metric the job's method does not report (the CRD's message)."""
    by_metrics: dict[tuple[EvaluationMetric, ...], list[str]] = {}
    for method in Method:
        by_metrics.setdefault(metrics_of(method), []).append(method.value)
    parts = [f"{' or '.join(metrics)} for {' and '.join(methods)}" for metrics, methods in by_metrics.items()]
    return "spec.publish.when.metric must be a metric the job's method reports: " + "; ".join(parts)


EVALUATION_FILE = "evaluation.json"
"""The evaluation's metrics, next to the adapter or model in the run's output directory."""
GENERATIONS_FILE = "evaluation-generations.jsonl"
"""The test prompts' generations (`spec.evaluation.prompts`), one JSON object a line: the prompt,
the generated answer and, for GRPO methods, each reward function's score. Next to the output."""


@dataclasses.dataclass(frozen=True)
class GateVerdict:
    passed: bool
    reason: str
    """CamelCase: GatePassed, GateFailed, MetricMissing."""
    message: str


def gate_verdict(
    metrics: Mapping[str, float], metric: str, below: float | None, above: float | None
) -> GateVerdict:
    """Whether the evaluation's ``metrics`` pass the gate ``metric < below`` (or ``metric > above``;
    both given: within the open interval). A missing or non-finite value never passes: a gate
    exists to stop what nobody measured."""
    value = metrics.get(metric)
    if value is None or not math.isfinite(value):
        shown = "no value" if value is None else f"{value}"
        return GateVerdict(
            False, "MetricMissing", f"spec.publish.when.metric {metric}: the evaluation reported {shown}"
        )
    failures = []
    if below is not None and not value < below:
        failures.append(f"not below {below:g}")
    if above is not None and not value > above:
        failures.append(f"not above {above:g}")
    if failures:
        return GateVerdict(False, "GateFailed", f"{metric} {value:.6g} is {' and '.join(failures)}")
    bounds = " and ".join(
        part
        for part in (f"< {below:g}" if below is not None else "", f"> {above:g}" if above is not None else "")
        if part
    )
    return GateVerdict(True, "GatePassed", f"{metric} {value:.6g} {bounds}")
