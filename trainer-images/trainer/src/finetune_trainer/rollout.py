"""GRPO rollouts: sampling completions, and multi-turn tool use in the Hermes/Qwen convention.

A rollout is the prompt's ids followed by the completion: the model's own tokens (mask 1) and,
in multi-turn rollouts, the tool messages the trainer inserted between its turns (mask 0, they
are context, never trained on). The model calls a tool by writing

    <tool_call>{"name": "multiply", "arguments": {"a": 3, "b": 4}}</tool_call>

and ending its turn; each call is executed and its result (or, if it raised, the error text) is
appended as a `tool` message, rendered by the tokenizer's chat template, and the model continues,
for at most `tools.maxTurns` model turns and `grpo.maxCompletionLength` tokens in all.

Sampling is the `Sampler` below (transformers' `generate` is not used: under FSDP every rank must
run the same number of forward passes, which a hand-written loop guarantees by agreeing on when
all ranks are done). The `vllm` engine lives in `vllm_engine.py`, imported only when chosen.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import torch
from torch import nn

from finetune_contract.config_schema import ConfigError
from finetune_trainer.encoding import TokenizedPrompt, prompt_messages
from finetune_trainer.rewards import Toolbox

TOOL_CALL = re.compile(r"<tool_call>(.*?)</tool_call>", re.DOTALL)


class Generator(Protocol):
    """Continues each context with sampled tokens, up to `max_new_tokens` or end of sequence."""

    def __call__(self, contexts: Sequence[Sequence[int]], max_new_tokens: int) -> list[list[int]]: ...


@dataclasses.dataclass
class Rollout:
    prompt: TokenizedPrompt
    completion_ids: list[int] = dataclasses.field(default_factory=list)
    completion_mask: list[int] = dataclasses.field(default_factory=list)  # 1: the model's own token
    text: str = ""  # the model's last turn
    turns: int = 0
    tool_calls: int = 0
    tool_errors: int = 0

    @property
    def model_tokens(self) -> int:
        return sum(self.completion_mask)


@dataclasses.dataclass(frozen=True)
class ToolResult:
    content: str
    failed: bool


def parse_tool_calls(text: str) -> list[str]:
    """The bodies of the `<tool_call>...</tool_call>` blocks of a model turn, in order."""
    return [body.strip() for body in TOOL_CALL.findall(text)]


def execute_tool_call(body: str, toolbox: Toolbox) -> ToolResult:
    """Runs one call; a malformed call, an unknown tool or a raising tool returns its error text."""
    try:
        call = json.loads(body)
    except json.JSONDecodeError as exc:
        return ToolResult(f"Error: the tool call is not valid JSON ({exc.msg})", True)
    if not isinstance(call, dict) or not isinstance(call.get("name"), str):
        return ToolResult('Error: a tool call is {"name": ..., "arguments": {...}}', True)
    function = toolbox.functions.get(call["name"])
    if function is None:
        return ToolResult(
            f"Error: unknown tool {call['name']!r}; tools: {', '.join(toolbox.functions)}", True
        )
    arguments = call.get("arguments", {})
    if not isinstance(arguments, dict):
        return ToolResult("Error: arguments must be a JSON object", True)
    try:
        result = function(**arguments)
    except Exception as exc:  # the model's call failed, not the run
        return ToolResult(f"Error: {type(exc).__name__}: {exc}", True)
    return ToolResult(result if isinstance(result, str) else json.dumps(result, default=str), False)


def tool_turn_suffix(
    tokenizer: Any, messages: list[dict[str, Any]], results: Sequence[ToolResult], tools: list[Any]
) -> str:
    """The text the chat template adds after the model's turn for the tool messages, up to the
    next assistant generation prompt."""

    def render(conversation: list[dict[str, Any]], generation_prompt: bool) -> str:
        return str(
            tokenizer.apply_chat_template(
                conversation, tools=tools, tokenize=False, add_generation_prompt=generation_prompt
            )
        )

    before = render(messages, False)
    after = render(messages + [{"role": "tool", "content": r.content} for r in results], True)
    if not after.startswith(before):
        raise ConfigError(
            "tools: the model's chat template does not render tool messages as a continuation of the chat"
        )
    return after[len(before) :]


def run_rollouts(
    prompts: Sequence[TokenizedPrompt],
    group_size: int,
    generate: Generator,
    tokenizer: Any,
    max_completion_length: int,
    toolbox: Toolbox | None,
    any_rank: Callable[[bool], bool] = lambda flag: flag,
) -> list[Rollout]:
    """`group_size` rollouts per prompt (prompt-major order), with tool turns when there is a toolbox.

    `any_rank(flag)` is true when `flag` is true on any rank: every rank runs the same number of
    turns (and so of forward passes), even one whose rollouts have all finished.
    """
    rollouts = [Rollout(prompt) for prompt in prompts for _ in range(group_size)]
    eos = tokenizer.eos_token_id
    max_turns = toolbox.max_turns if toolbox is not None else 1
    tools = toolbox.schemas if toolbox is not None else []
    conversations = [prompt_messages(r.prompt.prompt) for r in rollouts]
    active = list(range(len(rollouts)))
    for turn in range(max_turns):
        if not any_rank(bool(active)):
            break
        budgets = [max_completion_length - len(rollouts[i].completion_ids) for i in active]
        contexts = [list(rollouts[i].prompt.input_ids) + rollouts[i].completion_ids for i in active]
        outputs = generate(contexts, max(budgets, default=1))
        still_active = []
        for i, new_ids, budget in zip(active, outputs, budgets, strict=True):
            rollout = rollouts[i]
            new_ids = new_ids[:budget]
            rollout.completion_ids += new_ids
            rollout.completion_mask += [1] * len(new_ids)
            rollout.turns += 1
            rollout.text = tokenizer.decode(new_ids, skip_special_tokens=True)
            ended = bool(new_ids) and new_ids[-1] == eos
            calls = parse_tool_calls(rollout.text) if toolbox is not None else []
            if not calls or not ended or turn == max_turns - 1:
                continue
            assert toolbox is not None
            results = [execute_tool_call(body, toolbox) for body in calls]
            rollout.tool_calls += len(results)
            rollout.tool_errors += sum(r.failed for r in results)
            conversations[i].append({"role": "assistant", "content": rollout.text})
            suffix = tool_turn_suffix(tokenizer, conversations[i], results, tools)
            conversations[i] += [{"role": "tool", "content": r.content} for r in results]
            suffix_ids = list(tokenizer(suffix, add_special_tokens=False)["input_ids"])
            room = max_completion_length - len(rollout.completion_ids)
            rollout.completion_ids += suffix_ids[:room]
            rollout.completion_mask += [0] * min(len(suffix_ids), room)
            if len(suffix_ids) < room:
                still_active.append(i)
        active = still_active
    return rollouts


def sample_next_token(logits: torch.Tensor, temperature: float, top_p: float) -> torch.Tensor:
    """One token per row from [rows, vocabulary] logits: temperature, then nucleus (top-p) sampling;
    temperature 0 is greedy decoding (the final evaluation's)."""
    if temperature == 0.0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits.float() / temperature, dim=-1)
    if top_p < 1.0:
        sorted_probs, order = probs.sort(dim=-1, descending=True)
        # Keep the smallest prefix whose mass reaches top_p (the first token always stays).
        outside = sorted_probs.cumsum(dim=-1) - sorted_probs > top_p
        sorted_probs = sorted_probs.masked_fill(outside, 0.0)
        probs = torch.zeros_like(probs).scatter(-1, order, sorted_probs)
    return torch.multinomial(probs, 1).squeeze(-1)


