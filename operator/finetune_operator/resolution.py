"""Pure resolution: (job, recipe, operator config, attempt) -> resolved training config.

Precedence, lowest first: the operator's defaults (field defaults of the config models),
the recipe, the job's own fields (``spec.checkpointing``, ``spec.data``,
``spec.resources``), and finally ``spec.recipe.overrides``. Every error names the field
to fix.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from finetune_contract.methods import METHOD_ONLY_SECTIONS, family_problem, format_problem
from finetune_operator.api.job import FineTuneJob, OverrideValue, RecipeStatus
from finetune_operator.api.recipe import Recipe, RecipeConfig
from finetune_operator.api.training_config import (
    CheckpointingSection,
    DataConfig,
    EvaluationConfig,
    GenerationEngine,
    JobIdentity,
    LoggingSection,
    Method,
    ModelConfig,
    OutputSection,
    PathSource,
    RecipeIdentity,
    ResolvedTrainingConfig,
    WeightedSource,
)
from finetune_operator.attempt import ResolvedResources
from finetune_operator.code import resolve_rewards, resolve_tools
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.instances import INSTANCE_SHAPES, AcceleratorFamily, accelerator_family
from finetune_operator.recipes import format_validation_error, frozen_spec
from finetune_operator.storage import StoragePolicy, normalise

METHOD_SECTIONS = {
    section: tuple(method for method in Method if section in method.traits.sections)
    for section in METHOD_ONLY_SECTIONS
}
"""The config sections only some methods use (their traits: finetune_contract.methods), with those methods."""


@dataclass(frozen=True)
class Resolution:
    config: ResolvedTrainingConfig
    resources: ResolvedResources
    recipe: RecipeStatus


@dataclass(frozen=True)
class StorageDirs:
    checkpoint_dir: str
    output_dir: str
    tensorboard_dir: str


def storage_dirs(job: FineTuneJob, policy: StoragePolicy) -> StorageDirs:
    """Where ``spec.storage`` puts this job's checkpoints, outputs and TensorBoard logs:
    by default in the job's own directory of the platform's ``policy``, normalised.

    Outputs and TensorBoard logs are the run's own: ``<outputDir>/<uid>`` and
    ``<tensorboardDir>/<uid>``, keyed on the job's uid, so that a job re-created under an
    old name never overwrites or mixes with the earlier run's files, while the attempts of
    one job share them. The checkpoint directory is shared by the name's runs: each
    checkpoint's manifest records the uid that wrote it, and the trainer resumes only from
    its own job's (docs/trainer-contract.md, section 2).

    They go into every resolved config, so the config hash covers them on every backend
    (a backend whose container sees other paths, like SageMaker's, maps them when it
    renders; the hash stays the one the job's status records).
    """
    storage = job.spec.storage
    base = policy.for_job(job.metadata.namespace or "", job.metadata.name).write_root
    uid = job.metadata.uid or ""

    def chosen(value: str | None, default: str) -> str:
        return normalise(value) if value else default

    return StorageDirs(
        checkpoint_dir=chosen(storage.checkpoint_dir, f"{base}/checkpoints"),
        output_dir=run_dir(chosen(storage.output_dir, f"{base}/output"), uid),
        tensorboard_dir=run_dir(chosen(storage.tensorboard_dir, f"{base}/tensorboard"), uid),
    )


def run_dir(parent: str, uid: str) -> str:
    """One run's directory below ``parent``: ``<parent>/<uid>`` (``parent`` itself for a job
    with no uid yet, which only a unit test builds)."""
    return normalise(f"{parent}/{uid}") if uid else parent


# --- overrides ---------------------------------------------------------------------------


def override_paths() -> dict[str, Any]:
    """Every valid override path mapped to its Python annotation."""
    paths: dict[str, Any] = {}
    for section_name, section_field in RecipeConfig.model_fields.items():
        section_model = section_field.annotation
        assert isinstance(section_model, type) and issubclass(section_model, BaseModel)
        section_alias = section_field.alias or section_name
        for name, field in section_model.model_fields.items():
            paths[f"{section_alias}.{field.alias or name}"] = field.annotation
    return paths


def apply_overrides(base: RecipeConfig, overrides: dict[str, OverrideValue], method: Method) -> RecipeConfig:
    """Return ``base`` with each dot-path override applied, type-checked and re-validated."""
    valid = override_paths()
    document = base.model_dump(mode="json")
    for path, value in sorted(overrides.items()):
        if path not in valid:
            raise InvalidSpecError(_unknown_path_message(path, list(valid)))
        section, key = path.split(".", 1)
        if section in METHOD_SECTIONS and method not in METHOD_SECTIONS[section]:
            users = ", ".join(m.value for m in METHOD_SECTIONS[section])
            raise InvalidSpecError(
                f"spec.recipe.overrides[{path!r}]: {section}.* applies only to methods {users}, "
                f"not {method.value!r}"
            )
        document[section][key] = _check_type(path, value, valid[path])
    try:
        return RecipeConfig.model_validate(document)
    except ValidationError as err:
        raise InvalidSpecError(f"spec.recipe.overrides: {format_validation_error(err)}") from None


def _unknown_path_message(path: str, valid: list[str]) -> str:
    hint = f"; did you mean {' or '.join(f'`{p}`' for p in _near_paths(path, valid))}?"
    sections = sorted({p.split(".", 1)[0] for p in valid})
    return (
        f"spec.recipe.overrides: unknown path `{path}`{hint} "
        f"(overridable sections: {', '.join(sections)}; see docs/api.md)"
    )


def _near_paths(path: str, valid: list[str]) -> list[str]:
    """Up to three likely intended paths: abbreviations first (``lr``), then spelling neighbours."""
    section, _, key = path.partition(".")
    abbreviated = [
        p for p in valid if p.startswith(section + ".") and _is_subsequence(key, p.split(".", 1)[1])
    ]
    spelled = difflib.get_close_matches(path, valid, n=3, cutoff=0.5)
    near = list(dict.fromkeys([*abbreviated, *spelled]))[:3]
    return near or [p for p in valid if p.startswith(section + ".")][:3] or valid[:3]


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long.lower())
    return bool(short) and all(char in remaining for char in short.lower())


def _type_name(annotation: Any) -> str:
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    if getattr(annotation, "__origin__", None) is list:
        return "list of strings"
    return "string"


def _check_type(path: str, value: OverrideValue, annotation: Any) -> OverrideValue:
    """Accept ``value`` only when its YAML type matches; ints widen to floats, nothing else converts."""
    expected = _type_name(annotation)
    ok = {
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "list of strings": isinstance(value, list),
        "string": isinstance(value, str),
    }[expected]
    if not ok:
        shown = json.dumps(value)
        raise InvalidSpecError(
            f"spec.recipe.overrides[{path!r}]: expected {expected}, got {shown} ({_yaml_type(value)})"
        )
    if expected == "number" and isinstance(value, int):
        return float(value)
    return value


def _yaml_type(value: OverrideValue) -> str:
    return _type_name(type(value)) if not isinstance(value, list) else "list"


# --- resolution --------------------------------------------------------------------------


def resolve(job: FineTuneJob, recipe: Recipe, operator: OperatorConfig, attempt: int) -> Resolution:
    """Resolve the training config and hardware for ``attempt`` of ``job`` from ``recipe``."""
    spec = job.spec
    tunables = _apply_job_fields(job, recipe.spec.config)
    tunables = apply_overrides(tunables, spec.recipe.overrides, spec.method)
    paths = storage_dirs(job, operator.storage)
    resources = resolve_resources(job, recipe)

    config = ResolvedTrainingConfig(
        job=JobIdentity(
            namespace=job.metadata.namespace or "default",
            name=job.metadata.name,
            uid=job.metadata.uid or "",
            attempt=attempt,
        ),
        recipe=RecipeIdentity(name=recipe.metadata.name, hash=""),
        method=spec.method,
        model=ModelConfig(
            name=spec.model.name,
            path=_location(spec.model.uri)
            if spec.model.uri
            else f"{operator.model_root.rstrip('/')}/{spec.model.name}",
            tokenizer=_location(spec.model.tokenizer) if spec.model.tokenizer else None,
        ),
        data=_resolve_data(job, tunables),
        training=tunables.training,
        optimizer=tunables.optimizer,
        lora=tunables.lora if "lora" in spec.method.traits.sections else None,
        dpo=tunables.dpo if "dpo" in spec.method.traits.sections else None,
        grpo=tunables.grpo if "grpo" in spec.method.traits.sections else None,
        rewards=resolve_rewards(spec),
        tools=resolve_tools(spec),
        parallelism=tunables.parallelism,
        neuron=tunables.neuron,
        divergence=spec.health.divergence,
        evaluation=_resolve_evaluation(job, tunables),
        checkpointing=CheckpointingSection(dir=paths.checkpoint_dir, **tunables.checkpointing.model_dump()),
        output=OutputSection(dir=paths.output_dir, **tunables.output.model_dump()),
        logging=LoggingSection(tensorboard_dir=paths.tensorboard_dir, **tunables.logging.model_dump()),
    )
    digest = config_hash(config)
    config = config.model_copy(update={"recipe": RecipeIdentity(name=recipe.metadata.name, hash=digest)})
    return Resolution(
        config=config,
        resources=resources,
        recipe=RecipeStatus(
            name=recipe.metadata.name, kind=recipe.kind, hash=digest, spec=frozen_spec(recipe.spec)
        ),
    )


def config_hash(config: ResolvedTrainingConfig) -> str:
    """sha256 over everything that shapes training: the config minus job identity, the hash itself,
    the final evaluation (it runs after training and changes none of it) and how often the
    validation pass runs (it only reads the weights)."""
    document = config.model_dump(
        mode="json",
        exclude={
            "job": True,
            "recipe": {"hash"},
            "evaluation": True,
            "data": {"validation_every_steps"},
        },
    )
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


RECIPE_FIELDS_A_JOB_SETS: tuple[tuple[str, str], ...] = (
    ("checkpointing", "every_steps"),
    ("checkpointing", "keep_last"),
    ("data", "validation_split"),
    ("data", "error_budget"),
    ("data", "validation_every_steps"),
)
"""(section, field) of a recipe's config that the job's own ``spec.<section>.<field>`` replaces
when set. Each has one bound in both places (tests/unit/test_crd_schema.py checks it)."""


def _apply_job_fields(job: FineTuneJob, base: RecipeConfig) -> RecipeConfig:
    """Layer the job's first-class fields (checkpointing, data tunables) over the recipe."""
    updates: dict[str, dict[str, Any]] = {}
    for section, name in RECIPE_FIELDS_A_JOB_SETS:
        value = getattr(getattr(job.spec, section), name)
        if value is not None:
            updates.setdefault(section, {})[name] = value
    return base.model_copy(
        update={
            section: getattr(base, section).model_copy(update=fields) for section, fields in updates.items()
        }
    )


