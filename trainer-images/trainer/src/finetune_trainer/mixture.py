"""The seeded, resumable order in which training sequences are consumed.

The order is a pure function of (source sizes, weights, seed, epoch): nothing about it is stored
in a checkpoint except how many sequences were consumed. A resumed run rebuilds the same plan
and continues at the same position, whatever happened to the process in between.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable, Sequence

DocumentRef = tuple[int, int]  # (source index, example index within the source)


def _rng(seed: int, *parts: object) -> random.Random:
    # String seeds are hashed with SHA-512: stable across processes and Python versions,
    # unlike hash() of a tuple.
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def split_counts(weights: Sequence[float], total: int) -> list[int]:
    """Splits `total` into integer shares proportional to `weights` (largest remainder)."""
    weight_sum = sum(weights)
    exact = [w / weight_sum * total for w in weights]
    counts = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def build_epoch_documents(
    source_sizes: Sequence[int], weights: Sequence[float], seed: int, epoch: int
) -> list[DocumentRef]:
    """The documents of one epoch, in training order.

    An epoch has as many documents as all sources together; each source contributes its weighted
    share. A source whose share exceeds its size is repeated (each pass a fresh permutation); a
    source with a smaller share contributes a different random subset every epoch.
    """
    total = sum(source_sizes)
    documents: list[DocumentRef] = []
    for source, (size, count) in enumerate(zip(source_sizes, split_counts(weights, total), strict=True)):
        if size == 0:
            continue
        rng = _rng(seed, "source", source, "epoch", epoch)
        taken: list[int] = []
        while len(taken) < count:
            permutation = list(range(size))
            rng.shuffle(permutation)
            taken.extend(permutation[: count - len(taken)])
        documents.extend((source, index) for index in taken)
    _rng(seed, "interleave", epoch).shuffle(documents)
    return documents


def shuffle_rows(rows: list[list[DocumentRef]], seed: int, epoch: int) -> list[list[DocumentRef]]:
    """Packing sorts by length; shuffling the rows undoes that ordering bias."""
    shuffled = list(rows)
    _rng(seed, "rows", epoch).shuffle(shuffled)
    return shuffled


def validation_holdout(size: int, fraction: float, seed: int, source: int) -> set[int]:
    """Which examples of a source are held out for validation (the same ones on every attempt)."""
    if fraction <= 0 or size < 2:
        return set()
    count = min(size - 1, max(1, round(size * fraction)))
    indices = list(range(size))
    _rng(seed, "validation", source).shuffle(indices)
    return set(indices[:count])


@dataclasses.dataclass
class SequenceStream:
    """The endless stream of training rows (one row = the documents of one model input row).

    `epoch_rows(epoch)` builds an epoch's rows; the stream concatenates epochs, so position p is
    a global row index, and a global batch is a contiguous slice of it.
    """

    epoch_rows: Callable[[int], list[list[DocumentRef]]]
    _cache: dict[int, list[list[DocumentRef]]] = dataclasses.field(default_factory=dict)
    _lengths: dict[int, int] = dataclasses.field(default_factory=dict)

    def rows_in_epoch(self, epoch: int) -> list[list[DocumentRef]]:
        if epoch not in self._cache:
            # Keep only the current and next epoch: plans are cheap to rebuild, memory is not free.
            for old in [e for e in self._cache if e < epoch - 1]:
                del self._cache[old]
            self._cache[epoch] = self.epoch_rows(epoch)
            if not self._cache[epoch]:
                raise ValueError("an epoch produced no training rows: is the training data empty?")
            self._lengths[epoch] = len(self._cache[epoch])
        return self._cache[epoch]

    def epoch_length(self, epoch: int) -> int:
        if epoch not in self._lengths:
            self.rows_in_epoch(epoch)
        return self._lengths[epoch]

    def locate(self, position: int) -> tuple[int, int]:
        """(epoch, index within epoch) of a global row position."""
        epoch = 0
        while position >= self.epoch_length(epoch):
            position -= self.epoch_length(epoch)
            epoch += 1
        return epoch, position

    def take(self, position: int, count: int) -> list[list[DocumentRef]]:
        epoch, index = self.locate(position)
        taken: list[list[DocumentRef]] = []
        while len(taken) < count:
            rows = self.rows_in_epoch(epoch)
            taken.extend(rows[index : index + count - len(taken)])
            epoch, index = epoch + 1, 0
        return taken

    def epoch_progress(self, position: int) -> float:
        epoch, index = self.locate(position)
        return epoch + index / self.epoch_length(epoch)
