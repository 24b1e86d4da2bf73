"""The trainer config's JSON Schema, shipped in this package, and the checker that reads it.

`trainer-config.schema.json` is generated from the operator's model by `make trainer-config-schema`
(hack/trainer_config_schema.py); the trainer image does not ship the operator. `check_document`
walks a document against it and names the full dot-path of the first wrong value, in words a user
can act on. It understands the part of JSON Schema that pydantic writes for the model (objects,
arrays, scalars with bounds and choices, `$ref`, optional `anyOf [X, null]`), and differs from a
JSON Schema validator in one deliberate way: unknown keys are ignored, so that an older trainer
image still runs a newer config. Every known key is required (the operator renders every key; a
missing one is a sign that operator and trainer disagree).
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Mapping
from importlib import resources
from typing import Any

SCHEMA_FILE = "trainer-config.schema.json"


class ConfigError(ValueError):
    """The config file or a command-line argument is invalid: exit code 2, no resume."""


_KIND_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
}
_KIND_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (Mapping,),
}
_AT_LEAST_ONE = {
    "data.train": "at least one training source is required",
    "lora.targetModules": "name at least one module, e.g. [q_proj, v_proj]",
}
"""Friendlier words than "must have at least 1 item" for the lists a user fills in."""
_BOUNDS = (
    ("minimum", ">=", operator.lt),
    ("exclusiveMinimum", ">", operator.le),
    ("maximum", "<=", operator.gt),
    ("exclusiveMaximum", "<", operator.ge),
)
"""JSON Schema's numeric bounds: keyword, the relation a value must have, the test that it has not."""


@functools.cache
def schema() -> dict[str, Any]:
    """The generated schema shipped next to this module."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def check_document(doc: Any) -> None:
    """Raises `ConfigError` naming the dot-path of the first value the schema does not allow."""
    root = schema()
    _check(doc, root, "", root["$defs"])


def _resolve(node: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    return node if ref is None else defs[ref.removeprefix("#/$defs/")]


def _check(value: Any, node: Mapping[str, Any], where: str, defs: Mapping[str, Any]) -> None:
    node = _resolve(node, defs)
    if "anyOf" in node:
        # pydantic writes an optional field as anyOf [X, null]; no other union is in the model.
        options = [_resolve(option, defs) for option in node["anyOf"]]
        if value is None and any(option.get("type") == "null" for option in options):
            return
        (node,) = [option for option in options if option.get("type") != "null"]
    kind = node["type"]
    name = where or "config"
    # bool is an int in Python; a YAML `true` where a number belongs is a mistake.
    if isinstance(value, bool) and kind != "boolean":
        raise ConfigError(f"{name}: expected {_KIND_NAMES[kind]}, got a boolean")
    if not isinstance(value, _KIND_TYPES[kind]):
        shown = type(value).__name__ if kind == "object" else repr(value)
        raise ConfigError(f"{name}: expected {_KIND_NAMES[kind]}, got {shown}")
    if kind == "object":
        _check_object(value, node, where, defs)
    elif kind == "array":
        _check_array(value, node, where, defs)
    else:
        _check_scalar(value, node, where)


def _check_object(value: Any, node: Mapping[str, Any], where: str, defs: Mapping[str, Any]) -> None:
    # Only the schema's keys: unknown ones are ignored (a newer operator's config still runs).
    for key in node["required"]:
        path = f"{where}.{key}" if where else key
        if key not in value:
            raise ConfigError(f"{path}: required key is missing")
        _check(value[key], node["properties"][key], path, defs)


def _check_array(value: Any, node: Mapping[str, Any], where: str, defs: Mapping[str, Any]) -> None:
    if len(value) < node.get("minItems", 0):
        reason = _AT_LEAST_ONE.get(where, f"must have at least {node['minItems']} item(s)")
        raise ConfigError(f"{where}: {reason}")
    for index, item in enumerate(value):
        _check(item, node["items"], f"{where}[{index}]", defs)


def _check_scalar(value: Any, node: Mapping[str, Any], where: str) -> None:
    if "const" in node and value != node["const"]:
        raise ConfigError(f"{where}: expected {node['const']}, got {value!r}")
    if "enum" in node and value not in node["enum"]:
        raise ConfigError(f"{where}: must be one of {', '.join(node['enum'])}; got {value!r}")
    for keyword, relation, violated in _BOUNDS:
        if keyword in node and violated(value, node[keyword]):
            raise ConfigError(f"{where}: must be {relation} {node[keyword]}, got {value}")
