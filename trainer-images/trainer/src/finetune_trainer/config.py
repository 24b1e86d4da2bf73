"""The resolved training config (docs/trainer-contract.md, section 1) as typed, frozen records.

Its shape, types and bounds are not written here: they are `trainer-config.schema.json`, which
`make trainer-config-schema` generates from the operator's model
(`finetune_operator.api.training_config.ResolvedTrainingConfig`) and which ships in this package,
so the trainer image needs no operator code and a test fails when the file drifts from the model.
`config_schema.check_document` checks a document against it, naming the full dot-path of the
first wrong value; `parse_config` then adds what a schema cannot say (which method needs which
data and sections: `finetune_contract.methods.check_method`, the operator's rules) and builds the
records. The schema, its checker and the method rules are the contract package's, which the
operator installs too. Parsing is a pure function from a mapping to
`TrainConfig`, so that every rule here is unit-tested without files or processes.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml

from finetune_contract.config_schema import ConfigError, check_document
from finetune_contract.methods import METHOD_ONLY_SECTIONS, DataFormat, Method, check_method

# SageMaker's fixed locations: outputs in SM_MODEL_DIR, checkpoints in the synced local path.
SAGEMAKER_CHECKPOINT_DIR = "/opt/ml/checkpoints"
SAGEMAKER_MODEL_DIR = "/opt/ml/model"

BUILTIN_REWARDS = ("exact-match", "format", "length-penalty")


@dataclasses.dataclass(frozen=True)
class JobRef:
    namespace: str
    name: str
    uid: str
    attempt: int


@dataclasses.dataclass(frozen=True)
class ModelSpec:
    name: str | None
    path: str
    tokenizer: str | None

    @property
    def tokenizer_path(self) -> str:
        return self.tokenizer or self.path


@dataclasses.dataclass(frozen=True)
class DataSource:
    path: str
    weight: float


@dataclasses.dataclass(frozen=True)
class DataSpec:
    format: DataFormat
    train: tuple[DataSource, ...]
    validation: str | None
    validation_split: float
    error_budget: float
    validation_every_steps: int
    """Run the validation pass every N optimizer steps too; 0: only after the last step."""


@dataclasses.dataclass(frozen=True)
class TrainingSpec:
    seq_length: int
    micro_batch_size: int
    gradient_accumulation_steps: int
    max_steps: int
    epochs: float
    seed: int
    precision: str
    packing: bool
    gradient_checkpointing: bool


@dataclasses.dataclass(frozen=True)
class OptimizerSpec:
    name: str
    learning_rate: float
    weight_decay: float
    beta1: float
    beta2: float
    epsilon: float
    max_grad_norm: float
    scheduler: str
    warmup_steps: int


@dataclasses.dataclass(frozen=True)
class LoraSpec:
    rank: int
    alpha: float
    dropout: float
    target_modules: tuple[str, ...]
    load_in_4bit: bool


@dataclasses.dataclass(frozen=True)
class DpoSpec:
    beta: float


@dataclasses.dataclass(frozen=True)
class GrpoSpec:
    """TRL's GRPOConfig names and meanings (contract: `GrpoSection`)."""

    num_generations: int
    max_prompt_length: int
    max_completion_length: int
    temperature: float
    top_p: float
    beta: float
    epsilon: float
    num_iterations: int
    loss_type: str
    use_bias_correction_kl: bool
    generation_engine: str


@dataclasses.dataclass(frozen=True)
class RewardSpec:
    """One weighted reward: a built-in (`builtin`) or `function` in the Python file `module`."""

    name: str
    weight: float
    builtin: str | None
    field: str | None
    pattern: str | None
    module: str | None
    function: str | None


@dataclasses.dataclass(frozen=True)
class ToolsSpec:
    module: str
    functions: tuple[str, ...]
    max_turns: int


@dataclasses.dataclass(frozen=True)
class CheckpointingSpec:
    dir: str
    every_steps: int
    keep_last: int


@dataclasses.dataclass(frozen=True)
class OutputSpec:
    dir: str
    merge: bool


