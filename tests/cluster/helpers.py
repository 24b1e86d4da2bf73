"""Helpers shared by the cluster test modules, so that no test module imports another.

- FineTuneJobs and their PyTorchJobs: create, read, wait for a phase, check Events and conditions;
- the bed's kubectl, as the test's admin;
- a second release of the chart (its ServiceAccount's token and trainer ClusterRole), for tests
  that act with only the chart's RBAC (its fixture is `own_namespace_release` in conftest.py);
- the trainers' identity: a token of `finetune-trainer`, bound to a pod as the kubelet binds one;
- the SageMaker backend against moto: the operator's config and the fake credentials.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

from hack.kwok import wait_for
from kubernetes import client, config

from tests.cluster.tokens import token_kubeconfig
from tests.sagemaker_fixtures import ACCOUNT_ID, REGION, MotoSageMaker

# --- FineTuneJobs -------------------------------------------------------------------------------

GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"


def create_job(custom_objects, namespace: str, manifest: dict[str, Any]) -> dict[str, Any]:
    """Create ``manifest`` in ``namespace``; ``{namespace}`` in its paths becomes the namespace (the
    platform's default read roots are per namespace: /fsx/data/<namespace>)."""
    body = json.loads(json.dumps(manifest).replace("{namespace}", namespace))
    return custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, body)


def get_job(custom_objects, namespace: str, name: str) -> dict[str, Any]:
    return custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, name)


def pytorchjobs(custom_objects, namespace: str) -> list[dict[str, Any]]:
    items = custom_objects.list_namespaced_custom_object("kubeflow.org", "v1", namespace, "pytorchjobs")[
        "items"
    ]
    return sorted(items, key=lambda o: o["metadata"]["name"])


def phase(custom_objects, namespace: str, name: str) -> str | None:
    return (get_job(custom_objects, namespace, name).get("status") or {}).get("phase")


def wait_phase(
    custom_objects, namespace: str, name: str, expected: str, timeout: float = 60.0
) -> dict[str, Any]:
    try:
        wait_for(
            lambda: phase(custom_objects, namespace, name) == expected,
            timeout=timeout,
            message=f"{name} to reach phase {expected}",
        )
    except AssertionError as timed_out:
        status = get_job(custom_objects, namespace, name).get("status") or {}
        raise AssertionError(f"{timed_out}; its status then: {json.dumps(status)}") from None
    return get_job(custom_objects, namespace, name)


def running_pods(core_v1, namespace: str, pytorchjob: str) -> list[Any]:
    pods = core_v1.list_namespaced_pod(
        namespace, label_selector=f"training.kubeflow.org/job-name={pytorchjob}"
    ).items
    return [p for p in pods if p.status.phase == "Running" and p.metadata.deletion_timestamp is None]


def assert_one_event(core_v1, namespace: str, name: str, reason: str) -> None:
    """The job got exactly one Event, ``reason``: failed once, no retry storm."""

    def reasons() -> list[str]:
        events = core_v1.list_namespaced_event(namespace, field_selector=f"involvedObject.name={name}")
        return [e.reason for e in events.items]

    # kopf posts Events asynchronously: wait for the first, then make sure no more follow.
    wait_for(reasons, timeout=30, message=f"the {reason} Event")
    time.sleep(3)
    assert reasons() == [reason]


def condition(job: dict[str, Any], type_: str) -> dict[str, Any] | None:
    return next((c for c in (job.get("status") or {}).get("conditions", []) if c["type"] == type_), None)


# --- the bed's kubectl --------------------------------------------------------------------------


def kubectl(testbed, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(testbed.binary("kubectl")), f"--kubeconfig={testbed.kubeconfig}", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- a second release of the chart, acting with its own RBAC ----------------------------------

RELEASE = "finetune-operator-rbac"
"""A release name holding the chart's name, so its objects are named after the release alone."""
RELEASE_NAMESPACE = "finetune-rbac-system"
TRAINER_ROLE = f"{RELEASE}-trainer"


def service_account_kubeconfig(api_client, path: Path) -> str:
    from kubernetes import client

    token = (
        client.CoreV1Api(api_client)
        .create_namespaced_service_account_token(
            RELEASE, RELEASE_NAMESPACE, {"spec": {"audiences": [], "expirationSeconds": 3600}}
        )
        .status.token
    )
    return token_kubeconfig(api_client, token, path)


# --- the trainers' identity ----------------------------------------------------------------------

TRAINER = "finetune-trainer"


def pod_of(core_v1, namespace: str, pytorchjob: str) -> Any:
    return wait_for(
        lambda: next(
            iter(
                core_v1.list_namespaced_pod(
                    namespace, label_selector=f"training.kubeflow.org/job-name={pytorchjob}"
                ).items
            ),
            None,
        ),
        message=f"a pod of {pytorchjob}",
    )


def trainer_client(api_client, core_v1, namespace: str, tmp_path, pod: Any | None) -> client.CustomObjectsApi:
    """A client holding the trainer identity's token, bound to ``pod`` like a projected token."""
    spec: dict[str, Any] = {"audiences": [], "expirationSeconds": 600}
    if pod is not None:
        spec["boundObjectRef"] = {
            "apiVersion": "v1",
            "kind": "Pod",
            "name": pod.metadata.name,
            "uid": pod.metadata.uid,
        }
    token = core_v1.create_namespaced_service_account_token(TRAINER, namespace, {"spec": spec}).status.token
    kubeconfig = tmp_path / f"trainer-{pod.metadata.name if pod else 'unbound'}.kubeconfig"
    return client.CustomObjectsApi(
        config.new_client_from_config(token_kubeconfig(api_client, token, kubeconfig))
    )


# --- the SageMaker backend against moto -----------------------------------------------------------

DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "NO_PROXY": "127.0.0.1,localhost",
}


def operator_config(moto: MotoSageMaker, **sagemaker: Any) -> dict[str, Any]:
    return {
        "sagemaker": {
            "region": REGION,
            "endpoint_url": moto.endpoint_url,
            "role_allowlist": [f"arn:aws:iam::{ACCOUNT_ID}:role/finetune-*"],
            "s3_prefix": "s3://ml-artifacts/finetune",
            "allowed_s3_prefixes": {"*": ["s3://ml-data/", "s3://ml-models/", "s3://ml-code/"]},
            "trainer_image": f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/finetune-trainer:0.1.0",
            "poll_interval_seconds": 1.0,
            "fast_poll_interval_seconds": 0.3,
            **sagemaker,
        },
    }
