"""The training methods on Neuron: fixed-shape rows, the model's own loss, vocabulary-parallel DPO.

They differ from `methods`' CPU/CUDA ones in what XLA and tensor parallelism demand (one row
shape, logits split over the tensor-parallel ranks by vocabulary) and run on CPU in the tests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import torch
from torch import nn

from finetune_trainer.encoding import TokenizedPair, TokenizedSequence
from finetune_trainer.methods import (
    DpoMethod,
    OfflineMethod,
    StepTotals,
    VocabShard,
    supervised_normaliser,
    vocab_parallel_token_logprobs,
)
from finetune_trainer.packing import Batch, collate_packed


@dataclasses.dataclass
class NeuronSupervisedMethod(OfflineMethod):
    """SFT and LoRA on Neuron: every row is `seqLength` tokens, and the loss is the model's own.

    Fixed shapes matter on XLA: each new shape is a new graph to compile, so rows (packed or one
    document each) are always padded to `training.seqLength`. The logits are split over the
    tensor-parallel ranks by vocabulary, so the model computes the summed cross-entropy itself
    (`labels=`, `reduction="sum"`, as optimum-neuron's trainer does). Packed rows restart position
    ids per document, but the Neuron attention kernels apply one causal mask per row: a document
    may attend to the documents before it in its row (its loss targets are still only its own).
    """

    device: torch.device
    pad_id: int
    row_length: int

    def collate(self, rows: Sequence[Sequence[object]]) -> Batch:
        documents = [[d for d in row if isinstance(d, TokenizedSequence)] for row in rows]
        return collate_packed(documents, self.row_length, self.pad_id)

    def normaliser(self, rows: Sequence[Sequence[object]]) -> float:
        return supervised_normaliser(rows)

    def loss(
        self, model: nn.Module, batch: object, normaliser: float, world_size: int
    ) -> tuple[torch.Tensor, StepTotals]:
        assert isinstance(batch, Batch)
        output = model(
            input_ids=batch.input_ids.to(self.device),
            position_ids=batch.position_ids.to(self.device),
            labels=batch.labels.to(self.device),
            reduction="sum",
        )
        loss_sum: torch.Tensor = output.loss
        totals = StepTotals(
            loss_sum=float(loss_sum.detach()),
            real_tokens=batch.real_tokens,
            padded_tokens=batch.input_ids.numel(),
            extra={},
        )
        return loss_sum / normaliser * world_size, totals


@dataclasses.dataclass
class NeuronDpoMethod(DpoMethod):
    """DPO and LoRA-DPO on Neuron: `DpoMethod`'s loss over vocabulary-parallel log-probabilities.

    Rows are padded to `seqLength` (one shape, one compiled graph; a pair's sequences are already
    cut to it) and the model returns only this rank's slice of the vocabulary, so the per-token
    log-probabilities come from `vocab_parallel_token_logprobs` with the tensor-parallel group's
    collectives in `shard`. Every rank of a tensor-parallel group then holds the same sequence
    log-probabilities and computes the same loss.
    """

    row_length: int
    shard: VocabShard

    def collate(self, rows: Sequence[Sequence[object]]) -> Batch:
        pairs = [row[0] for row in rows if isinstance(row[0], TokenizedPair)]
        assert len(pairs) == len(rows), "DPO rows hold one preference pair each"
        sequences = [[p.chosen] for p in pairs] + [[p.rejected] for p in pairs]
        return collate_packed(sequences, self.row_length, self.pad_id)

    def _sequence_logps(self, model: nn.Module, batch: Batch) -> torch.Tensor:
        output = model(
            input_ids=batch.input_ids.to(self.device), position_ids=batch.position_ids.to(self.device)
        )
        logprobs, _ = vocab_parallel_token_logprobs(
            output.logits.float(), batch.labels.to(self.device), self.shard
        )
        return logprobs.sum(dim=-1)
