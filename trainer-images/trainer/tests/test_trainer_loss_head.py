"""The chunked loss head: the same losses and gradients as full logits, without full logits."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import torch
import torch.nn.functional as F
import trainer_testkit as kit
from hack.tiny_model import tiny_model
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode

from finetune_contract.formats import parse_messages, parse_preference
from finetune_trainer import loss_head
from finetune_trainer.config import LoraSpec
from finetune_trainer.dataset import Encoded
from finetune_trainer.encoding import IGNORE_INDEX, encode_conversation, encode_preference
from finetune_trainer.methods import (
    DpoMethod,
    SupervisedMethod,
    adapters_disabled,
    dpo_loss,
    frozen_reference,
)
from finetune_trainer.model import add_lora
from finetune_trainer.packing import Batch

SMALL_CHUNK_TOKENS = 7  # many chunks, and a ragged last one, on every test batch


def _load(tiny_model: Path, lora: bool) -> nn.Module:
    from transformers import AutoModelForCausalLM

    model: nn.Module = AutoModelForCausalLM.from_pretrained(str(tiny_model), dtype=torch.float32)
    if lora:
        spec = LoraSpec(
            rank=4, alpha=8, dropout=0.0, target_modules=("q_proj", "v_proj", "lm_head"), load_in_4bit=False
        )
        model = add_lora(model, spec, seed=3)
        # peft starts B at zero, which would make every LoRA-A gradient zero: perturb it.
        with torch.no_grad():
            for name, parameter in model.named_parameters():
                if "lora_B" in name:
                    parameter.normal_(std=0.1, generator=torch.Generator().manual_seed(len(name)))
    return model


def _full_logits(model: nn.Module, batch: Batch) -> torch.Tensor:
    """Today's head before the chunked one: the model's full logits, cast to fp32."""
    kwargs: dict[str, Any] = {"input_ids": batch.input_ids, "position_ids": batch.position_ids}
    if batch.attention_mask is not None:
        kwargs["attention_mask"] = batch.attention_mask
    return model(**kwargs, use_cache=False).logits.float()


def _reference_sft_loss(model: nn.Module, batch: Batch) -> torch.Tensor:
    logits = _full_logits(model, batch)
    return F.cross_entropy(
        logits[:, :-1].reshape(-1, logits.size(-1)),
        batch.labels[:, 1:].reshape(-1),
        ignore_index=IGNORE_INDEX,
        reduction="sum",
    )


def _reference_sequence_logps(model: nn.Module, batch: Batch) -> torch.Tensor:
    logprobs, _ = kit.full_vocabulary_token_logprobs(_full_logits(model, batch), batch.labels)
    return logprobs.sum(dim=-1)


def _gradients(model: nn.Module, loss: torch.Tensor) -> dict[str, torch.Tensor]:
    model.zero_grad(set_to_none=True)
    loss.backward()
    return {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


def _assert_same_gradients(actual: dict[str, torch.Tensor], expected: dict[str, torch.Tensor]) -> None:
    """Equal within fp32 rounding of a differently ordered sum, relative to each gradient's scale."""
    assert actual.keys() == expected.keys() and actual
    for name, gradient in expected.items():
        scale = float(gradient.abs().max())
        assert scale > 0, f"{name} has no gradient: the comparison would prove nothing"
        torch.testing.assert_close(
            actual[name], gradient, rtol=1e-4, atol=1e-4 * scale, msg=lambda m, n=name: f"{n}: {m}"
        )


def _chat_rows(tokenizer: Any, count: int) -> list[list[Encoded]]:
    documents = [
        encode_conversation(tokenizer, parse_messages(record), 128)
        for record in kit.messages_records(count, seed=11)
    ]
    return [documents[i : i + 3] for i in range(0, count, 3)]


def _pair_rows(tokenizer: Any, count: int) -> list[list[Encoded]]:
    return [
        [encode_preference(tokenizer, parse_preference(record), 128)]
        for record in kit.preference_records(count, seed=12)
    ]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch, tokenizer: Any) -> None:
    monkeypatch.setattr(loss_head, "CHUNK_ELEMENTS", SMALL_CHUNK_TOKENS * len(tokenizer))


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize(("method", "packing"), [("sft", True), ("sft", False), ("lora", True)])
def test_supervised_loss_and_gradients_equal_the_full_logits_head(
    tiny_model: Path, tokenizer: Any, method: str, packing: bool
) -> None:
    model = _load(tiny_model, lora=method == "lora")
    rows = _chat_rows(tokenizer, 12)
    supervised = SupervisedMethod(torch.device("cpu"), tokenizer.pad_token_id, 128, packing)
    batch = supervised.collate(rows if packing else [[row[0]] for row in rows])
    normaliser = supervised.normaliser(rows)

    loss, totals = supervised.loss(model, batch, normaliser, world_size=1)
    chunked = _gradients(model, loss)
    reference_sum = _reference_sft_loss(model, batch)
    expected = _gradients(model, reference_sum / normaliser)

    assert totals.loss_sum == pytest.approx(float(reference_sum.detach()), rel=1e-5)
    _assert_same_gradients(chunked, expected)


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("method", ["dpo", "dpo-lora"])
def test_dpo_loss_and_gradients_equal_the_full_logits_head(
    tiny_model: Path, tokenizer: Any, method: str
) -> None:
    lora = method == "dpo-lora"
    model = _load(tiny_model, lora=lora)
    frozen = _load(tiny_model, lora=False).requires_grad_(False)
    if not lora:
        with torch.no_grad():  # a policy that already moved away from its reference
            for parameter in model.parameters():
                parameter.add_(torch.randn_like(parameter) * 0.02)

    def reference() -> contextlib.AbstractContextManager[nn.Module]:
        return adapters_disabled(model) if lora else frozen_reference(frozen)

    dpo = DpoMethod(torch.device("cpu"), tokenizer.pad_token_id, beta=0.5, reference=reference)
    rows = _pair_rows(tokenizer, 4)
    batch = dpo.collate(rows)

    loss, totals = dpo.loss(model, batch, dpo.normaliser(rows), world_size=1)
    chunked = _gradients(model, loss)
    with torch.no_grad(), reference() as reference_model:
        reference_logps = _reference_sequence_logps(reference_model, batch)
    reference_sum, margin = dpo_loss(_reference_sequence_logps(model, batch), reference_logps, 0.5)
    expected = _gradients(model, reference_sum / len(rows))

    assert totals.loss_sum == pytest.approx(float(reference_sum.detach()), rel=1e-5)
    assert totals.extra["rewardMargin"] == pytest.approx(float(margin.detach().sum()), rel=1e-4, abs=1e-5)
    _assert_same_gradients(chunked, expected)


