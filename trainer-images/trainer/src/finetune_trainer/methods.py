"""Training methods: how a micro-batch becomes a loss. New methods (GRPO) plug in here.

Losses are normalised by the size of the whole optimizer step (all micro-batches on all ranks:
target tokens for SFT, pairs for DPO), so gradient accumulation and the number of ranks change
nothing about the result. Each rank knows every row of the global batch, so the normaliser is
computed without communication. FSDP averages gradients over ranks, hence the `world_size` factor.

Every method on CPU/CUDA scores tokens through the chunked loss head (`loss_head`), which never
builds the full-vocabulary logits; a new method takes its token log-probabilities from it too.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import torch
import torch.nn.functional as F
from torch import nn

from finetune_trainer.encoding import IGNORE_INDEX, TokenizedPair, TokenizedSequence
from finetune_trainer.loss_head import LabelledLogprobs, labelled_logprobs
from finetune_trainer.packing import Batch, collate_packed, collate_padded


@dataclasses.dataclass(frozen=True)
class StepTotals:
    """Per-rank sums for one micro-batch; summed over ranks and micro-batches for logging."""

    loss_sum: float
    real_tokens: int
    padded_tokens: int
    extra: dict[str, float]


class Method(Protocol):
    """A training method over rows of the global batch (one row = one model input row)."""

    def prepare(self, model: nn.Module, rows: Sequence[Sequence[object]], step: int) -> list[list[object]]:
        """The step's rows as `collate` takes them: the data rows, or (GRPO) their scored rollouts."""
        ...

    def summarise(self, sums: Mapping[str, float], normaliser: float) -> dict[str, Any]:
        """The step report's extra metrics from the step's summed `StepTotals.extra`."""
        ...

    def state(self) -> object | None:
        """What a checkpoint must keep besides weights, optimizer and RNG to continue exactly."""
        ...

    def restore(self, state: object) -> None: ...

    def collate(self, rows: Sequence[Sequence[object]]) -> object: ...

    def normaliser(self, rows: Sequence[Sequence[object]]) -> float: ...

    def loss(
        self, model: nn.Module, batch: object, normaliser: float, world_size: int
    ) -> tuple[torch.Tensor, StepTotals]: ...


class OfflineMethod:
    """Methods that train on the data rows as they are; their extra sums are per normalised unit."""

    def prepare(self, model: nn.Module, rows: Sequence[Sequence[object]], step: int) -> list[list[object]]:
        return [list(row) for row in rows]

    def summarise(self, sums: Mapping[str, float], normaliser: float) -> dict[str, Any]:
        return {key: value / normaliser for key, value in sums.items()}

    def state(self) -> object | None:
        return None  # the data position and the RNG say everything

    def restore(self, state: object) -> None:
        raise AssertionError("an offline method writes no state")


def labelled_batch_logprobs(
    model: nn.Module, batch: Batch, device: torch.device, temperature: float = 1.0
) -> LabelledLogprobs:
    """The labelled tokens' log-probabilities from the chunked loss head (`loss_head`), of the
    logits divided by `temperature`."""
    inputs = {
        "input_ids": batch.input_ids.to(device),
        "position_ids": batch.position_ids.to(device),
    }
    if batch.attention_mask is not None:
        inputs["attention_mask"] = batch.attention_mask.to(device)
    return labelled_logprobs(model, inputs, batch.labels.to(device), temperature)


