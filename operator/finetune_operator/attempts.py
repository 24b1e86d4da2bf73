"""Pure assembly of one attempt's request: recipe selection + resolution + image."""

from __future__ import annotations

from collections.abc import Iterable

from finetune_operator.api.job import FineTuneJob, RecipeStatus
from finetune_operator.api.recipe import Recipe
from finetune_operator.attempt import AttemptRequest
from finetune_operator.code import ConfigMapData, check_config_maps, code_files, code_modules
from finetune_operator.config import OperatorConfig
from finetune_operator.limits import check_resource_limits
from finetune_operator.publishing import check_publish_target
from finetune_operator.recipes import InvalidRecipe, frozen_recipe, select_recipe
from finetune_operator.resolution import check_accelerator, resolve


def build_attempt_request(
    job: FineTuneJob,
    recipes: Iterable[Recipe],
    operator: OperatorConfig,
    attempt: int,
    resume_from: str | None,
    remaining_runtime_seconds: int | None,
    config_maps: ConfigMapData | None = None,
    invalid_recipes: Iterable[InvalidRecipe] = (),
) -> tuple[AttemptRequest, RecipeStatus]:
    """Everything a backend needs for ``attempt``, and the recipe it resolved to.

    The recipe is the one the job froze at its first submitted attempt (``status.recipe.spec``)
    once there is one: a resumed attempt trains with the settings its checkpoints were written
    under, whatever happened to the recipe since. Before that, it is selected from ``recipes``.

    ``config_maps``: the data of the ConfigMaps the job's code comes from (those that exist).
    ``invalid_recipes``: the cluster's recipe objects that fail validation, named when the job
    would use one. Raises RecipeNotFoundError, RecipeInvalidError, InvalidSpecError or
    ResourceLimitExceededError with a message that names the field.
    """
    recipe = frozen_recipe(job) or select_recipe(
        job, recipes, operator.default_accelerator_family, invalid_recipes
    )
    return attempt_request_for_recipe(
        job, recipe, operator, attempt, resume_from, remaining_runtime_seconds, config_maps
    )


def attempt_request_for_recipe(
    job: FineTuneJob,
    recipe: Recipe,
    operator: OperatorConfig,
    attempt: int,
    resume_from: str | None,
    remaining_runtime_seconds: int | None,
    config_maps: ConfigMapData | None = None,
) -> tuple[AttemptRequest, RecipeStatus]:
    """``build_attempt_request`` once the recipe is chosen."""
    resolution = resolve(job, recipe, operator, attempt)
    resources = resolution.resources
    check_resource_limits(operator.resource_limits, job, recipe, resources)
    check_accelerator(resolution.config, resources.accelerator_family, resources.instance_type)
    namespace = job.metadata.namespace or ""
    check_config_maps(job.spec, namespace, config_maps or {})
    check_publish_target(job.spec.publish, namespace, operator.publish.allowed_in(namespace))
    request = AttemptRequest(
        job=job,
        attempt=attempt,
        config=resolution.config,
        resources=resources,
        image=operator.image_for(namespace, job.spec.image, resources.accelerator_family),
        resume_from=resume_from,
        storage=operator.storage.for_job(namespace, job.metadata.name, job.spec.storage.compile_cache_dir),
        remaining_runtime_seconds=remaining_runtime_seconds,
        code=code_modules(job.spec),
        code_files=code_files(job.spec, config_maps or {}),
    )
    return request, resolution.recipe
