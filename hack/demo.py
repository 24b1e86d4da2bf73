"""`make demo`: the main job, end to end, on the embedded local cluster.

What it shows, on the real API server, scheduler, controller-manager and Kubeflow
training-operator of the local bed (kwok plays the trn1 nodes):

1. the chart installs the CRDs and the built-in recipes, as `helm install` does;
2. the operator runs in-cluster, as the chart's Deployment from the image built here, on the
   bed's real CPU node; one `FineTuneJob` (LoRA on Llama 3.1 8B, 2 trn1 nodes) is applied;
3. the operator resolves the recipe and creates the PyTorchJob, whose pods the
   training-operator creates and the scheduler binds to trn1 nodes;
4. "the trainer" reports progress and a checkpoint exactly as the real one does
   (docs/trainer-contract.md): a JSON merge patch on the job's status, authenticated
   with the token of its own pod, which the chart's admission policy lets patch only
   this job's status;
5. a worker crashes; the operator starts attempt 2 resuming from that checkpoint;
6. attempt 2 finishes and the job is Succeeded.

Pods do not really run a trainer here (no Trainium, no images): the demo plays the
trainer's part through its contract, and ends pods with kwok Stages.
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from kubernetes import client, config

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from hack import testbed as testbed_module  # noqa: E402
from hack.chart import CHART_NAMESPACE, CHART_RELEASE, install_chart  # noqa: E402
from hack.chart import DEMO_NAMESPACE as NAMESPACE  # noqa: E402
from hack.kwok import finish_pod, wait_for  # noqa: E402

JOB_FILE = REPO_ROOT / "examples" / "quickstart-lora-2-nodes.yaml"
GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"


def say(message: str) -> None:
    print(f"\n\033[1m==> {message}\033[0m", flush=True)


def kubectl(*args: str) -> None:
    layout = testbed_module.layout()
    subprocess.run([str(layout.binary("kubectl")), f"--kubeconfig={layout.kubeconfig}", *args], check=False)


def job_status(api: client.CustomObjectsApi, name: str) -> dict[str, Any]:
    return dict(api.get_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, name).get("status", {}))


def report_as_trainer(
    api_client: client.ApiClient,
    name: str,
    master: client.V1Pod,
    attempt: int,
    step: int,
    total: int,
    loss: float,
    checkpoint_step: int | None = None,
) -> None:
    """PATCH the job's status the way the trainer's rank 0 does, with the token the kubelet
    would project into the ``master`` pod (bound to it: the chart's admission policy admits
    reports only from a pod of the job being patched)."""
    core = client.CoreV1Api(api_client)
    bound_to = {"apiVersion": "v1", "kind": "Pod", "name": master.metadata.name, "uid": master.metadata.uid}
    token = core.create_namespaced_service_account_token(
        master.spec.service_account_name,
        NAMESPACE,
        {"spec": {"audiences": [], "expirationSeconds": 600, "boundObjectRef": bound_to}},
    ).status.token
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    status: dict[str, Any] = {
        "progress": {
            "attempt": attempt,
            "step": step,
            "totalSteps": total,
            "epoch": round(step / total * 3, 3),
            "loss": loss,
            "learningRate": 1e-4,
            "tokensPerSecond": 18500.0,
            "updatedAt": now,
        }
    }
    if checkpoint_step is not None:
        status["checkpoint"] = {
            "latest": {
                "path": f"/fsx/finetune/{NAMESPACE}/{name}/checkpoints/step-{checkpoint_step:08d}",
                "step": checkpoint_step,
                "attempt": attempt,
                "time": now,
            }
        }
    configuration = api_client.configuration
    request = urllib.request.Request(
        f"{configuration.host}/apis/{GROUP}/{VERSION}/namespaces/{NAMESPACE}/{PLURAL}/{name}/status",
        data=json.dumps({"status": status}).encode(),
        method="PATCH",
        headers={"Content-Type": "application/merge-patch+json", "Authorization": f"Bearer {token}"},
    )
    context = ssl.create_default_context(cafile=configuration.ssl_ca_cert)
    with urllib.request.urlopen(request, context=context, timeout=10) as response:
        assert response.status == 200


def master_of(pods: list[client.V1Pod]) -> client.V1Pod:
    return next(p for p in pods if p.metadata.name.endswith("-master-0"))


def attempt_pods(core: client.CoreV1Api, child: str) -> list[client.V1Pod] | None:
    pods = core.list_namespaced_pod(NAMESPACE, label_selector=f"training.kubeflow.org/job-name={child}").items
    return pods if pods and all(p.status.phase == "Running" for p in pods) else None


def main() -> int:
    layout = testbed_module.layout()
    kubeconfig = str(layout.kubeconfig)
    os.environ["KUBECONFIG"] = kubeconfig
    say("Installing the chart (CRDs + built-in recipes) with helm")
    install_chart(layout, kubeconfig)
    api_client = config.new_client_from_config(config_file=kubeconfig)
    core = client.CoreV1Api(api_client)
    custom = client.CustomObjectsApi(api_client)
    kubectl("get", "clusterfinetunerecipes", "-l", "finetune.dev/builtin=true")

    say(f"Preparing namespace {NAMESPACE} with its FSx claim")
    kubectl("delete", "namespace", NAMESPACE, "--ignore-not-found", "--wait=true")
    # A PV from an earlier run is Released (bound to the old claim's uid): recreate it.
    kubectl("delete", "persistentvolume", f"fsx-{NAMESPACE}", "--ignore-not-found")
    core.create_namespace({"metadata": {"name": NAMESPACE}})
    volume, claim = testbed_module.fsx_volume(NAMESPACE)
    subprocess.run(
        [str(layout.binary("kubectl")), f"--kubeconfig={kubeconfig}", "apply", "-f", "-"],
        input=json.dumps({"apiVersion": "v1", "kind": "List", "items": [volume, claim]}),
        text=True,
        check=True,
        capture_output=True,
    )

    say("What the operator will create (dry-run: finetune-operator render)")
    rendered = subprocess.run(
        [str(REPO_ROOT / ".venv" / "bin" / "finetune-operator"), "render", "-f", str(JOB_FILE)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for document in yaml.safe_load_all(rendered):
        if document:
            print(f"  {document['kind']}/{document['metadata']['name']}")

    say("The operator runs in-cluster: the chart's Deployment, from the image built here, on the real node")
    kubectl("rollout", "status", f"deployment/{CHART_RELEASE}", "-n", CHART_NAMESPACE, "--timeout=180s")
    kubectl("get", "pods", "-n", CHART_NAMESPACE, "-o", "wide")
    say(f"kubectl apply -f {JOB_FILE.relative_to(REPO_ROOT)}")
    kubectl("apply", "-f", str(JOB_FILE))
    name = yaml.safe_load(JOB_FILE.read_text())["metadata"]["name"]

    status = wait_for(
        lambda: (s := job_status(custom, name)).get("backendRef") and s,
        timeout=60,
        message="the first attempt's PyTorchJob",
    )
    child = status["backendRef"]["name"]
    print(f"  recipe {status['recipe']['name']} ({status['recipe']['hash'][:19]}...), child {child}")
    pods = wait_for(lambda: attempt_pods(core, child), timeout=60, message="running pods")
    kubectl("get", "pods", "-n", NAMESPACE, "-o", "wide")

    say("The trainer reports progress and a checkpoint (status patch with its pod's own token)")
    for step, loss in ((50, 1.92), (100, 1.41)):
        report_as_trainer(api_client, name, master_of(pods), 1, step, 300, loss, checkpoint_step=step)
    wait_for(lambda: job_status(custom, name).get("phase") == "Running", timeout=30, message="Running")
    kubectl("get", "finetunejob", name, "-n", NAMESPACE)

    say("A worker crashes (exit code 1): the operator resumes from the last checkpoint")
    worker = next(p.metadata.name for p in pods if "worker" in p.metadata.name)
    finish_pod(core, NAMESPACE, worker, 1)
    status = wait_for(
        lambda: (s := job_status(custom, name)).get("backendRef", {}).get("name") != child and s,
        timeout=90,
        message="attempt 2",
    )
    child = status["backendRef"]["name"]
    print(f"  attempt 2: {child}")
    kubectl(
        "get",
        "pytorchjob",
        child,
        "-n",
        NAMESPACE,
        "-o",
        'jsonpath={.spec.pytorchReplicaSpecs.Master.template.spec.containers[0].command}{"\\n"}',
    )

    pods = wait_for(lambda: attempt_pods(core, child), timeout=60, message="attempt 2 pods")
    report_as_trainer(api_client, name, master_of(pods), 2, 300, 300, 0.87, checkpoint_step=300)
    say("Attempt 2 finishes")
    # Workers first: the master's success ends the PyTorchJob, whose cleanup may delete the workers.
    for pod in sorted(pods, key=lambda p: p.metadata.name.endswith("-master-0")):
        finish_pod(core, NAMESPACE, pod.metadata.name, 0)
    kubectl("wait", "--for=condition=Succeeded", f"finetunejob/{name}", "-n", NAMESPACE, "--timeout=90s")
    kubectl("get", "finetunejob", name, "-n", NAMESPACE)
    status = job_status(custom, name)
    print(
        yaml.safe_dump(
            {k: status.get(k) for k in ("phase", "attempts", "checkpoint", "output")}, sort_keys=False
        )
    )
    kubectl(
        "get",
        "events",
        "-n",
        NAMESPACE,
        "--field-selector",
        f"involvedObject.name={name}",
        "--sort-by=.lastTimestamp",
    )
    say(f"The operator's log: kubectl logs -n {CHART_NAMESPACE} deployment/{CHART_RELEASE}")
    say(
        "Done. The bed keeps running: KUBECONFIG=$(make -s cluster-kubeconfig); `make cluster-down` stops it."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
