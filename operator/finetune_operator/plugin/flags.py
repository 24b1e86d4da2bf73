"""The runner CLI's flags as a FineTuneJob: pure translation and the checks of flag combinations.

The runner (shared/seeds, "nova-tunner.py") names models ``micro|lite|pro``, methods
``sft|lora|dpo|dpo-sft`` and override paths in its recipes' snake_case
(``optimizer.learning_rate``, ``lora_config.rank``). Each is translated here to this API's
names (docs/cli.md has the table), so a runner command line works with ``kubectl finetune submit``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from finetune_contract.evaluation import EvaluationMetric
from finetune_operator.api.evaluation import PublishSpec
from finetune_operator.api.job import FineTuneJobSpec, OverrideValue, Resources, Resume, Scheduling
from finetune_operator.api.recipe import API_GROUP, API_VERSION, BackendName
from finetune_operator.api.training_config import Method
from finetune_operator.instances import INSTANCE_SHAPES
from finetune_operator.recipes import closest
from finetune_operator.resolution import override_paths
from finetune_operator.yamlio import KUBE_INT_MAX, LONGEST_INT, kube_number_problem, load_file


class UsageError(Exception):
    """A flag or combination of flags that cannot work; the message says which and why."""


RUNNER_MODELS = {"micro": "nova-micro", "lite": "nova-lite", "pro": "nova-pro"}
"""The runner's --model-name values are Amazon Nova sizes."""

RUNNER_METHODS = {"dpo-sft": Method.DPO_LORA}
"""The runner's "dpo-sft" is LoRA-based DPO: this API's dpo-lora."""

TRAINING_TYPES = sorted({*RUNNER_METHODS, *(m.value for m in Method)})

RUNNER_SECTIONS = {"lora_config": "lora"}
RUNNER_KEYS = {"training.batchSize": "training.microBatchSize"}
NOVA_DATA_FORMAT = "bedrock-conversation"
"""The runner's data is Amazon Nova's training format: the Bedrock conversation schema."""
FP16_FLAG = "training.useFp16"
"""The runner's boolean mixed-precision switch; this API has training.precision instead."""


@dataclass(frozen=True)
class SubmitOptions:
    """``submit``'s flags after argparse, before anything touches the cluster or S3."""

    job_name: str
    namespace: str
    model_name: str
    training_type: str | None
    data_jsonl: str
    validation_jsonl: str | None = None
    recipe_yaml: Path | None = None
    recipe_repo_path: Path | None = None
    recipe_override: str | None = None
    hyperparameters: str | None = None
    upload_data: bool = False
    role: str | None = None
    s3_bucket: str | None = None
    max_run: int | None = None
    backend: str | None = None
    instance_type: str | None = None
    nodes: int | None = None
    queue: str | None = None
    priority: str | None = None
    max_preemptions: int | None = None
    rewards: Path | None = None
    eval_data: str | None = None
    publish: str | None = None
    publish_if: str | None = None
    dry_run: bool = False
    output: str | None = None


def check_combinations(options: SubmitOptions) -> None:
    """Reject what the runner rejects, and what cannot work with the chosen backend."""
    if options.recipe_yaml and options.training_type:
        raise UsageError(
            "--recipe-yaml and --training-type exclude each other: the recipe file already fixes the "
            "method (its spec.method); drop one of them"
        )
    if options.recipe_yaml and options.recipe_repo_path:
        raise UsageError("--recipe-yaml and --recipe-repo-path exclude each other: pick one recipe source")
    if options.recipe_repo_path and not options.training_type:
        raise UsageError("--recipe-repo-path needs --training-type: it picks the recipe by model and method")
    if not options.recipe_yaml and not options.training_type:
        raise UsageError("choose a recipe: --training-type (auto-select) or --recipe-yaml FILE")
    if options.dry_run and options.output:
        raise UsageError("--dry-run and -o exclude each other: -o writes the job instead of submitting it")
    for bounded, value in (
        ("--max-run", options.max_run),
        ("--nodes", options.nodes),
        ("--queue", options.queue),
        ("--priority", options.priority),
        ("--max-preemptions", options.max_preemptions),
    ):
        if value is not None:
            check_flag_bounds(bounded, value)
    backend = backend_for(options)
    if backend == BackendName.SAGEMAKER:
        for flag, given in (("--queue", options.queue), ("--priority", options.priority)):
            if given:
                raise UsageError(
                    f"{flag} applies to --backend hyperpod only: Kueue (HyperPod task governance) queues "
                    "PyTorchJobs on the cluster, SageMaker training jobs are not queued by it"
                )
    if options.instance_type:
        check_instance_type(options.instance_type, backend)
    if backend != BackendName.SAGEMAKER:
        for flag, value in (("--role", options.role), ("--s3-bucket", options.s3_bucket)):
            if value:
                raise UsageError(
                    f"{flag} applies to --backend sagemaker only (this job's backend is {backend})"
                )
    for flag, path in (
        ("--data-jsonl", options.data_jsonl),
        ("--validation-jsonl", options.validation_jsonl),
        ("--eval-data", options.eval_data),
    ):
        if path:
            check_data_path(flag, path, backend, options.upload_data)
    if options.publish_if and not options.publish:
        raise UsageError("--publish-if gates --publish: give the target with --publish oci://...|s3://...")
    if options.publish_if:
        publish_gate(options.publish_if)
    if options.publish:
        check_flag_bounds("--publish", options.publish)


