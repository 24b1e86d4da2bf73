"""The job's own Python code (GRPO reward and tool modules): where it comes from, where the
trainer finds it.

A module comes from a key of a ConfigMap in the job's namespace, a file on the job's storage,
or (SageMaker) an ``s3://`` object. The resolved config names each module by the absolute
path the trainer imports it from; the trainer loads nothing else. A ConfigMap's files are at
``CODE_DIR/<configmap>/<key>`` (HyperPod projects the ConfigMap there; SageMaker maps the
path to the input channel it delivers the files in), a storage file at its own normalised
path, an S3 object at its URI until the SageMaker backend maps it to its channel.

The ConfigMaps are read by the reconciler (the imperative shell) and passed in as plain
data, so that everything here and in the renderers stays pure. The attempt's request
carries the result (:class:`CodeModule` s and :class:`CodeFiles`): a backend delivers the
code from there and never reads ``spec.rewards``/``spec.tools`` again. The code reaches the
trainer byte for byte: nothing here parses or rewrites it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from finetune_contract.constants import CODE_DIR
from finetune_operator.api.job import CodeSource, ConfigMapFile, FineTuneJobSpec
from finetune_operator.api.training_config import RewardFunction, ToolsConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.storage import normalise

ConfigMapData = Mapping[str, Mapping[str, str]]
"""ConfigMap name -> its ``data`` (file name -> content), for the ConfigMaps a job names."""

DEFAULT_MAX_TURNS = ToolsConfig.model_fields["max_turns"].default


def code_sources(spec: FineTuneJobSpec) -> list[tuple[str, CodeSource]]:
    """Every module source of the job with the field that names it, rewards first."""
    sources: list[tuple[str, CodeSource]] = [
        (f"spec.rewards[{index}]", reward) for index, reward in enumerate(spec.rewards) if reward.sources()
    ]
    if spec.tools is not None:
        sources.append(("spec.tools", spec.tools))
    return sources


def config_map_files(spec: FineTuneJobSpec) -> dict[str, list[str]]:
    """The ConfigMaps the job's modules come from, in order of first mention, each with the
    keys the job names (sorted). Only these files reach the trainer: a module imports no
    sibling key, so an unrelated edit of the ConfigMap cannot break an attempt's pods."""
    files: dict[str, list[str]] = {}
    for _, source in code_sources(spec):
        if source.config_map is not None:
            keys = files.setdefault(source.config_map.name, [])
            if source.config_map.key not in keys:
                keys.append(source.config_map.key)
    return {name: sorted(keys) for name, keys in files.items()}


def config_map_names(spec: FineTuneJobSpec) -> list[str]:
    """The ConfigMaps the job's modules come from, each once, in order of first mention."""
    return list(config_map_files(spec))


def config_map_dir(name: str) -> str:
    """Where the trainer finds ConfigMap ``name``'s files."""
    return f"{CODE_DIR}/{name}"


def module_location(source: CodeSource) -> str:
    """The module's path as the resolved config names it (an s3:// URI for an S3 object)."""
    if source.config_map is not None:
        return f"{config_map_dir(source.config_map.name)}/{source.config_map.key}"
    if source.path is not None:
        return normalise(source.path)
    assert source.s3_uri is not None  # the API admits exactly one of the three
    return source.s3_uri


@dataclass(frozen=True)
class CodeModule:
    """One reward or tool module of the job, resolved: the field that names it, where it comes
    from (exactly one of ``config_map``, ``path`` and ``s3_uri``, as the spec gives them), and
    ``location``, the path the resolved config names it by (:func:`module_location`)."""

    field: str
    location: str
    config_map: ConfigMapFile | None = None
    path: str | None = None
    s3_uri: str | None = None


@dataclass(frozen=True)
class CodeFiles:
    """The files of one ConfigMap the job's modules come from: only the keys the job names
    (sorted), with their content, and the directory the trainer finds them in."""

    config_map: str
    directory: str
    files: Mapping[str, str]


def code_modules(spec: FineTuneJobSpec) -> tuple[CodeModule, ...]:
    """The job's modules, rewards first (:func:`code_sources`)."""
    return tuple(
        CodeModule(field, module_location(source), source.config_map, source.path, source.s3_uri)
        for field, source in code_sources(spec)
    )


def code_files(spec: FineTuneJobSpec, config_maps: ConfigMapData) -> tuple[CodeFiles, ...]:
    """The ConfigMap files the job's modules come from, in order of first mention, read from
    ``config_maps`` (every one of them is there once :func:`check_config_maps` passed)."""
    return tuple(
        CodeFiles(name, config_map_dir(name), {key: config_maps[name][key] for key in keys})
        for name, keys in config_map_files(spec).items()
    )


def resolve_rewards(spec: FineTuneJobSpec) -> list[RewardFunction]:
    return [
        RewardFunction(
            name=reward.name,
            weight=reward.weight,
            builtin=reward.builtin,
            field=reward.field,
            pattern=reward.pattern,
            module=module_location(reward) if reward.sources() else None,
            function=reward.function,
        )
        for reward in spec.rewards
    ]


def resolve_tools(spec: FineTuneJobSpec) -> ToolsConfig | None:
    tools = spec.tools
    if tools is None:
        return None
    return ToolsConfig(
        module=module_location(tools),
        functions=list(tools.functions),
        max_turns=tools.max_turns if tools.max_turns is not None else DEFAULT_MAX_TURNS,
    )


def check_config_maps(spec: FineTuneJobSpec, namespace: str, config_maps: ConfigMapData) -> None:
    """Every ConfigMap file the job names exists: a missing one would leave the attempt's
    pods waiting for a volume (HyperPod) or send SageMaker a job without its code."""
    for field, source in code_sources(spec):
        ref: ConfigMapFile | None = source.config_map
        if ref is None:
            continue
        data = config_maps.get(ref.name)
        if data is None:
            raise InvalidSpecError(
                f"{field}.configMap: ConfigMap {namespace}/{ref.name} does not exist; create it (e.g. "
                f"kubectl create configmap {ref.name} --from-file={ref.key}) before the job, or fix the name"
            )
        if ref.key not in data:
            keys = ", ".join(sorted(data)) or "none"
            raise InvalidSpecError(
                f"{field}.configMap: ConfigMap {namespace}/{ref.name} has no key {ref.key!r} in its data "
                f"(keys: {keys}); binaryData is not read"
            )


def config_maps_of_namespace(documents: Iterable[Any], namespace: str) -> dict[str, dict[str, str]]:
    """The ConfigMaps among Kubernetes ``documents`` that a job in ``namespace`` may read, by name:
    only those of its own namespace.

    The one rule for both ends: the operator passes the ConfigMaps it read from the API server,
    ``render`` those of the file it was given, so a file cannot make ``render`` project a ConfigMap
    of another namespace that the operator would refuse. A document without a namespace lies in
    the namespace it is applied to, the job's (``kubectl apply -n <namespace> -f``).
    """
    found: dict[str, dict[str, str]] = {}
    for document in documents:
        if not isinstance(document, dict) or document.get("kind") != "ConfigMap":
            continue
        meta = document.get("metadata") or {}
        if "name" in meta and (meta.get("namespace") or namespace) == namespace:
            found[str(meta["name"])] = dict(document.get("data") or {})
    return found
