"""Smoke tests on the bed's real CPU node: real containers on containerd, real pod networking.

They prove what a trainer pod on a HyperPod CPU instance group relies on: its exit code
reaches the API server, it reaches the API server itself through the `kubernetes` Service
with its projected ServiceAccount token, Service names resolve through CoreDNS, and a
PyTorchJob's Master and Worker find each other and all-reduce over gloo.
"""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from hack.kwok import wait_for
from hack.testbed.node import NODE_NAME, NODE_POD_SUBNET, node_images
from kubernetes import client

IMAGES = node_images()


@pytest.fixture(autouse=True)
def real_node(core_v1):
    """The bed's real node, Ready (absent when another bed on the host holds it: a failure, not a skip)."""
    node = core_v1.read_node(NODE_NAME)
    assert any(c.type == "Ready" and c.status == "True" for c in node.status.conditions)
    return node


def pod(name: str, image: str, command: list[str], **spec: Any) -> dict[str, Any]:
    """A pod pinned to the real node, running an image the bed imported (no registry is reachable)."""
    labels = spec.pop("labels", {})
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "nodeSelector": {"kubernetes.io/hostname": NODE_NAME},
            "restartPolicy": "Never",
            "terminationGracePeriodSeconds": 1,
            "containers": [{"name": "main", "image": image, "imagePullPolicy": "Never", "command": command}],
            **spec,
        },
    }


def finished(core_v1: client.CoreV1Api, namespace: str, name: str) -> client.V1Pod | None:
    current = core_v1.read_namespaced_pod(name, namespace)
    return current if current.status.phase in ("Succeeded", "Failed") else None