FLAG_FIELDS: dict[str, tuple[str, type[BaseModel], str]] = {
    "--nodes": ("spec.resources.nodes", Resources, "nodes"),
    "--max-run": ("spec.maxRuntimeSeconds", FineTuneJobSpec, "max_runtime_seconds"),
    "--queue": ("spec.scheduling.queueName", Scheduling, "queue_name"),
    "--priority": ("spec.scheduling.priorityClass", Scheduling, "priority_class"),
    "--max-preemptions": ("spec.resume.maxPreemptions", Resume, "max_preemptions"),
    "--publish": ("spec.publish.target", PublishSpec, "target"),
}
"""Flags that set one field of the job: (its API path, model, field). A flag has the field's
bounds, read from the model, so it refuses what the API server would, naming the flag."""


def check_instance_type(instance_type: str, backend: BackendName) -> None:
    """An instance type outside the catalog (instances.py) is a typo on hyperpod, which renders
    only catalog types from flags (docs/accelerators.md); SageMaker knows more types, so there
    only a near catalog name is suggested, on stderr."""
    if instance_type in INSTANCE_SHAPES:
        return
    near = closest(list(INSTANCE_SHAPES), instance_type)
    hint = f"; did you mean {near}?" if near else ""
    if backend == BackendName.HYPERPOD:
        raise UsageError(
            f"--instance-type {instance_type}: not in the HyperPod instance catalog{hint} "
            "(docs/accelerators.md lists its Trainium, NVIDIA GPU and CPU types)"
        )
    if near:
        print(
            f"warning: --instance-type {instance_type} is not in the instance catalog{hint}", file=sys.stderr
        )


PUBLISH_GATE = re.compile(r"^\s*(?P<metric>\w+)\s*(?P<op>[<>])\s*(?P<value>[-+0-9.eE]+)\s*$")


def publish_gate(expression: str) -> dict[str, Any]:
    """``--publish-if 'evalLoss<1.2'`` as spec.publish.when (``{metric, below}``; ``>``: ``above``)."""
    match = PUBLISH_GATE.match(expression)
    metrics = ", ".join(EvaluationMetric)
    if match is None:
        raise UsageError(
            f"--publish-if {expression!r}: write <metric><<|>><number>, e.g. 'evalLoss<1.2' ({metrics})"
        )
    if match["metric"] not in set(EvaluationMetric):
        raise UsageError(f"--publish-if {expression!r}: {match['metric']} is not a metric; one of {metrics}")
    try:
        value = float(match["value"])
    except ValueError:
        raise UsageError(f"--publish-if {expression!r}: {match['value']} is not a number") from None
    return {"metric": match["metric"], "below" if match["op"] == "<" else "above": value}


def check_flag_bounds(flag: str, value: object) -> None:
    api_path, model, name = FLAG_FIELDS[flag]
    field = model.model_fields[name]
    annotation: Any = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as err:
        reason = err.errors(include_url=False)[0]["msg"]
        raise UsageError(f"{flag} {value}: {reason} (the bound of {api_path})") from None


def check_data_path(flag: str, path: str, backend: BackendName, upload: bool) -> None:
    if path.startswith("s3://"):
        return
    if upload:
        if not Path(path).is_file():
            raise UsageError(f"{flag} {path}: no such local file to upload (--upload-data)")
        return
    if backend == BackendName.SAGEMAKER:
        raise UsageError(
            f"{flag} {path}: SageMaker reads its data from S3; give an s3:// URI, or add --upload-data "
            "to upload this local file first"
        )
    if not path.startswith("/"):
        raise UsageError(
            f"{flag} {path}: a relative path is a local file; add --upload-data to copy it onto the job's "
            "storage, or give an absolute path the namespace may read (/fsx/data/<namespace>/train.jsonl) "
            "or an s3:// URI"
        )


