"""The CPU / CUDA platform: FSDP2 sharding, torch.distributed.checkpoint, outputs gathered to rank 0.

gloo on CPU, NCCL on CUDA. Every rank is its own data-parallel replica; FSDP averages gradients
over all of them.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
from torch import nn

from finetune_trainer import checkpoint, outputs
from finetune_trainer.checkpoint_layout import TrainerState
from finetune_trainer.config import TrainConfig
from finetune_trainer.grpo import GrpoMethod
from finetune_trainer.methods import (
    DpoMethod,
    Method,
    ReferenceContext,
    SupervisedMethod,
    adapters_disabled,
    frozen_reference,
)
from finetune_trainer.model import build_policy, build_reference
from finetune_trainer.rewards import Reward, Toolbox
from finetune_trainer.rollout import Sampler
from finetune_trainer.runtime import Runtime, UnsupportedDevice, compute_dtype
from finetune_trainer.schedule import build_scheduler


@dataclasses.dataclass
class FsdpPlatform:
    runtime: Runtime
    dtype: torch.dtype
    reduce_dtype: torch.dtype = torch.float64
    scaler: torch.amp.GradScaler | None = None
    max_grad_norm: float = 0.0
    adapter_only: bool = False  # LoRA checkpoints hold only the adapter; the base is reloaded
    replicated: bool = False  # lora.loadIn4Bit: not FSDP; adapter gradients averaged in `step`

    @classmethod
    def start(cls, kind: str, config: TrainConfig, env: MutableMapping[str, str]) -> FsdpPlatform:
        if kind == "cuda" and not torch.cuda.is_available():
            raise UnsupportedDevice("FINETUNE_DEVICE=cuda but no CUDA device is visible")
        dtype = compute_dtype(config.training.precision, kind)
        rank, world_size = int(env["RANK"]), int(env["WORLD_SIZE"])
        local_rank = int(env.get("LOCAL_RANK", "0"))
        if kind == "cuda":
            torch.cuda.set_device(local_rank)
            device = torch.device("cuda", local_rank)
        else:
            device = torch.device("cpu")
        if not dist.is_initialized():
            # A world of one has no peer to meet: an in-memory store instead of env://'s TCP store,
            # whose MASTER_PORT another process can take between choosing it and binding it.
            store = dist.HashStore() if world_size == 1 else None
            dist.init_process_group(
                backend="nccl" if kind == "cuda" else "gloo",
                rank=rank,
                world_size=world_size,
                store=store,
                timeout=datetime.timedelta(minutes=30),
            )
        runtime = Runtime(
            rank, world_size, local_rank, kind, device, data_rank=rank, data_world_size=world_size
        )
        scaler = torch.amp.GradScaler("cuda") if dtype == torch.float16 else None
        return cls(runtime=runtime, dtype=dtype, scaler=scaler)

    def build_model(self, config: TrainConfig, model_path: str) -> nn.Module:
        self.adapter_only = config.uses_lora
        self.replicated = config.lora is not None and config.lora.load_in_4bit
        return build_policy(config, model_path, self.dtype, self.runtime.device)

    def build_optimizer(
        self, config: TrainConfig, model: nn.Module, total_steps: int
    ) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler]:
        optimizer = torch.optim.AdamW(
            [p for p in model.parameters() if p.requires_grad],
            lr=config.optimizer.learning_rate,
            betas=(config.optimizer.beta1, config.optimizer.beta2),
            eps=config.optimizer.epsilon,
            weight_decay=config.optimizer.weight_decay,
        )
        self.max_grad_norm = config.optimizer.max_grad_norm
        scheduler = build_scheduler(
            optimizer, config.optimizer.scheduler, config.optimizer.warmup_steps, total_steps
        )
        return optimizer, scheduler

    def _reference(self, config: TrainConfig, model: nn.Module, model_path: str) -> ReferenceContext:
        """LoRA: the same model with its adapters disabled (no second copy); else a frozen copy."""
        if config.lora is not None:
            return lambda: adapters_disabled(model)
        frozen = build_reference(model_path, self.dtype)
        return lambda: frozen_reference(frozen)

    def method(
        self,
        config: TrainConfig,
        model: nn.Module,
        tokenizer: Any,
        model_path: str,
        rewards: tuple[Reward, ...],
        toolbox: Toolbox | None,
    ) -> Method:
        device = self.runtime.device
        if config.grpo is not None:
            return self._grpo(config, model, tokenizer, model_path, rewards, toolbox)
        if config.dpo is not None:
            reference = self._reference(config, model, model_path)
            return DpoMethod(device, tokenizer.pad_token_id, config.dpo.beta, reference)
        return SupervisedMethod(
            device, tokenizer.pad_token_id, config.training.seq_length, config.training.packing
        )

    def _grpo(
        self,
        config: TrainConfig,
        model: nn.Module,
        tokenizer: Any,
        model_path: str,
        rewards: tuple[Reward, ...],
        toolbox: Toolbox | None,
    ) -> GrpoMethod:
        spec = config.grpo
        assert spec is not None
        runtime = self.runtime
        device = runtime.device

        def all_reduce(tensor: torch.Tensor) -> torch.Tensor:
            if runtime.world_size == 1:
                return tensor
            on_device = tensor.to(device)
            dist.all_reduce(on_device)
            return on_device.cpu()

        method = GrpoMethod(
            device=device,
            pad_id=tokenizer.pad_token_id,
            spec=spec,
            rewards=rewards,
            toolbox=toolbox,
            tokenizer=tokenizer,
            generator=lambda policy: policy,  # replaced below: the sampler needs the method's any_rank
            reference=self._reference(config, model, model_path) if spec.beta != 0.0 else None,
            error_budget=config.data.error_budget,
            micro_batch_size=config.training.micro_batch_size,
            data_rank=runtime.data_rank,
            data_world_size=runtime.data_world_size,
            all_reduce=all_reduce,
        )
        if spec.generation_engine == "vllm":
            from finetune_trainer.vllm_engine import vllm_generator

            method.generator = vllm_generator(config, model, tokenizer, model_path)
        else:
            method.generator = lambda policy: Sampler(
                policy,
                device,
                tokenizer.pad_token_id,
                tokenizer.eos_token_id,
                spec.temperature,
                spec.top_p,
                any_rank=method.any_rank,
            )
        return method

    def start_step(self, step: int) -> None:
        """Nothing: the CPU and CUDA generators go into every checkpoint and resume exactly."""

    def backward(self, model: nn.Module, loss: torch.Tensor, last_micro_batch: bool) -> None:
        # Gradients are reduce-scattered only after the last micro-batch of the step.
        if not self.replicated:
            model.set_requires_gradient_sync(last_micro_batch)  # type: ignore[operator]
        (self.scaler.scale(loss) if self.scaler else loss).backward()

    def step(self, model: nn.Module, optimizer: torch.optim.Optimizer) -> float:
        if self.scaler:
            self.scaler.unscale_(optimizer)
        trainable = [p for p in model.parameters() if p.requires_grad]
        if self.replicated and self.runtime.world_size > 1:
            # What FSDP's reduce-scatter does for sharded models: the mean over ranks.
            for parameter in trainable:
                if parameter.grad is not None:
                    dist.all_reduce(parameter.grad, op=dist.ReduceOp.AVG)
        grad_norm = torch.nn.utils.get_total_norm([p.grad for p in trainable if p.grad is not None])
        # optimizer.maxGradNorm 0 disables clipping; the norm is still reported every step.
        if self.max_grad_norm > 0:
            torch.nn.utils.clip_grads_with_norm_(trainable, self.max_grad_norm, grad_norm)
        if self.scaler:
            self.scaler.step(optimizer)
            self.scaler.update()
        else:
            optimizer.step()
        return float(grad_norm.full_tensor() if hasattr(grad_norm, "full_tensor") else grad_norm)

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
        return checkpoint.save(
            directory,
            runtime=self.runtime,
            model=model,
            optimizer=optimizer,
            scheduler=scheduler,
            adapter_only=self.adapter_only,
            state=state,
            job_uid=job_uid,
            keep_last=keep_last,
            method_state=method_state,
        )

    def load(
        self,
        path: Path,
        *,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
    ) -> TrainerState:
        return checkpoint.load(
            path,
            runtime=self.runtime,
            model=model,
            optimizer=optimizer,
            scheduler=scheduler,
            adapter_only=self.adapter_only,
        )

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
        outputs.write_outputs(
            directory,
            runtime=self.runtime,
            config=config,
            model=model,
            tokenizer=tokenizer,
            model_path=model_path,
            metrics=metrics,
        )

    def metrics(self) -> dict[str, Any]:
        if self.runtime.kind == "cuda":
            return {"peakGpuMemoryBytes": torch.cuda.max_memory_allocated()}
        return {}
