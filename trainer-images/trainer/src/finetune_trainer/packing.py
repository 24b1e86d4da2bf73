"""Sequence packing and batch collation: every token the model processes should be a real one.

Packing puts whole documents into fixed-length rows with best-fit decreasing, the bin-packing
heuristic that stays within a few percent of optimal for the long-tailed length distributions of
fine-tuning data. Inside a row each document restarts its position ids at 0; the attention layer
turns those restarts into a block-diagonal causal mask (or flash-attention varlen boundaries), so no
token attends to another document.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

import torch

from finetune_trainer.encoding import IGNORE_INDEX, TokenizedSequence


def pack_best_fit_decreasing(lengths: Sequence[int], capacity: int) -> list[list[int]]:
    """Groups document indices into rows of at most `capacity` tokens.

    Deterministic: ties between equal lengths keep index order, and rows are returned in order of
    creation, so the same input always gives the same rows (needed for exact resume).
    """
    if any(length > capacity for length in lengths):
        raise ValueError(f"a document is longer than the row capacity {capacity}; truncate it first")
    rows: list[list[int]] = []
    # Sorted (remaining capacity, row index) pairs: the best fit is the first row with room enough.
    free: list[tuple[int, int]] = []
    for index in sorted(range(len(lengths)), key=lambda i: (-lengths[i], i)):
        length = lengths[index]
        position = bisect.bisect_left(free, (length, -1))
        if position == len(free):
            rows.append([index])
            bisect.insort(free, (capacity - length, len(rows) - 1))
            continue
        remaining, row = free.pop(position)
        rows[row].append(index)
        bisect.insort(free, (remaining - length, row))
    return rows


@dataclasses.dataclass(frozen=True)
class Batch:
    """One micro-batch, as tensors of shape [rows, length]."""

    input_ids: torch.Tensor
    labels: torch.Tensor
    position_ids: torch.Tensor
    real_mask: torch.Tensor  # True where a token belongs to a document, False for padding
    attention_mask: torch.Tensor | None  # None for packed rows: position ids carry the boundaries

    @property
    def target_tokens(self) -> int:
        return int((self.labels != IGNORE_INDEX).sum())

    @property
    def real_tokens(self) -> int:
        return int(self.real_mask.sum())


def collate_packed(rows: Sequence[Sequence[TokenizedSequence]], row_length: int, pad_id: int) -> Batch:
    """Concatenates each row's documents and pads the row to `row_length`.

    The first token of every document gets no label: it would otherwise be predicted from the
    end of the previous document.
    """
    ids = torch.full((len(rows), row_length), pad_id, dtype=torch.long)
    labels = torch.full((len(rows), row_length), IGNORE_INDEX, dtype=torch.long)
    positions = torch.zeros((len(rows), row_length), dtype=torch.long)
    real = torch.zeros((len(rows), row_length), dtype=torch.bool)
    for r, documents in enumerate(rows):
        offset = 0
        for document in documents:
            n = len(document)
            if offset + n > row_length:
                raise ValueError(f"row {r} holds more than {row_length} tokens")
            ids[r, offset : offset + n] = torch.tensor(document.input_ids)
            labels[r, offset : offset + n] = torch.tensor(document.labels)
            labels[r, offset] = IGNORE_INDEX
            positions[r, offset : offset + n] = torch.arange(n)
            real[r, offset : offset + n] = True
            offset += n
        # The padding tail is its own pseudo-document starting at position 0.
        positions[r, offset:] = torch.arange(row_length - offset)
    return Batch(ids, labels, positions, real, None)


def collate_padded(documents: Sequence[TokenizedSequence], pad_id: int) -> Batch:
    """One document per row, right-padded to the longest in the batch (the per-example baseline)."""
    length = max(len(d) for d in documents)
    ids = torch.full((len(documents), length), pad_id, dtype=torch.long)
    labels = torch.full((len(documents), length), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(documents), length), dtype=torch.long)
    for r, document in enumerate(documents):
        n = len(document)
        ids[r, :n] = torch.tensor(document.input_ids)
        labels[r, :n] = torch.tensor(document.labels)
        mask[r, :n] = 1
    positions = (mask.cumsum(dim=1) - 1).clamp(min=0)
    return Batch(ids, labels, positions, mask.bool(), mask)
