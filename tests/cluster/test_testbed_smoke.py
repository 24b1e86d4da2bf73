"""Smoke tests that prove the test bed is a real cluster.

They exercise what the operator relies on: CRD schema validation by the API server,
the training-operator turning a PyTorchJob into pods and services, the scheduler
placing Neuron pods on trn1 nodes only, kwok Stages driving pod outcomes, garbage
collection by the controller-manager, and RBAC with ServiceAccount tokens.
"""

from __future__ import annotations

import copy
import time

import pytest
from hack.kwok import finish_pod, mark_node_not_ready, wait_for
from kubernetes import client
from kubernetes.client.rest import ApiException

GROUP, VERSION, PLURAL = "kubeflow.org", "v1", "pytorchjobs"
TRN1 = "ml.trn1.32xlarge"


def neuron_pod_template(neuron_devices: int = 16) -> dict:
    return {
        "spec": {
            "nodeSelector": {"node.kubernetes.io/instance-type": TRN1},
            "tolerations": [{"key": "aws.amazon.com/neuron", "operator": "Exists", "effect": "NoSchedule"}],
            "containers": [
                {
                    "name": "pytorch",
                    "image": "public.ecr.aws/neuron/pytorch-training-neuronx:2.7.0",
                    "command": ["torchrun", "train.py"],
                    "resources": {
                        "requests": {
                            "aws.amazon.com/neuron": str(neuron_devices),
                            "vpc.amazonaws.com/efa": "8",
                        },
                        "limits": {
                            "aws.amazon.com/neuron": str(neuron_devices),
                            "vpc.amazonaws.com/efa": "8",
                        },
                    },
                }
            ],
        }
    }


def pytorchjob(name: str, workers: int = 1, backoff_limit: int | None = 0) -> dict:
    replica = {"replicas": 1, "restartPolicy": "OnFailure", "template": neuron_pod_template()}
    worker = {**copy.deepcopy(replica), "replicas": workers}
    run_policy: dict = {"cleanPodPolicy": "None"}
    if backoff_limit is not None:
        run_policy["backoffLimit"] = backoff_limit
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "PyTorchJob",
        "metadata": {"name": name},
        "spec": {"runPolicy": run_policy, "pytorchReplicaSpecs": {"Master": replica, "Worker": worker}},
    }


def job_pods(core_v1: client.CoreV1Api, namespace: str, job: str) -> list[client.V1Pod]:
    return list(
        core_v1.list_namespaced_pod(namespace, label_selector=f"training.kubeflow.org/job-name={job}").items
    )


def job_condition(custom_objects: client.CustomObjectsApi, namespace: str, job: str, kind: str) -> bool:
    obj = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, job)
    return any(
        c["type"] == kind and c["status"] == "True" for c in obj.get("status", {}).get("conditions", [])
    )


def both_replicas_active(custom_objects: client.CustomObjectsApi, namespace: str, job: str) -> bool:
    obj = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, job)
    statuses = obj.get("status", {}).get("replicaStatuses", {})
    return all(statuses.get(kind, {}).get("active") == 1 for kind in ("Master", "Worker"))


def running_pods(
    core_v1: client.CoreV1Api, namespace: str, job: str, count: int
) -> list[client.V1Pod] | None:
    pods = job_pods(core_v1, namespace, job)
    if len(pods) == count and all(p.status.phase == "Running" for p in pods):
        return pods
    return None


def test_api_server_rejects_pytorchjob_that_violates_the_crd_schema(custom_objects, namespace):
    bad = pytorchjob("bad-schema")
    bad["spec"]["pytorchReplicaSpecs"]["Master"]["replicas"] = "two"
    with pytest.raises(ApiException) as error:
        custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, bad)
    assert error.value.status == 422
    assert "replicas" in error.value.body