def _location(value: str) -> str:
    """An s3:// URI as written, a path in normal form (the API admits only these two forms)."""
    return value if value.startswith("s3://") else normalise(value)


def _resolve_data(job: FineTuneJob, tunables: RecipeConfig) -> DataConfig:
    data = job.spec.data
    method = job.spec.method
    data_format = data.format or method.traits.default_format
    problem = format_problem(method, data_format)
    if problem is not None:
        raise InvalidSpecError(f"spec.{problem.field}: {problem.message}")
    if data.train is not None:
        train = [WeightedSource(path=_location(data.train.path), weight=1.0)]
    else:  # a mixture: admission (the CRD's rule) admits exactly one of train and mixture
        train = [WeightedSource(path=_location(s.path), weight=s.weight) for s in data.mixture or ()]
    validation = PathSource(path=_location(data.validation.path)) if data.validation else None
    return DataConfig(
        format=data_format,
        train=train,
        validation=validation,
        validation_split=tunables.data.validation_split,
        error_budget=tunables.data.error_budget,
        validation_every_steps=tunables.data.validation_every_steps,
    )


def _resolve_evaluation(job: FineTuneJob, tunables: RecipeConfig) -> EvaluationConfig | None:
    """``spec.evaluation`` for the trainer; refuses an evaluation with no held-out set to run on."""
    evaluation = job.spec.evaluation
    if evaluation is None:
        return None
    data = job.spec.data
    if evaluation.data is None and data.validation is None and tunables.data.validation_split == 0:
        raise InvalidSpecError(
            "spec.evaluation has no held-out set: give spec.evaluation.data.path or "
            "spec.data.validation.path, or hold out a share of the training data with "
            "spec.data.validationSplit (the recipe's is 0)"
        )
    return EvaluationConfig(
        path=_location(evaluation.data.path) if evaluation.data else None,
        prompts=_location(evaluation.prompts.path) if evaluation.prompts else None,
        max_new_tokens=evaluation.max_new_tokens,
    )


