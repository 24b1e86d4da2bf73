"""Properties every rendered attempt must have, checked across all golden cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from finetune_operator import yamlio
from finetune_operator.admission import parse_job
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.hyperpod import render as hyperpod_render
from finetune_operator.backends.hyperpod.render import render_attempt
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir

RECIPES = load_recipes_dir(BUILTIN_RECIPES_DIR)
GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "hyperpod"
CASES = sorted(p.name for p in GOLDEN_DIR.iterdir() if (p / "rendered.yaml").exists())


def _job(document: str):
    return parse_job(yamlio.load_documents(document)[0])


def _render(job, attempt=1, resume_from=None):
    request, _ = build_attempt_request(job, RECIPES, OperatorConfig(), attempt, resume_from, None)
    return render_attempt(request)


def _operator_config(case: str) -> OperatorConfig:
    """The case's platform config (operator.yaml), or the defaults."""
    path = GOLDEN_DIR / case / "operator.yaml"
    return OperatorConfig.from_file(path) if path.exists() else OperatorConfig()


@pytest.mark.parametrize("case", CASES)
def test_pytorchjob_contract(case: str) -> None:
    objects = yamlio.load_file(GOLDEN_DIR / case / "rendered.yaml")
    kinds = [o["kind"] for o in objects]
    assert kinds == ["ServiceAccount", "RoleBinding", "PyTorchJob"]
    *identity, pytorchjob = objects
    job_name = pytorchjob["metadata"]["labels"]["finetune.dev/job"]
    assert pytorchjob["metadata"]["ownerReferences"][0]["kind"] == "FineTuneJob"
    for replica in pytorchjob["spec"]["pytorchReplicaSpecs"].values():
        assert replica["restartPolicy"] == "OnFailure"
        assert replica["template"]["metadata"]["labels"]["finetune.dev/job"] == job_name
        pod = replica["template"]["spec"]
        (container,) = pod["containers"]
        assert container["name"] == "pytorch"
        assert "aws.amazon.com/neurondevice" not in container["resources"]["limits"]
        assert container["resources"]["requests"] == container["resources"]["limits"]
        # Pod Security restricted (docs/security.md): non-root as the platform's FSx user, and
        # no fsGroup, which would chown the shared file system at every mount.
        run_as = _operator_config(case).storage.run_as
        assert pod["securityContext"] == {
            "runAsNonRoot": True,
            "runAsUser": run_as.uid,
            "runAsGroup": run_as.gid,
            "seccompProfile": {"type": "RuntimeDefault"},
            **({"supplementalGroups": run_as.supplemental_groups} if run_as.supplemental_groups else {}),
        }
        assert container["securityContext"] == {
            "privileged": False,
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"]},
        }
        assert {"cpu", "memory"} <= set(container["resources"]["limits"])
        assert {"name": "dshm", "emptyDir": {"medium": "Memory"}} in pod["volumes"]
        assert pod["serviceAccountName"] == "finetune-trainer"
        # The config file the trainer reads is the template's own annotation.
        # With ConfigMap modules (GRPO) the volume is projected: the config, then the modules.
        config_volume = next(v for v in pod["volumes"] if v["name"] == "config")
        projected = config_volume.get("projected", {}).get("sources", [config_volume])
        (item,) = projected[0]["downwardAPI"]["items"]
        assert all(
            i["path"].startswith("code/") for source in projected[1:] for i in source["configMap"]["items"]
        )
        assert item == {
            "path": "config.yaml",
            "fieldRef": {"fieldPath": "metadata.annotations['finetune.dev/trainer-config']"},
        }
        config = yamlio.load_documents(
            replica["template"]["metadata"]["annotations"]["finetune.dev/trainer-config"]
        )
        assert config[0]["job"]["name"] == job_name
    # The namespace's trainer identity: shared by its jobs, so owned by none of them and
    # not selected by a job's label; the chart's admission policy narrows it per job.
    for obj in identity:
        assert obj["metadata"]["name"] == "finetune-trainer"
        assert "ownerReferences" not in obj["metadata"]
        assert "finetune.dev/job" not in obj["metadata"]["labels"]
    # Bound to the chart's trainer ClusterRole: the operator writes no Role (no rules of its own).
    account, binding = identity
    assert binding["roleRef"] == {
        "apiGroup": "rbac.authorization.k8s.io",
        "kind": "ClusterRole",
        "name": _operator_config(case).trainer_cluster_role,
    }
    assert binding["subjects"] == [
        {
            "kind": "ServiceAccount",
            "name": account["metadata"]["name"],
            "namespace": account["metadata"]["namespace"],
        }
    ]


