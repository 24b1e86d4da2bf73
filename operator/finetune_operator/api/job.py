"""FineTuneJob (finetune.dev/v1alpha1): spec and status models.

The CRD in ``crds/finetune.dev_finetunejobs.yaml`` is the source of truth for the wire
format; ``tests/unit/test_crd_schema.py`` checks that these models agree with it. The
operator never writes ``spec``; it owns ``status`` except ``progress`` and
``checkpoint``, which the trainer's rank 0 reports (docs/trainer-contract.md), or which the
operator reads from S3 where the trainer cannot report (backend sagemaker).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    field_validator,
)

from finetune_operator.api.base import ApiModel, LenientApiModel
from finetune_operator.api.evaluation import EvaluationSpec, EvaluationStatus, PublishSpec, PublishStatus
from finetune_operator.api.recipe import (
    API_GROUP,
    API_VERSION,
    BackendName,
    InstanceTypeName,
    NodeCount,
    ObjectMeta,
    RecipeKind,
)
from finetune_operator.api.training_config import (
    BuiltinReward,
    CheckpointEverySteps,
    CheckpointKeepLast,
    DataFormat,
    DivergenceSection,
    ErrorBudget,
    Method,
    ValidationEverySteps,
    ValidationSplit,
)
from finetune_operator.api.usage import UsageStatus

KIND = "FineTuneJob"
PLURAL = "finetunejobs"
NOVA_MODEL_NAMES = ("nova-micro", "nova-lite", "nova-pro")
"""Amazon Nova models, which only Amazon's Nova images train, on SageMaker training jobs
(a CEL rule of the CRD lists them)."""

ABSOLUTE_PATH = "^/"
LOCATION_PATTERN = r"^(/.*|s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?)$"
"""An absolute path or an s3:// URI with a valid bucket name."""
S3_URI_PATTERN = r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$"
NAME_PATTERN = r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
"""A DNS-1123 subdomain, which is also a valid label value up to 63 characters."""
IMAGE_PATTERN = (
    r"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*"
    r"(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$"
)
"""A container image reference: registry[:port]/path[:tag][@sha256:digest], lower-case path."""
SUBNET_ID_PATTERN = r"^subnet-([0-9a-f]{8}|[0-9a-f]{17})$"
SECURITY_GROUP_ID_PATTERN = r"^sg-([0-9a-f]{8}|[0-9a-f]{17})$"
MAX_LOCATION_LENGTH = 1024
MAX_OVERRIDES = 64
MAX_MIXTURE_SOURCES = 32
MAX_RUNTIME_SECONDS = 28 * 24 * 3600
"""SageMaker's longest training job; no attempt on any backend is meant to run longer."""
MODEL_NAME_PATTERN = r"^[A-Za-z0-9]([-A-Za-z0-9._]*[A-Za-z0-9])?$"
"""A catalog name is one path component under the model root: no '/', no '..'."""

PYTHON_FILE_KEY_PATTERN = r"^[-._a-zA-Z0-9]+\.py$"
"""A ConfigMap key that is a Python file name: the trainer imports it by its path."""
PYTHON_FILE_PATH_PATTERN = r"^/.*\.py$"
S3_PYTHON_FILE_PATTERN = r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.*\.py$"
PYTHON_IDENTIFIER_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
REWARD_NAME_PATTERN = r"^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$"
"""A reward's name labels its metrics (reward/<name>/mean)."""
MAX_REWARDS = 16
MAX_TOOL_FUNCTIONS = 32

OverrideValue = StrictInt | StrictFloat | StrictBool | StrictStr | list[StrictStr]


class ModelSource(ApiModel):
    name: str | None = Field(
        default=None,
        max_length=128,
        pattern=MODEL_NAME_PATTERN,
        description="Catalog model name (e.g. llama-3.1-8b); selects built-in recipes.",
    )
    uri: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=LOCATION_PATTERN,
        description="Where the HF-format weights are: s3:// URI or an absolute path on the job's storage.",
    )
    tokenizer: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=LOCATION_PATTERN,
        description="Tokenizer location when it differs from the model.",
    )