INSTANCE_TYPE_HINTS = {
    AcceleratorFamily.NEURON: "a Trainium instance type (ml.trn*)",
    AcceleratorFamily.CUDA: "a GPU instance type (ml.g*, ml.p*)",
    AcceleratorFamily.CPU: "a CPU one",
}
"""What to choose instead, per accelerator family a method runs on."""


NEURON_LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
"""What LoRA can adapt on Trainium: the linear layers of the decoder blocks of optimum-neuron's
tensor-parallel models (Llama, Granite, Qwen3). Another name (embed_tokens, lm_head, a pattern) has
no parallel LoRA layer there."""
NEURON_FUSED_LORA_GROUPS = (("q_proj", "k_proj", "v_proj"), ("gate_proj", "up_proj"))
"""Layers optimum-neuron 0.4.5 fuses into one: gate/up always, q/k/v wherever the KV heads do not
divide the tensor-parallel degree (Llama 3.1 70B at TP 32). LoRA then adapts the fused layer, so
its PEFT config must name all of a group or none (optimum-neuron refuses the rest when it builds the
model). The operator does not know a model's head count, so q/k/v always go together. Every list
that passes trains and consolidates (trainer-images/trainer/tests/test_trainer_neuron_xla.py)."""


def check_accelerator(config: ResolvedTrainingConfig, family: AcceleratorFamily, instance_type: str) -> None:
    """Refuse settings the attempt's accelerator family cannot run, naming what to change."""
    if config.lora is not None and family == AcceleratorFamily.NEURON:
        unknown = [m for m in config.lora.target_modules if m not in NEURON_LORA_TARGETS]
        if unknown:
            raise InvalidSpecError(
                f"lora.targetModules: {', '.join(unknown)} cannot get a LoRA adapter on {instance_type} "
                f"(neuron): on Trainium LoRA adapts the decoder's linear layers, a subset of "
                f"{', '.join(NEURON_LORA_TARGETS)}"
            )
        for group in NEURON_FUSED_LORA_GROUPS:
            missing = [m for m in group if m not in config.lora.target_modules]
            if 0 < len(missing) < len(group):
                present = ", ".join(m for m in group if m not in missing)
                raise InvalidSpecError(
                    f"lora.targetModules: on {instance_type} (neuron) optimum-neuron fuses "
                    f"{', '.join(group)} into one layer, so LoRA adapts all of them or none: "
                    f"add {', '.join(missing)}, or remove {present}"
                )
    if family_problem(config.method, family) is not None:
        traits = config.method.traits
        supported = ", ".join(f.value for f in traits.families)
        raise InvalidSpecError(
            f"spec.resources.instanceType: method {config.method.value!r} does not run on {instance_type} "
            f"({family.value}); {traits.kind} runs on the {supported} families: choose "
            f"{' or '.join(INSTANCE_TYPE_HINTS[f] for f in traits.families)}"
        )
    vllm = config.grpo is not None and config.grpo.generation_engine == GenerationEngine.VLLM
    if vllm and family != AcceleratorFamily.CUDA:
        raise InvalidSpecError(
            f"grpo.generationEngine: vllm runs only on GPU (cuda) instance types, not on {instance_type} "
            f"({family.value}); use generationEngine hf or a GPU instance type"
        )
    if config.lora is not None and config.lora.load_in_4bit and family != AcceleratorFamily.CUDA:
        raise InvalidSpecError(
            f"lora.loadIn4Bit: 4-bit loading (bitsandbytes) needs a GPU (cuda) instance type, not "
            f"{instance_type} ({family.value}); remove the override or choose a GPU instance type"
        )