def model_for(name: str) -> str:
    return RUNNER_MODELS.get(name, name)


def method_for(training_type: str) -> Method:
    if training_type in RUNNER_METHODS:
        return RUNNER_METHODS[training_type]
    try:
        return Method(training_type)
    except ValueError:
        raise UsageError(
            f"--training-type {training_type}: unknown; choose one of {', '.join(TRAINING_TYPES)}"
        ) from None


def check_rewards(method: Method, rewards: Path | None) -> None:
    """GRPO methods score completions with the job's rewards (``spec.rewards``, at least one);
    no other method takes any. Checked once the method is known (a recipe file fixes it)."""
    if method.traits.rewards and rewards is None:
        raise UsageError(
            f"method {method.value} needs rewards: --rewards FILE, a YAML list of spec.rewards entries "
            "(e.g. [{name: correct, builtin: exact-match, field: answer}]; docs/grpo.md)"
        )
    if not method.traits.rewards and rewards is not None:
        raise UsageError(
            f"--rewards applies to methods grpo and grpo-lora only (this job's method is {method})"
        )


def load_rewards(path: Path) -> list[Any]:
    """The ``--rewards`` file: one YAML document, a list of reward entries as spec.rewards has
    them (the job's schema checks each entry, like the API server does)."""
    documents = load_file(path)
    if len(documents) != 1 or not isinstance(documents[0], list) or not documents[0]:
        raise UsageError(
            f"--rewards {path}: expected one YAML list of rewards (spec.rewards entries; docs/grpo.md)"
        )
    return list(documents[0])


def backend_for(options: SubmitOptions) -> BackendName:
    """--backend, else sagemaker for Amazon Nova models (they train nowhere else), else hyperpod."""
    if options.backend:
        return BackendName(options.backend)
    model = model_for(options.model_name)
    return BackendName.SAGEMAKER if model.startswith("nova-") else BackendName.HYPERPOD


# --- overrides ---------------------------------------------------------------------------------


def typed_value(raw: str) -> OverrideValue:
    """The runner's value rules: integers, floats, true/false, anything else a string.

    A number Kubernetes cannot hold (an integer beyond 64 bits, NaN, an infinity) is a
    UsageError: the job could not be stored, and a 5,000-digit integer would end Python's
    int conversion with a ValueError."""
    text = raw.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    number: int | float
    if re.fullmatch(r"[+-]?\d+", text):
        number = int(text) if len(text) <= LONGEST_INT else KUBE_INT_MAX + 1
    else:
        try:
            number = float(text)
        except ValueError:
            return text
    problem = kube_number_problem(text, number)
    if problem is not None:
        raise UsageError(problem)
    return number


def parse_assignments(text: str, flag: str) -> list[tuple[str, OverrideValue]]:
    """``"a.b=1,c.d=x"`` as ``[("a.b", 1), ("c.d", "x")]``."""
    pairs: list[tuple[str, OverrideValue]] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{flag}: {item[:80]!r} is not key=value (format: key1=value1,key2=value2)")
        try:
            pairs.append((key.strip(), typed_value(value)))
        except UsageError as err:
            raise UsageError(f"{flag} {key.strip()}: {err}") from None
    return pairs


def _camel(segment: str) -> str:
    head, *rest = segment.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


def recipe_override(path: str, value: OverrideValue) -> tuple[str, OverrideValue]:
    """A runner override path (snake_case, ``lora_config``) as this API's dot-path and value."""
    section, _, key = path.partition(".")
    ours = f"{RUNNER_SECTIONS.get(section, _camel(section))}.{_camel(key)}" if key else path
    ours = RUNNER_KEYS.get(ours, ours)
    if ours == FP16_FLAG and isinstance(value, bool):
        return "training.precision", "fp16" if value else "bf16"
    return ours, value


def hyperparameter(key: str, value: OverrideValue) -> tuple[str, OverrideValue]:
    """A flat runner hyperparameter (``learning_rate=0.001``) as the one override path ending in it."""
    if "." in key:
        return recipe_override(key, value)
    name = _camel(key)
    matches = [p for p in override_paths() if p.split(".", 1)[1] == name]
    if len(matches) != 1:
        hint = (
            f"one of {', '.join(matches)}"
            if matches
            else "a path from docs/api.md, e.g. optimizer.learningRate"
        )
        raise UsageError(f"--hyperparameters {key}: name it by its full path, {hint}")
    return matches[0], value