@dataclasses.dataclass(frozen=True)
class ParallelismSpec:
    """Neuron only: tensor-parallel degree and ZeRO-1 optimizer sharding (FSDP ignores both)."""

    tensor_parallel: int
    zero1: bool


@dataclasses.dataclass(frozen=True)
class NeuronSpec:
    precompile: bool


@dataclasses.dataclass(frozen=True)
class DivergenceSpec:
    """Divergence detection and rollback (contract: `DivergenceSection`; docs/trainer.md, "Divergence")."""

    policy: str  # rollback | fail | off
    spike_deviations: float
    window: int
    learning_rate_factor: float
    max_rollbacks: int


@dataclasses.dataclass(frozen=True)
class EvaluationSpec:
    """The final evaluation (contract: `EvaluationConfig`; docs/trainer.md, "Final evaluation")."""

    path: str | None  # the held-out set; None: the validation set
    prompts: str | None  # test prompts to generate answers for
    max_new_tokens: int


@dataclasses.dataclass(frozen=True)
class LoggingSpec:
    every_steps: int
    tensorboard_dir: str  # empty: no TensorBoard events (runs outside the operator, tests)


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    job: JobRef
    method: Method
    model: ModelSpec
    data: DataSpec
    training: TrainingSpec
    optimizer: OptimizerSpec
    lora: LoraSpec | None
    dpo: DpoSpec | None
    grpo: GrpoSpec | None
    rewards: tuple[RewardSpec, ...]
    tools: ToolsSpec | None
    checkpointing: CheckpointingSpec
    output: OutputSpec
    logging: LoggingSpec
    parallelism: ParallelismSpec
    neuron: NeuronSpec
    divergence: DivergenceSpec
    evaluation: EvaluationSpec | None = None

    @property
    def uses_lora(self) -> bool:
        return self.method.uses_lora

    @property
    def is_preference(self) -> bool:
        return self.method.uses_preferences

    @property
    def uses_rewards(self) -> bool:
        """Online RL (GRPO): rows are prompts; the trainer generates and scores the completions."""
        return self.method.uses_rewards

    @property
    def packs_documents(self) -> bool:
        """Whether rows hold several documents: preference pairs and GRPO prompts are never packed."""
        return self.training.packing and not self.is_preference and not self.uses_rewards


def parse_config(doc: Any) -> TrainConfig:
    """Builds a `TrainConfig` from the YAML document, or raises `ConfigError` naming the bad key."""
    check_document(doc)
    # The schema admits only the contract's names.
    method, data = Method(doc["method"]), doc["data"]
    data_format = DataFormat(data["format"])
    # Every section is in every resolved config (the contract), but only the method's are meaningful.
    problem = check_method(
        method,
        data_format=data_format,
        rewards=len(doc["rewards"]),
        tools=doc["tools"] is not None,
        sections=[section for section in METHOD_ONLY_SECTIONS if doc[section] is not None],
    )
    if problem is not None:
        raise ConfigError(f"{problem.field}: {problem.message}")
    lora, dpo = doc["lora"], doc["dpo"]
    grpo, rewards, tools = _reward_sections(doc) if method.uses_rewards else (None, (), None)
    validation = data["validation"]
    return TrainConfig(
        job=_record(JobRef, doc["job"]),
        method=method,
        model=_record(ModelSpec, doc["model"]),
        data=DataSpec(
            format=data_format,
            train=tuple(_record(DataSource, source) for source in data["train"]),
            validation=None if validation is None else validation["path"],
            validation_split=float(data["validationSplit"]),
            error_budget=float(data["errorBudget"]),
            validation_every_steps=int(data["validationEverySteps"]),
        ),
        training=_record(TrainingSpec, doc["training"]),
        optimizer=_record(OptimizerSpec, doc["optimizer"]),
        lora=_record(LoraSpec, lora) if method.uses_lora else None,
        dpo=_record(DpoSpec, dpo) if method.uses_preferences else None,
        grpo=grpo,
        rewards=rewards,
        tools=tools,
        checkpointing=_record(CheckpointingSpec, doc["checkpointing"]),
        output=_record(OutputSpec, doc["output"]),
        logging=_record(LoggingSpec, doc["logging"]),
        parallelism=_record(ParallelismSpec, doc["parallelism"]),
        neuron=_record(NeuronSpec, doc["neuron"]),
        divergence=_record(DivergenceSpec, doc["divergence"]),
        evaluation=None if doc.get("evaluation") is None else _record(EvaluationSpec, doc["evaluation"]),
    )