class RecipeReference(ApiModel):
    name: str | None = Field(
        default=None, max_length=253, description="Recipe to use; empty selects one by model and method."
    )
    kind: RecipeKind | None = Field(
        default=None,
        description="FineTuneRecipe or ClusterFineTuneRecipe; empty tries the namespace first.",
    )
    overrides: dict[str, OverrideValue] = Field(
        default_factory=dict,
        max_length=MAX_OVERRIDES,
        description="Dot-paths into the resolved training config with typed values, e.g. lora.rank: 32.",
    )


class DataSource(ApiModel):
    path: str = Field(
        min_length=1,
        max_length=MAX_LOCATION_LENGTH,
        pattern=LOCATION_PATTERN,
        description="s3:// URI or absolute path of a JSONL file or directory.",
    )


class WeightedDataSource(ApiModel):
    path: str = Field(
        min_length=1,
        max_length=MAX_LOCATION_LENGTH,
        pattern=LOCATION_PATTERN,
        description="s3:// URI or absolute path of a JSONL file or directory.",
    )
    weight: float = Field(gt=0, le=1e6, description="Relative sampling weight; weights are normalised.")


class DataSpec(ApiModel):
    format: DataFormat | None = Field(
        default=None,
        description="Record layout; default messages (preference for DPO methods, prompt for GRPO methods).",
    )
    train: DataSource | None = Field(default=None, description="Single training source; or use mixture.")
    mixture: list[WeightedDataSource] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_MIXTURE_SOURCES,
        description="Weighted training sources; exclusive with train.",
    )
    validation: DataSource | None = Field(default=None, description="Validation source.")
    validation_split: ValidationSplit | None = Field(
        default=None, description="Fraction of train held out when validation is empty, at most 0.5."
    )
    error_budget: ErrorBudget | None = Field(
        default=None,
        description=(
            "Fraction of malformed records tolerated; for GRPO also of records whose reward fails, "
            "over the last 256 records scored."
        ),
    )
    validation_every_steps: ValidationEverySteps | None = Field(
        default=None,
        description=(
            "Run the validation pass every N optimizer steps too, not only after the last one; 0: only "
            "after the last. Default from the recipe (built-in recipes: 0)."
        ),
    )


class ConfigMapFile(ApiModel):
    name: str = Field(
        min_length=1, max_length=253, pattern=NAME_PATTERN, description="ConfigMap in the job's namespace."
    )
    key: str = Field(
        min_length=4,
        max_length=253,
        pattern=PYTHON_FILE_KEY_PATTERN,
        description="Key of the Python file in the ConfigMap's data, e.g. reward.py.",
    )


class CodeSource(ApiModel):
    """Where a Python module of the job comes from: exactly one of the three fields."""

    config_map: ConfigMapFile | None = Field(
        default=None,
        description="A key of a ConfigMap in the job's namespace (every backend; GitOps-friendly).",
    )
    path: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=PYTHON_FILE_PATH_PATTERN,
        description="Absolute path of a .py file on the job's storage, inside its read roots (hyperpod).",
    )
    s3_uri: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=S3_PYTHON_FILE_PATTERN,
        description="s3:// URI of a .py file (sagemaker).",
    )

    def sources(self) -> list[str]:
        """The fields that are set, by their API names."""
        return [
            name
            for name, value in (("configMap", self.config_map), ("path", self.path), ("s3Uri", self.s3_uri))
            if value is not None
        ]


class RewardSpec(CodeSource):
    """One reward function of a GRPO job: a built-in, or ``function`` in a Python module."""

    name: str = Field(
        min_length=1,
        max_length=63,
        pattern=REWARD_NAME_PATTERN,
        description="Unique name; labels the reward's metrics (reward/<name>/mean).",
    )
    weight: float = Field(default=1.0, ge=-1e6, le=1e6, description="Weight in the summed reward.")
    builtin: BuiltinReward | None = Field(
        default=None, description="A built-in reward: exact-match, format or length-penalty."
    )
    field: str | None = Field(
        default=None,
        max_length=128,
        pattern=PYTHON_IDENTIFIER_PATTERN,
        description="exact-match: the record field holding the reference answer.",
    )
    pattern: str | None = Field(
        default=None,
        min_length=1,
        max_length=1024,
        description="format: the regular expression a completion must match (Python re.fullmatch).",
    )
    function: str | None = Field(
        default=None,
        max_length=128,
        pattern=PYTHON_IDENTIFIER_PATTERN,
        description="A custom reward: the function's name in the module (configMap, path or s3Uri).",
    )


