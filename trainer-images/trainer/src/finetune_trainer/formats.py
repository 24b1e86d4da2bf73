"""Parses JSONL records of the four contract data formats into two canonical example kinds.

Every format ends as either a `Conversation` (turns with a role and text; the assistant turns, or
the completion, are what the model learns) or a `Preference` (a shared prompt and a chosen and a
rejected answer). A record that does not fit raises `RecordError` with the reason; the caller adds
file and line and applies the error budget, so no record is ever dropped silently.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROLES = ("system", "user", "assistant")
BEDROCK_SCHEMA_VERSION = "bedrock-conversation-2024"


class RecordError(ValueError):
    """One record cannot be used; the message says why in terms of the record's own fields."""


@dataclasses.dataclass(frozen=True)
class Turn:
    role: str
    content: str


@dataclasses.dataclass(frozen=True)
class Conversation:
    """A chat, or a prompt/completion pair when `plain_text` is set (no chat template applied)."""

    turns: tuple[Turn, ...]
    plain_text: bool = False


@dataclasses.dataclass(frozen=True)
class Preference:
    prompt: tuple[Turn, ...]
    chosen: str
    rejected: str
    plain_text: bool = False


@dataclasses.dataclass(frozen=True)
class Prompt:
    """A GRPO prompt: chat turns (or one plain-text turn) and the record's other fields.

    `original` is the record's `prompt` value as written (a string or the list of messages): the
    reward functions receive it unchanged, with `fields` as keyword arguments.
    """

    turns: tuple[Turn, ...]
    plain_text: bool
    original: Any
    fields: dict[str, Any]


Example = Conversation | Preference | Prompt


