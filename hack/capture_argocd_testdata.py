"""Captures the Argo CD test data: `kubectl get -o yaml` of FineTuneJobs in every phase, on the bed.

    KUBECONFIG=$(make -s cluster-kubeconfig) .venv/bin/python hack/capture_argocd_testdata.py

Runs the operator against a scratch namespace of the running bed, drives one job into each
phase the way the cluster tests do (kwok ends pods; progress and checkpoints are sent as the
trainer's rank 0 sends them, built by the trainer's own `build_status_patch`), and writes each
object into argocd/resource_customizations/finetune.dev/FineTuneJob/testdata/. The actions'
expected outputs (actions/testdata/) are those objects with the action's one change.

Only deletion-blocked.yaml is staged: the operator blocks deletes only of cloud (SageMaker)
attempts it cannot reach, so the script holds a running job in deletion with a finalizer of its
own and writes the DeletionBlocked condition through the status subresource with the SageMaker
backend's message.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from kubernetes import client, config

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [
    str(REPO),
    str(REPO / "operator"),
    str(REPO / "trainer-images" / "trainer" / "src"),
    str(REPO / "trainer-images" / "contract" / "src"),
]

from hack import testbed as testbed_module  # noqa: E402
from hack.chart import install_chart  # noqa: E402
from hack.kwok import finish_pod  # noqa: E402
from hack.manifests import job_manifest  # noqa: E402
from hack.operator_process import OperatorProcess  # noqa: E402

from finetune_trainer.progress import (  # noqa: E402
    CheckpointReport,
    StepReport,
    build_status_patch,
    estimate_completion,
)

FINETUNEJOB = REPO / "argocd" / "resource_customizations" / "finetune.dev" / "FineTuneJob"
GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"
HOLD = "finetune.dev/argocd-testdata-hold"
"""Holds deletion-blocked.yaml in deletion: the operator's own finalizer is for cloud attempts only."""


