"""The service-model validator: every constraint botocore itself does not check."""

from __future__ import annotations

from typing import Any

import pytest

from finetune_operator.backends.sagemaker.validation import (
    InvalidRequestError,
    RequestViolation,
    compile_service_pattern,
    ensure_valid_request,
    service_model,
    validate_request,
)

MINIMAL: dict[str, Any] = {
    "TrainingJobName": "job-1",
    "RoleArn": "arn:aws:iam::123456789012:role/finetune",
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
    "AlgorithmSpecification": {"TrainingImage": "img", "TrainingInputMode": "File"},
    "ResourceConfig": {"InstanceType": "ml.trn1.32xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
}


def violations(**changes: Any) -> list[RequestViolation]:
    return validate_request("sagemaker", "CreateTrainingJob", {**MINIMAL, **changes})


def paths(found: list[RequestViolation]) -> list[str]:
    return [violation.path for violation in found]


def test_minimal_request_is_valid() -> None:
    assert violations() == []


def test_required_members_recursively() -> None:
    found = validate_request("sagemaker", "CreateTrainingJob", {"OutputDataConfig": {}})
    assert paths(found) == ["TrainingJobName", "RoleArn", "OutputDataConfig.S3OutputPath"]


def test_max_length_and_pattern_of_strings() -> None:
    found = violations(TrainingJobName="n" * 64)
    assert paths(found) == ["TrainingJobName", "TrainingJobName"]
    assert "allows at most 63" in found[0].message
    assert "does not match the pattern" in found[1].message
    assert paths(violations(TrainingJobName="under_score")) == ["TrainingJobName"]


def test_enum() -> None:
    found = violations(ResourceConfig={**MINIMAL["ResourceConfig"], "InstanceType": "ml.made.up"})
    assert paths(found) == ["ResourceConfig.InstanceType"]
    assert "is not one of" in found[0].message


def test_numeric_min_and_max() -> None:
    assert paths(violations(RetryStrategy={"MaximumRetryAttempts": 31})) == [
        "RetryStrategy.MaximumRetryAttempts"
    ]
    assert paths(violations(RetryStrategy={"MaximumRetryAttempts": 0})) == [
        "RetryStrategy.MaximumRetryAttempts"
    ]


def test_map_size_and_key_and_value_limits() -> None:
    found = violations(HyperParameters={"k" * 257: "v", "ok": "x" * 2501})
    assert [(v.path, v.message.split(" ")[0]) for v in found] == [
        ("HyperParameters." + "k" * 37 + "...", "key"),
        ("HyperParameters.ok", "is"),
    ]
    too_many = {f"k{i}": "v" for i in range(101)}
    assert paths(violations(HyperParameters=too_many)) == ["HyperParameters"]
    assert paths(violations(Environment={"1BAD": "v"})) == ["Environment.1BAD"]


def test_list_length_and_items() -> None:
    tags = [{"Key": f"k{i}", "Value": "v"} for i in range(51)]
    assert paths(violations(Tags=tags)) == ["Tags"]
    assert paths(violations(Tags=[{"Key": "ok", "Value": "bad\x00value"}])) == ["Tags[0].Value"]


def test_types_and_unknown_fields() -> None:
    found = violations(
        EnableManagedSpotTraining="yes",
        Bogus=1,
        ResourceConfig={**MINIMAL["ResourceConfig"], "InstanceCount": True},
    )
    assert sorted(paths(found)) == ["Bogus", "EnableManagedSpotTraining", "ResourceConfig.InstanceCount"]


def test_unicode_letters_pass_java_class_patterns() -> None:
    assert violations(Tags=[{"Key": "équipe", "Value": "données 1"}]) == []


def test_every_pattern_in_the_sagemaker_model_compiles() -> None:
    model = service_model("sagemaker")
    patterns = {model.shape_for(name).metadata.get("pattern") for name in model.shape_names} - {None}
    assert len(patterns) > 100
    for pattern in patterns:
        compile_service_pattern(pattern)


def test_surrogate_pair_ranges_cover_astral_characters() -> None:
    pattern = compile_service_pattern("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*")
    assert pattern.fullmatch("emoji 😀 ok")
    assert not pattern.fullmatch("bell \x07")


def test_works_for_other_operations_and_services() -> None:
    assert paths(validate_request("sagemaker", "StopTrainingJob", {"TrainingJobName": "-bad"})) == [
        "TrainingJobName"
    ]
    assert paths(validate_request("s3", "PutObject", {"Bucket": "b"})) == ["Key"]


def test_ensure_valid_request_lists_every_violation() -> None:
    with pytest.raises(InvalidRequestError) as raised:
        ensure_valid_request(
            "sagemaker", "CreateTrainingJob", {**MINIMAL, "TrainingJobName": "a_b", "RoleArn": "x"}
        )
    assert [v.path for v in raised.value.violations] == ["TrainingJobName", "RoleArn", "RoleArn"]
    assert "TrainingJobName:" in str(raised.value)
