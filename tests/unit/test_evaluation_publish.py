"""spec.evaluation and spec.publish on the operator's side (issue 26): the gate's logic, the admission
rules, the publish allowlist, and what a succeeded attempt's evaluation does to status."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from tests.state_jobs import apply, make_job

from finetune_contract.evaluation import gate_metric_message, gate_verdict
from finetune_operator import yamlio
from finetune_operator.admission import check_rules
from finetune_operator.api.job import BackendRef, FineTuneJob, Phase, Progress, RecipeStatus
from finetune_operator.api.recipe import RecipeKind
from finetune_operator.attempt import AttemptState, Observation
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.plugin import flags, view
from finetune_operator.plugin.main import main
from finetune_operator.publish_step import advance, publish_outcome, publishing, render_publish_job
from finetune_operator.publishing import (
    PublishTargetNotAllowedError,
    allowlist_key,
    check_publish_target,
    parse_target,
)
from finetune_operator.statemachine import Plan, decide, submitted

NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)


def conditions(plan: Plan) -> dict[str, str]:
    return {c.type: c.status for c in plan.status.conditions}


def start(job: FineTuneJob) -> FineTuneJob:
    """Attempt 1 submitted."""
    plan = decide(job, None, NOW)
    ref = BackendRef(kind="PyTorchJob", name="j-a1", uid="pj-1")
    recipe = RecipeStatus(name="r", kind=RecipeKind.CLUSTER_FINE_TUNE_RECIPE, hash="h")
    return apply(job, submitted(plan, ref, recipe, "/fsx/finetune/n/j/checkpoints"))


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


# --- the publish step (publish_step.py) ------------------------------------------------------------

PUBLISH_CONFIG = OperatorConfig.model_validate(
    {
        "trainer_images": {"cpu": "finetune-trainer-cpu:1"},
        "publish": {
            "allowlist": {"n": ["oci://10.244.255.1:5000/**"]},
            "credentials": {"n": {"secret": "registry-push"}},
            "insecure_registries": ["10.244.255.1:5000"],
            "backoff_limit": 4,
        },
    }
)


def _publishing_job(target: str = "oci://10.244.255.1:5000/team/adapter:v1") -> FineTuneJob:
    plan = _succeeded({"evaluation": {}, "publish": {"target": target}}, EVALUATION)
    return apply(make_job({"evaluation": {}, "publish": {"target": target}}), plan)


def test_the_publish_job_mounts_the_output_read_only_with_the_namespaces_credentials() -> None:
    job = _publishing_job()
    assert publishing(job.status)
    rendered = render_publish_job(job, PUBLISH_CONFIG)
    assert rendered["metadata"]["name"] == "j-publish"
    assert rendered["metadata"]["ownerReferences"][0]["uid"] == "u"
    spec = rendered["spec"]
    assert spec["backoffLimit"] == 4
    assert spec["podFailurePolicy"]["rules"][0]["onExitCodes"]["values"] == [2]
    pod = spec["template"]["spec"]
    (container,) = pod["containers"]
    assert container["image"] == "finetune-trainer-cpu:1"
    command = container["command"]
    assert command[:3] == ["python", "-m", "finetune_trainer.publish"]
    assert command[command.index("--source") + 1] == "/fsx/o/adapter"  # a LoRA job publishes its adapter
    assert "--insecure-registry=10.244.255.1:5000" in command
    assert "--docker-config=/etc/finetune/publish/config.json" in command
    assert "--annotation=dev.finetune.method=lora" in command
    assert '--annotation=dev.finetune.evaluation={"evalLoss": 0.9, "evalPerplexity": 2.46}' in command
    output_mount = next(m for m in container["volumeMounts"] if m["name"] == "output")
    assert output_mount == {"name": "output", "mountPath": "/fsx/o", "subPath": "o", "readOnly": True}
    claim = next(v for v in pod["volumes"] if v["name"] == "output")["persistentVolumeClaim"]
    assert claim == {"claimName": "fsx-claim", "readOnly": True}
    secret = next(v for v in pod["volumes"] if v["name"] == "registry-credentials")["secret"]
    assert secret["secretName"] == "registry-push"
    assert pod["automountServiceAccountToken"] is False and pod["restartPolicy"] == "Never"
    assert pod["securityContext"]["runAsNonRoot"] is True


def test_an_s3_publish_job_gets_the_keys_as_environment() -> None:
    config = PUBLISH_CONFIG.model_copy(
        update={"publish": PUBLISH_CONFIG.publish.model_copy(update={"s3_endpoint_url": "http://moto:5000"})}
    )
    rendered = render_publish_job(_publishing_job("s3://models/team-a/run-1"), config)
    (container,) = rendered["spec"]["template"]["spec"]["containers"]
    assert container["envFrom"] == [{"secretRef": {"name": "registry-push"}}]
    assert "--s3-endpoint-url=http://moto:5000" in container["command"]
    assert not any(a.startswith("--docker-config") for a in container["command"])


def _pod(phase: str, message: dict[str, Any], created: str) -> dict[str, Any]:
    terminated = {"exitCode": 0 if phase == "Succeeded" else 1, "message": json.dumps(message)}
    return {
        "metadata": {"creationTimestamp": created},
        "status": {"phase": phase, "containerStatuses": [{"state": {"terminated": terminated}}]},
    }


def test_a_retried_push_then_its_success_lands_in_status() -> None:
    job = _publishing_job()
    status, events = advance(job, job.status, None, "2026-11-22T10:01:00Z")
    assert [e.reason for e in events] == ["Publishing"] and status.publish is not None
    job = job.model_copy(update={"status": status})

    down = {"error": "PUT http://10.244.255.1:5000/v2/...: Connection refused"}
    outcome = publish_outcome({"status": {"failed": 1, "active": 1}}, [_pod("Failed", down, "t1")])
    status, events = advance(job, job.status, outcome, "2026-11-22T10:01:20Z")
    assert [(e.type, e.reason) for e in events] == [("Warning", "PublishRetrying")]
    assert "Connection refused" in events[0].message and publishing(status)
    assert status.publish is not None and status.publish.attempts == 2
    job = job.model_copy(update={"status": status})
    assert advance(job, job.status, outcome, "2026-11-22T10:01:30Z")[1] == []  # said once

    done = {"reference": "10.244.255.1:5000/team/adapter@sha256:abc", "digest": "sha256:abc"}
    outcome = publish_outcome(
        {"status": {"failed": 1, "succeeded": 1}}, [_pod("Failed", down, "t1"), _pod("Succeeded", done, "t2")]
    )
    status, events = advance(job, job.status, outcome, "2026-11-22T10:02:00Z")
    assert [e.reason for e in events] == ["Published"] and not publishing(status)
    (published,) = [c for c in status.conditions if c.type == "Published"]
    assert (published.status, published.reason) == ("True", "Published")
    assert status.output is not None and status.output.path == "/fsx/o"
    assert (status.output.reference, status.output.digest) == (done["reference"], "sha256:abc")
    assert status.phase == Phase.SUCCEEDED


def test_spent_retries_leave_the_job_succeeded_unpublished_and_the_output_named() -> None:
    job = _publishing_job()
    refused = {"error": "PUT ...: HTTP 401 unauthorized"}
    outcome = publish_outcome(
        {"status": {"failed": 5, "conditions": [{"type": "Failed", "status": "True"}]}},
        [_pod("Failed", refused, "t5")],
    )
    status, events = advance(job, job.status, outcome, "2026-11-22T10:05:00Z")
    (published,) = [c for c in status.conditions if c.type == "Published"]
    assert (published.status, published.reason) == ("False", "PublishFailed")
    assert "HTTP 401" in published.message and "the output is unchanged" in published.message
    assert [(e.type, e.reason) for e in events] == [("Warning", "PublishFailed")]
    assert status.phase == Phase.SUCCEEDED and status.output is not None and status.output.path == "/fsx/o"


def test_a_sagemaker_job_publishes_to_s3_and_is_refused_an_oci_target() -> None:
    def sagemaker_job(target: str) -> FineTuneJob:
        return make_job(
            {
                "backend": "sagemaker",
                "sagemaker": {"roleArn": "arn:aws:iam::123456789012:role/x"},
                "publish": {"target": target},
            }
        )

    check_rules(sagemaker_job("s3://models/x"))
    with pytest.raises(
        InvalidSpecError, match=r"a SageMaker job publishes only to s3://.*Publish to an s3://"
    ):
        check_rules(sagemaker_job("oci://registry.example/team-a/j:v1"))


# --- kubectl finetune ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "when"),
    [
        ("evalLoss<1.2", {"metric": "evalLoss", "below": 1.2}),
        (" evalRewardAccuracy > 0.6 ", {"metric": "evalRewardAccuracy", "above": 0.6}),
        ("evalReward>-1e-3", {"metric": "evalReward", "above": -0.001}),
    ],
)
def test_publish_if_becomes_the_gate(expression: str, when: dict[str, Any]) -> None:
    assert flags.publish_gate(expression) == when


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("evalLoss<=1.2", "write <metric><<|>><number>"),
        ("loss<1.2", "loss is not a metric; one of evalLoss"),
        ("evalLoss<1..2", "is not a number"),
    ],
)
def test_a_bad_publish_if_is_refused_naming_the_metrics(expression: str, message: str) -> None:
    with pytest.raises(flags.UsageError, match=re.escape(message)):
        flags.publish_gate(expression)


def test_submit_writes_evaluation_and_publish(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        *("submit", "--job-name", "j", "--model-name", "llama-3.1-8b", "--training-type", "lora"),
        *("--data-jsonl", "/fsx/data/team-a/train.jsonl", "--eval-data", "/fsx/data/team-a/held-out.jsonl"),
        *("--publish", "oci://registry.example/team-a/j:v1", "--publish-if", "evalLoss<1.2"),
        *("-n", "team-a", "-o", "yaml"),
    ]
    assert main(argv, None) == 0
    (job,) = yamlio.load_documents(capsys.readouterr().out)
    assert job["spec"]["evaluation"] == {"data": {"path": "/fsx/data/team-a/held-out.jsonl"}}
    assert job["spec"]["publish"] == {
        "target": "oci://registry.example/team-a/j:v1",
        "when": {"metric": "evalLoss", "below": 1.2},
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--publish-if", "evalLoss<1"], "--publish-if gates --publish"),
        (["--publish", "oci://Registry/x"], "--publish oci://Registry/x: String should match pattern"),
    ],
)
def test_bad_publish_flags(extra: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        *("submit", "--job-name", "j", "--model-name", "llama-3.1-8b", "--training-type", "lora"),
        *("--data-jsonl", "/fsx/data/team-a/train.jsonl", *extra, "-n", "team-a", "-o", "yaml"),
    ]
    assert main(argv, None) == 2
    assert message in capsys.readouterr().err


def test_status_shows_the_evaluation_and_where_publishing_stands() -> None:
    status = {
        "phase": "Succeeded",
        "evaluation": {
            "metrics": {"evalLoss": 0.91, "evalPerplexity": 2.48},
            "examples": 12,
            "artifact": "/fsx/g",
        },
        "output": {"path": "/fsx/o", "reference": "r.example/a@sha256:abc"},
        "conditions": [{"type": "Published", "status": "True", "reason": "Published", "message": "m"}],
    }
    job = {"metadata": {"name": "j"}, "spec": {"method": "lora"}, "status": status}
    text = view.render_status(job, [], NOW)
    assert "evaluation: evalLoss 0.91  evalPerplexity 2.48  (12 held-out examples)" in text
    assert "generations: /fsx/g" in text and "published: r.example/a@sha256:abc" in text
    status["conditions"] = [{"type": "Published", "status": "False", "reason": "GateFailed", "message": "x"}]
    assert "not published: GateFailed: x" in view.render_status(job, [], NOW)
