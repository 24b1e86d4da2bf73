"""The operator as users run it: installed by the chart, from the image built here, on the real node.

The session fixture installs the chart with the locally built operator image into a namespace
that enforces Pod Security `restricted`; the operator watches IN_CLUSTER_NAMESPACE with the
chart's own ServiceAccount and RBAC, and nothing else.
"""

from __future__ import annotations

import uuid

from hack.chart import CHART_NAMESPACE, CHART_RELEASE, IN_CLUSTER_NAMESPACE
from hack.kwok import wait_for
from hack.manifests import job_manifest
from hack.testbed.node import NODE_NAME, node_images
from kubernetes import client

from tests.cluster.helpers import create_job, pytorchjobs


def ready_deployment(apps: client.AppsV1Api) -> client.V1Deployment | None:
    deployment = apps.read_namespaced_deployment(CHART_RELEASE, CHART_NAMESPACE)
    return deployment if (deployment.status.ready_replicas or 0) == 1 else None


def test_chart_runs_the_operator_image_ready_on_the_real_node(api_client, core_v1):
    apps = client.AppsV1Api(api_client)
    deployment = wait_for(
        lambda: ready_deployment(apps), timeout=180, message="the operator Deployment Ready"
    )
    assert deployment.spec.template.spec.service_account_name == CHART_RELEASE
    assert deployment.spec.template.spec.containers[0].image == node_images()["operator"]
    namespace = core_v1.read_namespace(CHART_NAMESPACE)
    assert namespace.metadata.labels["pod-security.kubernetes.io/enforce"] == "restricted"
    pods = core_v1.list_namespaced_pod(
        CHART_NAMESPACE,
        label_selector=f"app.kubernetes.io/name=finetune-operator,app.kubernetes.io/instance={CHART_RELEASE}",
    ).items
    assert [p.spec.node_name for p in pods if p.status.phase == "Running"] == [NODE_NAME]


def test_liveness_and_metrics_answer_through_the_service(api_client, core_v1):
    wait_for(lambda: ready_deployment(client.AppsV1Api(api_client)), timeout=180, message="the operator")
    service = f"{CHART_RELEASE}-metrics"
    health = core_v1.connect_get_namespaced_service_proxy_with_path(
        f"{service}:healthz", CHART_NAMESPACE, "healthz"
    )
    assert health
    metrics = core_v1.connect_get_namespaced_service_proxy_with_path(
        f"{service}:metrics", CHART_NAMESPACE, "metrics"
    )
    assert "# TYPE" in metrics


def test_in_cluster_operator_reconciles_a_finetunejob_into_its_pytorchjob(api_client, custom_objects):
    wait_for(lambda: ready_deployment(client.AppsV1Api(api_client)), timeout=180, message="the operator")
    name = f"incluster-{uuid.uuid4().hex[:5]}"
    create_job(custom_objects, IN_CLUSTER_NAMESPACE, job_manifest(name))
    try:
        pytorchjob = wait_for(
            lambda: next(
                (
                    j
                    for j in pytorchjobs(custom_objects, IN_CLUSTER_NAMESPACE)
                    if j["metadata"]["name"] == f"{name}-a1"
                ),
                None,
            ),
            timeout=120,
            message="the PyTorchJob of the in-cluster operator",
        )
        assert pytorchjob["metadata"]["ownerReferences"][0]["name"] == name
    finally:
        custom_objects.delete_namespaced_custom_object(
            "finetune.dev", "v1alpha1", IN_CLUSTER_NAMESPACE, "finetunejobs", name
        )
