"""End to end on the bed's real node: FineTuneJobs that really train, through the in-cluster operator.

One `make demo` run (hack/demo.py: LoRA, 2 nodes x 1 process on ml.m5.large, a SIGKILLed worker,
attempt 2 resuming) serves several assertions; its uninterrupted reference is the same trainer
with the same resolved config run on this machine with torchrun (2 processes over gloo), the
cheapest honest way to get the adapter a crash-free job would write. Then, in a namespace of
their own: bad training data (exit 2, InvalidSpec, no retry), a DPO job whose Master pod is
deleted mid-run (SIGTERM checkpoint, exit 143, attempt 2 resumes from it), from whose pod a
report for another job is refused, and the runner's workflow through `kubectl finetune`: local
JSONL files uploaded to the claim by `submit --upload-data`, the job followed with `logs -f`
and waited on with `status`.

The pods run on the one real node (2 vCPUs, each trainer pod requests 1), so jobs run one at a time.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import torch
import yaml
from hack.chart import DEMO_NAMESPACE, REAL_TRAINING_NAMESPACE
from hack.image_keys import image_refs
from hack.real_job import (
    FSX_MOUNT,
    POD_SECURITY_LABELS,
    TRAINING_PROCESS,
    RealNodeBed,
    demo_job,
    in_phase,
    watch,
)
from hack.testbed import registry
from hack.testbed.lifecycle import restart_registry, stop_registry
from hack.tiny_model import chat_records, preference_records, write_jsonl
from safetensors.torch import load_file

from finetune_contract.oci import RegistryClient, RegistryError, extract_layer
from finetune_operator.storage import PosixUser
from tests.cluster.uninterrupted import attempt_config, run_on_this_machine
from tests.conftest import KUBECTL_FINETUNE, REPO_ROOT

JOB_TIMEOUT_S = 300
REPLICA_TYPE = "training.kubeflow.org/replica-type"
PLATFORM_USER = PosixUser()
"""Who trainer and upload pods are on the bed (the chart's default operator config: 1000:1000)."""


@dataclass
class DemoRun:
    stdout: str
    seconds: float
    status: dict[str, Any]
    steps: list[dict[str, Any]]
    checkpoints: list[dict[str, Any]]


@pytest.fixture(scope="module")
def demo(bed: RealNodeBed) -> DemoRun:
    """`make demo`'s script, run once for the module."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "hack.demo"], capture_output=True, text=True, timeout=600, cwd=REPO_ROOT
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    name = yaml.safe_load((REPO_ROOT / "examples" / "tiny-llama-cpu-lora.yaml").read_text())["metadata"][
        "name"
    ]
    status = bed.status(DEMO_NAMESPACE, name)
    records = bed.progress_records(DEMO_NAMESPACE, name)
    return DemoRun(
        stdout=result.stdout,
        seconds=seconds,
        status=status,
        steps=[r for r in records if r["type"] == "step"],
        checkpoints=[r for r in records if r["type"] == "checkpoint"],
    )


def test_the_demo_job_succeeds_and_its_loss_falls(demo: DemoRun) -> None:
    print(f"make demo took {demo.seconds:.0f} s")
    assert demo.status["phase"] == "Succeeded"
    assert "phase: Succeeded" in demo.stdout and "o attempt 1" in demo.stdout
    final_steps = [r for r in demo.steps if r["attempt"] == 2]
    first, last = demo.steps[:5], final_steps[-5:]
    assert sum(r["loss"] for r in last) / 5 < sum(r["loss"] for r in first) / 5 - 0.5, (first, last)
    adapter = demo.status["output"]["path"] + "/adapter/adapter_model.safetensors"
    assert "on this machine:" in demo.stdout and adapter in demo.stdout


def test_the_demo_job_evaluates_and_publishes_its_adapter_which_comes_back_byte_for_byte(
    demo: DemoRun, bed: RealNodeBed
) -> None:
    """Issue 26 on the demo's job: the trainer's final evaluation in status, the gate passed, the
    adapter pushed to the bed's registry by the publish step, pulled back here identical to the
    adapter on the file system (make demo also loads it with PEFT)."""
    evaluation = demo.status["evaluation"]
    assert set(evaluation["metrics"]) == {"evalLoss", "evalPerplexity"}
    assert evaluation["metrics"]["evalLoss"] < 20 and evaluation["attempt"] == 2
    generations = bed.host_path(evaluation["artifact"]).read_text().splitlines()
    assert len(generations) == 3 and all("answer" in json.loads(line) for line in generations)
    published = next(c for c in demo.status["conditions"] if c["type"] == "Published")
    assert (published["status"], published["reason"]) == ("True", "Published"), published
    reference = demo.status["output"]["reference"]
    assert (
        reference
        == f"{registry.node_address()}/{DEMO_NAMESPACE}/tiny-llama-lora@{demo.status['output']['digest']}"
    )
    adapter = bed.host_path(demo.status["output"]["path"]) / "adapter"
    assert pulled_files(reference) == {
        p.relative_to(adapter).as_posix(): p.read_bytes() for p in adapter.rglob("*") if p.is_file()
    }
    assert f"pushed: {reference}" in demo.stdout and "PeftModel.from_pretrained:" in demo.stdout


def pulled_files(reference: str) -> dict[str, bytes]:
    """The files of the image ``<registry>/<repository>@<digest>`` (its ``models/`` directory)."""
    name, _, digest = reference.partition("@")
    host, _, repository = name.partition("/")
    _, (layer,) = RegistryClient(host, insecure=True).pull(repository, digest)
    return extract_layer(layer)


def repository_exists(repository: str) -> bool:
    """Whether the bed's registry holds any tag of ``repository``."""
    try:
        RegistryClient(registry.node_address(), insecure=True).request("GET", f"/v2/{repository}/tags/list")
    except RegistryError as err:
        if "HTTP 404" in str(err):
            return False
        raise
    return True


def test_attempt_2_resumes_from_the_checkpoint_attempt_1_reported(demo: DemoRun) -> None:
    first, second = demo.status["attempts"]
    assert first["result"] == "Failed" and first["exitCode"] != 0
    # The killed worker and the master, whose all-reduce lost its peer, both exit 1: either is named.
    assert re.match(
        r"(master|worker) 0 \(pod tiny-llama-lora-a1-(master|worker)-0\) exited with code 1", first["message"]
    )
    reported = [c for c in demo.checkpoints if c["attempt"] == 1]
    assert reported, "attempt 1 reported no checkpoint"
    assert second["resumedFrom"] == reported[-1]["path"]
    assert second["result"] == "Succeeded"


USAGE_TOLERANCE_S = 3
"""How far status.usage may be from the pods' own times: both are whole seconds (the API's
timestamps), and the operator reads the pods the training-operator reports on."""


def _utc(value: Any) -> float:
    return (
        datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
    ).timestamp()


def test_usage_in_status_agrees_with_the_pods_start_and_end_times(demo: DemoRun, bed: RealNodeBed) -> None:
    """status.usage of the demo's two attempts (issue 25): the finished attempt 2's times are its
    pods' (first pod start, last trainer finish); attempt 1, whose pods the failure removed, ends
    before attempt 2 starts; the totals are the attempts' wall times on 2 x ml.m5.large (2 vCPUs
    each), and the tokens are the trainer's last report. The chart ships no price for ml.m5.large."""
    usage = demo.status["usage"]
    print(f"status.usage: {json.dumps(usage)}")
    first, second = usage["attempts"]
    assert [first["attempt"], second["attempt"]] == [1, 2]
    # Succeeded pods are kept (cleanPodPolicy Running): the master's at least. The worker's may be
    # gone, so its start is read from when the scheduler placed it (the kubelet starts a pod it is
    # given at once; its status.startTime is that moment).
    child = demo.status["attempts"][1]["name"]
    pods = [p for p in bed.attempt_pods(DEMO_NAMESPACE, child) if p.status.start_time]
    assert pods, "no pod of attempt 2 is left"
    scheduled = [
        (event.event_time or event.first_timestamp).timestamp()
        for event in bed.core.list_namespaced_event(DEMO_NAMESPACE, field_selector="reason=Scheduled").items
        if event.involved_object.name.startswith(f"{child}-")
    ]
    pod_start = min([p.status.start_time.timestamp() for p in pods] + scheduled)
    trainers = [
        c
        for p in pods
        for c in p.status.container_statuses or []
        if c.name == "pytorch" and c.state.terminated is not None
    ]
    trainer_start = min(c.state.terminated.started_at.timestamp() for c in trainers)
    trainer_end = max(c.state.terminated.finished_at.timestamp() for c in trainers)
    assert abs(_utc(second["startTime"]) - pod_start) <= USAGE_TOLERANCE_S, (second, pod_start)
    assert _utc(second["startTime"]) <= trainer_start + USAGE_TOLERANCE_S, (second, trainer_start)
    assert abs(_utc(second["endTime"]) - trainer_end) <= USAGE_TOLERANCE_S, (second, trainer_end)
    assert second["wallSeconds"] == round(_utc(second["endTime"]) - _utc(second["startTime"]))
    assert (
        first["wallSeconds"] > 0 and _utc(first["endTime"]) <= _utc(second["startTime"]) + USAGE_TOLERANCE_S
    )
    for entry in (first, second):
        assert (entry["instanceType"], entry["instanceCount"]) == ("ml.m5.large", 2), entry
    wall = first["wallSeconds"] + second["wallSeconds"]
    assert usage["wallSeconds"] == wall
    assert usage["instanceHours"] == pytest.approx(wall * 2 / 3600, abs=1e-4)
    assert usage["acceleratorHours"] == {"vCPU": pytest.approx(wall * 4 / 3600, abs=1e-4)}
    assert usage["tokensProcessed"] == demo.steps[-1]["tokensSeen"] > 0
    assert "estimatedCost" not in usage and usage["unpricedInstanceTypes"] == ["ml.m5.large"]
    assert "INSTANCE-HOURS" in demo.stdout  # the printer column, in the demo's `kubectl get`


def test_a_crash_loses_at_most_one_checkpoint_interval(demo: DemoRun, bed: RealNodeBed) -> None:
    config = attempt_config(bed, DEMO_NAMESPACE, demo.status["attempts"][0]["name"])
    interval = config["checkpointing"]["everySteps"]
    resumed = max(c["step"] for c in demo.checkpoints if c["attempt"] == 1)
    reached = max(r["step"] for r in demo.steps if r["attempt"] == 1)
    assert resumed < config["training"]["maxSteps"], "attempt 1 finished before the crash"
    assert reached - resumed <= interval
    assert [r["step"] for r in demo.steps if r["attempt"] == 2] == list(
        range(resumed + 1, config["training"]["maxSteps"] + 1)
    )


def test_the_crashed_and_resumed_job_writes_the_adapter_of_an_uninterrupted_run(
    demo: DemoRun, bed: RealNodeBed, tmp_path: Path
) -> None:
    config = attempt_config(bed, DEMO_NAMESPACE, demo.status["attempts"][0]["name"])
    reference = run_on_this_machine(bed, config, tmp_path)
    adapter = bed.host_path(demo.status["output"]["path"]) / "adapter" / "adapter_model.safetensors"
    resumed = load_file(str(adapter))
    assert resumed.keys() == reference.keys() and reference
    for key, tensor in reference.items():
        torch.testing.assert_close(resumed[key], tensor, rtol=1e-4, atol=1e-5, msg=key)


# -- jobs of their own, in REAL_TRAINING_NAMESPACE ------------------------------------------------


@pytest.fixture(scope="module")
def real_namespace(bed: RealNodeBed, demo: DemoRun) -> Iterator[str]:
    """The namespace (watched by the chart's operator) with its fsx-claim on the real node.

    Depends on the demo so that the demo's job has the node to itself."""
    bed.prepare_namespace(REAL_TRAINING_NAMESPACE)
    for job in ("bad-data", DIVERGING_JOB, "dpo", UPLOADED_JOB):
        bed.forget_job_directory(REAL_TRAINING_NAMESPACE, job)
    bed.write_model()
    yield REAL_TRAINING_NAMESPACE


@pytest.fixture(scope="module")
def bad_data_job(bed: RealNodeBed, real_namespace: str) -> dict[str, Any]:
    """A LoRA job whose data has one conversation without an assistant turn (line 7), with no error budget."""
    records: list[Any] = [json.dumps(r) for r in chat_records(50, seed=3)]
    records[6] = json.dumps({"messages": [{"role": "user", "content": "copy: only a question"}]})
    path = f"{FSX_MOUNT}/data/{real_namespace}/bad/train.jsonl"
    write_jsonl(bed.host_path(path), records)
    job = demo_job(real_namespace, "bad-data")
    job["spec"]["data"] = {"format": "messages", "train": {"path": path}, "errorBudget": 0.0}
    bed.apply(job)
    status = watch(
        bed,
        real_namespace,
        "bad-data",
        in_phase("Failed"),
        JOB_TIMEOUT_S,
        "Failed",
        show=False,
    )
    time.sleep(5)  # time enough for a wrong retry to show
    return {"path": path, "status": bed.status(real_namespace, "bad-data"), "failed": status}


def test_bad_training_data_fails_the_job_as_invalid_spec_naming_file_and_line(bad_data_job) -> None:
    status = bad_data_job["status"]
    failed = next(c for c in status["conditions"] if c["type"] == "Failed")
    assert (failed["status"], failed["reason"]) == ("True", "InvalidSpec")
    assert f"{bad_data_job['path']}:7: no assistant message" in failed["message"], failed
    assert "exit code 2" in failed["message"]
    assert [a["attempt"] for a in status["attempts"]] == [1] and status["currentAttempt"] == 1
    assert status["attempts"][0]["exitCode"] == 2


DIVERGING_JOB = "diverging"
SPIKING_RECIPE = {
    "apiVersion": "finetune.dev/v1alpha1",
    "kind": "FineTuneRecipe",
    "metadata": {"name": "tiny-llama-cpu-sft-lr1"},
    "spec": {
        "model": "tiny-llama",
        "method": "sft",
        "description": "Full fine-tuning at a learning rate of 1: the loss spikes at step 3 by itself.",
        "acceleratorFamily": "cpu",
        "backends": ["hyperpod"],
        "resources": {"instanceType": "ml.m5.large", "nodes": 1},
        "config": {
            "training": {
                "seqLength": 256,
                "microBatchSize": 4,
                "gradientAccumulationSteps": 1,
                "maxSteps": 6,
                "precision": "fp32",
                "packing": True,
                "gradientCheckpointing": False,
            },
            "optimizer": {"learningRate": 1.0, "scheduler": "constant", "warmupSteps": 0},
            "parallelism": {"tensorParallel": 1, "zero1": False},
            "checkpointing": {"everySteps": 1, "keepLast": 2},
            "logging": {"everySteps": 1},
        },
    },
}
"""A recipe whose run diverges with no injected fault (trainer-images/trainer/tests/
test_trainer_divergence.py has the losses: 7.7, 6.2, then 27.6 at step 3)."""


@pytest.fixture(scope="module")
def diverging_job(bed: RealNodeBed, real_namespace: str, bad_data_job) -> dict[str, Any]:
    """Full fine-tuning whose loss spikes at step 3, rolled back once at 0.9 times the learning
    rate (too little: it spikes again) with a rollback limit of 1, and 3 attempts it must not use.
    After the bad-data job, so that the node runs one job at a time."""
    path = f"{FSX_MOUNT}/data/{real_namespace}/diverging/train.jsonl"
    write_jsonl(bed.host_path(path), chat_records(100, seed=4))
    bed.apply({**SPIKING_RECIPE, "metadata": {**SPIKING_RECIPE["metadata"], "namespace": real_namespace}})
    job = demo_job(real_namespace, DIVERGING_JOB)
    job["spec"] |= {
        "method": "sft",
        "recipe": {"name": SPIKING_RECIPE["metadata"]["name"], "kind": "FineTuneRecipe"},
        "data": {"format": "messages", "train": {"path": path}},
        "resources": {"instanceType": "ml.m5.large", "nodes": 1},
        "resume": {"maxAttempts": 3},
        "health": {"divergence": {"window": 2, "learningRateFactor": 0.9, "maxRollbacks": 1}},
    }
    started = time.monotonic()
    bed.apply(job)
    watch(bed, real_namespace, DIVERGING_JOB, in_phase("Failed"), JOB_TIMEOUT_S, "Failed", show=False)
    seconds = time.monotonic() - started
    time.sleep(5)  # time enough for a wrong retry to show
    status = bed.status(real_namespace, DIVERGING_JOB)
    print(f"diverging job: Failed after {seconds:.0f} s; {json.dumps(status.get('health'))}")
    return status


def test_a_diverging_job_rolls_back_then_fails_diverged_without_spending_attempts(diverging_job) -> None:
    status = diverging_job
    failed = next(c for c in status["conditions"] if c["type"] == "Failed")
    assert (failed["status"], failed["reason"], status["reason"]) == ("True", "Diverged", "Diverged")
    message = failed["message"]
    assert message.startswith("Training diverged in attempt 1: "), message
    assert re.search(r"training diverged at step 3: loss \d+(\.\d+)? is [\d.]+ robust deviations", message), (
        message
    )
    assert (
        "after 1 rollback(s) (spec.health.divergence.maxRollbacks 1)" in message and "exit code 3" in message
    )
    assert [a["attempt"] for a in status["attempts"]] == [1] and status["currentAttempt"] == 1
    assert status["attempts"][0]["exitCode"] == 3
    (rollback,) = status["health"]["rollbacks"]
    assert (rollback["attempt"], rollback["step"], rollback["restoredStep"]) == (1, 3, 1), rollback
    assert rollback["learningRate"] == pytest.approx(0.9) and rollback["loss"] > 15
    assert "robust deviations above the median" in rollback["reason"]


FOREIGN_REPORT = """
import json, ssl, sys, urllib.error, urllib.request
sa = "/var/run/secrets/kubernetes.io/serviceaccount"
namespace, name = sys.argv[1], sys.argv[2]
request = urllib.request.Request(
    f"https://kubernetes.default.svc/apis/finetune.dev/v1alpha1/namespaces/{namespace}/finetunejobs/{name}/status",
    data=json.dumps({"status": {"progress": {"step": 999}}}).encode(),
    method="PATCH",
    headers={
        "Authorization": "Bearer " + open(sa + "/token").read(),
        "Content-Type": "application/merge-patch+json",
    },
)
try:
    urllib.request.urlopen(request, context=ssl.create_default_context(cafile=sa + "/ca.crt"))
    print("admitted")
except urllib.error.HTTPError as err:
    print(err.code, err.read().decode())
"""


TRAINING_PROCESS_IDS = f"""
import json, os
found = []
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        argv = open(f"/proc/{{pid}}/cmdline", "rb").read().split(b"\\0")
        status = open(f"/proc/{{pid}}/status").read().splitlines()
    except OSError:
        continue
    if b"{TRAINING_PROCESS}" in argv:
        ids = dict(line.split(":", 1) for line in status if line.startswith(("Uid", "Gid", "Groups")))
        found.append({{key: value.split() for key, value in ids.items()}})
print(json.dumps(found))
"""
"""Runs inside a trainer container: the real, effective, saved and file-system uid and gid, and the
supplementary groups, of each training process (the children of torchrun)."""


@dataclass
class DeletedPodRun:
    status: dict[str, Any]
    deleted_at: float
    deleted_pod: str
    foreign_report: str
    checkpoints: list[dict[str, Any]]
    training_process_ids: dict[str, list[dict[str, list[str]]]]
    restricted_warnings: str
    pods_at_check: dict[str, str]
    worker_init_containers: list[Any]


@pytest.fixture(scope="module")
def dpo_job(bed: RealNodeBed, real_namespace: str, bad_data_job) -> DeletedPodRun:
    """A dpo-lora job (a namespaced recipe built from the tiny one) on preference data. Once it
    trains, its pod reports for the bad-data job (refused); then that pod (the Master) is deleted."""
    recipe = yaml.safe_load((REPO_ROOT / "recipes" / "tiny-llama-cpu-lora.yaml").read_text())
    recipe["kind"] = "FineTuneRecipe"
    recipe["metadata"] = {"name": "tiny-llama-cpu-dpo-lora", "namespace": real_namespace}
    recipe["spec"]["method"] = "dpo-lora"
    recipe["spec"]["config"]["dpo"] = {"beta": 0.1}
    # Only the SIGTERM checkpoint and the final one: attempt 2 can resume only from the former.
    # A DPO step on this data takes under 0.1 s: 400 steps keep attempt 1 training while its pod
    # is deleted.
    recipe["spec"]["config"]["checkpointing"]["everySteps"] = 1000
    recipe["spec"]["config"]["training"]["maxSteps"] = 400
    bed.apply(recipe)
    path = f"{FSX_MOUNT}/data/{real_namespace}/preferences/train.jsonl"
    write_jsonl(bed.host_path(path), preference_records(400, seed=4))
    job = demo_job(real_namespace, "dpo")
    job["spec"]["method"] = "dpo-lora"
    job["spec"]["data"] = {"format": "preference", "train": {"path": path}}
    # The final evaluation on a held-out file, and a gate no model passes (an accuracy above 1).
    held_out = f"{FSX_MOUNT}/data/{real_namespace}/preferences/held-out.jsonl"
    write_jsonl(bed.host_path(held_out), preference_records(16, seed=5))
    job["spec"]["evaluation"] = {"data": {"path": held_out}}
    job["spec"]["publish"] = {
        "target": f"oci://{registry.node_address()}/{real_namespace}/dpo:v1",
        "when": {"metric": "evalRewardAccuracy", "above": 1.0},
    }
    bed.apply(job)
    status = watch(
        bed,
        real_namespace,
        "dpo",
        lambda s: s if ((s.get("progress") or {}).get("step") or 0) >= 3 else None,
        JOB_TIMEOUT_S,
        "step 3",
        show=False,
    )
    child = status["backendRef"]["name"]
    master = bed.running_pod(real_namespace, child, "master")
    worker = bed.running_pod(real_namespace, child, "worker")
    assert master is not None and worker is not None
    ids = {
        pod.metadata.name: json.loads(
            bed.kubectl(
                "exec", "-n", real_namespace, pod.metadata.name, "-c", "pytorch", "--",
                "python", "-c", TRAINING_PROCESS_IDS,
            )
        )
        for pod in (master, worker)
    }  # fmt: skip
    # What `enforce: restricted` would say of the namespace's pods (Pod Security answers a dry-run
    # label with warnings): the running ones, and those of the bad-data job, if still there.
    pods = bed.core.list_namespaced_pod(real_namespace).items
    restricted = subprocess.run(
        [
            str(bed.layout.binary("kubectl")),
            f"--kubeconfig={bed.layout.kubeconfig}",
            *("label", "--dry-run=server", "--overwrite", "namespace", real_namespace),
            "pod-security.kubernetes.io/enforce=restricted",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    foreign = bed.kubectl(
        "exec",
        "-n",
        real_namespace,
        master.metadata.name,
        "-c",
        "pytorch",
        "--",
        "python",
        "-c",
        FOREIGN_REPORT,
        real_namespace,
        "bad-data",
    )
    # The Master: a deleted Worker is recreated by the training-operator with its init container,
    # whose `sh` ignores SIGTERM and holds the node's CPU for the grace period (docs/testbed.md).
    deleted_at = time.time()
    bed.kubectl("delete", "pod", "-n", real_namespace, master.metadata.name, "--wait=false")
    status = watch(
        bed,
        real_namespace,
        "dpo",
        in_phase("Succeeded"),
        JOB_TIMEOUT_S,
        "Succeeded",
        show=False,
    )
    records = bed.progress_records(real_namespace, "dpo")
    return DeletedPodRun(
        status=status,
        deleted_at=deleted_at,
        deleted_pod=master.metadata.name,
        foreign_report=foreign,
        checkpoints=[r for r in records if r["type"] == "checkpoint"],
        training_process_ids=ids,
        restricted_warnings=restricted,
        pods_at_check={p.metadata.name: (p.metadata.labels or {}).get(REPLICA_TYPE, "") for p in pods},
        worker_init_containers=worker.spec.init_containers or [],
    )


def test_a_deleted_pod_checkpoints_within_its_grace_period_and_the_next_attempt_resumes(dpo_job) -> None:
    first, second = dpo_job.status["attempts"]
    assert first["exitCode"] == 143, first
    stopped = [c for c in dpo_job.checkpoints if c["attempt"] == 1]
    assert len(stopped) == 1, dpo_job.checkpoints
    checkpoint_time = datetime.fromisoformat(stopped[0]["time"].replace("Z", "+00:00")).timestamp()
    assert checkpoint_time - dpo_job.deleted_at < 120  # terminationGracePeriodSeconds
    assert stopped[0]["step"] < 400, "attempt 1 finished before its pod was deleted"
    assert second["resumedFrom"] == stopped[0]["path"]


def test_a_dpo_lora_job_succeeds_on_the_real_node(dpo_job, bed: RealNodeBed) -> None:
    assert dpo_job.status["phase"] == "Succeeded"
    adapter = bed.host_path(dpo_job.status["output"]["path"]) / "adapter" / "adapter_model.safetensors"
    assert load_file(str(adapter))


def test_a_failed_gate_leaves_the_job_succeeded_unpublished_and_pushes_nothing(
    dpo_job, bed: RealNodeBed, real_namespace: str
) -> None:
    status = dpo_job.status
    assert status["phase"] == "Succeeded"
    assert set(status["evaluation"]["metrics"]) == {"evalLoss", "evalRewardAccuracy", "evalRewardMargin"}
    assert status["evaluation"]["examples"] == 16
    published = next(c for c in status["conditions"] if c["type"] == "Published")
    accuracy = status["evaluation"]["metrics"]["evalRewardAccuracy"]
    assert (published["status"], published["reason"]) == ("False", "GateFailed")
    assert published["message"].startswith(f"evalRewardAccuracy {accuracy:.6g} is not above 1")
    assert not repository_exists(f"{real_namespace}/dpo")
    jobs = bed.kubectl("get", "jobs.batch", "-n", real_namespace, "-o", "name")
    assert "dpo-publish" not in jobs


def test_a_job_publishing_off_the_namespaces_allowlist_fails_before_anything_trains(
    bed: RealNodeBed, real_namespace: str
) -> None:
    job = demo_job(real_namespace, "off-allowlist")
    job["spec"]["publish"] = {"target": f"oci://{registry.node_address()}/{DEMO_NAMESPACE}/stolen:v1"}
    started = time.monotonic()
    bed.apply(job)
    status = watch(bed, real_namespace, "off-allowlist", in_phase("Failed"), 60, "Failed", show=False)
    print(f"refused in {time.monotonic() - started:.1f} s")
    assert status["reason"] == "PublishTargetNotAllowed" and "backendRef" not in status
    failed = next(c for c in status["conditions"] if c["type"] == "Failed")
    assert (
        f"oci://{registry.node_address()}/{DEMO_NAMESPACE}/stolen is not allowed in namespace"
        in failed["message"]
    )
    bed.kubectl("delete", "finetunejob", "off-allowlist", "-n", real_namespace)


def test_a_pod_of_one_job_cannot_report_for_another(dpo_job, bad_data_job) -> None:
    code, _, body = dpo_job.foreign_report.strip().partition(" ")
    assert code == "403", dpo_job.foreign_report
    assert "is not part of FineTuneJob bad-data" in body


def test_trainers_run_as_the_platform_user_and_own_what_they_write(
    dpo_job, bed: RealNodeBed, real_namespace: str
) -> None:
    """In a namespace that enforces Pod Security baseline (and warns of restricted), every training
    process runs as the platform's FSx user, and everything below the job's directory is theirs."""
    labels = bed.core.read_namespace(real_namespace).metadata.labels
    assert POD_SECURITY_LABELS.items() <= labels.items()
    uid, gid = str(PLATFORM_USER.uid), str(PLATFORM_USER.gid)
    for pod, processes in dpo_job.training_process_ids.items():
        assert processes, f"no training process in {pod}"
        for ids in processes:
            assert ids["Uid"] == [uid] * 4 and ids["Gid"] == [gid] * 4, (pod, ids)
    job_directory = bed.host_path(f"{FSX_MOUNT}/finetune/{real_namespace}/dpo")
    written = list(job_directory.rglob("*"))
    assert any(p.name == "adapter_model.safetensors" for p in written)
    owners = {(p.stat().st_uid, p.stat().st_gid) for p in written}
    assert owners == {(PLATFORM_USER.uid, PLATFORM_USER.gid)}, owners
    # The job's directory itself: made by the kubelet (root) for the subPath mount, in the pods'
    # group by the file system's setgid preparation (docs/hyperpod-clusters.md).
    assert job_directory.stat().st_gid == PLATFORM_USER.gid


def test_only_the_training_operators_init_container_keeps_worker_pods_from_restricted(dpo_job) -> None:
    """Master pods (the trainer container only) pass restricted; Worker pods fail it for
    `init-pytorch` alone, which the training-operator injects with no securityContext."""
    # Pod Security groups pods with identical violations: "<first pod> (and N other pods): <reasons>".
    violations = [
        re.fullmatch(r"Warning: (\S+)(?: \(and (\d+) other pods?\))?: (.+)", line)
        for line in dpo_job.restricted_warnings.splitlines()
        if line.startswith("Warning: ") and "existing pods in namespace" not in line
    ]
    assert violations and all(violations), dpo_job.restricted_warnings
    workers = sorted(name for name, replica in dpo_job.pods_at_check.items() if replica == "worker")
    assert [(m[1], 1 + int(m[2] or 0), m[3]) for m in violations if m] == [
        (workers[0], len(workers), "allowPrivilegeEscalation != false, unrestricted capabilities")
    ], (dpo_job.restricted_warnings, dpo_job.pods_at_check)
    (init,) = dpo_job.worker_init_containers
    assert init.name == "init-pytorch" and init.security_context is None


# -- the runner's workflow: kubectl finetune submit --upload-data, logs -f, status -----------------

UPLOADED_JOB = "uploaded"
UPLOADED_STEPS = 20
UPLOADED_TARGET = f"oci://{registry.node_address()}/{REAL_TRAINING_NAMESPACE}/uploaded:v1"


@dataclass
class PluginRun:
    uploads: dict[str, Path]
    """Each local file, by the path the job reads it from."""
    submitted: subprocess.CompletedProcess[str]
    upload_pods_left: list[str]
    logs: subprocess.CompletedProcess[str]
    status: subprocess.CompletedProcess[str]
    job: dict[str, Any]
    retried: dict[str, Any]
    """The job's status once a publish try had failed (the registry down)."""
    published: dict[str, Any]
    adapter_before_publishing: dict[str, bytes]
    status_after_publishing: subprocess.CompletedProcess[str]
    events: str


def kubectl_finetune(bed: RealNodeBed, namespace: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The plugin as kubectl runs it: the console script installed with the operator package."""
    return subprocess.run(
        [str(KUBECTL_FINETUNE), *args, "-n", namespace, "--kubeconfig", str(bed.layout.kubeconfig)],
        capture_output=True,
        text=True,
        timeout=JOB_TIMEOUT_S,
    )


@pytest.fixture(scope="module")
def plugin_run(bed: RealNodeBed, real_namespace: str, dpo_job, tmp_path_factory) -> PluginRun:
    """Local chat files, uploaded to the namespace's claim by a short-lived pod on the real node,
    then a one-node LoRA job on them, followed with `logs -f` from its first step to its end."""
    local = tmp_path_factory.mktemp("local-data")
    train, validation = local / "train.jsonl", local / "validation.jsonl"
    held_out = local / "held-out.jsonl"
    write_jsonl(train, chat_records(400, seed=7))
    write_jsonl(validation, chat_records(40, seed=8))
    write_jsonl(held_out, chat_records(12, seed=9))
    # The registry is down when the job finishes training: its publish step fails and is retried.
    stop_registry()
    submitted = kubectl_finetune(
        bed,
        real_namespace,
        "submit",
        *("--job-name", UPLOADED_JOB, "--model-name", "tiny-llama", "--training-type", "lora"),
        *("--data-jsonl", str(train), "--validation-jsonl", str(validation), "--upload-data"),
        *("--eval-data", str(held_out), "--publish", UPLOADED_TARGET, "--publish-if", "evalLoss<20"),
        *("--nodes", "1", "--recipe-override", f"training.max_steps={UPLOADED_STEPS}"),
        *("--upload-image", image_refs()["trainer-cpu"], "--verbose"),
    )
    assert submitted.returncode == 0, submitted.stderr
    job = bed.job(real_namespace, UPLOADED_JOB)
    uploads = {
        job["spec"]["data"][role]["path"]: source
        for role, source in (("train", train), ("validation", validation))
    }
    left = [
        p.metadata.name
        for p in bed.core.list_namespaced_pod(
            real_namespace, label_selector="app.kubernetes.io/component=upload"
        ).items
    ]
    watch(
        bed,
        real_namespace,
        UPLOADED_JOB,
        lambda s: s if (s.get("progress") or {}).get("step") else None,
        JOB_TIMEOUT_S,
        "the first step",
        show=False,
    )
    followed = kubectl_finetune(bed, real_namespace, "logs", UPLOADED_JOB, "-f")
    waited = kubectl_finetune(bed, real_namespace, "status", UPLOADED_JOB)
    trained = bed.job(real_namespace, UPLOADED_JOB)
    adapter = bed.host_path(trained["status"]["output"]["path"]) / "adapter"
    before = {p.relative_to(adapter).as_posix(): p.read_bytes() for p in adapter.rglob("*") if p.is_file()}
    started = time.monotonic()
    try:
        retried = watch(
            bed,
            real_namespace,
            UPLOADED_JOB,
            lambda s: s if ((s.get("publish") or {}).get("attempts") or 0) >= 2 else None,
            JOB_TIMEOUT_S,
            "a failed publish try",
            show=False,
            after_the_end=True,
        )
    finally:
        restart_registry()
    published = watch(
        bed,
        real_namespace,
        UPLOADED_JOB,
        lambda s: (
            s
            if any(c["type"] == "Published" and c["reason"] != "Publishing" for c in s["conditions"])
            else None
        ),
        JOB_TIMEOUT_S,
        "Published",
        show=False,
        after_the_end=True,
    )
    print(f"published {time.monotonic() - started:.0f} s after training ended, the registry down at first")
    shown = kubectl_finetune(bed, real_namespace, "status", UPLOADED_JOB)
    events = bed.kubectl(
        "get", "events", "-n", real_namespace, "--field-selector", f"involvedObject.name={UPLOADED_JOB}"
    )
    return PluginRun(
        uploads, submitted, left, followed, waited, trained, retried, published, before, shown, events
    )


def test_submit_upload_data_copies_local_files_into_the_claim_through_a_pod_it_deletes(
    plugin_run: PluginRun, bed: RealNodeBed, real_namespace: str
) -> None:
    for destination, source in plugin_run.uploads.items():
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        assert destination == f"{FSX_MOUNT}/finetune/{real_namespace}/uploads/{digest[:16]}/{source.name}"
        assert f"uploaded: {source} -> {destination} (claim fsx-claim)" in plugin_run.submitted.stderr
        assert bed.host_path(destination).read_bytes() == source.read_bytes()
        # Written by the upload pod as the trainer pods write (non-root, docs/security.md).
        for path in (bed.host_path(destination), bed.host_path(destination).parent):
            assert (path.stat().st_uid, path.stat().st_gid) == (PLATFORM_USER.uid, PLATFORM_USER.gid), path
    assert plugin_run.upload_pods_left == []
    assert f"finetunejob.finetune.dev/{UPLOADED_JOB} created" in plugin_run.submitted.stdout


def test_the_job_trains_on_the_uploaded_data_and_status_waits_for_it_with_exit_0(
    plugin_run: PluginRun,
) -> None:
    status = plugin_run.job["status"]
    assert status["phase"] == "Succeeded" and status["progress"]["step"] == UPLOADED_STEPS, status
    assert plugin_run.status.returncode == 0, plugin_run.status.stdout + plugin_run.status.stderr
    assert "Succeeded" in plugin_run.status.stdout


def test_logs_follow_the_master_pod_to_the_end_of_the_attempt(plugin_run: PluginRun) -> None:
    assert plugin_run.logs.returncode == 0, plugin_run.logs.stderr
    # From the trainer's first lines (the model it built) to its last logged step.
    logged = plugin_run.logs.stdout
    assert "parameters trainable" in logged, logged[:2000]
    assert f"finetune-metrics step={UPLOADED_STEPS} " in logged, logged[-2000:]


def test_a_publish_while_the_registry_is_down_is_retried_and_succeeds_once_it_is_back(
    plugin_run: PluginRun, bed: RealNodeBed
) -> None:
    retried = plugin_run.retried
    assert retried["phase"] == "Succeeded"
    publishing = next(c for c in retried["conditions"] if c["type"] == "Published")
    assert (publishing["status"], publishing["reason"]) == ("False", "Publishing")
    assert "PublishRetrying" in plugin_run.events and "Connection refused" in plugin_run.events
    status = plugin_run.published
    published = next(c for c in status["conditions"] if c["type"] == "Published")
    assert (published["status"], published["reason"]) == ("True", "Published"), published
    assert status["publish"]["attempts"] >= 2 and status["phase"] == "Succeeded"
    # The output is intact, and what the registry holds is it.
    adapter = bed.host_path(status["output"]["path"]) / "adapter"
    now = {p.relative_to(adapter).as_posix(): p.read_bytes() for p in adapter.rglob("*") if p.is_file()}
    assert now == plugin_run.adapter_before_publishing
    assert pulled_files(status["output"]["reference"]) == now
    # The evaluation on --eval-data, and `kubectl finetune status` showing both.
    assert status["evaluation"]["examples"] == 12
    shown = plugin_run.status_after_publishing.stdout
    assert "evaluation: evalLoss" in shown and f"published: {status['output']['reference']}" in shown
