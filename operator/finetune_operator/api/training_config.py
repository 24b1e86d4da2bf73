"""The resolved training configuration: exactly the document in docs/trainer-contract.md.

The operator writes one of these per attempt (the pod-template annotation
``finetune.dev/trainer-config`` of the attempt's PyTorchJob, projected into the pods as
``/etc/finetune/config.yaml``); the trainer reads it. Recipe override dot-paths (``optimizer.learningRate``)
address fields of this document, which is why the *tunable* sections are separate models:
a recipe and an override may change a tunable, never a job-specific path.

Field defaults are the operator's baseline; built-in recipes set the values that matter
per model and method.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

# The contract package's: it holds every method's traits for the operator and the trainer alike.
from finetune_contract.methods import DataFormat as DataFormat
from finetune_contract.methods import Method as Method
from finetune_operator.api.base import ApiModel

RESOLVED_CONFIG_API_VERSION: Literal["finetune.dev/v1alpha1"] = "finetune.dev/v1alpha1"
RESOLVED_CONFIG_KIND: Literal["ResolvedTrainingConfig"] = "ResolvedTrainingConfig"


class Precision(StrEnum):
    BF16 = "bf16"
    FP32 = "fp32"
    FP16 = "fp16"


class Scheduler(StrEnum):
    COSINE = "cosine"
    LINEAR = "linear"
    CONSTANT = "constant"


# --- bounds of the tunables a job's own fields set too ------------------------------------
# One definition each, used by the recipe's section here and by the FineTuneJob field that
# replaces it (api/job.py): a recipe can never set what the job's own field may not.

CheckpointEverySteps = Annotated[int, Field(ge=1, le=10_000_000)]
CheckpointKeepLast = Annotated[int, Field(ge=1, le=1000)]
ValidationSplit = Annotated[float, Field(ge=0, le=0.5)]
ErrorBudget = Annotated[float, Field(ge=0, lt=1)]
ValidationEverySteps = Annotated[int, Field(ge=0, le=10_000_000)]


# --- tunable sections: what recipes and overrides may set -------------------------------


class TrainingSection(ApiModel):
    """Sequence length, batch shape, length of training, precision."""

    seq_length: int = Field(
        default=2048, ge=128, le=131072, description="Maximum tokens per training sequence."
    )
    micro_batch_size: int = Field(
        default=1, ge=1, le=1024, description="Sequences per data-parallel rank per step."
    )
    gradient_accumulation_steps: int = Field(
        default=8, ge=1, le=4096, description="Micro-batches accumulated before each optimizer step."
    )
    max_steps: int = Field(
        default=0, ge=0, le=10_000_000, description="Optimizer steps to run; 0 derives them from epochs."
    )
    epochs: int = Field(
        default=1, ge=1, le=1000, description="Passes over the training data when maxSteps is 0."
    )
    seed: int = Field(
        default=42, ge=0, le=2**32 - 1, description="Random seed for data order and initialisation."
    )
    precision: Precision = Field(default=Precision.BF16, description="Numeric precision: bf16, fp32 or fp16.")
    packing: bool = Field(default=True, description="Pack several short examples per sequence (SFT methods).")
    gradient_checkpointing: bool = Field(
        default=True, description="Recompute activations in the backward pass to save device memory."
    )


class OptimizerSection(ApiModel):
    """AdamW settings and the learning-rate schedule."""

    name: Literal["adamw"] = Field(default="adamw", description="Optimizer; only adamw is supported.")
    learning_rate: float = Field(default=2.0e-4, gt=0, le=1, description="Peak learning rate.")
    weight_decay: float = Field(default=0.0, ge=0, le=1, description="Decoupled weight decay.")
    beta1: float = Field(default=0.9, gt=0, lt=1, description="AdamW beta1.")
    beta2: float = Field(default=0.999, gt=0, lt=1, description="AdamW beta2.")
    epsilon: float = Field(default=1.0e-8, gt=0, le=1, description="AdamW epsilon.")
    max_grad_norm: float = Field(
        default=1.0, ge=0, le=1e4, description="Gradient clipping norm; 0 disables it."
    )
    scheduler: Scheduler = Field(default=Scheduler.COSINE, description="Learning-rate schedule.")
    warmup_steps: int = Field(
        default=0, ge=0, le=10_000_000, description="Linear warm-up steps before the schedule."
    )


class LoraSection(ApiModel):
    """LoRA adapter shape (methods lora, dpo-lora and grpo-lora)."""

    rank: int = Field(default=16, ge=1, le=1024, description="Adapter rank r.")
    alpha: int = Field(default=16, ge=1, le=4096, description="Adapter scaling alpha.")
    dropout: float = Field(default=0.05, ge=0, lt=1, description="Dropout on the adapter input.")
    target_modules: list[Annotated[str, Field(min_length=1, max_length=128)]] = Field(
        # q, k and v together: on Trainium optimum-neuron may fuse them into one layer, which LoRA then
        # adapts whole (resolution.NEURON_FUSED_LORA_GROUPS); the default must run on every family.
        default_factory=lambda: ["q_proj", "k_proj", "v_proj"],
        min_length=1,
        max_length=64,
        description="Names of the linear modules that get adapters.",
    )
    load_in_4bit: bool = Field(
        default=False, description="Load the frozen base weights in 4-bit NF4 (bitsandbytes; CUDA only)."
    )


class GrpoLossType(StrEnum):
    """How the GRPO token losses are normalised (TRL's ``loss_type``)."""

    GRPO = "grpo"
    """Mean over each completion's tokens, then over completions (DeepSeekMath)."""
    DR_GRPO = "dr-grpo"
    """Sum over tokens divided by completions x maxCompletionLength (Dr. GRPO: no length bias)."""
    DAPO = "dapo"
    """Sum over tokens divided by the batch's completion tokens (DAPO; TRL's default)."""


class GenerationEngine(StrEnum):
    HF = "hf"
    """transformers ``generate``: CPU and CUDA."""
    VLLM = "vllm"
    """vLLM colocated with the trainer, weights synced after every optimizer step: CUDA only."""


class GrpoSection(ApiModel):
    """Group relative policy optimisation (methods grpo and grpo-lora); TRL's GRPOConfig names."""

    num_generations: int = Field(
        default=8, ge=2, le=256, description="Completions sampled per prompt (the group size G)."
    )
    max_prompt_length: int = Field(
        default=512, ge=1, le=131072, description="Prompt tokens kept (left-truncated) before generation."
    )
    max_completion_length: int = Field(
        default=256, ge=1, le=131072, description="Tokens generated per completion, all turns together."
    )
    temperature: float = Field(default=1.0, gt=0, le=10, description="Sampling temperature.")
    top_p: float = Field(default=1.0, gt=0, le=1, description="Nucleus sampling probability mass.")
    beta: float = Field(
        default=0.0, ge=0, le=100, description="KL coefficient to the reference model; 0 needs no reference."
    )
    epsilon: float = Field(default=0.2, gt=0, lt=1, description="Clip range of the policy ratio.")
    num_iterations: int = Field(
        default=1, ge=1, le=64, description="Optimizer passes over each generation batch (TRL's mu)."
    )
    loss_type: GrpoLossType = Field(default=GrpoLossType.DAPO, description="Loss normalisation.")
    use_bias_correction_kl: bool = Field(
        default=True,
        description=(
            "Multiply the per-token KL by the policy ratio, so that its gradient is the unbiased "
            "reverse-KL gradient (TRL's use_bias_correction_kl and its default); matters only when beta > 0."
        ),
    )
    generation_engine: GenerationEngine = Field(
        default=GenerationEngine.HF, description="Generation backend: hf (CPU, CUDA) or vllm (CUDA only)."
    )


class DpoSection(ApiModel):
    """Direct preference optimisation settings (methods dpo and dpo-lora)."""

    beta: float = Field(
        default=0.1, gt=0, le=100, description="Strength of the KL penalty to the reference model."
    )


class ParallelismSection(ApiModel):
    """Model parallelism on Neuron; FSDP on CPU/CUDA ignores it."""

    tensor_parallel: int = Field(
        default=8, ge=1, le=64, description="Tensor-parallel degree (NeuronCores per shard)."
    )
    zero1: bool = Field(
        default=True, description="Shard optimizer state across data-parallel ranks (ZeRO-1)."
    )


class NeuronSection(ApiModel):
    """Neuron compiler behaviour."""

    precompile: bool = Field(
        default=False,
        description="Run neuron_parallel_compile before the first attempt to fill the compile cache.",
    )


class DivergencePolicy(StrEnum):
    """What the trainer does when the loss diverges (docs/trainer.md, "Divergence")."""

    ROLLBACK = "rollback"
    """Reload the newest checkpoint, lower the learning rate, skip the data since it, continue;
    fail ``Diverged`` after ``maxRollbacks`` of them."""
    FAIL = "fail"
    """Fail ``Diverged`` at the first non-finite loss or spike."""
    OFF = "off"
    """No spike detection; a non-finite loss, which no step can continue from, still fails ``Diverged``."""


DivergenceSpikeDeviations = Annotated[float, Field(ge=2, le=1000)]
DivergenceWindow = Annotated[int, Field(ge=2, le=10_000)]
DivergenceLearningRateFactor = Annotated[float, Field(gt=0, lt=1)]
DivergenceMaxRollbacks = Annotated[int, Field(ge=1, le=100)]


class DivergenceSection(ApiModel):
    """Loss divergence detection and in-process rollback; the job's ``spec.health.divergence``."""

    policy: DivergencePolicy = Field(default=DivergencePolicy.ROLLBACK, description="rollback, fail or off.")
    spike_deviations: DivergenceSpikeDeviations = Field(
        default=8.0,
        description=(
            "A loss this many robust deviations (1.4826 x MAD) above the median of the last window "
            "steps is a spike."
        ),
    )
    window: DivergenceWindow = Field(
        default=32,
        description="Steps whose losses the spike test compares with; no spike is called before it is full.",
    )
    learning_rate_factor: DivergenceLearningRateFactor = Field(
        default=0.5, description="Each rollback multiplies the learning rate by this."
    )
    max_rollbacks: DivergenceMaxRollbacks = Field(
        default=3, description="Rollbacks per attempt; the next divergence fails the job Diverged."
    )


class CheckpointingTunables(ApiModel):
    every_steps: CheckpointEverySteps = Field(
        default=100, description="Write a checkpoint every N optimizer steps."
    )
    keep_last: CheckpointKeepLast = Field(default=3, description="Keep the newest K complete checkpoints.")


class OutputTunables(ApiModel):
    merge: bool = Field(default=False, description="Merge LoRA adapters into the base weights at the end.")


class LoggingTunables(ApiModel):
    every_steps: int = Field(
        default=1, ge=1, le=10_000_000, description="Report progress every N optimizer steps."
    )


class DataTunables(ApiModel):
    validation_split: ValidationSplit = Field(
        default=0.0,
        description="Fraction of train held out when no validation source is given, at most 0.5.",
    )
    error_budget: ErrorBudget = Field(
        default=0.0,
        description=(
            "Fraction of malformed records tolerated before failing; for GRPO also of records whose "
            "reward fails, over the last 256 records scored (docs/grpo.md)."
        ),
    )
    validation_every_steps: ValidationEverySteps = Field(
        default=0,
        description=(
            "Run the validation pass every N optimizer steps too, not only after the last one; 0: only "
            "after the last (GRPO methods have no validation pass)."
        ),
    )


# --- job-specific sections ---------------------------------------------------------------


class JobIdentity(ApiModel):
    namespace: str
    name: str
    uid: str
    attempt: int = Field(ge=1)


class RecipeIdentity(ApiModel):
    name: str
    hash: str


class ModelConfig(ApiModel):
    name: str | None = None
    path: str
    tokenizer: str | None = None


class WeightedSource(ApiModel):
    path: str
    weight: float = Field(default=1.0, gt=0, le=1e6)


class PathSource(ApiModel):
    path: str


class DataConfig(DataTunables):
    format: DataFormat
    train: list[WeightedSource] = Field(min_length=1)
    validation: PathSource | None = None


class BuiltinReward(StrEnum):
    EXACT_MATCH = "exact-match"
    """1 when the completion's final answer equals the record's ``field``, else 0."""
    FORMAT = "format"
    """1 when the completion matches ``pattern`` (Python ``re.fullmatch``, DOTALL), else 0."""
    LENGTH_PENALTY = "length-penalty"
    """-(completion tokens / maxCompletionLength): favours short completions."""


class RewardFunction(ApiModel):
    """One reward function of a GRPO job: a built-in, or ``function`` in the Python file ``module``.

    A custom function is called as ``function(prompt, completion, **record_fields) -> float``;
    ``module`` is the file's absolute path inside the trainer's container (the operator delivers
    it there from a ConfigMap, the job's storage or S3)."""

    name: str = Field(min_length=1, max_length=63, description="Label of its metrics (reward/<name>/mean).")
    weight: float = Field(default=1.0, ge=-1e6, le=1e6, description="Weight in the summed reward.")
    builtin: BuiltinReward | None = None
    field: str | None = Field(default=None, description="exact-match: the record field with the reference.")
    pattern: str | None = Field(default=None, description="format: the regular expression.")
    module: str | None = Field(default=None, description="custom: absolute path of the Python file.")
    function: str | None = Field(default=None, description="custom: the function's name in the module.")


class ToolsConfig(ApiModel):
    """Functions the model may call in multi-turn rollouts (Hermes/Qwen ``<tool_call>`` JSON)."""

    module: str = Field(description="Absolute path of the Python file inside the trainer's container.")
    functions: list[str] = Field(min_length=1, description="Names of the callable functions in it.")
    max_turns: int = Field(
        default=3, ge=1, le=32, description="Model turns per rollout, tool calls included."
    )


class EvaluationConfig(ApiModel):
    """The final evaluation (the job's ``spec.evaluation``): the trainer's last phase, after the
    output is written."""

    path: str | None = Field(
        default=None, description="Held-out set; none: the validation set (data.validation or the split)."
    )
    prompts: str | None = Field(default=None, description="Test prompts to generate answers for.")
    max_new_tokens: int = Field(default=128, ge=1, le=4096, description="Tokens per generated answer.")


class CheckpointingSection(CheckpointingTunables):
    dir: str


class OutputSection(OutputTunables):
    dir: str


class LoggingSection(LoggingTunables):
    tensorboard_dir: str


class ResolvedTrainingConfig(ApiModel):
    """The whole per-attempt document the trainer reads (see docs/trainer-contract.md)."""

    api_version: Literal["finetune.dev/v1alpha1"] = RESOLVED_CONFIG_API_VERSION
    kind: Literal["ResolvedTrainingConfig"] = RESOLVED_CONFIG_KIND
    job: JobIdentity
    recipe: RecipeIdentity
    method: Method
    model: ModelConfig
    data: DataConfig
    training: TrainingSection
    optimizer: OptimizerSection
    lora: LoraSection | None
    dpo: DpoSection | None
    grpo: GrpoSection | None = None
    rewards: list[RewardFunction] = Field(default_factory=list)
    tools: ToolsConfig | None = None
    parallelism: ParallelismSection
    neuron: NeuronSection
    divergence: DivergenceSection = Field(default_factory=DivergenceSection)
    evaluation: EvaluationConfig | None = None
    checkpointing: CheckpointingSection
    output: OutputSection
    logging: LoggingSection
