"""The uninterrupted reference of a real-node job, shared by the modules that interrupt one (a crash,
a deleted pod, a preemption) and compare its adapter: the same trainer with the same resolved config,
run on this machine with torchrun (2 gloo processes, as the job's two pods were), the cheapest honest
way to get the adapter an uninterrupted job would write."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import torch
import yaml
from hack.real_job import RealNodeBed
from safetensors.torch import load_file

CONFIG_ANNOTATION = "finetune.dev/trainer-config"
JOB_TIMEOUT_S = 300


def attempt_config(bed: RealNodeBed, namespace: str, pytorchjob: str) -> dict[str, Any]:
    """The resolved training config the operator gave an attempt (its PyTorchJob's pod annotation)."""
    child = bed.custom.get_namespaced_custom_object(
        "kubeflow.org", "v1", namespace, "pytorchjobs", pytorchjob
    )
    annotations = child["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["metadata"]["annotations"]
    return dict(yaml.safe_load(annotations[CONFIG_ANNOTATION]))


def run_on_this_machine(bed: RealNodeBed, config: dict[str, Any], directory: Path) -> dict[str, torch.Tensor]:
    """The same config, trained without a crash by the same trainer on this machine (torchrun, 2 gloo
    processes as the two pods were); returns its adapter."""
    local = copy.deepcopy(config)
    local["model"]["path"] = str(bed.host_path(config["model"]["path"]))
    for source in local["data"]["train"]:
        source["path"] = str(bed.host_path(source["path"]))
    local["data"]["validation"]["path"] = str(bed.host_path(config["data"]["validation"]["path"]))
    local["checkpointing"]["dir"] = str(directory / "checkpoints")
    local["output"]["dir"] = str(directory / "output")
    local["evaluation"] = None  # after the adapter is written: it changes nothing this run compares
    local["logging"]["tensorboardDir"] = str(directory / "tensorboard")
    path = directory / "config.yaml"
    path.write_text(yaml.safe_dump(local))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PET_", "RANK", "WORLD_SIZE", "MASTER_"))}
    # Each pod's launcher gives its one worker the pod's CPU limit as threads, 1 CPU on the bed's
    # ml.m5.large (finetune_trainer.launch.worker_threads): the same intra-op thread count keeps the
    # float reductions in the same order.
    env["OMP_NUM_THREADS"] = "1"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "finetune_trainer.launch",
            "--standalone",
            "--nproc_per_node=2",
            "--",
            "--config",
            str(path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=JOB_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return load_file(str(directory / "output" / "adapter" / "adapter_model.safetensors"))
