"""`kubectl finetune` against what a new user hit (issue 23): unwatched namespaces, the upload
pod, finished jobs, GRPO flags, logs per rank, status --timeout, list -A, TensorBoard.

The cluster is a fake with the calls the plugin makes; the API server's own behaviour is
covered on the bed (tests/cluster/test_plugin.py)."""

from __future__ import annotations

import io
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from kopf._cogs.structs.references import match_namespace
from kubernetes.client import (
    ApiClient,
    V1ConfigMap,
    V1ContainerState,
    V1ContainerStateWaiting,
    V1ContainerStatus,
    V1ObjectMeta,
    V1Pod,
    V1PodCondition,
    V1PodStatus,
)
from kubernetes.client.exceptions import ApiException

from finetune_operator import yamlio
from finetune_operator.api.training_config import Method
from finetune_operator.plugin import flags, operator_config
from finetune_operator.plugin.cluster import Cluster, ClusterError
from finetune_operator.plugin.logs import follow_cloudwatch
from finetune_operator.plugin.main import main
from finetune_operator.plugin.tensorboard import build_tensorboard_pod
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.storage import PosixUser


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


# --- friction point 1: a namespace no operator watches --------------------------------------------


def operator_config_map(config: dict[str, Any], namespace: str = "finetune-system") -> V1ConfigMap:
    return V1ConfigMap(
        metadata=V1ObjectMeta(name="finetune-operator", namespace=namespace),
        data={"config.yaml": yaml.safe_dump(config)},
    )


class ConfigMapsCore:
    """CoreV1Api's ConfigMap listing: the chart's operator ConfigMaps, or a refusal."""

    def __init__(self, *config_maps: V1ConfigMap, refuse: int | None = None) -> None:
        self.config_maps = list(config_maps)
        self.refuse = refuse
        self.selectors: list[str] = []

    def list_config_map_for_all_namespaces(self, label_selector: str) -> Any:
        self.selectors.append(label_selector)
        if self.refuse:
            raise ApiException(status=self.refuse, reason="Forbidden")
        return SimpleNamespace(items=self.config_maps)


class SubmitCluster:
    """The plugin's Cluster as far as submit uses it, recording writes and upload pods."""

    default_namespace = "team-a"

    def __init__(self, core: ConfigMapsCore) -> None:
        self.core = core
        self.writes: list[tuple[str, bool]] = []
        self.upload_pods: list[dict[str, Any]] = []

    def recipes(self, namespace: str) -> list[Any]:
        return load_recipes_dir(BUILTIN_RECIPES_DIR)

    def write(self, document: dict[str, Any], dry_run: bool) -> dict[str, Any]:
        self.writes.append((document["kind"], dry_run))
        return {**document, "metadata": {**document["metadata"], "uid": "job-uid"}}

    def copy_through_pod(self, pod: dict[str, Any], source: Path, report: Any, verbose: bool) -> None:
        self.upload_pods.append(pod)


def submit_cluster(monkeypatch: pytest.MonkeyPatch, core: ConfigMapsCore) -> SubmitCluster:
    cluster = SubmitCluster(core)
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    return cluster


SUBMIT = (
    "submit --job-name j --model-name llama-3.1-8b --training-type lora --data-jsonl /fsx/data/team-b/d.jsonl"
)


@pytest.mark.parametrize(
    ("patterns", "namespace"),
    [
        ([], "anything"),
        (["team-a"], "team-a"),
        (["team-a"], "team-b"),
        (["team-*"], "team-b"),
        (["team-*, !team-x"], "team-x"),
        (["!kube-*"], "team-b"),
        (["!kube-*"], "kube-system"),
        (["myapp-*, !*-pr-*, *pr-123"], "myapp-pr-123"),
        (["myapp-*, !*-pr-*, *pr-123"], "otherapp-pr-123"),
        (["a", "b"], "b"),
    ],
)
def test_watched_namespaces_match_as_kopf_matches_them(patterns: list[str], namespace: str) -> None:
    expected = not patterns or any(match_namespace(namespace, p) for p in patterns)  # type: ignore[arg-type]
    assert operator_config.watches_namespace(patterns, namespace) is expected


