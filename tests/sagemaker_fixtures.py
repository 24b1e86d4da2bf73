"""moto, in server mode, made realistic enough for the SageMaker backend's tests.

moto's SageMaker marks a new training job Completed at once, silently overwrites a
duplicate name, and has no StopTrainingJob. This plugin (load it with
``pytest_plugins = ["tests.sagemaker_fixtures"]``) changes moto's fake, never production
code: new jobs start InProgress/Starting, a duplicate name raises ResourceInUse as AWS
does, StopTrainingJob exists (InProgress -> Stopping), and tests drive every later
transition through :class:`MotoSageMaker`. It can also inject ThrottlingException
answers, and it records every S3 request the server receives (``s3_requests``). Dummy
credentials are set for the test process only.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import boto3
import pytest
import requests
import yaml
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import utcnow
from moto.s3.models import S3Backend
from moto.sagemaker.exceptions import ResourceInUseException, ValidationError
from moto.sagemaker.models import FakeTrainingJob, SageMakerModelBackend, sagemaker_backends
from moto.sagemaker.responses import SageMakerResponse
from moto.server import ThreadedMotoServer

from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.recipe import Recipe
from finetune_operator.attempt import AttemptRequest
from finetune_operator.attempts import attempt_request_for_recipe
from finetune_operator.backends.sagemaker.settings import SageMakerSettings
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import BUILTIN_RECIPES_DIR

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
_FAKE_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
}


class ThrottlingException(ServiceException):
    code = "ThrottlingException"


class MotoSageMaker:
    """Drives moto's training jobs and counts the calls the backend makes."""

    def __init__(self, endpoint_url: str) -> None:
        self.endpoint_url = endpoint_url
        self.calls: Counter[str] = Counter()
        self.throttle: Counter[str] = Counter()
        """Operation name -> how many of its next calls answer ThrottlingException."""
        self.s3_requests: list[tuple[str, str, str]] = []
        """(HTTP method, bucket, path) of every S3 request the server received, in order."""

    def s3_requests_to(self, bucket: str) -> list[tuple[str, str]]:
        """(method, path) of every S3 request made to ``bucket`` (HEAD is HeadObject, GET on a
        key GetObject, GET on the bucket ListObjects)."""
        return [(method, path) for method, name, path in self.s3_requests if name == bucket]

    @property
    def backend(self) -> SageMakerModelBackend:
        return sagemaker_backends[ACCOUNT_ID][REGION]

    def job(self, name: str) -> FakeTrainingJob:
        return self.backend.training_jobs[name]

    def set_status(self, name: str, status: str, secondary: str, message: str = "", **fields: Any) -> None:
        """Move a job to (status, secondary) with a transition record, like SageMaker.

        ``fields`` sets DescribeTrainingJob attributes in moto's snake_case
        (``failure_reason``, ``billable_time_in_seconds``, ...).
        """
        job = self.job(name)
        now = utcnow()
        transitions = job.secondary_status_transitions
        if transitions and "EndTime" not in transitions[-1]:
            transitions[-1]["EndTime"] = now
        if not transitions or transitions[-1]["Status"] != secondary:
            transitions.append({"Status": secondary, "StartTime": now, "StatusMessage": message or secondary})
        job.training_job_status = status
        job.secondary_status = secondary
        job.last_modified_time = now
        for key, value in fields.items():
            setattr(job, key, value)

    def reset(self) -> None:
        requests.post(f"{self.endpoint_url}/moto-api/reset", timeout=10).raise_for_status()
        self.calls.clear()
        self.throttle.clear()
        self.s3_requests.clear()

    def client(self, service: str) -> Any:
        return boto3.client(service, region_name=REGION, endpoint_url=self.endpoint_url)


_controller: MotoSageMaker | None = None


def _patched_create(self: SageMakerModelBackend, training_job_name: str, **kwargs: Any) -> FakeTrainingJob:
    if training_job_name in self.training_jobs:
        arn = FakeTrainingJob.arn_formatter(training_job_name, self.account_id, self.region_name)
        raise ResourceInUseException(
            message=f"Training job names must be unique within an AWS account and region: {arn} exists"
        )
    job = _original_create(self, training_job_name=training_job_name, **kwargs)
    job.training_job_status = "InProgress"
    job.secondary_status = "Starting"
    job.training_end_time = None
    job.model_artifacts = None
    job.final_metric_data_list = None
    return job


