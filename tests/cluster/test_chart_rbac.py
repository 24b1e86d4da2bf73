"""The chart's RBAC is enough to run a job end to end, and no wider than that.

Every other cluster test runs the operator with the bed's admin identity; these use a token of
the ServiceAccount a release of the chart creates, so a permission the operator needs but the
chart lacks fails here (403), not in a user's cluster, and so does an escalation a tenant
holding that token would try. Each test installs its own release (no CRDs, no recipes: the bed's
release has them) watching its own namespace, or every namespace; that release's operator pod
is pinned to a node that does not exist, so only the operator started here acts.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from hack.chart import chart_values, install_release, uninstall_release
from hack.kwok import finish_pod, wait_for
from hack.operator_process import OperatorProcess

from tests.cluster.helpers import (
    GROUP,
    RELEASE,
    RELEASE_NAMESPACE,
    TRAINER_ROLE,
    VERSION,
    service_account_kubeconfig,
)


def test_operator_runs_a_job_with_only_the_charts_rbac(
    own_namespace_release, api_client, core_v1, custom_objects, namespace, tmp_path
):
    kubeconfig = service_account_kubeconfig(api_client, tmp_path / "operator.kubeconfig")
    operator = OperatorProcess(kubeconfig, namespace, tmp_path, config={"trainer_cluster_role": TRAINER_ROLE})
    operator.start()

    def create_job(name: str, **spec: object) -> None:
        body = {"apiVersion": f"{GROUP}/{VERSION}", "kind": "FineTuneJob", "metadata": {"name": name}}
        custom_objects.create_namespaced_custom_object(
            GROUP, VERSION, namespace, "finetunejobs", {**body, "spec": spec}
        )

    try:
        create_job(
            "rbac",
            model={"name": "llama-3.2-1b"},
            method="lora",
            data={"train": {"path": f"/fsx/data/{namespace}/train.jsonl"}},
        )

        def pods():
            items = core_v1.list_namespaced_pod(
                namespace, label_selector="training.kubeflow.org/job-name=rbac-a1"
            ).items
            return items if items and all(p.status.phase == "Running" for p in items) else None

        for pod in wait_for(pods, timeout=60, message="attempt 1 running"):
            finish_pod(core_v1, namespace, pod.metadata.name, 0)

        def phase() -> str | None:
            job = custom_objects.get_namespaced_custom_object(
                GROUP, VERSION, namespace, "finetunejobs", "rbac"
            )
            return (job.get("status") or {}).get("phase")

        wait_for(lambda: phase() == "Succeeded", timeout=60, message="Succeeded")

        def reasons() -> set[str]:
            events = core_v1.list_namespaced_event(namespace, field_selector="involvedObject.name=rbac").items
            return {e.reason for e in events}

        # Events are posted asynchronously (and, here, with the chart's RBAC too).
        wait_for(lambda: {"Submitted", "Succeeded"} <= reasons(), timeout=30, message="Events")

        # The trainer identity it created binds the release's trainer ClusterRole, and nothing else.
        from kubernetes import client

        binding = client.RbacAuthorizationV1Api(api_client).read_namespaced_role_binding(
            "finetune-trainer", namespace
        )
        assert (binding.role_ref.kind, binding.role_ref.name) == ("ClusterRole", TRAINER_ROLE)

        # A GRPO job: the operator reads the ConfigMap its reward comes from (get, not list).
        core_v1.create_namespaced_config_map(
            namespace,
            {"metadata": {"name": "rewards"}, "data": {"reward.py": "def r(prompt, completion, **f):\n"}},
        )
        reward = {"name": "r", "function": "r", "configMap": {"name": "rewards", "key": "reward.py"}}
        create_job(
            "rbac-grpo",
            model={"name": "tiny-llama"},
            method="grpo-lora",
            data={"train": {"path": f"/fsx/data/{namespace}/math.jsonl"}},
            rewards=[reward],
        )
        wait_for(
            lambda: custom_objects.list_namespaced_custom_object(
                "kubeflow.org", "v1", namespace, "pytorchjobs", label_selector="finetune.dev/job=rbac-grpo"
            )["items"],
            timeout=60,
            message="the grpo job's PyTorchJob",
        )
    finally:
        operator.stop()
    log = operator.log_path.read_text()
    assert "Forbidden" not in log and " 403" not in log, log[-3000:]


def binding(
    namespace: str, role_kind: str, role: str, subject_namespace: str | None = None
) -> dict[str, Any]:
    """A RoleBinding a holder of the operator's token might try to write."""
    return {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "RoleBinding",
        "metadata": {"name": "finetune-trainer", "namespace": namespace},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role},
        "subjects": [
            {
                "kind": "ServiceAccount",
                "name": "finetune-trainer",
                "namespace": subject_namespace or namespace,
            }
        ],
    }


