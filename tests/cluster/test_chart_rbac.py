"""The chart's RBAC is enough to run a job end to end.

Every other cluster test runs the operator with the bed's admin identity; this one runs
it with a token of the ServiceAccount the chart creates, so a permission the operator
needs but the chart's ClusterRole lacks fails here (403), not in a user's cluster.
"""

from __future__ import annotations

from pathlib import Path

from hack.chart import CHART_NAMESPACE, CHART_RELEASE
from hack.kwok import finish_pod, wait_for
from hack.operator_process import OperatorProcess

from tests.cluster.tokens import token_kubeconfig

GROUP, VERSION = "finetune.dev", "v1alpha1"


def service_account_kubeconfig(api_client, path: Path) -> str:
    from kubernetes import client

    token = (
        client.CoreV1Api(api_client)
        .create_namespaced_service_account_token(
            CHART_RELEASE, CHART_NAMESPACE, {"spec": {"audiences": [], "expirationSeconds": 3600}}
        )
        .status.token
    )
    return token_kubeconfig(api_client, token, path)


def test_operator_runs_a_job_with_only_the_charts_rbac(
    api_client, core_v1, custom_objects, namespace, tmp_path
):
    kubeconfig = service_account_kubeconfig(api_client, tmp_path / "operator.kubeconfig")
    operator = OperatorProcess(kubeconfig, namespace, tmp_path)
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