@dataclasses.dataclass(frozen=True)
class BadRecord:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def _require(record: dict[str, Any], key: str, kind: type, kind_name: str) -> Any:
    if key not in record:
        raise RecordError(f"missing field {key!r}")
    value = record[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise RecordError(f"field {key!r} must be {kind_name}, got {type(value).__name__}")
    return value


def _nonempty_text(value: str, what: str) -> str:
    if not value.strip():
        raise RecordError(f"{what} is empty")
    return value


def _check_dialogue(turns: list[Turn], need_final_assistant: bool) -> None:
    dialogue = [t for t in turns if t.role != "system"]
    if any(t.role == "system" for t in turns[1:]):
        raise RecordError("a system message may only come first")
    if not dialogue:
        raise RecordError("no user or assistant messages")
    if dialogue[0].role != "user":
        raise RecordError("the first non-system message must be from the user")
    for previous, current in itertools.pairwise(dialogue):
        if previous.role == current.role:
            raise RecordError(f"two {current.role} messages in a row; roles must alternate user/assistant")
    if need_final_assistant and not any(t.role == "assistant" for t in dialogue):
        raise RecordError("no assistant message: nothing to learn from")


def _openai_messages(value: Any, field: str) -> list[Turn]:
    if not isinstance(value, list):
        raise RecordError(f"field {field!r} must be a list of messages")
    turns = []
    for i, message in enumerate(value):
        if not isinstance(message, dict):
            raise RecordError(f"{field}[{i}] must be an object with role and content")
        role = message.get("role")
        if role not in ROLES:
            raise RecordError(f"{field}[{i}].role must be one of {', '.join(ROLES)}, got {role!r}")
        content = message.get("content")
        if not isinstance(content, str):
            raise RecordError(f"{field}[{i}].content must be a string")
        turns.append(Turn(role, _nonempty_text(content, f"{field}[{i}].content")))
    return turns


def parse_messages(record: dict[str, Any]) -> Conversation:
    """`{"messages": [{"role": "user", "content": "..."}, {"role": "assistant", ...}]}`."""
    turns = _openai_messages(_require(record, "messages", list, "a list"), "messages")
    _check_dialogue(turns, need_final_assistant=True)
    return Conversation(tuple(turns))


def parse_prompt_completion(record: dict[str, Any]) -> Conversation:
    """`{"prompt": "...", "completion": "..."}`: plain text, the loss covers the completion only."""
    prompt = _nonempty_text(_require(record, "prompt", str, "a string"), "prompt")
    completion = _nonempty_text(_require(record, "completion", str, "a string"), "completion")
    return Conversation((Turn("user", prompt), Turn("assistant", completion)), plain_text=True)


def parse_prompt(record: dict[str, Any]) -> Prompt:
    """`{"prompt": "..." | [messages], ...}`: what GRPO generates from; other fields go to the rewards."""
    if "prompt" not in record:
        raise RecordError("missing field 'prompt'")
    value = record["prompt"]
    fields = {key: field for key, field in record.items() if key != "prompt"}
    if isinstance(value, str):
        return Prompt((Turn("user", _nonempty_text(value, "prompt")),), True, value, fields)
    turns = _openai_messages(value, "prompt")
    _check_dialogue(turns, need_final_assistant=False)
    if turns[-1].role != "user":
        raise RecordError("the prompt's last message must be a user message (the model answers it)")
    return Prompt(tuple(turns), False, value, fields)


def parse_preference(record: dict[str, Any]) -> Preference:
    """`{"prompt": ..., "chosen": ..., "rejected": ...}`, the prompt as text or as chat messages."""
    prompt_value = record.get("prompt")
    chosen = _nonempty_text(_require(record, "chosen", str, "a string"), "chosen")
    rejected = _nonempty_text(_require(record, "rejected", str, "a string"), "rejected")
    if isinstance(prompt_value, str):
        return Preference(
            (Turn("user", _nonempty_text(prompt_value, "prompt")),), chosen, rejected, plain_text=True
        )
    if isinstance(prompt_value, list):
        turns = _openai_messages(prompt_value, "prompt")
        _check_dialogue(turns, need_final_assistant=False)
        if turns[-1].role != "user":
            raise RecordError("the prompt's last message must be from the user")
        return Preference(tuple(turns), chosen, rejected)
    raise RecordError("field 'prompt' must be a string or a list of messages")


def _bedrock_text(content: Any, where: str) -> str:
    if not isinstance(content, list) or not content:
        raise RecordError(f"{where} must be a non-empty list of content blocks")
    texts = []
    for i, block in enumerate(content):
        if not isinstance(block, dict):
            raise RecordError(f"{where}[{i}] must be an object")
        if "text" not in block:
            kinds = ", ".join(sorted(block)) or "nothing"
            raise RecordError(f"{where}[{i}] has {kinds}; only text blocks are supported by this trainer")
        if not isinstance(block["text"], str):
            raise RecordError(f"{where}[{i}].text must be a string")
        texts.append(block["text"])
    return _nonempty_text("\n".join(texts), where)


def _bedrock_turns(record: dict[str, Any]) -> tuple[list[Turn], list[dict[str, Any]]]:
    """Returns the system + message turns, and the raw messages for candidate handling."""
    version = record.get("schemaVersion")
    if version != BEDROCK_SCHEMA_VERSION:
        raise RecordError(f"schemaVersion must be {BEDROCK_SCHEMA_VERSION!r}, got {version!r}")
    turns = []
    if record.get("system") is not None:
        turns.append(Turn("system", _bedrock_text(record["system"], "system")))
    messages = _require(record, "messages", list, "a list")
    for i, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
            raise RecordError(f"messages[{i}].role must be user or assistant")
    return turns, messages


def parse_bedrock_conversation(record: dict[str, Any]) -> Conversation:
    """Bedrock/Nova SFT records: `{"schemaVersion": "bedrock-conversation-2024", "system": [{"text"}],
    "messages": [{"role": "user", "content": [{"text": ...}]}, ...]}`."""
    turns, messages = _bedrock_turns(record)
    for i, message in enumerate(messages):
        if "candidates" in message:
            raise RecordError(
                f"messages[{i}] has candidates: this is preference data; use method dpo or dpo-lora"
            )
        turns.append(Turn(message["role"], _bedrock_text(message.get("content"), f"messages[{i}].content")))
    _check_dialogue(turns, need_final_assistant=True)
    return Conversation(tuple(turns))


def parse_bedrock_preference(record: dict[str, Any]) -> Preference:
    """Bedrock/Nova DPO records: the last message is the assistant's, with two `candidates`, one
    `"preferenceLabel": "preferred"` and one `"non-preferred"`."""
    turns, messages = _bedrock_turns(record)
    if not messages or "candidates" not in messages[-1]:
        raise RecordError("the last message needs 'candidates' (preferred and non-preferred) for DPO")
    last = len(messages) - 1
    if messages[last]["role"] != "assistant":
        raise RecordError(f"messages[{last}] has candidates but its role is not assistant")
    for i, message in enumerate(messages[:-1]):
        turns.append(Turn(message["role"], _bedrock_text(message.get("content"), f"messages[{i}].content")))
    _check_dialogue(turns, need_final_assistant=False)
    if turns[-1].role != "user":
        raise RecordError("the message before the candidates must be from the user")
    by_label: dict[str, str] = {}
    candidates = messages[last]["candidates"]
    if not isinstance(candidates, list):
        raise RecordError(f"messages[{last}].candidates must be a list")
    for j, candidate in enumerate(candidates):
        where = f"messages[{last}].candidates[{j}]"
        if not isinstance(candidate, dict):
            raise RecordError(f"{where} must be an object")
        label = candidate.get("preferenceLabel")
        if label not in ("preferred", "non-preferred"):
            raise RecordError(
                f"{where}.preferenceLabel must be 'preferred' or 'non-preferred', got {label!r}"
            )
        if label in by_label:
            raise RecordError(f"{where}: a second {label!r} candidate; exactly one of each is needed")
        by_label[label] = _bedrock_text(candidate.get("content"), f"{where}.content")
    if set(by_label) != {"preferred", "non-preferred"}:
        raise RecordError(f"messages[{last}].candidates needs one preferred and one non-preferred candidate")
    return Preference(tuple(turns), by_label["preferred"], by_label["non-preferred"])


def record_parser(data_format: str, preference: bool) -> Callable[[dict[str, Any]], Example]:
    """The parser for a contract format; preference methods read the preference flavour."""
    parsers: dict[tuple[str, bool], Callable[[dict[str, Any]], Example]] = {
        ("messages", False): parse_messages,
        ("prompt-completion", False): parse_prompt_completion,
        ("bedrock-conversation", False): parse_bedrock_conversation,
        ("preference", True): parse_preference,
        ("bedrock-conversation", True): parse_bedrock_preference,
        ("prompt", False): parse_prompt,
    }
    if (data_format, preference) not in parsers:
        kind = "preference" if preference else "supervised"
        raise ValueError(f"format {data_format!r} has no {kind} flavour")
    return parsers[(data_format, preference)]


def read_jsonl(
    path: Path, display_path: str, parse: Callable[[dict[str, Any]], Example]
) -> Iterator[tuple[int, Example | BadRecord]]:
    """Yields (line number, example or bad record) for every non-blank line of a JSONL file."""
    with path.open(encoding="utf-8", errors="strict") as handle:
        line_number = 0
        while True:
            line_number += 1
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                # The rest of the file cannot be located reliably after undecodable bytes.
                yield (
                    line_number,
                    BadRecord(display_path, line_number, f"not UTF-8 from here on ({exc.reason})"),
                )
                return
            if not line:
                return
            if not line.strip():
                continue
            yield line_number, _parse_line(line, display_path, line_number, parse)


def _parse_line(
    line: str, display_path: str, line_number: int, parse: Callable[[dict[str, Any]], Example]
) -> Example | BadRecord:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadRecord(display_path, line_number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return BadRecord(display_path, line_number, f"expected a JSON object, got {type(record).__name__}")
    try:
        return parse(record)
    except RecordError as exc:
        return BadRecord(display_path, line_number, str(exc))


def split_good_and_bad(
    items: Iterable[tuple[int, Example | BadRecord]],
) -> tuple[list[Example], list[BadRecord]]:
    good: list[Example] = []
    bad: list[BadRecord] = []
    for _, item in items:
        (bad if isinstance(item, BadRecord) else good).append(item)  # type: ignore[arg-type]
    return good, bad
