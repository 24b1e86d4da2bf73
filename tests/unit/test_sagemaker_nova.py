"""Nova recipes: all twelve exist, render Amazon's recipe keys, and only run on sagemaker."""

from __future__ import annotations

import itertools

import pytest
from tests.sagemaker_fixtures import attempt_request, make_job, nova_recipe, sagemaker_settings

from finetune_operator.api.job import Resources
from finetune_operator.attempt import AttemptRequest
from finetune_operator.backends.sagemaker.nova import NOVA_MODELS, render_nova_recipe
from finetune_operator.backends.sagemaker.request import build_create_training_job_request
from finetune_operator.errors import InvalidSpecError
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir, select_recipe

METHODS = ["sft", "lora", "dpo", "dpo-lora"]
PAIRS = list(itertools.product(sorted(NOVA_MODELS), METHODS))


def nova_job(model: str, method: str, backend: str = "sagemaker"):
    return make_job(
        {
            "model": {"name": model},
            "method": method,
            "backend": backend,
            "data": {"format": "bedrock-conversation", "train": {"path": "s3://ml-data/nova/train.jsonl"}},
            **({} if backend == "sagemaker" else {"sagemaker": None}),
        },
        name=f"{model}-{method}",
    )


def nova_attempt(model: str, method: str) -> AttemptRequest:
    """An attempt of a Nova job, resolved by the operator core from the built-in recipe."""
    return attempt_request(nova_job(model, method), nova_recipe(model, method), sagemaker_settings())


def test_twelve_recipes_ship_and_all_are_sagemaker_only() -> None:
    recipes = [r for r in load_recipes_dir(BUILTIN_RECIPES_DIR) if r.spec.model in NOVA_MODELS]
    assert sorted((r.spec.model, r.spec.method.value) for r in recipes) == sorted(PAIRS)
    assert all(r.spec.backends == ["sagemaker"] for r in recipes)


@pytest.mark.parametrize(("model", "method"), PAIRS)
def test_recipe_document_has_nova_keys(model: str, method: str) -> None:
    request = nova_attempt(model, method)
    document = render_nova_recipe(request.config, request.resources, run_name="run")
    assert document["run"]["model_type"] == NOVA_MODELS[model].model_type
    assert document["run"]["replicas"] in NOVA_MODELS[model].allowed_nodes
    config = document["training_config"]
    assert {"max_length", "global_batch_size", "trainer", "model"} <= set(config)
    assert config["trainer"]["max_epochs"] == 2
    assert config["model"]["optim"]["lr"] == 1e-5
    peft = config["model"]["peft"]
    if method in ("lora", "dpo-lora"):
        assert peft["peft_scheme"] == "lora"
        assert set(peft["lora_tuning"]) == {"alpha", "adapter_dropout", "loraplus_lr_ratio"}
    else:
        assert peft == {"peft_scheme": None}
    assert ("dpo_cfg" in config["model"]) == method.startswith("dpo")


@pytest.mark.parametrize(
    ("method", "image_tag"),
    [("sft", "SM-TJ-SFT"), ("lora", "SM-TJ-SFT"), ("dpo", "SM-TJ-DPO"), ("dpo-lora", "SM-TJ-DPO")],
)
def test_nova_jobs_use_amazons_images_and_the_recipe_channel(method: str, image_tag: str) -> None:
    plan = build_create_training_job_request(nova_attempt("nova-micro", method), sagemaker_settings())
    assert image_tag in plan.request["AlgorithmSpecification"]["TrainingImage"]
    channels = [channel["ChannelName"] for channel in plan.request["InputDataConfig"]]
    assert channels == ["train", "recipe"]
    assert plan.request["HyperParameters"] == {
        "sagemaker_recipe_local_path": f"/opt/ml/input/data/recipe/nova-micro-{method}.yaml"
    }


@pytest.mark.parametrize(("model", "method"), PAIRS)
def test_nova_jobs_find_their_recipe_in_the_builtin_catalog(model: str, method: str) -> None:
    recipe = select_recipe(nova_job(model, method), load_recipes_dir(BUILTIN_RECIPES_DIR))
    assert recipe.metadata.name == f"{model}-{method}"


def test_nova_recipe_on_hyperpod_is_rejected() -> None:
    job = nova_job("nova-lite", "sft", backend="hyperpod")
    with pytest.raises(InvalidSpecError, match=r"tested only on backends sagemaker, not 'hyperpod'"):
        select_recipe(job, load_recipes_dir(BUILTIN_RECIPES_DIR))


def test_nova_node_count_is_checked() -> None:
    job = nova_job("nova-pro", "lora").model_copy(deep=True)
    job.spec.resources = Resources(nodes=5)
    request = attempt_request(job, nova_recipe("nova-pro", "lora"), sagemaker_settings())
    with pytest.raises(InvalidSpecError, match=r"nova-pro trains on 6, 12, 24 instances, not 5"):
        build_create_training_job_request(request, sagemaker_settings())


def test_nova_needs_bedrock_conversation_data() -> None:
    job = make_job(
        {
            "model": {"name": "nova-lite"},
            "method": "sft",
            "data": {"format": "messages", "train": {"path": "s3://ml-data/x.jsonl"}},
        }
    )
    request = attempt_request(job, nova_recipe("nova-lite", "sft"), sagemaker_settings())
    with pytest.raises(InvalidSpecError, match=r"bedrock-conversation"):
        build_create_training_job_request(request, sagemaker_settings())
