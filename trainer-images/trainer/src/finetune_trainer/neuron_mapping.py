"""The Neuron path's pure parts: config -> library arguments, shard names, the resume checks.

They import nothing beyond the config and the checkpoint layout (no torch-xla, no neuronx-distributed),
so they are unit-tested everywhere; `neuron.NeuronPlatform` calls them on the device. The library
calls they describe are in `neuron`'s module docstring.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from finetune_trainer import checkpoint_layout as layout
from finetune_trainer.config import TrainConfig
from finetune_trainer.runtime import UnsupportedDevice

SHARDS_TAG = "nxd"
"""Directory inside a checkpoint holding neuronx-distributed's `model/`, `optim/`, `scheduler.pt`."""
LAYOUT_FILE = "neuron_layout.json"
RNG_DIR = "rng"


def check_supported(config: TrainConfig, world_size: int) -> None:
    """Refuses (exit code 2) what this Neuron path does not run, before any device work."""
    if config.training.precision == "fp16":
        raise UnsupportedDevice("training.precision fp16 is not supported on Neuron; use bf16 or fp32")
    tensor_parallel = config.parallelism.tensor_parallel
    if world_size % tensor_parallel:
        raise UnsupportedDevice(
            f"parallelism.tensorParallel={tensor_parallel} does not divide the {world_size} processes"
        )


def trn_config_kwargs(config: TrainConfig) -> dict[str, Any]:
    """Arguments of optimum-neuron's `TrainingNeuronConfig`, as `NeuronTrainingArguments` sets them.

    Sequence parallelism is on whenever TP is (optimum-neuron's default; it turns itself off at
    TP=1). xser serialisation and synchronous saves: a checkpoint must be complete on disk before
    its COMPLETE manifest is written.
    """
    tensor_parallel = config.parallelism.tensor_parallel
    return {
        "tensor_parallel_size": tensor_parallel,
        "sequence_parallel_enabled": tensor_parallel > 1,
        "pipeline_parallel_size": 1,
        "pipeline_parallel_use_zero1_optimizer": config.parallelism.zero1,
        "gradient_checkpointing": config.training.gradient_checkpointing,
        "checkpoint_dir": None,
        "use_xser": True,
        "async_save": False,
    }


def mixed_precision_kwargs(config: TrainConfig) -> dict[str, Any]:
    """Arguments of optimum-neuron's `MixedPrecisionConfig`.

    bf16 is full bf16 (parameters and compute) with stochastic rounding; with ZeRO-1 the optimizer
    keeps fp32 master weights and accumulates gradients in fp32 (the library only supports both
    with ZeRO-1), and the master weights go into the checkpoint, so that a resumed run continues
    from the exact fp32 values rather than their bf16 rounding.
    """
    if config.training.precision == "fp32":
        return {
            "mode": "NO",
            "stochastic_rounding": False,
            "optimizer_use_master_weights": False,
            "optimizer_use_fp32_grad_acc": False,
            "optimizer_save_master_weights_in_ckpt": False,
        }
    zero1 = config.parallelism.zero1
    return {
        "mode": "FULL_BF16",
        "stochastic_rounding": True,
        "optimizer_use_master_weights": zero1,
        "optimizer_use_fp32_grad_acc": zero1,
        "optimizer_save_master_weights_in_ckpt": zero1,
    }


def shard_file(kind: str, data_rank: int, tensor_rank: int, pipeline_rank: int = 0) -> str:
    """neuronx-distributed's file name for one rank's shard (its `trainer.checkpoint._get_path`).

    Model shards and non-ZeRO optimizer shards are written by data-parallel rank 0 of each
    tensor-parallel rank; ZeRO-1 optimizer shards by every data-parallel rank.
    """
    return f"{kind}/dp_rank_{data_rank:02d}_tp_rank_{tensor_rank:02d}_pp_rank_{pipeline_rank:02d}.pt"


