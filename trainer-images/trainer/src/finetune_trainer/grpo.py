"""Group Relative Policy Optimization (Shao et al. 2024) with TRL's loss and settings.

One optimizer step of `grpo` / `grpo-lora`:

1. Generation (every `numIterations` steps): each rank samples `numGenerations` rollouts for each
   of its prompts of the step (`rollout.run_rollouts`, tool turns included) and scores them with
   the weighted reward functions.
2. Advantages per group: (r - mean(group)) / (std(group) + 1e-4), the unbiased std (TRL's
   `scale_rewards="group"`).
3. With `numIterations` > 1 the policy's log-probs at generation time are kept ("old"); with
   `beta` > 0 the reference's are computed then too: the frozen starting model, or for
   `grpo-lora` the same model with its adapters disabled (no second copy).
4. Loss per token (TRL's `_compute_loss`): -min(r A, clip(r, 1-eps, 1+eps) A) + beta * KL, with
   r = exp(logp - logp_old) and KL the k3 estimator exp(ref - logp) - (ref - logp) - 1, times r
   with `useBiasCorrectionKl` (TRL's default: r is differentiable, so this changes the gradient
   even where r = 1), over the model's own completion tokens only (never the prompt or tool
   results). Every log-prob (policy,
   old, reference) is of the logits divided by `grpo.temperature`, the distribution the rollouts
   were sampled from, as in TRL.
5. Normalisation (`grpo.lossType`), over the whole optimizer step:
   - `grpo`: each completion's mean over its tokens, averaged over completions;
   - `dr-grpo`: the token sum divided by completions x `maxCompletionLength`;
   - `dapo`: the token sum divided by the step's completion tokens (all ranks).

A micro-batch is `training.microBatchSize` prompts, i.e. that many groups of rollouts.

A record (prompt) whose reward function raises or returns no finite real scalar gets no loss and
counts against `data.errorBudget` over a sliding window: the run stops (DataError, exit code 2)
when more than errorBudget x W of the last W records scored failed, W = `REWARD_BUDGET_WINDOW`
(or one step's prompts, if more). Before W records are scored the missing ones count as good,
so one bad record among the first four is 1 in W, not 25%; and a reward that starts failing
late (a verifier going down at step 5,000) stops the run within about errorBudget x W records
instead of after its share of everything since step 1 crosses the budget. The window is part of
the checkpointed method state, so a resumed run continues it.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import torch
from torch import nn

from finetune_trainer.config import GrpoSpec
from finetune_trainer.dataset import DataError
from finetune_trainer.encoding import IGNORE_INDEX, TokenizedPrompt, TokenizedSequence
from finetune_trainer.methods import ReferenceContext, StepTotals, labelled_batch_logprobs
from finetune_trainer.packing import Batch, collate_padded
from finetune_trainer.rewards import Completion, Reward, RewardError, Toolbox
from finetune_trainer.rollout import Generator, Rollout, run_rollouts

log = logging.getLogger(__name__)

ADVANTAGE_EPSILON = 1e-4  # TRL's: a group whose rewards are all equal gets advantage 0
REWARD_BUDGET_WINDOW = 256
"""Records (prompts) in the reward error budget's sliding window: enough that a 1% budget allows
two failures, few enough that a reward failing from some step on stops the run soon after."""


@dataclasses.dataclass(frozen=True)
class TokenLosses:
    per_token_loss: torch.Tensor  # [rows, tokens]
    per_token_kl: torch.Tensor | None
    clipped: torch.Tensor  # bool [rows, tokens]: the clipped branch of the objective was taken


def grpo_token_losses(
    logps: torch.Tensor,
    old_logps: torch.Tensor,
    ref_logps: torch.Tensor | None,
    advantages: torch.Tensor,
    beta: float,
    epsilon: float,
    bias_correction_kl: bool,
) -> TokenLosses:
    """The clipped surrogate plus the k3 KL, per token; all log-prob tensors are [rows, tokens].

    With `bias_correction_kl` the KL is weighted by the policy ratio (TRL's
    `use_bias_correction_kl`): the rollouts were sampled from the old policy, so the ratio turns
    the k3 estimate's gradient into the unbiased gradient of the reverse KL of the current one.
    """
    ratio = torch.exp(logps - old_logps)
    clipped_ratio = torch.clamp(ratio, 1 - epsilon, 1 + epsilon)
    advantages = advantages.unsqueeze(1)
    per_token_loss = -torch.min(ratio * advantages, clipped_ratio * advantages)
    kl = None
    if beta != 0.0:
        assert ref_logps is not None, "beta > 0 needs the reference log-probs"
        kl = torch.exp(ref_logps - logps) - (ref_logps - logps) - 1
        if bias_correction_kl:
            kl = kl * ratio
        per_token_loss = per_token_loss + beta * kl
    clipped = ((ratio < 1 - epsilon) & (advantages < 0)) | ((ratio > 1 + epsilon) & (advantages > 0))
    return TokenLosses(per_token_loss, kl, clipped)


def loss_numerator(per_token_loss: torch.Tensor, mask: torch.Tensor, loss_type: str) -> torch.Tensor:
    """The micro-batch's share of the step loss before dividing by `step_normaliser`."""
    masked = per_token_loss * mask
    if loss_type == "grpo":
        return (masked.sum(-1) / mask.sum(-1).clamp(min=1.0)).sum()
    return masked.sum()