def logs(testbed, namespace: str, name: str, container: str | None = None) -> str:
    """`kubectl logs`: the API server fetches them from the kubelet, as users do."""
    result = subprocess.run(
        [
            str(testbed.binary("kubectl")),
            f"--kubeconfig={testbed.kubeconfig}",
            "logs",
            "-n",
            namespace,
            name,
            *([f"--container={container}"] if container else []),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_exit_code_of_a_real_container_is_reported(core_v1, namespace, testbed):
    exits = pod("exit-3", IMAGES["init-pytorch"], ["sh", "-c", "echo from-the-real-node; exit 3"])
    # kwok's pod-exit Stage would turn this into Succeeded/0: it must not touch the real node's pods.
    exits["metadata"]["annotations"] = {"finetune.dev/test-exit-code": "0"}
    core_v1.create_namespaced_pod(namespace, exits)
    done = wait_for(lambda: finished(core_v1, namespace, "exit-3"), timeout=120, message="the pod to exit")
    assert done.spec.node_name == NODE_NAME
    assert done.status.phase == "Failed"
    assert done.status.container_statuses[0].state.terminated.exit_code == 3
    assert done.status.pod_ip.startswith(NODE_POD_SUBNET.rsplit(".", 2)[0])
    assert logs(testbed, namespace, "exit-3") == "from-the-real-node\n"


WHO_AM_I = """
import json, ssl, urllib.request
sa = "/var/run/secrets/kubernetes.io/serviceaccount"
request = urllib.request.Request(
    "https://kubernetes.default.svc/apis/authentication.k8s.io/v1/selfsubjectreviews",
    data=json.dumps({"apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"}).encode(),
    headers={"Authorization": "Bearer " + open(sa + "/token").read(), "Content-Type": "application/json"},
)
context = ssl.create_default_context(cafile=sa + "/ca.crt")
print(json.load(urllib.request.urlopen(request, context=context))["status"]["userInfo"]["username"])
"""


def test_pod_reaches_the_api_server_through_the_kubernetes_service(core_v1, namespace, testbed):
    core_v1.create_namespaced_pod(namespace, pod("whoami", IMAGES["operator"], ["python3", "-c", WHO_AM_I]))
    done = wait_for(lambda: finished(core_v1, namespace, "whoami"), timeout=120, message="the pod to exit")
    output = logs(testbed, namespace, "whoami")
    assert done.status.phase == "Succeeded", output
    assert output.strip() == f"system:serviceaccount:{namespace}:default"


def test_headless_service_name_resolves_to_the_other_pods_ip(core_v1, namespace, testbed):
    core_v1.create_namespaced_service(
        namespace,
        {
            "metadata": {"name": "peers"},
            "spec": {"clusterIP": "None", "selector": {"app": "peer"}, "ports": [{"port": 23456}]},
        },
    )
    core_v1.create_namespaced_pod(
        namespace, pod("peer", IMAGES["init-pytorch"], ["sleep", "3600"], labels={"app": "peer"})
    )
    peer = wait_for(
        lambda: (
            (p := core_v1.read_namespaced_pod("peer", namespace)).status.pod_ip
            and p.status.phase == "Running"
            and p
        ),
        timeout=120,
        message="the peer pod to run",
    )
    lookup = "until nslookup peers; do sleep 1; done"
    core_v1.create_namespaced_pod(namespace, pod("resolver", IMAGES["init-pytorch"], ["sh", "-c", lookup]))
    wait_for(lambda: finished(core_v1, namespace, "resolver"), timeout=120, message="the lookup")
    output = logs(testbed, namespace, "resolver")
    assert f"Address: {peer.status.pod_ip}" in output, output
    assert f"peers.{namespace}.svc.cluster.local" in output


ALL_REDUCE = """
import os, torch, torch.distributed as dist
dist.init_process_group("gloo")
value = torch.tensor([float(dist.get_rank() + 1)])
dist.all_reduce(value)
print(f"rank {dist.get_rank()} of {dist.get_world_size()}: all_reduce={value.item()}", flush=True)
assert value.item() == sum(range(1, dist.get_world_size() + 1))
dist.destroy_process_group()
"""


def test_pytorchjob_master_and_worker_all_reduce_over_gloo(custom_objects, core_v1, namespace, testbed):
    def replica() -> dict[str, Any]:
        template = pod("unused", IMAGES["trainer-cpu"], ["python3", "-c", ALL_REDUCE])
        container = template["spec"]["containers"][0]
        container["name"] = "pytorch"
        return {
            "replicas": 1,
            "restartPolicy": "Never",
            "template": {"spec": {**template["spec"], "restartPolicy": "Never", "containers": [container]}},
        }

    job = {
        "apiVersion": "kubeflow.org/v1",
        "kind": "PyTorchJob",
        "metadata": {"name": "allreduce"},
        "spec": {
            "runPolicy": {"backoffLimit": 0, "cleanPodPolicy": "None"},
            "pytorchReplicaSpecs": {"Master": replica(), "Worker": replica()},
        },
    }
    custom_objects.create_namespaced_custom_object("kubeflow.org", "v1", namespace, "pytorchjobs", job)

    def outcome() -> str | None:
        current = custom_objects.get_namespaced_custom_object(
            "kubeflow.org", "v1", namespace, "pytorchjobs", "allreduce"
        )
        conditions = {c["type"]: c["status"] for c in current.get("status", {}).get("conditions", [])}
        return next((kind for kind in ("Succeeded", "Failed") if conditions.get(kind) == "True"), None)

    result = wait_for(outcome, timeout=600, message="the PyTorchJob to finish")
    master = logs(testbed, namespace, "allreduce-master-0")
    worker = logs(testbed, namespace, "allreduce-worker-0", container="pytorch")
    assert result == "Succeeded", master + worker
    assert "rank 0 of 2: all_reduce=3.0" in master
    assert "rank 1 of 2: all_reduce=3.0" in worker
    # The training-operator's init container waited for the master's name on the local init image.
    worker_pod = core_v1.read_namespaced_pod("allreduce-worker-0", namespace)
    assert [c.image for c in worker_pod.spec.init_containers] == [IMAGES["init-pytorch"]]
