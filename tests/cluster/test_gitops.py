"""No drift under GitOps: every example applied as Argo CD applies it stays exactly as applied.

The examples are applied with server-side apply under Argo CD's field manager
(`argocd-controller`), the operator runs them to a steady state (HyperPod jobs on kwok nodes,
SageMaker jobs against a moto server), and then:
- `kubectl diff --server-side` against the same files is empty (Argo CD would show Synced), and
- no other field manager owns a field under `spec`, nor any field the GitOps manager applied: the
  operator writes only status and its own metadata (finalizer, bookkeeping annotations).
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hack.kwok import wait_for
from hack.operator_process import OperatorProcess

from finetune_operator.publishing import allowlist_key, parse_target
from tests.cluster.helpers import DUMMY_CREDENTIALS, kubectl, operator_config
from tests.conftest import REPO_ROOT
from tests.sagemaker_fixtures import RECORD, MotoSageMaker

pytest_plugins = ["tests.sagemaker_fixtures"]

GITOPS_MANAGER = "argocd-controller"
EXAMPLES = sorted((REPO_ROOT / "examples").glob("*.yaml"))
GROUP, VERSION = "finetune.dev", "v1alpha1"
PLURALS = {
    "FineTuneJob": "finetunejobs",
    "FineTuneRecipe": "finetunerecipes",
    "FineTuneSweep": "finetunesweeps",
}
PROMPT_RECORD = {"prompt": "What is 2 + 3?", "answer": "5"}
BEDROCK_RECORD = {
    "schemaVersion": "bedrock-conversation-2024",
    "messages": [
        {"role": "user", "content": [{"text": "hi"}]},
        {"role": "assistant", "content": [{"text": "hello"}]},
    ],
}


def server_side(testbed, verb: str, namespace: str, path: Path) -> subprocess.CompletedProcess[str]:
    """`kubectl apply|diff --server-side` of an example under the GitOps field manager."""
    flags = (verb, "--server-side", f"--field-manager={GITOPS_MANAGER}", "-n", namespace, "-f", "-")
    return kubectl(testbed, *flags, stdin=yaml.safe_dump_all(example_documents(path)))


def example_documents(path: Path) -> list[dict[str, Any]]:
    """The example as a GitOps repository holds it for this namespace (the Application sets it).

    Two examples name their job alike (they are alternatives); here they share one namespace,
    so each object is prefixed with its file's index among the examples (and a job's references
    to the ConfigMaps of its file follow their new names).
    """
    documents = [d for d in yaml.safe_load_all(path.read_text()) if d]
    prefix = f"e{EXAMPLES.index(path)}-"
    for document in documents:
        document["metadata"].pop("namespace", None)
        document["metadata"]["name"] = prefix + document["metadata"]["name"]
        spec = job_spec(document)
        for source in [*(spec.get("rewards") or []), spec.get("tools") or {}]:
            if "configMap" in source:
                source["configMap"]["name"] = prefix + source["configMap"]["name"]
    return documents


def job_spec(document: dict[str, Any]) -> dict[str, Any]:
    """A job's spec, or the one a sweep's trials start from."""
    spec = document.get("spec") or {}
    return dict((spec.get("template") or {}).get("spec") or spec)


def s3_uris(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from s3_uris(item)
    elif isinstance(value, list):
        for item in value:
            yield from s3_uris(item)
    elif isinstance(value, str) and value.startswith("s3://"):
        yield value


def leaves(fields: dict[str, Any], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """The field paths a managedFields entry (fieldsV1) owns, leaves only."""
    found: set[tuple[str, ...]] = set()
    for key, child in fields.items():
        if key == ".":
            continue
        if isinstance(child, dict) and any(k != "." for k in child):
            found |= leaves(child, (*prefix, key))
        else:
            found.add((*prefix, key))
    return found


@pytest.fixture
def gitops_operator(
    testbed, namespace, tmp_path, aws: MotoSageMaker, custom_objects
) -> Iterator[OperatorProcess]:
    """The operator with SageMaker on moto, where every bucket and key the examples read exists."""
    s3 = aws.client("s3")
    buckets: set[str] = set()
    for path in EXAMPLES:
        for document in example_documents(path):
            spec = job_spec(document)
            record = (
                BEDROCK_RECORD if (spec.get("data") or {}).get("format") == "bedrock-conversation" else RECORD
            )
            if str(spec.get("method", "")).startswith("grpo"):
                record = PROMPT_RECORD
            for uri in set(s3_uris(spec)):
                bucket, _, key = uri.removeprefix("s3://").partition("/")
                buckets.add(bucket)
                if bucket not in {b["Name"] for b in s3.list_buckets()["Buckets"]}:
                    s3.create_bucket(Bucket=bucket)
                key = key.rstrip("/") + "/part-0.jsonl" if key.endswith("/") or not key else key
                s3.put_object(Bucket=bucket, Key=key, Body=(json.dumps(record) + "\n").encode())
    # The examples are written for the teams they name (data under /fsx/data/<team>, an ECR
    # trainer image, the team's S3 buckets): this namespace is given what those teams have
    # (docs/security.md).
    # ... and the demo's team may publish where its example does (the chart's bed values say the same).
    publish_targets = sorted(
        allowlist_key(parse_target(d["spec"]["publish"]["target"]))
        for p in EXAMPLES
        for d in example_documents(p)
        if d["kind"] == "FineTuneJob" and d["spec"].get("publish")
    )
    platform = {
        "storage": {"read_roots": ["/fsx/models", "/fsx/data", "/fsx/finetune/{namespace}"]},
        "image_allowlist": {namespace: ["*.dkr.ecr.*.amazonaws.com/finetune-trainer:*"]},
        "publish": {"allowlist": {namespace: publish_targets}},
    }
    s3_prefixes = {namespace: [f"s3://{bucket}/" for bucket in sorted(buckets)]}
    process = OperatorProcess(
        testbed.kubeconfig,
        namespace,
        tmp_path,
        config=operator_config(aws, allowed_s3_prefixes=s3_prefixes) | platform,
        env=DUMMY_CREDENTIALS,
    )
    process.start()
    try:
        yield process
    finally:
        process.stop()
        for job in custom_objects.list_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs")[
            "items"
        ]:
            custom_objects.patch_namespaced_custom_object(
                GROUP,
                VERSION,
                namespace,
                "finetunejobs",
                job["metadata"]["name"],
                {"metadata": {"finalizers": None}},
            )


def test_examples_applied_by_gitops_never_drift(testbed, namespace, gitops_operator, custom_objects) -> None:
    for path in EXAMPLES:
        applied = server_side(testbed, "apply", namespace, path)
        assert applied.returncode == 0, f"{path.name}: {applied.stderr}"

    jobs = [
        (d["metadata"]["name"]) for p in EXAMPLES for d in example_documents(p) if d["kind"] == "FineTuneJob"
    ]

    def settled() -> bool:
        for name in jobs:
            job = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs", name)
            status = job.get("status") or {}
            if not status.get("phase") or status.get("observedGeneration") != job["metadata"]["generation"]:
                return False
            if status["phase"] in ("Submitted", "Pending") and status.get("currentAttempt", 0) == 0:
                return False
        return True

    wait_for(settled, timeout=120, message="every example job reconciled by the operator")
    time.sleep(5)  # let SageMaker polls and PyTorchJob events write status a few more times

    statuses = {
        name: custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs", name)[
            "status"
        ]
        for name in jobs
    }
    # The operator really ran every example (an attempt each), and failed none of them.
    assert all(s["currentAttempt"] >= 1 and s["phase"] != "Failed" for s in statuses.values()), statuses

    # The sweep example (the seed's tuner) on SageMaker: its first trials are FineTuneJobs it owns,
    # each a training job on moto, with TPE's parameters in their overrides.
    (sweep,) = [d for p in EXAMPLES for d in example_documents(p) if d["kind"] == "FineTuneSweep"]

    def trials_submitted() -> list[dict[str, Any]] | None:
        trials = [
            j
            for j in custom_objects.list_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs")[
                "items"
            ]
            if (j["metadata"].get("labels") or {}).get("finetune.dev/sweep") == sweep["metadata"]["name"]
        ]
        submitted = [
            t for t in trials if ((t.get("status") or {}).get("sagemaker") or {}).get("trainingJobName")
        ]
        return trials if len(submitted) == sweep["spec"]["maxParallelTrials"] == len(trials) else None

    trials = wait_for(trials_submitted, timeout=120, message="the sweep's first trials on SageMaker")
    sweep_status = custom_objects.get_namespaced_custom_object(
        GROUP, VERSION, namespace, "finetunesweeps", sweep["metadata"]["name"]
    )["status"]
    assert sweep_status["phase"] == "Running" and sweep_status["trialsRunning"] == 2, sweep_status
    for trial in trials:
        overrides = trial["spec"]["recipe"]["overrides"]
        assert 1e-7 <= overrides["optimizer.learningRate"] <= 1e-5 and overrides[
            "training.microBatchSize"
        ] in range(1, 5)
        assert trial["metadata"]["ownerReferences"][0]["kind"] == "FineTuneSweep"

    for path in EXAMPLES:
        diff = server_side(testbed, "diff", namespace, path)
        assert diff.returncode == 0 and diff.stdout == "", f"{path.name} drifted:\n{diff.stdout}{diff.stderr}"

        for document in example_documents(path):
            if document["kind"] not in PLURALS:
                continue  # a ConfigMap of reward code: nothing but the GitOps manager writes it
            live = custom_objects.get_namespaced_custom_object(
                GROUP, VERSION, namespace, PLURALS[document["kind"]], document["metadata"]["name"]
            )
            entries = live["metadata"]["managedFields"]
            (gitops,) = [e for e in entries if e["manager"] == GITOPS_MANAGER and e["operation"] == "Apply"]
            user_fields = leaves(gitops["fieldsV1"])
            for entry in entries:
                if entry is gitops:
                    continue
                owned = leaves(entry.get("fieldsV1") or {})
                where = f"{path.name}: {document['metadata']['name']}: manager {entry['manager']}"
                assert not [f for f in owned if f[0] == "f:spec"], f"{where} wrote spec: {sorted(owned)}"
                assert not owned & user_fields, (
                    f"{where} took over applied fields {sorted(owned & user_fields)}"
                )