@pytest.mark.parametrize("dry_run", [True, False])
def test_submit_says_when_no_operator_watches_the_namespace_naming_the_config_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], dry_run: bool
) -> None:
    """A warning, not an error: an operator run outside the chart leaves no config to find."""
    core = ConfigMapsCore(operator_config_map({"namespaces": ["team-a"]}))
    submit_cluster(monkeypatch, core)
    argv = cli(SUBMIT, "-n team-b", "--dry-run" if dry_run else "")
    assert main(argv, None) == 0
    err = capsys.readouterr().err
    assert (
        "warning: no operator watches namespace team-b: finetune-system/finetune-operator watches [team-a] "
        "(config.namespaces in the chart's values" in err
    )
    assert "would stay Pending" in err and "add team-b to config.namespaces" in err
    assert core.selectors == [operator_config.CONFIG_SELECTOR]
    # A watched namespace (a pattern matches it) gets no warning.
    core.config_maps = [operator_config_map({"namespaces": ["team-*"]})]
    assert main(argv, None) == 0
    assert "warning" not in capsys.readouterr().err


def test_an_operator_config_the_user_may_not_read_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster = submit_cluster(monkeypatch, ConfigMapsCore(refuse=403))
    assert main(cli(SUBMIT, "-n team-b"), None) == 0
    err = capsys.readouterr().err
    assert (
        "warning: cannot read the operator's config (listing ConfigMaps in all namespaces was refused" in err
    )
    assert "--operator-namespace" in err and "(config.namespaces) was not checked" in err
    assert cluster.writes[-1] == ("FineTuneJob", False)


def test_render_warns_when_its_config_watches_other_namespaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("namespaces: [team-a]\n")
    job = tmp_path / "job.yaml"
    job.write_text(
        yaml.safe_dump(
            {
                "apiVersion": "finetune.dev/v1alpha1",
                "kind": "FineTuneJob",
                "metadata": {"name": "j", "namespace": "team-b"},
                "spec": {
                    "model": {"name": "llama-3.1-8b"},
                    "method": "lora",
                    "data": {"train": {"path": "/fsx/data/team-b/d.jsonl"}},
                },
            }
        )
    )
    assert main(["render", "-f", str(job), "--config", str(config)], None) == 0
    err = capsys.readouterr().err
    assert (
        f"warning: no operator watches namespace team-b: {config} watches [team-a] (config.namespaces" in err
    )
    config.write_text("namespaces: [team-a, team-b]\n")
    assert main(["render", "-f", str(job), "--config", str(config)], None) == 0
    assert "no operator watches" not in capsys.readouterr().err


# --- friction point 2: the upload pod -------------------------------------------------------------