def expected_shards(tensor_parallel: int, data_parallel: int, zero1: bool) -> list[str]:
    """Every shard file a complete checkpoint of this layout has, relative to the shards tag."""
    model = [shard_file("model", 0, tp) for tp in range(tensor_parallel)]
    optim_ranks = range(data_parallel) if zero1 else range(1)
    optim = [shard_file("optim", dp, tp) for dp in optim_ranks for tp in range(tensor_parallel)]
    return model + optim


def layout_record(tensor_parallel: int, data_parallel: int, zero1: bool) -> dict[str, Any]:
    return {"tensorParallel": tensor_parallel, "dataParallel": data_parallel, "zero1": zero1}


def check_resumable(checkpoint: Path, files: Collection[str], current: Mapping[str, Any]) -> None:
    """A Neuron checkpoint resumes only on the same TP / DP / ZeRO-1 layout, with every shard present.

    neuronx-distributed loads shard files by rank and cannot re-shard: a different layout would load
    the wrong slices (or none). `files` is the COMPLETE manifest's inventory.
    """
    try:
        saved = json.loads((checkpoint / LAYOUT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise layout.CheckpointNotUsable(
            f"{checkpoint}: not a Neuron checkpoint ({LAYOUT_FILE}: {exc}); checkpoints do not move "
            "between Neuron and CPU/CUDA"
        ) from exc
    if saved != dict(current):
        raise layout.CheckpointNotUsable(
            f"{checkpoint}: written with {saved}, this run is {dict(current)}; Neuron checkpoints "
            "resume only on the same tensorParallel, number of processes and zero1"
        )
    missing = [
        name
        for name in expected_shards(saved["tensorParallel"], saved["dataParallel"], saved["zero1"])
        if f"{SHARDS_TAG}/{name}" not in files
    ]
    if missing:
        raise layout.CheckpointNotUsable(f"{checkpoint}: shard files missing: {', '.join(missing[:4])}")


def rng_file(rank: int) -> str:
    return f"{RNG_DIR}/rank-{rank:05d}.json"


def missing_trainable(loaded: Collection[str], trainable: Sequence[str]) -> list[str]:
    """Trainable parameters a loaded adapter state lacks (a non-strict load would leave them fresh)."""
    return [name for name in trainable if name not in loaded]


def adapter_consolidation_metadata(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """optimum-neuron's model-parallel metadata of a sharded adapter, as consolidation can use it.

    optimum-neuron 0.4.5 writes the transformation spec of every fused module of the model (Llama's
    `gate_up_proj`, and `qkv_proj` where q/k/v are fused) into an adapter's metadata, LoRA-targeted
    or not. Consolidation replays each spec; one without a PEFT type unfuses the module's *base*
    weights, which an adapter save does not hold, so any target list that leaves a fused module out
    (the q_proj/v_proj of AWS's samples leaves out gate_up_proj) failed after training with
    `KeyError: '...mlp.gate_up_proj.weight'`. Only specs with a PEFT type describe the adapter's own
    tensors; the others are dropped, and the module entries left without specs with them.
    """
    kept = []
    for module in metadata["model_weight_transformation_specs"]:
        specs = [spec for spec in module["specs"] if spec[1].get("peft_type") is not None]
        if specs:
            kept.append({**module, "specs": specs})
    return {**metadata, "model_weight_transformation_specs": kept}


def step_seed(seed: int, rank: int, step: int) -> int:
    """The XLA generator's seed for one rank's step: a function of the step alone.

    torch-xla advances its device seed at every `mark_step`, so a recorded generator state depends on
    how many graphs ran since (a checkpoint's own saves run some): a run resumed from that state drew
    other dropout masks than the run it continues. Seeding every step from (training.seed, rank,
    step) makes the masks of step N the same whether the run got there straight or resumed.
    """
    digest = hashlib.sha256(f"{seed}/{rank}/{step}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1  # torch-xla takes a non-negative 64-bit seed