def test_oversized_config_is_rejected_with_a_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    """The API bounds every field, so only a lower limit makes a config that big in a test."""
    monkeypatch.setattr(hyperpod_render, "MAX_CONFIG_BYTES", 2048)
    sources = "\n".join(f"      - {{path: /fsx/data/ns/shard-{i:06d}.jsonl, weight: 1}}" for i in range(32))
    job = _job(
        "apiVersion: finetune.dev/v1alpha1\nkind: FineTuneJob\nmetadata: {name: big, namespace: ns, uid: u}\n"
        "spec:\n  model: {name: llama-3.2-1b}\n  method: lora\n  data:\n    mixture:\n" + sources + "\n"
    )
    with pytest.raises(
        InvalidSpecError, match=r"over the 2048 bytes an attempt can carry.*point at a directory"
    ):
        _render(job)


def _master_container(pytorchjob: dict) -> dict:
    return pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]["containers"][0]


def test_every_attempt_resumes_auto_and_runs_through_the_launcher() -> None:
    """Every attempt passes --resume-from auto, never its starting checkpoint by name: HyperPod
    auto-resume, an un-suspend, Kueue's re-admission or a pod restarted after exit 143 recreate an
    attempt's pods from the same command, and they must continue from the attempt's newest
    checkpoint, which keepLast may have made the only one left. The launcher keeps exit codes 143
    and 2 apart."""
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.2-1b}, method: sft, data: {train: {path: /fsx/data/n/t.jsonl}}}"
    )
    first = _master_container(_render(job)[-1])
    second_job = _render(job, 2, "auto")[-1]
    second = _master_container(second_job)
    third = _master_container(_render(job, 3, "/fsx/finetune/n/j/checkpoints/step-00000100")[-1])
    launcher = ["python", "-m", "finetune_trainer.launch"]
    for container in (first, second, third):
        command = container["command"]
        assert command[:3] == launcher
        # torchrun options before `--`, finetune-train options after it
        separator = command.index("--")
        assert command[separator + 1 : separator + 3] == ["--config", "/etc/finetune/config.yaml"]
        assert command[-2:] == ["--resume-from", "auto"]
    assert second_job["metadata"]["name"] == "j-a2"
    assert {"name": "FINETUNE_ATTEMPT", "value": "2"} in second["env"]


def test_an_attempt_starts_only_from_its_own_jobs_checkpoint() -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.2-1b}, method: sft, data: {train: {path: /fsx/data/n/t.jsonl}}}"
    )
    with pytest.raises(InvalidSpecError, match="outside this job's checkpoint directory"):
        _render(job, 2, "/fsx/finetune/n/other/checkpoints/step-00000100")


def test_pods_wait_longer_than_torchrun_shutdown_timeout() -> None:
    """A pod deletion must leave torchrun's 100 s (TORCH_ELASTIC_SHUTDOWN_TIMEOUT in the images) for
    the SIGTERM checkpoint; the kubelet's default grace is 30 s."""
    for case in CASES:
        pytorchjob = yamlio.load_file(GOLDEN_DIR / case / "rendered.yaml")[-1]
        for replica in pytorchjob["spec"]["pytorchReplicaSpecs"].values():
            assert replica["template"]["spec"]["terminationGracePeriodSeconds"] == 120


def test_precompile_trial_is_marked_and_then_the_same_command_runs() -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.1-70b}, method: sft, data: {train: {path: /fsx/data/n/t.jsonl}}}"
    )
    first = _master_container(_render(job)[-1])["command"]
    assert first[:2] == ["bash", "-c"]
    trial, real = first[2].split(" && exec ")
    assert trial.startswith("FINETUNE_STATUS_REPORTING=none FINETUNE_PRECOMPILE=1 neuron_parallel_compile ")
    # neuron_parallel_compile only helps if the real run has the identical command line
    assert trial.endswith(real)
    assert real.startswith("python -m finetune_trainer.launch --nproc_per_node=")
    second = _master_container(_render(job, 2, "auto")[-1])["command"]
    assert second[:3] == ["python", "-m", "finetune_trainer.launch"]


def test_tensor_parallel_must_divide_processes() -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.1-8b}, method: lora, data: {train: {path: /fsx/data/n/t.jsonl}},\n"
        "  resources: {processesPerNode: 12}}"
    )
    with pytest.raises(InvalidSpecError, match="tensorParallel=8 does not divide the 12 processes"):
        _render(job)


def test_unknown_instance_type_needs_explicit_devices() -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.2-1b}, method: sft, data: {train: {path: /fsx/data/n/t.jsonl}},\n"
        "  resources: {instanceType: ml.trn2.48xlarge}}"
    )
    with pytest.raises(InvalidSpecError, match="not in the HyperPod instance catalog"):
        _render(job)


