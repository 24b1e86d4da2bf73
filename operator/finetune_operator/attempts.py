"""Pure assembly of one attempt's request: recipe selection + resolution + image."""

from __future__ import annotations

from collections.abc import Iterable

from finetune_operator.api.job import FineTuneJob, RecipeStatus
from finetune_operator.api.recipe import Recipe
from finetune_operator.backends.base import AttemptRequest
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import select_recipe
from finetune_operator.resolution import resolve


def build_attempt_request(
    job: FineTuneJob,
    recipes: Iterable[Recipe],
    operator: OperatorConfig,
    attempt: int,
    resume_from: str | None,
    remaining_runtime_seconds: int | None,
) -> tuple[AttemptRequest, RecipeStatus]:
    """Everything a backend needs for ``attempt``, and the recipe it resolved to.

    Raises RecipeNotFoundError or InvalidSpecError with a message that names the field.
    """
    recipe = select_recipe(job, recipes, operator.default_accelerator_family)
    return attempt_request_for_recipe(job, recipe, operator, attempt, resume_from, remaining_runtime_seconds)


def attempt_request_for_recipe(
    job: FineTuneJob,
    recipe: Recipe,
    operator: OperatorConfig,
    attempt: int,
    resume_from: str | None,
    remaining_runtime_seconds: int | None,
) -> tuple[AttemptRequest, RecipeStatus]:
    """``build_attempt_request`` once the recipe is chosen."""
    resolution = resolve(job, recipe, operator, attempt)
    resources = resolution.resources
    namespace = job.metadata.namespace or ""
    request = AttemptRequest(
        job=job,
        attempt=attempt,
        config=resolution.config,
        resources=resources,
        image=operator.image_for(namespace, job.spec.image, resources.accelerator_family),
        resume_from=resume_from,
        storage=operator.storage.for_job(namespace, job.metadata.name),
        remaining_runtime_seconds=remaining_runtime_seconds,
    )
    return request, resolution.recipe
