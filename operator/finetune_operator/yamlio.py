"""YAML reading and writing with Kubernetes' number rules.

PyYAML implements YAML 1.1, where ``1e-4`` is a *string*; kubectl (YAML 1.2) reads it as
a number. Users copy values like ``optimizer.learningRate: 1e-4`` between the two, so the
render CLI and the recipe loader must agree with kubectl or a valid job would fail with a
type error only in the dry run.
"""

from __future__ import annotations

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


def load_documents(text: str) -> list[Any]:
    """All non-empty documents of a (multi-document) YAML string."""
    return [doc for doc in yaml.load_all(text, Loader=KubeYamlLoader) if doc is not None]


def load_file(path: Path) -> list[Any]:
    return load_documents(path.read_text())


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
