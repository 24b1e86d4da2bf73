"""The operator on the real test bed: the five scenarios of the HyperPod backend.

The operator runs as a subprocess (``python -m finetune_operator.cli run``) watching only
the test's namespace, so a test can SIGKILL and restart it, and parallel tests or other
operators on the shared bed never reconcile each other's jobs. Pods are ended through
kwok (tests/cluster/kwok.py); everything else is the real API server, scheduler,
garbage collector and Kubeflow training-operator v1.7.0.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hack.kwok import finish_pod, wait_for
from hack.manifests import job_manifest
from hack.operator_process import OperatorProcess
from hack.testbed.kwok_cluster import fsx_volume
from kubernetes.client.exceptions import ApiException

from finetune_operator.admission import parse_job
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.hyperpod.backend import HyperPodBackend
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from tests.cluster.helpers import (
    GROUP,
    PLURAL,
    VERSION,
    assert_one_event,
    condition,
    create_job,
    get_job,
    phase,
    pytorchjobs,
    running_pods,
    wait_phase,
)

REPO = Path(__file__).resolve().parents[2]


# --- fixtures and helpers ------------------------------------------------------------------

TRN1_NODE_PREFIX = "hyperpod-i-trn1-"


def container_command(pytorchjob: dict[str, Any], replica: str = "Master") -> list[str]:
    return pytorchjob["spec"]["pytorchReplicaSpecs"][replica]["template"]["spec"]["containers"][0]["command"]


def report_checkpoint(custom_objects, namespace: str, name: str, attempt: int, step: int) -> str:
    """What the trainer's rank 0 sends (docs/trainer-contract.md, section 3)."""
    path = f"/fsx/finetune/{namespace}/{name}/checkpoints/step-{step:08d}"
    custom_objects.patch_namespaced_custom_object_status(
        GROUP,
        VERSION,
        namespace,
        PLURAL,
        name,
        {
            "status": {
                "progress": {
                    "attempt": attempt,
                    "step": step,
                    "totalSteps": 100,
                    "loss": 1.25,
                    "updatedAt": "2026-11-22T10:00:00Z",
                },
                "checkpoint": {
                    "latest": {"path": path, "step": step, "attempt": attempt, "time": "2026-11-22T10:00:00Z"}
                },
            }
        },
    )
    return path


# --- 1. a job runs to success --------------------------------------------------------------


