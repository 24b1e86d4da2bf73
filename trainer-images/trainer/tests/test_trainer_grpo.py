"""GRPO: learning on a toy task, loss parity with TRL, multi-turn tool rollouts, resume, bad user code."""

from __future__ import annotations

import collections
import contextlib
import copy
import dataclasses
import functools
import json
import statistics
import subprocess
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import torch
import trainer_testkit as kit
from safetensors.torch import load_file
from torch import nn

from finetune_contract.config_schema import ConfigError
from finetune_contract.formats import parse_prompt
from finetune_trainer.config import GrpoSpec, RewardSpec
from finetune_trainer.dataset import DataError
from finetune_trainer.encoding import TokenizedPrompt, encode_prompt
from finetune_trainer.grpo import (
    REWARD_BUDGET_WINDOW,
    GrpoMethod,
    RolloutBatch,
    group_advantages,
    grpo_token_losses,
    loss_numerator,
    step_normaliser,
)
from finetune_trainer.rewards import Completion, Reward, RewardError, Toolbox, final_answer, load_rewards
from finetune_trainer.rollout import Rollout, run_rollouts

ALL_LINEAR = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]

# A verifiable toy reward the tiny model can learn within a few steps: the share of vowels among
# the completion's letters (the training words alternate consonant and vowel: 0.5 is the most).
VOWELS_REWARD = """
def vowel_share(prompt, completion, vowels, **fields):
    letters = [c for c in completion if not c.isspace()]
    return sum(c in vowels for c in letters) / max(len(letters), 1)
"""


def new_metrics() -> dict[str, dict[str, list[float]]]:
    return collections.defaultdict(lambda: collections.defaultdict(list))


def trl_trainer_stand_in(
    beta: float,
    use_bias_correction_kl: bool,
    loss_type: str,
    max_completion_length: int,
    metrics: dict[str, dict[str, list[float]]],
) -> types.SimpleNamespace:
    """What TRL 1.16's `GRPOTrainer` loss methods read of the trainer: one process, no gradient
    accumulation, no vLLM, TRL's default clipping."""
    identity = lambda x, **_: x  # noqa: E731
    return types.SimpleNamespace(
        top_entropy_quantile=1.0,
        off_policy_mask_threshold=None,
        importance_sampling_level="token",
        beta=beta,
        args=types.SimpleNamespace(
            use_bias_correction_kl=use_bias_correction_kl, delta=None, steps_per_generation=1
        ),
        loss_type=loss_type,
        epsilon_low=0.2,
        epsilon_high=0.2,
        use_vllm=False,
        vllm_importance_sampling_correction=False,
        model=types.SimpleNamespace(training=True),
        current_gradient_accumulation_steps=1,
        max_completion_length=max_completion_length,
        accelerator=types.SimpleNamespace(
            num_processes=1,
            reduce=identity,
            gather=identity,
            gather_for_metrics=identity,
            sync_gradients=True,
            autocast=contextlib.nullcontext,
            is_main_process=True,
        ),
        _entropy_bonus_enabled=False,
        aux_loss_enabled=False,
        _metrics=metrics,
    )


def _ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, (
        f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    )


@pytest.fixture(scope="module")
def prompts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [{**r, "vowels": "aeiou"} for r in kit.prompt_records(200, seed=1)]
    return kit.write_jsonl(tmp_path_factory.mktemp("grpo") / "prompts.jsonl", records)


