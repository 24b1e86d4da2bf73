"""`kubectl finetune` against what a new user hit (issue 23): unwatched namespaces, the upload
pod, finished jobs, GRPO flags, logs per rank, status --timeout, list -A, TensorBoard.

The cluster is a fake with the calls the plugin makes; the API server's own behaviour is
covered on the bed (tests/cluster/test_plugin.py)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from finetune_operator.plugin.cluster import Cluster
from finetune_operator.plugin.main import main


def cli(*parts: str) -> list[str]:
    return shlex.split(" ".join(parts))


def job_object(name: str = "j", namespace: str = "team-a", **status: Any) -> dict[str, Any]:
    return {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneJob",
        "metadata": {"name": name, "namespace": namespace, "creationTimestamp": "2026-12-07T01:00:00Z"},
        "spec": {"model": {"name": "llama-3.1-8b"}, "method": "lora", "data": {"train": {"path": "/fsx/d"}}},
        "status": status,
    }


class JobsCluster:
    """The plugin's Cluster for commands on existing jobs: ``get``, ``jobs`` and ``set_suspend``."""

    default_namespace = "team-a"

    def __init__(self, *jobs: dict[str, Any]) -> None:
        self.by_key = {(j["metadata"]["namespace"], j["metadata"]["name"]): j for j in jobs}
        self.suspends: list[tuple[str, str, bool]] = []
        self.core: Any = None

    def get(self, namespace: str, name: str) -> dict[str, Any]:
        return self.by_key[(namespace, name)]

    def set_suspend(self, namespace: str, name: str, suspend: bool) -> None:
        self.suspends.append((namespace, name, suspend))


@pytest.fixture
def jobs_cluster(monkeypatch: pytest.MonkeyPatch) -> JobsCluster:
    cluster = JobsCluster()
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    return cluster


# --- friction point 7: finished jobs, GRPO ---------------------------------------------------------


@pytest.mark.parametrize("verb", ["suspend", "resume"])
@pytest.mark.parametrize("phase", ["Succeeded", "Failed"])
def test_suspend_and_resume_of_a_finished_job_are_refused(
    jobs_cluster: JobsCluster, capsys: pytest.CaptureFixture[str], verb: str, phase: str
) -> None:
    jobs_cluster.by_key[("team-a", "j")] = job_object(phase=phase)
    assert main([verb, "j"], None) == 1
    captured = capsys.readouterr()
    assert f"finetunejob j has ended (phase {phase}): there is nothing to {verb}" in captured.err
    assert captured.out == "" and jobs_cluster.suspends == []


def test_suspend_of_a_running_job_sets_spec_suspend(
    jobs_cluster: JobsCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs_cluster.by_key[("team-a", "j")] = job_object(phase="Running", currentAttempt=1)
    assert main(["suspend", "j"], None) == 0
    assert jobs_cluster.suspends == [("team-a", "j", True)]
    assert "finetunejob.finetune.dev/j suspended" in capsys.readouterr().out


def test_logs_of_a_job_that_ended_before_its_first_attempt_say_so(
    jobs_cluster: JobsCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    condition = {"type": "Failed", "status": "True", "reason": "InvalidSpec", "message": "spec.image: no"}
    jobs_cluster.by_key[("team-a", "j")] = job_object(phase="Failed", conditions=[condition])
    assert main(["logs", "j"], None) == 1
    err = capsys.readouterr().err
    assert "has no attempt yet" not in err
    assert "j ended (Failed: InvalidSpec (spec.image: no)) before any attempt started" in err


def test_grpo_lora_is_a_training_type_that_needs_rewards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = cli(
        "submit --job-name g --model-name llama-3.1-8b --training-type grpo-lora -n team-a",
        "--data-jsonl /fsx/data/team-a/prompts.jsonl -o yaml",
    )
    assert main(argv, None) == 2
    err = capsys.readouterr().err
    assert "method grpo-lora needs rewards: --rewards FILE" in err and "supported" not in err
    rewards = tmp_path / "rewards.yaml"
    rewards.write_text("- {name: correct, builtin: exact-match, field: answer}\n")
    assert main([*argv, "--rewards", str(rewards)], None) == 0
    (job,) = [d for d in yaml.safe_load_all(capsys.readouterr().out) if d["kind"] == "FineTuneJob"]
    assert job["spec"]["method"] == "grpo-lora"
    assert job["spec"]["rewards"] == [{"name": "correct", "builtin": "exact-match", "field": "answer"}]


def test_rewards_on_a_method_without_them_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rewards = tmp_path / "rewards.yaml"
    rewards.write_text("- {name: short, builtin: length-penalty}\n")
    argv = cli(
        "submit --job-name l --model-name llama-3.1-8b --training-type lora -n team-a",
        f"--data-jsonl /fsx/data/team-a/d.jsonl -o yaml --rewards {rewards}",
    )
    assert main(argv, None) == 2
    assert "--rewards applies to methods grpo and grpo-lora only" in capsys.readouterr().err
