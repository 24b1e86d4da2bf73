"""The CRD's CEL rules and their Python twins in admission.py say the same thing.

``finetune-operator render`` never meets the API server, so admission.py repeats the
rules; every violation here must be refused with one of the CRD's own messages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from finetune_operator.admission import check_rules, parse_job
from finetune_operator.api.job import NOVA_MODEL_NAMES, BackendRef, FineTuneJob
from finetune_operator.backends.sagemaker.nova import NOVA_MODELS
from finetune_operator.errors import InvalidSpecError

CRD = Path(__file__).resolve().parents[2] / "crds" / "finetune.dev_finetunejobs.yaml"


def _cel_rules(node: Any) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    if isinstance(node, dict):
        found.extend(node.get("x-kubernetes-validations", []))
        for value in node.values():
            found.extend(_cel_rules(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_cel_rules(value))
    return found


RULES = _cel_rules(yaml.safe_load(CRD.read_text()))
MESSAGES = {" ".join(rule["message"].split()) for rule in RULES}


def job(**spec: Any) -> FineTuneJob:
    base: dict[str, Any] = {
        "model": {"name": "llama-3.2-1b"},
        "method": "lora",
        "data": {"train": {"path": "s3://bkt/train.jsonl"}},
    }
    return FineTuneJob.model_validate({"metadata": {"name": "j", "namespace": "n"}, "spec": {**base, **spec}})


VIOLATIONS = {
    "suspend on sagemaker": job(backend="sagemaker", suspend=True),
    "nova on hyperpod": job(model={"name": "nova-lite"}),
    "sagemaker section off sagemaker": job(sagemaker={"roleArn": "arn:aws:iam::123456789012:role/x"}),
    "neuron devices off hyperpod": job(backend="sagemaker", resources={"neuronDevices": 2}),
    "neither model name nor uri": job(model={}),
    "storage on sagemaker": job(backend="sagemaker", storage={"checkpointDir": "/fsx/../x"}),
    "empty storage on sagemaker": job(backend="sagemaker", storage={}),
    "stall check on sagemaker": job(backend="sagemaker", health={"stall": {"policy": "Fail"}}),
    "oci publish on sagemaker": job(backend="sagemaker", publish={"target": "oci://registry.example/a/b:v1"}),
}


@pytest.mark.parametrize("case", sorted(VIOLATIONS))
def test_violation_is_refused_with_the_crd_message(case: str) -> None:
    with pytest.raises(InvalidSpecError) as raised:
        check_rules(VIOLATIONS[case])
    assert str(raised.value) in MESSAGES


def test_allowed_combinations_pass() -> None:
    check_rules(job(backend="sagemaker", model={"name": "nova-lite"}))
    check_rules(job(suspend=True))
    check_rules(job(health={"stall": {"windowSeconds": 60, "policy": "Fail"}}))
    check_rules(job(backend="sagemaker", health={}))
    check_rules(job(backend="sagemaker", publish={"target": "s3://models/team-a/j"}))
    check_rules(job(publish={"target": "oci://registry.example/a/b:v1"}))


def test_storage_of_a_sagemaker_job_submitted_before_the_rule_does_not_fail_it() -> None:
    """Its training job runs on: failing the FineTuneJob now would leave it unwatched."""
    submitted = job(backend="sagemaker", storage={"checkpointDir": "/fsx/x"})
    submitted.status.backend_ref = BackendRef(
        api_version="sagemaker.amazonaws.com/v1", kind="TrainingJob", name="t"
    )
    check_rules(submitted)


@pytest.mark.parametrize(
    "instance_type", ["", "trn1.32xlarge", "ml.trn1", "ml.TRN1.32xlarge", " ml.m5.large"]
)
def test_an_instance_type_that_is_empty_or_not_one_is_refused_like_the_crd_does(instance_type: str) -> None:
    """An empty instanceType is not "the recipe's": the CRD's minLength and pattern refuse it."""
    (schema,) = [
        v["schema"]["openAPIV3Schema"]["properties"]["spec"]["properties"]["resources"]["properties"]
        for v in yaml.safe_load(CRD.read_text())["spec"]["versions"]
    ]
    crd_rule = schema["instanceType"]
    assert not (len(instance_type) >= crd_rule["minLength"] and re.search(crd_rule["pattern"], instance_type))
    document = {
        "kind": "FineTuneJob",
        "metadata": {"name": "j", "namespace": "n"},
        "spec": {
            **job().spec.model_dump(by_alias=True, exclude_none=True),
            "resources": {"instanceType": instance_type},
        },
    }
    with pytest.raises(InvalidSpecError, match=r"spec.resources.instanceType"):
        parse_job(document)
    parse_job({**document, "spec": {**document["spec"], "resources": {"instanceType": "ml.m5.large"}}})


def test_crd_nova_rule_names_every_nova_model() -> None:
    (rule,) = [r["rule"] for r in RULES if "nova-lite" in r["rule"]]
    assert set(re.findall(r"'(nova-[a-z]+)'", rule)) == set(NOVA_MODELS) == set(NOVA_MODEL_NAMES)
