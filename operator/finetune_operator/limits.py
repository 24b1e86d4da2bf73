"""Per-namespace caps on the hardware of one attempt (operator config ``resource_limits``).

The API bounds every count for everyone (``resources.nodes`` at most 512, in a job and in a
recipe alike); a platform team that shares a cluster between teams caps each namespace lower,
and chooses which instance types it may run. The caps apply to the *resolved* attempt: a
namespaced FineTuneRecipe, a job's own fields and the instance type's defaults all lead to
one node count, one number of processes per node and one instance type, and the cap holds
whichever of them set the value. The CRD cannot express them (they depend on the operator's
config and on the recipe the job resolves to), so the operator checks them before it creates
any child of an attempt, and so does ``render`` with the same config.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.recipe import MAX_NODES, Recipe
from finetune_operator.attempt import ResolvedResources
from finetune_operator.errors import SpecError
from finetune_operator.patterns import matches_any

ALL_NAMESPACES = "*"
MAX_PROCESSES_PER_NODE = 256
"""The API's bound of ``spec.resources.processesPerNode``."""


class ResourceLimitExceededError(SpecError):
    """The resolved attempt needs more than the platform allows the job's namespace."""

    reason = "ResourceLimitExceeded"


class ResourceLimits(BaseModel):
    """Caps for the jobs of one namespace; an unset cap leaves only the API's bounds."""

    model_config = ConfigDict(extra="forbid")

    max_nodes: int | None = Field(
        default=None, ge=1, le=MAX_NODES, description="Most instances one attempt may use."
    )
    max_processes_per_node: int | None = Field(
        default=None,
        ge=1,
        le=MAX_PROCESSES_PER_NODE,
        description="Most training processes per instance (spec.resources.processesPerNode or its default).",
    )
    instance_types: list[str] | None = Field(
        default=None,
        description=(
            "Instance type patterns ('*' and '?' wildcards, e.g. ml.g5.*) a job may run on; unset: any. "
            "An empty list admits none."
        ),
    )


def check_resource_limits(
    limits: Mapping[str, ResourceLimits],
    job: FineTuneJob,
    recipe: Recipe,
    resources: ResolvedResources,
) -> None:
    """Refuse an attempt that exceeds a cap of the job's namespace, naming the cap, where it is
    configured and the field (the job's or the recipe's) that set the value.

    A namespace's entry in ``limits`` replaces the ``'*'`` entry cap by cap: a cap it leaves
    unset is the ``'*'`` entry's.
    """
    namespace = job.metadata.namespace or ""
    requested = job.spec.resources

    def origin(job_field: str, recipe_field: str | None) -> str:
        if requested is not None and getattr(requested, job_field) is not None:
            return f"spec.resources.{_camel(job_field)}"
        if recipe_field is None:
            return f"the default of instance type {resources.instance_type}"
        return f"recipe {recipe.metadata.name!r} resources.{_camel(recipe_field)}"

    def refuse(field: str, what: str, allowed: str, setting: str, fix: str) -> None:
        raise ResourceLimitExceededError(
            f"{field}: {what}, but namespace {namespace} allows {allowed} (operator config {setting}); "
            f"{fix}, or ask the platform team to raise the cap"
        )

    max_nodes, setting = _cap(limits, namespace, "max_nodes")
    if max_nodes is not None and resources.nodes > max_nodes:
        refuse(
            origin("nodes", "nodes"),
            f"{resources.nodes} nodes",
            f"at most {max_nodes}",
            setting,
            "set spec.resources.nodes lower",
        )
    max_processes, setting = _cap(limits, namespace, "max_processes_per_node")
    if max_processes is not None and resources.processes_per_node > max_processes:
        refuse(
            origin("processes_per_node", None),
            f"{resources.processes_per_node} processes per node",
            f"at most {max_processes}",
            setting,
            "set spec.resources.processesPerNode lower (backend hyperpod) or choose a smaller instance type",
        )
    instance_types, setting = _cap(limits, namespace, "instance_types")
    if instance_types is not None and not matches_any(resources.instance_type, instance_types):
        refuse(
            origin("instance_type", "instance_type"),
            f"instance type {resources.instance_type}",
            f"only [{', '.join(instance_types)}]" if instance_types else "no instance type",
            setting,
            "choose an allowed instance type in spec.resources.instanceType",
        )


def _cap(limits: Mapping[str, ResourceLimits], namespace: str, name: str) -> tuple[Any, str]:
    """The cap ``name`` for ``namespace`` and the setting it comes from (None: no cap)."""
    for key in (namespace, ALL_NAMESPACES):
        entry = limits.get(key)
        if entry is not None and getattr(entry, name) is not None:
            return getattr(entry, name), f"resource_limits[{key!r}].{name}"
    return None, ""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