@pytest.fixture(scope="module")
def vowel_reward(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    module = kit.write_module(tmp_path_factory.mktemp("rewards") / "vowels.py", VOWELS_REWARD)
    return {"name": "vowels", "module": str(module), "function": "vowel_share"}


def _rewards(checkpoint_dir: Path) -> dict[int, float]:
    return {r["step"]: r["reward"] for r in kit.progress_records(checkpoint_dir)}


@pytest.mark.parametrize(("method", "learning_rate"), [("grpo", 1e-2), ("grpo-lora", 2e-2)])
def test_mean_reward_rises_on_a_toy_task(
    tmp_path: Path,
    tiny_model: Path,
    prompts: Path,
    vowel_reward: dict[str, Any],
    method: str,
    learning_rate: float,
) -> None:
    records = [{**r, "vowels": "aeiou"} for r in kit.prompt_records(6, seed=2)]
    held_out = kit.write_jsonl(tmp_path / "held-out.jsonl", records)
    config = kit.grpo_config(
        tmp_path,
        tiny_model,
        [prompts],
        [vowel_reward, {"name": "short", "builtin": "length-penalty", "weight": 0.01}],
        method=method,
        **{
            "training.maxSteps": 20,
            "training.microBatchSize": 4,
            "grpo.numGenerations": 8,
            "optimizer.learningRate": learning_rate,
            "optimizer.scheduler": "constant",
            "optimizer.warmupSteps": 0,
            "lora.targetModules": ALL_LINEAR,
            "checkpointing.everySteps": 20,
            "evaluation": {"path": str(held_out), "prompts": None, "maxNewTokens": 8},
        },
    )
    _ok(kit.run_trainer(kit.write_config(tmp_path, config)))
    rewards = [reward for _, reward in sorted(_rewards(tmp_path / "checkpoints").items())]
    first, last = statistics.mean(rewards[:5]), statistics.mean(rewards[-5:])
    assert last > first + 0.07, rewards
    record = kit.progress_records(tmp_path / "checkpoints")[-1]
    assert set(record["rewards"]) == {"vowels", "short"}
    assert record["rewards"]["short"] == pytest.approx(-record["completionLength"] / 8)
    for key in ("rewardStd", "completionLength", "clipRatio", "toolCallsPerRollout", "toolErrors"):
        assert key in record
    assert "kl" not in record  # beta 0: no reference model, no KL
    metrics = json.loads((tmp_path / "output" / "metrics.json").read_text())
    assert metrics["step"] == 20
    # The final evaluation: one greedy completion per held-out prompt, each function's mean and
    # their weighted sum.
    evaluation = json.loads((tmp_path / "output" / "evaluation.json").read_text())
    assert evaluation["examples"] == 6
    means = evaluation["rewards"]
    assert set(means) == {"vowels", "short"} and -1.0 <= means["short"] < 0.0
    assert evaluation["metrics"]["evalReward"] == pytest.approx(
        means["vowels"] + 0.01 * means["short"], abs=2e-6
    )


def _trl_loss(
    loss_type: str,
    logps: torch.Tensor,
    old: torch.Tensor,
    ref: torch.Tensor,
    advantages: torch.Tensor,
    mask: torch.Tensor,
    beta: float,
    max_completion_length: int,
    use_bias_correction_kl: bool,
) -> tuple[torch.Tensor, dict[str, list[float]]]:
    """TRL 1.16's `GRPOTrainer._compute_loss` itself, on an object with just the attributes it reads
    (one process, no gradient accumulation) and the given log-probs in place of a model forward."""
    from trl import GRPOTrainer

    metrics = new_metrics()
    trainer = trl_trainer_stand_in(beta, use_bias_correction_kl, loss_type, max_completion_length, metrics)
    trainer._get_per_token_logps_and_entropies = lambda *args, **kwargs: (
        logps,
        torch.zeros_like(logps),
        None,
    )
    rows, width = logps.shape
    inputs = {
        "prompt_ids": torch.zeros(rows, 2, dtype=torch.long),
        "prompt_mask": torch.ones(rows, 2, dtype=torch.long),
        "completion_ids": torch.zeros(rows, width, dtype=torch.long),
        "completion_mask": mask.long(),
        "advantages": advantages,
        "old_per_token_logps": old,
        "ref_per_token_logps": ref,
        "num_items_in_batch": mask.sum(),
    }
    loss = GRPOTrainer._compute_loss(trainer, None, inputs)
    return loss, metrics["train"]


@pytest.mark.parametrize(("beta", "use_bias_correction_kl"), [(0.0, True), (0.04, False), (0.04, True)])
@pytest.mark.parametrize("loss_type", ["grpo", "dr-grpo", "dapo"])
def test_loss_and_gradient_equal_trls(loss_type: str, beta: float, use_bias_correction_kl: bool) -> None:
    generator = torch.Generator().manual_seed(3)
    rows, width, max_completion_length = 6, 9, 12
    base = -torch.rand(rows, width, generator=generator, dtype=torch.float64) * 3
    old = base + torch.randn(rows, width, generator=generator, dtype=torch.float64) * 0.3  # some clipped
    ref = base + torch.randn(rows, width, generator=generator, dtype=torch.float64) * 0.2
    advantages = group_advantages(torch.rand(rows, generator=generator, dtype=torch.float64), 3)
    lengths = torch.tensor([9, 4, 7, 1, 9, 5])
    mask = torch.arange(width).unsqueeze(0) < lengths.unsqueeze(1)

    trl_logps = base.clone().requires_grad_(True)
    trl_loss, trl_metrics = _trl_loss(
        loss_type.replace("-", "_"),
        trl_logps,
        old,
        ref,
        advantages,
        mask,
        beta,
        max_completion_length,
        use_bias_correction_kl,
    )
    trl_loss.backward()

    ours_logps = base.clone().requires_grad_(True)
    losses = grpo_token_losses(
        ours_logps, old, ref if beta else None, advantages, beta, 0.2, use_bias_correction_kl
    )
    normaliser = step_normaliser(loss_type, rows, int(mask.sum()), max_completion_length)
    ours = loss_numerator(losses.per_token_loss, mask.double(), loss_type) / normaliser
    ours.backward()

    assert float(ours.detach()) == pytest.approx(float(trl_loss.detach()), abs=1e-5)
    assert ours_logps.grad is not None and trl_logps.grad is not None
    torch.testing.assert_close(ours_logps.grad, trl_logps.grad, rtol=0, atol=1e-5)
    clip_ratio = float((losses.clipped.double() * mask).sum() / mask.sum())
    assert clip_ratio == pytest.approx(trl_metrics["clip_ratio/region_mean"][0], abs=1e-6)
    assert clip_ratio > 0  # the batch exercises the clipped branch
    if beta:
        assert losses.per_token_kl is not None
        kl = float((losses.per_token_kl.detach() * mask).sum() / mask.sum())
        assert kl == pytest.approx(trl_metrics["kl"][0], abs=1e-6)


# -- parity with TRL 1.16 through the model ------------------------------------------------------
#
# The test above feeds log-probabilities in; these run the tiny model on fixed rollouts, so that
# everything between the weights and the loss is compared: the chunked head, the temperature,
# the log-probs kept at generation (old, reference) and the KL.

PARITY_PROMPTS = ("copy: kalo", "reverse: mipe nuto fiba")  # of different lengths: TRL left-pads
PARITY_LENGTHS = (9, 4, 7, 1, 9, 5)  # the model tokens of the 2 x 3 completions
PARITY_REWARDS = (1.0, 0.0, 0.5, 0.2, 0.9, 0.4)
PARITY_MAX_COMPLETION_LENGTH = 12


@dataclasses.dataclass(frozen=True)
class ParityCase:
    loss_type: str
    beta: float
    iterations: int
    temperature: float
    use_bias_correction_kl: bool

    def __str__(self) -> str:
        corrected = "-bias-corrected-kl" if self.use_bias_correction_kl else ""
        return f"{self.loss_type}-beta{self.beta}-mu{self.iterations}-T{self.temperature}{corrected}"

    def spec(self) -> GrpoSpec:
        return GrpoSpec(
            num_generations=3,
            max_prompt_length=64,
            max_completion_length=PARITY_MAX_COMPLETION_LENGTH,
            temperature=self.temperature,
            top_p=1.0,
            beta=self.beta,
            epsilon=0.2,
            num_iterations=self.iterations,
            loss_type=self.loss_type,
            use_bias_correction_kl=self.use_bias_correction_kl,
            generation_engine="hf",
        )


@dataclasses.dataclass(frozen=True)
class ParityResult:
    loss: float
    grads: dict[str, torch.Tensor]
    metrics: dict[str, float]


def _fixed_completions(tokenizer: Any) -> Callable[[nn.Module], Any]:
    """A generator that ignores the model: seeded ordinary tokens, every other completion ending with EOS."""
    special = set(tokenizer.all_special_ids)
    ordinary = [i for i in range(len(tokenizer)) if i not in special]
    draws = torch.Generator().manual_seed(11)

    def generate(contexts: Sequence[Sequence[int]], max_new_tokens: int) -> list[list[int]]:
        outputs = []
        for i, length in enumerate(PARITY_LENGTHS[: len(contexts)]):
            ids = [ordinary[int(j)] for j in torch.randint(len(ordinary), (length,), generator=draws)]
            if i % 2 == 0:
                ids[-1] = tokenizer.eos_token_id
            outputs.append(ids[:max_new_tokens])
        return outputs

    return lambda model: generate


def _nudge(model: nn.Module, seed: int) -> None:
    """Moves every weight a little (seeded): the policy then differs from the reference, and after
    generation from the policy that sampled (numIterations > 1), so clipping and KL both act."""
    noise = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(torch.randn(parameter.shape, generator=noise) * 0.01)


def _grads(model: nn.Module) -> dict[str, torch.Tensor]:
    return {n: p.grad.detach().clone() for n, p in model.named_parameters() if p.grad is not None}


def _ours(
    case: ParityCase, policy: nn.Module, reference: nn.Module, tokenizer: Any
) -> tuple[ParityResult, list[Rollout]]:
    """One optimizer step's loss and gradients as the trainer computes them (one rank, one micro-batch)."""
    from finetune_trainer.methods import frozen_reference

    scores = iter(PARITY_REWARDS)
    method = GrpoMethod(
        device=torch.device("cpu"),
        pad_id=tokenizer.pad_token_id,
        spec=case.spec(),
        rewards=(Reward("fixed", 1.0, lambda completion: next(scores)),),
        toolbox=None,
        tokenizer=tokenizer,
        generator=_fixed_completions(tokenizer),
        reference=(lambda: frozen_reference(reference)) if case.beta else None,
        error_budget=0.0,
        micro_batch_size=len(PARITY_PROMPTS),
        data_rank=0,
        data_world_size=1,
    )
    rows: list[list[object]] = [
        [encode_prompt(tokenizer, parse_prompt({"prompt": p}), 64, None)] for p in PARITY_PROMPTS
    ]
    method.prepare(policy, rows, step=0)  # generation: rollouts, rewards, old and reference log-probs
    if case.iterations > 1:
        _nudge(policy, seed=2)  # the optimizer step between the first and the second pass
    step_rows = method.prepare(policy, rows, step=case.iterations - 1)
    batch = method.collate(step_rows)
    loss, totals = method.loss(policy, batch, method.normaliser(step_rows), 1)
    loss.backward()
    metrics = method.summarise(totals.extra, method.normaliser(step_rows))
    assert isinstance(batch, RolloutBatch)
    return ParityResult(float(loss.detach()), _grads(policy), metrics), list(batch.rollouts)


def _trls(
    case: ParityCase,
    policy: nn.Module,
    reference: nn.Module,
    rollouts: Sequence[Rollout],
    pad_id: int,
) -> ParityResult:
    """TRL 1.16's own code on the same rollouts: the fused LM head it patches into the model (at the
    temperature), `_get_per_token_logps_and_entropies` for the old and reference log-probs at
    generation, `_compute_loss` for the step; the trainer object holds only what they read."""
    from trl import GRPOTrainer
    from trl.trainer.utils import add_fused_lm_head

    for model in (policy, reference):
        add_fused_lm_head(model, temperature=case.temperature, outputs=("log_probs", "entropy"))
    metrics = new_metrics()
    trainer = trl_trainer_stand_in(
        case.beta,
        case.use_bias_correction_kl,
        case.loss_type.replace("-", "_"),
        PARITY_MAX_COMPLETION_LENGTH,
        metrics,
    )
    trainer._get_per_token_logps_and_entropies = functools.partial(
        GRPOTrainer._get_per_token_logps_and_entropies, trainer
    )
    # TRL's layout: prompts left-padded, completions right-padded.
    prompt_width = max(len(r.prompt.input_ids) for r in rollouts)
    completion_width = max(len(r.completion_ids) for r in rollouts)
    prompt_ids = torch.full((len(rollouts), prompt_width), pad_id)
    prompt_mask = torch.zeros_like(prompt_ids)
    completion_ids = torch.full((len(rollouts), completion_width), pad_id)
    completion_mask = torch.zeros_like(completion_ids)
    for row, rollout in enumerate(rollouts):
        prompt = torch.tensor(rollout.prompt.input_ids)
        prompt_ids[row, prompt_width - len(prompt) :], prompt_mask[row, prompt_width - len(prompt) :] = (
            prompt,
            1,
        )
        completion_ids[row, : len(rollout.completion_ids)] = torch.tensor(rollout.completion_ids)
        completion_mask[row, : len(rollout.completion_ids)] = torch.tensor(rollout.completion_mask)
    rewards = torch.tensor(PARITY_REWARDS).view(-1, 3)  # TRL's scale_rewards="group"
    advantages = ((rewards - rewards.mean(1, keepdim=True)) / (rewards.std(1, keepdim=True) + 1e-4)).view(-1)
    input_ids = torch.cat([prompt_ids, completion_ids], dim=1)
    attention_mask = torch.cat([prompt_mask, completion_mask], dim=1)
    with torch.no_grad():
        old, _, _ = trainer._get_per_token_logps_and_entropies(
            policy, input_ids, attention_mask, completion_width
        )
        ref, _, _ = trainer._get_per_token_logps_and_entropies(
            reference, input_ids, attention_mask, completion_width
        )
    if case.iterations > 1:
        _nudge(policy, seed=2)
    inputs = {
        "prompt_ids": prompt_ids,
        "prompt_mask": prompt_mask,
        "completion_ids": completion_ids,
        "completion_mask": completion_mask,
        "advantages": advantages,
        # TRL keeps the generation-time log-probs only when they can differ from the current ones.
        "old_per_token_logps": old if case.iterations > 1 else None,
        "ref_per_token_logps": ref if case.beta else None,
        "num_items_in_batch": completion_mask.sum(),
    }
    loss = GRPOTrainer._compute_loss(trainer, policy, inputs)
    loss.backward()
    train = metrics["train"]
    reported = {"clipRatio": train["clip_ratio/region_mean"][0]}
    if case.beta:
        reported["kl"] = train["kl"][0]
    return ParityResult(float(loss.detach()), _grads(policy), reported)


def parity(case: ParityCase, tiny_model: Path, tokenizer: Any) -> tuple[ParityResult, ParityResult]:
    """Our and TRL's step from identical weights on identical rollouts."""
    from transformers import AutoModelForCausalLM

    reference = AutoModelForCausalLM.from_pretrained(str(tiny_model), torch_dtype=torch.float32)
    reference.requires_grad_(False)
    policy = copy.deepcopy(reference).requires_grad_(True)
    _nudge(policy, seed=1)
    trl_policy, trl_reference = copy.deepcopy(policy), copy.deepcopy(reference)
    ours, rollouts = _ours(case, policy, reference, tokenizer)
    trls = _trls(case, trl_policy, trl_reference, rollouts, tokenizer.pad_token_id)
    assert ours.grads.keys() == trls.grads.keys() and ours.grads
    return ours, trls


def assert_same_step(ours: ParityResult, trls: ParityResult) -> None:
    """Loss within 1e-5 (relative above 1), every gradient element within 1e-5 of the largest
    gradient element (float32 through two different heads), KL and clip ratio as TRL reports them."""
    loss_diff = abs(ours.loss - trls.loss)
    grad_diff = max(float((ours.grads[k] - trls.grads[k]).abs().max()) for k in ours.grads)
    grad_scale = max(float(g.abs().max()) for g in trls.grads.values())
    print(f"loss {ours.loss:.6f} vs TRL {trls.loss:.6f} (diff {loss_diff:.2e}); ", end="")
    print(f"max grad diff {grad_diff:.2e}, largest grad {grad_scale:.2e}")
    assert loss_diff <= 1e-5 * max(1.0, abs(trls.loss)), (ours.loss, trls.loss)
    assert grad_diff <= 1e-5 * max(1.0, grad_scale), (grad_diff, grad_scale)
    assert ours.metrics["clipRatio"] == pytest.approx(trls.metrics["clipRatio"], abs=1e-6)
    assert (ours.metrics.get("kl") is None) == (trls.metrics.get("kl") is None)
    if "kl" in trls.metrics:
        assert ours.metrics["kl"] == pytest.approx(trls.metrics["kl"], rel=1e-5, abs=1e-7)


LOSS_TYPES = ("grpo", "dr-grpo", "dapo")
TEMPERATURE_CASES = [
    ParityCase(loss_type, beta, iterations, 0.7, use_bias_correction_kl=False)
    for loss_type in LOSS_TYPES
    for beta in (0.0, 0.04)
    for iterations in (1, 2)
]
BIAS_CORRECTED_KL_CASES = [
    ParityCase(loss_type, 0.04, iterations, 0.7, use_bias_correction_kl=True)
    for loss_type in LOSS_TYPES
    for iterations in (1, 2)
]


@pytest.mark.parametrize("case", TEMPERATURE_CASES, ids=str)
def test_a_step_through_the_model_equals_trls_at_temperature_0_7(
    case: ParityCase, tiny_model: Path, tokenizer: Any
) -> None:
    """TRL scores rollouts under the distribution they were sampled from: its log-probs (policy,
    old and reference) are of the logits divided by the temperature. TRL's KL here is the plain
    k3 estimator (`use_bias_correction_kl=False`)."""
    ours, trls = parity(case, tiny_model, tokenizer)
    assert_same_step(ours, trls)
    if case.iterations > 1:
        assert trls.metrics["clipRatio"] > 0  # the second pass exercises the clipped branch
    if case.beta:
        assert trls.metrics["kl"] > 0  # the policy is not the reference


@pytest.mark.parametrize("case", BIAS_CORRECTED_KL_CASES, ids=str)
def test_a_step_with_trls_default_kl_equals_trls_through_the_model(
    case: ParityCase, tiny_model: Path, tokenizer: Any
) -> None:
    """`grpo.useBiasCorrectionKl` (default true) is TRL's `use_bias_correction_kl` (default True):
    the KL times the policy ratio, whose gradient differs even at one iteration, where the ratio is 1."""
    ours, trls = parity(case, tiny_model, tokenizer)
    assert_same_step(ours, trls)
    plain, _ = parity(dataclasses.replace(case, use_bias_correction_kl=False), tiny_model, tokenizer)
    grad_change = max(float((plain.grads[k] - trls.grads[k]).abs().max()) for k in trls.grads)
    assert grad_change > 1e-3  # the correction is not a no-op on this batch


def test_group_advantages_are_trls_group_normalisation() -> None:
    rewards = torch.tensor([1.0, 0.0, 0.0, 0.0, 2.0, 2.0, 2.0, 2.0], dtype=torch.float64)
    advantages = group_advantages(rewards, 4)
    expected_first = (1.0 - 0.25) / (float(rewards[:4].std()) + 1e-4)
    assert float(advantages[0]) == pytest.approx(expected_first)
    assert torch.all(advantages[4:] == 0)  # equal rewards: no signal


# -- multi-turn rollouts with a calculator tool --------------------------------------------------


def multiply(a: int, b: int) -> int:
    """Multiplies two integers.

    Args:
        a: the first factor
        b: the second factor
    """
    return a * b


def divide(a: int, b: int) -> float:
    """Divides a by b.

    Args:
        a: the dividend
        b: the divisor
    """
    return a / b


class ScriptedPolicy:
    """Stands in for sampling in these unit tests of the rollout loop: answers from the context it is
    given, so that what the loop feeds back to the model is what decides the result."""

    def __init__(self, tokenizer: Any, call: str | None, always_call: bool = False) -> None:
        self.tokenizer, self.call, self.always_call = tokenizer, call, always_call
        self.contexts: list[str] = []

    def __call__(self, contexts: Sequence[Sequence[int]], max_new_tokens: int) -> list[list[int]]:
        outputs = []
        for context in contexts:
            text = self.tokenizer.decode(list(context))
            self.contexts.append(text)
            result = text.rsplit("<|tool|>", 1)[1].split("<|end|>")[0] if "<|tool|>" in text else None
            if self.call is not None and (result is None or self.always_call):
                reply = f"<tool_call>{self.call}</tool_call>"
            else:
                reply = f"<answer>{result if result is not None else 400}</answer>"
            ids = self.tokenizer(reply, add_special_tokens=False)["input_ids"] + [self.tokenizer.eos_token_id]
            outputs.append(ids[:max_new_tokens])
        return outputs


def _prompt(tokenizer: Any, toolbox: Toolbox) -> TokenizedPrompt:
    record = {"prompt": [{"role": "user", "content": "what is 17 times 23"}], "answer": "391"}
    return encode_prompt(tokenizer, parse_prompt(record), 64, toolbox.schemas)


def _exact_match(tokenizer: Any) -> Any:
    spec = RewardSpec("correct", 1.0, "exact-match", "answer", None, None, None)
    (reward,) = load_rewards([spec], 64, {})
    return lambda r: reward.score(
        Completion(r.prompt.prompt.original, r.text, r.model_tokens, r.prompt.prompt.fields)
    )


def _decode(tokenizer: Any, rollout: Rollout, keep: int) -> str:
    ids = [t for t, m in zip(rollout.completion_ids, rollout.completion_mask, strict=True) if m == keep]
    return str(tokenizer.decode(ids))


def test_calling_the_calculator_earns_the_reward_and_tool_results_carry_no_loss(tokenizer: Any) -> None:
    toolbox = Toolbox({"multiply": multiply}, max_turns=3)
    call = json.dumps({"name": "multiply", "arguments": {"a": 17, "b": 23}})
    score = _exact_match(tokenizer)
    prompt = _prompt(tokenizer, toolbox)

    (calling,) = run_rollouts([prompt], 1, ScriptedPolicy(tokenizer, call), tokenizer, 200, toolbox)
    (guessing,) = run_rollouts([prompt], 1, ScriptedPolicy(tokenizer, None), tokenizer, 200, toolbox)
    assert score(calling) == 1.0 and score(guessing) == 0.0
    assert (calling.turns, calling.tool_calls, calling.tool_errors) == (2, 1, 0)
    assert calling.text == "<answer>391</answer>"
    # The model's tokens are its two turns; the tool message between them is masked out.
    assert (
        _decode(tokenizer, calling, 1) == f"<tool_call>{call}</tool_call><|end|><answer>391</answer><|end|>"
    )
    assert _decode(tokenizer, calling, 0) == "<|tool|>391<|end|><|assistant|>"
    assert calling.model_tokens == sum(calling.completion_mask) < len(calling.completion_ids)


def test_the_turn_limit_holds(tokenizer: Any) -> None:
    toolbox = Toolbox({"multiply": multiply}, max_turns=3)
    call = json.dumps({"name": "multiply", "arguments": {"a": 2, "b": 3}})
    policy = ScriptedPolicy(tokenizer, call, always_call=True)
    rollouts = run_rollouts([_prompt(tokenizer, toolbox)], 2, policy, tokenizer, 400, toolbox)
    for rollout in rollouts:
        # Three model turns; the third turn's call is never executed (the model could not read it).
        assert (rollout.turns, rollout.tool_calls) == (3, 2)
    assert len(policy.contexts) == 6


def test_a_raising_tool_returns_its_error_to_the_model_and_is_counted(tokenizer: Any) -> None:
    toolbox = Toolbox({"divide": divide}, max_turns=2)
    call = json.dumps({"name": "divide", "arguments": {"a": 1, "b": 0}})
    (rollout,) = run_rollouts(
        [_prompt(tokenizer, toolbox)], 1, ScriptedPolicy(tokenizer, call), tokenizer, 200, toolbox
    )
    assert (rollout.tool_calls, rollout.tool_errors) == (1, 1)
    assert "Error: ZeroDivisionError: division by zero" in _decode(tokenizer, rollout, 0)
    assert rollout.text == "<answer>Error: ZeroDivisionError: division by zero</answer>"


def test_the_completion_budget_covers_all_turns(tokenizer: Any) -> None:
    toolbox = Toolbox({"multiply": multiply}, max_turns=4)
    call = json.dumps({"name": "multiply", "arguments": {"a": 2, "b": 3}})
    policy = ScriptedPolicy(tokenizer, call, always_call=True)
    (rollout,) = run_rollouts([_prompt(tokenizer, toolbox)], 1, policy, tokenizer, 50, toolbox)
    assert len(rollout.completion_ids) <= 50


# As docs/grpo.md and the operator's example write a tool: a one-line docstring is enough.
TOOLS_MODULE = '''
def multiply(a: float, b: float) -> float:
    """Multiply two numbers."""
    return a * b
'''


def test_two_ranks_run_multi_turn_rollouts_in_step_and_report_tool_metrics(
    tmp_path: Path, tiny_model: Path, prompts: Path, vowel_reward: dict[str, Any]
) -> None:
    chat = kit.write_jsonl(tmp_path / "chat.jsonl", kit.prompt_records(20, seed=2, chat=True))
    tools = kit.write_module(tmp_path / "tools.py", TOOLS_MODULE)
    config = kit.grpo_config(
        tmp_path,
        tiny_model,
        [chat],
        [{"name": "answer", "builtin": "exact-match", "field": "answer"}],
        tools={"module": str(tools), "functions": ["multiply"], "maxTurns": 2},
        **{"training.maxSteps": 4, "grpo.beta": 0.04, "grpo.numIterations": 2, "grpo.lossType": "grpo"},
    )
    # Two ranks: every forward pass gathers FSDP shards, so both must sample the same number of
    # tokens and turns although their rollouts end at different times.
    _ok(kit.run_trainer(kit.write_config(tmp_path, config), processes=2))
    records = kit.progress_records(tmp_path / "checkpoints")
    assert [r["step"] for r in records] == [1, 2, 3, 4]
    assert all(r["toolCallsPerRollout"] >= 0 and r["toolErrors"] >= 0 for r in records)
    assert all(r["kl"] >= 0 for r in records)  # beta > 0: the adapters-disabled reference is scored
    # numIterations 2: steps 1-2 and 3-4 train on the same rollouts (the second pass off-policy).
    assert records[0]["reward"] == records[1]["reward"] and records[2]["reward"] == records[3]["reward"]


# -- exact resume -------------------------------------------------------------------------------


@pytest.mark.parametrize("iterations", [1, 2])
def test_grpo_lora_resume_after_kill_matches_an_uninterrupted_run(
    tmp_path: Path, tiny_model: Path, prompts: Path, vowel_reward: dict[str, Any], iterations: int
) -> None:
    """With numIterations 2 the checkpoint after step 3 falls inside a generation batch: the resumed
    run must train step 4 on the rollouts step 3 trained on, not on new ones."""
    overrides = {
        "training.maxSteps": 6,
        "checkpointing.everySteps": 3,
        "lora.dropout": 0.1,
        "grpo.beta": 0.04,
        "grpo.numIterations": iterations,
        "optimizer.learningRate": 2e-2,
    }

    def config(root: Path, **extra: Any) -> Path:
        return kit.write_config(
            root, kit.grpo_config(root, tiny_model, [prompts], [vowel_reward], **overrides, **extra)
        )

    straight = tmp_path / "straight"
    _ok(kit.run_trainer(config(straight)))
    resumed = tmp_path / "resumed"
    kit.kill_after_checkpoint(config(resumed), 1, resumed / "checkpoints", "step-00000003")
    _ok(kit.run_trainer(config(resumed, **{"job.attempt": 2}), resume_from="auto"))

    expected = {r["step"]: r for r in kit.progress_records(straight / "checkpoints")}
    actual = {r["step"]: r for r in kit.progress_records(resumed / "checkpoints")}
    assert sorted(actual) == list(range(1, 7))
    for step in range(1, 7):
        for key in ("loss", "reward", "completionLength", "kl", "clipRatio"):
            assert actual[step][key] == pytest.approx(expected[step][key], rel=1e-5, abs=1e-6), (step, key)
    second = [r["step"] for r in kit.progress_records(resumed / "checkpoints") if r["attempt"] == 2]
    assert second == [4, 5, 6]
    if iterations == 2:
        assert actual[4]["reward"] == actual[3]["reward"]  # the same generation batch
    straight_adapter = load_file(str(straight / "output" / "adapter" / "adapter_model.safetensors"))
    resumed_adapter = load_file(str(resumed / "output" / "adapter" / "adapter_model.safetensors"))
    assert straight_adapter.keys() == resumed_adapter.keys() and straight_adapter
    for key, tensor in straight_adapter.items():
        torch.testing.assert_close(resumed_adapter[key], tensor, rtol=1e-5, atol=1e-6)


# -- bad user code --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "function", "message"),
    [
        (
            "def score(prompt, completion, **fields):\n    return (1.0\n\n",
            "score",
            r"reward\.py:2: syntax error",
        ),
        (
            "import math\n\ndef other(prompt, completion):\n    return 0.0\n",
            "score",
            "has no function 'score'",
        ),
        (
            "import math\n\n\ndef score(prompt):\n    return 0.0\n",
            "score",
            r"reward\.py:4: score cannot be called as score\(prompt, completion, \*\*record_fields\)",
        ),
        (
            "x = 1\nraise RuntimeError('boom')\n",
            "score",
            r"reward\.py:2: importing it raised RuntimeError: boom",
        ),
    ],
)
def test_bad_reward_code_exits_2_naming_the_file_and_line(
    tmp_path: Path, tiny_model: Path, prompts: Path, source: str, function: str, message: str
) -> None:
    module = kit.write_module(tmp_path / "reward.py", source)
    config = kit.grpo_config(
        tmp_path, tiny_model, [prompts], [{"name": "bad", "module": str(module), "function": function}]
    )
    result = kit.run_trainer(kit.write_config(tmp_path, config))
    assert result.returncode == 2, result.stderr[-3000:]
    assert f"{module}" in result.stderr
    assert __import__("re").search(message, result.stderr), result.stderr[-3000:]


