"""Prints the argocd-cm data that registers the FineTuneJob health check and actions.

    python3 hack/argocd_cm.py |
        kubectl -n argocd patch configmap argocd-cm --type merge --patch-file /dev/stdin

The keys are Argo CD's `resource.customizations.health.<group>_<Kind>` and
`resource.customizations.actions.<group>_<Kind>`; the values are the scripts under
argocd/resource_customizations/ (docs/operations.md, "Argo CD").
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

CUSTOMIZATIONS = Path(__file__).resolve().parents[1] / "argocd" / "resource_customizations"


class _Literal(str):
    """A string dumped as a YAML block literal, so the Lua stays readable in the ConfigMap."""


yaml.SafeDumper.add_representer(
    _Literal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
)


def configmap_data() -> dict[str, str]:
    data: dict[str, str] = {}
    for kind_dir in sorted(p for p in CUSTOMIZATIONS.glob("*/*") if p.is_dir()):
        key = f"{kind_dir.parent.name}_{kind_dir.name}"
        data[f"resource.customizations.health.{key}"] = _Literal((kind_dir / "health.lua").read_text())
        actions = kind_dir / "actions"
        definitions = [
            {"name": path.parent.name, "action.lua": _Literal(path.read_text())}
            for path in sorted(actions.glob("*/action.lua"))
        ]
        document = {
            "discovery.lua": _Literal((actions / "discovery.lua").read_text()),
            "definitions": definitions,
        }
        data[f"resource.customizations.actions.{key}"] = _Literal(
            yaml.safe_dump(document, sort_keys=False, width=1000)
        )
    return data


def main() -> None:
    sys.stdout.write(yaml.safe_dump({"data": configmap_data()}, sort_keys=False, width=1000))


if __name__ == "__main__":
    main()
