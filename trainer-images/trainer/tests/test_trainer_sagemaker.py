"""`finetune-sagemaker`: torchrun options from SageMaker's description of the job's instances."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finetune_trainer import sagemaker
from finetune_trainer.sagemaker import Cluster, SageMakerEnvironmentError, discover, torchrun_options


def _never() -> int:
    raise AssertionError("device counting must not run when SageMaker said how many devices there are")


def test_two_gpu_instances_run_one_process_per_gpu_with_the_first_host_as_master() -> None:
    env = {"SM_HOSTS": '["algo-2", "algo-1"]', "SM_CURRENT_HOST": "algo-2", "SM_NUM_GPUS": "8"}
    cluster = discover(env, None, _never, _never)
    assert cluster == Cluster(hosts=("algo-1", "algo-2"), current_host="algo-2", processes_per_host=8)
    assert torchrun_options(cluster) == [
        "--nnodes=2",
        "--node_rank=1",
        "--nproc_per_node=8",
        "--master_addr=algo-1",
        "--master_port=7777",
    ]


def test_trainium_runs_one_process_per_neuron_core() -> None:
    env = {"SM_HOSTS": '["algo-1"]', "SM_CURRENT_HOST": "algo-1", "SM_NUM_GPUS": "0", "SM_NUM_NEURONS": "32"}
    assert discover(env, None, _never, _never).processes_per_host == 32


def test_without_the_toolkit_the_resource_config_and_the_devices_decide() -> None:
    """A bring-your-own container has no SM_* variables; SageMaker still writes resourceconfig.json."""
    resource_config = {"current_host": "algo-3", "hosts": ["algo-1", "algo-2", "algo-3"]}
    cluster = discover({}, resource_config, cuda_devices=lambda: 0, neuron_cores=lambda: 32)
    assert (cluster.node_rank, cluster.processes_per_host, cluster.hosts[0]) == (2, 32, "algo-1")
    cpu_only = discover({}, resource_config, cuda_devices=lambda: 0, neuron_cores=lambda: 0)
    assert cpu_only.processes_per_host == 1
    gpus = discover({}, resource_config, cuda_devices=lambda: 4, neuron_cores=_never)
    assert gpus.processes_per_host == 4


def test_outside_sagemaker_it_is_one_local_host() -> None:
    cluster = discover({}, None, cuda_devices=lambda: 0, neuron_cores=lambda: 0)
    assert torchrun_options(cluster)[:4] == [
        "--nnodes=1",
        "--node_rank=0",
        "--nproc_per_node=1",
        "--master_addr=localhost",
    ]


@pytest.mark.parametrize(
    ("env", "resource_config", "message"),
    [
        ({"SM_HOSTS": '["algo-1"]', "SM_CURRENT_HOST": "algo-9"}, None, "algo-9.*not one of"),
        ({}, {"current_host": "algo-1", "hosts": "algo-1"}, "not a list of names"),
    ],
)
def test_a_contradictory_description_is_refused(env, resource_config, message) -> None:
    with pytest.raises(SageMakerEnvironmentError, match=message):
        discover(env, resource_config, lambda: 0, lambda: 0)


def test_main_hands_torchrun_options_and_trainer_options_to_the_launcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resource_config = tmp_path / "resourceconfig.json"
    resource_config.write_text(json.dumps({"current_host": "algo-1", "hosts": ["algo-1", "algo-2"]}))
    monkeypatch.setattr(sagemaker, "RESOURCE_CONFIG", resource_config)
    for key in ("SM_HOSTS", "SM_CURRENT_HOST"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SM_NUM_GPUS", "8")
    launched: list[list[str]] = []
    monkeypatch.setattr(sagemaker.launch, "main", lambda argv: launched.append(argv) or 143)
    trainer_options = ["--config", "/opt/ml/input/data/config/config.yaml", "--resume-from", "auto"]
    assert sagemaker.main(trainer_options) == 143
    assert launched == [
        [
            "--nnodes=2",
            "--node_rank=0",
            "--nproc_per_node=8",
            "--master_addr=algo-1",
            "--master_port=7777",
            "--",
            "--config",
            "/opt/ml/input/data/config/config.yaml",
            "--resume-from",
            "auto",
        ]
    ]


def test_an_unreadable_resource_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resource_config = tmp_path / "resourceconfig.json"
    resource_config.write_text("{not json")
    monkeypatch.setattr(sagemaker, "RESOURCE_CONFIG", resource_config)
    for key in ("SM_HOSTS", "SM_CURRENT_HOST"):
        monkeypatch.delenv(key, raising=False)
    assert sagemaker.main(["--config", "x.yaml"]) == 2
