"""spec.evaluation and spec.publish on the operator's side (issue 26): the gate's logic, the admission
rules, the publish allowlist, and what a succeeded attempt's evaluation does to status."""

from __future__ import annotations

import math
from typing import Any

import pytest
from tests.unit.test_statemachine import NOW, apply, conditions, make_job, start

from finetune_contract.evaluation import gate_metric_message, gate_verdict
from finetune_operator.admission import check_rules
from finetune_operator.api.job import FineTuneJob, Phase, Progress
from finetune_operator.attempt import AttemptState, Observation
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.publishing import (
    PublishTargetNotAllowedError,
    allowlist_key,
    check_publish_target,
    parse_target,
)
from finetune_operator.statemachine import decide

EVALUATION = {"attempt": 1, "metrics": {"evalLoss": 0.9, "evalPerplexity": 2.46}, "examples": 12}


@pytest.mark.parametrize(
    ("metrics", "below", "above", "passed", "reason"),
    [
        ({"evalLoss": 1.1}, 1.2, None, True, "GatePassed"),
        ({"evalLoss": 1.2}, 1.2, None, False, "GateFailed"),  # strictly below
        ({"evalLoss": 1.3}, 1.2, None, False, "GateFailed"),
        ({"evalRewardAccuracy": 0.7}, None, 0.6, True, "GatePassed"),
        ({"evalRewardAccuracy": 0.6}, None, 0.6, False, "GateFailed"),
        ({"evalLoss": 0.5}, 1.0, 0.6, False, "GateFailed"),  # both bounds: an open interval
        ({"evalLoss": 0.8}, 1.0, 0.6, True, "GatePassed"),
        ({}, 1.2, None, False, "MetricMissing"),
        ({"evalLoss": math.nan}, 1.2, None, False, "MetricMissing"),
        ({"evalLoss": math.inf}, None, 0.0, False, "MetricMissing"),
    ],
)
def test_the_gate(
    metrics: dict[str, float], below: float | None, above: float | None, passed: bool, reason: str
) -> None:
    verdict = gate_verdict(
        metrics, "evalLoss" if "evalRewardAccuracy" not in metrics else "evalRewardAccuracy", below, above
    )
    assert (verdict.passed, verdict.reason) == (passed, reason), verdict.message


def _job(extra: dict[str, Any], method: str = "lora") -> FineTuneJob:
    return make_job({**extra, "method": method})


def test_a_gate_without_an_evaluation_is_refused_as_the_crd_refuses_it() -> None:
    job = _job(
        {"publish": {"target": "oci://r.example/team/a:v1", "when": {"metric": "evalLoss", "below": 1.2}}}
    )
    with pytest.raises(InvalidSpecError, match=r"spec\.publish\.when tests the final evaluation's metrics"):
        check_rules(job)


@pytest.mark.parametrize(
    ("method", "metric", "allowed"),
    [
        ("lora", "evalPerplexity", True),
        ("lora", "evalRewardAccuracy", False),
        ("dpo-lora", "evalRewardMargin", True),
        ("dpo", "evalPerplexity", False),
        ("grpo-lora", "evalReward", True),
        ("grpo", "evalLoss", False),
    ],
)
def test_a_gate_names_a_metric_of_the_jobs_method(method: str, metric: str, allowed: bool) -> None:
    extra: dict[str, Any] = {
        "evaluation": {},
        "publish": {"target": "s3://bucket/adapters", "when": {"metric": metric, "above": 0.0}},
    }
    if method.startswith("grpo"):
        extra["rewards"] = [{"name": "r", "builtin": "length-penalty"}]
    job = _job(extra, method)
    if allowed:
        check_rules(job)
    else:
        with pytest.raises(InvalidSpecError) as refused:
            check_rules(job)
        assert str(refused.value) == gate_metric_message()


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("oci://10.244.255.1:5000/team-a/adapter:v1", "oci://10.244.255.1:5000/team-a/adapter"),
        ("oci://registry.example/a/b/c:latest", "oci://registry.example/a/b/c"),
        ("s3://bucket/team-a/adapters/", "s3://bucket/team-a/adapters"),
        ("s3://bucket", "s3://bucket"),
    ],
)
def test_targets_are_matched_without_their_tag(target: str, key: str) -> None:
    assert allowlist_key(parse_target(target)) == key


