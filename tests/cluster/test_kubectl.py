"""What users do with kubectl alone: server-side dry runs of the examples, and `kubectl explain`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hack.manifests import job_manifest

from tests.cluster.helpers import kubectl
from tests.conftest import REPO_ROOT

EXAMPLES = sorted(p for p in (REPO_ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_passes_server_side_dry_run(testbed, namespace, example: Path):
    documents = [d for d in yaml.safe_load_all(example.read_text()) if d]
    for document in documents:
        document["metadata"].pop("namespace", None)
    result = kubectl(
        testbed, "apply", "--dry-run=server", "-n", namespace, "-f", "-", stdin=yaml.safe_dump_all(documents)
    )
    assert result.returncode == 0, result.stderr
    assert "(server dry run)" in result.stdout


def test_server_side_dry_run_rejects_an_invalid_job_with_a_readable_message(testbed, namespace):
    job = {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneJob",
        "metadata": {"name": "bad"},
        "spec": {
            "model": {"name": "llama-3.1-8b"},
            "method": "rlhf",
            "data": {"train": {"path": "/fsx/data/train.jsonl"}},
        },
    }
    result = kubectl(
        testbed, "apply", "--dry-run=server", "-n", namespace, "-f", "-", stdin=yaml.safe_dump(job)
    )
    assert result.returncode != 0
    assert "spec.method" in result.stderr and "rlhf" in result.stderr


@pytest.mark.parametrize(
    "field",
    [
        "finetunejob.spec",
        "finetunejob.spec.recipe.overrides",
        "finetunejob.status.checkpoint",
        "finetunejob.status.progress",
        "finetunejob.status.progress.percent",
        "finetunejob.status.progress.estimatedCompletionTime",
        "finetunejob.status.progress.reward",
        "finetunejob.spec.rewards",
        "finetunejob.spec.tools",
        "clusterfinetunerecipe.spec.config.grpo",
        "clusterfinetunerecipe.spec",
    ],
)
def test_kubectl_explain_teaches_the_api(testbed, field: str):
    result = kubectl(testbed, "explain", field)
    assert result.returncode == 0, result.stderr
    description = result.stdout.split("DESCRIPTION:", 1)[1].split("FIELD", 1)[0].strip()
    assert len(description) > 20, result.stdout


def test_kubectl_get_shows_progress_as_a_percentage_and_the_eta_wide(testbed, namespace, custom_objects):
    job = job_manifest("progress")
    custom_objects.create_namespaced_custom_object("finetune.dev", "v1alpha1", namespace, "finetunejobs", job)
    progress = {
        "attempt": 1,
        "step": 250,
        "totalSteps": 1000,
        "percent": "25%",
        "loss": 1.5,
        "reward": 0.5,
        "validationLoss": 0.82,
        "estimatedCompletionTime": "2026-11-22T12:00:00Z",
        "updatedAt": "2026-11-22T10:00:00Z",
    }
    queue = {"name": "hyperpod-ns-team-a-localqueue", "state": "Admitted", "preemptions": 1, "stepsLost": 0}
    custom_objects.patch_namespaced_custom_object_status(
        "finetune.dev",
        "v1alpha1",
        namespace,
        "finetunejobs",
        "progress",
        {
            "status": {
                "phase": "Running",
                "reason": "Running",
                "currentAttempt": 1,
                "progress": progress,
                "queue": queue,
                "usage": {"instanceHours": 1.25, "estimatedCost": 30.9, "currency": "USD"},
            }
        },
    )

    def table(*wide: str) -> dict[str, str]:
        result = kubectl(testbed, "get", "ftj", "progress", "-n", namespace, *wide)
        assert result.returncode == 0, result.stderr
        header, row = result.stdout.splitlines()
        return dict(zip(header.split(), row.split(), strict=True))

    assert (table()["PROGRESS"], table()["REASON"], table()["INSTANCE-HOURS"]) == ("25%", "Running", "1.25")
    wide = table("-o", "wide")
    assert wide["COST"] == "30.9"  # issue 25, usage
    assert wide["VAL-LOSS"] == "0.82"  # issue 23, friction point 6
    assert (wide["QUEUE"], wide["PREEMPTIONS"]) == ("hyperpod-ns-team-a-localqueue", "1")  # issue 24
    assert (wide["PROGRESS"], wide["STEP"], wide["TOTAL"], wide["ETA"], wide["REWARD"]) == (
        "25%",
        "250",
        "1000",
        "2026-11-22T12:00:00Z",
        "0.5",
    )


def test_suspend_cannot_change_once_the_job_has_finished(testbed, namespace, custom_objects):
    """Issue 23, friction point 7: `suspend` on a finished job said "suspended"; the CRD's rule sees
    the stored status and refuses the change, naming why."""
    job = job_manifest("done")
    custom_objects.create_namespaced_custom_object("finetune.dev", "v1alpha1", namespace, "finetunejobs", job)
    args = ("finetune.dev", "v1alpha1", namespace, "finetunejobs", "done")
    custom_objects.patch_namespaced_custom_object(*args, {"spec": {"suspend": True}})  # not finished yet
    custom_objects.patch_namespaced_custom_object(*args, {"spec": {"suspend": False}})
    custom_objects.patch_namespaced_custom_object_status(*args, {"status": {"phase": "Failed"}})
    result = kubectl(
        testbed, "patch", "ftj", "done", "-n", namespace, "--type=merge", "-p", '{"spec":{"suspend":true}}'
    )
    assert result.returncode != 0
    assert "spec.suspend cannot change once the job has finished" in result.stderr, result.stderr
    # Other changes that may be made stay possible.
    custom_objects.patch_namespaced_custom_object(*args, {"spec": {"resume": {"maxAttempts": 4}}})