class ToolsSpec(CodeSource):
    """Functions the model may call during multi-turn rollouts, from one Python module."""

    functions: list[Annotated[str, StringConstraints(max_length=128, pattern=PYTHON_IDENTIFIER_PATTERN)]] = (
        Field(
            min_length=1,
            max_length=MAX_TOOL_FUNCTIONS,
            description="Names of the module's functions the model may call.",
        )
    )
    max_turns: int | None = Field(
        default=None,
        ge=1,
        le=32,
        description="Model turns per rollout, tool calls included (default 3).",
    )


class Resources(ApiModel):
    instance_type: InstanceTypeName | None = Field(
        default=None, description="Instance type; default from the recipe."
    )
    nodes: NodeCount | None = Field(default=None, description="Number of instances; default from the recipe.")
    processes_per_node: int | None = Field(
        default=None,
        ge=1,
        le=256,
        description=(
            "Training processes per node; default the instance's accelerators (NeuronCores on "
            "Trainium, GPUs on NVIDIA types, 1 on CPU types)."
        ),
    )
    neuron_devices: int | None = Field(
        default=None,
        ge=0,
        le=64,
        description="aws.amazon.com/neuron per node; default from the instance type.",
    )
    efa_devices: int | None = Field(
        default=None,
        ge=0,
        le=64,
        description="vpc.amazonaws.com/efa per node; default from the instance type.",
    )


class Storage(ApiModel):
    claim_name: str = Field(
        default="fsx-claim",
        min_length=1,
        max_length=253,
        pattern=NAME_PATTERN,
        description="PVC mounted into every pod.",
    )
    checkpoint_dir: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=ABSOLUTE_PATH,
        description="Default <job directory>/checkpoints; must lie in the job's directory.",
    )
    output_dir: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=ABSOLUTE_PATH,
        description=(
            "Default <job directory>/output; must lie in the job's directory. Each run writes to "
            "<outputDir>/<uid>."
        ),
    )
    tensorboard_dir: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=ABSOLUTE_PATH,
        description=(
            "Default <job directory>/tensorboard; must lie in the job's directory. Each run writes to "
            "<tensorboardDir>/<uid>."
        ),
    )
    compile_cache_dir: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=ABSOLUTE_PATH,
        description="Neuron compile cache, shared by attempts and jobs; the platform's by default.",
    )


class Checkpointing(ApiModel):
    every_steps: CheckpointEverySteps | None = Field(default=None, description="Checkpoint every N steps.")
    keep_last: CheckpointKeepLast | None = Field(default=None, description="Keep the newest K checkpoints.")


class AutoResume(StrEnum):
    """Whether HyperPod's own job auto-resume annotations are added."""

    AUTO = "Auto"
    ENABLED = "Enabled"
    DISABLED = "Disabled"


class Resume(ApiModel):
    max_attempts: int = Field(default=3, ge=1, le=20, description="Attempts in total, the first included.")
    auto_resume: AutoResume = Field(
        default=AutoResume.AUTO,
        description="HyperPod auto-resume annotations: Auto adds them in namespaces kubeflow and hyperpod*.",
    )
    auto_resume_max_retries: int = Field(
        default=1, ge=1, le=100, description="sagemaker.amazonaws.com/job-max-retry-count within one attempt."
    )
    max_preemptions: int = Field(
        default=10,
        ge=0,
        le=100,
        description="Kueue preemptions the job accepts; one more fails it (MaxPreemptionsReached).",
    )


class StallPolicy(StrEnum):
    """What the operator does when a running attempt reports no step for longer than its window."""

    RESTART = "Restart"
    FAIL = "Fail"


STALL_WINDOW_MIN_SECONDS = 10
STALL_WINDOW_MAX_SECONDS = 7 * 24 * 3600


