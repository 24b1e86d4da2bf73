"""Issue 20, item 1: what a recipe may ask for, and the platform's caps per namespace.

A namespaced FineTuneRecipe with ``resources.nodes: 100000`` rendered a PyTorchJob with 99,999
Worker replicas. A recipe now has the job's bounds (tests/unit/test_crd_schema.py checks every
shared field), and the operator config caps each namespace's attempts; an attempt over a cap
fails with reason ResourceLimitExceeded before any child exists.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError
from tests.fake_kube import FakeKube

from finetune_operator import yamlio
from finetune_operator.admission import parse_job
from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.recipe import Recipe
from finetune_operator.attempt import JobEvent
from finetune_operator.attempts import attempt_request_for_recipe, build_attempt_request
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.limits import ResourceLimitExceededError
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir, parse_recipe
from finetune_operator.reconciler import Reconciler

RECIPES = load_recipes_dir(BUILTIN_RECIPES_DIR)
NAMESPACE = "team-a"


def job(resources: str = "", namespace: str = NAMESPACE, recipe: str = "") -> FineTuneJob:
    text = (
        f"kind: FineTuneJob\nmetadata: {{name: j, namespace: {namespace}, uid: u-1}}\nspec:\n"
        "  model: {name: llama-3.1-8b}\n  method: lora\n  data: {train: {path: /fsx/d.jsonl}}\n"
        + (f"  resources: {resources}\n" if resources else "")
        + (f"  recipe: {recipe}\n" if recipe else "")
    )
    return parse_job(yamlio.load_documents(text)[0])


def team_recipe(nodes: int, instance_type: str = "ml.trn1.32xlarge") -> Recipe:
    return parse_recipe(
        {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneRecipe",
            "metadata": {"name": "team-lora", "namespace": NAMESPACE},
            "spec": {
                "model": "llama-3.1-8b",
                "method": "lora",
                "resources": {"instanceType": instance_type, "nodes": nodes},
            },
        },
        "team-lora.yaml",
    )


def config(limits: dict[str, Any]) -> OperatorConfig:
    return OperatorConfig.model_validate({"resource_limits": limits})


def request_for(j: FineTuneJob, operator: OperatorConfig, recipes: list[Recipe] | None = None) -> Any:
    return build_attempt_request(j, recipes if recipes is not None else RECIPES, operator, 1, None, None)


def test_a_recipe_asking_for_more_nodes_than_a_job_may_is_invalid() -> None:
    """The issue's recipe: refused where a recipe file is read (render, the plugin) and by the
    API server (tests/cluster/test_tenant_isolation.py)."""
    with pytest.raises(
        InvalidSpecError, match=r"resources\.nodes: Input should be less than or equal to 512"
    ):
        team_recipe(100_000)
    with pytest.raises(ValidationError, match="less than or equal to 512"):
        Recipe.model_validate(
            {
                "kind": "FineTuneRecipe",
                "metadata": {"name": "r"},
                "spec": {"model": "m", "method": "lora", "resources": {"nodes": 100_000}},
            }
        )


def test_nodes_from_a_namespaced_recipe_are_capped_naming_the_recipe_field_and_the_cap() -> None:
    j = job()
    with pytest.raises(ResourceLimitExceededError) as raised:
        request_for(j, config({NAMESPACE: {"max_nodes": 8}}), [*RECIPES, team_recipe(100)])
    assert str(raised.value) == (
        "recipe 'team-lora' resources.nodes: 100 nodes, but namespace team-a allows at most 8 (operator "
        "config resource_limits['team-a'].max_nodes); set spec.resources.nodes lower, or ask the platform "
        "team to raise the cap"
    )
    assert raised.value.reason == "ResourceLimitExceeded"


def test_nodes_of_the_job_are_capped_by_the_entry_for_every_namespace() -> None:
    with pytest.raises(
        ResourceLimitExceededError, match=r"^spec\.resources\.nodes: 3 nodes, .*\['\*'\]\.max_nodes"
    ):
        request_for(job("{nodes: 3}"), config({"*": {"max_nodes": 2}}))
    request, _ = request_for(job("{nodes: 2}"), config({"*": {"max_nodes": 2}}))
    assert request.resources.nodes == 2


def test_a_namespace_entry_replaces_the_default_entry_cap_by_cap() -> None:
    limits = config({"*": {"max_nodes": 2, "instance_types": ["ml.trn1.*"]}, NAMESPACE: {"max_nodes": 16}})
    request, _ = request_for(job("{nodes: 16}"), limits)  # team-a's own cap
    assert request.resources.nodes == 16
    with pytest.raises(
        ResourceLimitExceededError, match=r"only \[ml\.trn1\.\*\] \(operator config resource_limits\['\*'\]"
    ):
        request_for(job("{nodes: 1, instanceType: ml.trn2.48xlarge}"), limits)  # '*' types still hold
    with pytest.raises(ResourceLimitExceededError, match=r"namespace team-b allows at most 2"):
        request_for(job("{nodes: 16}", namespace="team-b"), limits)


def test_instance_types_are_patterns_and_an_empty_list_admits_none() -> None:
    allowed = config({NAMESPACE: {"instance_types": ["ml.trn1.*", "ml.g5.?xlarge"]}})
    request, _ = request_for(job("{instanceType: ml.trn1.2xlarge}"), allowed)
    assert request.resources.instance_type == "ml.trn1.2xlarge"
    with pytest.raises(
        ResourceLimitExceededError, match=r"^spec\.resources\.instanceType: instance type ml\.p5\.48xlarge"
    ):
        request_for(job("{instanceType: ml.p5.48xlarge}", recipe="{name: llama-3.1-8b-gpu-lora}"), allowed)
    with pytest.raises(
        ResourceLimitExceededError,
        match=r"recipe 'llama-3.1-8b-lora' resources\.instanceType: .* allows no instance type",
    ):
        request_for(job(), config({NAMESPACE: {"instance_types": []}}))


def test_processes_per_node_count_the_instance_types_default() -> None:
    limits = config({NAMESPACE: {"max_processes_per_node": 8}})
    with pytest.raises(
        ResourceLimitExceededError,
        match=r"^the default of instance type ml\.trn1\.32xlarge: 32 processes per node, .* at most 8",
    ):
        request_for(job(), limits)
    request, _ = request_for(job("{processesPerNode: 8}"), limits)
    assert request.resources.processes_per_node == 8


def test_the_cap_holds_for_every_attempt_not_only_the_first() -> None:
    j = job("{nodes: 4}")
    with pytest.raises(ResourceLimitExceededError):
        attempt_request_for_recipe(j, RECIPES[0], config({"*": {"max_nodes": 2}}), 2, "auto", None)


@pytest.mark.parametrize(
    "limits",
    [
        {"*": {"max_nodes": 513}},
        {"*": {"max_nodes": 0}},
        {"*": {"max_processes_per_node": 257}},
        {"*": {"cpus": 1}},
    ],
)
def test_caps_beyond_the_api_bounds_or_unknown_are_refused_at_start(limits: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        config(limits)


def test_the_operator_fails_a_job_over_the_cap_with_a_condition_and_an_event_and_creates_no_child() -> None:
    kube = FakeKube()
    events: list[tuple[dict[str, Any], JobEvent]] = []
    reconciler = Reconciler(
        config({NAMESPACE: {"max_nodes": 4}}).model_copy(update={"max_workers": 1}),
        kube.api_client(),
        clock=lambda: datetime(2026, 12, 1, tzinfo=UTC),
        post_event=lambda target, event: events.append((target, event)),
    )
    jobs = f"/apis/finetune.dev/v1alpha1/namespaces/{NAMESPACE}/finetunejobs"
    kube.add(
        jobs,
        {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneJob",
            "metadata": {"name": "j"},
            "spec": {
                "model": {"name": "llama-3.2-1b"},
                "method": "lora",
                "data": {"train": {"path": f"/fsx/data/{NAMESPACE}/train.jsonl"}},
                "resources": {"nodes": 512},
            },
        },
    )
    outcome = reconciler.reconcile_now((NAMESPACE, "j"), None, RECIPES)
    stored = kube.get(f"{jobs}/j")
    assert stored is not None
    status = stored["status"]
    assert status["phase"] == "Failed" and status.get("currentAttempt", 0) == 0
    (failed,) = [c for c in status["conditions"] if c["type"] == "Failed"]
    assert failed["reason"] == "ResourceLimitExceeded"
    assert "namespace team-a allows at most 4" in failed["message"]
    assert [(e.type, e.reason) for e in outcome.events] == [("Warning", "ResourceLimitExceeded")]
    assert "resource_limits['team-a'].max_nodes" in outcome.events[0].message
    assert kube.under(f"/apis/kubeflow.org/v1/namespaces/{NAMESPACE}/pytorchjobs") == []
    assert kube.count("POST") == 0  # no child, and not even the trainer identity