def collect_overrides(
    recipe_override_text: str | None, hyperparameters_text: str | None
) -> dict[str, OverrideValue]:
    overrides: dict[str, OverrideValue] = {}
    for key, value in parse_assignments(hyperparameters_text or "", "--hyperparameters"):
        path, typed = hyperparameter(key, value)
        overrides[path] = typed
    for key, value in parse_assignments(recipe_override_text or "", "--recipe-override"):
        path, typed = recipe_override(key, value)
        overrides[path] = typed
    return overrides


# --- the FineTuneJob -------------------------------------------------------------------------


def s3_prefix(bucket: str, namespace: str, job_name: str, what: str) -> str:
    return f"s3://{bucket}/finetune/{namespace}/{job_name}/{what}/"


def build_job(
    options: SubmitOptions,
    data_paths: dict[str, str],
    method: Method,
    recipe_name: str | None,
    overrides: dict[str, OverrideValue],
    rewards: list[Any] | None = None,
) -> dict[str, Any]:
    """The FineTuneJob the flags describe.

    ``data_paths`` maps ``train``/``validation`` to where the data is read from (after any
    upload); ``recipe_name`` names the FineTuneRecipe made from --recipe-yaml or
    --recipe-repo-path, whose spec.method is the job's ``method``; ``rewards`` those of
    --rewards (GRPO methods).
    """
    backend = backend_for(options)
    spec: dict[str, Any] = {}
    if backend != BackendName.HYPERPOD or options.backend:
        spec["backend"] = backend.value
    spec["model"] = {"name": model_for(options.model_name)}
    spec["method"] = method.value
    recipe: dict[str, Any] = {}
    if recipe_name:
        recipe = {"name": recipe_name, "kind": "FineTuneRecipe"}
    if overrides:
        recipe["overrides"] = dict(overrides)
    if recipe:
        spec["recipe"] = recipe
    data: dict[str, Any] = {"train": {"path": data_paths["train"]}}
    if spec["model"]["name"].startswith("nova-"):
        data["format"] = NOVA_DATA_FORMAT
    if "validation" in data_paths:
        data["validation"] = {"path": data_paths["validation"]}
    spec["data"] = data
    resources = {
        k: v for k, v in (("instanceType", options.instance_type), ("nodes", options.nodes)) if v is not None
    }
    if resources:
        spec["resources"] = resources
    if options.max_run is not None:
        spec["maxRuntimeSeconds"] = options.max_run
    scheduling = {k: v for k, v in (("queueName", options.queue), ("priorityClass", options.priority)) if v}
    if scheduling:
        spec["scheduling"] = scheduling
    if options.max_preemptions is not None:
        spec["resume"] = {"maxPreemptions": options.max_preemptions}
    sagemaker: dict[str, Any] = {}
    if options.role:
        sagemaker["roleArn"] = options.role
    if options.s3_bucket:
        sagemaker["outputS3Uri"] = s3_prefix(options.s3_bucket, options.namespace, options.job_name, "output")
        sagemaker["checkpointS3Uri"] = s3_prefix(
            options.s3_bucket, options.namespace, options.job_name, "checkpoints"
        )
    if sagemaker:
        spec["sagemaker"] = sagemaker
    if rewards:
        spec["rewards"] = rewards
    if "evaluation" in data_paths or options.publish_if:
        spec["evaluation"] = (
            {"data": {"path": data_paths["evaluation"]}} if "evaluation" in data_paths else {}
        )
    if options.publish:
        spec["publish"] = {"target": options.publish}
        if options.publish_if:
            spec["publish"]["when"] = publish_gate(options.publish_if)
    return {
        "apiVersion": f"{API_GROUP}/{API_VERSION}",
        "kind": "FineTuneJob",
        "metadata": {"name": options.job_name, "namespace": options.namespace},
        "spec": spec,
    }


# --- durations ---------------------------------------------------------------------------------

DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(flag: str, text: str) -> int:
    """Seconds in ``text``: kubectl's form (``90s``, ``10m``, ``1h30m``, ``2d``) or plain seconds."""
    value = text.strip()
    if re.fullmatch(r"\d+", value):
        seconds = int(value)
    elif re.fullmatch(r"(\d+[smhd])+", value):
        seconds = sum(int(n) * DURATION_UNITS[u] for n, u in re.findall(r"(\d+)([smhd])", value))
    else:
        raise UsageError(
            f"{flag} {text!r}: not a duration; write e.g. 90s, 10m, 1h30m or a number of seconds"
        )
    if seconds <= 0:
        raise UsageError(f"{flag} {text!r}: must be more than 0 seconds")
    return seconds
