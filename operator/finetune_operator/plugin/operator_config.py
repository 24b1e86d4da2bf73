"""What the plugin can learn of the operator's config: which namespaces it watches, its trainer
image and its storage policy.

The chart writes the operator's config (``OperatorConfig``) to the key ``config.yaml`` of a
ConfigMap in the release's namespace, labelled ``app.kubernetes.io/part-of=finetune-operator``
and ``app.kubernetes.io/component=operator`` (charts/finetune-operator/templates/configmap.yaml).
The plugin lists ConfigMaps with these labels in every namespace (or, with
``--operator-namespace``, in that one) and keeps those holding ``config.yaml``: no release
name or namespace needs to be known. A tenant who may not read them gets a warning, never
an error: the operator stays the judge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

import yaml
from kubernetes.client.exceptions import ApiException
from pydantic import ValidationError

from finetune_operator.config import OperatorConfig

CONFIG_SELECTOR = "app.kubernetes.io/part-of=finetune-operator,app.kubernetes.io/component=operator"
CONFIG_KEY = "config.yaml"
NAMESPACES_KEY = "config.namespaces"
"""The chart value (the operator config's ``namespaces``) that chooses the watched namespaces."""


@dataclass(frozen=True)
class FoundConfig:
    """One operator's config and the ConfigMap it came from (``<namespace>/<name>``)."""

    source: str
    config: OperatorConfig


@dataclass(frozen=True)
class OperatorConfigs:
    """The operator configs the plugin could read, and why it could not read (others), if so."""

    found: list[FoundConfig] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def config_for(self, namespace: str) -> OperatorConfig | None:
        """The config to take a job's defaults from (trainer image, storage): that of the one
        operator watching ``namespace``, else the only one found; None when unknown."""
        watching = [f.config for f in self.found if watches_namespace(f.config.namespaces, namespace)]
        if len(watching) == 1:
            return watching[0]
        return self.found[0].config if len(self.found) == 1 else None


def watches_namespace(patterns: Sequence[str], namespace: str) -> bool:
    """Whether an operator with ``namespaces: patterns`` reconciles jobs in ``namespace``.

    Matched as kopf matches them (the operator hands the list to kopf): empty is the whole
    cluster; a pattern is comma-separated globs, ``!`` before one excludes, a leading exclusion
    implies a catch-all before it, and a later inclusion only takes back an exclusion."""
    if not patterns:
        return True
    return any(_matches(namespace, pattern) for pattern in patterns)


def _matches(namespace: str, pattern: str) -> bool:
    globs = [glob.strip() for glob in pattern.split(",")]
    if globs[0].startswith("!"):
        globs.insert(0, "*")
    matched = first = fnmatchcase(namespace, globs[0])
    for glob in globs[1:]:
        if glob.startswith("!"):
            matched = matched and not fnmatchcase(namespace, glob.lstrip("!"))
        else:
            matched = matched or (first and fnmatchcase(namespace, glob))
    return matched


def unwatched_message(configs: OperatorConfigs, namespace: str) -> str | None:
    """What to say when every operator config found leaves ``namespace`` unwatched; else None."""
    if not configs.found or any(watches_namespace(f.config.namespaces, namespace) for f in configs.found):
        return None
    watched = "; ".join(f"{f.source} watches [{', '.join(f.config.namespaces)}]" for f in configs.found)
    return (
        f"no operator watches namespace {namespace}: {watched} ({NAMESPACES_KEY} in the chart's values, "
        f"`namespaces` in the operator's config). A job there would stay Pending with no Event. Ask the "
        f"platform team to add {namespace} to {NAMESPACES_KEY} (then `helm upgrade`), or use -n with a "
        "watched namespace"
    )


def read_warnings(configs: OperatorConfigs, namespace: str) -> list[str]:
    """What the user should know when the configs could not (all) be read: the plugin then
    cannot tell whether an operator watches ``namespace``, and uses the default config's values."""
    warnings = [
        f"cannot read the operator's config ({problem}); whether an operator watches namespace "
        f"{namespace} ({NAMESPACES_KEY}) was not checked"
        for problem in configs.problems
    ]
    if not configs.found and not configs.problems:
        warnings.append(
            f"found no operator config (ConfigMap labelled {CONFIG_SELECTOR} with key {CONFIG_KEY}): "
            f"is the operator installed? whether one watches namespace {namespace} was not checked"
        )
    return warnings


def parse_config_maps(items: Sequence[Any]) -> OperatorConfigs:
    """The operator configs among ConfigMaps (as the API returns them, or dicts)."""
    found: list[FoundConfig] = []
    problems: list[str] = []
    for item in items:
        meta = _get(item, "metadata")
        source = f"{_get(meta, 'namespace')}/{_get(meta, 'name')}"
        text = (_get(item, "data") or {}).get(CONFIG_KEY)
        if text is None:
            continue
        try:
            found.append(FoundConfig(source, OperatorConfig.model_validate(yaml.safe_load(text) or {})))
        except (yaml.YAMLError, ValidationError) as err:
            problems.append(f"ConfigMap {source} is not an operator config this plugin reads: {err}")
    return OperatorConfigs(found, problems)


def read_operator_configs(core: Any, operator_namespace: str | None) -> OperatorConfigs:
    """The operator configs of the cluster, through CoreV1Api ``core``; refusals become problems."""
    listing: Callable[[], Any]
    if operator_namespace:
        where = f"namespace {operator_namespace}"

        def listing() -> Any:
            return core.list_namespaced_config_map(operator_namespace, label_selector=CONFIG_SELECTOR)
    else:
        where = "all namespaces"

        def listing() -> Any:
            return core.list_config_map_for_all_namespaces(label_selector=CONFIG_SELECTOR)

    try:
        items = listing().items
    except ApiException as err:
        hint = (
            "; --operator-namespace NS lists only the operator's namespace"
            if not operator_namespace and err.status == 403
            else ""
        )
        return OperatorConfigs(
            problems=[f"listing ConfigMaps in {where} was refused: {err.status} {err.reason}{hint}"]
        )
    return parse_config_maps(items)


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)