def _stop_training_job(self: SageMakerResponse) -> ActionResult:
    name = self._get_param("TrainingJobName")
    backend = self.sagemaker_backend
    if name not in backend.training_jobs:
        arn = FakeTrainingJob.arn_formatter(name, backend.account_id, backend.region_name)
        raise ValidationError(message=f"Could not find training job '{arn}'.")
    job = backend.training_jobs[name]
    if job.training_job_status != "InProgress":
        raise ValidationError(
            message=f"The training job is in status {job.training_job_status}, not InProgress."
        )
    assert _controller is not None
    _controller.set_status(name, "Stopping", "Stopping", "Stopping the training job")
    return EmptyResult()


def _counted(operation: str, method: Any) -> Any:
    def wrapper(self: SageMakerResponse) -> Any:
        assert _controller is not None
        if _controller.throttle[operation] > 0:
            _controller.throttle[operation] -= 1
            _controller.calls[f"{operation}:throttled"] += 1
            raise ThrottlingException("Rate exceeded")
        _controller.calls[operation] += 1
        return method(self)

    return wrapper


def _logged_s3_request(self: S3Backend, request: Any, bucket_name: str) -> None:
    """Every S3 request reaches this hook of moto's S3 backend (bucket and key requests alike):
    record it, server side, whatever client sent it."""
    if _controller is not None:
        _controller.s3_requests.append((request.method, bucket_name, urlparse(request.url).path))
    _original_log_incoming_request(self, request, bucket_name)


_original_create = SageMakerModelBackend.create_training_job
_original_log_incoming_request = S3Backend.log_incoming_request
_COUNTED = ("create_training_job", "describe_training_job", "stop_training_job")


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoSageMaker]:
    """A moto server on a free port with the realistic training-job behaviour above."""
    global _controller
    saved_env = {key: os.environ.get(key) for key in _FAKE_ENV}
    os.environ.update(_FAKE_ENV)
    saved = {name: getattr(SageMakerResponse, name, None) for name in _COUNTED}
    SageMakerModelBackend.create_training_job = _patched_create  # type: ignore[method-assign,assignment]
    SageMakerResponse.stop_training_job = _stop_training_job  # type: ignore[attr-defined]
    S3Backend.log_incoming_request = _logged_s3_request  # type: ignore[method-assign]
    for name in _COUNTED:
        setattr(SageMakerResponse, name, _counted(name, getattr(SageMakerResponse, name)))
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    _controller = MotoSageMaker(f"http://{host}:{port}")
    try:
        yield _controller
    finally:
        server.stop()
        _controller = None
        SageMakerModelBackend.create_training_job = _original_create  # type: ignore[method-assign]
        S3Backend.log_incoming_request = _original_log_incoming_request  # type: ignore[method-assign]
        for name, original in saved.items():
            if original is None:
                delattr(SageMakerResponse, name)
            else:
                setattr(SageMakerResponse, name, original)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def moto_sagemaker(moto_server: MotoSageMaker) -> Iterator[MotoSageMaker]:
    """The shared moto server, reset before each test, with a data bucket."""
    moto_server.reset()
    yield moto_server


# --- FineTuneJob builders shared by the SageMaker tests ------------------------------------------

ROLE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:role/finetune-team-a"
TRAINER_IMAGE = f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/finetune-trainer:0.1.0"
DATA_BUCKET = "ml-data"
OUTPUT_PREFIX = "s3://ml-artifacts/finetune"
TEAM_A_S3_PREFIXES = ["s3://ml-data/", "s3://ml-models/", "s3://ml-code/"]
"""What the platform team lets namespace team-a (every job built here) name in S3, besides its
own location under OUTPUT_PREFIX."""


def sagemaker_settings(**overrides: Any) -> SageMakerSettings:
    values: dict[str, Any] = {
        "region": REGION,
        "role_allowlist": [f"arn:aws:iam::{ACCOUNT_ID}:role/finetune-*"],
        "s3_prefix": OUTPUT_PREFIX,
        "allowed_s3_prefixes": {"team-a": TEAM_A_S3_PREFIXES},
        "trainer_image": TRAINER_IMAGE,
        **overrides,
    }
    return SageMakerSettings(**values)


