"""The record shapes of the contract's data formats, parsed into canonical examples.

Every format ends as either a `Conversation` (turns with a role and text; the assistant turns, or
the completion, are what the model learns), a `Preference` (a shared prompt and a chosen and a
rejected answer) or a GRPO `Prompt`. A record that does not fit raises `RecordError` with the reason
in terms of the record's own fields. The trainer parses every record with these functions
(`finetune_trainer.formats` adds file, line and the error budget); the operator's SageMaker
pre-flight parses the first records of the job's S3 data with the same ones before it pays for
instances, so both refuse the same records with the same words.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

from finetune_contract.methods import DataFormat

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


# --- shapes: what every reader of a format needs ------------------------------------------


def _message_list(value: Any, field: str) -> list[dict[str, Any]]:
    """A non-empty list of `{"role": system | user | assistant, "content": str}`."""
    if not isinstance(value, list):
        raise RecordError(f"field {field!r} must be a list of messages")
    if not value:
        raise RecordError("no user or assistant messages")
    for i, message in enumerate(value):
        if not isinstance(message, dict):
            raise RecordError(f"{field}[{i}] must be an object with role and content")
        role = message.get("role")
        if role not in ROLES:
            raise RecordError(f"{field}[{i}].role must be one of {', '.join(ROLES)}, got {role!r}")
        if not isinstance(message.get("content"), str):
            raise RecordError(f"{field}[{i}].content must be a string")
    return value


def _prompt_value(record: dict[str, Any]) -> Any:
    """The `prompt` field: a non-empty string or a list of messages."""
    if "prompt" not in record:
        raise RecordError("missing field 'prompt'")
    value = record["prompt"]
    if isinstance(value, str):
        return _nonempty_text(value, "prompt")
    if isinstance(value, list):
        return _message_list(value, "prompt")
    raise RecordError("field 'prompt' must be a string or a list of messages")


def _content_blocks(content: Any, where: str) -> list[dict[str, Any]]:
    """A Bedrock message's content: a non-empty list of blocks (text, or Nova's other kinds)."""
    if not isinstance(content, list) or not content:
        raise RecordError(f"{where} must be a non-empty list of content blocks")
    for i, block in enumerate(content):
        if not isinstance(block, dict):
            raise RecordError(f"{where}[{i}] must be an object")
    return content


def _messages_shape(record: dict[str, Any]) -> None:
    _message_list(_require(record, "messages", list, "a list"), "messages")


def _prompt_completion_shape(record: dict[str, Any]) -> None:
    for field in ("prompt", "completion"):
        _require(record, field, str, "a string")


def _preference_shape(record: dict[str, Any]) -> None:
    for field in ("chosen", "rejected"):
        _require(record, field, str, "a string")
    _prompt_value(record)


def _bedrock_shape(record: dict[str, Any]) -> None:
    version = record.get("schemaVersion")
    if version != BEDROCK_SCHEMA_VERSION:
        raise RecordError(f"schemaVersion must be {BEDROCK_SCHEMA_VERSION!r}, got {version!r}")
    messages = _require(record, "messages", list, "a list")
    if not messages:
        raise RecordError("no user or assistant messages")
    for i, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
            raise RecordError(f"messages[{i}].role must be user or assistant")
        # Preference records carry 'candidates' on the last assistant turn instead of content.
        if "candidates" not in message:
            _content_blocks(message.get("content"), f"messages[{i}].content")


SHAPES: dict[DataFormat, Callable[[dict[str, Any]], object]] = {
    DataFormat.MESSAGES: _messages_shape,
    DataFormat.PROMPT_COMPLETION: _prompt_completion_shape,
    DataFormat.PREFERENCE: _preference_shape,
    DataFormat.BEDROCK_CONVERSATION: _bedrock_shape,
    DataFormat.PROMPT: _prompt_value,
}
"""Each format's record shape: the structure any reader of it needs. The parsers below start with
it and add what this trainer needs besides (text-only content, alternating roles, non-empty text);
Amazon's Nova images read bedrock-conversation records with more content kinds than text."""


def shape_problem(data_format: DataFormat, record: dict[str, Any]) -> str | None:
    """Why `record` does not have the shape of a `data_format` record, or None: the SageMaker
    pre-flight's check of a job's first records, whichever image then trains on them."""
    try:
        SHAPES[data_format](record)
    except RecordError as error:
        return str(error)
    return None