def test_pytorchjob_runs_on_trn1_nodes_and_succeeds(core_v1, custom_objects, namespace):
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, pytorchjob("ok"))

    pods = wait_for(lambda: running_pods(core_v1, namespace, "ok", 2), timeout=60, message="2 running pods")
    for pod in pods:
        node = core_v1.read_node(pod.spec.node_name)
        assert node.metadata.labels["node.kubernetes.io/instance-type"] == TRN1
    services = core_v1.list_namespaced_service(
        namespace, label_selector="training.kubeflow.org/job-name=ok"
    ).items
    assert {s.metadata.name for s in services} == {"ok-master-0", "ok-worker-0"}
    worker = next(p for p in pods if p.metadata.name == "ok-worker-0")
    assert [c.name for c in worker.spec.init_containers] == ["init-pytorch"]
    env = {e.name: e.value for e in worker.spec.containers[0].env}
    assert env["MASTER_ADDR"] == "ok-master-0" and env["WORLD_SIZE"] == "2" and env["RANK"] == "1"
    wait_for(lambda: job_condition(custom_objects, namespace, "ok", "Running"), message="Running condition")

    for pod in pods:
        finish_pod(core_v1, namespace, pod.metadata.name, 0)
    wait_for(
        lambda: job_condition(custom_objects, namespace, "ok", "Succeeded"),
        timeout=60,
        message="PyTorchJob Succeeded",
    )


def test_pod_failure_with_exit_code_1_fails_the_pytorchjob(core_v1, custom_objects, namespace):
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, pytorchjob("boom"))
    wait_for(lambda: running_pods(core_v1, namespace, "boom", 2), timeout=60, message="2 running pods")
    # Let the training-operator's status writes settle first. v1.7 deletes the job's pods before
    # it writes the Failed condition; if that write conflicts with one of its own still in flight
    # (its cache lags under load), the failed pod is gone and the job restarts instead of failing
    # (docs/testbed.md, "What training-operator v1.7.0 makes of it").
    wait_for(lambda: both_replicas_active(custom_objects, namespace, "boom"), message="2 active replicas")
    wait_for(lambda: job_condition(custom_objects, namespace, "boom", "Running"), message="Running condition")
    time.sleep(2)

    finish_pod(core_v1, namespace, "boom-worker-0", 1)

    wait_for(
        lambda: job_condition(custom_objects, namespace, "boom", "Failed"),
        timeout=60,
        message="PyTorchJob Failed",
    )
    job = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "boom")
    failed = next(c for c in job["status"]["conditions"] if c["type"] == "Failed")
    assert failed["reason"] == "PyTorchJobFailed"
    assert "backoff limit" in failed["message"]


def test_exit_stage_sets_the_container_exit_code(core_v1, namespace):
    template = neuron_pod_template(1)
    for name, code in (("ok", 0), ("oom", 137)):
        core_v1.create_namespaced_pod(
            namespace, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name}, **template}
        )
        wait_for(
            lambda name=name: core_v1.read_namespaced_pod(name, namespace).status.phase == "Running",
            message=f"{name} Running",
        )
        finish_pod(core_v1, namespace, name, code)

    def terminated(name: str) -> tuple[str, int] | None:
        status = core_v1.read_namespaced_pod(name, namespace).status
        state = (status.container_statuses or [None])[0]
        if state is None or state.state.terminated is None:
            return None
        return status.phase, state.state.terminated.exit_code

    assert wait_for(lambda: terminated("ok"), message="ok terminated") == ("Succeeded", 0)
    assert wait_for(lambda: terminated("oom"), message="oom terminated") == ("Failed", 137)


def test_pod_asking_for_more_neuron_devices_than_a_node_has_stays_pending(core_v1, namespace):
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "too-big"}, **neuron_pod_template(17)}
    core_v1.create_namespaced_pod(namespace, pod)

    def unschedulable() -> bool:
        status = core_v1.read_namespaced_pod("too-big", namespace).status
        return any(c.type == "PodScheduled" and c.reason == "Unschedulable" for c in status.conditions or [])

    wait_for(unschedulable, timeout=30, message="PodScheduled=False/Unschedulable")
    assert core_v1.read_namespaced_pod("too-big", namespace).status.phase == "Pending"


