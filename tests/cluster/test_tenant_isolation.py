"""Issue 12: a hostile tenant on the bed, with the reproducers as written.

A job in the test's namespace (the attacker, "ra" in the issue) tries to read and write
another namespace's directory ("rb"), the shared base models and files outside the
volume. Each attempt is refused: at admission (422) where the CRD can tell, else the job
ends Failed with reason InvalidSpec before any PyTorchJob exists.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from hack.manifests import job_manifest
from hack.operator_process import OperatorProcess
from kubernetes import client, config
from kubernetes.client.exceptions import ApiException

from tests.cluster.helpers import (
    GROUP,
    PLURAL,
    TRAINER_ROLE,
    VERSION,
    assert_one_event,
    condition,
    create_job,
    get_job,
    pod_of,
    pytorchjobs,
    service_account_kubeconfig,
    trainer_client,
    wait_phase,
)
from tests.cluster.tokens import token_kubeconfig

VICTIM = "/fsx/finetune/rb/victim"

STORAGE_REPRODUCERS: list[tuple[str, dict[str, Any]]] = [
    ("read-other-data", {"data": {"train": {"path": f"{VICTIM}/output/adapter.safetensors"}}}),
    ("read-other-model", {"model": {"name": "llama-3.2-1b", "uri": f"{VICTIM}/output"}}),
    ("write-other-ckpt", {"storage": {"checkpointDir": f"{VICTIM}/checkpoints"}}),
    ("overwrite-base", {"storage": {"outputDir": "/fsx/models/llama-3.1-8b"}}),
    ("climb-out", {"data": {"train": {"path": "/fsx/../etc/passwd"}}}),
    ("mount-root", {"storage": {"mountPath": "/"}, "data": {"train": {"path": "/etc/shadow"}}}),
    ("model-name-climb", {"model": {"name": "../finetune/rb/victim/output"}}),
]


def _submit(custom_objects, namespace: str, name: str, spec: dict[str, Any]) -> str | None:
    """Create the job with strict field validation (as kubectl does): the rejection message, or None."""
    manifest = job_manifest(name, spec_extra=spec)
    try:
        custom_objects.create_namespaced_custom_object(
            "finetune.dev", "v1alpha1", namespace, "finetunejobs", manifest, field_validation="Strict"
        )
    except ApiException as err:
        assert err.status in (400, 422), err.body  # 400: an unknown field (strict decoding)
        return str(json.loads(err.body)["message"])
    return None


def test_paths_of_other_tenants_are_refused(operator, custom_objects, namespace) -> None:
    admitted = []
    for name, spec in STORAGE_REPRODUCERS:
        message = _submit(custom_objects, namespace, name, spec)
        if message is None:
            admitted.append(name)
        elif name == "mount-root":
            assert "mountPath" in message, message
        elif name == "model-name-climb":
            assert "spec.model.name" in message, message
    assert set(admitted) >= {n for n, _ in STORAGE_REPRODUCERS[:5]}
    for name in admitted:
        job = wait_phase(custom_objects, namespace, name, "Failed", timeout=30)
        failed = condition(job, "Failed")
        assert failed is not None and failed["reason"] == "InvalidSpec", (name, failed)
        assert "/fsx/" in failed["message"], failed["message"]
    assert pytorchjobs(custom_objects, namespace) == []


def test_the_pods_mount_only_the_namespace_roots(operator, custom_objects, namespace) -> None:
    create_job(custom_objects, namespace, job_manifest("confined"))
    wait_phase(custom_objects, namespace, "confined", "Running")
    (pytorchjob,) = pytorchjobs(custom_objects, namespace)
    pod = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]
    mounts = {m["mountPath"]: m for m in pod["containers"][0]["volumeMounts"] if m["name"] == "storage"}
    assert "/fsx" not in mounts
    assert mounts["/fsx/models"]["readOnly"] is True
    assert mounts[f"/fsx/data/{namespace}"]["readOnly"] is True
    own = mounts[f"/fsx/finetune/{namespace}/confined"]
    assert own["subPath"] == f"finetune/{namespace}/confined" and not own.get("readOnly")


# --- I3: what a trainer token may write --------------------------------------------------------


def test_a_trainer_token_writes_only_progress_and_own_checkpoints(
    operator, api_client, core_v1, custom_objects, namespace, tmp_path
) -> None:
    create_job(custom_objects, namespace, job_manifest("victim"))
    create_job(custom_objects, namespace, job_manifest("ra"))
    job = wait_phase(custom_objects, namespace, "ra", "Running")
    wait_phase(custom_objects, namespace, "victim", "Running")
    checkpoint_dir = job["status"]["checkpointDir"]
    assert checkpoint_dir == f"/fsx/finetune/{namespace}/ra/checkpoints"
    as_trainer = trainer_client(api_client, core_v1, namespace, tmp_path, pod_of(core_v1, namespace, "ra-a1"))

    def patch(status: dict[str, Any]) -> None:
        as_trainer.patch_namespaced_custom_object_status(
            GROUP, VERSION, namespace, PLURAL, "ra", {"status": status}
        )

    def latest(path: str, attempt: int = 1) -> dict[str, Any]:
        return {"checkpoint": {"latest": {"path": path, "step": 10, "attempt": attempt}}}

    # The reproducers of issue 12 (I3), as written, then variants of the checkpoint path.
    denied = {
        "phase": ({"phase": "Succeeded"}, "may change only status.progress and status.checkpoint"),
        "backendRef": (
            {"backendRef": {"apiVersion": "kubeflow.org/v1", "kind": "PyTorchJob", "name": "victim-a1"}},
            "may change only status.progress and status.checkpoint",
        ),
        "foreign": (latest("/fsx/finetune/rb/victim/checkpoints/step-00000010"), checkpoint_dir),
        "climb": (latest(f"{checkpoint_dir}/../../victim/checkpoints/step-1"), checkpoint_dir),
        "sibling": (latest(f"{checkpoint_dir}-evil/step-1"), checkpoint_dir),
        "other-attempt": (latest(f"{checkpoint_dir}/step-1", attempt=2), "current attempt"),
        "progress-attempt": ({"progress": {"attempt": 7, "step": 1}}, "current attempt"),
    }
    for case, (status, message) in denied.items():
        with pytest.raises(ApiException) as caught:
            patch(status)
        assert caught.value.status == 403, case
        assert message in caught.value.body, (case, caught.value.body)

    patch({"progress": {"attempt": 1, "step": 10}, **latest(f"{checkpoint_dir}/step-00000010")})
    status = get_job(custom_objects, namespace, "ra")["status"]
    assert status["phase"] == "Running"
    assert status["checkpoint"]["latest"]["path"] == f"{checkpoint_dir}/step-00000010"


# --- I4: fields that must not change under a running job -----------------------------------------

IMMUTABLE_AFTER_SUBMIT = [
    {"storage": {"checkpointDir": "/fsx/finetune/{namespace}/imm/elsewhere"}},
    {"storage": {"claimName": "other-claim"}},
    {"image": "evil.example/cryptominer:latest"},
    {"resources": {"nodes": 4}},
    {"backend": "sagemaker"},
]


def test_storage_image_resources_and_backend_are_immutable_once_submitted(
    operator, custom_objects, namespace
) -> None:
    create_job(custom_objects, namespace, job_manifest("imm"))
    wait_phase(custom_objects, namespace, "imm", "Running")
    for change in IMMUTABLE_AFTER_SUBMIT:
        body = json.loads(json.dumps({"spec": change}).replace("{namespace}", namespace))
        with pytest.raises(ApiException) as caught:
            custom_objects.patch_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "imm", body)
        assert caught.value.status == 422, change
        message = json.loads(caught.value.body)["message"]
        assert "cannot change once the job" in message, (change, message)
    # The backend switch of the issue left the PyTorchJob behind: now the job keeps running on it.
    (child,) = pytorchjobs(custom_objects, namespace)
    assert child["metadata"]["ownerReferences"][0]["name"] == "imm"
    assert get_job(custom_objects, namespace, "imm")["status"]["phase"] == "Running"


def test_the_backend_is_fixed_from_creation_so_no_switch_orphans_a_child(
    testbed, custom_objects, namespace, tmp_path
) -> None:
    """The operator creates the child before it writes status.backendRef. A backend switch
    in between would send the next reconcile to the other backend, which does not know
    that child, and leave it running. The job stays here exactly as it is in that window
    (no status at all, as no operator runs yet), and the switch is refused; the operator
    then runs it on its one backend."""
    create_job(custom_objects, namespace, job_manifest("sw"))
    assert "status" not in get_job(custom_objects, namespace, "sw")
    switch = {"spec": {"backend": "sagemaker"}}
    with pytest.raises(ApiException) as caught:
        custom_objects.patch_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "sw", switch)
    assert caught.value.status == 422
    assert "spec.backend cannot change once the job exists" in json.loads(caught.value.body)["message"]
    operator = OperatorProcess(testbed.kubeconfig, namespace, tmp_path)
    operator.start()
    try:
        wait_phase(custom_objects, namespace, "sw", "Running")
    finally:
        operator.stop()
    (child,) = pytorchjobs(custom_objects, namespace)
    assert child["metadata"]["ownerReferences"][0]["name"] == "sw"
    assert get_job(custom_objects, namespace, "sw")["spec"]["backend"] == "hyperpod"


# --- wedged jobs: what the API server would refuse on the child ----------------------------------

LABEL_VALUE_REPRODUCERS = [
    {"scheduling": {"queueName": "bad queue name!!"}},
    {"scheduling": {"priorityClass": "p" * 100}},
    {"scheduling": {"priorityClass": "ü-prio"}},
]


@pytest.mark.parametrize(
    "spec", LABEL_VALUE_REPRODUCERS, ids=["queue-name", "long-priority", "unicode-priority"]
)
def test_names_that_become_labels_are_checked_at_admission(testbed, custom_objects, namespace, spec) -> None:
    message = _submit(custom_objects, namespace, "wedge", spec)
    assert message is not None and "spec.scheduling." in message, message


@pytest.fixture
def refuse_pytorchjobs(api_client, namespace):
    """A ValidatingAdmissionPolicy that refuses every PyTorchJob in the test's namespace: the
    API server answers the operator's create with 422, as it did for the issue's bad labels."""
    admission = client.AdmissionregistrationV1Api(api_client)
    name = f"refuse-{namespace}"
    admission.create_validating_admission_policy(
        {
            "metadata": {"name": name},
            "spec": {
                "failurePolicy": "Fail",
                "matchConstraints": {
                    "resourceRules": [
                        {
                            "apiGroups": ["kubeflow.org"],
                            "apiVersions": ["*"],
                            "operations": ["CREATE"],
                            "resources": ["pytorchjobs"],
                        }
                    ]
                },
                "validations": [
                    {"expression": "false", "message": "refused by the test", "reason": "Invalid"}
                ],
            },
        }
    )
    admission.create_validating_admission_policy_binding(
        {
            "metadata": {"name": name},
            "spec": {
                "policyName": name,
                "validationActions": ["Deny"],
                "matchResources": {
                    "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": namespace}}
                },
            },
        }
    )
    try:
        yield
    finally:
        admission.delete_validating_admission_policy_binding(name)
        admission.delete_validating_admission_policy(name)


def test_a_child_the_api_server_refuses_fails_the_job_once(
    refuse_pytorchjobs, operator, custom_objects, core_v1, namespace
) -> None:
    # Policies take effect when the API server's informer has seen them: until then the
    # create may pass, so the job is created after a short settle.
    time.sleep(2)
    create_job(custom_objects, namespace, job_manifest("refused"))
    job = wait_phase(custom_objects, namespace, "refused", "Failed", timeout=20)
    failed = condition(job, "Failed")
    assert failed is not None and failed["reason"] == "InvalidSpec"
    assert "the API server refused the attempt's objects (422" in failed["message"], failed["message"]
    assert "refused by the test" in failed["message"]
    assert pytorchjobs(custom_objects, namespace) == []
    assert_one_event(core_v1, namespace, "refused", "InvalidSpec")  # not retried forever


# --- I2: images -------------------------------------------------------------------------------------


def test_an_image_off_the_allowlist_fails_the_job_naming_the_allowlist(
    operator, custom_objects, namespace
) -> None:
    create_job(custom_objects, namespace, job_manifest("miner", image="evil.example/cryptominer:latest"))
    job = wait_phase(custom_objects, namespace, "miner", "Failed", timeout=20)
    failed = condition(job, "Failed")
    assert failed is not None and failed["reason"] == "InvalidSpec"
    assert "image allowlist for it is [empty" in failed["message"], failed["message"]
    assert pytorchjobs(custom_objects, namespace) == []


# --- accepted before, but could never run ----------------------------------------------------------

SAGEMAKER = {"backend": "sagemaker"}
CANNOT_RUN = [
    ("ppn", {"resources": {"processesPerNode": 10**9}}, "spec.resources.processesPerNode"),
    ("neuron", {"resources": {"neuronDevices": 10**6}}, "spec.resources.neuronDevices"),
    ("efa", {"resources": {"efaDevices": 10**6}}, "spec.resources.efaDevices"),
    ("every", {"checkpointing": {"everySteps": 10**15}}, "spec.checkpointing.everySteps"),
    ("runtime", {"maxRuntimeSeconds": 10**15}, "spec.maxRuntimeSeconds"),
    ("weight", {"data": {"mixture": [{"path": "/fsx/data/x", "weight": 1e308}]}}, "weight"),
    ("empty-image", {"image": ""}, "spec.image"),
    # Treated as unset (the recipe's instance type) before; now refused like an empty image.
    ("empty-instance", {"resources": {"instanceType": ""}}, "spec.resources.instanceType"),
    ("bare-instance", {"resources": {"instanceType": "trn1.32xlarge"}}, "spec.resources.instanceType"),
    ("upper-image", {"image": "UPPER CASE !!"}, "spec.image"),
    ("claim", {"storage": {"claimName": "Invalid_Name"}}, "spec.storage.claimName"),
    ("tensorboard", {"storage": {"tensorboardDir": "tb/relative"}}, "spec.storage.tensorboardDir"),
    ("s3-space", {"data": {"train": {"path": "s3://bucket with space/x"}}}, "spec.data.train.path"),
    ("https", {**SAGEMAKER, "sagemaker": {"outputS3Uri": "https://bucket/x"}}, "outputS3Uri"),
    ("s3-upper", {**SAGEMAKER, "sagemaker": {"outputS3Uri": "s3://UPPER_bad/"}}, "outputS3Uri"),
    (
        "sg",
        {
            **SAGEMAKER,
            "sagemaker": {"vpcConfig": {"subnets": ["subnet-0a1b2c3d"], "securityGroupIds": ["not-an-sg"]}},
        },
        "securityGroupIds",
    ),
    ("volume", {**SAGEMAKER, "sagemaker": {"volumeSizeGb": 10**9}}, "spec.sagemaker.volumeSizeGb"),
]


@pytest.mark.parametrize(("case", "spec", "field"), CANNOT_RUN, ids=[c for c, _, _ in CANNOT_RUN])
def test_what_cannot_run_is_refused_at_admission(
    testbed, custom_objects, namespace, case, spec, field
) -> None:
    message = _submit(custom_objects, namespace, case, spec)
    assert message is not None and field in message, message


def test_override_values_are_bounded_by_the_recipe_schema(operator, custom_objects, namespace) -> None:
    cases = {
        "rank": ({"lora.rank": 10**10}, "less than or equal to 1024"),
        "lr": ({"optimizer.learningRate": 1e308}, "less than or equal to 1"),
        "null": ({"lora.rank": None}, "lora.rank"),
    }
    for name, (overrides, _) in cases.items():
        create_job(custom_objects, namespace, job_manifest(name, recipe={"overrides": overrides}))
    for name, (_, message) in cases.items():
        failed = condition(wait_phase(custom_objects, namespace, name, "Failed", timeout=20), "Failed")
        assert failed is not None and failed["reason"] == "InvalidSpec"
        assert message in failed["message"], failed["message"]


# --- issue 20, item 1: a tenant's recipe -------------------------------------------------------------


def tenant_client(api_client, core_v1, namespace: str, tmp_path) -> client.CustomObjectsApi:
    """A namespace admin's client: a ServiceAccount of the namespace that may write the namespace's
    FineTuneJobs and FineTuneRecipes, and nothing else."""
    rbac = client.RbacAuthorizationV1Api(api_client)
    core_v1.create_namespaced_service_account(namespace, {"metadata": {"name": "tenant"}})
    rule = {
        "apiGroups": [GROUP],
        "resources": ["finetunejobs", "finetunerecipes"],
        "verbs": ["create", "get", "list", "watch"],
    }
    rbac.create_namespaced_role(namespace, {"metadata": {"name": "tenant"}, "rules": [rule]})
    rbac.create_namespaced_role_binding(
        namespace,
        {
            "metadata": {"name": "tenant"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "tenant"},
            "subjects": [{"kind": "ServiceAccount", "name": "tenant", "namespace": namespace}],
        },
    )
    token = core_v1.create_namespaced_service_account_token(
        "tenant", namespace, {"spec": {"audiences": [], "expirationSeconds": 600}}
    ).status.token
    kubeconfig = token_kubeconfig(api_client, token, tmp_path / "tenant.kubeconfig")
    return client.CustomObjectsApi(config.new_client_from_config(kubeconfig))


def tenant_recipe(name: str, nodes: int) -> dict[str, Any]:
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneRecipe",
        "metadata": {"name": name},
        "spec": {
            "model": "llama-3.2-1b",
            "method": "lora",
            "resources": {"instanceType": "ml.trn1.32xlarge", "nodes": nodes},
        },
    }


@pytest.mark.usefixtures("own_namespace_release")  # the chart's RBAC for an operator of this namespace
def test_a_tenants_recipe_is_bounded_at_admission_and_capped_by_the_namespace(
    api_client, core_v1, custom_objects, namespace, tmp_path
) -> None:
    """The issue's recipe (nodes: 100000, 99,999 Worker replicas before) is refused by the API
    server; a recipe within the API's bounds but over the namespace's cap fails its job before
    any child exists. The operator runs with the chart's RBAC, the tenant with a Role of its own."""
    tenant = tenant_client(api_client, core_v1, namespace, tmp_path)
    with pytest.raises(ApiException) as refused:
        tenant.create_namespaced_custom_object(
            GROUP, VERSION, namespace, "finetunerecipes", tenant_recipe("flood", 100_000)
        )
    assert refused.value.status == 422, refused.value.body
    message = json.loads(refused.value.body)["message"]
    assert "spec.resources.nodes" in message and "less than or equal to 512" in message, message
    tenant.create_namespaced_custom_object(
        GROUP, VERSION, namespace, "finetunerecipes", tenant_recipe("wide", 8)
    )

    kubeconfig = service_account_kubeconfig(api_client, tmp_path / "operator.kubeconfig")
    operator = OperatorProcess(
        kubeconfig,
        namespace,
        tmp_path,
        config={"resource_limits": {namespace: {"max_nodes": 2}}, "trainer_cluster_role": TRAINER_ROLE},
    )
    operator.start()
    try:
        create_job(
            tenant, namespace, job_manifest("capped", recipe={"name": "wide", "kind": "FineTuneRecipe"})
        )
        create_job(tenant, namespace, job_manifest("within", resources={"nodes": 2}))  # selects "wide" too
        failed = condition(wait_phase(custom_objects, namespace, "capped", "Failed", timeout=30), "Failed")
        assert failed is not None and failed["reason"] == "ResourceLimitExceeded"
        assert failed["message"].startswith(
            f"recipe 'wide' resources.nodes: 8 nodes, but namespace {namespace} allows at most 2 (operator "
            f"config resource_limits['{namespace}'].max_nodes)"
        ), failed["message"]
        assert_one_event(core_v1, namespace, "capped", "ResourceLimitExceeded")
        wait_phase(custom_objects, namespace, "within", "Running")
        (child,) = pytorchjobs(custom_objects, namespace)
        assert child["metadata"]["name"] == "within-a1"
        assert child["spec"]["pytorchReplicaSpecs"]["Worker"]["replicas"] == 1
    finally:
        operator.stop()


# --- pods -------------------------------------------------------------------------------------------


def test_trainer_pods_pass_pod_security_baseline(operator, core_v1, custom_objects, namespace) -> None:
    labels = {
        "pod-security.kubernetes.io/enforce": "baseline",
        "pod-security.kubernetes.io/enforce-version": "latest",
    }
    core_v1.patch_namespace(namespace, {"metadata": {"labels": labels}})
    create_job(custom_objects, namespace, job_manifest("secure", resources={"nodes": 2}))
    wait_phase(custom_objects, namespace, "secure", "Running")
    pods = core_v1.list_namespaced_pod(
        namespace, label_selector="training.kubeflow.org/job-name=secure-a1"
    ).items
    assert len(pods) == 2
    for pod in pods:
        (container,) = pod.spec.containers
        assert pod.spec.security_context.run_as_non_root is True
        assert container.security_context.allow_privilege_escalation is False
        assert container.security_context.capabilities.drop == ["ALL"]
        assert (
            container.resources.requests["cpu"] == "120" and container.resources.limits["memory"] == "435Gi"
        )
