"""Pure construction of the CreateTrainingJob request for one attempt.

``build_create_training_job_request`` turns (attempt request, operator settings) into the exact
request dict the backend sends and the documents it uploads to S3 first (the resolved
training config, and for Nova the recipe). No AWS calls happen here, so
``finetune-operator render`` prints precisely what ``submit`` would send, and the golden
tests pin it.

S3 layout of one FineTuneJob (``<root>`` = ``<s3Prefix>/<namespace>/<name>-<uid hash>``)::

    <root>/checkpoints/            CheckpointConfig.S3Uri, shared by every attempt
    <root>/output/                 OutputDataConfig.S3OutputPath (unless spec.sagemaker.outputS3Uri)
    <root>/tensorboard/            TensorBoardOutputConfig.S3OutputPath
    <root>/attempts/a<N>/config/   channel "config": the resolved training config
    <root>/attempts/a<N>/recipe/   channel "recipe": the Nova recipe (Nova jobs only)
    <root>/code/<content hash>/    channel "code_<i>": one ConfigMap's reward/tool modules (GRPO)

The uid hash keeps a deleted-and-recreated job with the same name away from the old
job's checkpoints, which SageMaker would otherwise copy into the new job's instances.
The code prefix is named by the hash of the files it holds, so an attempt always gets the
code it was rendered with, byte for byte, and unchanged code is not uploaded anew.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from finetune_contract.constants import RESUME_AUTO
from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.training_config import (
    CheckpointingSection,
    DataConfig,
    EvaluationConfig,
    LoggingSection,
    ModelConfig,
    OutputSection,
    PathSource,
    ResolvedTrainingConfig,
    WeightedSource,
)
from finetune_operator.attempt import AttemptRequest
from finetune_operator.backends.sagemaker import nova
from finetune_operator.backends.sagemaker.naming import training_job_name
from finetune_operator.backends.sagemaker.s3access import allowed_prefixes, check_locations
from finetune_operator.backends.sagemaker.settings import SageMakerSettings
from finetune_operator.errors import InvalidSpecError
from finetune_operator.patterns import matches_any

CHANNELS_DIR = "/opt/ml/input/data"
CHECKPOINT_LOCAL_PATH = "/opt/ml/checkpoints"
MODEL_DIR = "/opt/ml/model"
TENSORBOARD_LOCAL_PATH = "/opt/ml/output/tensorboard"
CONFIG_CHANNEL = "config"
CONFIG_FILE = "config.yaml"
CODE_CHANNEL_PREFIX = "code_"
YAML_CONTENT_TYPE = "application/x-yaml"
PYTHON_CONTENT_TYPE = "text/x-python"
RECIPE_CHANNEL = "recipe"
TRAINER_ENTRYPOINT = "finetune-sagemaker"
"""The trainer's SageMaker entrypoint: SageMaker starts the container once per instance, and this
command starts torchrun (through the trainer's launcher) with one process per GPU / NeuronCore and
the rendezvous of the job's instances."""
DEFAULT_MAX_RUNTIME_SECONDS = 86_400
"""SageMaker's own default (one day), made explicit so render shows it."""
MAX_RUNTIME_LIMIT_SECONDS = 28 * 86_400
INTERNAL_ERROR_RETRIES = 2
"""RetryStrategy: SageMaker retries a job only after an InternalServerError; training
failures are resumed by the operator (a new attempt), not by SageMaker."""

TAG_NAMESPACE = "finetune.dev/namespace"
TAG_NAME = "finetune.dev/name"
TAG_UID = "finetune.dev/uid"
TAG_ATTEMPT = "finetune.dev/attempt"

ROLE_ARN_PATTERN = re.compile(r"arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+")
_NUMBER = r"([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"
METRIC_DEFINITIONS = [
    {"Name": "train:loss", "Regex": rf"finetune-metrics .*\bloss={_NUMBER}"},
    {"Name": "train:learning_rate", "Regex": rf"finetune-metrics .*\blr={_NUMBER}"},
    {"Name": "train:tokens_per_second", "Regex": rf"finetune-metrics .*\btokens_per_second={_NUMBER}"},
    {"Name": "train:step", "Regex": rf"finetune-metrics .*\bstep={_NUMBER}"},
    {"Name": "train:reward", "Regex": rf"finetune-metrics .*\breward={_NUMBER}"},
    {"Name": "validation:loss", "Regex": rf"finetune-metrics .*\bvalidation_loss={_NUMBER}"},
    {
        "Name": "validation:reward_accuracy",
        "Regex": rf"finetune-metrics .*\bvalidation_reward_accuracy={_NUMBER}",
    },
]
"""Parse the trainer's ``finetune-metrics step=.. loss=.. lr=.. tokens_per_second=..``
stdout lines (docs/trainer-contract.md, section 3); GRPO steps add ``reward=<mean reward>``,
and the validation pass after the last step prints ``finetune-metrics validation step=..
validation_loss=..`` (DPO: ``validation_reward_accuracy=..``). ``\b`` keeps ``loss=`` and
``reward=`` from matching inside the validation names."""


@dataclass(frozen=True)
class Upload:
    """A document the backend puts to S3 before CreateTrainingJob."""

    uri: str
    body: str
    content_type: str = YAML_CONTENT_TYPE


@dataclass(frozen=True)
class JobLocations:
    """Where one FineTuneJob's data lives in S3 (see the module docstring)."""

    root: str
    checkpoints: str
    output: str
    tensorboard: str

    def attempt_inputs(self, attempt: int) -> str:
        return f"{self.root}attempts/a{attempt}/"


@dataclass(frozen=True)
class TrainingJobPlan:
    """Everything ``submit`` does for one attempt, computed without side effects."""

    name: str
    request: dict[str, Any]
    uploads: list[Upload]
    locations: JobLocations
    data_uris: list[str]
    """S3 data sources the pre-flight checks before anything is created."""
    code_uris: list[str] = field(default_factory=list)
    """The job's own s3:// modules, checked to exist before anything is created."""


def uid_hash(uid: str) -> str:
    return hashlib.sha256(uid.encode()).hexdigest()[:8]


def _as_prefix(uri: str) -> str:
    return uri if uri.endswith("/") else uri + "/"


def job_locations(job: FineTuneJob, settings: SageMakerSettings) -> JobLocations:
    """The S3 root, checkpoint, output and TensorBoard prefixes of ``job``."""
    spec = job.spec.sagemaker
    base = settings.s3_prefix or (spec.output_s3_uri if spec else None)
    if not base:
        raise InvalidSpecError(
            "spec.sagemaker.outputS3Uri: no S3 location for outputs and checkpoints; set it, or ask the "
            "operator administrator to set sagemaker.s3Prefix"
        )
    if not base.startswith("s3://"):
        raise InvalidSpecError(f"S3 location {base!r} must be an s3:// URI")
    meta = job.metadata
    root = _as_prefix(base) + f"{meta.namespace}/{meta.name}-{uid_hash(meta.uid or '')}/"
    return JobLocations(
        root=root,
        checkpoints=_as_prefix(spec.checkpoint_s3_uri)
        if spec and spec.checkpoint_s3_uri
        else root + "checkpoints/",
        output=_as_prefix(spec.output_s3_uri) if spec and spec.output_s3_uri else root + "output/",
        tensorboard=root + "tensorboard/",
    )


def resolve_role_arn(job: FineTuneJob, settings: SageMakerSettings) -> str:
    """The execution role for ``job``, only if the operator's allowlist permits it.

    A tenant can write any ARN into a spec; the allowlist (set by the administrator) is
    what stops a namespace from borrowing a privileged role.
    """
    spec = job.spec.sagemaker
    role = (spec.role_arn if spec else None) or settings.default_role_arn
    if not role:
        raise InvalidSpecError(
            "spec.sagemaker.roleArn: no execution role; set one, or ask the operator administrator to set "
            "sagemaker.defaultRoleArn"
        )
    if ROLE_ARN_PATTERN.fullmatch(role) is None:
        raise InvalidSpecError(f"spec.sagemaker.roleArn: {role!r} is not an IAM role ARN")
    if not matches_any(role, settings.role_allowlist):
        raise InvalidSpecError(
            f"spec.sagemaker.roleArn: role {role!r} is not in the operator's role allowlist; "
            "ask the operator administrator to allow it (sagemaker.roleAllowlist)"
        )
    return role


def namespace_prefixes(job: FineTuneJob, settings: SageMakerSettings) -> list[str]:
    """The S3 prefixes ``job``'s namespace may use (docs/security.md, "SageMaker and S3")."""
    return allowed_prefixes(job.metadata.namespace or "", settings.allowed_s3_prefixes, settings.s3_prefix)


def job_s3_locations(request: AttemptRequest, locations: JobLocations) -> list[tuple[str, str]]:
    """Every S3 location the attempt reads or writes, with the field that names it: where the
    operator (pre-flight, uploads, checkpoints, progress) or the training job would go."""
    config = request.config
    single = len(config.data.train) == 1
    named = [
        ("spec.data.train.path" if single else f"spec.data.mixture[{index}].path", source.path)
        for index, source in enumerate(config.data.train)
    ]
    if config.data.validation is not None:
        named.append(("spec.data.validation.path", config.data.validation.path))
    if config.evaluation is not None:
        named += [
            (field, location)
            for field, location in (
                ("spec.evaluation.data.path", config.evaluation.path),
                ("spec.evaluation.prompts.path", config.evaluation.prompts),
            )
            if location is not None
        ]
    named.append(("spec.model.uri", config.model.path))
    if config.model.tokenizer is not None:
        named.append(("spec.model.tokenizer", config.model.tokenizer))
    named.extend((f"{module.field}.s3Uri", module.s3_uri) for module in request.code if module.s3_uri)
    named += [
        ("spec.sagemaker.outputS3Uri", locations.root),
        ("spec.sagemaker.outputS3Uri", locations.output),
        ("spec.sagemaker.checkpointS3Uri", locations.checkpoints),
    ]
    return [(field, uri) for field, uri in named if uri.startswith("s3://")]


def checkpoint_local_path(resume_from: str, locations: JobLocations) -> str:
    """Translate a checkpoint reference into the path inside the training container.

    SageMaker copies ``CheckpointConfig.S3Uri`` to ``/opt/ml/checkpoints`` before the
    container starts, so ``<checkpoints>/step-00000020`` in S3 is
    ``/opt/ml/checkpoints/step-00000020`` for the trainer.
    """
    if resume_from == RESUME_AUTO or resume_from.startswith(CHECKPOINT_LOCAL_PATH + "/"):
        return resume_from
    if resume_from.startswith(locations.checkpoints):
        relative = resume_from[len(locations.checkpoints) :].strip("/")
        return f"{CHECKPOINT_LOCAL_PATH}/{relative}"
    raise InvalidSpecError(
        f"cannot resume from {resume_from!r}: SageMaker jobs resume only from checkpoints under "
        f"{locations.checkpoints}"
    )


def build_create_training_job_request(
    request: AttemptRequest, settings: SageMakerSettings
) -> TrainingJobPlan:
    """The CreateTrainingJob request and S3 uploads for ``request`` (pure)."""
    job = request.job
    config = request.config
    meta = job.metadata
    name = training_job_name(meta.name, meta.uid or "", request.attempt)
    locations = job_locations(job, settings)
    inputs = locations.attempt_inputs(request.attempt)
    sagemaker_spec = job.spec.sagemaker
    is_nova = nova.is_nova_model(config.model.name)

    data_channels, container_data = _data_channels(config.data, nova_layout=is_nova)
    channels = [channel for channel, _ in data_channels]
    uploads: list[Upload] = []
    hyperparameters: dict[str, str]
    algorithm: dict[str, Any]
    if is_nova:
        nova.check_nova_job(config, request.resources)
        recipe_file = f"{config.recipe.name}.yaml"
        recipe_document = nova.render_nova_recipe(config, request.resources, run_name=name)
        uploads.append(Upload(f"{inputs}{RECIPE_CHANNEL}/{recipe_file}", _yaml(recipe_document)))
        channels.append(_s3_channel(RECIPE_CHANNEL, f"{inputs}{RECIPE_CHANNEL}/"))
        hyperparameters = {"sagemaker_recipe_local_path": f"{CHANNELS_DIR}/{RECIPE_CHANNEL}/{recipe_file}"}
        image = job.spec.image or nova.nova_image(config.method, settings.nova_images)
        algorithm = {"TrainingImage": image, "TrainingInputMode": "File"}
    else:
        model_channels, container_model = _model_channels(config.model)
        channels.extend(model_channels)
        code = _code_channels(request, locations)
        channels.extend(code.channels)
        evaluation_channels, container_evaluation = _evaluation_channels(config.evaluation)
        channels.extend(evaluation_channels)
        uploads.extend(code.uploads)
        container_config = config.model_copy(
            update={
                "model": container_model,
                "rewards": [
                    r.model_copy(update={"module": code.paths[r.module]}) if r.module else r
                    for r in config.rewards
                ],
                "tools": config.tools.model_copy(update={"module": code.paths[config.tools.module]})
                if config.tools
                else None,
                "data": container_data,
                "evaluation": container_evaluation,
                "checkpointing": CheckpointingSection(
                    dir=CHECKPOINT_LOCAL_PATH,
                    every_steps=config.checkpointing.every_steps,
                    keep_last=config.checkpointing.keep_last,
                ),
                "output": OutputSection(dir=MODEL_DIR, merge=config.output.merge),
                "logging": LoggingSection(
                    tensorboard_dir=TENSORBOARD_LOCAL_PATH, every_steps=config.logging.every_steps
                ),
            }
        )
        uploads.append(
            Upload(f"{inputs}{CONFIG_CHANNEL}/{CONFIG_FILE}", _yaml(container_config.model_dump(mode="json")))
        )
        channels.append(_s3_channel(CONFIG_CHANNEL, f"{inputs}{CONFIG_CHANNEL}/"))
        hyperparameters = _tunable_hyperparameters(config)
        family = request.resources.accelerator_family
        trainer_image = job.spec.image or settings.trainer_images.get(family) or settings.trainer_image
        if not trainer_image:
            raise InvalidSpecError(
                "spec.image: no trainer image for SageMaker; set spec.image to an ECR image of the finetune "
                f"trainer, or ask the operator administrator to set sagemaker.trainer_images.{family.value} "
                "(or sagemaker.trainer_image)"
            )
        # Every attempt passes `auto`, never the checkpoint it starts from by name: a managed-spot
        # interruption or an internal-error retry restarts the same training job with the
        # checkpoints copied back to /opt/ml/checkpoints, and it must continue from the newest, not
        # from one `keepLast` may have removed since. The one it starts from must be this job's.
        if request.resume_from:
            checkpoint_local_path(request.resume_from, locations)
        arguments = [
            "--config",
            f"{CHANNELS_DIR}/{CONFIG_CHANNEL}/{CONFIG_FILE}",
            "--resume-from",
            RESUME_AUTO,
        ]
        algorithm = {
            "TrainingImage": trainer_image,
            "TrainingInputMode": "File",
            "MetricDefinitions": METRIC_DEFINITIONS,
            "ContainerEntrypoint": [TRAINER_ENTRYPOINT],
            "ContainerArguments": arguments,
        }

    body: dict[str, Any] = {
        "TrainingJobName": name,
        "RoleArn": resolve_role_arn(job, settings),
        "AlgorithmSpecification": algorithm,
        "HyperParameters": hyperparameters,
        "InputDataConfig": channels,
        "OutputDataConfig": {"S3OutputPath": locations.output},
        "CheckpointConfig": {"S3Uri": locations.checkpoints, "LocalPath": CHECKPOINT_LOCAL_PATH},
        "TensorBoardOutputConfig": {
            "S3OutputPath": locations.tensorboard,
            "LocalPath": TENSORBOARD_LOCAL_PATH,
        },
        "ResourceConfig": {
            "InstanceType": request.resources.instance_type,
            "InstanceCount": request.resources.nodes,
            "VolumeSizeInGB": (sagemaker_spec.volume_size_gb if sagemaker_spec else None)
            or settings.default_volume_size_gb,
        },
        "StoppingCondition": _stopping_condition(request),
        "RetryStrategy": {"MaximumRetryAttempts": INTERNAL_ERROR_RETRIES},
        "Environment": {
            "FINETUNE_JOB_NAMESPACE": meta.namespace or "default",
            "FINETUNE_JOB_NAME": meta.name,
            "FINETUNE_ATTEMPT": str(request.attempt),
            # The training job has no Kubernetes credentials: progress goes to logs and
            # metrics, checkpoints are found by listing CheckpointConfig.S3Uri.
            "FINETUNE_STATUS_REPORTING": "none",
        },
        "Tags": _tags(job, request.attempt, settings),
    }
    if sagemaker_spec and sagemaker_spec.spot.enabled:
        body["EnableManagedSpotTraining"] = True
    if sagemaker_spec and sagemaker_spec.vpc_config:
        body["VpcConfig"] = {
            "SecurityGroupIds": list(sagemaker_spec.vpc_config.security_group_ids),
            "Subnets": list(sagemaker_spec.vpc_config.subnets),
        }
    # The last check, like the others pure: nothing in S3 is looked at for a location outside these.
    check_locations(
        meta.namespace or "", job_s3_locations(request, locations), namespace_prefixes(job, settings)
    )
    data_uris = [uri for _, uri in data_channels]
    code_uris = [module.s3_uri for module in request.code if module.s3_uri]
    return TrainingJobPlan(
        name=name,
        request=body,
        uploads=uploads,
        locations=locations,
        data_uris=data_uris,
        code_uris=list(dict.fromkeys(code_uris)),
    )


@dataclass(frozen=True)
class CodeChannels:
    channels: list[dict[str, Any]]
    uploads: list[Upload]
    paths: dict[str, str]
    """Module location in the resolved config -> its path in the training container."""


def _code_channels(request: AttemptRequest, locations: JobLocations) -> CodeChannels:
    """One input channel per ConfigMap (its files uploaded under a content-hashed prefix) and
    per s3:// module the job names (channels code_0, code_1, ...)."""
    channels: list[dict[str, Any]] = []
    uploads: list[Upload] = []
    paths: dict[str, str] = {}
    for code in request.code_files:
        digest = hashlib.sha256(json.dumps(sorted(code.files.items())).encode()).hexdigest()[:16]
        prefix = f"{locations.root}code/{digest}/"
        channel = f"{CODE_CHANNEL_PREFIX}{len(channels)}"
        channels.append(_s3_channel(channel, prefix))
        for key, content in code.files.items():
            uploads.append(Upload(prefix + key, content, PYTHON_CONTENT_TYPE))
            paths[f"{code.directory}/{key}"] = f"{CHANNELS_DIR}/{channel}/{key}"
    for module in request.code:
        if module.path is not None:
            raise InvalidSpecError(
                f"{module.field}.path: a SageMaker training job cannot read the job's storage; use configMap "
                "or s3Uri"
            )
        uri = module.s3_uri
        if uri is None or uri in paths:
            continue
        channel = f"{CODE_CHANNEL_PREFIX}{len(channels)}"
        channels.append(_s3_channel(channel, uri))
        paths[module.location] = f"{CHANNELS_DIR}/{channel}/{posixpath.basename(uri)}"
    return CodeChannels(channels, uploads, paths)


def _stopping_condition(request: AttemptRequest) -> dict[str, int]:
    spec = request.job.spec
    runtime = request.remaining_runtime_seconds or spec.max_runtime_seconds or DEFAULT_MAX_RUNTIME_SECONDS
    if runtime > MAX_RUNTIME_LIMIT_SECONDS:
        raise InvalidSpecError(
            f"spec.maxRuntimeSeconds: {runtime} exceeds SageMaker's limit of "
            f"{MAX_RUNTIME_LIMIT_SECONDS} seconds (28 days)"
        )
    condition = {"MaxRuntimeInSeconds": runtime}
    spot = spec.sagemaker.spot if spec.sagemaker else None
    if spot and spot.enabled:
        max_wait = spot.max_wait_seconds or 2 * runtime
        if max_wait <= runtime:
            raise InvalidSpecError(
                f"spec.sagemaker.spot.maxWaitSeconds: {max_wait} must exceed the runtime limit of {runtime} "
                "seconds (it covers waiting for spot capacity plus running)"
            )
        condition["MaxWaitTimeInSeconds"] = max_wait
    return condition


def _s3_channel(name: str, uri: str) -> dict[str, Any]:
    return {
        "ChannelName": name,
        "DataSource": {
            "S3DataSource": {
                "S3DataType": "S3Prefix",
                "S3Uri": uri,
                "S3DataDistributionType": "FullyReplicated",
            }
        },
        "InputMode": "File",
    }


def _require_s3(field: str, path: str) -> str:
    if not path.startswith("s3://"):
        raise InvalidSpecError(
            f"{field}: {path!r} is not reachable from a SageMaker training job; use an s3:// URI"
        )
    return path


def _channel_source(channel: str, uri: str) -> tuple[dict[str, Any], str]:
    """The channel for one S3 file or prefix, and the path the container sees.

    A URI ending in ``.jsonl`` is one file; anything else is a prefix (a directory).
    """
    if uri.endswith(".jsonl"):
        return _s3_channel(channel, uri), f"{CHANNELS_DIR}/{channel}/{posixpath.basename(uri)}"
    return _s3_channel(channel, _as_prefix(uri)), f"{CHANNELS_DIR}/{channel}"


def _data_channels(
    data: DataConfig, *, nova_layout: bool
) -> tuple[list[tuple[dict[str, Any], str]], DataConfig]:
    """Channels for the training and validation data, and the data section as the container sees it."""
    channels: list[tuple[dict[str, Any], str]] = []
    train: list[WeightedSource] = []
    single = len(data.train) == 1
    for index, source in enumerate(data.train):
        field = "spec.data.train.path" if single else f"spec.data.mixture[{index}].path"
        uri = _require_s3(field, source.path)
        channel, local = _channel_source("train" if single else f"train_{index}", uri)
        channels.append((channel, uri))
        train.append(WeightedSource(path=local, weight=source.weight))
    validation = None
    if data.validation is not None:
        uri = _require_s3("spec.data.validation.path", data.validation.path)
        channel, local = _channel_source("validation", uri)
        channels.append((channel, uri))
        validation = PathSource(path=local)
    if nova_layout:
        return channels, data
    return channels, data.model_copy(update={"train": train, "validation": validation})


def _evaluation_channels(
    evaluation: EvaluationConfig | None,
) -> tuple[list[dict[str, Any]], EvaluationConfig | None]:
    """Channels for the evaluation's own held-out set and test prompts, and the section as the
    container sees it."""
    if evaluation is None:
        return [], None
    channels: list[dict[str, Any]] = []
    update: dict[str, str] = {}
    for key, channel_name, spec_field in (
        ("path", "evaluation", "spec.evaluation.data.path"),
        ("prompts", "evaluation_prompts", "spec.evaluation.prompts.path"),
    ):
        location = getattr(evaluation, key)
        if location is not None:
            channel, local = _channel_source(channel_name, _require_s3(spec_field, location))
            channels.append(channel)
            update[key] = local
    return channels, evaluation.model_copy(update=update)


def _model_channels(model: ModelConfig) -> tuple[list[dict[str, Any]], ModelConfig]:
    """Channels for the base model (and tokenizer), and the model section as the container sees it."""
    uri = _require_s3("spec.model.uri", model.path)
    channels = [_s3_channel("model", _as_prefix(uri))]
    tokenizer = None
    if model.tokenizer is not None:
        channels.append(
            _s3_channel("tokenizer", _as_prefix(_require_s3("spec.model.tokenizer", model.tokenizer)))
        )
        tokenizer = f"{CHANNELS_DIR}/tokenizer"
    return channels, ModelConfig(name=model.name, path=f"{CHANNELS_DIR}/model", tokenizer=tokenizer)


def _tunable_hyperparameters(config: ResolvedTrainingConfig) -> dict[str, str]:
    """The recipe and its scalar tunables as HyperParameters.

    Informational only (the SageMaker console and search show them); the trainer reads the
    ``config`` channel, the single source of truth.
    """
    values: dict[str, str] = {"recipe": config.recipe.name, "recipeHash": config.recipe.hash}
    sections = {
        "training": config.training,
        "optimizer": config.optimizer,
        "lora": config.lora,
        "dpo": config.dpo,
        "grpo": config.grpo,
    }
    for section_name, section in sections.items():
        if section is None:
            continue
        for key, value in section.model_dump(mode="json", by_alias=True).items():
            if isinstance(value, list | dict):
                continue
            values[f"{section_name}.{key}"] = value if isinstance(value, str) else json.dumps(value)
    return values


def _tags(job: FineTuneJob, attempt: int, settings: SageMakerSettings) -> list[dict[str, str]]:
    meta = job.metadata
    ours = {
        TAG_NAMESPACE: meta.namespace or "default",
        TAG_NAME: meta.name,
        TAG_UID: meta.uid or "",
        TAG_ATTEMPT: str(attempt),
    }
    merged = {**settings.extra_tags, **ours}
    return [{"Key": key, "Value": value} for key, value in sorted(merged.items())]


def _yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, default_flow_style=False)
