"""Each contract data format parses; bad records are reported with file:line and a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import trainer_testkit as kit

from finetune_contract.formats import Conversation, Preference, RecordError, Turn, record_parser
from finetune_trainer.dataset import DataError, check_error_budget
from finetune_trainer.formats import BadRecord, read_jsonl, split_good_and_bad


def _bedrock(*messages: dict, system: str | None = "be brief") -> dict:
    record: dict = {"schemaVersion": "bedrock-conversation-2024", "messages": list(messages)}
    if system is not None:
        record["system"] = [{"text": system}]
    return record


def _text(role: str, *texts: str) -> dict:
    return {"role": role, "content": [{"text": t} for t in texts]}


def test_messages() -> None:
    parsed = record_parser("messages", preference=False)(kit.messages_records(1, seed=0)[0])
    assert isinstance(parsed, Conversation) and not parsed.plain_text
    assert parsed.turns[-1].role == "assistant"


def test_prompt_completion() -> None:
    parsed = record_parser("prompt-completion", preference=False)({"prompt": "2+2=", "completion": "4"})
    assert parsed == Conversation((Turn("user", "2+2="), Turn("assistant", "4")), plain_text=True)


def test_preference_with_text_and_with_message_prompts() -> None:
    parse = record_parser("preference", preference=True)
    assert parse({"prompt": "hi", "chosen": "hello", "rejected": "go away"}) == Preference(
        (Turn("user", "hi"),), "hello", "go away", plain_text=True
    )
    chat = parse({"prompt": [{"role": "user", "content": "hi"}], "chosen": "hello", "rejected": "no"})
    assert chat == Preference((Turn("user", "hi"),), "hello", "no")


def test_bedrock_conversation_for_sft() -> None:
    record = _bedrock(_text("user", "why is the sky blue", "briefly"), _text("assistant", "scattering"))
    assert record_parser("bedrock-conversation", preference=False)(record) == Conversation(
        (
            Turn("system", "be brief"),
            Turn("user", "why is the sky blue\nbriefly"),
            Turn("assistant", "scattering"),
        )
    )


def test_bedrock_conversation_with_candidates_for_dpo() -> None:
    record = _bedrock(
        _text("user", "why is the sky blue"),
        {
            "role": "assistant",
            "candidates": [
                {"content": [{"text": "it just is"}], "preferenceLabel": "non-preferred"},
                {"content": [{"text": "Rayleigh scattering"}], "preferenceLabel": "preferred"},
            ],
        },
        system=None,
    )
    assert record_parser("bedrock-conversation", preference=True)(record) == Preference(
        (Turn("user", "why is the sky blue"),), "Rayleigh scattering", "it just is"
    )


@pytest.mark.parametrize(
    ("data_format", "preference", "record", "reason"),
    [
        ("messages", False, {"messages": [{"role": "user", "content": "hi"}]}, "no assistant message"),
        (
            "messages",
            False,
            {"messages": [{"role": "bot", "content": "x"}]},
            "messages[0].role must be one of",
        ),
        (
            "messages",
            False,
            {"messages": [{"role": "assistant", "content": "x"}, {"role": "user", "content": "y"}]},
            "the first non-system message must be from the user",
        ),
        ("messages", False, {"text": "x"}, "missing field 'messages'"),
        ("prompt-completion", False, {"prompt": "x", "completion": "  "}, "completion is empty"),
        ("preference", True, {"prompt": "x", "chosen": "a"}, "missing field 'rejected'"),
        ("bedrock-conversation", False, {"schemaVersion": "v0", "messages": []}, "schemaVersion must be"),
        (
            "bedrock-conversation",
            False,
            _bedrock(_text("user", "x"), {"role": "assistant", "content": [{"image": {}}]}),
            "messages[1].content[0] has image; only text blocks are supported",
        ),
        (
            "bedrock-conversation",
            True,
            _bedrock(_text("user", "x"), _text("assistant", "y")),
            "the last message needs 'candidates'",
        ),
    ],
)
def test_bad_records_say_why(data_format: str, preference: bool, record: dict, reason: str) -> None:
    with pytest.raises(RecordError) as raised:
        record_parser(data_format, preference)(record)
    assert str(raised.value).startswith(reason)


def test_bad_records_are_reported_with_file_and_line(tmp_path: Path) -> None:
    good = kit.messages_records(3, seed=0)
    path = kit.write_jsonl(
        tmp_path / "train.jsonl",
        [good[0], "{not json", "", good[1], json.dumps([1, 2]), {"messages": []}, good[2]],
    )
    examples, bad = split_good_and_bad(
        read_jsonl(path, "s3://b/train.jsonl", record_parser("messages", False))
    )
    assert len(examples) == 3
    assert [str(b) for b in bad] == [
        "s3://b/train.jsonl:2: not valid JSON "
        "(Expecting property name enclosed in double quotes at column 2)",
        "s3://b/train.jsonl:5: expected a JSON object, got list",
        "s3://b/train.jsonl:6: no user or assistant messages",
    ]


def test_the_error_budget_decides_between_skip_and_fail() -> None:
    bad = [BadRecord("train.jsonl", line, "not valid JSON") for line in (3, 9)]
    check_error_budget(bad, records_read=100, budget=0.02)  # 2 % bad, 2 % tolerated
    with pytest.raises(DataError) as raised:
        check_error_budget(bad, records_read=100, budget=0.01)
    assert "2 of 100 records are bad (2.00%), over data.errorBudget (1.00%)" in str(raised.value)
    assert "train.jsonl:3: not valid JSON" in str(raised.value)
    assert "train.jsonl:9: not valid JSON" in str(raised.value)
    with pytest.raises(DataError):
        check_error_budget(bad[:1], records_read=1000, budget=0.0)  # zero tolerance: any bad record fails