def test_a_tool_taking_arguments_by_position_only_exits_2(
    tmp_path: Path, tiny_model: Path, prompts: Path
) -> None:
    tools = kit.write_module(
        tmp_path / "tools.py", "import math\n\ndef multiply(a, b, /):\n    return a * b\n"
    )
    config = kit.grpo_config(
        tmp_path,
        tiny_model,
        [prompts],
        [{"name": "answer", "builtin": "exact-match", "field": "answer"}],
        tools={"module": str(tools), "functions": ["multiply"], "maxTurns": 2},
    )
    result = kit.run_trainer(kit.write_config(tmp_path, config))
    assert result.returncode == 2, result.stderr[-3000:]
    assert f"{tools}:3: multiply takes a, b by position only" in result.stderr


def test_a_tool_schema_comes_from_the_signature_when_the_docstring_has_no_args() -> None:
    from finetune_trainer.rewards import tool_schema

    def add(a: float, b: int = 1) -> float:
        """Add two numbers.

        More words.
        """
        return a + b

    assert tool_schema(add) == {
        "type": "function",
        "function": {
            "name": "add",
            "description": "Add two numbers.",
            "parameters": {
                "type": "object",
                "properties": {"a": {"type": "number"}, "b": {"type": "integer"}},
                "required": ["a"],
            },
        },
    }
    assert (
        tool_schema(multiply)["function"]["parameters"]["properties"]["a"]["description"]
        == "the first factor"
    )