def test_the_publish_allowlist_is_per_namespace_and_a_refusal_names_it() -> None:
    config = OperatorConfig.model_validate(
        {
            "publish": {
                "allowlist": {
                    "*": ["s3://shared-models/**"],
                    "team-a": ["oci://registry.example/team-a/*"],
                }
            }
        }
    )
    publish = make_job({"publish": {"target": "oci://registry.example/team-a/adapter:v2"}}).spec.publish
    check_publish_target(publish, "team-a", config.publish.allowed_in("team-a"))
    with pytest.raises(PublishTargetNotAllowedError) as refused:
        check_publish_target(publish, "team-b", config.publish.allowed_in("team-b"))
    assert refused.value.reason == "PublishTargetNotAllowed"
    assert "oci://registry.example/team-a/adapter is not allowed in namespace team-b" in str(refused.value)
    assert "[s3://shared-models/**]" in str(refused.value)
    nested = make_job({"publish": {"target": "oci://registry.example/team-a/x/y:v1"}}).spec.publish
    with pytest.raises(PublishTargetNotAllowedError):  # '*' stops at '/'
        check_publish_target(nested, "team-a", config.publish.allowed_in("team-a"))
    shared = make_job({"publish": {"target": "s3://shared-models/team-b/run-1"}}).spec.publish
    check_publish_target(shared, "team-b", config.publish.allowed_in("team-b"))
    with pytest.raises(PublishTargetNotAllowedError, match=r"allowlist for it is \[empty"):
        check_publish_target(shared, "team-c", OperatorConfig().publish.allowed_in("team-c"))


def _succeeded(extra: dict[str, Any], evaluation: dict[str, Any] | None) -> Any:
    job = start(make_job(extra))
    if evaluation is not None:
        progress = Progress.model_validate({"attempt": 1, "step": 4, "evaluation": evaluation})
        job = job.model_copy(update={"status": job.status.model_copy(update={"progress": progress})})
    return decide(
        job, Observation(AttemptState.SUCCEEDED, reason="PyTorchJobSucceeded", output_path="/fsx/o"), NOW
    )


def test_a_succeeded_attempt_brings_its_evaluation_into_status_with_an_event() -> None:
    plan = _succeeded({"evaluation": {}}, EVALUATION)
    assert plan.status.phase == Phase.SUCCEEDED
    assert plan.status.evaluation is not None and plan.status.evaluation.metrics == EVALUATION["metrics"]
    (evaluated,) = [e for e in plan.events if e.reason == "Evaluated"]
    assert evaluated.message == "evalLoss 0.9, evalPerplexity 2.46 on 12 held-out examples"
    assert "Published" not in conditions(plan)  # no spec.publish


def test_an_earlier_attempts_evaluation_is_not_this_ones() -> None:
    plan = _succeeded({"evaluation": {}}, {**EVALUATION, "attempt": 0})
    assert plan.status.evaluation is None and not [e for e in plan.events if e.reason == "Evaluated"]


def test_a_failed_gate_succeeds_the_job_unpublished_with_the_reason() -> None:
    publish = {"target": "oci://r.example/team/a:v1", "when": {"metric": "evalLoss", "below": 0.5}}
    plan = _succeeded({"evaluation": {}, "publish": publish}, EVALUATION)
    assert plan.status.phase == Phase.SUCCEEDED
    (published,) = [c for c in plan.status.conditions if c.type == "Published"]
    assert (published.status, published.reason) == ("False", "GateFailed")
    assert published.message == "evalLoss 0.9 is not below 0.5: not published to oci://r.example/team/a:v1"
    assert [e.type for e in plan.events if e.reason == "NotPublished"] == ["Warning"]


def test_a_passed_gate_or_none_starts_publishing() -> None:
    for when in ({"when": {"metric": "evalLoss", "below": 1.2}}, {}):
        plan = _succeeded({"evaluation": {}, "publish": {"target": "s3://bkt/p", **when}}, EVALUATION)
        (published,) = [c for c in plan.status.conditions if c.type == "Published"]
        assert (published.status, published.reason) == ("False", "Publishing")


def test_a_gate_on_a_missing_evaluation_does_not_publish() -> None:
    publish = {"target": "s3://bkt/p", "when": {"metric": "evalLoss", "below": 1.2}}
    plan = _succeeded({"evaluation": {}, "publish": publish}, None)
    (published,) = [c for c in plan.status.conditions if c.type == "Published"]
    assert published.reason == "NotEvaluated"
    job = apply(make_job({"evaluation": {}, "publish": publish}), plan)
    assert job.status.phase == Phase.SUCCEEDED
