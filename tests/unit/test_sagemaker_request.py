"""Golden tests for the CreateTrainingJob request (and S3 uploads) of representative jobs.

Each golden file is the exact request ``submit`` sends plus the documents it uploads
first. Regenerate after an intended change with ``FINETUNE_UPDATE_GOLDEN=1`` and review the diff.
Every built request must also pass the full service-model validation (the contract test).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from tests.sagemaker_fixtures import (
    GPU_TYPE,
    REWARD_MODULE,
    ROLE_ARN,
    attempt_request,
    grpo_lora_spot_job,
    make_job,
    nova_recipe,
    open_model_recipe,
    sagemaker_settings,
)

from finetune_operator.attempt import AttemptRequest
from finetune_operator.backends.sagemaker.request import METRIC_DEFINITIONS, build_create_training_job_request
from finetune_operator.backends.sagemaker.s3access import S3LocationNotAllowedError
from finetune_operator.backends.sagemaker.validation import validate_request
from finetune_operator.errors import InvalidSpecError
from finetune_trainer.progress import StepReport, format_metrics_line, format_validation_line

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "sagemaker"
LLAMA = {"model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama-3.1-8b/"}}


def open_lora() -> AttemptRequest:
    job = make_job(
        {
            **LLAMA,
            "method": "lora",
            "data": {
                "train": {"path": "s3://ml-data/chat/train.jsonl"},
                "validation": {"path": "s3://ml-data/chat/validation.jsonl"},
            },
            "recipe": {"overrides": {"lora.rank": 32, "optimizer.learningRate": 0.0001}},
        }
    )
    return attempt_request(job, open_model_recipe("lora"), sagemaker_settings())


def full_sft_resumed() -> AttemptRequest:
    job = make_job(
        {
            **LLAMA,
            "method": "sft",
            "data": {
                "format": "prompt-completion",
                "mixture": [
                    {"path": "s3://ml-data/mix/code/", "weight": 3},
                    {"path": "s3://ml-data/mix/chat.jsonl", "weight": 1},
                ],
            },
            "resources": {"nodes": 2},
            "maxRuntimeSeconds": 43200,
        },
        name="llama-full-sft",
    )
    checkpoint = "s3://ml-artifacts/finetune/team-a/llama-full-sft-83c4c819/checkpoints/step-00000200"
    return attempt_request(
        job, open_model_recipe("sft"), sagemaker_settings(), attempt=2, resume_from=checkpoint
    )


def nova_sft() -> AttemptRequest:
    job = make_job(
        {
            "model": {"name": "nova-lite"},
            "method": "sft",
            "data": {
                "format": "bedrock-conversation",
                "train": {"path": "s3://ml-data/nova/train.jsonl"},
                "validation": {"path": "s3://ml-data/nova/val.jsonl"},
            },
            "recipe": {"overrides": {"training.epochs": 3}},
            "maxRuntimeSeconds": 432000,
        },
        name="nova-lite-support",
    )
    return attempt_request(job, nova_recipe("nova-lite", "sft"), sagemaker_settings())


def open_lora_spot() -> AttemptRequest:
    job = make_job(
        {
            **LLAMA,
            "method": "lora",
            "data": {"train": {"path": "s3://ml-data/chat/train.jsonl"}},
            "maxRuntimeSeconds": 7200,
            "sagemaker": {"roleArn": ROLE_ARN, "spot": {"enabled": True, "maxWaitSeconds": 14400}},
        },
        name="llama-lora-spot",
    )
    return attempt_request(job, open_model_recipe("lora"), sagemaker_settings())


def open_lora_vpc() -> AttemptRequest:
    job = make_job(
        {
            **LLAMA,
            "method": "lora",
            "data": {"train": {"path": "s3://ml-data/chat/train.jsonl"}},
            "sagemaker": {
                "roleArn": ROLE_ARN,
                "volumeSizeGb": 500,
                "vpcConfig": {"subnets": ["subnet-0a1b2c3d"], "securityGroupIds": ["sg-0123456789abcdef0"]},
            },
        },
        name="llama-lora-vpc",
    )
    return attempt_request(job, open_model_recipe("lora"), sagemaker_settings())


def grpo_lora_spot() -> AttemptRequest:
    return attempt_request(
        grpo_lora_spot_job(),
        open_model_recipe("grpo-lora", GPU_TYPE),
        sagemaker_settings(),
        config_maps={"rewards": {"reward.py": REWARD_MODULE, "unrelated.txt": "not delivered"}},
    )


def full_grpo() -> AttemptRequest:
    """Method grpo (every weight trained) with built-in rewards only: no code channel."""
    job = make_job(
        {
            **LLAMA,
            "method": "grpo",
            "data": {"train": {"path": "s3://ml-data/math/train.jsonl"}},
            "resources": {"instanceType": GPU_TYPE, "nodes": 2},
            "rewards": [{"name": "answer", "builtin": "exact-match", "field": "answer"}],
            "recipe": {"overrides": {"grpo.lossType": "dr-grpo", "grpo.beta": 0.04}},
        },
        name="llama-full-grpo",
    )
    return attempt_request(job, open_model_recipe("grpo", GPU_TYPE), sagemaker_settings())


CASES = {
    "full-grpo": full_grpo,
    "grpo-lora-spot": grpo_lora_spot,
    "open-model-lora": open_lora,
    "full-sft-resumed": full_sft_resumed,
    "nova-lite-sft": nova_sft,
    "spot": open_lora_spot,
    "vpc": open_lora_vpc,
}


def rendered(case: str) -> dict[str, Any]:
    settings = sagemaker_settings(extra_tags={"cost-center": "ml-42"} if case == "vpc" else {})
    plan = build_create_training_job_request(CASES[case](), settings)
    return {
        "CreateTrainingJob": plan.request,
        "uploads": {
            upload.uri: yaml.safe_load(upload.body) if upload.uri.endswith(".yaml") else upload.body
            for upload in plan.uploads
        },
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_request_matches_golden(case: str) -> None:
    actual = rendered(case)
    path = GOLDEN_DIR / f"{case}.json"
    if os.environ.get("FINETUNE_UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(actual, indent=2, sort_keys=False) + "\n")
    assert actual == json.loads(path.read_text())


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_built_request_passes_full_service_model_validation(case: str) -> None:
    request = rendered(case)["CreateTrainingJob"]
    assert validate_request("sagemaker", "CreateTrainingJob", request) == []


def test_spot_wait_must_exceed_runtime() -> None:
    request = open_lora_spot()
    job = request.job.model_copy(deep=True)
    assert job.spec.sagemaker is not None
    job.spec.sagemaker.spot.max_wait_seconds = 7200
    with pytest.raises(InvalidSpecError, match=r"spot.maxWaitSeconds: 7200 must exceed"):
        build_create_training_job_request(
            AttemptRequest(**{**request.__dict__, "job": job}), sagemaker_settings()
        )


def test_role_outside_allowlist_is_invalid_spec() -> None:
    request = open_lora()
    with pytest.raises(InvalidSpecError, match=r"not in the operator's role allowlist"):
        build_create_training_job_request(
            request, sagemaker_settings(role_allowlist=["arn:aws:iam::123456789012:role/other-*"])
        )


def test_empty_allowlist_refuses_every_role() -> None:
    with pytest.raises(InvalidSpecError, match=r"allowlist"):
        build_create_training_job_request(open_lora(), sagemaker_settings(role_allowlist=[]))


def test_default_role_must_also_be_allowed() -> None:
    request = open_lora()
    job = request.job.model_copy(deep=True)
    job.spec.sagemaker = None
    settings = sagemaker_settings(default_role_arn="arn:aws:iam::123456789012:role/Admin")
    with pytest.raises(InvalidSpecError, match=r"role/Admin' is not in the operator's role allowlist"):
        build_create_training_job_request(AttemptRequest(**{**request.__dict__, "job": job}), settings)


LORA_DATA = {"train": {"path": "s3://ml-data/chat/train.jsonl"}}


@pytest.mark.parametrize(
    ("spec", "field", "uri"),
    [
        ({"data": {"train": {"path": "s3://other-tenant/secret/train.jsonl"}}}, "spec.data.train.path", None),
        (
            {
                "data": {
                    "mixture": [
                        {"path": "s3://ml-data/a/", "weight": 1},
                        {"path": "s3://team-b-data/b/", "weight": 1},
                    ]
                }
            },
            "spec.data.mixture[1].path",
            "s3://team-b-data/b/",
        ),
        (
            {"data": {**LORA_DATA, "validation": {"path": "s3://team-b-data/v.jsonl"}}},
            "spec.data.validation.path",
            "s3://team-b-data/v.jsonl",
        ),
        ({"model": {"name": "llama-3.1-8b", "uri": "s3://team-b-models/m/"}}, "spec.model.uri", None),
        (
            {"model": {**LLAMA["model"], "tokenizer": "s3://team-b-models/tok/"}},
            "spec.model.tokenizer",
            "s3://team-b-models/tok/",
        ),
        # Another namespace's part of the operator's own prefix: its checkpoints and progress.
        (
            {
                "sagemaker": {
                    "roleArn": ROLE_ARN,
                    "checkpointS3Uri": "s3://ml-artifacts/finetune/team-b/j/checkpoints/",
                }
            },
            "spec.sagemaker.checkpointS3Uri",
            None,
        ),
        (
            {"sagemaker": {"roleArn": ROLE_ARN, "outputS3Uri": "s3://team-b-artifacts/out/"}},
            "spec.sagemaker.outputS3Uri",
            None,
        ),
        # Keys that climb or hide a segment are refused even under an allowed bucket.
        ({"data": {"train": {"path": "s3://ml-data/../team-b/train.jsonl"}}}, "spec.data.train.path", None),
        ({"data": {"train": {"path": "s3://ml-data/a/./b.jsonl"}}}, "spec.data.train.path", None),
        ({"data": {"train": {"path": "s3://ml-data//b.jsonl"}}}, "spec.data.train.path", None),
    ],
)
def test_s3_locations_outside_the_namespaces_prefixes_are_refused(
    spec: dict[str, Any], field: str, uri: str | None
) -> None:
    job = make_job({**LLAMA, "method": "lora", "data": LORA_DATA, **spec})
    request = attempt_request(job, open_model_recipe("lora"), sagemaker_settings())
    shown = uri or next(value for value in _strings(spec) if value.startswith("s3://"))
    with pytest.raises(S3LocationNotAllowedError) as raised:
        build_create_training_job_request(request, sagemaker_settings())
    assert str(raised.value).startswith(
        f"{field}: {shown} is outside the S3 prefixes namespace team-a may use ("
    )
    assert raised.value.reason == "S3LocationNotAllowed"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_namespace_placeholder_admits_only_the_jobs_own_namespace() -> None:
    settings = sagemaker_settings(allowed_s3_prefixes={"*": ["s3://shared/{namespace}/", "s3://ml-models/"]})

    def build(train: str) -> None:
        job = make_job({**LLAMA, "method": "lora", "data": {"train": {"path": train}}})
        build_create_training_job_request(attempt_request(job, open_model_recipe("lora"), settings), settings)

    build("s3://shared/team-a/train.jsonl")
    build("s3://shared/team-a/")
    for other in ("s3://shared/team-b/train.jsonl", "s3://shared/team-ab/train.jsonl", "s3://shared/team-a"):
        with pytest.raises(
            S3LocationNotAllowedError,
            match="s3://shared/team-a/, s3://ml-models/, s3://ml-artifacts/finetune/team-a/",
        ):
            build(other)


def test_without_allowed_prefixes_a_job_uses_only_its_own_location() -> None:
    with pytest.raises(S3LocationNotAllowedError, match=r"may use \(s3://ml-artifacts/finetune/team-a/\)"):
        build_create_training_job_request(open_lora(), sagemaker_settings(allowed_s3_prefixes={}))


@pytest.mark.parametrize(
    "prefix",
    ["ml-data/", "s3://ML-Data/", "s3://ml-data/a/../b/", "s3://ml-data/a//b/", "s3:/", "https://x/"],
)
def test_allowed_prefixes_must_be_s3_prefixes_in_normal_form(prefix: str) -> None:
    with pytest.raises(ValidationError, match="is not an S3 prefix"):
        sagemaker_settings(allowed_s3_prefixes={"team-a": [prefix]})


def test_local_data_path_is_rejected_with_field_named() -> None:
    job = make_job({**LLAMA, "method": "lora", "data": {"train": {"path": "/fsx/data/train.jsonl"}}})
    request = attempt_request(job, open_model_recipe("lora"), sagemaker_settings())
    with pytest.raises(
        InvalidSpecError, match=r"spec.data.train.path: '/fsx/data/train.jsonl' is not reachable"
    ):
        build_create_training_job_request(request, sagemaker_settings())


def test_resume_from_a_foreign_checkpoint_is_rejected() -> None:
    request = open_lora()
    resumed = AttemptRequest(
        **{**request.__dict__, "attempt": 2, "resume_from": "s3://elsewhere/ckpt/step-1"}
    )
    with pytest.raises(InvalidSpecError, match=r"resume only from checkpoints under"):
        build_create_training_job_request(resumed, sagemaker_settings())


def test_resume_auto_is_passed_through() -> None:
    request = open_lora()
    resumed = AttemptRequest(**{**request.__dict__, "attempt": 2, "resume_from": "auto"})
    plan = build_create_training_job_request(resumed, sagemaker_settings())
    assert plan.request["AlgorithmSpecification"]["ContainerArguments"][-2:] == ["--resume-from", "auto"]
    assert plan.request["TrainingJobName"].endswith("-a2")


def test_runtime_over_28_days_is_rejected() -> None:
    request = open_lora()
    long = AttemptRequest(**{**request.__dict__, "remaining_runtime_seconds": 29 * 86400})
    with pytest.raises(InvalidSpecError, match=r"28 days"):
        build_create_training_job_request(long, sagemaker_settings())


def test_attempt_one_resumes_auto_through_the_sagemaker_entrypoint() -> None:
    """A spot interruption restarts attempt 1's training job with its checkpoints copied back: the
    trainer must continue from them, not start over. finetune-sagemaker starts torchrun per instance."""
    plan = build_create_training_job_request(open_lora(), sagemaker_settings())
    algorithm = plan.request["AlgorithmSpecification"]
    assert algorithm["ContainerEntrypoint"] == ["finetune-sagemaker"]
    assert algorithm["ContainerArguments"] == [
        "--config",
        "/opt/ml/input/data/config/config.yaml",
        "--resume-from",
        "auto",
    ]


def test_grpo_code_reaches_the_container_unmodified_through_channels() -> None:
    plan = build_create_training_job_request(grpo_lora_spot(), sagemaker_settings())
    channels = {
        c["ChannelName"]: c["DataSource"]["S3DataSource"]["S3Uri"] for c in plan.request["InputDataConfig"]
    }
    (code,) = [u for u in plan.uploads if u.uri.endswith(".py")]
    assert code.body == REWARD_MODULE  # byte for byte; the unrelated key is not delivered
    assert channels["code_0"] == code.uri.rpartition("/")[0] + "/"
    assert channels["code_1"] == "s3://ml-code/tools/calculator.py"
    (config,) = [yaml.safe_load(u.body) for u in plan.uploads if u.uri.endswith("config.yaml")]
    assert [r.get("module") for r in config["rewards"]] == ["/opt/ml/input/data/code_0/reward.py", None]
    assert config["tools"] == {
        "module": "/opt/ml/input/data/code_1/calculator.py",
        "functions": ["add", "multiply"],
        "maxTurns": 4,
    }
    assert plan.code_uris == ["s3://ml-code/tools/calculator.py"]
    assert plan.request["EnableManagedSpotTraining"] is True
    assert plan.request["ResourceConfig"]["InstanceType"] == "ml.g5.12xlarge"


def test_changed_code_gets_a_new_content_addressed_prefix() -> None:
    def code_uri(module: str) -> str:
        request = attempt_request(
            grpo_lora_spot_job(),
            open_model_recipe("grpo-lora", GPU_TYPE),
            sagemaker_settings(),
            config_maps={"rewards": {"reward.py": module}},
        )
        plan = build_create_training_job_request(request, sagemaker_settings())
        (code,) = [u for u in plan.uploads if u.uri.endswith(".py")]
        return code.uri

    assert code_uri(REWARD_MODULE) == code_uri(REWARD_MODULE)
    assert code_uri(REWARD_MODULE) != code_uri(REWARD_MODULE + "# changed\n")


def test_grpo_on_trainium_is_refused_naming_the_supported_families() -> None:
    job = grpo_lora_spot_job()
    assert job.spec.resources is not None
    job.spec.resources.instance_type = None
    with pytest.raises(InvalidSpecError, match=r"GRPO runs on the cuda, cpu families"):
        attempt_request(
            job,
            open_model_recipe("grpo-lora"),
            sagemaker_settings(),
            config_maps={"rewards": {"reward.py": ""}},
        )


def test_the_trainer_image_follows_the_instance_types_family() -> None:
    cuda = "123456789012.dkr.ecr.us-east-1.amazonaws.com/finetune-trainer-cuda:0.1.0"
    settings = sagemaker_settings(trainer_images={"cuda": cuda})
    plan = build_create_training_job_request(grpo_lora_spot(), settings)
    assert plan.request["AlgorithmSpecification"]["TrainingImage"] == cuda
    neuron = build_create_training_job_request(open_lora(), settings)
    assert neuron.request["AlgorithmSpecification"]["TrainingImage"] == settings.trainer_image


def test_metric_definitions_read_the_trainers_lines_and_nothing_else() -> None:
    """SageMaker parses the trainer's stdout: each metric from its own line and name only (issue 23,
    point 6: the validation loss was nowhere)."""
    step = format_metrics_line(StepReport(1, 40, 50, 0.8, 0.4, 1e-4, 900.0, 0.0, extra={"reward": 0.5}))
    validation = format_validation_line(50, {"validationLoss": 0.82, "validationRewardAccuracy": 0.75})

    def parsed(line: str) -> dict[str, str]:
        found = {d["Name"]: re.search(d["Regex"], line) for d in METRIC_DEFINITIONS}
        return {name: match.group(1) for name, match in found.items() if match}

    assert parsed(step) == {
        "train:loss": "0.4",
        "train:learning_rate": "0.0001",
        "train:tokens_per_second": "900.0",
        "train:step": "40",
        "train:reward": "0.5",
    }
    assert parsed(validation) == {
        "train:step": "50",
        "validation:loss": "0.82",
        "validation:reward_accuracy": "0.75",
    }


def test_two_runs_of_one_job_name_keep_disjoint_s3_locations() -> None:
    """Issue 23, item 4 on SageMaker: a job re-created under its name (a new uid) gets its own S3
    root (checkpoints, output, TensorBoard) and its own training job names, so its model.tar.gz
    (status.output.path, under the training job's name) never replaces the earlier run's. (With a
    checkpointS3Uri the two share, each run's progress has its own key: test_sagemaker_backend.py.)"""
    spec = {
        **LLAMA,
        "method": "lora",
        "data": {"train": {"path": "s3://ml-data/chat/train.jsonl"}},
    }
    plans = [
        build_create_training_job_request(
            attempt_request(make_job(spec, uid=uid), open_model_recipe("lora"), sagemaker_settings()),
            sagemaker_settings(),
        )
        for uid in ("uid-first", "uid-second")
    ]
    first, second = (plan.locations for plan in plans)
    for a, b in [
        (first.root, second.root),
        (first.output, second.output),
        (first.tensorboard, second.tensorboard),
    ]:
        assert a != b and not a.startswith(b) and not b.startswith(a), (a, b)
    assert plans[0].name != plans[1].name
    tensorboard = [plan.request["TensorBoardOutputConfig"]["S3OutputPath"] for plan in plans]
    assert tensorboard == [first.tensorboard, second.tensorboard]