# -- what a reward may return ------------------------------------------------------------------

RETURNING_REWARD = """
import fractions

import numpy as np
import torch


def score(prompt, completion, **fields):
    return {expression}
"""


def _returning(tmp_path: Path, expression: str) -> Reward:
    module = kit.write_module(tmp_path / "returning.py", RETURNING_REWARD.format(expression=expression))
    (reward,) = load_rewards([RewardSpec("returning", 1.0, None, None, None, str(module), "score")], 8, {})
    return reward


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("0.25", 0.25),
        ("-3", -3.0),
        ("True", 1.0),  # TRL reads rewards with torch.tensor, which takes bools as 1 and 0
        ("np.float32(0.25)", 0.25),
        ("np.float64(-0.5)", -0.5),
        ("np.int64(2)", 2.0),
        ("np.bool_(False)", 0.0),
        ("np.array(1.5)", 1.5),
        ("torch.tensor(0.75)", 0.75),
        ("torch.tensor(2)", 2.0),
        ("torch.tensor(0.5, requires_grad=True) * 2", 1.0),
        ("torch.tensor(0.25, dtype=torch.bfloat16)", 0.25),
        ("fractions.Fraction(1, 4)", 0.25),
    ],
)
def test_a_reward_may_return_any_finite_real_scalar(tmp_path: Path, expression: str, expected: float) -> None:
    score = _returning(tmp_path, expression).score(Completion("p", "c", 1, {}))
    assert type(score) is float and score == expected


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("float('nan')", "nan: not finite"),
        ("np.float32('inf')", r"np.float32\(inf\): not finite"),
        ("torch.tensor(float('-inf'))", r"tensor\(-inf\): not finite"),
        ("torch.tensor([1.0, 2.0])", r"a Tensor of shape \(2,\), not a scalar"),
        ("np.zeros((1, 1))", r"a ndarray of shape \(1, 1\), not a scalar"),
        ("[0.5]", "a list, not a real number"),
        ("None", "a NoneType, not a real number"),
        ("'0.5'", "a str, not a real number"),
        ("complex(1, 0)", "a complex, not a real number"),
        ("np.complex64(1)", "a complex, not a real number"),
    ],
)
def test_a_reward_returning_anything_else_fails_the_record_saying_why(
    tmp_path: Path, expression: str, reason: str
) -> None:
    reward = _returning(tmp_path, expression)
    with pytest.raises(
        RewardError, match=f"^reward 'returning' returned .*{reason}; a reward is a finite real"
    ):
        reward.score(Completion("p", "c", 1, {}))


