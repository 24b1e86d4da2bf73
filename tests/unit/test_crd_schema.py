"""The hand-written CRDs (crds/) and the pydantic models must describe the same API.

Walks both trees field by field: same property names, compatible types, same enums, the
same bounds (minimum, maximum, lengths, item counts, patterns: the API server enforces the
CRD's, the operator, ``render`` and the plugin the model's), nothing required by the CRD
that the model treats as optional, and a description on every field so that
`kubectl explain` teaches the whole API.

A field a recipe can set and a job can set too (``resources.nodes``, the checkpoint
cadence, ...) has one bound in every place: the job's CRD and model, both recipe CRDs and
the recipe model, which also checks ``spec.recipe.overrides``.
"""

from __future__ import annotations

import re
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from annotated_types import Ge, GroupedMetadata, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel

from finetune_operator.api.job import FineTuneJobSpec, FineTuneJobStatus, Resources
from finetune_operator.api.recipe import RecipeConfig, RecipeResources, RecipeSpec
from finetune_operator.api.sweep import FineTuneSweepSpec, FineTuneSweepStatus
from finetune_operator.resolution import RECIPE_FIELDS_A_JOB_SETS

CRD_DIR = Path(__file__).resolve().parents[2] / "crds"
TYPE_OF = {bool: "boolean", int: "integer", float: "number", str: "string"}


def crd_schema(plural: str) -> dict[str, Any]:
    crd = yaml.safe_load((CRD_DIR / f"finetune.dev_{plural}.yaml").read_text())
    (version,) = crd["spec"]["versions"]
    return version["schema"]["openAPIV3Schema"]


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


BOUND_KEYS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "pattern",
)
LENGTH_KEYS = {"string": ("minLength", "maxLength"), "array": ("minItems", "maxItems")}
LENGTH_KEYS["object"] = ("minProperties", "maxProperties")


def _flat(metadata: list[Any]) -> list[Any]:
    """Constraint objects, with grouped ones (StringConstraints, Field in Annotated) spread out."""
    flat: list[Any] = []
    for item in metadata:
        if isinstance(item, GroupedMetadata):
            flat.extend(_flat(list(item)))
        elif hasattr(item, "metadata") and isinstance(item.metadata, list):  # a FieldInfo in Annotated
            flat.extend(_flat(item.metadata))
        else:
            flat.append(item)
    return flat


def model_bounds(metadata: list[Any], crd_type: str | None) -> dict[str, Any]:
    """A model field's constraints in the CRD's words (``Gt(0)``: minimum 0, exclusiveMinimum)."""
    bounds: dict[str, Any] = {}
    min_key, max_key = LENGTH_KEYS.get(crd_type or "", ("minLength", "maxLength"))
    for item in _flat(metadata):
        if isinstance(item, Ge):
            bounds["minimum"] = item.ge
        elif isinstance(item, Gt):
            bounds.update(minimum=item.gt, exclusiveMinimum=True)
        elif isinstance(item, Le):
            bounds["maximum"] = item.le
        elif isinstance(item, Lt):
            bounds.update(maximum=item.lt, exclusiveMaximum=True)
        elif isinstance(item, MinLen):
            bounds[min_key] = item.min_length
        elif isinstance(item, MaxLen):
            bounds[max_key] = item.max_length
        elif getattr(item, "pattern", None) is not None:
            bounds["pattern"] = item.pattern
    return bounds


def crd_bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """The CRD's bounds of one property; ``exclusive*: false`` is the same as leaving it out."""
    return {k: schema[k] for k in BOUND_KEYS if k in schema and schema[k] is not False}


def compare_model(
    model: type[BaseModel], schema: dict[str, Any], path: str, errors: list[str], bounds: bool = True
) -> None:
    if schema.get("type") != "object":
        errors.append(f"{path}: CRD type {schema.get('type')!r}, model {model.__name__} is an object")
        return
    fields = {f.alias or n: f for n, f in model.model_fields.items()}
    properties = schema.get("properties", {})
    for missing in sorted(set(fields) - set(properties)):
        errors.append(f"{path}.{missing}: in model {model.__name__}, missing from the CRD")
    for extra in sorted(set(properties) - set(fields)):
        errors.append(f"{path}.{extra}: in the CRD, missing from model {model.__name__}")
    for required in schema.get("required", []):
        if required in fields and not fields[required].is_required():
            errors.append(f"{path}.{required}: required by the CRD but optional in the model")
    for alias, field in fields.items():
        if alias in properties:
            compare_annotation(
                field.annotation, properties[alias], f"{path}.{alias}", errors, bounds, field.metadata
            )


