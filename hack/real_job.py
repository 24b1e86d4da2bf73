"""FineTuneJobs that really train, on the bed's real node: shared by `make demo`, bench/e2e.py and
the real-node tests (tests/cluster/test_real_training.py).

Everything here is what a user or a platform team does, never a component's part: prepare a
namespace with its `fsx-claim`, put a model and data on the shared file system, `kubectl apply`
a FineTuneJob, read its status, and crash a trainer with `kubectl exec`. The operator (in-cluster,
installed by the chart), the training-operator, the kubelet and the trainer do the rest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from hack import tiny_model
from hack.chart import CHART_RELEASE, chart_values, install_chart
from hack.testbed.kueue import local_queue_name, priority_classes, team_queues
from hack.testbed.kwok_cluster import local_fsx_volume
from hack.testbed.layout import REPO_ROOT, Layout, layout
from hack.testbed.node import NODE_NAME
from kubernetes import client, config

from finetune_contract.constants import run_progress_file
from finetune_operator.storage import StoragePolicy

GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"
FSX_MOUNT = "/fsx"
"""Where trainer pods mount `fsx-claim` (the operator config's storage.claim_mount_path)."""
MODEL_NAME = "tiny-llama"
"""Under the operator's model_root (/fsx/models): what the tiny CPU recipe trains."""
DEMO_JOB = REPO_ROOT / "examples" / "tiny-llama-cpu-lora.yaml"
TRAIN_RECORDS, VALIDATION_RECORDS = 2000, 100
JOB_LABEL = "finetune.dev/job"
TRAINING_PROCESS = "finetune_trainer.cli"
SIGNAL_TRAINING_PROCESS = f"""
import os, signal, sys
mine = os.getpid()
sent = getattr(signal, sys.argv[1])
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        argv = open(f"/proc/{{pid}}/cmdline", "rb").read().split(b"\\0")
    except OSError:
        continue
    if int(pid) != mine and b"{TRAINING_PROCESS}" in argv:
        os.kill(int(pid), sent)
        print(sys.argv[1], pid, b" ".join(argv).decode())
"""
"""Runs inside the trainer container: sends the signal named by its argument to every training
process (the children of torchrun): SIGKILL as an out-of-memory kill or a segfault would end them,
SIGSTOP as a hang would freeze them (a rank stuck in a collective or on a dead mount)."""

POD_SECURITY_LABELS = {
    "pod-security.kubernetes.io/enforce": "baseline",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/audit": "restricted",
}
"""The Pod Security levels of the namespaces whose jobs really train (docs/security.md). Not
`enforce: restricted`: the training-operator gives every Worker pod its init container
`init-pytorch`, with no securityContext, so restricted would refuse every Worker pod (the
trainer containers themselves pass it: tests/cluster/test_real_training.py)."""
FSX_WRITE_ROOTS = ("finetune", "neuron_cache")
"""Where pods write on the file system (the operator config's write root and compile cache)."""

T = TypeVar("T")


LEFT_BEHIND_KINDS = ",".join(
    (
        "pytorchjobs.kubeflow.org",
        "workloads.kueue.x-k8s.io",
        "jobs.batch",
        "pods",
        "services",
        "configmaps",
        "secrets",
        "events",
    )
)
"""What `empty_namespace` deletes once the jobs are gone: their children and what tests make."""


def _labels(labels: dict[str, str]) -> list[str]:
    return [f"{key}={value}" for key, value in labels.items()]


def chat_data(namespace: str) -> tuple[str, str]:
    """The demo's training and validation files, as pods see them (under the namespace's data root)."""
    return (
        f"{FSX_MOUNT}/data/{namespace}/chats/train.jsonl",
        f"{FSX_MOUNT}/data/{namespace}/chats/validation.jsonl",
    )


def test_prompts(namespace: str) -> str:
    """The demo's test prompts (spec.evaluation.prompts), as pods see them."""
    return f"{FSX_MOUNT}/data/{namespace}/chats/prompts.jsonl"


def demo_job(namespace: str, name: str) -> dict[str, Any]:
    """examples/tiny-llama-cpu-lora.yaml, in another namespace and under another name, without its
    evaluation and publishing (a test that wants them sets its own)."""
    job = yaml.safe_load(DEMO_JOB.read_text())
    job["metadata"] |= {"namespace": namespace, "name": name}
    train, validation = chat_data(namespace)
    job["spec"]["data"]["train"]["path"] = train
    job["spec"]["data"]["validation"]["path"] = validation
    job["spec"].pop("evaluation")
    job["spec"].pop("publish")
    return dict(job)


@dataclass
class RealNodeBed:
    """The bed's API (admin kubeconfig) and its real node's shared file system."""

    layout: Layout
    api_client: client.ApiClient

    @classmethod
    def connect(cls) -> RealNodeBed:
        lay = layout()
        return cls(lay, config.new_client_from_config(config_file=str(lay.kubeconfig)))

    @property
    def core(self) -> client.CoreV1Api:
        return client.CoreV1Api(self.api_client)

    @property
    def custom(self) -> client.CustomObjectsApi:
        return client.CustomObjectsApi(self.api_client)

    def kubectl(self, *args: str, input_text: str | None = None, check: bool = True) -> str:
        result = subprocess.run(
            [str(self.layout.binary("kubectl")), f"--kubeconfig={self.layout.kubeconfig}", *args],
            input=input_text,
            capture_output=True,
            text=True,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"kubectl {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def host_path(self, path: str) -> Path:
        """Where a path a pod sees under /fsx lies on this machine (the local volume's directory)."""
        relative = Path(path).relative_to(FSX_MOUNT)
        return self.layout.fsx / relative

    def real_node_ready(self) -> None:
        node = self.core.read_node(NODE_NAME)
        if not any(c.type == "Ready" and c.status == "True" for c in node.status.conditions or []):
            raise RuntimeError(f"the real node {NODE_NAME} is not Ready: see `make cluster-status`")

    def prepare_namespace(self, namespace: str) -> None:
        """A namespace as good as new, whose `fsx-claim` is bound to the real node's local volume.

        One that exists is emptied (`empty_namespace`), not deleted and created again: the
        namespace controller takes about 10 s to delete one, and a watched namespace created again
        has lost the chart's RoleBinding, which a `helm upgrade` (its config-check pod: 10 s more)
        must bind again, as a platform team would. Each real-node test module starts here.
        """
        watched = namespace in chart_values()["config"]["namespaces"]
        if self.kubectl("get", "namespace", namespace, "--ignore-not-found", "-o", "name"):
            self.empty_namespace(namespace)
            self.kubectl("label", "--overwrite", "namespace", namespace, *_labels(POD_SECURITY_LABELS))
        else:
            self.core.create_namespace({"metadata": {"name": namespace, "labels": POD_SECURITY_LABELS}})
        if watched and not self.kubectl(
            "get", "rolebinding", CHART_RELEASE, "-n", namespace, "--ignore-not-found", "-o", "name"
        ):
            install_chart(self.layout, str(self.layout.kubeconfig))  # binds the operator there again
        self.prepare_file_system()
        claim = self.kubectl(
            "get", "persistentvolumeclaim", "fsx-claim", "-n", namespace, "--ignore-not-found",
            "-o", "jsonpath={.status.phase}/{.spec.volumeName}",
        )  # fmt: skip
        if claim != f"Bound/fsx-{namespace}":
            # A PV of an earlier run is Released (bound to the old claim's uid): recreate both.
            self.kubectl("delete", "pvc", "fsx-claim", "-n", namespace, "--ignore-not-found")
            self.kubectl("delete", "persistentvolume", f"fsx-{namespace}", "--ignore-not-found")
            volume = local_fsx_volume(namespace, self.layout.fsx)
            self.apply({"apiVersion": "v1", "kind": "List", "items": volume})

    def empty_namespace(self, namespace: str) -> None:
        """Deletes what jobs and tests leave in a namespace, as deleting the namespace would.

        The FineTuneSweeps and FineTuneJobs first, whose finalizers the operator watching the
        namespace releases once it has stopped their attempts; a job no operator watches any more
        (a test's own operator has ended) has its finalizer removed, as `kubectl finetune` users
        are told to do. Then their children and whatever else a test made (pods of the upload
        step, publish Jobs, ConfigMaps, Kueue Workloads, Events). The claim, the trainer's
        ServiceAccount and binding, Kueue's LocalQueue and the chart's RoleBinding stay.
        """
        jobs = "finetunesweeps.finetune.dev,finetunejobs.finetune.dev"
        self.kubectl("delete", jobs, "--all", "-n", namespace, "--wait=true", "--timeout=60s", check=False)
        left = self.kubectl("get", jobs, "-n", namespace, "-o", "name").split()
        for name in left:
            self.kubectl(
                "patch", name, "-n", namespace, "--type=merge", "-p", '{"metadata":{"finalizers":null}}',
                check=False,
            )  # fmt: skip
        if left:
            self.kubectl("delete", jobs, "--all", "-n", namespace, "--wait=true", "--timeout=60s")
        self.kubectl(
            "delete", LEFT_BEHIND_KINDS, "--all", "-n", namespace, "--wait=true", "--timeout=180s",
        )  # fmt: skip

    def prepare_file_system(self) -> None:
        """The platform team's one-time FSx preparation (docs/hyperpod-clusters.md), done on the
        real node's stand-in for the file system; repeating it changes nothing.

        The kubelet creates a subPath directory that does not exist yet (a job's own directory)
        as root, with the mode of the volume's root: so the root is setgid and group-writable
        for the pods' group, and every directory below inherits that group. The write roots
        belong to the pods' user; what root wrote there before (a bed of an earlier version,
        whose pods ran as root) is given to it, and its directories the same setgid mode.
        """
        owner = StoragePolicy().run_as  # the chart's operator config on the bed sets none
        root = self.layout.fsx
        root.mkdir(parents=True, exist_ok=True)
        os.chown(root, 0, owner.gid)
        root.chmod(0o2775)
        for name in FSX_WRITE_ROOTS:
            path = root / name
            path.mkdir(exist_ok=True)
            subprocess.run(["chown", "-R", f"{owner.uid}:{owner.gid}", str(path)], check=True)
            # Every directory, also those made before this preparation: a namespace directory
            # without setgid would give the kubelet's job directories root's group.
            subprocess.run(["find", str(path), "-type", "d", "-exec", "chmod", "2775", "{}", "+"], check=True)

    def write_model(self) -> Path:
        """The tiny Llama and its tokenizer under the model root (rebuilt: deterministic, seconds)."""
        directory = self.host_path(f"{FSX_MOUNT}/models/{MODEL_NAME}")
        directory.mkdir(parents=True, exist_ok=True)
        tiny_model.build_model(directory)
        # Readable by the pods' user, as a platform team publishes a model: safetensors writes
        # its file 0600, which only root (the writer here) could read.
        subprocess.run(["chmod", "-R", "a+rX", str(directory)], check=True)
        return directory

    def write_chat_data(self, namespace: str) -> tuple[Path, Path]:
        train, validation = (self.host_path(p) for p in chat_data(namespace))
        tiny_model.write_jsonl(train, tiny_model.chat_records(TRAIN_RECORDS, seed=1))
        tiny_model.write_jsonl(validation, tiny_model.chat_records(VALIDATION_RECORDS, seed=2))
        prompts = [
            {"prompt": next(m["content"] for m in record["messages"] if m["role"] == "user")}
            for record in tiny_model.chat_records(3, seed=3)
        ]
        tiny_model.write_jsonl(self.host_path(test_prompts(namespace)), prompts)
        return train, validation

    def govern(self, namespace: str) -> str:
        """The team's queues and the cluster's priority classes, as HyperPod task governance makes
        them for the team of ``hyperpod-ns-<team>`` (hack/testbed/kueue.py): the ClusterQueue's
        quota is the real node's CPU and memory. Returns the team's LocalQueue."""
        team = namespace.removeprefix("hyperpod-ns-")
        allocatable = self.core.read_node(NODE_NAME).status.allocatable
        queues = team_queues(team, allocatable["cpu"], allocatable["memory"])
        self.apply({"apiVersion": "v1", "kind": "List", "items": [*priority_classes(), *queues]})
        return local_queue_name(team)

    def forget_job_directory(self, namespace: str, name: str) -> None:
        """Removes what an earlier run of this job (deleted with its namespace) left under the write root."""
        import shutil

        shutil.rmtree(self.host_path(f"{FSX_MOUNT}/finetune/{namespace}/{name}"), ignore_errors=True)

    def apply(self, manifest: dict[str, Any]) -> None:
        self.kubectl("apply", "-f", "-", input_text=json.dumps(manifest))

    def job(self, namespace: str, name: str) -> dict[str, Any]:
        return dict(self.custom.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, name))

    def status(self, namespace: str, name: str) -> dict[str, Any]:
        return dict(self.job(namespace, name).get("status") or {})

    def attempt_pods(self, namespace: str, child: str) -> list[client.V1Pod]:
        selector = f"training.kubeflow.org/job-name={child}"
        return list(self.core.list_namespaced_pod(namespace, label_selector=selector).items)

    def running_pod(self, namespace: str, child: str, replica: str) -> client.V1Pod | None:
        """The attempt's pod of `replica` (master, worker) once its trainer container runs."""
        for pod in self.attempt_pods(namespace, child):
            labels = pod.metadata.labels or {}
            statuses = pod.status.container_statuses or []
            if labels.get("training.kubeflow.org/replica-type") == replica and any(
                s.name == "pytorch" and s.state.running for s in statuses
            ):
                return pod
        return None

    def kill_training_processes(self, namespace: str, pod: str) -> str:
        """`kubectl exec` into the trainer container and SIGKILL its training processes."""
        return self.signal_training_processes(namespace, pod, "SIGKILL")

    def stop_training_processes(self, namespace: str, pod: str) -> str:
        """`kubectl exec` into the trainer container and SIGSTOP its training processes: they
        stay, frozen, and report nothing more (a hang)."""
        return self.signal_training_processes(namespace, pod, "SIGSTOP")

    def signal_training_processes(self, namespace: str, pod: str, signal_name: str) -> str:
        return self.kubectl(
            "exec", "-n", namespace, pod, "-c", "pytorch", "--",
            "python", "-c", SIGNAL_TRAINING_PROCESS, signal_name,
        )  # fmt: skip

    def progress_records(self, namespace: str, name: str) -> list[dict[str, Any]]:
        """The run's progress.jsonl (every logged step of every attempt of the job as it exists now),
        read from the shared volume: `<checkpointDir>/runs/<uid>/progress.jsonl`."""
        job = self.job(namespace, name)
        directory = (job.get("status") or {}).get("checkpointDir")
        if not directory:
            return []
        path = self.host_path(directory) / run_progress_file(job["metadata"]["uid"])
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def in_phase(phase: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """A `watch` condition: the status, once the job is in `phase`."""
    return lambda status: status if status.get("phase") == phase else None


def describe(status: dict[str, Any]) -> str:
    """One progress line: phase, attempt, step, loss and the latest checkpoint."""
    progress = status.get("progress") or {}
    checkpoint = (status.get("checkpoint") or {}).get("latest") or {}
    parts = [status.get("phase") or "Pending", f"attempt {status.get('currentAttempt') or '-'}"]
    if progress.get("step") is not None:
        parts.append(f"step {progress['step']}/{progress.get('totalSteps')}")
    if progress.get("loss") is not None:
        parts.append(f"loss {progress['loss']:.3f}")
    if checkpoint:
        parts.append(f"checkpoint step {checkpoint.get('step')}")
    return " | ".join(parts)


def watch(
    bed: RealNodeBed,
    namespace: str,
    name: str,
    until: Callable[[dict[str, Any]], T | None],
    timeout: float,
    what: str,
    show: bool = True,
    after_the_end: bool = False,
) -> T:
    """Polls the job's status until `until(status)` is truthy, printing a progress line meanwhile.
    A job that finished first is an error, unless ``after_the_end``: what is awaited comes after it
    (the publish step's outcome)."""
    started = time.monotonic()
    shown = ""
    tty = sys.stdout.isatty()
    while True:
        status = bed.status(namespace, name)
        result = until(status)
        line = f"  [{time.monotonic() - started:5.0f}s] {describe(status)}"
        if show and (tty or describe(status) != shown):
            print(f"\r{line:<100}" if tty else line, end="" if tty else "\n", flush=True)
            shown = describe(status)
        if result:
            if show and tty:
                print()
            return result
        if status.get("phase") in ("Failed", "Succeeded") and not after_the_end:
            raise RuntimeError(f"the job ended {status.get('phase')} while waiting for {what}: {status}")
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"{what}: not reached within {timeout:.0f} s; last status: {describe(status)}")
        time.sleep(0.5)