def test_zero_devices_and_no_runtime_limit_render_no_device_requests_and_no_deadline() -> None:
    """neuronDevices/efaDevices 0 mean none (not the instance's count); no maxRuntimeSeconds, no deadline."""
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.2-1b}, method: sft, data: {train: {path: /fsx/data/n/t.jsonl}},\n"
        "  resources: {instanceType: ml.trn1.32xlarge, neuronDevices: 0, efaDevices: 0}}"
    )
    pytorchjob = _render(job)[-1]
    container = _master_container(pytorchjob)
    assert set(container["resources"]["limits"]) == {"cpu", "memory"}  # no devices, the instance's CPU
    names = {e["name"] for e in container["env"]}
    assert not names & {"NEURON_RT_NUM_CORES", "FI_PROVIDER"}
    assert "activeDeadlineSeconds" not in pytorchjob["spec"]["runPolicy"]


def test_a_cpu_instance_type_renders_one_process_and_no_accelerator() -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: tiny-llama}, method: lora, data: {train: {path: /fsx/data/n/t.jsonl}}}"
    )
    pytorchjob = _render(job)[-1]
    assert pytorchjob["spec"]["nprocPerNode"] == "1"
    assert pytorchjob["spec"]["pytorchReplicaSpecs"]["Worker"]["replicas"] == 1  # the recipe's 2 nodes
    pod = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]
    container = _master_container(pytorchjob)
    # ml.m5.large: 2 vCPUs less 1 for the node's daemons, 85% of 8 GiB.
    assert container["resources"]["limits"] == {"cpu": "1", "memory": "6Gi"}
    assert "--nproc_per_node=1" in container["command"]
    assert "tolerations" not in pod
    assert pod["nodeSelector"] == {"node.kubernetes.io/instance-type": "ml.m5.large"}
    assert not {e["name"] for e in container["env"]} & {"FI_PROVIDER", "NEURON_RT_NUM_CORES"}


@pytest.mark.parametrize(
    ("recipe", "instance_type", "message"),
    [
        (
            "llama-3.1-8b-lora",
            "ml.m5.xlarge",
            r"ml\.m5\.xlarge is a cpu instance type, but recipe 'llama-3\.1-8b-lora' targets accelerator "
            "family neuron",
        ),
        (
            "llama-3.1-8b-gpu-lora",
            "ml.trn1.32xlarge",
            r"ml\.trn1\.32xlarge is a neuron instance type, but recipe 'llama-3\.1-8b-gpu-lora' targets "
            "accelerator family cuda",
        ),
    ],
)
def test_an_instance_type_of_another_family_than_the_named_recipe_is_refused(
    recipe: str, instance_type: str, message: str
) -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.1-8b}, method: lora, data: {train: {path: /fsx/data/n/t.jsonl}},\n"
        f"  recipe: {{name: {recipe}}}, resources: {{instanceType: {instance_type}}}}}"
    )
    with pytest.raises(InvalidSpecError, match=r"^spec\.resources\.instanceType: " + message):
        _render(job)


@pytest.mark.parametrize(
    ("instance_type", "gpus", "efa", "rdma"),
    [
        ("ml.p5.48xlarge", "8", "32", True),
        ("ml.p5en.48xlarge", "8", "16", True),
        ("ml.p4d.24xlarge", "8", "4", True),
        ("ml.g5.12xlarge", "4", "1", False),  # EFA without GPUDirect RDMA
        ("ml.g6e.48xlarge", "8", "4", False),
        ("ml.g6e.xlarge", "1", None, False),  # no EFA
    ],
)
def test_a_gpu_instance_type_renders_its_gpus_efa_toleration_and_nccl_settings(
    instance_type: str, gpus: str, efa: str | None, rdma: bool
) -> None:
    job = _job(
        "kind: FineTuneJob\nmetadata: {name: j, namespace: n, uid: u}\n"
        "spec: {model: {name: llama-3.1-8b}, method: lora, data: {train: {path: /fsx/data/n/t.jsonl}},\n"
        f"  resources: {{instanceType: {instance_type}}}}}"
    )
    pytorchjob = _render(job)[-1]
    pod = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]
    container = _master_container(pytorchjob)
    limits = container["resources"]["limits"]
    assert limits["nvidia.com/gpu"] == gpus
    assert limits.get("vpc.amazonaws.com/efa") == efa
    assert "aws.amazon.com/neuron" not in limits
    assert pytorchjob["spec"]["nprocPerNode"] == gpus  # one process per GPU
    assert pod["tolerations"] == [{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}]
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["TORCH_NCCL_ASYNC_ERROR_HANDLING"] == "1"
    assert env["NCCL_SOCKET_IFNAME"] == "^lo"
    assert (env.get("FI_PROVIDER"), env.get("FI_EFA_USE_DEVICE_RDMA")) == (
        "efa" if efa else None,
        "1" if rdma else None,
    )
    assert not {name for name in env if name.startswith(("NEURON_", "XLA_"))}
    assert {m["mountPath"] for m in container["volumeMounts"]}.isdisjoint({"/fsx/neuron_cache"})