def test_job_succeeds_on_trn1_nodes(operator, custom_objects, core_v1, namespace, testbed) -> None:
    create_job(custom_objects, namespace, job_manifest("ok", resources={"nodes": 2}))
    pytorchjob = wait_for(
        lambda: next(iter(pytorchjobs(custom_objects, namespace)), None), message="the PyTorchJob"
    )
    assert pytorchjob["metadata"]["name"] == "ok-a1"
    assert pytorchjob["metadata"]["ownerReferences"][0]["name"] == "ok"
    pods = wait_for(
        lambda: (lambda p: p if len(p) == 2 else None)(running_pods(core_v1, namespace, "ok-a1")),
        message="master and worker pods running",
    )
    assert all(p.spec.node_name.startswith(TRN1_NODE_PREFIX) for p in pods), [p.spec.node_name for p in pods]
    job = wait_phase(custom_objects, namespace, "ok", "Running")
    assert job["status"]["backendRef"]["name"] == "ok-a1"
    assert job["status"]["recipe"]["name"] == "llama-3.2-1b-lora"

    master = next(p for p in pods if p.metadata.labels["training.kubeflow.org/replica-type"] == "master")
    finish_pod(core_v1, namespace, master.metadata.name, 0)
    kubectl = next(testbed.bin_dir.glob("kubectl*"))
    done = subprocess.run(
        [
            str(kubectl),
            "--kubeconfig",
            testbed.kubeconfig,
            "-n",
            namespace,
            "wait",
            "--for=condition=Succeeded",
            "finetunejob/ok",
            "--timeout=60s",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    job = get_job(custom_objects, namespace, "ok")
    assert job["status"]["phase"] == "Succeeded"
    # The run's own directory (the job's uid): a later job of this name never overwrites it.
    assert job["status"]["output"]["path"] == f"/fsx/finetune/{namespace}/ok/output/{job['metadata']['uid']}"
    assert job["status"]["attempts"][0]["result"] == "Succeeded"

    def reasons() -> set[str]:
        events = core_v1.list_namespaced_event(namespace, field_selector="involvedObject.name=ok").items
        return {e.reason for e in events}

    # kopf posts Events asynchronously, shortly after the status write.
    wait_for(lambda: {"Submitted", "Running", "Succeeded"} <= reasons(), timeout=30, message="Events")


@pytest.mark.parametrize(
    ("spec", "node_prefix", "recipe", "processes"),
    [
        (
            {"resources": {"instanceType": "ml.p5.48xlarge", "nodes": 2}},
            "hyperpod-i-p5-",
            "llama-3.2-1b-gpu-lora",
            "8",
        ),
        (
            {"model": {"name": "tiny-llama"}, "resources": {"instanceType": "ml.c5.4xlarge"}},
            "hyperpod-i-c5-",
            "tiny-llama-cpu-lora",
            "1",
        ),
    ],
    ids=["gpu", "cpu"],
)
def test_the_instance_type_picks_the_family_recipe_and_the_pods_land_on_that_group(
    operator, custom_objects, core_v1, namespace, spec, node_prefix, recipe, processes
) -> None:
    """The scheduler places the rendered pods (GPU/EFA requests, the NVIDIA toleration, or plain
    CPU and memory) on the instance group of the job's instance type, and no other."""
    create_job(custom_objects, namespace, job_manifest("fam", **spec))
    pods = wait_for(
        lambda: (lambda p: p if len(p) == 2 else None)(running_pods(core_v1, namespace, "fam-a1")),
        message="master and worker pods running",
    )
    assert all(p.spec.node_name.startswith(node_prefix) for p in pods), [p.spec.node_name for p in pods]
    assert len({p.spec.node_name for p in pods}) == 2  # one pod per instance
    (pytorchjob,) = pytorchjobs(custom_objects, namespace)
    assert pytorchjob["spec"]["nprocPerNode"] == processes
    job = wait_phase(custom_objects, namespace, "fam", "Running")
    assert job["status"]["recipe"]["name"] == recipe


# --- 2. failure, resume from the reported checkpoint, then attempts exhausted ---------------


def test_failed_worker_resumes_then_exhausts_attempts(operator, custom_objects, core_v1, namespace) -> None:
    create_job(
        custom_objects, namespace, job_manifest("rs", resources={"nodes": 2}, resume={"maxAttempts": 2})
    )
    wait_phase(custom_objects, namespace, "rs", "Running")
    checkpoint = report_checkpoint(custom_objects, namespace, "rs", attempt=1, step=20)
    workers = [
        p
        for p in running_pods(core_v1, namespace, "rs-a1")
        if p.metadata.labels["training.kubeflow.org/replica-type"] == "worker"
    ]
    finish_pod(core_v1, namespace, workers[0].metadata.name, 1)

    second = wait_for(
        lambda: next(
            (j for j in pytorchjobs(custom_objects, namespace) if j["metadata"]["name"] == "rs-a2"), None
        ),
        message="attempt 2",
    )
    # Every attempt's trainer takes the job's newest complete checkpoint (`auto`); the one the
    # attempt starts from is recorded in its status below.
    command = container_command(second)
    assert command[-2:] == ["--resume-from", "auto"]
    assert container_command(second, "Worker")[-2:] == ["--resume-from", "auto"]
    # The child is created before the status that records it: wait for the status.
    job = wait_for(
        lambda: (j := get_job(custom_objects, namespace, "rs"))["status"].get("currentAttempt") == 2 and j,
        message="status of attempt 2",
    )
    assert job["status"]["attempts"][0]["result"] == "Failed"
    assert job["status"]["attempts"][1]["resumedFrom"] == checkpoint

    def resuming() -> list[str]:
        events = core_v1.list_namespaced_event(namespace, field_selector="involvedObject.name=rs").items
        return [e.message for e in events if e.reason == "Resuming"]

    # The Event says what attempt 2 starts from, not the keyword it passes (issue 23, item 3).
    (said,) = wait_for(resuming, timeout=30, message="the Resuming Event")
    assert said == f"Attempt 2 of 2 resumes from step 20 (checkpoint {checkpoint})"

    wait_for(lambda: len(running_pods(core_v1, namespace, "rs-a2")) == 2, message="attempt 2 pods")
    master = running_pods(core_v1, namespace, "rs-a2")[0]
    finish_pod(core_v1, namespace, master.metadata.name, 1)
    job = wait_phase(custom_objects, namespace, "rs", "Failed")
    failed = condition(job, "Failed")
    assert failed is not None and failed["reason"] == "MaxAttemptsReached"
    assert "Attempt 2 of 2 failed" in failed["message"]
    assert [j["metadata"]["name"] for j in pytorchjobs(custom_objects, namespace)] == ["rs-a1", "rs-a2"]


# --- 3. invalid specs: rejected at admission or Failed, never wedging the operator ---------


ADMISSION_REJECTS = [
    ({"method": "rlhf"}, 'Unsupported value: "rlhf"'),
    ({"method": "grpo"}, "methods grpo and grpo-lora need at least one reward function in spec.rewards"),
    ({"resources": {"nodes": 0}}, "spec.resources.nodes: Invalid value: 0"),
    (
        {"data": {"mixture": [{"path": "/fsx/a", "weight": 0}]}},
        "every spec.data.mixture weight must be a positive",
    ),
    (
        {"data": {"train": {"path": "/fsx/a"}, "mixture": [{"path": "/fsx/b", "weight": 1}]}},
        "set exactly one of spec.data.train or spec.data.mixture",
    ),
    ({"backend": "local"}, 'spec.backend: Unsupported value: "local"'),
    (
        {"backend": "sagemaker", "resources": {"neuronDevices": 2}},
        "processesPerNode, neuronDevices and efaDevices apply only to backend hyperpod",
    ),
    ({"model": {}}, "spec.model needs a catalog name"),
]


@pytest.mark.parametrize(("spec", "message"), ADMISSION_REJECTS, ids=[m[:30] for _, m in ADMISSION_REJECTS])
def test_admission_rejects_with_a_readable_message(testbed, custom_objects, namespace, spec, message) -> None:
    with pytest.raises(ApiException) as caught:
        create_job(custom_objects, namespace, job_manifest("bad", spec_extra=spec))
    assert caught.value.status == 422
    assert message in json.loads(caught.value.body)["message"]


def test_immutable_after_submission(operator, custom_objects, namespace) -> None:
    create_job(custom_objects, namespace, job_manifest("imm"))
    wait_for(
        lambda: (get_job(custom_objects, namespace, "imm").get("status") or {}).get("backendRef"),
        message="submission",
    )
    with pytest.raises(ApiException) as caught:
        custom_objects.patch_namespaced_custom_object(
            GROUP, VERSION, namespace, PLURAL, "imm", {"spec": {"method": "sft"}}
        )
    assert caught.value.status == 422
    assert "cannot change once the job has been submitted" in json.loads(caught.value.body)["message"]
    custom_objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace, PLURAL, "imm", {"spec": {"resume": {"maxAttempts": 5}}}
    )


FAILS_WITH_CONDITION = [
    ("unknown-model", {"model": {"name": "llama-9"}}, "RecipeNotFound", "no recipe for model 'llama-9'"),
    (
        "bad-override",
        {"recipe": {"overrides": {"optimizer.lr": 0.1}}},
        "InvalidSpec",
        "did you mean `optimizer.learningRate`",
    ),
    ("bad-type", {"recipe": {"overrides": {"lora.rank": "sixteen"}}}, "InvalidSpec", "expected integer"),
    (
        "off-storage",
        {"data": {"train": {"path": "/home/me/train.jsonl"}}},
        "InvalidSpec",
        "is not in a directory this namespace may read",
    ),
    (
        "dpo-chat",
        {"method": "dpo", "data": {"format": "messages", "train": {"path": "/fsx/data/{namespace}/x"}}},
        "InvalidSpec",
        "trains on preference data",
    ),
]


def test_invalid_specs_fail_with_conditions_and_operator_stays_healthy(
    operator, custom_objects, core_v1, namespace
) -> None:
    for name, spec, _, _ in FAILS_WITH_CONDITION:
        create_job(custom_objects, namespace, job_manifest(name, spec_extra=spec))
    for name, _, reason, message in FAILS_WITH_CONDITION:
        job = wait_phase(custom_objects, namespace, name, "Failed")
        failed = condition(job, "Failed")
        assert failed is not None and failed["reason"] == reason, (name, failed)
        assert message in failed["message"], (name, failed["message"])
        assert job["status"].get("currentAttempt", 0) == 0
    assert pytorchjobs(custom_objects, namespace) == []

    assert_one_event(core_v1, namespace, "unknown-model", "RecipeNotFound")
    # Still serving: a valid job right after is submitted.
    create_job(custom_objects, namespace, job_manifest("fine"))
    wait_phase(custom_objects, namespace, "fine", "Running")
    assert operator.proc is not None and operator.proc.poll() is None
    assert f'finetune_jobs{{phase="Failed"}} {float(len(FAILS_WITH_CONDITION))}' in operator.metrics()


def test_a_missing_storage_claim_is_named_and_the_job_starts_once_the_claim_exists(
    operator, custom_objects, core_v1, namespace
) -> None:
    """A claim that does not exist left the job Submitted for good with no word of it (923 s in
    issue 20). Now a condition and an Event name it, and a claim created later lets it run."""
    create_job(custom_objects, namespace, job_manifest("late", storage={"claimName": "late-claim"}))

    def blocked() -> dict[str, Any] | None:
        job = get_job(custom_objects, namespace, "late")
        found = condition(job, "AttemptBlocked")
        return job if found is not None and found["status"] == "True" else None

    job = wait_for(blocked, timeout=60, message="condition AttemptBlocked")
    found = condition(job, "AttemptBlocked")
    assert found is not None and found["reason"] == "ClaimNotFound"
    assert found["message"].startswith(
        f"PersistentVolumeClaim late-claim in namespace {namespace} does not exist"
    )
    assert job["status"]["phase"] == "Submitted"
    wait_for(
        lambda: (
            "ClaimNotFound"
            in {
                e.reason
                for e in core_v1.list_namespaced_event(
                    namespace, field_selector="involvedObject.name=late"
                ).items
            }
        ),
        timeout=30,
        message="the ClaimNotFound Event",
    )

    # The platform team creates the claim: a static PV pre-bound to it, like the namespace's own.
    volume, claim = fsx_volume(namespace)
    volume["metadata"]["name"] = f"late-{namespace}"
    volume["spec"]["claimRef"]["name"] = claim["metadata"]["name"] = "late-claim"
    claim["spec"]["volumeName"] = volume["metadata"]["name"]
    core_v1.create_persistent_volume(volume)
    try:
        core_v1.create_namespaced_persistent_volume_claim(namespace, claim)
        job = wait_phase(custom_objects, namespace, "late", "Running", timeout=90)
        found = condition(job, "AttemptBlocked")
        assert found is not None and (found["status"], found["reason"]) == ("False", "NotBlocked")
    finally:
        core_v1.delete_persistent_volume(volume["metadata"]["name"])


def test_a_pod_the_scheduler_cannot_place_is_named_in_a_condition_within_seconds(
    operator, custom_objects, core_v1, namespace
) -> None:
    """Issue 23, friction point 2: a job showed Submitted/Running for 3.5 minutes while its pod was
    FailedScheduling (Insufficient cpu). Three ml.c5.4xlarge pods, each asking for most of one of
    the bed's two such nodes: one cannot be placed, and the job says which and why."""
    started = time.monotonic()
    create_job(
        custom_objects,
        namespace,
        job_manifest(
            "big", model={"name": "tiny-llama"}, resources={"instanceType": "ml.c5.4xlarge", "nodes": 3}
        ),
    )

    def blocked() -> dict[str, Any] | None:
        job = get_job(custom_objects, namespace, "big")
        found = condition(job, "AttemptBlocked")
        return (
            job
            if found is not None and found["status"] == "True" and found["reason"] != "ClaimNotBound"
            else None
        )

    job = wait_for(blocked, timeout=60, message="condition AttemptBlocked")
    # At the latest at the look 15 s after the submission (pod events just after a submission
    # wait for it), plus this 2-core bed's lag; it said nothing for minutes before.
    assert time.monotonic() - started < 40
    found = condition(job, "AttemptBlocked")
    assert found is not None and found["reason"] == "Unschedulable", found
    assert found["message"].startswith("pod big-a1-") and "Insufficient cpu" in found["message"], found
    assert job["status"]["reason"] == "Unschedulable"

    def blocked_events() -> list[Any]:
        events = core_v1.list_namespaced_event(namespace, field_selector="involvedObject.name=big").items
        return [e for e in events if e.reason == "Unschedulable"]

    (event,) = wait_for(blocked_events, timeout=30, message="the Unschedulable Event")
    assert event.type == "Warning" and "Insufficient cpu" in event.message
    # Events name the operator (they said component kopf, instance dev).
    assert (event.reporting_component, event.source.component) == ("finetune-operator", "finetune-operator")
    assert event.reporting_instance and event.reporting_instance != "dev"

    # The job deleted, its pods go: one that fits runs, with nothing blocking it.
    custom_objects.delete_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "big")
    create_job(
        custom_objects,
        namespace,
        job_manifest(
            "fits", model={"name": "tiny-llama"}, resources={"instanceType": "ml.c5.4xlarge", "nodes": 1}
        ),
    )

    def runs_unblocked() -> dict[str, Any] | None:
        job = get_job(custom_objects, namespace, "fits")
        found = condition(job, "AttemptBlocked")
        running = (job.get("status") or {}).get("phase") == "Running"
        return job if running and (found is None or found["status"] == "False") else None

    wait_for(runs_unblocked, timeout=90, message="fits Running and not blocked")
    assert len(blocked_events()) == 1  # said once


