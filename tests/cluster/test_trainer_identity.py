"""The trainers' identity: one per namespace, and each pod may report only for its own job.

The operator creates the ServiceAccount and RoleBinding `finetune-trainer` (to the chart's
trainer ClusterRole) on a namespace's first job and puts them back when someone deletes them;
the chart's
ValidatingAdmissionPolicy admits a status patch by that identity only from a token bound
to a pod of the patched job. Tokens here are minted with the TokenRequest API exactly as
the kubelet does for a pod's projected token (bound to the pod's name and uid).
"""

from __future__ import annotations

from typing import Any

import pytest
from hack.kwok import wait_for
from hack.manifests import job_manifest
from kubernetes import client
from kubernetes.client.exceptions import ApiException

from tests.cluster.helpers import (
    GROUP,
    PLURAL,
    TRAINER,
    VERSION,
    create_job,
    pod_of,
    trainer_client,
    wait_phase,
)


def report(api: client.CustomObjectsApi, namespace: str, job: str, step: int, **progress: Any) -> None:
    body = {"status": {"progress": {"attempt": 1, "step": step, **progress}}}
    api.patch_namespaced_custom_object_status(GROUP, VERSION, namespace, PLURAL, job, body)


def test_one_identity_per_namespace_and_reports_only_for_the_own_job(
    operator,
    api_client,
    core_v1,
    custom_objects,
    namespace,
    tmp_path,
) -> None:
    # "foo-ab" shares a prefix with "foo": its pods (foo-ab-a1-...) must not pass as foo's.
    for name in ("foo", "foo-ab"):
        create_job(custom_objects, namespace, job_manifest(name))
    for name in ("foo", "foo-ab"):
        wait_phase(custom_objects, namespace, name, "Running")
    accounts = core_v1.list_namespaced_service_account(
        namespace, label_selector="app.kubernetes.io/component=trainer-identity"
    ).items
    assert [a.metadata.name for a in accounts] == [TRAINER]
    foo_pod = pod_of(core_v1, namespace, "foo-a1")
    assert foo_pod.spec.service_account_name == TRAINER

    as_foo = trainer_client(api_client, core_v1, namespace, tmp_path, foo_pod)
    report(as_foo, namespace, "foo", 7, reward=0.625)  # a GRPO trainer reports its mean reward too
    job = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "foo")
    assert job["status"]["progress"]["step"] == 7
    assert job["status"]["progress"]["reward"] == 0.625

    with pytest.raises(ApiException) as denied:
        report(as_foo, namespace, "foo-ab", 7)
    assert denied.value.status == 403
    assert f"pod {foo_pod.metadata.name} is not part of FineTuneJob foo-ab" in denied.value.body

    unbound = trainer_client(api_client, core_v1, namespace, tmp_path, None)
    with pytest.raises(ApiException) as denied:
        report(unbound, namespace, "foo", 8)
    assert denied.value.status == 403
    assert "the token is not bound to a pod" in denied.value.body


def test_a_deleted_identity_is_put_back(
    operator,
    api_client,
    core_v1,
    custom_objects,
    namespace,
) -> None:
    create_job(custom_objects, namespace, job_manifest("first"))
    wait_phase(custom_objects, namespace, "first", "Running")
    rbac = client.RbacAuthorizationV1Api(api_client)
    old_uid = core_v1.read_namespaced_service_account(TRAINER, namespace).metadata.uid
    core_v1.delete_namespaced_service_account(TRAINER, namespace)
    rbac.delete_namespaced_role_binding(TRAINER, namespace)

    def restored() -> bool:
        try:
            account = core_v1.read_namespaced_service_account(TRAINER, namespace)
            rbac.read_namespaced_role_binding(TRAINER, namespace)
        except ApiException as err:
            if err.status == 404:
                return False
            raise
        return account.metadata.uid != old_uid

    wait_for(restored, timeout=30, message="the trainer identity to be re-created")
    # and a later job in the namespace still starts with it
    create_job(custom_objects, namespace, job_manifest("second"))
    wait_phase(custom_objects, namespace, "second", "Running")