# --- parsers: the trainer's reading ------------------------------------------------------


def _openai_messages(value: Any, field: str) -> list[Turn]:
    return [
        Turn(message["role"], _nonempty_text(message["content"], f"{field}[{i}].content"))
        for i, message in enumerate(_message_list(value, field))
    ]


def parse_messages(record: dict[str, Any]) -> Conversation:
    """`{"messages": [{"role": "user", "content": "..."}, {"role": "assistant", ...}]}`."""
    turns = _openai_messages(_require(record, "messages", list, "a list"), "messages")
    _check_dialogue(turns, need_final_assistant=True)
    return Conversation(tuple(turns))


def parse_prompt_completion(record: dict[str, Any]) -> Conversation:
    """`{"prompt": "...", "completion": "..."}`: plain text, the loss covers the completion only."""
    _prompt_completion_shape(record)
    prompt = _nonempty_text(record["prompt"], "prompt")
    completion = _nonempty_text(record["completion"], "completion")
    return Conversation((Turn("user", prompt), Turn("assistant", completion)), plain_text=True)


def parse_prompt(record: dict[str, Any]) -> Prompt:
    """`{"prompt": "..." | [messages], ...}`: what GRPO generates from; other fields go to the rewards."""
    value = _prompt_value(record)
    fields = {key: field for key, field in record.items() if key != "prompt"}
    if isinstance(value, str):
        return Prompt((Turn("user", value),), True, value, fields)
    turns = _openai_messages(value, "prompt")
    _check_dialogue(turns, need_final_assistant=False)
    if turns[-1].role != "user":
        raise RecordError("the prompt's last message must be a user message (the model answers it)")
    return Prompt(tuple(turns), False, value, fields)


def parse_preference(record: dict[str, Any]) -> Preference:
    """`{"prompt": ..., "chosen": ..., "rejected": ...}`, the prompt as text or as chat messages."""
    _preference_shape(record)
    chosen = _nonempty_text(record["chosen"], "chosen")
    rejected = _nonempty_text(record["rejected"], "rejected")
    prompt_value = record["prompt"]
    if isinstance(prompt_value, str):
        return Preference((Turn("user", prompt_value),), chosen, rejected, plain_text=True)
    turns = _openai_messages(prompt_value, "prompt")
    _check_dialogue(turns, need_final_assistant=False)
    if turns[-1].role != "user":
        raise RecordError("the prompt's last message must be from the user")
    return Preference(tuple(turns), chosen, rejected)


def _bedrock_text(content: Any, where: str) -> str:
    texts = []
    for i, block in enumerate(_content_blocks(content, where)):
        if "text" not in block:
            kinds = ", ".join(sorted(block)) or "nothing"
            raise RecordError(f"{where}[{i}] has {kinds}; only text blocks are supported by this trainer")
        if not isinstance(block["text"], str):
            raise RecordError(f"{where}[{i}].text must be a string")
        texts.append(block["text"])
    return _nonempty_text("\n".join(texts), where)


def _bedrock_turns(record: dict[str, Any]) -> tuple[list[Turn], list[dict[str, Any]]]:
    """Returns the system + message turns, and the raw messages for candidate handling."""
    _bedrock_shape(record)
    turns = []
    if record.get("system") is not None:
        turns.append(Turn("system", _bedrock_text(record["system"], "system")))
    return turns, record["messages"]


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


def record_parser(data_format: DataFormat, preference: bool) -> Callable[[dict[str, Any]], Example]:
    """The parser for a contract format; preference methods read the preference flavour."""
    parsers: dict[tuple[DataFormat, bool], Callable[[dict[str, Any]], Example]] = {
        (DataFormat.MESSAGES, False): parse_messages,
        (DataFormat.PROMPT_COMPLETION, False): parse_prompt_completion,
        (DataFormat.BEDROCK_CONVERSATION, False): parse_bedrock_conversation,
        (DataFormat.PREFERENCE, True): parse_preference,
        (DataFormat.BEDROCK_CONVERSATION, True): parse_bedrock_preference,
        (DataFormat.PROMPT, False): parse_prompt,
    }
    if (data_format, preference) not in parsers:
        kind = "preference" if preference else "supervised"
        raise ValueError(f"format {data_format!r} has no {kind} flavour")
    return parsers[(data_format, preference)]