def resolve_resources(job: FineTuneJob, recipe: Recipe) -> ResolvedResources:
    """Hardware per attempt: job fields over recipe fields over the instance catalog.

    The instance type's accelerator family must be the recipe's: a recipe's settings
    (parallelism, precision, batch shape) are tested for one family, and its image is that
    family's build.
    """
    requested = job.spec.resources
    instance_type = (requested and requested.instance_type) or recipe.spec.resources.instance_type
    nodes = (requested and requested.nodes) or recipe.spec.resources.nodes
    shape = INSTANCE_SHAPES.get(instance_type)
    explicit_ppn = requested.processes_per_node if requested else None
    explicit_neuron = requested.neuron_devices if requested else None
    explicit_efa = requested.efa_devices if requested else None
    neuron_devices = (
        explicit_neuron if explicit_neuron is not None else (shape.neuron_devices if shape else 0)
    )
    neuron_cores = (
        neuron_devices * shape.neuron_cores // shape.neuron_devices
        if shape and shape.neuron_devices
        else neuron_devices * 2
    )
    gpus = shape.gpus if shape else 0
    family = accelerator_family(instance_type)
    _check_family(job, recipe, instance_type, family)
    return ResolvedResources(
        instance_type=instance_type,
        accelerator_family=family,
        nodes=nodes,
        processes_per_node=explicit_ppn or neuron_cores or gpus or 1,
        neuron_devices=neuron_devices,
        neuron_cores=neuron_cores,
        gpus=gpus,
        efa_devices=explicit_efa if explicit_efa is not None else (shape.efa_devices if shape else 0),
    )


def _check_family(job: FineTuneJob, recipe: Recipe, instance_type: str, family: AcceleratorFamily) -> None:
    wanted = recipe.spec.family
    if family == wanted:
        return
    field = (
        "spec.resources.instanceType"
        if job.spec.resources and job.spec.resources.instance_type
        else f"recipe {recipe.metadata.name!r} resources.instanceType"
    )
    raise InvalidSpecError(
        f"{field}: {instance_type} is a {family.value} instance type, but recipe {recipe.metadata.name!r} "
        f"targets accelerator family {wanted.value}; pick a {wanted.value} instance type, or a "
        f"{family.value} recipe with spec.recipe.name (docs/accelerators.md lists both)"
    )