MIXED_TYPES_REWARD = """
import numpy as np
import torch


def score(prompt, completion, answer, **fields):
    share = sum(c in "aeiou" for c in completion) / max(len(completion), 1)
    kinds = [np.float32(share), np.int64(len(completion) % 3), torch.tensor(share), answer in completion]
    return kinds[len(completion) % 4]
"""


def test_rewards_of_numpy_and_torch_types_train_at_the_default_budget(
    tmp_path: Path, tiny_model: Path, prompts: Path
) -> None:
    """The issue: a reward returning np.float32, np.int64 or a 0-d tensor failed every record, and
    with data.errorBudget 0 the job exited 2 on its first step."""
    module = kit.write_module(tmp_path / "mixed.py", MIXED_TYPES_REWARD)
    config = kit.grpo_config(
        tmp_path,
        tiny_model,
        [prompts],
        [{"name": "mixed", "module": str(module), "function": "score"}],
        **{"training.maxSteps": 2, "data.errorBudget": 0.0},
    )
    result = kit.run_trainer(kit.write_config(tmp_path, config))
    _ok(result)
    assert "bad record" not in result.stderr
    records = kit.progress_records(tmp_path / "checkpoints")
    assert [r["step"] for r in records] == [1, 2] and all(r["rewards"]["mixed"] >= 0 for r in records)


