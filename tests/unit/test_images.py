"""Trainer images (issue 12, I2): the platform's image per accelerator family; a job's own
image only where the namespace's allowlist (empty by default) admits it."""

from __future__ import annotations

from typing import Any

import pytest

from finetune_operator.admission import parse_job
from finetune_operator.attempts import build_attempt_request
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.instances import AcceleratorFamily, accelerator_family
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir

RECIPES = load_recipes_dir(BUILTIN_RECIPES_DIR)
EVIL = "evil.example/cryptominer:latest"


def _image(config: OperatorConfig, backend: str = "hyperpod", namespace: str = "ra", **spec: Any) -> str:
    document = {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneJob",
        "metadata": {"name": "j", "namespace": namespace, "uid": "u"},
        "spec": {
            "model": {"name": "llama-3.2-1b"},
            "method": "lora",
            "backend": backend,
            "data": {"train": {"path": f"/fsx/data/{namespace}/t.jsonl"}},
            **spec,
        },
    }
    request, _ = build_attempt_request(parse_job(document), RECIPES, config, 1, None, None)
    return request.image


@pytest.mark.parametrize("backend", ["hyperpod", "sagemaker"])
def test_any_image_is_refused_by_default_naming_the_allowlist(backend: str) -> None:
    with pytest.raises(
        InvalidSpecError,
        match=r"spec\.image: evil\.example/cryptominer:latest is not allowed.*"
        r"allowlist for it is \[empty",
    ):
        _image(OperatorConfig(), backend, image=EVIL)


def test_the_namespace_allowlist_admits_only_its_own_patterns() -> None:
    config = OperatorConfig.model_validate(
        {"image_allowlist": {"ra": ["registry.example/team-a/*"], "*": ["registry.example/shared:*"]}}
    )
    assert _image(config, image="registry.example/team-a/trainer:2") == "registry.example/team-a/trainer:2"
    assert _image(config, image="registry.example/shared:1") == "registry.example/shared:1"
    with pytest.raises(
        InvalidSpecError, match=r"\[registry\.example/shared:\*, registry\.example/team-a/\*\]"
    ):
        _image(config, image="registry.example/team-a/x/miner:1")
    with pytest.raises(InvalidSpecError, match="not allowed in namespace rb"):
        _image(config, namespace="rb", image="registry.example/team-a/trainer:2")


def test_the_platform_image_follows_the_accelerator_family() -> None:
    config = OperatorConfig.model_validate(
        {
            "trainer_image": "trainer:any",
            "trainer_images": {"neuron": "trainer-neuron:1", "cpu": "trainer-cpu:1"},
        }
    )
    assert _image(config) == "trainer-neuron:1"  # the recipe's trn1 instances
    assert _image(config, model={"name": "tiny-llama"}) == "trainer-cpu:1"  # its recipe's ml.m5.large
    assert _image(config, model={"name": "tiny-llama"}, resources={"instanceType": "ml.c5.xlarge"}) == (
        "trainer-cpu:1"
    )
    assert _image(config, resources={"instanceType": "ml.g5.xlarge"}) == "trainer:any"  # no cuda image named
    cuda = config.model_copy(
        update={"trainer_images": {**config.trainer_images, AcceleratorFamily.CUDA: "c:1"}}
    )
    assert (
        _image(cuda, resources={"instanceType": "ml.g5.xlarge"}) == "c:1"
    )  # the recipe llama-3.2-1b-gpu-lora
    assert accelerator_family("ml.p5.48xlarge") == AcceleratorFamily.CUDA
    assert _image(OperatorConfig(trainer_image="trainer:any")) == "trainer:any"


@pytest.mark.parametrize("image", ["", "UPPER CASE !!", "registry.example/x:tag with space"])
def test_image_references_are_checked_at_admission(image: str) -> None:
    with pytest.raises(InvalidSpecError, match=r"spec\.image"):
        _image(OperatorConfig(), image=image)
