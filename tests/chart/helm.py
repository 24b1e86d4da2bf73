"""The real helm binary on the chart, for the chart's tests (no cluster needed)."""

from __future__ import annotations

import re
import subprocess

import yaml
from hack.testbed.layout import layout

from tests.conftest import REPO_ROOT

CHART = REPO_ROOT / "charts" / "finetune-operator"
HELM = layout().binary("helm")


class Yaml12Loader(yaml.SafeLoader):
    """Reads floats as YAML 1.2 (and Go, hence Helm and the API server) do: `5e-06` is a float.

    PyYAML follows YAML 1.1, where a float needs a dot, so it would read Helm's `toYaml`
    output `5e-06` as a string.
    """


Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def helm(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    assert HELM.exists(), f"{HELM} is missing: run `make testbed-binaries`"
    return subprocess.run([str(HELM), *args], capture_output=True, text=True, check=check)


def render(*set_values: str) -> list[dict]:
    args = ["template", "fo", str(CHART), "--namespace", "finetune-system", "--kube-version", "1.33.0"]
    for value in set_values:
        args += ["--set", value]
    return [doc for doc in yaml.load_all(helm(*args).stdout, Loader=Yaml12Loader) if doc]


def by_kind(documents: list[dict], kind: str) -> list[dict]:
    return [d for d in documents if d["kind"] == kind]
