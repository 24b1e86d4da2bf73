"""YAML reading and writing with Kubernetes' number rules.

PyYAML implements YAML 1.1, where ``1e-4`` is a *string*; kubectl (YAML 1.2) reads it as
a number. Users copy values like ``optimizer.learningRate: 1e-4`` between the two, so the
render CLI and the recipe loader must agree with kubectl or a valid job would fail with a
type error only in the dry run.

Numbers Kubernetes cannot hold are refused while loading, with the line they are on: an
integer outside 64 bits (a 5,000-digit one would otherwise stop Python's int conversion with
a ValueError) and a float that is not finite (JSON has no NaN or infinity).
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any

import yaml

_YAML12_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |\.[0-9_]+(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.VERBOSE,
)


class KubeYamlLoader(yaml.SafeLoader):
    """SafeLoader that also reads ``1e-4`` and ``5E3`` as floats, like kubectl."""


KubeYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:float"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
KubeYamlLoader.add_implicit_resolver("tag:yaml.org,2002:float", _YAML12_FLOAT, list("-+0123456789."))


KUBE_INT_MIN, KUBE_INT_MAX = -(2**63), 2**63 - 1
"""Kubernetes integers are 64-bit (int64 in the API server, and in the CRDs' "integer")."""
LONGEST_INT = len(str(KUBE_INT_MIN))


def kube_number_problem(text: str, value: int | float) -> str | None:
    """Why a number written as ``text`` cannot be a Kubernetes value, or None if it can."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{_shortened(text)} is not a finite number (JSON, and so Kubernetes, has no NaN or infinity)"
    if isinstance(value, int) and not KUBE_INT_MIN <= value <= KUBE_INT_MAX:
        return f"{_shortened(text)} is out of range: Kubernetes integers are 64-bit (-2^63 to 2^63-1)"
    return None


def _shortened(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(node.value)
    if len(text.replace("_", "")) > LONGEST_INT:  # before Python's digit limit of str -> int ends it
        value: int = KUBE_INT_MAX + 1
    else:
        value = yaml.SafeLoader.construct_yaml_int(loader, node)
    problem = kube_number_problem(text, value)
    if problem is not None:
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    return value


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value: float = yaml.SafeLoader.construct_yaml_float(loader, node)
    problem = kube_number_problem(str(node.value), value)
    if problem is not None:
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    return value


KubeYamlLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
KubeYamlLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_documents(text: str, name: str | None = None) -> list[Any]:
    """All non-empty documents of a (multi-document) YAML string; ``name`` (a file's path)
    names it in error messages."""
    stream: Any = text
    if name is not None:
        stream = io.StringIO(text)
        stream.name = name
    return [doc for doc in yaml.load_all(stream, Loader=KubeYamlLoader) if doc is not None]


def load_file(path: Path) -> list[Any]:
    """All non-empty documents of a YAML file; a file that is not UTF-8 text is a YAMLError too."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise yaml.YAMLError(
            f"{path} is not a YAML file: not UTF-8 text ({err.reason} at byte {err.start})"
        ) from None
    return load_documents(text, str(path))


# libyaml's emitter when PyYAML was built with it (the wheels are): the operator dumps a
# training config for every attempt it submits, and the pure-Python emitter is slow enough
# to show up in reconcile throughput.
_SafeDumperBase: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _PlainDumper(_SafeDumperBase):
    """SafeDumper without &anchors: rendered manifests must read like hand-written ones."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Multi-line strings (an embedded config file) as literal blocks, readable in diffs."""
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_PlainDumper.add_representer(str, _represent_str)


def dump_documents(documents: list[Any]) -> str:
    """Readable multi-document YAML with keys in insertion order."""
    return yaml.dump_all(documents, Dumper=_PlainDumper, sort_keys=False, default_flow_style=False, width=100)