def test_a_job_applied_before_its_recipe_starts_once_the_recipe_arrives(
    operator, custom_objects, namespace
) -> None:
    """One GitOps sync applies a team recipe and a job naming it; the job may come first."""
    recipe = yaml.safe_load((REPO / "examples" / "team-recipe.yaml").read_text())
    recipe["metadata"]["namespace"] = namespace
    name = recipe["metadata"]["name"]
    manifest = job_manifest(
        "early",
        model={"name": recipe["spec"]["model"]},
        recipe={"name": name, "kind": "FineTuneRecipe"},
    )
    create_job(custom_objects, namespace, manifest)
    failed = condition(wait_phase(custom_objects, namespace, "early", "Failed"), "Failed")
    assert failed is not None and failed["reason"] == "RecipeNotFound"
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, "finetunerecipes", recipe)
    wait_for(
        lambda: [p["metadata"]["name"] for p in pytorchjobs(custom_objects, namespace)] == ["early-a1"],
        timeout=30,
        message="the job's first attempt once its recipe exists",
    )
    # The operator writes the status after it creates the child: wait for that write too.
    job = wait_for(
        lambda: (j := get_job(custom_objects, namespace, "early")).get("status", {}).get("recipe") and j,
        timeout=30,
        message="the status naming the recipe the job now runs with",
    )
    assert job["status"]["recipe"]["name"] == name
    assert condition(job, "Failed") is None or condition(job, "Failed")["status"] == "False"


