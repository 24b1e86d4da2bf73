"""The hand-written CRDs (crds/) and the pydantic models must describe the same API.

Walks both trees field by field: same property names, compatible types, same enums,
nothing required by the CRD that the model treats as optional, and a description on
every field so that `kubectl explain` teaches the whole API.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from finetune_operator.api.job import FineTuneJobSpec, FineTuneJobStatus
from finetune_operator.api.recipe import RecipeSpec

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


def compare_model(model: type[BaseModel], schema: dict[str, Any], path: str, errors: list[str]) -> None:
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
            compare_annotation(field.annotation, properties[alias], f"{path}.{alias}", errors)


def compare_annotation(annotation: Any, schema: dict[str, Any], path: str, errors: list[str]) -> None:
    if not schema.get("description"):
        errors.append(f"{path}: no description in the CRD")
    annotation = _strip_optional(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        compare_model(annotation, schema, path, errors)
    elif origin is list:
        if schema.get("type") != "array":
            errors.append(f"{path}: model has a list, CRD type {schema.get('type')!r}")
        else:
            (item,) = typing.get_args(annotation)
            item_schema = {"description": schema.get("description"), **schema["items"]}
            compare_annotation(item, item_schema, f"{path}[]", errors)
    elif origin is dict:
        if schema.get("type") != "object" or "additionalProperties" not in schema:
            errors.append(f"{path}: model has a map, CRD has no additionalProperties")
    elif isinstance(annotation, type) and issubclass(annotation, Enum):
        if sorted(schema.get("enum", [])) != sorted(m.value for m in annotation):
            errors.append(f"{path}: CRD enum {schema.get('enum')} != model {[m.value for m in annotation]}")
    elif origin is typing.Literal:
        if schema.get("type") != "string" or set(schema.get("enum", typing.get_args(annotation))) != set(
            typing.get_args(annotation)
        ):
            errors.append(f"{path}: CRD does not match Literal{typing.get_args(annotation)}")
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
    ],
)
def test_crd_matches_model(plural: str, part: str, model: type[BaseModel]) -> None:
    errors: list[str] = []
    compare_annotation(model, crd_schema(plural)["properties"][part], part, errors)
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


def test_crd_has_status_subresource_and_columns() -> None:
    crd = yaml.safe_load((CRD_DIR / "finetune.dev_finetunejobs.yaml").read_text())
    (version,) = crd["spec"]["versions"]
    assert version["subresources"] == {"status": {}}
    assert crd["spec"]["names"]["shortNames"] == ["ftj"]
    columns = [c["name"] for c in version["additionalPrinterColumns"] if not c.get("priority")]
    assert columns == ["Phase", "Method", "Model", "Progress", "Loss", "Age"]
