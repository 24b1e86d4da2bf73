"""Loading recipes (files, directories, cluster lists) and selecting the one a job uses.

Selection is pure: the caller passes the recipes it knows about (from the cluster's
index, from ``--recipes-dir`` or from ``--recipe-file``) and gets one back, or a
:class:`RecipeNotFoundError` that says what exists. Recipe objects in the cluster that fail
validation are passed too (:class:`InvalidRecipe`): a job that would use one is told why it
is invalid (:class:`RecipeInvalidError`), not that it does not exist.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from finetune_operator import yamlio
from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.recipe import ObjectMeta, Recipe, RecipeKind, RecipeSpec
from finetune_operator.errors import InvalidSpecError, RecipeInvalidError, RecipeNotFoundError
from finetune_operator.instances import DEFAULT_ACCELERATOR_FAMILY, AcceleratorFamily, accelerator_family
from finetune_operator.naming import LABEL_RECIPE_FOR_JOB

logger = logging.getLogger("finetune_operator")

BUILTIN_RECIPES_DIR = Path(__file__).resolve().parent / "recipes"
"""The built-in ClusterFineTuneRecipes, shipped as package data so that ``render`` finds them
in an installed package too. The repository's ``recipes/`` and the Helm chart's
``files/recipes`` are links to this one directory."""


@dataclass(frozen=True)
class InvalidRecipe:
    """A recipe object in the cluster that fails validation: what selection needs to name it."""

    kind: RecipeKind
    namespace: str | None
    name: str
    model: object
    """``spec.model`` as stored (it may be what is invalid)."""
    method: object
    error: str

    @classmethod
    def of(cls, kind: RecipeKind, body: dict[str, Any], error: str) -> InvalidRecipe:
        meta = body.get("metadata") or {}
        spec = body.get("spec")
        spec = spec if isinstance(spec, dict) else {}
        return cls(
            kind, meta.get("namespace"), str(meta.get("name")), spec.get("model"), spec.get("method"), error
        )

    def problem(self) -> str:
        where = f"{self.namespace}/" if self.namespace else ""
        return (
            f"{self.kind.value} {where}{self.name} exists but is invalid: {self.error}; fix the recipe (the "
            "job is judged again when it changes) or name another one in spec.recipe.name"
        )


def parse_recipe(document: Any, source: str) -> Recipe:
    """Validate one recipe document; ``source`` names it in error messages."""
    if not isinstance(document, dict):
        raise InvalidSpecError(
            f"{source}: a recipe is a mapping with kind, metadata and spec, not {type(document).__name__}"
        )
    kind = document.get("kind")
    if kind not in (RecipeKind.FINE_TUNE_RECIPE, RecipeKind.CLUSTER_FINE_TUNE_RECIPE):
        raise InvalidSpecError(
            f"{source}: kind must be FineTuneRecipe or ClusterFineTuneRecipe, not {kind!r}"
        )
    try:
        return Recipe.model_validate(document)
    except ValidationError as err:
        raise InvalidSpecError(f"{source}: invalid recipe: {format_validation_error(err)}") from None


def load_recipe_file(path: Path) -> list[Recipe]:
    """Every recipe in a (multi-document) YAML file."""
    return [parse_recipe(doc, str(path)) for doc in yamlio.load_file(path)]


def load_recipes_dir(directory: Path) -> list[Recipe]:
    """Every recipe in ``*.yaml``/``*.yml`` files under ``directory`` (recursively)."""
    if not directory.is_dir():
        raise InvalidSpecError(f"recipes directory {directory} does not exist")
    recipes: list[Recipe] = []
    for path in sorted([*directory.rglob("*.yaml"), *directory.rglob("*.yml")]):
        recipes.extend(load_recipe_file(path))
    return recipes


def select_recipe(
    job: FineTuneJob,
    recipes: Iterable[Recipe],
    default_family: AcceleratorFamily = DEFAULT_ACCELERATOR_FAMILY,
    invalid: Iterable[InvalidRecipe] = (),
) -> Recipe:
    """Pick the recipe for ``job``: by reference when named, else by model, method and
    accelerator family.

    The family is that of the job's ``spec.resources.instanceType``; a job that names none gets
    the recipe of ``default_family`` (the platform's choice) when recipes of several families
    match. Namespaced FineTuneRecipes in the job's namespace win over ClusterFineTuneRecipes, so
    a team can shadow a platform recipe without renaming it. A recipe made for one job (label
    ``finetune.dev/for-job``) is that job's only: never selected automatically, and refused
    to a job of another name that names it. A recipe in ``invalid`` that would
    have been chosen (by name, or as the first kind with a recipe of the model and method) fails
    the job with its validation error: a broken team recipe is not silently replaced by the
    platform's, nor reported as missing.
    """
    namespace = job.metadata.namespace
    visible = [
        r
        for r in recipes
        if r.kind == RecipeKind.CLUSTER_FINE_TUNE_RECIPE or r.metadata.namespace in (None, namespace)
    ]
    broken = [
        r
        for r in invalid
        if r.kind == RecipeKind.CLUSTER_FINE_TUNE_RECIPE or r.namespace in (None, namespace)
    ]
    ref = job.spec.recipe
    if ref.name:
        kinds = [ref.kind] if ref.kind else [RecipeKind.FINE_TUNE_RECIPE, RecipeKind.CLUSTER_FINE_TUNE_RECIPE]
        for kind in kinds:
            for recipe in visible:
                if recipe.kind == kind and recipe.metadata.name == ref.name:
                    _check_recipe_is_for(job, recipe)
                    _check_recipe_fits(job, recipe)
                    return recipe
            for named in broken:
                if named.kind == kind and named.name == ref.name:
                    raise RecipeInvalidError(named.problem())
        where = " or ".join(k.value for k in kinds)
        near = closest([r.metadata.name for r in visible if r.kind in kinds], ref.name)
        hint = f"; did you mean {near}?" if near else ""
        raise RecipeNotFoundError(f"no {where} named {ref.name!r}{hint}")

    visible = [r for r in visible if recipe_for_job(r) is None]
    model = job.spec.model.name
    if not model:
        raise RecipeNotFoundError(
            "spec.model has only a uri, so no recipe can be selected automatically: set spec.recipe.name "
            "or spec.model.name"
        )
    method = job.spec.method
    requested = job.spec.resources.instance_type if job.spec.resources else None
    wanted = accelerator_family(requested) if requested else None
    for kind in (RecipeKind.FINE_TUNE_RECIPE, RecipeKind.CLUSTER_FINE_TUNE_RECIPE):
        matches = [r for r in visible if r.kind == kind and r.spec.model == model and r.spec.method == method]
        if wanted:
            matches = [r for r in matches if r.spec.family == wanted]
        elif len(matches) > 1:
            matches = [r for r in matches if r.spec.family == default_family] or matches
        if len(matches) > 1:
            names = ", ".join(sorted(f"{r.metadata.name} ({r.spec.family.value})" for r in matches))
            raise RecipeNotFoundError(
                f"several {kind.value}s match model {model!r} and method {method.value!r} ({names}): "
                "set spec.recipe.name"
            )
        if matches:
            _check_recipe_fits(job, matches[0])
            return matches[0]
        for candidate in broken:
            if candidate.kind == kind and candidate.model == model and candidate.method == method.value:
                raise RecipeInvalidError(candidate.problem())
    if wanted:
        other = sorted(
            f"{r.metadata.name} ({r.spec.family.value})"
            for r in visible
            if r.spec.model == model and r.spec.method == method
        )
        if other:
            raise RecipeNotFoundError(
                f"no recipe for model {model!r} and method {method.value!r} targets accelerator family "
                f"{wanted.value} (spec.resources.instanceType {requested}); recipes for other families: "
                f"{', '.join(other)}: choose an instance type of their family, or name a recipe of yours"
            )
    known_models = sorted({r.spec.model for r in visible if r.spec.method == method})
    near = closest(known_models, model)
    hint = f"did you mean {near}? " if near else ""
    raise RecipeNotFoundError(
        f"no recipe for model {model!r} and method {method.value!r}; {hint}"
        f"models with {method.value} recipes: {', '.join(known_models) or 'none'}"
    )


def recipe_for_job(recipe: Recipe) -> str | None:
    """The job a FineTuneRecipe was made for (label ``finetune.dev/for-job``), if any."""
    if recipe.kind != RecipeKind.FINE_TUNE_RECIPE:
        return None
    return recipe.metadata.labels.get(LABEL_RECIPE_FOR_JOB)


def _check_recipe_is_for(job: FineTuneJob, recipe: Recipe) -> None:
    owner = recipe_for_job(recipe)
    if owner is not None and owner != job.metadata.name:
        raise InvalidSpecError(
            f"spec.recipe.name: FineTuneRecipe {recipe.metadata.name!r} was made for job {owner!r} only "
            f"(label {LABEL_RECIPE_FOR_JOB}={owner}); name another recipe, or copy this one under a name "
            "of its own without that label"
        )


def _check_recipe_fits(job: FineTuneJob, recipe: Recipe) -> None:
    model = job.spec.model.name
    if model and recipe.spec.model != model:
        raise InvalidSpecError(
            f"recipe {recipe.metadata.name!r} is for model {recipe.spec.model!r}, "
            f"but the job's model is {model!r}"
        )
    if recipe.spec.method != job.spec.method:
        raise InvalidSpecError(
            f"recipe {recipe.metadata.name!r} is for method {recipe.spec.method.value!r}, "
            f"but the job's method is {job.spec.method.value!r}"
        )
    if job.spec.backend not in recipe.spec.backends:
        tested = ", ".join(b.value for b in recipe.spec.backends)
        raise InvalidSpecError(
            f"recipe {recipe.metadata.name!r} is tested only on backends {tested}, "
            f"not {job.spec.backend.value!r}"
        )


# --- the recipe a job froze ------------------------------------------------------------------


def frozen_spec(spec: RecipeSpec) -> dict[str, Any]:
    """A recipe's spec as a job's status records it: every field, defaults included, so that
    neither an edit of the recipe nor a new default of a newer operator changes a later attempt."""
    return spec.model_dump(mode="json", by_alias=True, exclude_none=True)


def frozen_recipe(job: FineTuneJob) -> Recipe | None:
    """The recipe as the job's first submitted attempt resolved it (``status.recipe.spec``), which
    every later attempt uses; None before any attempt, or for a job first submitted by an operator
    that did not freeze recipes (its next attempt freezes the recipe's version of then)."""
    recorded = job.status.recipe
    if recorded is None or recorded.spec is None:
        return None
    try:
        spec = RecipeSpec.model_validate(recorded.spec)
    except ValidationError as err:
        raise InvalidSpecError(
            f"status.recipe.spec: the recipe frozen at the first attempt is not a valid recipe spec: "
            f"{format_validation_error(err)}"
        ) from None
    namespace = job.metadata.namespace if recorded.kind == RecipeKind.FINE_TUNE_RECIPE else None
    return Recipe(kind=recorded.kind, metadata=ObjectMeta(name=recorded.name, namespace=namespace), spec=spec)


def recipe_changes(job: FineTuneJob, recipes: Iterable[Recipe]) -> str | None:
    """What changed in the job's recipe since the job froze it, in words for its status; None when
    nothing did (or nothing is frozen)."""
    recorded = job.status.recipe
    if recorded is None or recorded.spec is None:
        return None
    what = f"{recorded.kind.value} {recorded.name}"
    current = next(
        (
            r
            for r in recipes
            if r.kind == recorded.kind
            and r.metadata.name == recorded.name
            and (
                r.kind == RecipeKind.CLUSTER_FINE_TUNE_RECIPE
                or r.metadata.namespace in (None, job.metadata.namespace)
            )
        ),
        None,
    )
    if current is None:
        return f"{what} no longer exists"
    changed = _changed_paths(recorded.spec, frozen_spec(current.spec))
    if not changed:
        return None
    shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return f"{what} changed since the job froze it: {shown}"


def _changed_paths(old: Any, new: Any, path: str = "") -> list[str]:
    """``path old -> new`` for every leaf that differs between two JSON documents."""
    if isinstance(old, dict) and isinstance(new, dict):
        changed: list[str] = []
        for key in sorted(old.keys() | new.keys()):
            changed += _changed_paths(old.get(key), new.get(key), f"{path}.{key}" if path else key)
        return changed
    if old == new:
        return []
    return [f"{path} {_shown(old)} -> {_shown(new)}"]


def _shown(value: Any) -> str:
    return "unset" if value is None else json.dumps(value)


def closest(candidates: list[str], name: str) -> str | None:
    """The candidate ``name`` most likely misspells, for a "did you mean" (None: none is close)."""
    import difflib

    found = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def format_validation_error(err: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in err.errors(include_url=False)
    )


def newest_per_name(
    bodies: Iterable[tuple[RecipeKind, dict[str, Any]]],
) -> list[tuple[RecipeKind, dict[str, Any]]]:
    """One body per kind, namespace and name, the newest, in the order the names first appear.

    kopf's indices key objects by uid and are not pruned when a watch lists anew (after the
    API server restarts, or a 410 Gone): a recipe deleted and recreated while the watch was
    away, as `helm upgrade` does with the chart's built-in recipes (hooks), stays indexed beside
    its successor, and selection would see the same recipe twice. A name exists once at a time,
    so the newest body (creation time, then resourceVersion) is the live one.
    """
    newest: dict[tuple[str, str | None, str | None], tuple[RecipeKind, dict[str, Any]]] = {}
    for kind, body in bodies:
        meta = body.get("metadata") or {}
        key = (kind.value, meta.get("namespace"), meta.get("name"))
        seen = newest.get(key)
        if seen is None or _age_order(meta) > _age_order(seen[1].get("metadata") or {}):
            newest[key] = (kind, body)
    return list(newest.values())


def _age_order(meta: dict[str, Any]) -> tuple[str, int]:
    version = str(meta.get("resourceVersion") or "")
    return str(meta.get("creationTimestamp") or ""), int(version) if version.isdigit() else 0


class ParsedRecipes:
    """The cluster's recipe objects as models, each parsed once per resourceVersion.

    Every reconcile needs all recipes (selection looks at each); the operator's in-memory
    indices hold them as raw bodies, so parsing them anew every time would dominate the
    cost of a reconcile. An invalid recipe is logged once and left out of the models;
    ``invalid`` keeps those of the latest ``of`` call, so that a job using one is told why.
    """

    def __init__(self) -> None:
        self._parsed: dict[tuple[str, str], tuple[str, Recipe | InvalidRecipe]] = {}
        self.invalid: list[InvalidRecipe] = []
        """The invalid recipes among the bodies of the latest ``of`` call (the live index)."""

    def of(self, bodies: Iterable[tuple[RecipeKind, dict[str, Any]]]) -> list[Recipe]:
        """Models of the ``(kind, body)`` pairs, in order, without the invalid ones and without
        the stale copies ``newest_per_name`` drops."""
        recipes = []
        invalid = []
        for kind, body in newest_per_name(bodies):
            parsed = self._parse(kind, body)
            if isinstance(parsed, InvalidRecipe):
                invalid.append(parsed)
            else:
                recipes.append(parsed)
        self.invalid = invalid
        return recipes

    def _parse(self, kind: RecipeKind, body: dict[str, Any]) -> Recipe | InvalidRecipe:
        meta = body.get("metadata") or {}
        key = (kind.value, f"{meta.get('namespace')}/{meta.get('name')}")
        version = str(meta.get("resourceVersion"))
        cached = self._parsed.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        parsed: Recipe | InvalidRecipe
        try:
            parsed = Recipe.model_validate({**body, "kind": kind.value})
        except ValidationError as err:
            error = format_validation_error(err)
            logger.warning("ignoring invalid %s %s: %s", kind.value, meta.get("name"), error)
            parsed = InvalidRecipe.of(kind, body, error)
        self._parsed[key] = (version, parsed)
        return parsed
