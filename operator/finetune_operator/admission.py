"""The CRD's admission rules, repeated for objects that never meet the API server.

``finetune-operator render`` reads job files directly, so the rules the API server
enforces through the CRD schema and CEL (crds/finetune.dev_finetunejobs.yaml) are checked
here too, with the same messages. tests/unit/test_admission.py keeps the two in step.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from finetune_operator.api.job import FineTuneJob
from finetune_operator.backends.registry import backend_class
from finetune_operator.contract import MAX_JOB_NAME_LENGTH
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
    backend_class(spec.backend).check_spec(job)
