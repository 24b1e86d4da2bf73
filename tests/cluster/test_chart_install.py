"""The chart installed with the real helm binary on the bed (the session fixture installs it)."""

from __future__ import annotations

import subprocess

import yaml
from hack.chart import CHART_NAMESPACE, CHART_RELEASE, CRD_NAMES, IN_CLUSTER_NAMESPACE
from kubernetes import client

from tests.conftest import REPO_ROOT


def test_chart_installs_crds_recipes_and_operator(api_client):
    extensions = client.ApiextensionsV1Api(api_client)
    for name in CRD_NAMES:
        crd = extensions.read_custom_resource_definition(name)
        assert any(c.type == "Established" and c.status == "True" for c in crd.status.conditions)
    recipes = client.CustomObjectsApi(api_client).list_cluster_custom_object(
        "finetune.dev", "v1alpha1", "clusterfinetunerecipes"
    )["items"]
    names = {r["metadata"]["name"] for r in recipes}
    assert {"llama-3.1-8b-lora", "llama-3.2-1b-sft", "mistral-7b-gpu-dpo", "qwen2.5-7b-gpu-dpo-lora"} <= names
    deployment = client.AppsV1Api(api_client).read_namespaced_deployment(CHART_RELEASE, CHART_NAMESPACE)
    assert deployment.spec.template.spec.service_account_name == CHART_RELEASE


def test_operator_service_account_binds_the_trainer_role_only_where_it_watches(testbed, namespace):
    """The bed's release watches a list of namespaces: there the operator's ServiceAccount may
    create RoleBindings and bind the trainer's ClusterRole, elsewhere it may not, and it may
    create no Role anywhere (tests/cluster/test_chart_rbac.py tries escalations with its token)."""
    operator_sa = f"system:serviceaccount:{CHART_NAMESPACE}:{CHART_RELEASE}"
    kubectl = [str(testbed.binary("kubectl")), f"--kubeconfig={testbed.kubeconfig}", "--as", operator_sa]

    def can_i(*request: str) -> bool:
        answer = subprocess.run([*kubectl, "auth", "can-i", *request], text=True, capture_output=True)
        return answer.stdout.strip() == "yes"

    for where, watched in ((IN_CLUSTER_NAMESPACE, True), (namespace, False)):
        assert can_i("create", "rolebindings", "-n", where) is watched, where
        assert can_i("bind", f"clusterroles/{CHART_RELEASE}-trainer", "-n", where) is watched, where
        assert not can_i("bind", f"clusterroles/{CHART_RELEASE}", "-n", where), where
        assert not can_i("create", "roles", "-n", where), where
        assert can_i("create", "pytorchjobs.kubeflow.org", "-n", where) is watched, where


def helm_upgrade(testbed, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(testbed.binary("helm")),
            "upgrade",
            CHART_RELEASE,
            str(REPO_ROOT / "charts" / "finetune-operator"),
            "--namespace",
            CHART_NAMESPACE,
            "--kubeconfig",
            testbed.kubeconfig,
            "--reuse-values",
            *args,
        ],
        capture_output=True,
        text=True,
    )


def builtin_recipes(api_client) -> dict[str, dict]:
    items = client.CustomObjectsApi(api_client).list_cluster_custom_object(
        "finetune.dev", "v1alpha1", "clusterfinetunerecipes", label_selector="finetune.dev/builtin=true"
    )["items"]
    return {r["metadata"]["name"]: r for r in items}


def test_helm_upgrade_patches_the_builtin_recipes_instead_of_recreating_them(testbed, api_client):
    """Issue 23: as post-upgrade hooks the recipes were deleted and created anew on every
    upgrade. Created as hooks by the install that brought their CRD, they are adopted by the next
    upgrade and are the release's own objects from then on: the same objects (uid) after any
    number of upgrades, and after three the install's marker is gone (templates/recipes.yaml)."""
    result = helm_upgrade(testbed)  # adopts the recipes the install created as hooks
    assert result.returncode == 0, result.stderr
    before = {name: r["metadata"]["uid"] for name, r in builtin_recipes(api_client).items()}
    assert before
    for _ in range(2):
        result = helm_upgrade(testbed)
        assert result.returncode == 0, result.stderr
    after = builtin_recipes(api_client)
    assert {name: r["metadata"]["uid"] for name, r in after.items()} == before
    still_marked = [
        name
        for name, recipe in after.items()
        if "finetune.dev/installed-by" in (recipe["metadata"].get("annotations") or {})
    ]
    assert still_marked == []
    manifest = subprocess.run(
        [
            str(testbed.binary("helm")),
            "get",
            "manifest",
            CHART_RELEASE,
            "-n",
            CHART_NAMESPACE,
            "--kubeconfig",
            testbed.kubeconfig,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    in_release = [d for d in yaml.safe_load_all(manifest) if d and d["kind"] == "ClusterFineTuneRecipe"]
    assert len(in_release) == len(before), "every built-in recipe is the release's own object"


def test_an_upgrade_to_a_config_the_operator_refuses_leaves_the_operator_running(testbed, api_client):
    """Issue 23: with Recreate, an upgrade whose config the new operator refused left no operator.
    The schema refuses unknown keys in helm itself; what only the operator's validators see (a
    write root without {name}) fails the config-check hook before the Deployment changes."""
    core = client.CoreV1Api(api_client)
    selector = f"app.kubernetes.io/name=finetune-operator,app.kubernetes.io/instance={CHART_RELEASE}"

    def operator_pods() -> list[str]:
        pods = core.list_namespaced_pod(CHART_NAMESPACE, label_selector=selector).items
        return sorted(p.metadata.uid for p in pods if p.metadata.deletion_timestamp is None)

    running = operator_pods()
    assert len(running) == 1
    revision_before = client.AppsV1Api(api_client).read_namespaced_deployment(CHART_RELEASE, CHART_NAMESPACE)

    refused_by_schema = helm_upgrade(testbed, "--set", "config.log_level=debug")
    assert refused_by_schema.returncode != 0
    assert "additional properties 'log_level' not allowed" in refused_by_schema.stderr

    refused_by_operator = helm_upgrade(testbed, "--set", "config.storage.write_root=/fsx/shared")
    assert refused_by_operator.returncode != 0
    assert "config-check" in refused_by_operator.stderr, refused_by_operator.stderr
    logs = core.read_namespaced_pod_log(
        core.list_namespaced_pod(
            CHART_NAMESPACE, label_selector="app.kubernetes.io/name=finetune-operator-config-check"
        )
        .items[0]
        .metadata.name,
        CHART_NAMESPACE,
    )
    assert "must contain {name}" in logs

    deployment = client.AppsV1Api(api_client).read_namespaced_deployment(CHART_RELEASE, CHART_NAMESPACE)
    assert deployment.metadata.generation == revision_before.metadata.generation
    assert operator_pods() == running
    assert deployment.status.ready_replicas == 1

    # The release is usable again with a config the operator accepts.
    result = helm_upgrade(testbed)
    assert result.returncode == 0, result.stderr