def shifted_targets(labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Next-token targets (position t predicts label t+1) and the mask of positions that have one.

    Unlabelled positions (prompt, padding) get target 0 so that they can be gathered; the mask
    zeroes them afterwards.
    """
    shifted_labels = labels[:, 1:]
    mask = shifted_labels != IGNORE_INDEX
    return shifted_labels.masked_fill(~mask, 0), mask


AllReduce = Callable[[torch.Tensor], torch.Tensor]


@dataclasses.dataclass(frozen=True)
class VocabShard:
    """This rank's place in a vocabulary-parallel output head, and the collectives of its group.

    `all_reduce_sum` must sum over the tensor-parallel group in the forward pass and pass the
    gradient through unchanged in the backward pass (Megatron's "reduce from model-parallel
    region"): every rank of the group computes the same loss from the reduced value, so each
    rank's local contribution receives that loss's gradient once. `all_reduce_max` needs no
    gradient. With one rank both are the identity.
    """

    rank: int
    all_reduce_max: AllReduce
    all_reduce_sum: AllReduce


def vocab_parallel_token_logprobs(
    shard_logits: torch.Tensor, labels: torch.Tensor, shard: VocabShard
) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-token log-probabilities for logits split over the vocabulary, without gathering them.

    `shard_logits` is [rows, length, vocab / TP]: rank r holds the vocabulary slice
    [r * width, (r + 1) * width), as neuronx-distributed's `EmbeddingUtility` assigns it to the
    column-parallel LM head. log p(t) = z_t - m - log(sum_v exp(z_v - m)), where m is the maximum
    over the whole vocabulary (one MAX all-reduce), and the sum of exponentials and z_t (non-zero
    only on the rank that owns t) are summed over the group in one SUM all-reduce. Subtracting m
    does not change the result, so no gradient flows through it.
    """
    targets, mask = shifted_targets(labels)
    logits = shard_logits[:, :-1, :]
    width = logits.size(-1)
    maximum = shard.all_reduce_max(logits.detach().amax(dim=-1))
    centred = logits - maximum.unsqueeze(-1)
    local_targets = targets - shard.rank * width
    owned = (local_targets >= 0) & (local_targets < width)
    picked = centred.gather(-1, local_targets.clamp(0, width - 1).unsqueeze(-1)).squeeze(-1)
    sums = shard.all_reduce_sum(torch.stack([centred.exp().sum(dim=-1), picked.masked_fill(~owned, 0.0)]))
    logprobs = sums[1] - torch.log(sums[0])
    return logprobs * mask, mask


def dpo_loss(
    policy_logps: torch.Tensor, reference_logps: torch.Tensor, beta: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """Summed DPO loss and per-pair reward margins from sequence log-probabilities.

    Both inputs are [2 * pairs]: the chosen sequences first, then the rejected ones, in pair order
    (as `DpoMethod.collate` lays them out). Every device path computes its sequence log-probs its
    own way and then calls this, so the loss is the same function everywhere.
    """
    pairs = policy_logps.size(0) // 2
    chosen_reward = beta * (policy_logps[:pairs] - reference_logps[:pairs])
    rejected_reward = beta * (policy_logps[pairs:] - reference_logps[pairs:])
    margin = chosen_reward - rejected_reward
    return -F.logsigmoid(margin).sum(), margin


def supervised_normaliser(rows: Sequence[Sequence[object]]) -> float:
    """The number of scored tokens in a micro-batch's documents (at least 1), on every device.

    The first token of a document never has a label (collate drops it when packed), and the
    shifted loss never scores it either.
    """
    total = 0
    for row in rows:
        for document in row:
            assert isinstance(document, TokenizedSequence)
            total += sum(1 for label in document.labels[1:] if label != IGNORE_INDEX)
    return float(max(total, 1))


@dataclasses.dataclass
class SupervisedMethod(OfflineMethod):
    """SFT and LoRA: next-token cross-entropy on the target (assistant / completion) tokens."""

    device: torch.device
    pad_id: int
    row_length: int
    packing: bool

    def collate(self, rows: Sequence[Sequence[object]]) -> Batch:
        documents = [[d for d in row if isinstance(d, TokenizedSequence)] for row in rows]
        if self.packing:
            return collate_packed(documents, self.row_length, self.pad_id)
        return collate_padded([row[0] for row in documents], self.pad_id)

    def normaliser(self, rows: Sequence[Sequence[object]]) -> float:
        return supervised_normaliser(rows)

    def loss(
        self, model: nn.Module, batch: object, normaliser: float, world_size: int
    ) -> tuple[torch.Tensor, StepTotals]:
        assert isinstance(batch, Batch)
        # Cross-entropy is the negative log-probability of each labelled next token.
        loss_sum = -labelled_batch_logprobs(model, batch, self.device).logprobs.sum()
        totals = StepTotals(
            loss_sum=float(loss_sum.detach()),
            real_tokens=batch.real_tokens,
            padded_tokens=batch.input_ids.numel(),
            extra={},
        )
        return loss_sum / normaliser * world_size, totals


ReferenceContext = Callable[[], contextlib.AbstractContextManager[nn.Module]]


@dataclasses.dataclass
class DpoMethod(OfflineMethod):
    """Direct Preference Optimization (Rafailov et al. 2023) with a frozen reference.

    The reference is either a frozen copy of the starting model (full DPO) or, for LoRA, the same
    model with its adapters disabled: the base weights never change, so this is the same reference
    at no extra memory. Other devices override `collate` and `_sequence_logps` (how rows become
    sequence log-probabilities) and keep `loss`, so every device computes the same objective.
    """

    device: torch.device
    pad_id: int
    beta: float
    reference: ReferenceContext

    def collate(self, rows: Sequence[Sequence[object]]) -> Batch:
        pairs = [row[0] for row in rows if isinstance(row[0], TokenizedPair)]
        assert len(pairs) == len(rows), "DPO rows hold one preference pair each"
        sequences = [p.chosen for p in pairs] + [p.rejected for p in pairs]
        return collate_padded(sequences, self.pad_id)

    def normaliser(self, rows: Sequence[Sequence[object]]) -> float:
        return float(len(rows))

    def _sequence_logps(self, model: nn.Module, batch: Batch) -> torch.Tensor:
        """Summed log-probability of each row's labelled (answer) tokens; prompt tokens are masked."""
        return labelled_batch_logprobs(model, batch, self.device).per_row_sum(batch.input_ids.size(0))

    def loss(
        self, model: nn.Module, batch: object, normaliser: float, world_size: int
    ) -> tuple[torch.Tensor, StepTotals]:
        assert isinstance(batch, Batch)
        policy = self._sequence_logps(model, batch)
        with torch.no_grad(), self.reference() as reference_model:
            reference = self._sequence_logps(reference_model, batch)
        loss_sum, margin = dpo_loss(policy, reference, self.beta)
        totals = StepTotals(
            loss_sum=float(loss_sum.detach()),
            real_tokens=batch.real_tokens,
            padded_tokens=batch.input_ids.numel(),
            extra={
                "rewardMargin": float(margin.detach().sum()),
                "rewardAccuracy": float((margin.detach() > 0).float().sum()),
            },
        )
        return loss_sum / normaliser * world_size, totals


@contextlib.contextmanager
def adapters_disabled(model: nn.Module) -> Iterator[nn.Module]:
    with model.disable_adapter():  # type: ignore[operator]
        yield model


@contextlib.contextmanager
def frozen_reference(reference: nn.Module) -> Iterator[nn.Module]:
    yield reference