RAISING_REWARD = """
def picky(prompt, completion, answer, **fields):
    if answer.startswith("{letter}"):
        raise ValueError("cannot score " + answer)
    return 0.0
"""


@pytest.mark.parametrize(("budget", "exit_code"), [(0.0, 2), (0.9, 0)])
def test_a_raising_reward_counts_against_the_error_budget(
    tmp_path: Path, tiny_model: Path, prompts: Path, budget: float, exit_code: int
) -> None:
    letter = json.loads(prompts.read_text().splitlines()[0])["answer"][0]
    module = kit.write_module(tmp_path / "picky.py", RAISING_REWARD.replace("{letter}", letter))
    config = kit.grpo_config(
        tmp_path,
        tiny_model,
        [prompts],
        [{"name": "picky", "module": str(module), "function": "picky"}],
        **{"training.maxSteps": 4, "data.errorBudget": budget},
    )
    result = kit.run_trainer(kit.write_config(tmp_path, config))
    assert result.returncode == exit_code, result.stderr[-3000:]
    assert "reward 'picky' raised ValueError: cannot score" in result.stderr
    assert "prompts.jsonl:" in result.stderr  # the record is named by file and line
    if exit_code:
        assert "over data.errorBudget" in result.stderr


# -- the reward error budget: a window of the last records, kept in checkpoints -----------------