def compare_annotation(
    annotation: Any,
    schema: dict[str, Any],
    path: str,
    errors: list[str],
    bounds: bool = True,
    metadata: list[Any] | None = None,
) -> None:
    """Compare one field; ``bounds``: its bounds too (status is read back leniently, so its model
    carries none of the CRD's bounds, which hold what the trainer may report)."""
    if not schema.get("description"):
        errors.append(f"{path}: no description in the CRD")
    metadata = list(metadata or [])
    annotation = _strip_optional(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        metadata.extend(more)
    expected, found = model_bounds(metadata, schema.get("type")), crd_bounds(schema)
    if bounds and expected != found:
        errors.append(f"{path}: CRD bounds {found} != model bounds {expected}")
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        compare_model(annotation, schema, path, errors, bounds)
    elif origin is list:
        if schema.get("type") != "array":
            errors.append(f"{path}: model has a list, CRD type {schema.get('type')!r}")
        else:
            (item,) = typing.get_args(annotation)
            item_schema = {"description": schema.get("description"), **schema["items"]}
            compare_annotation(item, item_schema, f"{path}[]", errors, bounds)
    elif origin is dict:
        free_form = schema.get("x-kubernetes-preserve-unknown-fields") is True
        if schema.get("type") != "object" or not ("additionalProperties" in schema or free_form):
            errors.append(f"{path}: model has a map, CRD has no additionalProperties")
    elif isinstance(annotation, type) and issubclass(annotation, Enum):
        if sorted(schema.get("enum", [])) != sorted(m.value for m in annotation):
            errors.append(f"{path}: CRD enum {schema.get('enum')} != model {[m.value for m in annotation]}")
    elif origin is typing.Literal:
        if schema.get("type") != "string" or set(schema.get("enum", typing.get_args(annotation))) != set(
            typing.get_args(annotation)
        ):
            errors.append(f"{path}: CRD does not match Literal{typing.get_args(annotation)}")
    elif origin in (typing.Union, types.UnionType) and schema.get("x-kubernetes-preserve-unknown-fields"):
        pass  # a scalar of several types (a sweep's categorical value): the CRD leaves it free-form
    elif annotation in TYPE_OF:
        if schema.get("type") != TYPE_OF[annotation]:
            errors.append(f"{path}: CRD type {schema.get('type')!r}, model {TYPE_OF[annotation]!r}")
    else:
        errors.append(f"{path}: the test does not know how to compare {annotation!r}")


@pytest.mark.parametrize(
    ("plural", "part", "model"),
    [
        ("finetunejobs", "spec", FineTuneJobSpec),
        ("finetunejobs", "status", FineTuneJobStatus),
        ("finetunerecipes", "spec", RecipeSpec),
        ("clusterfinetunerecipes", "spec", RecipeSpec),
        ("finetunesweeps", "spec", FineTuneSweepSpec),
        ("finetunesweeps", "status", FineTuneSweepStatus),
    ],
)
def test_crd_matches_model(plural: str, part: str, model: type[BaseModel]) -> None:
    errors: list[str] = []
    compare_annotation(model, crd_schema(plural)["properties"][part], part, errors, bounds=part == "spec")
    assert not errors, "\n".join(errors)


def test_both_recipe_kinds_share_one_spec() -> None:
    namespaced = crd_schema("finetunerecipes")["properties"]["spec"]
    cluster = crd_schema("clusterfinetunerecipes")["properties"]["spec"]
    assert namespaced == cluster


def test_comparison_catches_a_drift() -> None:
    """Guard against a comparator that silently accepts everything."""
    schema = crd_schema("finetunejobs")["properties"]["spec"]
    drifted = {**schema, "properties": {k: v for k, v in schema["properties"].items() if k != "suspend"}}
    errors: list[str] = []
    compare_model(FineTuneJobSpec, drifted, "spec", errors)
    assert errors == ["spec.suspend: in model FineTuneJobSpec, missing from the CRD"]


def test_comparison_catches_a_bound_drift() -> None:
    """The drift of issue 20: a recipe's resources.nodes without the job's maximum."""
    schema = crd_schema("finetunerecipes")["properties"]["spec"]
    resources = schema["properties"]["resources"]
    nodes = {k: v for k, v in resources["properties"]["nodes"].items() if k != "maximum"}
    drifted = {
        **schema,
        "properties": {
            **schema["properties"],
            "resources": {**resources, "properties": {**resources["properties"], "nodes": nodes}},
        },
    }
    errors: list[str] = []
    compare_model(RecipeSpec, drifted, "spec", errors)
    assert errors == [
        "spec.resources.nodes: CRD bounds {'minimum': 1} != model bounds {'minimum': 1, 'maximum': 512}"
    ]


def _spec_property(plural: str, path: str) -> dict[str, Any]:
    schema = crd_schema(plural)["properties"]["spec"]
    for name in path.split("."):
        schema = schema["properties"][name]
    return schema


def _model_field_bounds(model: type[BaseModel], name: str, crd_type: str) -> dict[str, Any]:
    field = model.model_fields[name]
    metadata = list(field.metadata)
    annotation = _strip_optional(field.annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        metadata.extend(typing.get_args(annotation)[1:])
    return model_bounds(metadata, crd_type)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


SHARED_FIELDS = [
    *(
        (f"resources.{_camel(name)}", f"resources.{_camel(name)}", Resources, RecipeResources, name)
        for name in RecipeResources.model_fields
    ),
    *(
        (
            f"{section}.{_camel(name)}",
            f"config.{section}.{_camel(name)}",
            FineTuneJobSpec.model_fields[section].annotation,
            RecipeConfig.model_fields[section].annotation,
            name,
        )
        for section, name in RECIPE_FIELDS_A_JOB_SETS
    ),
]


@pytest.mark.parametrize(
    ("job_path", "recipe_path", "job_model", "recipe_model", "name"),
    SHARED_FIELDS,
    ids=[job_path for job_path, *_ in SHARED_FIELDS],
)
def test_a_field_a_recipe_and_a_job_both_set_has_the_same_bounds_everywhere(
    job_path: str, recipe_path: str, job_model: Any, recipe_model: Any, name: str
) -> None:
    """Issue 20: a namespaced recipe with resources.nodes 100000 made 99,999 Worker replicas
    while a job's nodes stop at 512. The job's CRD and model, both recipe CRDs and the recipe
    model (which ``spec.recipe.overrides`` are validated with) give each shared field one bound."""
    job_schema = _spec_property("finetunejobs", job_path)
    found = {
        "FineTuneJob CRD": crd_bounds(job_schema),
        "FineTuneRecipe CRD": crd_bounds(_spec_property("finetunerecipes", recipe_path)),
        "ClusterFineTuneRecipe CRD": crd_bounds(_spec_property("clusterfinetunerecipes", recipe_path)),
        "job model": _model_field_bounds(job_model, name, job_schema["type"]),
        "recipe model": _model_field_bounds(recipe_model, name, job_schema["type"]),
    }
    assert len({repr(sorted(b.items())) for b in found.values()}) == 1, found
    assert found["job model"], f"{job_path} has no bounds at all"


def test_crd_has_status_subresource_and_columns() -> None:
    crd = yaml.safe_load((CRD_DIR / "finetune.dev_finetunejobs.yaml").read_text())
    (version,) = crd["spec"]["versions"]
    assert version["subresources"] == {"status": {}}
    assert crd["spec"]["names"]["shortNames"] == ["ftj"]
    columns = [c["name"] for c in version["additionalPrinterColumns"] if not c.get("priority")]
    assert columns == ["Phase", "Reason", "Method", "Model", "Progress", "Loss", "Instance-Hours", "Age"]


def test_the_trainer_admission_policy_keeps_every_operator_owned_status_field_from_trainers() -> None:
    """A status field the policy does not list could be written by any trainer pod (and the REASON
    column read from it): every field but progress and checkpoint is the operator's."""
    template = (CRD_DIR.parent / "charts/finetune-operator/templates/trainer-admission.yaml").read_text()
    listed = re.search(r"\$operatorOwned := list ((?:\"\w+\" ?)+)", template)
    assert listed is not None
    operator_owned = set(re.findall(r"\"(\w+)\"", listed.group(1)))
    status_fields = {field.alias or name for name, field in FineTuneJobStatus.model_fields.items()}
    assert operator_owned == status_fields - {"progress", "checkpoint"}
