"""The Trainium (Neuron) platform: optimum-neuron's tensor-parallel models, ZeRO-1, our own resume.

Only the Neuron image has torch-xla, torch-neuronx, neuronx-distributed and optimum-neuron (they
come from AWS's package index, not PyPI). This module therefore imports them only inside the
functions that run on a Neuron device. Its pure parts (the config -> library mapping, shard
naming, the resume checks) are `neuron_mapping`, its methods `neuron_methods`; both are
unit-tested everywhere.

How training maps onto the libraries (optimum-neuron 0.4.5, neuronx-distributed 0.15, pinned in
trainer-images/neuron/requirements.txt; run on torch-xla's CPU device by the tests, see
docs/trainer.md, "The Neuron path"):

- `TrainingNeuronConfig(tensor_parallel_size=parallelism.tensorParallel, sequence_parallel_enabled=
  TP > 1, ...)` initialises NxD's model-parallel groups; the data-parallel degree is the rest.
- `NeuronModelForCausalLM.from_pretrained(model.path, trn_config, dtype=...)` loads the custom
  tensor-parallel modeling (Llama, Granite, Qwen3); LoRA is a plain `peft.LoraConfig` applied with
  `optimum.neuron.peft.get_peft_model`, as in AWS's sample.
- `NeuronAccelerator(trn_config, zero_1=parallelism.zero1, mixed_precision_config=...)` prepares
  the model (bf16, device placement) and wraps AdamW in ZeRO-1 (`NeuronZero1Optimizer`) with the
  gradient all-reduce and clipping inside `optimizer.step()`.
- The SFT loss is the model's own (`labels=`, `reduction="sum"`): the LM head is
  vocabulary-parallel, so only the model's parallel cross-entropy sees whole rows of logits.
- DPO takes the model's vocabulary-parallel logits (each rank's [rows, length, vocab / TP] slice)
  and computes per-token log-probabilities with `methods.vocab_parallel_token_logprobs`, whose
  collectives are a MAX `torch.distributed.all_reduce` over NxD's tensor-parallel group (as
  optimum-neuron's own parallel cross-entropy does) and NxD's `reduce_from_tensor_model_parallel_
  region` (sum forward, identity backward). The reference is the policy with its adapter disabled
  (dpo-lora) or a frozen second model sharded the same way (dpo).
- optimum-neuron >= 0.4 refuses `resume_from_checkpoint`, so checkpoints are ours: the contract's
  `.tmp-step-N` -> `step-N` + COMPLETE + `latest`, with the tensors written by
  `neuronx_distributed.trainer.save_checkpoint` (one file per data-parallel/tensor-parallel rank,
  see `shard_file`) and read back by `load_checkpoint`.
- After training, the sharded adapter (or model) is consolidated with optimum-neuron's
  `consolidate_model_parallel_checkpoints_to_unified_checkpoint` (what `optimum-cli neuron
  consolidate` runs) into a normal PEFT safetensors adapter in `output.dir`. An adapter's metadata
  is first cut to the adapter's own transformations (`neuron_mapping.adapter_consolidation_metadata`
  says why).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
from torch import nn

from finetune_trainer import checkpoint_layout as layout
from finetune_trainer.checkpoint_layout import TrainerState
from finetune_trainer.config import TrainConfig
from finetune_trainer.methods import Method, VocabShard, adapters_disabled, frozen_reference
from finetune_trainer.neuron_mapping import (
    LAYOUT_FILE,
    RNG_DIR,
    SHARDS_TAG,
    adapter_consolidation_metadata,
    check_resumable,
    check_supported,
    layout_record,
    missing_trainable,
    mixed_precision_kwargs,
    rng_file,
    step_seed,
    trn_config_kwargs,
)
from finetune_trainer.neuron_methods import NeuronDpoMethod, NeuronSupervisedMethod
from finetune_trainer.outputs import write_merged
from finetune_trainer.rewards import Reward, Toolbox
from finetune_trainer.rng import capture_rng, restore_rng
from finetune_trainer.runtime import Runtime, UnsupportedDevice
from finetune_trainer.schedule import build_scheduler

log = logging.getLogger(__name__)

# Importing torch-xla imports torch._inductor, which starts a pool of compile-worker processes when
# triton is installed (torch's wheel brings it): on every rank, seconds of CPU and a process tree for
# a compiler the XLA path never calls. Read at that import, which only the functions below make.
os.environ.setdefault("TORCH_WARM_POOL", "0")

OUTPUT_SHARDS_DIR = ".neuron-shards"
"""Sharded save of the final adapter/model under output.dir, removed after consolidation."""


def _inner_optimizer(optimizer: torch.optim.Optimizer) -> Any:
    """The optimizer inside accelerate's wrapper: NeuronZero1Optimizer or AdamW."""
    return getattr(optimizer, "optimizer", optimizer)