def open_model_recipe(method: str = "lora", instance_type: str = "ml.trn1.32xlarge") -> Recipe:
    """A ClusterFineTuneRecipe for an open model, pinned here so goldens do not move with the catalog."""
    return Recipe.model_validate(
        {
            "kind": "ClusterFineTuneRecipe",
            "metadata": {"name": f"llama-3.1-8b-{method}"},
            "spec": {
                "model": "llama-3.1-8b",
                "method": method,
                "resources": {"instanceType": instance_type, "nodes": 1},
                "config": {"training": {"seqLength": 4096, "maxSteps": 1000}},
            },
        }
    )


def nova_recipe(model: str, method: str) -> Recipe:
    path = BUILTIN_RECIPES_DIR / f"{model}-{method}.yaml"
    return Recipe.model_validate(yaml.safe_load(path.read_text()))


RECORD = {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
"""One valid chat record; the ``aws`` fixture puts three of them at s3://ml-data/chat/train.jsonl."""


@pytest.fixture
def aws(moto_sagemaker: MotoSageMaker) -> MotoSageMaker:
    s3 = moto_sagemaker.client("s3")
    for bucket in ("ml-data", "ml-artifacts"):
        s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket="ml-data", Key="chat/train.jsonl", Body=(json.dumps(RECORD) + "\n") * 3)
    return moto_sagemaker


def make_job(
    spec: dict[str, Any],
    name: str = "llama-lora",
    uid: str = "0b6c2d4e-1111-2222-3333-444455556666",
    annotations: dict[str, str] | None = None,
) -> FineTuneJob:
    return FineTuneJob.model_validate(
        {
            "metadata": {"name": name, "namespace": "team-a", "uid": uid, "annotations": annotations or {}},
            "spec": {"backend": "sagemaker", "sagemaker": {"roleArn": ROLE_ARN}, **spec},
        }
    )


def attempt_request(
    job: FineTuneJob,
    recipe: Recipe,
    settings: SageMakerSettings,
    attempt: int = 1,
    resume_from: str | None = None,
    config_maps: dict[str, dict[str, str]] | None = None,
) -> AttemptRequest:
    operator = OperatorConfig(sagemaker=settings)
    request, _ = attempt_request_for_recipe(
        job, recipe, operator, attempt, resume_from, job.spec.max_runtime_seconds, config_maps
    )
    return request


REWARD_MODULE = (
    "import re\n\n\n"
    "def correct_answer(prompt, completion, answer, **fields):\n"
    '    """1 when the last number of the completion is the record\'s answer."""\n'
    '    numbers = re.findall(r"-?\\d+", completion)\n'
    "    return 1.0 if numbers and numbers[-1] == str(answer) else 0.0\n"
)
"""A custom reward module, as a team keeps it in a ConfigMap (key reward.py)."""


GPU_TYPE = "ml.g5.12xlarge"


def grpo_lora_spot_job(tools_uri: str = "s3://ml-code/tools/calculator.py") -> FineTuneJob:
    """A spot grpo-lora job on a GPU instance type: a ConfigMap reward, a built-in, an S3 tool module."""
    return make_job(
        {
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama-3.1-8b/"},
            "method": "grpo-lora",
            "data": {"train": {"path": "s3://ml-data/math/train.jsonl"}},
            "resources": {"instanceType": GPU_TYPE},
            "rewards": [
                {
                    "name": "correct",
                    "function": "correct_answer",
                    "configMap": {"name": "rewards", "key": "reward.py"},
                },
                {"name": "format", "weight": 0.2, "builtin": "format", "pattern": r".*\\boxed\\{.+\\}.*"},
            ],
            "tools": {"s3Uri": tools_uri, "functions": ["add", "multiply"], "maxTurns": 4},
            "recipe": {"overrides": {"grpo.numGenerations": 4}},
            "maxRuntimeSeconds": 7200,
            "sagemaker": {"roleArn": ROLE_ARN, "spot": {"enabled": True, "maxWaitSeconds": 14400}},
        },
        name="llama-grpo-spot",
    )
