"""The resolved training config (docs/trainer-contract.md, section 1) as typed, frozen records.

The operator renders every key; the trainer rejects a *missing* key (a sign that operator and
trainer disagree on the contract) and ignores unknown keys (so an older trainer image still runs
a newer config). Parsing is a pure function from a mapping to `TrainConfig`, so that every rule
here is unit-tested without files or processes.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml

METHODS = ("sft", "lora", "dpo", "dpo-lora")
DATA_FORMATS = ("messages", "prompt-completion", "preference", "bedrock-conversation")
PRECISIONS = ("bf16", "fp32", "fp16")
SCHEDULERS = ("cosine", "linear", "constant")
OPTIMIZERS = ("adamw",)

# SageMaker's fixed locations: outputs in SM_MODEL_DIR, checkpoints in the synced local path.
SAGEMAKER_CHECKPOINT_DIR = "/opt/ml/checkpoints"
SAGEMAKER_MODEL_DIR = "/opt/ml/model"


class ConfigError(ValueError):
    """The config file or a command-line argument is invalid: exit code 2, no resume."""


@dataclasses.dataclass(frozen=True)
class JobRef:
    namespace: str
    name: str
    uid: str
    attempt: int


@dataclasses.dataclass(frozen=True)
class ModelSpec:
    name: str
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
    format: str
    train: tuple[DataSource, ...]
    validation: str | None
    validation_split: float
    error_budget: float


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


@dataclasses.dataclass(frozen=True)
class DpoSpec:
    beta: float


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
class LoggingSpec:
    every_steps: int
    tensorboard_dir: str | None


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    job: JobRef
    method: str
    model: ModelSpec
    data: DataSpec
    training: TrainingSpec
    optimizer: OptimizerSpec
    lora: LoraSpec | None
    dpo: DpoSpec | None
    checkpointing: CheckpointingSpec
    output: OutputSpec
    logging: LoggingSpec
    parallelism: ParallelismSpec
    neuron: NeuronSpec

    @property
    def uses_lora(self) -> bool:
        return self.method in ("lora", "dpo-lora")

    @property
    def is_preference(self) -> bool:
        return self.method in ("dpo", "dpo-lora")

    @property
    def packs_documents(self) -> bool:
        """Whether rows hold several documents: preference pairs are never packed."""
        return self.training.packing and not self.is_preference


T = TypeVar("T")


class _Reader:
    """Reads one mapping of the config, naming the full dot-path of any key that is wrong."""

    def __init__(self, doc: Any, where: str) -> None:
        if not isinstance(doc, Mapping):
            raise ConfigError(f"{where or 'config'}: expected a mapping, got {type(doc).__name__}")
        self._doc = doc
        self._where = where

    def _path(self, key: str) -> str:
        return f"{self._where}.{key}" if self._where else key

    def raw(self, key: str) -> Any:
        if key not in self._doc:
            raise ConfigError(f"{self._path(key)}: required key is missing")
        return self._doc[key]

    def sub(self, key: str) -> _Reader:
        return _Reader(self.raw(key), self._path(key))

    def optional_sub(self, key: str) -> _Reader | None:
        value = self.raw(key)
        return None if value is None else _Reader(value, self._path(key))

    def _typed(self, key: str, kinds: tuple[type, ...], kind_name: str) -> Any:
        value = self.raw(key)
        # bool is an int in Python; a YAML `true` where a number belongs is a mistake.
        if isinstance(value, bool) and bool not in kinds:
            raise ConfigError(f"{self._path(key)}: expected {kind_name}, got a boolean")
        if not isinstance(value, kinds):
            raise ConfigError(f"{self._path(key)}: expected {kind_name}, got {value!r}")
        return value

    def string(self, key: str) -> str:
        return str(self._typed(key, (str,), "a string"))

    def optional_string(self, key: str) -> str | None:
        return None if self.raw(key) is None else self.string(key)

    def boolean(self, key: str) -> bool:
        return bool(self._typed(key, (bool,), "true or false"))

    def integer(self, key: str, minimum: int | None = None) -> int:
        value = int(self._typed(key, (int,), "an integer"))
        if minimum is not None and value < minimum:
            raise ConfigError(f"{self._path(key)}: must be >= {minimum}, got {value}")
        return value

    def number(
        self, key: str, minimum: float | None = None, maximum: float | None = None, positive: bool = False
    ) -> float:
        value = float(self._typed(key, (int, float), "a number"))
        if positive and value <= 0:
            raise ConfigError(f"{self._path(key)}: must be > 0, got {value}")
        if minimum is not None and value < minimum:
            raise ConfigError(f"{self._path(key)}: must be >= {minimum}, got {value}")
        if maximum is not None and value > maximum:
            raise ConfigError(f"{self._path(key)}: must be <= {maximum}, got {value}")
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.string(key)
        if value not in allowed:
            raise ConfigError(f"{self._path(key)}: must be one of {', '.join(allowed)}; got {value!r}")
        return value

    def string_list(self, key: str) -> tuple[str, ...]:
        value = self._typed(key, (list,), "a list")
        if not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{self._path(key)}: expected a list of strings, got {value!r}")
        return tuple(value)

    def sub_list(self, key: str) -> list[_Reader]:
        value = self._typed(key, (list,), "a list")
        return [_Reader(item, f"{self._path(key)}[{i}]") for i, item in enumerate(value)]


def parse_config(doc: Any) -> TrainConfig:
    """Builds a `TrainConfig` from the YAML document, or raises `ConfigError` naming the bad key."""
    root = _Reader(doc, "")
    kind = root.string("kind")
    if kind != "ResolvedTrainingConfig":
        raise ConfigError(f"kind: expected ResolvedTrainingConfig, got {kind!r}")
    method = root.choice("method", METHODS)

    job = root.sub("job")
    model = root.sub("model")
    data = root.sub("data")
    training = root.sub("training")
    optimizer = root.sub("optimizer")
    checkpointing = root.sub("checkpointing")
    output = root.sub("output")
    logging_ = root.sub("logging")
    # Present in every resolved config (the contract), but only meaningful for some methods.
    lora = root.optional_sub("lora")
    dpo = root.optional_sub("dpo")
    root.raw("recipe")
    parallelism = root.sub("parallelism")
    neuron = root.sub("neuron")

    sources = tuple(
        DataSource(path=s.string("path"), weight=s.number("weight", minimum=0.0))
        for s in data.sub_list("train")
    )
    if not sources:
        raise ConfigError("data.train: at least one training source is required")
    if sum(s.weight for s in sources) <= 0:
        raise ConfigError("data.train: the weights must not all be zero")
    validation = data.optional_sub("validation")

    data_format = data.choice("format", DATA_FORMATS)
    is_preference = method in ("dpo", "dpo-lora")
    if is_preference and data_format not in ("preference", "bedrock-conversation"):
        raise ConfigError(
            f"data.format: method {method} needs preference data (preference or bedrock-conversation "
            f"with candidates); got {data_format!r}"
        )
    if not is_preference and data_format == "preference":
        raise ConfigError(f"data.format: preference data needs method dpo or dpo-lora; method is {method!r}")

    lora_spec = None
    if method in ("lora", "dpo-lora"):
        if lora is None:
            raise ConfigError(
                f"lora: method {method} needs lora settings (rank, alpha, dropout, targetModules)"
            )
        lora_spec = LoraSpec(
            rank=lora.integer("rank", minimum=1),
            alpha=lora.number("alpha", positive=True),
            dropout=lora.number("dropout", minimum=0.0, maximum=1.0),
            target_modules=lora.string_list("targetModules"),
        )
        if not lora_spec.target_modules:
            raise ConfigError("lora.targetModules: name at least one module, e.g. [q_proj, v_proj]")
    dpo_spec = None
    if is_preference:
        if dpo is None:
            raise ConfigError(f"dpo: method {method} needs dpo settings (beta)")
        dpo_spec = DpoSpec(beta=dpo.number("beta", positive=True))

    training_spec = TrainingSpec(
        seq_length=training.integer("seqLength", minimum=8),
        micro_batch_size=training.integer("microBatchSize", minimum=1),
        gradient_accumulation_steps=training.integer("gradientAccumulationSteps", minimum=1),
        max_steps=training.integer("maxSteps", minimum=0),
        epochs=training.number("epochs", minimum=0.0),
        seed=training.integer("seed"),
        precision=training.choice("precision", PRECISIONS),
        packing=training.boolean("packing"),
        gradient_checkpointing=training.boolean("gradientCheckpointing"),
    )
    if training_spec.max_steps == 0 and training_spec.epochs <= 0:
        raise ConfigError("training.maxSteps: is 0 (derive from epochs) but training.epochs is not positive")

    return TrainConfig(
        job=JobRef(
            namespace=job.string("namespace"),
            name=job.string("name"),
            uid=job.string("uid"),
            attempt=job.integer("attempt", minimum=1),
        ),
        method=method,
        model=ModelSpec(
            name=model.string("name"), path=model.string("path"), tokenizer=model.optional_string("tokenizer")
        ),
        data=DataSpec(
            format=data_format,
            train=sources,
            validation=None if validation is None else validation.string("path"),
            validation_split=data.number("validationSplit", minimum=0.0, maximum=0.5),
            error_budget=data.number("errorBudget", minimum=0.0, maximum=1.0),
        ),
        training=training_spec,
        optimizer=OptimizerSpec(
            name=optimizer.choice("name", OPTIMIZERS),
            learning_rate=optimizer.number("learningRate", positive=True),
            weight_decay=optimizer.number("weightDecay", minimum=0.0),
            beta1=optimizer.number("beta1", minimum=0.0, maximum=1.0),
            beta2=optimizer.number("beta2", minimum=0.0, maximum=1.0),
            epsilon=optimizer.number("epsilon", minimum=0.0),
            max_grad_norm=optimizer.number("maxGradNorm", minimum=0.0),
            scheduler=optimizer.choice("scheduler", SCHEDULERS),
            warmup_steps=optimizer.integer("warmupSteps", minimum=0),
        ),
        lora=lora_spec,
        dpo=dpo_spec,
        checkpointing=CheckpointingSpec(
            dir=checkpointing.string("dir"),
            every_steps=checkpointing.integer("everySteps", minimum=1),
            keep_last=checkpointing.integer("keepLast", minimum=1),
        ),
        output=OutputSpec(dir=output.string("dir"), merge=output.boolean("merge")),
        logging=LoggingSpec(
            every_steps=logging_.integer("everySteps", minimum=1),
            tensorboard_dir=logging_.optional_string("tensorboardDir"),
        ),
        parallelism=ParallelismSpec(
            tensor_parallel=parallelism.integer("tensorParallel", minimum=1),
            zero1=parallelism.boolean("zero1"),
        ),
        neuron=NeuronSpec(precompile=neuron.boolean("precompile")),
    )


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
