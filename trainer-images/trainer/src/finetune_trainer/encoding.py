"""Turns parsed examples into token ids with a loss mask.

Chats are rendered with the tokenizer's own chat template, so the model sees exactly the format it
will be prompted with; only assistant tokens carry a label. The assistant spans are found by
rendering each conversation prefix: the text the template adds for assistant turn i is
`render(turns[:i+1])` minus `render(turns[:i], add_generation_prompt=True)`. Templates that do not
render prefixes stably cannot be masked correctly, and are reported instead of guessed at.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Protocol

from finetune_contract.config_schema import ConfigError
from finetune_contract.formats import Conversation, Preference, Prompt, RecordError, Turn

IGNORE_INDEX = -100


class Tokenizer(Protocol):
    """The slice of a Hugging Face fast tokenizer that encoding needs."""

    bos_token_id: int | None
    eos_token_id: int | None
    chat_template: Any

    def __call__(self, text: str, **kwargs: Any) -> Any: ...

    def apply_chat_template(self, conversation: Any, **kwargs: Any) -> Any: ...


@dataclasses.dataclass(frozen=True)
class TokenizedSequence:
    input_ids: tuple[int, ...]
    labels: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.input_ids)

    @property
    def target_count(self) -> int:
        return sum(1 for label in self.labels if label != IGNORE_INDEX)


@dataclasses.dataclass(frozen=True)
class TokenizedPair:
    chosen: TokenizedSequence
    rejected: TokenizedSequence


@dataclasses.dataclass(frozen=True)
class TokenizedPrompt:
    """A GRPO prompt's token ids (left-truncated to grpo.maxPromptLength) and the prompt itself.

    `where` is the record's `file:line`, for the message when a reward function fails on it.
    """

    input_ids: tuple[int, ...]
    prompt: Prompt
    where: str = ""


def prompt_messages(prompt: Prompt) -> list[dict[str, str]]:
    return [{"role": t.role, "content": t.content} for t in prompt.turns]


def encode_prompt(
    tokenizer: Tokenizer, prompt: Prompt, max_length: int, tools: list[Any] | None
) -> TokenizedPrompt:
    """The ids the model continues: BOS + text for a plain prompt, else the chat template with the
    assistant's generation prompt (and the tool descriptions when the job has tools). Long prompts
    keep their end, as TRL does, since the question is usually last."""
    if prompt.plain_text and not tools:
        bos = [tokenizer.bos_token_id] if tokenizer.bos_token_id is not None else []
        ids = bos + _plain_ids(tokenizer, prompt.turns[0].content)
    else:
        text = tokenizer.apply_chat_template(
            prompt_messages(prompt), tools=tools, tokenize=False, add_generation_prompt=True
        )
        ids = _plain_ids(tokenizer, str(text))
    return TokenizedPrompt(tuple(ids[-max_length:]), prompt)


def _render(tokenizer: Tokenizer, turns: tuple[Turn, ...], generation_prompt: bool) -> str:
    text = tokenizer.apply_chat_template(
        [{"role": t.role, "content": t.content} for t in turns],
        tokenize=False,
        add_generation_prompt=generation_prompt,
    )
    return str(text)


def _chat_spans(
    tokenizer: Tokenizer, turns: tuple[Turn, ...], last_only: bool
) -> tuple[str, list[tuple[int, int]]]:
    """The full rendered text and the character spans of the assistant turns to learn."""
    if not tokenizer.chat_template:
        # The tokenizer, not a record, is wrong: every attempt would fail the same way (exit 2).
        raise ConfigError(
            "model.tokenizer: the tokenizer has no chat template; set one on the tokenizer or use "
            "prompt-completion data"
        )
    full = _render(tokenizer, turns, generation_prompt=False)
    spans = []
    assistant_indices = [i for i, t in enumerate(turns) if t.role == "assistant"]
    for i in assistant_indices[-1:] if last_only else assistant_indices:
        before = _render(tokenizer, turns[:i], generation_prompt=True)
        through = _render(tokenizer, turns[: i + 1], generation_prompt=False)
        if not (through.startswith(before) and full.startswith(through)):
            raise RecordError("the chat template does not render this conversation's prefixes stably")
        spans.append((len(before), len(through)))
    return full, spans


def _tokenize_with_spans(tokenizer: Tokenizer, text: str, spans: list[tuple[int, int]]) -> TokenizedSequence:
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids = list(encoded["input_ids"])
    labels = []
    for token_id, (start, end) in zip(ids, encoded["offset_mapping"], strict=True):
        inside = any(
            span_start <= start and end <= span_end and end > start for span_start, span_end in spans
        )
        labels.append(token_id if inside else IGNORE_INDEX)
    return TokenizedSequence(tuple(ids), tuple(labels))


def _plain_ids(tokenizer: Tokenizer, text: str) -> list[int]:
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def _plain_pair(tokenizer: Tokenizer, prompt: str, answer: str) -> TokenizedSequence:
    """Prompt then answer, tokenized apart so the boundary never merges into one token."""
    prompt_ids = ([tokenizer.bos_token_id] if tokenizer.bos_token_id is not None else []) + _plain_ids(
        tokenizer, prompt
    )
    answer_ids = _plain_ids(tokenizer, answer)
    if tokenizer.eos_token_id is not None:
        answer_ids.append(tokenizer.eos_token_id)
    return TokenizedSequence(
        tuple(prompt_ids + answer_ids), (IGNORE_INDEX,) * len(prompt_ids) + tuple(answer_ids)
    )


def truncate(sequence: TokenizedSequence, max_length: int) -> TokenizedSequence:
    """Keeps the first `max_length` tokens; fails when nothing left to learn."""
    if len(sequence) <= max_length:
        return sequence
    cut = TokenizedSequence(sequence.input_ids[:max_length], sequence.labels[:max_length])
    if cut.target_count == 0:
        raise RecordError(
            f"the prompt alone fills training.seqLength ({max_length} tokens): nothing to learn"
        )
    return cut


def encode_conversation(tokenizer: Tokenizer, example: Conversation, max_length: int) -> TokenizedSequence:
    if example.plain_text:
        prompt, completion = example.turns
        sequence = _plain_pair(tokenizer, prompt.content, completion.content)
    else:
        text, spans = _chat_spans(tokenizer, example.turns, last_only=False)
        sequence = _tokenize_with_spans(tokenizer, text, spans)
    if sequence.target_count == 0:
        raise RecordError("no token of the answer survived tokenization")
    return truncate(sequence, max_length)


def encode_preference(tokenizer: Tokenizer, example: Preference, max_length: int) -> TokenizedPair:
    def one(answer: str) -> TokenizedSequence:
        if example.plain_text:
            sequence = _plain_pair(tokenizer, example.prompt[0].content, answer)
        else:
            text, spans = _chat_spans(tokenizer, (*example.prompt, Turn("assistant", answer)), last_only=True)
            sequence = _tokenize_with_spans(tokenizer, text, spans)
        return truncate(sequence, max_length)

    return TokenizedPair(one(example.chosen), one(example.rejected))