def server_dry_run(testbed, kubeconfig: str, document: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    """``kubectl create --dry-run=server`` with the token: RBAC and admission decide, nothing is stored."""
    return subprocess.run(
        [
            str(testbed.binary("kubectl")),
            f"--kubeconfig={kubeconfig}",
            "create",
            "--dry-run=server",
            "-f",
            "-",
        ],
        input=json.dumps(document),
        text=True,
        capture_output=True,
    )


def escalations(namespace: str) -> dict[str, dict[str, Any]]:
    """What issue 20 found the operator's token could do, and what it must never do."""
    return {
        "bind the operator's own ClusterRole in kube-system": binding("kube-system", "ClusterRole", RELEASE),
        "bind cluster-admin in a watched namespace": binding(namespace, "ClusterRole", "cluster-admin"),
        "bind the operator's own ClusterRole in a watched namespace": binding(
            namespace, "ClusterRole", RELEASE
        ),
        "bind its namespaced ClusterRole in a watched namespace": binding(
            namespace, "ClusterRole", f"{RELEASE}-namespaced"
        ),
        "bind the trainer role to another namespace's account": binding(
            namespace, "ClusterRole", TRAINER_ROLE, subject_namespace="kube-system"
        ),
        "create a Role": {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "Role",
            "metadata": {"name": "finetune-trainer", "namespace": namespace},
            "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}],
        },
    }


@pytest.mark.parametrize("mode", ["a list of namespaces", "every namespace"])
def test_the_operators_token_cannot_escalate(testbed, api_client, namespace, tmp_path, mode):
    """Server dry runs with the token of the chart's ServiceAccount, as a tenant holding it would
    try: each escalation is refused (403, by RBAC or the chart's operator-bindings policy),
    while the one binding the operator needs, the trainer's, is admitted where it watches."""
    values = chart_values()
    watched = [namespace] if mode == "a list of namespaces" else []
    values["config"] = {**values["config"], "namespaces": watched}
    values["nodeSelector"] = {"finetune.dev/no-such-node": "true"}
    install_release(testbed.layout, testbed.kubeconfig, RELEASE, RELEASE_NAMESPACE, values)
    try:
        kubeconfig = service_account_kubeconfig(api_client, tmp_path / "operator.kubeconfig")
        # The API server loads admission policies asynchronously: wait until the release's is in
        # force, with an escalation only it refuses (RBAC admits it).
        canary = binding(namespace, "ClusterRole", RELEASE)
        wait_for(
            lambda: "Forbidden" in server_dry_run(testbed, kubeconfig, canary).stderr,
            timeout=30,
            message="the operator-bindings policy in force",
        )
        for what, document in escalations(namespace).items():
            result = server_dry_run(testbed, kubeconfig, document)
            assert result.returncode != 0 and "Forbidden" in result.stderr, f"{what}: {result.stdout}"
        trainer = server_dry_run(testbed, kubeconfig, binding(namespace, "ClusterRole", TRAINER_ROLE))
        assert trainer.returncode == 0, trainer.stderr
        elsewhere = server_dry_run(testbed, kubeconfig, binding("kube-system", "ClusterRole", TRAINER_ROLE))
        if watched:
            # Not a namespace it watches: it may not even write a trainer binding there.
            assert elsewhere.returncode != 0 and "Forbidden" in elsewhere.stderr, elsewhere.stdout
        else:
            assert elsewhere.returncode == 0, elsewhere.stderr
    finally:
        uninstall_release(testbed.layout, testbed.kubeconfig, RELEASE, RELEASE_NAMESPACE)