class StallCheck(ApiModel):
    window_seconds: int | None = Field(
        default=None,
        ge=STALL_WINDOW_MIN_SECONDS,
        le=STALL_WINDOW_MAX_SECONDS,
        description=(
            "Seconds without a reported step, after the attempt's first, before it counts as stalled; "
            "default derived from the job's own step reports within the operator's floor and ceiling."
        ),
    )
    policy: StallPolicy = Field(
        default=StallPolicy.RESTART,
        description=(
            "Restart: a new attempt resumes from the latest checkpoint. Fail: the job fails (Stalled)."
        ),
    )


class Health(ApiModel):
    """How the job's training health is watched and repaired (docs/operations.md, "Training health")."""

    divergence: DivergenceSection = Field(
        default_factory=DivergenceSection,
        description="Non-finite loss and loss spikes: detected by the trainer, rolled back in process.",
    )
    stall: StallCheck = Field(default_factory=StallCheck, description="Hang detection.")


class Scheduling(ApiModel):
    queue_name: str | None = Field(
        default=None,
        max_length=63,
        pattern=NAME_PATTERN,
        description="Kueue LocalQueue (HyperPod task governance).",
    )
    priority_class: str | None = Field(
        default=None, max_length=63, pattern=NAME_PATTERN, description="Kueue workload priority class."
    )
    node_health_affinity: bool = Field(default=True, description="Require HyperPod-healthy nodes.")
    deep_health_check_passed_only: bool = Field(
        default=False, description="Require nodes whose deep health check passed (otherwise preferred)."
    )


class SpotSpec(ApiModel):
    enabled: bool = Field(default=False, description="Use managed spot training.")
    max_wait_seconds: int | None = Field(
        default=None,
        ge=1,
        le=MAX_RUNTIME_SECONDS,
        description="Longest wait for spot capacity plus runtime; must exceed maxRuntimeSeconds.",
    )


class VpcConfig(ApiModel):
    subnets: list[Annotated[str, StringConstraints(pattern=SUBNET_ID_PATTERN)]] = Field(
        min_length=1, max_length=16, description="Subnet IDs (subnet-0123abcd)."
    )
    security_group_ids: list[Annotated[str, StringConstraints(pattern=SECURITY_GROUP_ID_PATTERN)]] = Field(
        min_length=1, max_length=5, description="Security group IDs (sg-0123abcd)."
    )


class SageMakerSpec(ApiModel):
    role_arn: str | None = Field(
        default=None, max_length=2048, description="Execution role; must be on the operator's allowlist."
    )
    spot: SpotSpec = Field(default_factory=SpotSpec, description="Managed spot training.")
    vpc_config: VpcConfig | None = Field(default=None, description="Run the job inside these subnets.")
    volume_size_gb: int | None = Field(
        default=None, ge=1, le=16384, description="EBS volume per instance in GB."
    )
    output_s3_uri: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=S3_URI_PATTERN,
        description="S3 prefix for model artifacts.",
    )
    checkpoint_s3_uri: str | None = Field(
        default=None,
        max_length=MAX_LOCATION_LENGTH,
        pattern=S3_URI_PATTERN,
        description="S3 prefix SageMaker syncs checkpoints to.",
    )


class FineTuneJobSpec(ApiModel):
    model: ModelSource
    method: Method
    recipe: RecipeReference = Field(default_factory=RecipeReference)
    data: DataSpec
    backend: BackendName = BackendName.HYPERPOD
    image: str | None = Field(
        default=None,
        min_length=1,
        max_length=512,
        pattern=IMAGE_PATTERN,
        description="Trainer image; default from the operator config.",
    )
    resources: Resources | None = None
    storage: Storage = Field(default_factory=Storage)
    checkpointing: Checkpointing = Field(default_factory=Checkpointing)
    resume: Resume = Field(default_factory=Resume)
    health: Health = Field(default_factory=Health)
    scheduling: Scheduling = Field(default_factory=Scheduling)
    sagemaker: SageMakerSpec | None = None
    rewards: list[RewardSpec] = Field(
        default_factory=list,
        max_length=MAX_REWARDS,
        description="Reward functions of methods grpo and grpo-lora, summed with their weights.",
    )
    tools: ToolsSpec | None = Field(default=None, description="Tools for multi-turn GRPO rollouts.")
    max_runtime_seconds: int | None = Field(default=None, ge=1, le=MAX_RUNTIME_SECONDS)
    suspend: bool = False
    evaluation: EvaluationSpec | None = Field(default=None, description="The final evaluation.")
    publish: PublishSpec | None = Field(default=None, description="Where the output goes after training.")

    @field_validator("rewards")
    @classmethod
    def _unique_reward_names(cls, rewards: list[RewardSpec]) -> list[RewardSpec]:
        names = [reward.name for reward in rewards]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"reward names must be unique; repeated: {', '.join(duplicates)}")
        return rewards


