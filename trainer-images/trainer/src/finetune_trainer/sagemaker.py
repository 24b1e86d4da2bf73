"""`finetune-sagemaker [finetune-train options]`: the container entrypoint on SageMaker training jobs.

SageMaker starts the image's entrypoint once per instance and nothing else: no torchrun, no
rendezvous. This command builds torchrun's options from where SageMaker says the job runs and
then runs the trainer's launcher (torchrun with the contract's exit codes), so a 2-instance
ml.p4d job runs 16 ranks and an ml.trn1.32xlarge runs one rank per NeuronCore.

Where the facts come from (the same sources, in the same order, as AWS's sagemaker-training toolkit):

- hosts and this host: `SM_HOSTS` (JSON list) / `SM_CURRENT_HOST` when a toolkit set them, else
  `/opt/ml/input/config/resourceconfig.json` (`hosts`, `current_host`), which SageMaker writes into
  every training container;
- processes per host: `SM_NUM_GPUS`, else `SM_NUM_NEURONS` (NeuronCores), else the visible CUDA
  devices, else the NeuronCores `neuron-ls -j` reports, else 1 (CPU);
- rendezvous: static, the first host (sorted, as SageMaker names them `algo-1`, `algo-2`, ...) is
  the master, on port 7777 like the toolkit's torch_distributed runner.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from finetune_contract.constants import EXIT_INVALID_CONFIG
from finetune_trainer import launch

RESOURCE_CONFIG = Path("/opt/ml/input/config/resourceconfig.json")
MASTER_PORT = 7777


class SageMakerEnvironmentError(RuntimeError):
    """SageMaker's description of the cluster is missing or contradictory (exit code 2)."""


@dataclasses.dataclass(frozen=True)
class Cluster:
    hosts: tuple[str, ...]
    current_host: str
    processes_per_host: int

    @property
    def node_rank(self) -> int:
        return self.hosts.index(self.current_host)


def _hosts(env: Mapping[str, str], resource_config: Mapping[str, object] | None) -> tuple[list[str], str]:
    hosts: object
    current: object
    if "SM_HOSTS" in env and "SM_CURRENT_HOST" in env:
        hosts = json.loads(env["SM_HOSTS"])
        current = env["SM_CURRENT_HOST"]
    elif resource_config is not None:
        hosts = resource_config.get("hosts")
        current = resource_config.get("current_host")
    else:
        # Not on SageMaker (a local `docker run`): one host.
        return ["localhost"], "localhost"
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) for h in hosts):
        raise SageMakerEnvironmentError(f"SageMaker host list is not a list of names: {hosts!r}")
    if not isinstance(current, str) or current not in hosts:
        raise SageMakerEnvironmentError(f"current host {current!r} is not one of the job's hosts {hosts}")
    return sorted(hosts), current


def processes_per_host(
    env: Mapping[str, str], cuda_devices: Callable[[], int], neuron_cores: Callable[[], int]
) -> int:
    """One process per GPU, else per NeuronCore, else 1. The callables are only asked when needed."""
    for key in ("SM_NUM_GPUS", "SM_NUM_NEURONS"):
        value = int(env.get(key, "0") or "0")
        if value > 0:
            return value
    return cuda_devices() or neuron_cores() or 1


def discover(
    env: Mapping[str, str],
    resource_config: Mapping[str, object] | None,
    cuda_devices: Callable[[], int],
    neuron_cores: Callable[[], int],
) -> Cluster:
    hosts, current = _hosts(env, resource_config)
    return Cluster(
        hosts=tuple(hosts),
        current_host=current,
        processes_per_host=processes_per_host(env, cuda_devices, neuron_cores),
    )


def torchrun_options(cluster: Cluster) -> list[str]:
    """Static rendezvous on the first host: every instance starts at once and none is replaced."""
    return [
        f"--nnodes={len(cluster.hosts)}",
        f"--node_rank={cluster.node_rank}",
        f"--nproc_per_node={cluster.processes_per_host}",
        f"--master_addr={cluster.hosts[0]}",
        f"--master_port={MASTER_PORT}",
    ]


def _cuda_devices() -> int:
    import torch

    return torch.cuda.device_count() if torch.cuda.is_available() else 0


def _neuron_cores() -> int:
    """NeuronCores on this instance as `neuron-ls -j` lists them (0 without the Neuron tools)."""
    if shutil.which("neuron-ls") is None:
        return 0
    try:
        output = subprocess.run(["neuron-ls", "-j"], capture_output=True, check=True, text=True).stdout
        return sum(int(device.get("nc_count", 0)) for device in json.loads(output))
    except (subprocess.CalledProcessError, ValueError, TypeError, AttributeError):
        return 0


def _read_resource_config(path: Path) -> Mapping[str, object] | None:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise SageMakerEnvironmentError(f"cannot read {path}: {exc}") from exc
    if not isinstance(loaded, dict):
        raise SageMakerEnvironmentError(f"{path} is not a JSON object")
    return loaded


def main(argv: list[str] | None = None) -> int:
    trainer_options = sys.argv[1:] if argv is None else argv
    try:
        cluster = discover(os.environ, _read_resource_config(RESOURCE_CONFIG), _cuda_devices, _neuron_cores)
    except (SageMakerEnvironmentError, ValueError) as exc:
        print(f"finetune-sagemaker: {exc}", file=sys.stderr)
        return EXIT_INVALID_CONFIG
    return launch.main([*torchrun_options(cluster), "--", *trainer_options])


if __name__ == "__main__":
    sys.exit(main())