def step_normaliser(
    loss_type: str, completions: int, completion_tokens: int, max_completion_length: int
) -> float:
    """What the step's summed `loss_numerator`s are divided by (all micro-batches, all ranks)."""
    if loss_type == "grpo":
        return float(max(completions, 1))
    if loss_type == "dr-grpo":
        return float(max(completions, 1) * max_completion_length)
    return float(max(completion_tokens, 1))


def group_advantages(rewards: torch.Tensor, group_size: int) -> torch.Tensor:
    """(r - group mean) / (group std + 1e-4) for rewards in prompt-major order."""
    groups = rewards.view(-1, group_size)
    mean = groups.mean(dim=1, keepdim=True)
    std = groups.std(dim=1, keepdim=True) if group_size > 1 else torch.zeros_like(mean)
    return ((groups - mean) / (std + ADVANTAGE_EPSILON)).view(-1)


@dataclasses.dataclass
class ScoredGroup:
    """One prompt's rollouts, their rewards and advantages, and the log-probs fixed at generation."""

    rollouts: list[Rollout]
    rewards: torch.Tensor  # [G, reward functions], unweighted
    total: torch.Tensor  # [G], weighted sum
    advantages: torch.Tensor  # [G]
    failed: bool  # a reward raised on this record: no loss, counted against the error budget
    old_logps: list[torch.Tensor] | None = None  # per rollout, over its model tokens
    ref_logps: list[torch.Tensor] | None = None


def rollout_sequence(rollout: Rollout) -> TokenizedSequence:
    """Prompt + completion as one training row; labels only on the model's own tokens."""
    ids = list(rollout.prompt.input_ids) + rollout.completion_ids
    labels = [IGNORE_INDEX] * len(rollout.prompt.input_ids) + [
        token if keep else IGNORE_INDEX
        for token, keep in zip(rollout.completion_ids, rollout.completion_mask, strict=True)
    ]
    return TokenizedSequence(tuple(ids), tuple(labels))


@dataclasses.dataclass(frozen=True)
class RolloutBatch:
    batch: Batch
    groups: tuple[ScoredGroup, ...]
    rollouts: tuple[Rollout, ...]
    advantages: torch.Tensor  # [rows]
    failed: torch.Tensor  # bool [rows]


def padded_by_row(flat: torch.Tensor, counts: torch.Tensor) -> torch.Tensor:
    """[labelled tokens] values in row-major order -> [rows, max count], zero-padded."""
    width = int(counts.max().item()) if counts.numel() else 0
    mask = torch.arange(width, device=flat.device).unsqueeze(0) < counts.unsqueeze(1)
    padded = torch.zeros(counts.numel(), width, dtype=flat.dtype, device=flat.device)
    return padded.masked_scatter(mask, flat)