def test_neuron_pods_never_land_on_cpu_nodes(core_v1, namespace):
    template = neuron_pod_template(16)
    del template["spec"]["nodeSelector"]  # only the resources and the taint toleration steer it
    for index in range(4):
        core_v1.create_namespaced_pod(
            namespace, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": f"n{index}"}, **template}
        )

    def all_bound() -> list[client.V1Pod] | None:
        pods = core_v1.list_namespaced_pod(namespace).items
        return pods if len(pods) == 4 and all(p.spec.node_name for p in pods) else None

    pods = wait_for(all_bound, timeout=30, message="4 bound pods")
    assert all(p.spec.node_name.startswith("hyperpod-i-trn1-") for p in pods)


def test_deleting_a_pytorchjob_garbage_collects_its_pods(core_v1, custom_objects, namespace):
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, pytorchjob("gc"))
    wait_for(lambda: running_pods(core_v1, namespace, "gc", 2), timeout=60, message="2 running pods")

    custom_objects.delete_namespaced_custom_object(
        GROUP, VERSION, namespace, PLURAL, "gc", propagation_policy="Background"
    )

    wait_for(lambda: not job_pods(core_v1, namespace, "gc"), timeout=60, message="pods garbage-collected")
    wait_for(
        lambda: not core_v1.list_namespaced_service(namespace).items,
        timeout=60,
        message="services garbage-collected",
    )


def test_serviceaccount_tokens_are_issued_and_rbac_is_enforced(api_client, testbed, namespace):
    core = client.CoreV1Api(api_client)
    core.create_namespaced_service_account(namespace, {"metadata": {"name": "reader"}})
    rbac = client.RbacAuthorizationV1Api(api_client)
    rbac.create_namespaced_role(
        namespace,
        {
            "metadata": {"name": "read-pods"},
            "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["list"]}],
        },
    )
    rbac.create_namespaced_role_binding(
        namespace,
        {
            "metadata": {"name": "read-pods"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "read-pods"},
            "subjects": [{"kind": "ServiceAccount", "name": "reader", "namespace": namespace}],
        },
    )
    token = core.create_namespaced_service_account_token(
        "reader", namespace, {"spec": {"audiences": [], "expirationSeconds": 600}}
    ).status.token

    configuration = client.Configuration()
    configuration.host = api_client.configuration.host
    configuration.ssl_ca_cert = api_client.configuration.ssl_ca_cert
    configuration.api_key = {"authorization": f"Bearer {token}"}
    as_reader = client.CoreV1Api(client.ApiClient(configuration))

    as_reader.list_namespaced_pod(namespace)  # allowed by the Role
    with pytest.raises(ApiException) as error:
        as_reader.list_namespaced_secret(namespace)
    assert error.value.status == 403
    # The root CA is published into every namespace, as pods need it to verify the API server.
    wait_for(
        lambda: core.read_namespaced_config_map("kube-root-ca.crt", namespace), message="kube-root-ca.crt"
    )


def test_fsx_claim_binds_to_the_static_fsx_volume(core_v1, namespace):
    claim = wait_for(
        lambda: (
            (c := core_v1.read_namespaced_persistent_volume_claim("fsx-claim", namespace)).status.phase
            == "Bound"
            and c
        ),
        timeout=30,
        message="fsx-claim Bound",
    )
    volume = core_v1.read_persistent_volume(claim.spec.volume_name)
    assert volume.spec.csi.driver == "fsx.csi.aws.com"


@pytest.mark.bed_exclusive  # the API lane's pods may need that node meanwhile
def test_a_node_can_be_marked_not_ready(core_v1):
    node = "cpu-1"
    mark_node_not_ready(core_v1, node)
    try:

        def not_ready() -> bool:
            conditions = core_v1.read_node(node).status.conditions or []
            return any(c.type == "Ready" and c.status != "True" for c in conditions)

        wait_for(not_ready, timeout=30, message=f"{node} NotReady")
    finally:
        core_v1.patch_node(node, {"metadata": {"annotations": {"finetune.dev/test-node-not-ready": None}}})
        wait_for(
            lambda: any(
                c.type == "Ready" and c.status == "True"
                for c in core_v1.read_node(node).status.conditions or []
            ),
            timeout=30,
            message=f"{node} Ready again",
        )