@dataclasses.dataclass
class NeuronPlatform:
    runtime: Runtime
    accelerator: Any  # optimum.neuron.accelerate.NeuronAccelerator
    trn_config: Any  # optimum.neuron.models.training.TrainingNeuronConfig
    tensor_parallel: int
    zero1: bool
    dtype: torch.dtype
    seed: int
    reduce_dtype: torch.dtype = torch.float32  # Neuron has no float64
    adapter_only: bool = False

    @classmethod
    def start(cls, config: TrainConfig, env: MutableMapping[str, str]) -> NeuronPlatform:
        world_size = int(env["WORLD_SIZE"])
        check_supported(config, world_size)
        try:
            import torch_xla.core.xla_model as xm
            import torch_xla.distributed.xla_backend  # noqa: F401  (registers the "xla" backend)
            from neuronx_distributed.parallel_layers import parallel_state
            from optimum.neuron.accelerate import NeuronAccelerator
            from optimum.neuron.accelerate.utils.dataclasses import MixedPrecisionConfig
            from optimum.neuron.models.training import TrainingNeuronConfig
        except ImportError as exc:
            raise UnsupportedDevice(
                f"a Neuron device is visible but the Neuron packages are not installed ({exc}); use the "
                "Neuron trainer image (trainer-images/neuron), or set FINETUNE_DEVICE=cpu"
            ) from exc
        if not dist.is_initialized():
            dist.init_process_group(backend="xla", init_method="env://")
        trn_config = TrainingNeuronConfig(**trn_config_kwargs(config))
        accelerator = NeuronAccelerator(
            trn_config=trn_config,
            zero_1=config.parallelism.zero1,
            mixed_precision_config=MixedPrecisionConfig(**mixed_precision_kwargs(config)),
        )
        rank = int(env["RANK"])
        runtime = Runtime(
            rank=rank,
            world_size=world_size,
            local_rank=int(env.get("LOCAL_RANK", "0")),
            kind="neuron",
            device=xm.xla_device(),
            data_rank=parallel_state.get_data_parallel_rank(),
            data_world_size=parallel_state.get_data_parallel_size(),
        )
        log.info(
            "Neuron: %d processes, tensorParallel=%d, data-parallel %d, zero1=%s",
            world_size,
            config.parallelism.tensor_parallel,
            runtime.data_world_size,
            config.parallelism.zero1,
        )
        return cls(
            runtime=runtime,
            accelerator=accelerator,
            trn_config=trn_config,
            tensor_parallel=config.parallelism.tensor_parallel,
            zero1=config.parallelism.zero1,
            dtype=torch.bfloat16 if config.training.precision == "bf16" else torch.float32,
            seed=config.training.seed,
        )

    # -- model, optimizer, method ------------------------------------------------------------------

    def build_model(self, config: TrainConfig, model_path: str) -> nn.Module:
        from optimum.neuron.models.training import NeuronModelForCausalLM

        try:
            model = NeuronModelForCausalLM.from_pretrained(model_path, self.trn_config, dtype=self.dtype)
        except ValueError as exc:
            # e.g. "Model type gpt2 is not supported for task text-generation in neuron in training mode"
            raise UnsupportedDevice(f"model {config.model.name} cannot train on Neuron: {exc}") from exc
        self.adapter_only = config.lora is not None
        if config.lora is not None:
            from optimum.neuron.peft import get_peft_model
            from peft import LoraConfig

            torch.manual_seed(config.training.seed)  # identical adapter initialisation on every rank
            model = get_peft_model(
                model,
                LoraConfig(
                    r=config.lora.rank,
                    lora_alpha=config.lora.alpha,  # type: ignore[arg-type]
                    lora_dropout=config.lora.dropout,
                    target_modules=list(config.lora.target_modules),
                    task_type="CAUSAL_LM",
                ),
            )
        prepared: nn.Module = self.accelerator.prepare_model(model)
        return prepared

    def build_optimizer(
        self, config: TrainConfig, model: nn.Module, total_steps: int
    ) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler]:
        adamw = torch.optim.AdamW(
            [p for p in model.parameters() if p.requires_grad],
            lr=config.optimizer.learning_rate,
            betas=(config.optimizer.beta1, config.optimizer.beta2),
            eps=config.optimizer.epsilon,
            weight_decay=config.optimizer.weight_decay,
        )
        # The scheduler is built on the plain optimizer before ZeRO-1 wraps it, as optimum-neuron's
        # trainer does: ZeRO-1 keeps the same param_group dicts, so the learning rate reaches it.
        scheduler = build_scheduler(
            adamw, config.optimizer.scheduler, config.optimizer.warmup_steps, total_steps
        )
        optimizer = self.accelerator.prepare_optimizer(adamw)
        if config.optimizer.max_grad_norm > 0:
            optimizer.set_permanent_clip_grad_norm(config.optimizer.max_grad_norm)
        return optimizer, scheduler

    def method(
        self,
        config: TrainConfig,
        model: nn.Module,
        tokenizer: Any,
        model_path: str,
        rewards: tuple[Reward, ...],
        toolbox: Toolbox | None,
    ) -> Method:
        # GRPO never gets here: device.check_device_features rejects it on Neuron.
        if config.dpo is None:
            return NeuronSupervisedMethod(
                self.runtime.device, tokenizer.pad_token_id, config.training.seq_length
            )
        if config.lora is not None:
            reference = lambda: adapters_disabled(model)  # noqa: E731
        else:
            frozen = self._build_reference(config, model_path)
            reference = lambda: frozen_reference(frozen)  # noqa: E731
        return NeuronDpoMethod(
            self.runtime.device,
            tokenizer.pad_token_id,
            config.dpo.beta,
            reference,
            row_length=config.training.seq_length,
            shard=self._vocab_shard(),
        )

    def _build_reference(self, config: TrainConfig, model_path: str) -> nn.Module:
        """Full DPO's frozen reference: a second copy of the starting model, sharded like the policy.

        It costs one more copy of the weights in the training dtype per tensor-parallel rank
        (parameters x 2 bytes / TP in bf16), with no gradients or optimizer state.
        """
        from optimum.neuron.models.training import NeuronModelForCausalLM

        reference = NeuronModelForCausalLM.from_pretrained(model_path, self.trn_config, dtype=self.dtype)
        reference.requires_grad_(False)
        reference.eval()
        # The same preparation as the policy (bf16 cast, device placement, no KV cache); the
        # accelerator only records it in its list of models, used by its save_state, which we do
        # not call.
        prepared: nn.Module = self.accelerator.prepare_model(reference, evaluation_mode=True)
        return prepared

    def _vocab_shard(self) -> VocabShard:
        """This rank's slice of the vocabulary-parallel head and the tensor-parallel collectives."""
        from neuronx_distributed.parallel_layers import parallel_state
        from neuronx_distributed.parallel_layers.mappings import reduce_from_tensor_model_parallel_region

        if self.tensor_parallel == 1:
            return VocabShard(rank=0, all_reduce_max=lambda t: t, all_reduce_sum=lambda t: t)
        group = parallel_state.get_tensor_model_parallel_group()

        def all_reduce_max(tensor: torch.Tensor) -> torch.Tensor:
            dist.all_reduce(tensor, op=dist.ReduceOp.MAX, group=group)
            return tensor

        return VocabShard(
            rank=parallel_state.get_tensor_model_parallel_rank(),
            all_reduce_max=all_reduce_max,
            all_reduce_sum=reduce_from_tensor_model_parallel_region,
        )

    def start_step(self, step: int) -> None:
        """Seeds the XLA generator (dropout) from the step: `neuron_mapping.step_seed` says why."""
        import torch_xla.core.xla_model as xm

        xm.set_rng_state(step_seed(self.seed, self.runtime.rank, step))

    def backward(self, model: nn.Module, loss: torch.Tensor, last_micro_batch: bool) -> None:
        import torch_xla.core.xla_model as xm

        loss.backward()
        xm.mark_step()  # one forward/backward graph per micro-batch, the same every step

    def step(self, model: nn.Module, optimizer: torch.optim.Optimizer) -> float:
        import torch_xla.core.xla_model as xm

        # NeuronAcceleratedOptimizer reduces, clips and steps only when told gradients are synced.
        self.accelerator.gradient_state.sync_gradients = True
        optimizer.step()
        xm.mark_step()
        grad_norm = getattr(optimizer, "grad_norm", None)
        return 0.0 if grad_norm is None else float(grad_norm)

    # -- checkpoints ------------------------------------------------------------------------------

    def _layout(self) -> dict[str, Any]:
        return layout_record(self.tensor_parallel, self.runtime.data_world_size, self.zero1)

    def _model_state(self, model: nn.Module) -> dict[str, torch.Tensor]:
        if self.adapter_only:
            return {name: p for name, p in model.named_parameters() if p.requires_grad}
        return dict(model.state_dict())

    def save(
        self,
        directory: Path,
        *,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
        state: TrainerState,
        job_uid: str,
        keep_last: int,
        method_state: object | None = None,
    ) -> Path:
        # Only GRPO has method state, and it never runs on Neuron (device.check_device_features).
        assert method_state is None, "method state on Neuron"
        import neuronx_distributed as nxd
        import torch_xla.core.xla_model as xm

        runtime = self.runtime

        def write_shards(checkpoint_tmp: Path) -> TrainerState:
            xm.mark_step()
            nxd.trainer.save_checkpoint(
                str(checkpoint_tmp),
                tag=SHARDS_TAG,
                model=self._model_state(model),
                optimizer=_inner_optimizer(optimizer),
                scheduler=scheduler,
                use_xser=True,
                async_save=False,
            )
            # Every rank's CPU RNG (python, torch) in its own file: the XLA process group has no
            # object gather, and the checkpoint directory is shared by all nodes. The XLA device
            # generator needs none: every step seeds it (start_step).
            (checkpoint_tmp / RNG_DIR).mkdir(exist_ok=True)
            (checkpoint_tmp / rng_file(runtime.rank)).write_text(json.dumps(capture_rng()), encoding="utf-8")
            if runtime.is_main:
                (checkpoint_tmp / LAYOUT_FILE).write_text(json.dumps(self._layout()), encoding="utf-8")
            return state

        return layout.write_checkpoint(
            directory,
            state,
            is_main=runtime.is_main,
            job_uid=job_uid,
            keep_last=keep_last,
            barrier=lambda what: xm.rendezvous(f"finetune: {what}"),
            write_shards=write_shards,
        )

    def load(
        self,
        checkpoint: Path,
        *,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
    ) -> TrainerState:
        import neuronx_distributed as nxd

        check_resumable(checkpoint, layout.read_manifest(checkpoint).files, self._layout())
        state = layout.read_trainer_state(checkpoint)
        # Model first, then the optimizer: ZeRO-1's load_state_dict re-shards the *current*
        # parameters into its master weights (and then overwrites them with the saved fp32 masters
        # when the checkpoint has them), so the model must already hold the checkpoint's values.
        loaded: dict[str, torch.Tensor] = {}  # filled with exactly the saved entries
        nxd.trainer.load_checkpoint(str(checkpoint), tag=SHARDS_TAG, model=loaded)
        trainable = [name for name, p in model.named_parameters() if p.requires_grad]
        missing = missing_trainable(loaded, trainable)
        if missing:
            raise layout.CheckpointNotUsable(f"{checkpoint}: no saved values for {', '.join(missing[:4])}")
        model.load_state_dict(loaded, strict=not self.adapter_only)
        inner = _inner_optimizer(optimizer)
        if self.zero1:
            nxd.trainer.load_checkpoint(str(checkpoint), tag=SHARDS_TAG, optimizer=inner, scheduler=scheduler)
        else:
            # Without ZeRO-1 the library loads optimizer state only into a dict.
            optimizer_state = inner.state_dict()
            nxd.trainer.load_checkpoint(
                str(checkpoint), tag=SHARDS_TAG, optimizer=optimizer_state, scheduler=scheduler
            )
            inner.load_state_dict(optimizer_state)
        rng = json.loads((checkpoint / rng_file(self.runtime.rank)).read_text(encoding="utf-8"))
        restore_rng(rng)
        return state

    # -- outputs ----------------------------------------------------------------------------------

    def write_outputs(
        self,
        directory: Path,
        *,
        config: TrainConfig,
        model: nn.Module,
        tokenizer: Any,
        model_path: str,
        metrics: Mapping[str, Any],
    ) -> None:
        """Saves the sharded adapter (or model), then rank 0 consolidates it into a normal one."""
        import torch_xla.core.xla_model as xm
        from optimum.neuron.models.training import (
            consolidate_model_parallel_checkpoints_to_unified_checkpoint,
        )

        shards = directory / OUTPUT_SHARDS_DIR
        if self.runtime.is_main:
            shutil.rmtree(shards, ignore_errors=True)
            shards.mkdir(parents=True)
        xm.rendezvous("finetune: output directory created")
        model.save_pretrained(str(shards), is_main_process=self.runtime.is_main)  # type: ignore[operator]
        xm.rendezvous("finetune: sharded outputs written")
        if self.runtime.is_main:
            target = directory / ("adapter" if self.adapter_only else "model")
            shutil.rmtree(target, ignore_errors=True)
            if self.adapter_only:
                for metadata_file in shards.glob("adapter_*/adapter_shards/mp_metadata_pp_rank_*.json"):
                    metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
                    metadata_file.write_text(
                        json.dumps(adapter_consolidation_metadata(metadata)), encoding="utf-8"
                    )
            consolidate_model_parallel_checkpoints_to_unified_checkpoint(shards, target)
            # The configs next to the shards, already converted back to the original (unfused,
            # unsharded) module names by optimum-neuron's save_pretrained.
            config_dir = shards / "adapter_default" if self.adapter_only else shards
            for name in ("adapter_config.json", "config.json", "generation_config.json"):
                if (config_dir / name).is_file():
                    shutil.copy2(config_dir / name, target / name)
            tokenizer.save_pretrained(str(target))
            if self.adapter_only and config.output.merge:
                write_merged(directory / "merged", model_path, target, tokenizer)
            (directory / "metrics.json").write_text(
                json.dumps(dict(metrics), indent=2, sort_keys=True) + "\n", encoding="utf-8"
            )
            shutil.rmtree(shards)
            log.info("outputs written to %s", directory)
        xm.rendezvous("finetune: outputs written")

    def metrics(self) -> dict[str, Any]:
        return {"tensorParallel": self.tensor_parallel, "dataParallel": self.runtime.data_world_size}