def test_the_upload_pod_runs_the_trainer_image_of_the_operators_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    train = tmp_path / "train.jsonl"
    train.write_text('{"messages": []}\n')
    core = ConfigMapsCore(
        operator_config_map(
            {
                "trainer_image": "registry.example/finetune-trainer:9.9",
                "model_root": "/shared/models",
                "storage": {
                    "claim_mount_path": "/shared",
                    "write_root": "/shared/finetune/{namespace}/{name}",
                    "read_roots": ["/shared/models", "/shared/finetune/{namespace}"],
                    "compile_cache_dir": "/shared/neuron_cache",
                    "run_as": {"uid": 2000, "gid": 2000},
                },
            }
        )
    )
    cluster = submit_cluster(monkeypatch, core)
    argv = cli(
        "submit --job-name j --model-name llama-3.1-8b --training-type lora -n team-a",
        f"--data-jsonl {train} --upload-data",
    )
    assert main(argv, None) == 0
    (pod,) = cluster.upload_pods
    assert pod["spec"]["containers"][0]["image"] == "registry.example/finetune-trainer:9.9"
    assert pod["spec"]["securityContext"]["runAsUser"] == 2000  # the operator's storage.run_as
    # Where the operator's pods see the claim: the upload lands there, and the job reads it there.
    (mount,) = pod["spec"]["containers"][0]["volumeMounts"]
    assert (mount["mountPath"], mount["subPath"]) == (
        "/shared/finetune/team-a/uploads",
        "finetune/team-a/uploads",
    )
    assert "warning" not in capsys.readouterr().err
    # Without the config: today's default, with a warning that names --upload-image.
    core.refuse = 403
    cluster.upload_pods.clear()
    assert main(argv, None) == 0
    assert cluster.upload_pods[0]["spec"]["containers"][0]["image"] == "finetune-trainer:0.1.0"
    err = capsys.readouterr().err
    assert "the upload pod runs the default trainer image finetune-trainer:0.1.0; pass --upload-image" in err
    assert "trainer image is unknown (its config was not read" in err
    # --upload-image wins.
    cluster.upload_pods.clear()
    assert main([*argv, "--upload-image", "busybox:1.36"], None) == 0
    assert cluster.upload_pods[0]["spec"]["containers"][0]["image"] == "busybox:1.36"


def waiting_pod(reason: str, message: str = "", image: str = "finetune-trainer:0.1.0") -> V1Pod:
    waiting = V1ContainerStateWaiting(reason=reason, message=message or None)
    return V1Pod(
        status=V1PodStatus(
            phase="Pending",
            container_statuses=[
                V1ContainerStatus(
                    name="upload",
                    image=image,
                    image_id="",
                    ready=False,
                    restart_count=0,
                    state=V1ContainerState(waiting=waiting),
                )
            ],
        )
    )


class PendingPodCore:
    """An upload pod that goes through ``states`` (V1Pods), staying in the last."""

    def __init__(self, *states: V1Pod) -> None:
        self.states = list(states)
        self.created: list[str] = []
        self.deleted: list[str] = []

    def create_namespaced_pod(self, namespace: str, pod: dict[str, Any]) -> None:
        self.created.append(pod["metadata"]["name"])

    def read_namespaced_pod(self, name: str, namespace: str) -> V1Pod:
        return self.states.pop(0) if len(self.states) > 1 else self.states[0]

    def delete_namespaced_pod(self, name: str, namespace: str, grace_period_seconds: int) -> None:
        self.deleted.append(name)


def fake_cluster(core: Any) -> Cluster:
    cluster = Cluster.__new__(Cluster)
    cluster.api = ApiClient()
    cluster.core = core
    return cluster


UPLOAD_POD = {"metadata": {"name": "j-upload-1", "namespace": "team-a"}}


@pytest.mark.parametrize("reason", ["ErrImagePull", "ImagePullBackOff", "InvalidImageName"])
def test_the_upload_pod_fails_fast_on_image_pull_errors_suggesting_upload_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    core = PendingPodCore(
        V1Pod(status=V1PodStatus(phase="Pending")),
        waiting_pod("ContainerCreating"),
        waiting_pod(reason, 'Back-off pulling image "finetune-trainer:0.1.0"'),
    )
    lines: list[str] = []
    started = time.monotonic()
    with pytest.raises(ClusterError) as raised:
        fake_cluster(core).copy_through_pod(UPLOAD_POD, tmp_path / "unused", lines.append)
    assert time.monotonic() - started < 5
    message = str(raised.value)
    assert f"upload pod j-upload-1 cannot get its image finetune-trainer:0.1.0 ({reason}" in message
    assert "pass --upload-image IMAGE" in message
    assert lines == [
        "upload pod j-upload-1: Pending, waiting to start",
        "upload pod j-upload-1: Pending (ContainerCreating), waiting to start",
    ]
    assert core.deleted == ["j-upload-1"]