class Capture:
    def __init__(self, kubeconfig: str, namespace: str) -> None:
        self.kubeconfig = kubeconfig
        self.namespace = namespace
        api = config.new_client_from_config(config_file=kubeconfig)
        self.jobs = client.CustomObjectsApi(api)
        self.core = client.CoreV1Api(api)
        self.kubectl = str(testbed_module.layout().binary("kubectl"))

    def create(self, name: str, **spec: Any) -> None:
        """``{namespace}`` in the manifest's paths becomes the namespace (the platform's default
        read roots are per namespace), as the cluster tests' ``create_job`` does."""
        manifest = json.loads(json.dumps(job_manifest(name, **spec)).replace("{namespace}", self.namespace))
        self.jobs.create_namespaced_custom_object(GROUP, VERSION, self.namespace, PLURAL, manifest)

    def get(self, name: str) -> dict[str, Any]:
        return dict(self.jobs.get_namespaced_custom_object(GROUP, VERSION, self.namespace, PLURAL, name))

    def wait(self, what: str, check: Callable[[], bool], timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            time.sleep(0.5)

    def wait_phase(self, name: str, phase: str) -> None:
        self.wait(f"{name} {phase}", lambda: (self.get(name).get("status") or {}).get("phase") == phase)

    def pods(self, attempt_name: str, replica: str | None = None) -> list[Any]:
        selector = f"training.kubeflow.org/job-name={attempt_name}"
        if replica:
            selector += f",training.kubeflow.org/replica-type={replica}"
        pods = self.core.list_namespaced_pod(self.namespace, label_selector=selector).items
        return [p for p in pods if p.status.phase == "Running" and not p.metadata.deletion_timestamp]

    def end_master(self, attempt_name: str, exit_code: int) -> None:
        self.wait(f"{attempt_name} master running", lambda: bool(self.pods(attempt_name, "master")))
        finish_pod(self.core, self.namespace, self.pods(attempt_name, "master")[0].metadata.name, exit_code)

    def report(self, name: str, attempt: int, step: int, total: int, checkpoint_step: int | None) -> None:
        """What the trainer's rank 0 sends: a step report 40 s after the attempt's first one."""
        now = time.time()
        first = StepReport(attempt, step // 2, total, 0.0, 1.9, 2e-4, 18000.0, now - 40)
        report = StepReport(attempt, step, total, step / total, 1.234, 2e-4, 18500.0, now)
        report = dataclasses.replace(report, estimated_completion=estimate_completion(first, report))
        checkpoint = None
        if checkpoint_step is not None:
            path = f"/fsx/finetune/{self.namespace}/{name}/checkpoints/step-{checkpoint_step:08d}"
            checkpoint = CheckpointReport(path, checkpoint_step, attempt, now - 5)
        self.jobs.patch_namespaced_custom_object_status(
            GROUP, VERSION, self.namespace, PLURAL, name, build_status_patch(report, checkpoint)
        )

    def condition(self, name: str, condition_type: str) -> str | None:
        """The status of the job's condition of that type, if it has one."""
        conditions = (self.get(name).get("status") or {}).get("conditions") or []
        return next((c.get("status") for c in conditions if c.get("type") == condition_type), None)

    def save(self, name: str, filename: str) -> dict[str, Any]:
        text = subprocess.run(
            [
                self.kubectl,
                f"--kubeconfig={self.kubeconfig}",
                "-n",
                self.namespace,
                "get",
                "finetunejob",
                name,
                "-o",
                "yaml",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (FINETUNEJOB / "testdata" / filename).write_text(text)
        print(f"captured {filename}")
        return dict(yaml.safe_load(text))

    def delete(self, name: str) -> None:
        """Frees the trn1 nodes for the next job: the bed has four."""
        self.jobs.delete_namespaced_custom_object(GROUP, VERSION, self.namespace, PLURAL, name)
        self.wait(
            f"{name} deleted",
            lambda: (
                name
                not in {
                    j["metadata"]["name"]
                    for j in self.jobs.list_namespaced_custom_object(GROUP, VERSION, self.namespace, PLURAL)[
                        "items"
                    ]
                }
            ),
        )
        self.wait(
            f"{name}'s pods gone",
            lambda: (
                not self.core.list_namespaced_pod(
                    self.namespace, label_selector=f"finetune.dev/job={name}"
                ).items
            ),
        )

    def cordon(self, unschedulable: bool) -> None:
        for node in self.core.list_node().items:
            if node.metadata.name.startswith("hyperpod-i-trn1-"):
                self.core.patch_node(node.metadata.name, {"spec": {"unschedulable": unschedulable}})


def save_action_output(obj: dict[str, Any], suspend: bool, filename: str) -> None:
    changed = {**obj, "spec": {**obj["spec"], "suspend": suspend}}
    path = FINETUNEJOB / "actions" / "testdata" / filename
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(changed, sort_keys=False))
    print(f"wrote actions/testdata/{filename}")


def capture_all(cap: Capture, operator: OperatorProcess) -> None:
    cap.create("new")
    cap.save("new", "new.yaml")
    cap.create(
        "new-sagemaker",
        backend="sagemaker",
        model={"name": "nova-lite"},
        method="sft",
        data={"format": "bedrock-conversation", "train": {"path": "s3://team-a-ml-data/train.jsonl"}},
    )
    cap.save("new-sagemaker", "new-sagemaker.yaml")
    cap.jobs.delete_namespaced_custom_object(GROUP, VERSION, cap.namespace, PLURAL, "new-sagemaker")
    operator.start()

    cap.create("submitted", resources={"nodes": 8})  # 4 trn1 nodes on the bed: pods stay Pending
    cap.wait_phase("submitted", "Submitted")
    cap.save("submitted", "submitted.yaml")
    cap.delete("submitted")

    cap.create("blocked", storage={"claimName": "missing-claim"})
    cap.wait(
        "blocked: condition AttemptBlocked", lambda: cap.condition("blocked", "AttemptBlocked") == "True"
    )
    cap.save("blocked", "blocked.yaml")
    cap.delete("blocked")

    cap.create("running", resources={"nodes": 2})
    cap.wait_phase("running", "Running")
    cap.report("running", 1, 120, 1000, 100)
    running = cap.save("running", "running.yaml")
    save_action_output(running, True, "running-suspended.yaml")

    cap.jobs.patch_namespaced_custom_object(
        GROUP, VERSION, cap.namespace, PLURAL, "running", {"spec": {"suspend": True}}
    )
    cap.wait_phase("running", "Suspended")
    suspended = cap.save("running", "suspended.yaml")
    save_action_output(suspended, False, "suspended-resumed.yaml")
    cap.delete("running")

    cap.create("resuming", resume={"maxAttempts": 3})
    cap.wait_phase("resuming", "Running")
    cap.report("resuming", 1, 60, 500, 50)
    cap.cordon(True)  # attempt 2's pods cannot schedule, so the job stays Resuming
    try:
        cap.end_master("resuming-a1", 1)
        cap.wait_phase("resuming", "Resuming")
        cap.save("resuming", "resuming.yaml")
    finally:
        cap.cordon(False)
    cap.delete("resuming")

    cap.create("succeeded")
    cap.wait_phase("succeeded", "Running")
    cap.report("succeeded", 1, 1000, 1000, 1000)
    cap.end_master("succeeded-a1", 0)
    cap.wait_phase("succeeded", "Succeeded")
    cap.save("succeeded", "succeeded.yaml")
    cap.delete("succeeded")

    cap.create("failed", resume={"maxAttempts": 1})
    cap.wait_phase("failed", "Running")
    cap.report("failed", 1, 37, 1000, None)
    cap.end_master("failed-a1", 1)
    cap.wait_phase("failed", "Failed")
    cap.save("failed", "failed.yaml")
    cap.delete("failed")

    cap.create("invalid-spec", recipe={"overrides": {"optimizer.lr": 0.1}})
    cap.wait_phase("invalid-spec", "Failed")
    cap.save("invalid-spec", "invalid-spec.yaml")

    cap.create("deletion-blocked")
    cap.wait_phase("deletion-blocked", "Running")
    cap.jobs.patch_namespaced_custom_object(
        GROUP, VERSION, cap.namespace, PLURAL, "deletion-blocked", {"metadata": {"finalizers": [HOLD]}}
    )
    cap.jobs.delete_namespaced_custom_object(GROUP, VERSION, cap.namespace, PLURAL, "deletion-blocked")
    job = cap.get("deletion-blocked")
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    conditions = [
        *job["status"]["conditions"],
        {
            "type": "DeletionBlocked",
            "status": "True",
            "reason": "BackendUnreachable",
            "message": "Stopping training job deletion-blocked-a1 failed 3 time(s) (Could not connect to "
            "the endpoint URL). Retrying. To delete anyway and leave the job to AWS, annotate the "
            "FineTuneJob finetune.dev/release-finalizer=true.",
            "lastTransitionTime": stamp,
            "observedGeneration": job["metadata"]["generation"],
        },
    ]
    cap.jobs.patch_namespaced_custom_object_status(
        GROUP, VERSION, cap.namespace, PLURAL, "deletion-blocked", {"status": {"conditions": conditions}}
    )
    cap.save("deletion-blocked", "deletion-blocked.yaml")
    cap.jobs.patch_namespaced_custom_object(
        GROUP, VERSION, cap.namespace, PLURAL, "deletion-blocked", {"metadata": {"finalizers": None}}
    )


def main() -> None:
    layout = testbed_module.layout()
    kubeconfig = str(layout.kubeconfig)
    install_chart(layout, kubeconfig)
    namespace = f"argocd-testdata-{uuid.uuid4().hex[:5]}"
    cap = Capture(kubeconfig, namespace)
    cap.core.create_namespace({"metadata": {"name": namespace}})
    volume, claim = testbed_module.fsx_volume(namespace)
    cap.core.create_persistent_volume(volume)
    cap.core.create_namespaced_persistent_volume_claim(namespace, claim)
    with tempfile.TemporaryDirectory() as workdir:
        operator = OperatorProcess(kubeconfig, namespace, Path(workdir))
        try:
            capture_all(cap, operator)
        finally:
            # The operator stays up until the namespace is gone: it removes the jobs' finalizers.
            cap.core.delete_namespace(namespace)
            cap.wait(
                f"namespace {namespace} deleted",
                lambda: not any(n.metadata.name == namespace for n in cap.core.list_namespace().items),
                timeout=120,
            )
            operator.stop()
            cap.core.delete_persistent_volume(volume["metadata"]["name"])


if __name__ == "__main__":
    main()