# --- status ------------------------------------------------------------------------------


class Phase(StrEnum):
    PENDING = "Pending"
    SUBMITTED = "Submitted"
    QUEUED = "Queued"
    RUNNING = "Running"
    RESUMING = "Resuming"
    SUSPENDED = "Suspended"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    STOPPED = "Stopped"
    """Stopped on request (annotation finetune.dev/stop, e.g. by its sweep's early stopping)."""

    @property
    def is_terminal(self) -> bool:
        return self in (Phase.SUCCEEDED, Phase.FAILED, Phase.STOPPED)


class Condition(LenientApiModel):
    type: str
    status: str
    reason: str
    message: str = ""
    last_transition_time: str
    observed_generation: int | None = None


class RecipeStatus(LenientApiModel):
    name: str
    kind: RecipeKind
    hash: str
    spec: dict[str, Any] | None = None
    """The recipe's spec as the first submitted attempt resolved it, defaults included: later
    attempts resolve from it, never from the recipe's current version (an edit would change
    the shape of a run that resumes from checkpoints written under the old one). None in
    the status of jobs first submitted by an operator that did not freeze recipes."""


class BackendRef(LenientApiModel):
    api_version: str | None = None
    kind: str
    name: str
    uid: str | None = None
    arn: str | None = None


class PreemptionRecord(LenientApiModel):
    """One preemption of an attempt by its Kueue queue (HyperPod task governance)."""

    time: str
    reason: str
    """Kueue's: why the Workload was preempted (InClusterQueue, InCohortReclamation, ...)."""
    message: str = ""
    step_reached: int | None = None
    """The last step the attempt reported before it stopped."""
    resumed_from_step: int | None = None
    """The step of the checkpoint it continued from once admitted again."""
    steps_lost: int | None = None
    """Steps trained again after the preemption: step reached less the step resumed from."""


class AttemptStatus(LenientApiModel):
    attempt: int
    name: str
    start_time: str
    end_time: str | None = None
    result: str | None = None
    reason: str | None = None
    message: str | None = None
    exit_code: int | None = None
    resumed_from: str | None = None
    preemptions: list[PreemptionRecord] | None = None
    """Each time Kueue preempted this attempt (it stays the same backend object and continues
    from its checkpoint when admitted again); none of them spends an attempt."""


class QueueStatus(LenientApiModel):
    """Where the current attempt stands in its Kueue queue (spec.scheduling.queueName)."""

    name: str
    state: str
    """Queued (waits for admission), Admitted, or Preempted (waits for admission again)."""
    reason: str = ""
    """Kueue's reason (of the Workload's QuotaReserved or Evicted condition)."""
    message: str = ""
    preemptions: int = 0
    """Preemptions of the job, all attempts together (bounded by spec.resume.maxPreemptions)."""
    steps_lost: int = 0
    """Steps trained again because of preemptions, all attempts together."""


class Rollback(LenientApiModel):
    """One in-process rollback of the trainer after a diverging loss (docs/trainer.md, "Divergence")."""

    attempt: int
    step: int
    """The step whose loss diverged."""
    reason: str
    """What the trainer saw, e.g. ``loss is nan`` or ``loss 9.1 is 14.2 deviations above ...``."""
    restored_step: int
    """The checkpoint's step that training went back to."""
    learning_rate: float
    """The peak learning rate from then on."""
    loss: float | None = None
    """The diverging loss, when finite (JSON has no NaN)."""
    time: str | None = None