def test_the_upload_pod_says_what_it_waits_for_and_why_with_verbose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    monkeypatch.setattr("finetune_operator.plugin.cluster.POD_TIMEOUT_S", -1.0)
    unschedulable = V1Pod(
        status=V1PodStatus(
            phase="Pending",
            conditions=[
                V1PodCondition(
                    type="PodScheduled",
                    status="False",
                    reason="Unschedulable",
                    message="0/3 nodes are available: 3 Insufficient cpu.",
                )
            ],
        )
    )
    lines: list[str] = []
    with pytest.raises(ClusterError, match=r"still Pending \(Unschedulable\) after .*Insufficient cpu"):
        fake_cluster(PendingPodCore(unschedulable)).copy_through_pod(
            UPLOAD_POD, tmp_path / "unused", lines.append, verbose=True
        )
    assert lines == [
        "upload pod j-upload-1: Pending (Unschedulable), waiting to start: "
        "0/3 nodes are available: 3 Insufficient cpu."
    ]


SIGNAL_SCRIPT = """
import sys, time
from pathlib import Path
from kubernetes.client import ApiClient, V1Pod, V1PodStatus
from finetune_operator.plugin.cluster import Cluster, Terminated

log = Path(sys.argv[1])

class Core:
    def create_namespaced_pod(self, namespace, pod):
        log.write_text("created\\n")
    def read_namespaced_pod(self, name, namespace):
        return V1Pod(status=V1PodStatus(phase="Pending"))
    def delete_namespaced_pod(self, name, namespace, grace_period_seconds):
        with log.open("a") as f:
            f.write(f"deleted {name}\\n")

cluster = Cluster.__new__(Cluster)
cluster.api = ApiClient()
cluster.core = Core()
pod = {"metadata": {"name": "j-upload-1", "namespace": "team-a"}}
try:
    cluster.copy_through_pod(pod, Path("unused"), lambda line: print(line, flush=True))
except KeyboardInterrupt:  # as main() ends on them
    sys.exit(130)
except Terminated:
    sys.exit(143)
finally:
    with log.open("a") as f:
        f.write("exited\\n")
"""


