"""The seeded, resumable data order: weighted mixtures, epochs and the validation hold-out."""

from __future__ import annotations

from collections import Counter

from finetune_trainer.mixture import SequenceStream, build_epoch_documents, split_counts, validation_holdout


def test_split_counts_is_proportional_and_exact() -> None:
    assert split_counts([1, 1, 1], 10) == [4, 3, 3]
    assert split_counts([3, 1], 100) == [75, 25]
    assert sum(split_counts([0.2, 0.5, 0.3], 7)) == 7


def test_weights_set_each_sources_share_of_an_epoch() -> None:
    documents = build_epoch_documents([100, 100], [3.0, 1.0], seed=1, epoch=0)
    shares = Counter(source for source, _ in documents)
    assert shares == {0: 150, 1: 50}
    # The up-weighted source is repeated whole before any document repeats a third time.
    assert set(Counter(i for s, i in documents if s == 0).values()) == {1, 2}


def test_the_order_is_a_pure_function_of_seed_and_epoch() -> None:
    order = build_epoch_documents([30, 20], [1.0, 1.0], seed=5, epoch=0)
    assert build_epoch_documents([30, 20], [1.0, 1.0], seed=5, epoch=0) == order
    assert build_epoch_documents([30, 20], [1.0, 1.0], seed=5, epoch=1) != order
    assert build_epoch_documents([30, 20], [1.0, 1.0], seed=6, epoch=0) != order


def test_the_stream_continues_across_epochs_from_any_position() -> None:
    built: list[int] = []

    def rows(epoch: int) -> list[list[tuple[int, int]]]:
        built.append(epoch)
        return [[(epoch, i)] for i in range(5)]

    stream = SequenceStream(rows)
    assert stream.take(3, 4) == [[(0, 3)], [(0, 4)], [(1, 0)], [(1, 1)]]
    assert stream.locate(12) == (2, 2)
    assert stream.epoch_progress(12) == 2.4
    # A fresh stream (a resumed process) yields the same rows at the same position.
    assert SequenceStream(rows).take(3, 4) == stream.take(3, 4)


def test_validation_holdout_is_stable_and_never_takes_everything() -> None:
    held = validation_holdout(200, 0.1, seed=3, source=0)
    assert len(held) == 20 and held == validation_holdout(200, 0.1, seed=3, source=0)
    assert held != validation_holdout(200, 0.1, seed=3, source=1)
    assert validation_holdout(1, 0.5, seed=3, source=0) == set()
    assert len(validation_holdout(3, 0.01, seed=3, source=0)) == 1
