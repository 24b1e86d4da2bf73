"""Tokenization: the loss covers exactly the assistant turns, or the completion."""

from __future__ import annotations

from typing import Any

import pytest

from finetune_contract.formats import Conversation, Preference, RecordError, Turn
from finetune_trainer.encoding import IGNORE_INDEX, encode_conversation, encode_preference


def _learned_text(tokenizer: Any, input_ids: tuple[int, ...], labels: tuple[int, ...]) -> str:
    return tokenizer.decode([t for t, label in zip(input_ids, labels, strict=True) if label != IGNORE_INDEX])


def test_chat_loss_covers_every_assistant_turn_and_its_end_token_only(tokenizer: Any) -> None:
    conversation = Conversation(
        (
            Turn("system", "follow the instruction"),
            Turn("user", "copy: kalo mimi"),
            Turn("assistant", "kalo mimi"),
            Turn("user", "reverse: nupe rasi"),
            Turn("assistant", "rasi nupe"),
        )
    )
    sequence = encode_conversation(tokenizer, conversation, max_length=256)
    assert tokenizer.decode(list(sequence.input_ids)).startswith("<s><|system|>follow the instruction<|end|>")
    assert _learned_text(tokenizer, sequence.input_ids, sequence.labels) == "kalo mimi<|end|>rasi nupe<|end|>"


def test_prompt_completion_loss_covers_the_completion_and_eos(tokenizer: Any) -> None:
    sequence = encode_conversation(
        tokenizer, Conversation((Turn("user", "copy: kalo"), Turn("assistant", " kalo")), plain_text=True), 64
    )
    assert sequence.input_ids[0] == tokenizer.bos_token_id
    assert _learned_text(tokenizer, sequence.input_ids, sequence.labels) == " kalo<|end|>"


def test_preference_pairs_share_the_prompt_and_learn_only_the_answer(tokenizer: Any) -> None:
    pair = encode_preference(
        tokenizer,
        Preference(
            (Turn("user", "copy: kalo"), Turn("assistant", "kalo"), Turn("user", "copy: mimi")), "mimi", "no"
        ),
        max_length=128,
    )
    assert _learned_text(tokenizer, pair.chosen.input_ids, pair.chosen.labels) == "mimi<|end|>"
    assert _learned_text(tokenizer, pair.rejected.input_ids, pair.rejected.labels) == "no<|end|>"
    prompt_length = pair.chosen.labels.index(
        next(label for label in pair.chosen.labels if label != IGNORE_INDEX)
    )
    assert pair.chosen.input_ids[:prompt_length] == pair.rejected.input_ids[:prompt_length]


def test_long_examples_are_truncated_but_a_prompt_that_fills_the_window_is_bad(tokenizer: Any) -> None:
    long_answer = Conversation((Turn("user", "copy"), Turn("assistant", "kalo " * 100)))
    assert len(encode_conversation(tokenizer, long_answer, max_length=32)) == 32
    long_prompt = Conversation((Turn("user", "kalo " * 100), Turn("assistant", "mimi")))
    with pytest.raises(RecordError, match=r"the prompt alone fills training\.seqLength"):
        encode_conversation(tokenizer, long_prompt, max_length=32)


def test_a_tokenizer_without_chat_template_is_refused_for_chat_data(tokenizer: Any) -> None:
    plain = tokenizer.__class__.from_pretrained(tokenizer.name_or_path)
    plain.chat_template = None
    with pytest.raises(ValueError, match="no chat template"):
        encode_conversation(plain, Conversation((Turn("user", "a"), Turn("assistant", "b"))), 32)
