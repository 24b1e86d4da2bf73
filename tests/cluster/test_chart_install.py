"""The chart installed with the real helm binary on the bed (the session fixture installs it)."""

from __future__ import annotations

import subprocess

from hack.chart import CHART_NAMESPACE, CHART_RELEASE, CRD_NAMES
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


def test_operator_service_account_may_grant_the_trainer_status_rbac(api_client, testbed, namespace):
    """Creating the trainer identity's Role is an RBAC escalation check: it must pass as the operator's SA."""
    operator_sa = f"system:serviceaccount:{CHART_NAMESPACE}:{CHART_RELEASE}"
    role = f"""
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {{name: report-status, namespace: {namespace}}}
rules:
- apiGroups: [finetune.dev]
  resources: [finetunejobs/status]
  verbs: [patch]
"""
    kubectl = [str(testbed.binary("kubectl")), f"--kubeconfig={testbed.kubeconfig}"]
    created = subprocess.run(
        [*kubectl, "--as", operator_sa, "create", "-f", "-"], input=role, text=True, capture_output=True
    )
    assert created.returncode == 0, created.stderr
    # ...and a plain namespace user could not have done it.
    denied = subprocess.run(
        [
            *kubectl,
            "--as",
            f"system:serviceaccount:{namespace}:default",
            "auth",
            "can-i",
            "create",
            "roles",
            "-n",
            namespace,
        ],
        text=True,
        capture_output=True,
    )
    assert denied.stdout.strip() == "no"


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