# --- 4. restart between "child created" and "status written" -----------------------------


def test_restart_after_child_created_adopts_it(testbed, custom_objects, namespace, tmp_path) -> None:
    """The exact crash window, made deterministic: the children exist, the status does not."""
    created = create_job(custom_objects, namespace, job_manifest("crash"))
    job = parse_job(created)
    request, _ = build_attempt_request(
        job, load_recipes_dir(BUILTIN_RECIPES_DIR), OperatorConfig(), 1, None, None
    )
    backend = HyperPodBackend(OperatorConfig(), custom_objects.api_client)
    backend.submit(request)  # what the crashed operator did before dying
    assert get_job(custom_objects, namespace, "crash").get("status") is None

    process = OperatorProcess(testbed.kubeconfig, namespace, tmp_path)
    process.start()
    try:
        job_after = wait_phase(custom_objects, namespace, "crash", "Running")
        time.sleep(2)  # give a duplicate, if any, time to appear
        assert [j["metadata"]["name"] for j in pytorchjobs(custom_objects, namespace)] == ["crash-a1"]
        assert job_after["status"]["currentAttempt"] == 1
        assert (
            job_after["status"]["backendRef"]["uid"]
            == pytorchjobs(custom_objects, namespace)[0]["metadata"]["uid"]
        )
    finally:
        process.stop()


