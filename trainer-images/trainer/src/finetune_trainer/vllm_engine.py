"""`grpo.generationEngine: vllm`: rollouts sampled by vLLM, colocated with the trainer on each GPU.

vLLM exists only in the CUDA image, so this module is imported only when a config chooses it (and
`device.check_device_features` has already refused it anywhere but CUDA). Each rank runs its own
vLLM engine on its own GPU (`distributed_executor_backend="external_launcher"`, one engine per
torchrun process, tensor parallel 1) next to the FSDP policy, with a share of the GPU's memory.

Before each generation batch the policy's current weights are loaded into the engine: FSDP's
shards are gathered parameter by parameter (every rank takes part, in the same order), and for
`grpo-lora` each adapted weight is merged as W + (alpha / r) * B A, so that vLLM samples from
exactly the model being trained. Each request gets a seed drawn from torch's generator, which the
checkpoint restores, so a resumed run samples what the stopped one would have.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import torch
from torch import nn

from finetune_trainer.config import TrainConfig
from finetune_trainer.rollout import Generator

GPU_MEMORY_SHARE = 0.3
"""Fraction of the GPU vLLM takes (weights, KV cache); the rest is the trainer's."""

PEFT_PREFIX = "base_model.model."
ADAPTER = "default"  # peft's name for the one adapter `model.add_lora` creates


def _full(tensor: torch.Tensor) -> torch.Tensor:
    """An FSDP2 shard's full tensor (collective), or the tensor itself."""
    full = getattr(tensor, "full_tensor", None)
    return full() if full is not None else tensor


def merged_weights(model: nn.Module, lora_scale: float) -> Iterator[tuple[str, torch.Tensor]]:
    """The policy's weights under the base model's names, LoRA adapters merged in.

    Every rank walks `named_parameters` in the same order, so FSDP's gathers line up: first the
    (small) adapters, then each base weight, merged as it streams to the engine.
    """
    parameters = list(model.named_parameters())
    adapters = {
        name.removeprefix(PEFT_PREFIX).removesuffix(".weight"): _full(parameter.detach())
        for name, parameter in parameters
        if ".lora_" in name
    }
    for name, parameter in parameters:
        if ".lora_" in name:
            continue
        value = _full(parameter.detach())
        name = name.removeprefix(PEFT_PREFIX)
        if ".base_layer." in name:
            layer = name.split(".base_layer.")[0]
            if name.endswith(".weight"):
                a, b = adapters[f"{layer}.lora_A.{ADAPTER}"], adapters[f"{layer}.lora_B.{ADAPTER}"]
                value = value + lora_scale * (b @ a)
            name = name.replace(".base_layer.", ".")
        yield name, value


def vllm_generator(
    config: TrainConfig, model: nn.Module, tokenizer: Any, model_path: str
) -> Callable[[nn.Module], Generator]:
    from vllm import LLM, SamplingParams
    from vllm.inputs import TokensPrompt

    spec = config.grpo
    assert spec is not None
    dtype = {"bf16": "bfloat16", "fp16": "float16", "fp32": "float32"}[config.training.precision]
    llm = LLM(
        model=model_path,
        tokenizer=config.model.tokenizer or model_path,
        dtype=dtype,
        gpu_memory_utilization=GPU_MEMORY_SHARE,
        max_model_len=spec.max_prompt_length + spec.max_completion_length,
        distributed_executor_backend="external_launcher",
        tensor_parallel_size=1,
        seed=config.training.seed,
    )
    lora_scale = config.lora.alpha / config.lora.rank if config.lora is not None else 1.0
    eos = tokenizer.eos_token_id

    def load_policy(policy: nn.Module) -> Generator:
        engine = llm.llm_engine.model_executor.driver_worker.model_runner.model
        for name, weight in merged_weights(policy, lora_scale):
            engine.load_weights([(name, weight)])
        llm.reset_prefix_cache()

        def generate(contexts: Sequence[Sequence[int]], max_new_tokens: int) -> list[list[int]]:
            if not contexts:
                return []
            seeds = torch.randint(0, 2**31 - 1, (len(contexts),)).tolist()
            params = [
                SamplingParams(
                    temperature=spec.temperature,
                    top_p=spec.top_p,
                    top_k=-1,
                    max_tokens=max_new_tokens,
                    seed=seed,
                )
                for seed in seeds
            ]
            outputs = llm.generate(
                [TokensPrompt(prompt_token_ids=list(c)) for c in contexts], params, use_tqdm=False
            )
            results = []
            for output in outputs:
                ids = list(output.outputs[0].token_ids)
                if output.outputs[0].finish_reason == "stop" and (not ids or ids[-1] != eos):
                    ids.append(eos)
                results.append(ids)
            return results

        return generate

    return load_policy