BUDGET_STEP_PROMPTS = 4


def _budget_method(tokenizer: Any, budget: float) -> GrpoMethod:
    """GRPO with a reward that fails on records marked bad, and completions that are just EOS
    (beta 0, numIterations 1: scoring runs no forward pass, so the model is a stand-in)."""

    def score(completion: Completion) -> float:
        if completion.fields["bad"]:
            raise RewardError("cannot score this record")
        return 0.5

    return GrpoMethod(
        device=torch.device("cpu"),
        pad_id=tokenizer.pad_token_id,
        spec=ParityCase("dapo", 0.0, 1, 1.0, use_bias_correction_kl=True).spec(),
        rewards=(Reward("picky", 1.0, score),),
        toolbox=None,
        tokenizer=tokenizer,
        generator=lambda model: lambda contexts, limit: [[tokenizer.eos_token_id] for _ in contexts],
        reference=None,
        error_budget=budget,
        micro_batch_size=BUDGET_STEP_PROMPTS,
        data_rank=0,
        data_world_size=1,
    )


def _step(method: GrpoMethod, tokenizer: Any, step: int, bad: int) -> None:
    """One step's generation and scoring: `bad` of its prompts make the reward fail."""
    rows: list[list[object]] = [
        [encode_prompt(tokenizer, parse_prompt({"prompt": "copy: kalo", "bad": i < bad}), 64, None)]
        for i in range(BUDGET_STEP_PROMPTS)
    ]
    method.prepare(nn.Linear(1, 1), rows, step)


