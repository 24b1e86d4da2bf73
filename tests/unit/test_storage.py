"""Storage confinement (issue 12, I1): every path a job's pods use lies in the roots the
platform allows its namespace, in normalised form, and the pods see only those roots."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from finetune_operator.admission import parse_job
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.hyperpod.render import render_attempt
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.storage import StoragePolicy, normalise, within

RECIPES = load_recipes_dir(BUILTIN_RECIPES_DIR)


def _job(**spec: Any) -> Any:
    base: dict[str, Any] = {
        "model": {"name": "llama-3.2-1b"},
        "method": "lora",
        "data": {"train": {"path": "/fsx/data/ra/train.jsonl"}},
    }
    base.update(spec)
    document = {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneJob",
        "metadata": {"name": "attacker", "namespace": "ra", "uid": "u"},
        "spec": base,
    }
    return parse_job(document)


def _render(job: Any, config: OperatorConfig | None = None, resume_from: str | None = None) -> list[Any]:
    request, _ = build_attempt_request(job, RECIPES, config or OperatorConfig(), 1, resume_from, None)
    return render_attempt(request)


# The reproducers of issue 12 (I1), as written: each one was Submitted before.
REFUSED = [
    ({"data": {"train": {"path": "/fsx/finetune/rb/victim/output/adapter.safetensors"}}}, "spec.data: "),
    ({"model": {"name": "llama-3.2-1b", "uri": "/fsx/finetune/rb/victim/output"}}, "spec.model: "),
    ({"storage": {"checkpointDir": "/fsx/finetune/rb/victim/checkpoints"}}, "spec.storage.checkpointDir: "),
    ({"storage": {"outputDir": "/fsx/models/llama-3.1-8b"}}, "spec.storage.outputDir: "),
    ({"data": {"train": {"path": "/fsx/../etc/passwd"}}}, "spec.data: "),
    ({"data": {"train": {"path": "/fsx/data/ra/../../finetune/rb/victim/x"}}}, "spec.data: "),
    ({"storage": {"outputDir": "/fsx/finetune/ra/attacker/../victim"}}, "spec.storage.outputDir: "),
    ({"storage": {"compileCacheDir": "/fsx/finetune/rb/victim"}}, "spec.storage.compileCacheDir: "),
]


@pytest.mark.parametrize(("spec", "field"), REFUSED, ids=[str(s) for s, _ in REFUSED])
def test_paths_outside_the_namespace_roots_are_refused(spec: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidSpecError, match=f"^{field}"):
        _render(_job(**spec))


def test_a_tenant_cannot_choose_the_mount_path_nor_climb_with_a_model_name() -> None:
    with pytest.raises(InvalidSpecError, match="mountPath"):
        _job(storage={"mountPath": "/"}, data={"train": {"path": "/etc/shadow"}})
    with pytest.raises(InvalidSpecError, match=r"spec\.model\.name"):
        _job(model={"name": "../finetune/rb/victim/output"})
    with pytest.raises(InvalidSpecError, match=r"spec\.storage\.tensorboardDir"):
        _job(storage={"tensorboardDir": "relative/tb"})


def test_the_pod_sees_only_its_roots_and_writes_only_its_own_directory() -> None:
    pytorchjob = _render(_job())[-1]
    container = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]["containers"][0]
    mounts = [m for m in container["volumeMounts"] if m["name"] == "storage"]
    assert mounts == [
        {"name": "storage", "mountPath": "/fsx/models", "subPath": "models", "readOnly": True},
        {"name": "storage", "mountPath": "/fsx/neuron_cache", "subPath": "neuron_cache"},
        {"name": "storage", "mountPath": "/fsx/data/ra", "subPath": "data/ra", "readOnly": True},
        {"name": "storage", "mountPath": "/fsx/finetune/ra", "subPath": "finetune/ra", "readOnly": True},
        {"name": "storage", "mountPath": "/fsx/finetune/ra/attacker", "subPath": "finetune/ra/attacker"},
    ]


def test_resume_only_from_the_jobs_own_checkpoints() -> None:
    job = _job()
    own = "/fsx/finetune/ra/attacker/checkpoints/step-00000010"
    assert _render(job, resume_from=own)
    for foreign in ("/fsx/finetune/rb/victim/checkpoints/step-1", own + "/../../../../rb/victim/checkpoints"):
        with pytest.raises(InvalidSpecError, match="outside this job's checkpoint directory"):
            _render(job, resume_from=foreign)


def test_per_namespace_roots_replace_the_defaults() -> None:
    config = OperatorConfig.model_validate(
        {
            "storage": {
                "namespaces": {
                    "ra": {"read_roots": ["/fsx/models", "/fsx/shared-data"], "write_root": "/fsx/w/{name}"}
                }
            }
        }
    )
    job = _job(data={"train": {"path": "/fsx/shared-data/x.jsonl"}})
    rendered = _render(job, config)[-1]
    config_text = rendered["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["metadata"]["annotations"]
    assert "dir: /fsx/w/attacker/checkpoints" in config_text["finetune.dev/trainer-config"]
    with pytest.raises(InvalidSpecError, match="/fsx/models, /fsx/shared-data, /fsx/w/attacker"):
        _render(_job(), config)  # /fsx/data/ra is not a read root of ra any more


@pytest.mark.parametrize(
    "storage",
    [
        {"write_root": "/fsx/finetune/{namespace}"},  # jobs would share a directory
        {"write_root": "/fsx/../finetune/{namespace}/{name}"},
        {"read_roots": ["/elsewhere"]},
        {"read_roots": ["/fsx/{name}"]},
        {"namespaces": {"ra": {"write_root": "/fsx/x"}}},
        {"run_as": {"uid": 0}},  # root: Pod Security restricted refuses it
        {"run_as": {"gid": 0}},
        {"run_as": {"supplemental_groups": [0]}},
        {"run_as": {"uid": 2**31}},
        {"run_as": {"user": "finetune"}},
    ],
)
def test_unsafe_policies_are_refused_at_start(storage: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        StoragePolicy.model_validate(storage)


def test_normalise_and_within() -> None:
    assert normalise("//fsx/./a//b/../c/") == "/fsx/a/c"
    assert normalise("/fsx/../../etc") == "/etc"
    assert within("/fsx/a", "/fsx") and within("/fsx", "/fsx") and not within("/fsxa", "/fsx")