def test_sigkill_during_submission_never_duplicates(testbed, custom_objects, namespace, tmp_path) -> None:
    process = OperatorProcess(testbed.kubeconfig, namespace, tmp_path)
    process.start()
    for i in range(5):
        create_job(custom_objects, namespace, job_manifest(f"k{i}"))
    wait_for(lambda: pytorchjobs(custom_objects, namespace), message="a first PyTorchJob")
    process.kill()
    restarted = OperatorProcess(testbed.kubeconfig, namespace, tmp_path)
    restarted.start()
    try:
        for i in range(5):
            wait_for(
                lambda i=i: (get_job(custom_objects, namespace, f"k{i}").get("status") or {}).get(
                    "backendRef"
                ),
                message=f"k{i} submitted",
            )
        time.sleep(2)
        names = [j["metadata"]["name"] for j in pytorchjobs(custom_objects, namespace)]
        assert names == [f"k{i}-a1" for i in range(5)]
    finally:
        restarted.stop()


# --- 5. deleting a job deletes its children ------------------------------------------------


def test_delete_leaves_no_children(operator, custom_objects, core_v1, namespace) -> None:
    create_job(custom_objects, namespace, job_manifest("gone"))
    create_job(custom_objects, namespace, job_manifest("stays"))
    wait_phase(custom_objects, namespace, "gone", "Running")
    wait_phase(custom_objects, namespace, "stays", "Running")
    selector = "finetune.dev/job=gone"
    assert core_v1.list_namespaced_pod(namespace, label_selector=selector).items
    custom_objects.delete_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "gone")

    def leftovers() -> list[str]:
        found = [
            j["metadata"]["name"]
            for j in custom_objects.list_namespaced_custom_object(
                "kubeflow.org", "v1", namespace, "pytorchjobs", label_selector=selector
            )["items"]
        ]
        found += [
            p.metadata.name for p in core_v1.list_namespaced_pod(namespace, label_selector=selector).items
        ]
        found += [
            s.metadata.name
            for s in core_v1.list_namespaced_service(
                namespace, label_selector="training.kubeflow.org/job-name=gone-a1"
            ).items
        ]
        return found

    wait_for(lambda: not leftovers(), timeout=60, message="every child to be garbage-collected")
    # The namespace's trainer identity belongs to no one job: the other job still runs as it.
    core_v1.read_namespaced_service_account("finetune-trainer", namespace)
    assert phase(custom_objects, namespace, "stays") == "Running"


def test_suspend_maps_to_run_policy(operator, custom_objects, core_v1, namespace) -> None:
    create_job(custom_objects, namespace, job_manifest("sus"))
    wait_phase(custom_objects, namespace, "sus", "Running")
    custom_objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace, PLURAL, "sus", {"spec": {"suspend": True}}
    )
    job = wait_phase(custom_objects, namespace, "sus", "Suspended")
    assert pytorchjobs(custom_objects, namespace)[0]["spec"]["runPolicy"]["suspend"] is True
    # Issue 23, friction point 7: Running stayed True while Suspended.
    assert condition(job, "Running")["status"] == "False" and job["status"]["reason"] == "SuspendedBySpec"
    custom_objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace, PLURAL, "sus", {"spec": {"suspend": False}}
    )
    job = wait_phase(custom_objects, namespace, "sus", "Running")
    assert pytorchjobs(custom_objects, namespace)[0]["spec"]["runPolicy"]["suspend"] is False
    assert condition(job, "Suspended")["status"] == "False" and condition(job, "Running")["status"] == "True"