def _reward_sections(doc: Mapping[str, Any]) -> tuple[GrpoSpec, tuple[RewardSpec, ...], ToolsSpec | None]:
    """The GRPO settings, rewards and tools of a reward method (`check_method` found them there)."""
    rewards = tuple(_record(RewardSpec, reward) for reward in doc["rewards"])
    for i, reward in enumerate(rewards):
        where = f"rewards[{i}] ({reward.name})"
        if (reward.builtin is None) == (reward.module is None):
            raise ConfigError(f"{where}: set exactly one of builtin and module")
        if reward.module is not None and not reward.function:
            raise ConfigError(f"{where}: a custom reward names its function")
        if reward.builtin == "exact-match" and not reward.field:
            raise ConfigError(f"{where}: exact-match needs field (the record field with the reference)")
        if reward.builtin == "format" and not reward.pattern:
            raise ConfigError(f"{where}: format needs pattern (a regular expression)")
    names = [reward.name for reward in rewards]
    if len(set(names)) != len(names):
        raise ConfigError(f"rewards: names must be unique, got {names}")
    tools = None if doc["tools"] is None else _record(ToolsSpec, doc["tools"])
    return _record(GrpoSpec, doc["grpo"]), rewards, tools


def camel_case(name: str) -> str:
    """The document's key of a record field: `seq_length` -> `seqLength`."""
    first, *rest = name.split("_")
    camel = first + "".join(part.capitalize() for part in rest)
    # As the operator's alias generator (pydantic's to_camel) spells it: load_in_4bit -> loadIn4Bit.
    return re.sub(r"(\d)([a-z])", lambda match: match.group(1) + match.group(2).upper(), camel)


R = TypeVar("R")


def _record(cls: type[R], section: Mapping[str, Any]) -> R:
    """One record from its (already checked) section: each field is the camelCase key's value."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = section[camel_case(field.name)]
        # Numbers are floats whether the YAML wrote 3 or 3.0; lists become immutable tuples.
        if field.type == "float":
            value = float(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[field.name] = value
    return cls(**values)


def resolve_sagemaker_paths(
    config: TrainConfig, env: Mapping[str, str], checkpoint_dir_exists: bool
) -> TrainConfig:
    """On SageMaker, outputs go to SM_MODEL_DIR and checkpoints to /opt/ml/checkpoints (the contract).

    SageMaker uploads only what is under those paths, and syncs the checkpoint path back to the
    container on a restart, so `output.dir` / `checkpointing.dir` from the config must not win there.
    """
    on_sagemaker = (
        "SM_MODEL_DIR" in env or any(key.startswith("SM_CHANNEL_") for key in env) or checkpoint_dir_exists
    )
    if not on_sagemaker:
        return config
    return dataclasses.replace(
        config,
        output=dataclasses.replace(config.output, dir=env.get("SM_MODEL_DIR", SAGEMAKER_MODEL_DIR)),
        checkpointing=dataclasses.replace(config.checkpointing, dir=SAGEMAKER_CHECKPOINT_DIR),
    )


def load_config(path: str | os.PathLike[str], env: Mapping[str, str] | None = None) -> TrainConfig:
    """Reads, parses and resolves the config file; every failure is a `ConfigError` (exit code 2)."""
    env = os.environ if env is None else env
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"config file {path} is not valid YAML: {exc}") from exc
    config = parse_config(doc)
    return resolve_sagemaker_paths(config, env, checkpoint_dir_exists=Path(SAGEMAKER_CHECKPOINT_DIR).is_dir())