def test_one_bad_record_among_the_first_four_is_within_a_5_percent_budget(tokenizer: Any) -> None:
    """The budget is over the last REWARD_BUDGET_WINDOW records, the ones not yet scored counting as
    good: one failure at step 1 is 1 in 256, not 25% (which used to fail the job); a reward that
    keeps failing still stops the run, at the 13th failure (5% of 256 is 12.8)."""
    method = _budget_method(tokenizer, budget=0.05)
    _step(method, tokenizer, 0, bad=1)
    _step(method, tokenizer, 1, bad=4)
    _step(method, tokenizer, 2, bad=4)  # 9 failures
    with pytest.raises(
        DataError, match=r"failed on 13 of the last 16 records scored, over data\.errorBudget"
    ):
        _step(method, tokenizer, 3, bad=4)


def test_a_reward_that_starts_failing_late_stops_the_run_within_the_window(tokenizer: Any) -> None:
    """After 1,000 good records a failing reward stops the run at its 13th failure; counted from
    step 1 it would have run until its 53rd (5% of 1,053)."""
    method = _budget_method(tokenizer, budget=0.05)
    for step in range(250):
        _step(method, tokenizer, step, bad=0)
    for step in range(250, 253):
        _step(method, tokenizer, step, bad=4)  # 12 failures in the window: allowed
    with pytest.raises(DataError, match=r"failed on 16 of the last 256 records scored"):
        _step(method, tokenizer, 253, bad=4)


def test_failures_that_left_the_window_no_longer_count(tokenizer: Any) -> None:
    method = _budget_method(tokenizer, budget=0.05)
    for step in range(3):
        _step(method, tokenizer, step, bad=4)  # 12 failures: the most a 5% budget allows
    for step in range(3, 3 + REWARD_BUDGET_WINDOW // BUDGET_STEP_PROMPTS):
        _step(method, tokenizer, step, bad=0)
    _step(method, tokenizer, 100, bad=4)  # 4 in the window: the first 12 have left it
    _step(method, tokenizer, 101, bad=4)


def test_the_window_is_method_state_and_survives_a_resume(tokenizer: Any, tmp_path: Path) -> None:
    """What a checkpoint keeps (`state()`, saved with torch.save) restores the window: the resumed
    run fails where the uninterrupted one would; a run that started counting afresh would not."""
    method = _budget_method(tokenizer, budget=0.05)
    for step in range(3):
        _step(method, tokenizer, step, bad=4)  # 12 failures, then a checkpoint
    torch.save(method.state(), tmp_path / "method.pt")
    resumed = _budget_method(tokenizer, budget=0.05)
    resumed.restore(torch.load(tmp_path / "method.pt", weights_only=False))
    with pytest.raises(DataError, match="failed on 13 of the last 16 records scored"):
        _step(resumed, tokenizer, 3, bad=1)
    afresh = _budget_method(tokenizer, budget=0.05)
    _step(afresh, tokenizer, 3, bad=1)


def test_the_reward_error_budget_continues_across_a_resume(
    tmp_path: Path, tiny_model: Path, prompts: Path
) -> None:
    """The trainer end to end: a reward failing on every record, 2 records a step, a budget of 7 in
    the window. Attempt 1 checkpoints step 3 (6 failures) and stops at step 4 (8); attempt 2
    resumes from step 3 and stops at step 4 too. Had the counters restarted, it would have run
    steps 4 to 6 with 6 failures and succeeded."""
    module = kit.write_module(
        tmp_path / "broken.py", "def broken(prompt, completion, **fields):\n    raise ValueError('down')\n"
    )
    config = kit.write_config(
        tmp_path,
        kit.grpo_config(
            tmp_path,
            tiny_model,
            [prompts],
            [{"name": "broken", "module": str(module), "function": "broken"}],
            **{
                "training.maxSteps": 6,
                "checkpointing.everySteps": 3,
                "data.errorBudget": 7.5 / REWARD_BUDGET_WINDOW,
            },
        ),
    )
    first = kit.run_trainer(config)
    assert first.returncode == 2, first.stderr[-3000:]
    assert "failed on 8 of the last 8 records scored" in first.stderr
    assert (tmp_path / "checkpoints" / "latest").read_text() == "step-00000003"
    second = kit.run_trainer(config, resume_from="auto")
    assert second.returncode == 2, second.stderr[-3000:]
    assert "resumed from" in second.stderr and "at step 3" in second.stderr
    assert "failed on 8 of the last 8 records scored" in second.stderr


def test_final_answer_reads_the_answer_tag_else_the_last_line() -> None:
    assert final_answer("think\n<answer> 42 </answer>") == "42"
    assert final_answer("first\nsecond\n\n") == "second"
    assert final_answer("") == ""


def test_config_errors_name_what_to_fix() -> None:
    spec = RewardSpec("bad", 1.0, "format", None, "([", None, None)
    with pytest.raises(ConfigError, match=r"reward 'bad': pattern '\(\[' is invalid"):
        load_rewards([spec], 8, {})


def test_the_weights_vllm_loads_are_the_policy_with_its_adapters_merged(tiny_model: Path) -> None:
    """vLLM itself runs only in the CUDA image; what it is given is checked here: the base model's
    names, and weights that compute what the LoRA policy computes."""
    from transformers import AutoModelForCausalLM

    from finetune_trainer.config import LoraSpec
    from finetune_trainer.model import add_lora
    from finetune_trainer.vllm_engine import merged_weights

    spec = LoraSpec(rank=4, alpha=8, dropout=0.0, target_modules=tuple(ALL_LINEAR), load_in_4bit=False)
    policy = add_lora(AutoModelForCausalLM.from_pretrained(str(tiny_model)), spec, seed=0)
    with torch.no_grad():
        for name, parameter in policy.named_parameters():
            if "lora_B" in name:
                parameter.normal_(std=0.1)  # a trained adapter (peft starts B at zero)
    merged = dict(merged_weights(policy, spec.alpha / spec.rank))
    plain = AutoModelForCausalLM.from_pretrained(str(tiny_model))
    assert set(merged) == set(plain.state_dict())
    plain.load_state_dict(merged)
    ids = torch.tensor([[1, 5, 9, 30, 41, 7]])
    with torch.no_grad():
        torch.testing.assert_close(plain(ids).logits, policy(ids).logits, rtol=1e-4, atol=1e-5)
