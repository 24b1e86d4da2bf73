"""The CRD's admission rules, repeated for objects that never meet the API server.

``finetune-operator render`` reads job files directly, so the rules the API server
enforces through the CRD schema and CEL (crds/finetune.dev_finetunejobs.yaml) are checked
here too, with the same messages. tests/unit/test_admission.py keeps the two in step.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from finetune_contract.constants import MAX_JOB_NAME_LENGTH
from finetune_contract.evaluation import gate_metric_message, metrics_of
from finetune_contract.methods import (
    AcceleratorFamily,
    family_problem,
    methods_where,
    rewards_problem,
    spoken,
)
from finetune_operator.api.job import CodeSource, FineTuneJob, FineTuneJobSpec, RewardSpec
from finetune_operator.api.recipe import BackendName
from finetune_operator.api.training_config import BuiltinReward
from finetune_operator.backends.registry import backend_class
from finetune_operator.errors import InvalidSpecError
from finetune_operator.recipes import format_validation_error

JOB_NAME_PATTERN = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")


def parse_job(document: dict[str, Any], source: str = "FineTuneJob") -> FineTuneJob:
    """Validate a FineTuneJob document against the models and the CRD's CEL rules."""
    if document.get("kind") != "FineTuneJob":
        raise InvalidSpecError(f"{source}: kind must be FineTuneJob, not {document.get('kind')!r}")
    try:
        job = FineTuneJob.model_validate(document)
    except ValidationError as err:
        raise InvalidSpecError(f"{source}: {format_validation_error(err)}") from None
    check_rules(job)
    return job


def check_rules(job: FineTuneJob) -> None:
    """The CEL rules of the FineTuneJob CRD (messages identical to the CRD's): the ones every
    job obeys here, those of its backend in the backend's ``check_spec``."""
    name = job.metadata.name
    if len(name) > MAX_JOB_NAME_LENGTH or not JOB_NAME_PATTERN.match(name):
        raise InvalidSpecError(
            f"metadata.name must be at most {MAX_JOB_NAME_LENGTH} characters of lower-case letters, digits "
            "and '-', starting with a letter (it prefixes the names of pods and services of every attempt)"
        )
    spec = job.spec
    if not spec.model.name and not spec.model.uri:
        raise InvalidSpecError(
            "spec.model needs a catalog name (spec.model.name) or a location (spec.model.uri)"
        )
    if (spec.data.train is None) == (spec.data.mixture is None):
        raise InvalidSpecError("set exactly one of spec.data.train or spec.data.mixture")
    _check_grpo(spec)
    _check_publish(spec)
    backend_class(spec.backend).check_spec(job)


FAMILY_INSTANCE_TYPES = {
    AcceleratorFamily.NEURON: "neuron (Trainium: ml.trn*)",
    AcceleratorFamily.CUDA: "cuda (GPU: ml.g*, ml.p*)",
    AcceleratorFamily.CPU: "cpu",
}
"""Each accelerator family with the instance types of it that a refusal names."""


def _check_grpo(spec: FineTuneJobSpec) -> None:
    """The CRD's rules on rewards, tools and where a method runs (the method's traits:
    finetune_contract.methods)."""
    problem = rewards_problem(spec.method, len(spec.rewards), spec.tools is not None, prefix="spec.")
    if problem is not None:
        raise InvalidSpecError(problem.message)
    instance_type = spec.resources.instance_type if spec.resources else None
    # As the CRD's CEL rule: by the name's prefix (resolution checks the catalog's family).
    trainium = family_problem(spec.method, AcceleratorFamily.NEURON)
    if trainium is not None and instance_type and instance_type.startswith("ml.trn"):
        refused = methods_where(lambda traits: AcceleratorFamily.NEURON not in traits.families)
        families = " and ".join(FAMILY_INSTANCE_TYPES[f] for f in spec.method.traits.families)
        raise InvalidSpecError(
            f"methods {spoken(refused)} run on the {families} instance families, not on Trainium (ml.trn*): "
            f"{trainium}"
        )
    for reward in spec.rewards:
        _check_reward(reward)
    sources: list[CodeSource] = [*spec.rewards, *([spec.tools] if spec.tools else [])]
    if spec.tools is not None and len(spec.tools.sources()) != 1:
        raise InvalidSpecError("spec.tools needs exactly one of configMap, path or s3Uri")
    if spec.backend != BackendName.SAGEMAKER and any(s.s3_uri for s in sources):
        raise InvalidSpecError(
            "s3Uri modules of spec.rewards and spec.tools apply only to backend sagemaker; on hyperpod use "
            "configMap or path"
        )
    if spec.backend == BackendName.SAGEMAKER and any(s.path for s in sources):
        raise InvalidSpecError(
            "a SageMaker training job cannot read the job's storage: give the modules of spec.rewards and "
            "spec.tools as configMap or s3Uri, not path"
        )


SAGEMAKER_OCI_MESSAGE = (
    "spec.publish.target: a SageMaker job publishes only to s3:// (its output is the training job's "
    "model.tar.gz in S3, which the operator tags and lists in a manifest without downloading it); an "
    "oci:// image would have to be built from the unpacked files. Publish to an s3:// prefix, or run "
    "the job on backend hyperpod to publish an OCI image"
)
"""The CRD's rule on an oci:// target of a SageMaker job, word for word (docs/architecture.md,
"Evaluation and publishing", says why)."""


def _check_publish(spec: FineTuneJobSpec) -> None:
    """The CRD's rules on spec.publish.when: it tests the final evaluation, and a metric the job's
    method reports (finetune_contract.evaluation)."""
    if (
        spec.backend == BackendName.SAGEMAKER
        and spec.publish is not None
        and not spec.publish.target.startswith("s3://")
    ):
        raise InvalidSpecError(SAGEMAKER_OCI_MESSAGE)
    when = spec.publish.when if spec.publish else None
    if when is None:
        return
    if spec.evaluation is None:
        raise InvalidSpecError(
            "spec.publish.when tests the final evaluation's metrics: set spec.evaluation too"
        )
    if when.metric not in metrics_of(spec.method):
        raise InvalidSpecError(gate_metric_message())


def _check_reward(reward: RewardSpec) -> None:
    if (reward.builtin is None) == (reward.function is None):
        raise InvalidSpecError("each of spec.rewards sets exactly one of builtin or function")
    if reward.function is not None and len(reward.sources()) != 1:
        raise InvalidSpecError(
            "a custom reward (function) needs exactly one of configMap, path or s3Uri for its module"
        )
    if reward.builtin is not None and reward.sources():
        raise InvalidSpecError("a built-in reward takes no module: remove configMap, path and s3Uri")
    if reward.builtin == BuiltinReward.EXACT_MATCH and reward.field is None:
        raise InvalidSpecError(
            "builtin exact-match needs field: the record field that holds the reference answer"
        )
    if reward.builtin == BuiltinReward.FORMAT and reward.pattern is None:
        raise InvalidSpecError("builtin format needs pattern: the regular expression completions must match")
    if reward.field is not None and reward.builtin != BuiltinReward.EXACT_MATCH:
        raise InvalidSpecError("field applies only to builtin exact-match")
    if reward.pattern is not None and reward.builtin != BuiltinReward.FORMAT:
        raise InvalidSpecError("pattern applies only to builtin format")