@dataclasses.dataclass
class _LargestVocabularyTensor(TorchDispatchMode):
    """Records the most rows any fp32 tensor with a vocabulary-sized last dimension had."""

    vocab_size: int
    hidden_size: int
    rows: int = 0

    def __post_init__(self) -> None:
        super().__init__()

    def __torch_dispatch__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        result = func(*args, **(kwargs or {}))
        for tensor in result if isinstance(result, tuple | list) else [result]:
            if (
                isinstance(tensor, torch.Tensor)
                and tensor.dtype == torch.float32
                and tensor.dim() >= 2
                and tensor.shape[-1] == self.vocab_size
                and tensor.shape != (self.hidden_size, self.vocab_size)  # the head's weight, transposed
            ):
                self.rows = max(self.rows, tensor.numel() // self.vocab_size)
        return result


@contextlib.contextmanager
def _tracking(model: nn.Module) -> Iterator[_LargestVocabularyTensor]:
    with _LargestVocabularyTensor(model.config.vocab_size, model.config.hidden_size) as mode:
        yield mode


@pytest.mark.usefixtures("small_chunks")
def test_no_full_vocabulary_tensor_exists_in_forward_or_backward(tiny_model: Path, tokenizer: Any) -> None:
    model = _load(tiny_model, lora=False)
    rows = _chat_rows(tokenizer, 15)
    supervised = SupervisedMethod(torch.device("cpu"), tokenizer.pad_token_id, 128, packing=True)
    batch = supervised.collate(rows)
    # No other tensor in the model may have a vocabulary-sized last dimension.
    assert batch.input_ids.numel() != len(tokenizer)
    assert batch.target_tokens > 10 * SMALL_CHUNK_TOKENS
    with _tracking(model) as chunked:
        loss, _ = supervised.loss(model, batch, supervised.normaliser(rows), world_size=1)
        loss.backward()
    assert 0 < chunked.rows <= SMALL_CHUNK_TOKENS
    with _tracking(model) as unchunked:  # the check itself sees today's full logits
        _reference_sft_loss(model, batch).backward()
    assert unchunked.rows >= batch.input_ids.numel() - batch.input_ids.size(0)


@pytest.mark.parametrize("temperature", [1.0, 0.7])
def test_final_logit_softcapping_is_applied_by_the_head_before_the_temperature(temperature: float) -> None:
    """Gemma 2 caps its logits after the head; the chunked head must cap them itself, then divide
    by the temperature (GRPO), as sampling does with the model's capped logits."""
    model = tiny_model(
        "gemma2",
        vocab_size=96,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=16,
        final_logit_softcapping=2.0,
        initializer_range=1.0,
    )
    ids = torch.randint(0, 96, (2, 10), generator=torch.Generator().manual_seed(0))
    labels = ids.clone()
    labels[:, :3] = IGNORE_INDEX
    scored = loss_head.labelled_logprobs(model, {"input_ids": ids}, labels, temperature)
    with torch.no_grad():
        logits = model(input_ids=ids).logits.float()
    assert logits.abs().max() <= 2.0  # the model does cap
    logprobs = torch.log_softmax(logits[:, :-1] / temperature, dim=-1)
    expected = logprobs.gather(-1, ids[:, 1:, None]).squeeze(-1)
    torch.testing.assert_close(scored.logprobs.detach(), expected[:, 2:].reshape(-1), rtol=1e-5, atol=1e-5)
    assert scored.rows.tolist() == [0] * 7 + [1] * 7


def test_a_batch_without_labels_scores_nothing_and_still_backpropagates(tiny_model: Path) -> None:
    """Every rank must run backward (FSDP's collectives), even on a micro-batch with no labels."""
    model = _load(tiny_model, lora=False)
    ids = torch.randint(0, 400, (2, 12), generator=torch.Generator().manual_seed(0))
    scored = loss_head.labelled_logprobs(model, {"input_ids": ids}, torch.full_like(ids, IGNORE_INDEX))
    assert scored.logprobs.numel() == 0 and scored.per_row_sum(2).tolist() == [0.0, 0.0]
    (-scored.logprobs.sum()).backward()
    assert model.lm_head.weight.grad is not None and not model.lm_head.weight.grad.any()
