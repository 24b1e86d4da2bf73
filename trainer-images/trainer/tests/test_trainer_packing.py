"""Packing: dense rows, positions that restart per document, and no attention across documents."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import torch
import trainer_testkit as kit

from finetune_contract.formats import parse_messages
from finetune_trainer.encoding import IGNORE_INDEX, TokenizedSequence, encode_conversation
from finetune_trainer.methods import SupervisedMethod
from finetune_trainer.packing import collate_packed, collate_padded, pack_best_fit_decreasing
from finetune_trainer.train import validation_rows


def _document(length: int, start: int = 10) -> TokenizedSequence:
    ids = tuple(range(start, start + length))
    return TokenizedSequence(ids, ids)


def test_every_document_lands_in_exactly_one_row_within_capacity() -> None:
    rng = random.Random(0)
    lengths = [rng.randint(1, 100) for _ in range(500)]
    rows = pack_best_fit_decreasing(lengths, capacity=128)
    assert sorted(i for row in rows for i in row) == list(range(500))
    assert all(sum(lengths[i] for i in row) <= 128 for row in rows)
    assert pack_best_fit_decreasing(lengths, capacity=128) == rows  # deterministic


def test_packing_a_long_tailed_length_distribution_is_dense() -> None:
    rng = random.Random(1)
    lengths = [min(4096, max(8, int(rng.lognormvariate(5.5, 0.9)))) for _ in range(3000)]
    rows = pack_best_fit_decreasing(lengths, capacity=4096)
    assert sum(lengths) / (len(rows) * 4096) > 0.97


def test_a_document_longer_than_a_row_is_refused() -> None:
    with pytest.raises(ValueError, match="longer than the row capacity"):
        pack_best_fit_decreasing([5, 9], capacity=8)


def test_packed_rows_restart_positions_and_never_learn_across_a_boundary() -> None:
    batch = collate_packed([[_document(3), _document(2, start=50)]], row_length=8, pad_id=0)
    assert batch.input_ids.tolist() == [[10, 11, 12, 50, 51, 0, 0, 0]]
    assert batch.position_ids.tolist() == [[0, 1, 2, 0, 1, 0, 1, 2]]
    # The first token of each document is never a target (it would be predicted from another document).
    assert batch.labels.tolist() == [[IGNORE_INDEX, 11, 12, IGNORE_INDEX, 51] + [IGNORE_INDEX] * 3]
    assert batch.attention_mask is None
    assert (batch.real_tokens, batch.input_ids.numel()) == (5, 8)


def test_padded_baseline_pads_each_example_to_the_longest() -> None:
    batch = collate_padded([_document(3), _document(1)], pad_id=0)
    assert batch.input_ids.tolist() == [[10, 11, 12], [10, 0, 0]]
    assert batch.attention_mask is not None and batch.attention_mask.tolist() == [[1, 1, 1], [1, 0, 0]]
    assert batch.real_tokens == 4


def test_no_attention_leaks_between_packed_documents(tiny_model: Path) -> None:
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(str(tiny_model)).eval()
    first, second = _document(7, start=20), _document(5, start=100)
    packed = collate_packed([[first, second]], row_length=16, pad_id=0)
    with torch.no_grad():
        # As in training: without a KV cache, transformers derives the block mask from the positions.
        together = model(
            input_ids=packed.input_ids, position_ids=packed.position_ids, use_cache=False
        ).logits[0]
        alone_first = model(input_ids=torch.tensor([first.input_ids])).logits[0]
        alone_second = model(input_ids=torch.tensor([second.input_ids])).logits[0]
    torch.testing.assert_close(together[:7], alone_first, rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(together[7:12], alone_second, rtol=1e-5, atol=1e-5)


def test_validation_rows_pack_like_training_and_score_the_same_loss(tiny_model: Path, tokenizer: Any) -> None:
    documents = [
        encode_conversation(tokenizer, parse_messages(record), 128)
        for record in kit.messages_records(24, seed=21)
    ]
    packed = validation_rows(documents, packing=True, row_length=128)
    alone = validation_rows(documents, packing=False, row_length=128)
    assert len(alone) == len(documents) and len(packed) <= len(documents) // 3
    assert sorted(id(d) for row in packed for d in row) == sorted(id(d) for d in documents)

    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(str(tiny_model)).eval()
    method = SupervisedMethod(torch.device("cpu"), tokenizer.pad_token_id, 128, packing=True)
    with torch.no_grad():
        packed_loss = method.loss(model, method.collate(packed), 1.0, 1)[1].loss_sum
        alone_loss = sum(method.loss(model, method.collate([row]), 1.0, 1)[1].loss_sum for row in alone)
    assert packed_loss == pytest.approx(alone_loss, rel=1e-5)