class Progress(LenientApiModel):
    attempt: int | None = None
    step: int | None = None
    total_steps: int | None = None
    percent: str | None = None
    estimated_completion_time: str | None = None
    epoch: float | None = None
    loss: float | None = None
    learning_rate: float | None = None
    tokens_per_second: float | None = None
    reward: float | None = None
    """GRPO: mean reward of the last logged step."""
    validation_loss: float | None = None
    """Mean loss over the validation examples, from the newest validation pass: every
    ``data.validationEverySteps`` steps and after the last step."""
    validation_step: int | None = None
    """The step after which the pass that gave ``validationLoss`` ran (a sweep's intermediate
    values for objective eval_loss are these pairs)."""
    validation_reward_accuracy: float | None = None
    """DPO: share of validation pairs whose chosen answer the model rewards above the rejected one."""
    tokens_seen: int | None = None
    """Tokens trained on up to this step, over the whole run (restored from the checkpoint on resume)."""
    rollbacks: list[Rollback] | None = None
    evaluation: EvaluationStatus | None = None
    """The final evaluation, reported by the trainer; the operator copies it to status.evaluation."""
    """The reporting attempt's rollbacks; the operator copies them to ``status.health.rollbacks``."""
    updated_at: str | None = None


class HealthStatus(LenientApiModel):
    rollbacks: list[Rollback] = Field(default_factory=list)
    """Every rollback of every attempt, oldest first, copied from the trainer's reports."""


class CheckpointRef(LenientApiModel):
    path: str
    step: int
    attempt: int | None = None
    time: str | None = None


class CheckpointStatus(LenientApiModel):
    latest: CheckpointRef | None = None


class OutputStatus(LenientApiModel):
    path: str
    reference: str | None = None
    """Where spec.publish put it: ``<registry>/<repository>@<digest>`` or the manifest's s3:// URI."""
    digest: str | None = None


class SageMakerProgress(LenientApiModel):
    """DescribeTrainingJob ProgressInfo, for images that report it (Amazon's Nova images do)."""

    total_step_count_per_epoch: int | None = None
    current_step: int | None = None
    current_epoch: int | None = None
    max_epoch: int | None = None


class SageMakerStatus(LenientApiModel):
    """What SageMaker says about the current attempt's training job (backend sagemaker).

    Kept in status because the training job outlives nothing else the user can read:
    its failure reason, artifacts and billing are otherwise only in the AWS console.
    """

    training_job_name: str
    training_job_arn: str | None = None
    training_job_status: str
    secondary_status: str | None = None
    failure_reason: str | None = None
    model_artifacts: str | None = None
    training_time_in_seconds: int | None = None
    billable_time_in_seconds: int | None = None
    spot_savings_percent: float | None = None
    progress_info: SageMakerProgress | None = None
    final_metrics: dict[str, float] = Field(default_factory=dict)
    transitions_seen: int = 0
    """SecondaryStatusTransitions already posted as Events, so a restart posts no duplicates."""


class FineTuneJobStatus(LenientApiModel):
    phase: Phase = Phase.PENDING
    reason: str | None = None
    """Why the job is in its phase, in one word (the reason of the phase's last Event, or what
    blocks a waiting attempt): kubectl's REASON column, which cannot pick among conditions."""
    observed_generation: int | None = None
    conditions: list[Condition] = Field(default_factory=list)
    recipe: RecipeStatus | None = None
    backend_ref: BackendRef | None = None
    current_attempt: int = 0
    attempts: list[AttemptStatus] = Field(default_factory=list)
    progress: Progress | None = None
    checkpoint: CheckpointStatus | None = None
    output: OutputStatus | None = None
    health: HealthStatus | None = None
    sagemaker: SageMakerStatus | None = None
    usage: UsageStatus | None = None
    queue: QueueStatus | None = None
    evaluation: EvaluationStatus | None = None
    publish: PublishStatus | None = None
    start_time: str | None = None
    completion_time: str | None = None
    checkpoint_dir: str | None = None
    """The current attempt's checkpoint directory: the chart's admission policy admits a
    trainer's checkpoint report only below it (the trainer cannot change this field)."""


class FineTuneJob(LenientApiModel):
    api_version: str = f"{API_GROUP}/{API_VERSION}"
    kind: str = KIND
    metadata: ObjectMeta
    spec: FineTuneJobSpec
    status: FineTuneJobStatus = Field(default_factory=FineTuneJobStatus)