@dataclasses.dataclass
class Sampler:
    """Batched sampling with a KV cache through the (FSDP-wrapped) model's own forward.

    Contexts are left-padded; position ids count real tokens only. With several ranks,
    `any_rank` keeps every rank stepping until all are done (a rank without contexts samples a
    one-token dummy), since each forward pass gathers FSDP shards collectively.
    """

    model: nn.Module
    device: torch.device
    pad_id: int
    eos_id: int
    temperature: float
    top_p: float
    any_rank: Callable[[bool], bool] = lambda flag: flag

    @torch.no_grad()
    def __call__(self, contexts: Sequence[Sequence[int]], max_new_tokens: int) -> list[list[int]]:
        from transformers import DynamicCache

        real = len(contexts)
        batch = [list(c) for c in contexts] or [[self.pad_id]]
        width = max(len(c) for c in batch)
        input_ids = torch.tensor([[self.pad_id] * (width - len(c)) + c for c in batch], device=self.device)
        attention = torch.tensor([[0] * (width - len(c)) + [1] * len(c) for c in batch], device=self.device)
        positions = (attention.cumsum(-1) - 1).clamp(min=0)
        cache = DynamicCache()
        finished = torch.zeros(len(batch), dtype=torch.bool, device=self.device)
        if not real:
            finished[:] = True
        generated: list[torch.Tensor] = []
        step_ids = input_ids
        for _ in range(max_new_tokens):
            output = self.model(
                input_ids=step_ids,
                attention_mask=attention,
                position_ids=positions,
                past_key_values=cache,
                use_cache=True,
                logits_to_keep=1,
            )
            cache = output.past_key_values
            token = sample_next_token(output.logits[:, -1], self.temperature, self.top_p)
            token = token.masked_fill(finished, self.pad_id)
            generated.append(token)
            finished |= token == self.eos_id
            if not self.any_rank(not bool(finished.all())):
                break
            step_ids = token.unsqueeze(-1)
            attention = torch.cat([attention, torch.ones_like(step_ids)], dim=-1)
            positions = positions[:, -1:] + 1
        if not generated:
            return [[] for _ in range(real)]
        tokens = torch.stack(generated, dim=1).tolist()
        results = []
        for row in tokens[:real]:
            ids = row[: row.index(self.eos_id) + 1] if self.eos_id in row else row
            results.append(ids)
        return results
