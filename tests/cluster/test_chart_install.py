"""The chart installed with the real helm binary on the bed (the session fixture installs it)."""

from __future__ import annotations

import subprocess

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


def test_helm_upgrade_is_idempotent(testbed):
    result = subprocess.run(
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
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