@pytest.mark.parametrize(("sig", "exit_code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_to_the_plugin_deletes_the_upload_pod(
    tmp_path: Path, sig: signal.Signals, exit_code: int
) -> None:
    log = tmp_path / "calls"
    process = subprocess.Popen(
        [sys.executable, "-c", SIGNAL_SCRIPT, str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert "waiting to start" in process.stdout.readline()  # the pod exists and is being waited on
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert log.read_text() == "created\ndeleted j-upload-1\nexited\n", stderr
    assert process.returncode == exit_code, stderr


# --- friction point 8: logs per rank, logs -f that waits, status --timeout, list -A, REASON --------


class LogsCore:
    """CoreV1Api for ``logs``: pods that go through ``states`` (None: not created yet), then logs."""

    def __init__(self, states: list[V1Pod | None], text: str = "step 1 loss 2.0\n") -> None:
        self.api_client = ApiClient()
        self.states = states
        self.text = text
        self.log_calls: list[tuple[str, dict[str, Any]]] = []

    def read_namespaced_pod(self, name: str, namespace: str) -> V1Pod:
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        if state is None:
            raise ApiException(status=404, reason="Not Found")
        return state

    def read_namespaced_pod_log(self, name: str, namespace: str, **options: Any) -> Any:
        self.log_calls.append((name, options))
        text = self.text
        return SimpleNamespace(stream=lambda decode_content: iter([text.encode()]), release_conn=lambda: None)


def test_logs_shows_the_pod_of_a_rank_with_tail_and_since(
    jobs_cluster: JobsCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs_cluster.by_key[("team-a", "j")] = job_object(phase="Running", currentAttempt=2)
    jobs_cluster.core = LogsCore([V1Pod(status=V1PodStatus(phase="Running"))])
    assert main(cli("logs j --rank 2 --tail 50 --since 1h30m"), None) == 0
    assert jobs_cluster.core.log_calls == [
        (
            "j-a2-worker-1",
            {"follow": False, "_preload_content": False, "tail_lines": 50, "since_seconds": 5400},
        )
    ]
    assert capsys.readouterr().out == "step 1 loss 2.0\n"
    assert main(cli("logs j --pod j-a2-worker-0"), None) == 0
    assert jobs_cluster.core.log_calls[-1][0] == "j-a2-worker-0"
    assert main(cli("logs j"), None) == 0
    assert jobs_cluster.core.log_calls[-1][0] == "j-a2-master-0"
    assert main(cli("logs j --since yesterday"), None) == 2
    assert "--since 'yesterday': not a duration" in capsys.readouterr().err


def test_logs_follow_waits_for_the_container_and_says_so(
    jobs_cluster: JobsCluster, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    jobs_cluster.by_key[("team-a", "j")] = job_object(phase="Submitted", currentAttempt=1)
    jobs_cluster.core = LogsCore(
        [
            None,
            waiting_pod("ContainerCreating"),
            waiting_pod("ContainerCreating"),
            V1Pod(status=V1PodStatus(phase="Running")),
        ]
    )
    assert main(cli("logs j -f"), None) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "waiting for pod j-a1-master-0 to start: not created yet",
        "waiting for pod j-a1-master-0 to start: Pending (ContainerCreating)",
    ]
    assert captured.out == "step 1 loss 2.0\n"
    assert jobs_cluster.core.log_calls == [("j-a1-master-0", {"follow": True, "_preload_content": False})]


def test_logs_follow_stops_waiting_when_the_attempt_ends(
    jobs_cluster: JobsCluster, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    jobs_cluster.by_key[("team-a", "j")] = job_object(phase="Failed", currentAttempt=1)
    jobs_cluster.core = LogsCore([waiting_pod("ImagePullBackOff", "no such image")])
    assert main(cli("logs j -f"), None) == 1
    assert (
        "the attempt ended before pod j-a1-master-0 started (Pending (ImagePullBackOff): no such image)"
        in (capsys.readouterr().err)
    )


class PhasesCluster(JobsCluster):
    """A job whose phase follows ``phases``, one per ``get``."""

    def __init__(self, phases: list[str]) -> None:
        super().__init__()
        self.phases = phases

    def get(self, namespace: str, name: str) -> dict[str, Any]:
        phase = self.phases.pop(0) if len(self.phases) > 1 else self.phases[0]
        return job_object(name, namespace, phase=phase)


@pytest.mark.parametrize(
    ("phases", "timeout", "exit_code"),
    [
        (["Pending", "Running", "Succeeded"], "10m", 0),
        (["Running", "Failed"], "10m", 1),
        (["Running"], "1s", 3),
    ],
)
def test_status_timeout_waits_and_exits_by_the_outcome(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    phases: list[str],
    timeout: str,
    exit_code: int,
) -> None:
    monkeypatch.setattr("finetune_operator.plugin.main.STATUS_POLL_SECONDS", 0.05)
    cluster = PhasesCluster(phases)
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    started = time.monotonic()
    assert main(cli(f"status j --timeout {timeout}"), None) == exit_code
    assert time.monotonic() - started < 5
    if exit_code == 3:
        assert "error: j is still Running after --timeout 1s" in capsys.readouterr().err


class ListingCluster(JobsCluster):
    def jobs(self, namespace: str | None) -> list[dict[str, Any]]:
        return [j for (ns, _), j in sorted(self.by_key.items()) if namespace in (None, ns)]


def test_list_all_namespaces_has_a_namespace_column_and_every_list_a_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = {"type": "AttemptBlocked", "status": "True", "reason": "Unschedulable"}
    running = {"type": "Running", "status": "True", "reason": "PyTorchJobRunning"}
    failed = {"type": "Failed", "status": "True", "reason": "MaxAttemptsReached"}
    cluster = ListingCluster(
        job_object("a", "team-a", phase="Running", conditions=[running, blocked]),
        job_object("b", "team-b", phase="Failed", conditions=[running | {"status": "False"}, failed]),
    )
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    assert main(cli("list -A"), None) == 0
    lines = [line.split()[:4] for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        ["NAMESPACE", "NAME", "PHASE", "REASON"],
        ["team-a", "a", "Running", "Unschedulable"],
        ["team-b", "b", "Failed", "MaxAttemptsReached"],
    ]
    assert main(cli("list -n team-b"), None) == 0
    assert [line.split()[:3] for line in capsys.readouterr().out.splitlines()] == [
        ["NAME", "PHASE", "REASON"],
        ["b", "Failed", "MaxAttemptsReached"],
    ]


def test_a_misspelt_instance_type_gets_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    argv = cli(
        "submit --job-name j --model-name llama-3.1-8b --training-type lora -n team-a",
        "--data-jsonl /fsx/data/team-a/d.jsonl -o yaml --instance-type ml.trn1.32xlage",
    )
    assert main(argv, None) == 2
    err = capsys.readouterr().err
    assert "--instance-type ml.trn1.32xlage: not in the HyperPod instance catalog" in err
    assert "did you mean ml.trn1.32xlarge?" in err


# --- friction point 8: kubectl finetune tensorboard -----------------------------------------------

TENSORBOARD_GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "plugin" / "tensorboard-pod.yaml"


def test_the_tensorboard_pod_reads_only_the_jobs_directory_as_a_restricted_pod() -> None:
    pod = build_tensorboard_pod(
        "llama-lora",
        "team-a",
        "fsx-claim",
        "/fsx",
        "/fsx/finetune/team-a/llama-lora/tensorboard",
        "registry.example/finetune-trainer:9.9",
        PosixUser(uid=1000, gid=1000),
    )
    if os.environ.get("FINETUNE_UPDATE_GOLDEN") == "1":
        TENSORBOARD_GOLDEN.write_text(yamlio.dump_documents([pod]))
    assert yamlio.dump_documents([pod]) == TENSORBOARD_GOLDEN.read_text()
    spec = pod["spec"]
    (container,) = spec["containers"]
    assert spec["automountServiceAccountToken"] is False
    assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] == 1000
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    storage = next(m for m in container["volumeMounts"] if m["name"] == "storage")
    assert storage == {
        "name": "storage",
        "mountPath": "/tensorboard",
        "subPath": "finetune/team-a/llama-lora/tensorboard",
        "readOnly": True,
    }
    assert {"name": "storage", "persistentVolumeClaim": {"claimName": "fsx-claim", "readOnly": True}} in spec[
        "volumes"
    ]
    assert "--logdir=/tensorboard" in container["command"] and "--host=127.0.0.1" in container["command"]


class TensorBoardCluster(JobsCluster):
    """A cluster for ``tensorboard``: the job, the operator's config, and the pod calls."""

    def __init__(self, job: dict[str, Any], core: ConfigMapsCore) -> None:
        super().__init__(job)
        self.core = core
        self.started: list[dict[str, Any]] = []
        self.deleted: list[str] = []
        self.exists = False

    def start_pod(self, pod: dict[str, Any]) -> bool:
        self.started.append(pod)
        return not self.exists

    phase = "Running"

    def wait_pod(self, namespace: str, name: str, phases: tuple[str, ...], *args: Any) -> str:
        return self.phase

    def pod_log(self, namespace: str, name: str, container: str) -> str:
        return "ModuleNotFoundError: No module named 'tensorboard'"

    def delete_pod(self, namespace: str, name: str) -> None:
        self.deleted.append(name)


@pytest.fixture
def fake_kubectl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``kubectl`` whose port-forward records its arguments, then sends the plugin SIGTERM (as a
    user's kill would) and waits to be ended."""
    script = tmp_path / "kubectl"
    script.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/args\nkill -TERM $PPID\nsleep 30\n')
    script.chmod(0o755)
    monkeypatch.setattr("shutil.which", lambda name: str(script) if name == "kubectl" else None)
    return tmp_path / "args"


def test_tensorboard_serves_the_jobs_directory_and_deletes_its_pod_on_sigterm(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake_kubectl: Path
) -> None:
    job = job_object(phase="Running", currentAttempt=1)
    job["spec"]["resources"] = {"instanceType": "ml.g5.xlarge"}
    config = {"trainer_image": "trainer:neuron", "trainer_images": {"cuda": "trainer:cuda"}}
    cluster = TensorBoardCluster(job, ConfigMapsCore(operator_config_map(config)))
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    assert main(cli("tensorboard j --port 16006"), None) == 143
    (pod,) = cluster.started
    assert pod["spec"]["containers"][0]["image"] == "trainer:cuda"  # the job's family's trainer image
    assert pod["spec"]["containers"][0]["volumeMounts"][0]["subPath"] == "finetune/team-a/j/tensorboard"
    assert cluster.deleted == ["j-tensorboard"]
    assert fake_kubectl.read_text().split() == [
        "port-forward",
        "-n",
        "team-a",
        "pod/j-tensorboard",
        "16006:6006",
        "--address",
        "127.0.0.1",
    ]
    assert "at http://127.0.0.1:16006/" in capsys.readouterr().out


def test_tensorboard_reuses_a_running_pod_and_leaves_it_to_its_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake_kubectl: Path
) -> None:
    cluster = TensorBoardCluster(job_object(phase="Running"), ConfigMapsCore(operator_config_map({})))
    cluster.exists = True
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    assert main(cli("tensorboard j"), None) == 143
    assert cluster.deleted == []
    assert "reusing TensorBoard pod j-tensorboard" in capsys.readouterr().err


# --- the plugin's cluster and AWS calls behind the points above -----------------------------------


def test_operator_namespace_lists_only_that_namespace_and_a_refusal_names_the_flag() -> None:
    listed: list[tuple[str, str]] = []

    def list_namespaced_config_map(namespace: str, label_selector: str) -> Any:
        listed.append((namespace, label_selector))
        return SimpleNamespace(
            items=[
                operator_config_map({"namespaces": ["team-a"]}),
                V1ConfigMap(
                    metadata=V1ObjectMeta(name="other", namespace="finetune-system"), data={"x": "y"}
                ),
            ]
        )

    core = SimpleNamespace(list_namespaced_config_map=list_namespaced_config_map)
    configs = operator_config.read_operator_configs(core, "finetune-system")
    assert listed == [("finetune-system", operator_config.CONFIG_SELECTOR)]
    assert [f.source for f in configs.found] == ["finetune-system/finetune-operator"]  # with config.yaml only
    assert configs.config_for("team-a") is not None and configs.problems == []
    refused = operator_config.read_operator_configs(ConfigMapsCore(refuse=403), None)
    assert refused.found == [] and "--operator-namespace NS lists only" in refused.problems[0]


class FakeCloudWatch:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def describe_log_streams(self, logGroupName: str, logStreamNamePrefix: str) -> dict[str, Any]:
        streams = ["tj/algo-1-100", "tj/algo-2-100", "tj/algo-10-100"]
        return {"logStreams": [{"logStreamName": s} for s in streams if s.startswith(logStreamNamePrefix)]}

    def get_log_events(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if "nextToken" in kwargs:
            return {"events": [], "nextForwardToken": kwargs["nextToken"]}
        return {"events": [{"message": f"from {kwargs['logStreamName']}\n"}], "nextForwardToken": "t1"}


def test_sagemaker_logs_of_a_rank_come_from_its_hosts_stream_with_tail_and_since() -> None:
    cloudwatch = FakeCloudWatch()
    out = io.StringIO()
    started = time.time()
    follow_cloudwatch(cloudwatch, "tj", False, lambda: False, out, rank=1, tail=20, since_seconds=60)
    assert out.getvalue() == "from tj/algo-2-100\n"
    first = cloudwatch.calls[0]
    assert (first["logStreamName"], first["startFromHead"], first["limit"]) == ("tj/algo-2-100", False, 20)
    assert abs(first["startTime"] / 1000 - (started - 60)) < 5
    follow_cloudwatch(cloudwatch, "tj", False, lambda: False, out, rank=0)
    assert cloudwatch.calls[-2]["logStreamName"] == "tj/algo-1-100"  # not algo-10
    assert cloudwatch.calls[-2]["startFromHead"] is True and "limit" not in cloudwatch.calls[-2]


class StartPodCore:
    """A pod of the same name already there in ``phase`` (None: none)."""

    def __init__(self, phase: str | None) -> None:
        self.phase = phase
        self.created = 0
        self.deleted: list[str] = []

    def create_namespaced_pod(self, namespace: str, pod: dict[str, Any]) -> None:
        if self.phase is not None:
            raise ApiException(status=409, reason="AlreadyExists")
        self.created += 1

    def read_namespaced_pod(self, name: str, namespace: str) -> V1Pod:
        return V1Pod(status=V1PodStatus(phase=self.phase))

    def delete_namespaced_pod(self, name: str, namespace: str, grace_period_seconds: int) -> None:
        self.deleted.append(name)
        self.phase = None


@pytest.mark.parametrize(
    ("phase", "created", "deleted"),
    [(None, True, []), ("Running", False, []), ("Pending", False, []), ("Failed", True, ["j-tensorboard"])],
)
def test_start_pod_reuses_a_live_pod_and_replaces_an_ended_one(
    monkeypatch: pytest.MonkeyPatch, phase: str | None, created: bool, deleted: list[str]
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    core = StartPodCore(phase)
    pod = {"metadata": {"name": "j-tensorboard", "namespace": "team-a"}}
    assert fake_cluster(core).start_pod(pod) is created
    assert core.deleted == deleted and core.created == int(created)


class SequenceCluster(JobsCluster):
    """A job that goes through ``states`` (one per ``get``), staying in the last."""

    def __init__(self, states: list[dict[str, Any]], core: Any) -> None:
        super().__init__()
        self.states = states
        self.core = core

    def get(self, namespace: str, name: str) -> dict[str, Any]:
        return self.states.pop(0) if len(self.states) > 1 else self.states[0]


def test_logs_follow_of_a_pending_job_waits_for_its_first_attempt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    states = [
        job_object(phase="Pending"),
        job_object(phase="Pending"),
        job_object(phase="Submitted", currentAttempt=1),
    ]
    cluster = SequenceCluster(states, LogsCore([V1Pod(status=V1PodStatus(phase="Running"))]))
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    assert main(cli("logs j -f"), None) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == ["waiting for the first attempt of j (phase Pending)"]
    assert captured.out == "step 1 loss 2.0\n"


def test_tensorboard_whose_pod_ends_says_why_and_deletes_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake_kubectl: Path
) -> None:
    cluster = TensorBoardCluster(job_object(phase="Running"), ConfigMapsCore(operator_config_map({})))
    cluster.phase = "Failed"
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    assert main(cli("tensorboard j --image busybox"), None) == 1
    assert "TensorBoard pod j-tensorboard ended (Failed): ModuleNotFoundError" in capsys.readouterr().err
    assert cluster.started[0]["spec"]["containers"][0]["image"] == "busybox"
    assert cluster.deleted == ["j-tensorboard"] and not fake_kubectl.exists()


def test_the_training_types_the_api_and_both_docs_name_agree() -> None:
    """docs/cli.md once said grpo and grpo-lora were refused while docs/api.md listed them."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    api_row = next(
        line for line in (docs / "api.md").read_text().splitlines() if line.startswith("| `method` |")
    )
    api_methods = set(re.findall(r"`([a-z-]+)`", api_row.split(" | ")[1]))
    assert api_methods == {m.value for m in Method}
    assert set(flags.TRAINING_TYPES) == api_methods | set(flags.RUNNER_METHODS)
    cli_row = next(line for line in (docs / "cli.md").read_text().splitlines() if "`--training-type" in line)
    assert all(f"`{m}`" in cli_row for m in ("grpo", "grpo-lora", "dpo-lora")) and "refused" not in cli_row
