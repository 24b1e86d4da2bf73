"""Shared pydantic base for every Kubernetes-facing model.

Kubernetes objects use camelCase keys; Python code uses snake_case attributes. One base
class keeps that mapping (and the "reject unknown keys" policy) identical everywhere, so
the CRD schemas in ``crds/`` and these models can be compared field by field.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    """A strict camelCase model: unknown keys are errors, which catches typos in specs."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="forbid",
    )


class LenientApiModel(ApiModel):
    """A camelCase model that ignores unknown keys.

    Used for status and for objects read back from the cluster, which other writers (the
    trainer, kopf, newer operator versions) may extend.
    """

    model_config = ConfigDict(extra="ignore")