@dataclasses.dataclass
class GrpoMethod:
    """The `Method` for grpo and grpo-lora (see the module docstring)."""

    device: torch.device
    pad_id: int
    spec: GrpoSpec
    rewards: tuple[Reward, ...]
    toolbox: Toolbox | None
    tokenizer: Any
    generator: Callable[[nn.Module], Generator]
    reference: ReferenceContext | None
    error_budget: float
    micro_batch_size: int
    data_rank: int
    data_world_size: int
    all_reduce: Callable[[torch.Tensor], torch.Tensor] = lambda t: t
    _groups: dict[int, ScoredGroup] = dataclasses.field(default_factory=dict)
    _normaliser: float = 1.0
    _generated_at: int = -1
    _reward_failures: collections.deque[bool] = dataclasses.field(
        default_factory=lambda: collections.deque(maxlen=REWARD_BUDGET_WINDOW)
    )  # the last records scored, all ranks, in data order: True where a reward failed

    # -- generation ---------------------------------------------------------------------------

    def _my_indices(self, rows: int) -> list[int]:
        micro, world = self.micro_batch_size, self.data_world_size
        accumulation = rows // (micro * world)
        return [(k * world + self.data_rank) * micro + j for k in range(accumulation) for j in range(micro)]

    def prepare(self, model: nn.Module, rows: Sequence[Sequence[object]], step: int) -> list[list[object]]:
        """Generates and scores this rank's prompts of the step (every numIterations steps)."""
        mine = self._my_indices(len(rows))
        generation = step // self.spec.num_iterations
        if generation != self._generated_at:
            prompts = [row[0] for row in (rows[i] for i in mine)]
            assert all(isinstance(p, TokenizedPrompt) for p in prompts), "GRPO rows hold one prompt each"
            groups = self._generate(model, prompts, mine, len(rows))  # type: ignore[arg-type]
            self._groups = dict(zip(mine, groups, strict=True))
            self._generated_at = generation
        return [[self._groups[i]] if i in self._groups else list(row) for i, row in enumerate(rows)]

    def _generate(
        self, model: nn.Module, prompts: list[TokenizedPrompt], positions: list[int], step_rows: int
    ) -> list[ScoredGroup]:
        """Rollouts, rewards and fixed log-probs for this rank's `prompts`, which are rows
        `positions` of the step's `step_rows` (all ranks)."""
        size = self.spec.num_generations
        was_training = model.training
        model.eval()
        try:
            rollouts: list[Rollout] = []
            generate = self.generator(model)  # vllm: loads the current weights, once per batch
            for first in range(0, len(prompts), self.micro_batch_size):
                rollouts += run_rollouts(
                    prompts[first : first + self.micro_batch_size],
                    size,
                    generate,
                    self.tokenizer,
                    self.spec.max_completion_length,
                    self.toolbox,
                    any_rank=self.any_rank,
                )
            groups = [self._score(rollouts[i * size : (i + 1) * size]) for i in range(len(prompts))]
            self._count_failures(groups, positions, step_rows)
            needs_old = self.spec.num_iterations > 1
            for first in range(0, len(groups), self.micro_batch_size):
                chunk = groups[first : first + self.micro_batch_size]
                batch = self.collate([[g] for g in chunk])
                with torch.no_grad():
                    if needs_old:
                        self._store(chunk, batch, model, "old_logps")
                    if self.reference is not None:
                        with self.reference() as reference:
                            self._store(chunk, batch, reference, "ref_logps")
        finally:
            model.train(was_training)
        tokens = sum(r.model_tokens for g in groups if not g.failed for r in g.rollouts)
        completions = sum(len(g.rollouts) for g in groups if not g.failed)
        totals = self.all_reduce(torch.tensor([float(completions), float(tokens)], dtype=torch.float64))
        self._normaliser = step_normaliser(
            self.spec.loss_type, int(totals[0]), int(totals[1]), self.spec.max_completion_length
        )
        return groups

    def any_rank(self, flag: bool) -> bool:
        if self.data_world_size == 1:
            return flag
        return bool(self.all_reduce(torch.tensor([1.0 if flag else 0.0], dtype=torch.float64))[0] > 0)

    def _store(self, groups: Sequence[ScoredGroup], batch: RolloutBatch, model: nn.Module, name: str) -> None:
        labelled = labelled_batch_logprobs(model, batch.batch, self.device, self.spec.temperature)
        counts = [r.model_tokens for r in batch.rollouts]
        pieces = list(labelled.logprobs.detach().split(counts))
        at = 0
        for group in groups:
            setattr(group, name, pieces[at : at + len(group.rollouts)])
            at += len(group.rollouts)

    def _score(self, rollouts: list[Rollout]) -> ScoredGroup:
        record = rollouts[0].prompt
        scores = torch.zeros(len(rollouts), len(self.rewards), dtype=torch.float64)
        failed = False
        for i, rollout in enumerate(rollouts):
            completion = Completion(
                record.prompt.original, rollout.text, rollout.model_tokens, record.prompt.fields
            )
            for j, reward in enumerate(self.rewards):
                try:
                    scores[i, j] = reward.score(completion)
                except RewardError as exc:
                    log.warning("bad record %s: %s", record.where, exc)
                    failed = True
                    break
            if failed:
                break
        weights = torch.tensor([r.weight for r in self.rewards], dtype=torch.float64)
        total = (scores * weights).sum(dim=1)
        advantages = torch.zeros_like(total) if failed else group_advantages(total, len(rollouts))
        return ScoredGroup(rollouts, scores, total, advantages, failed)

    def _count_failures(self, groups: Sequence[ScoredGroup], positions: list[int], step_rows: int) -> None:
        """Adds the step's records to the error budget's window and raises DataError over budget."""
        outcomes = torch.zeros(2, step_rows, dtype=torch.float64)  # scored, failed; per row of the step
        outcomes[0, positions] = 1.0
        outcomes[1, positions] = torch.tensor([float(g.failed) for g in groups], dtype=torch.float64)
        outcomes = self.all_reduce(outcomes)  # every rank now holds every rank's records
        window = max(REWARD_BUDGET_WINDOW, step_rows)
        if self._reward_failures.maxlen != window:
            self._reward_failures = collections.deque(self._reward_failures, maxlen=window)
        self._reward_failures.extend((outcomes[1][outcomes[0] > 0] > 0).tolist())
        failures = sum(self._reward_failures)
        if failures > self.error_budget * window:
            raise DataError(
                f"reward functions failed on {failures} of the last {len(self._reward_failures)} "
                f"records scored, over data.errorBudget ({self.error_budget:.2%}), which allows "
                f"{math.floor(self.error_budget * window)} failures in the last {window} records; "
                "see the warnings above"
            )

    def state(self) -> object | None:
        """The error budget's window, so that a resumed run goes on counting where it stopped; with
        numIterations > 1 also the generation batch: a step in its middle trains on rollouts
        sampled by earlier weights, and a resumed run needs those rollouts, not new ones."""
        state: dict[str, object] = {"rewardFailures": list(self._reward_failures)}
        if self.spec.num_iterations > 1:
            state |= {
                "generatedAt": self._generated_at,
                "groups": self._groups,
                "normaliser": self._normaliser,
            }
        return state

    def restore(self, state: object) -> None:
        assert isinstance(state, dict)
        failures = state.get("rewardFailures", [])  # absent from checkpoints of older trainers
        self._reward_failures = collections.deque(failures, maxlen=max(REWARD_BUDGET_WINDOW, len(failures)))
        if "generatedAt" in state:
            self._generated_at, self._groups = state["generatedAt"], state["groups"]
            self._normaliser = state["normaliser"]

    # -- the Method protocol -------------------------------------------------------------------

    def collate(self, rows: Sequence[Sequence[object]]) -> RolloutBatch:
        groups = tuple(row[0] for row in rows if isinstance(row[0], ScoredGroup))
        assert len(groups) == len(rows), "prepare() turns each GRPO row into its scored group"
        rollouts = tuple(r for g in groups for r in g.rollouts)
        return RolloutBatch(
            batch=collate_padded([rollout_sequence(r) for r in rollouts], self.pad_id),
            groups=groups,
            rollouts=rollouts,
            advantages=torch.cat([g.advantages for g in groups]).float(),
            failed=torch.tensor([g.failed for g in groups for _ in g.rollouts]),
        )

    def normaliser(self, rows: Sequence[Sequence[object]]) -> float:
        return self._normaliser

    def loss(
        self, model: nn.Module, batch: object, normaliser: float, world_size: int
    ) -> tuple[torch.Tensor, StepTotals]:
        assert isinstance(batch, RolloutBatch)
        labelled = labelled_batch_logprobs(model, batch.batch, self.device, self.spec.temperature)
        counts = torch.tensor([r.model_tokens for r in batch.rollouts], device=self.device)
        logps = padded_by_row(labelled.logprobs, counts)
        mask = (
            torch.arange(logps.size(1), device=self.device).unsqueeze(0) < counts.unsqueeze(1)
        ) & ~batch.failed.to(self.device).unsqueeze(1)
        old = self._fixed(batch, "old_logps", counts)
        reference = self._fixed(batch, "ref_logps", counts)
        losses = grpo_token_losses(
            logps,
            logps.detach() if old is None else old,
            reference,
            batch.advantages.to(self.device),
            self.spec.beta,
            self.spec.epsilon,
            self.spec.use_bias_correction_kl,
        )
        mask_f = mask.float()
        numerator = loss_numerator(losses.per_token_loss, mask_f, self.spec.loss_type)
        totals = StepTotals(
            loss_sum=float(numerator.detach()),
            real_tokens=batch.batch.real_tokens,
            padded_tokens=batch.batch.input_ids.numel(),
            extra=self._metric_sums(batch, losses, mask_f),
        )
        return numerator / normaliser * world_size, totals

    def _fixed(self, batch: RolloutBatch, name: str, counts: torch.Tensor) -> torch.Tensor | None:
        pieces = [getattr(g, name) for g in batch.groups]
        if any(p is None for p in pieces):
            return None
        flat = torch.cat([t for p in pieces for t in p]).to(self.device)
        return padded_by_row(flat, counts)

    def _metric_sums(self, batch: RolloutBatch, losses: TokenLosses, mask: torch.Tensor) -> dict[str, float]:
        kept = [g for g in batch.groups if not g.failed]
        sums = {
            "completions": float(sum(len(g.rollouts) for g in kept)),
            "rewardSum": float(sum(float(g.total.sum()) for g in kept)),
            "rewardSquareSum": float(sum(float((g.total**2).sum()) for g in kept)),
            "completionTokens": float(sum(r.model_tokens for g in kept for r in g.rollouts)),
            "toolCalls": float(sum(r.tool_calls for g in kept for r in g.rollouts)),
            "toolErrors": float(sum(r.tool_errors for g in kept for r in g.rollouts)),
            "lossTokens": float(mask.sum()),
            "clippedTokens": float((losses.clipped.float() * mask).sum()),
        }
        if losses.per_token_kl is not None:
            sums["klSum"] = float((losses.per_token_kl.detach() * mask).sum())
        for j, reward in enumerate(self.rewards):
            sums[f"reward/{reward.name}"] = float(sum(float(g.rewards[:, j].sum()) for g in kept))
        return sums

    def summarise(self, sums: Mapping[str, float], normaliser: float) -> dict[str, Any]:
        """The step report's GRPO metrics from the step's summed `_metric_sums`."""
        completions = max(sums["completions"], 1.0)
        mean = sums["rewardSum"] / completions
        tokens = max(sums["lossTokens"], 1.0)
        metrics: dict[str, Any] = {
            "reward": mean,
            "rewardStd": math.sqrt(max(sums["rewardSquareSum"] / completions - mean**2, 0.0)),
            "rewards": {r.name: sums[f"reward/{r.name}"] / completions for r in self.rewards},
            "completionLength": sums["completionTokens"] / completions,
            "clipRatio": sums["clippedTokens"] / tokens,
            "toolCallsPerRollout": sums["toolCalls"] / completions,
            "toolErrors": sums["toolErrors"],
        }
        if "klSum" in sums:
            metrics["kl"] = sums["klSum"] / tokens
        return metrics
