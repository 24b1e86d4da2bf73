"""GRPO's reward functions and tools: the built-ins, and user code loaded from Python files.

User code is loaded and checked once, at start-up, so that a syntax error, a missing function or
a wrong signature is a `ConfigError` (exit code 2, `InvalidSpec` on the job) naming the file and
line, before any model is loaded. Once running, a reward function that raises on a record is that
record's fault, like a malformed line: the caller counts it against `data.errorBudget`.

A custom reward is called as `function(prompt, completion, **record_fields) -> float`: `prompt`
is the record's `prompt` value unchanged (a string or the list of messages), `completion` the
text of the model's last turn, and the record's other fields are keyword arguments. It may return
any finite real scalar, as TRL takes it (`torch.tensor` of the values): a Python number or bool,
a NumPy scalar or 0-d array, a 0-d tensor. A tool is
called with the JSON arguments of the model's `<tool_call>` as keyword arguments; what it returns
(as text) becomes the tool message the model reads next.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import math
import numbers
import re
import reprlib
import sys
import traceback
import typing
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from finetune_contract.config_schema import ConfigError
from finetune_trainer.config import RewardSpec, ToolsSpec

ANSWER_TAG = re.compile(r"<answer>(.*?)</answer>", re.DOTALL)


class RewardError(RuntimeError):
    """A reward function raised, or returned something that is not a finite real scalar, on one record."""


@dataclasses.dataclass(frozen=True)
class Completion:
    """What a reward sees of one rollout."""

    prompt: Any  # the record's `prompt` value
    text: str  # the model's last turn
    tokens: int  # the model's own tokens, all turns together
    fields: Mapping[str, Any]  # the record's other fields


Score = Callable[[Completion], float]


@dataclasses.dataclass(frozen=True)
class Reward:
    name: str
    weight: float
    score: Score


def final_answer(text: str) -> str:
    """exact-match's reading of a completion: the last `<answer>...</answer>`, else the last line."""
    tagged = ANSWER_TAG.findall(text)
    if tagged:
        return str(tagged[-1]).strip()
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def exact_match(field: str) -> Score:
    def score(completion: Completion) -> float:
        if field not in completion.fields:
            raise RewardError(f"the record has no field {field!r} (exact-match reads it)")
        return 1.0 if final_answer(completion.text) == str(completion.fields[field]).strip() else 0.0

    return score


def format_match(pattern: re.Pattern[str]) -> Score:
    return lambda completion: 1.0 if pattern.fullmatch(completion.text) else 0.0


def length_penalty(max_completion_length: int) -> Score:
    return lambda completion: -completion.tokens / max_completion_length


def load_module(path: str, what: str) -> ModuleType:
    """Imports the Python file at `path`; any failure is a ConfigError naming the file and line."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{what}: {path} does not exist (or is not a file)")
    name = f"finetune_user_{abs(hash(str(file.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:
        raise ConfigError(f"{what}: {path} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    try:
        source = file.read_text(encoding="utf-8")
        code = compile(source, str(file), "exec")
    except SyntaxError as exc:
        raise ConfigError(f"{what}: {path}:{exc.lineno}: syntax error: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what}: cannot read {path}: {exc}") from exc
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)  # the job's own code, by design
    except Exception as exc:
        raise ConfigError(
            f"{what}: {path}:{_line_in(exc, file)}: importing it raised {_describe(exc)}"
        ) from exc
    return module


def _line_in(exc: BaseException, file: Path) -> int | str:
    """The line of `file` where `exc` was raised (the innermost frame in that file)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename) == file]
    return frames[-1].lineno or "?" if frames else "?"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _function(module: ModuleType, path: str, name: str, what: str) -> Callable[..., Any]:
    function = getattr(module, name, None)
    if function is None:
        raise ConfigError(f"{what}: {path} has no function {name!r}")
    if not callable(function):
        raise ConfigError(f"{what}: {path}: {name!r} is a {type(function).__name__}, not a function")
    return function


def _where(function: Callable[..., Any], path: str) -> str:
    code = getattr(function, "__code__", None)
    return f"{path}:{code.co_firstlineno}" if code is not None else path


def finite_real(value: Any) -> float:
    """`value` as a float if it is a finite real scalar; else a ValueError saying what it is.

    Array scalars (NumPy scalars and 0-d arrays, 0-d torch tensors: anything with `ndim` 0 and
    `item()`) are read through `item()`; bools count as 1 and 0 (TRL reads rewards with
    `torch.tensor`, which takes all of these). A multi-element array, a string, None, a complex
    number, NaN or infinity is not a reward.
    """
    ndim = getattr(value, "ndim", None)
    if isinstance(ndim, int) and callable(getattr(value, "item", None)):
        if ndim != 0:
            shape = tuple(getattr(value, "shape", ()))
            raise ValueError(f"a {type(value).__name__} of shape {shape}, not a scalar")
        value = value.item()
    if not isinstance(value, numbers.Real):
        raise ValueError(f"a {type(value).__name__}, not a real number")
    result = float(value)
    if not math.isfinite(result):
        raise ValueError("not finite")
    return result


def custom_reward(spec: RewardSpec, sample_fields: Mapping[str, Any]) -> Score:
    """`spec.function` from `spec.module`, checked against a record's fields; called per rollout."""
    assert spec.module is not None and spec.function is not None
    what = f"reward {spec.name!r}"
    function = _function(load_module(spec.module, what), spec.module, spec.function, what)
    try:
        inspect.signature(function).bind("prompt", "completion", **sample_fields)
    except TypeError as exc:
        raise ConfigError(
            f"{what}: {_where(function, spec.module)}: {spec.function} cannot be called as "
            f"{spec.function}(prompt, completion, **record_fields) with the record fields "
            f"{sorted(sample_fields)}: {exc}"
        ) from exc
    except ValueError:
        pass  # no introspectable signature (a builtin or C function): checked when called

    def score(completion: Completion) -> float:
        try:
            value = function(completion.prompt, completion.text, **completion.fields)
        except Exception as exc:
            raise RewardError(f"reward {spec.name!r} raised {_describe(exc)}") from exc
        try:
            return finite_real(value)
        except ValueError as exc:
            raise RewardError(
                f"reward {spec.name!r} returned {reprlib.repr(value)}: {exc}; a reward is a finite real "
                "scalar (int, float, bool, NumPy scalar, 0-d array or tensor)"
            ) from None

    return score


def load_rewards(
    specs: Sequence[RewardSpec], max_completion_length: int, sample_fields: Mapping[str, Any]
) -> tuple[Reward, ...]:
    """The job's weighted rewards; user code is imported and checked here (ConfigError if bad)."""
    rewards = []
    for spec in specs:
        if spec.builtin == "exact-match":
            assert spec.field is not None
            score = exact_match(spec.field)
        elif spec.builtin == "format":
            assert spec.pattern is not None
            try:
                score = format_match(re.compile(spec.pattern, re.DOTALL))
            except re.error as exc:
                raise ConfigError(
                    f"reward {spec.name!r}: pattern {spec.pattern!r} is invalid: {exc}"
                ) from exc
        elif spec.builtin == "length-penalty":
            score = length_penalty(max_completion_length)
        else:
            score = custom_reward(spec, sample_fields)
        rewards.append(Reward(spec.name, spec.weight, score))
    return tuple(rewards)


@dataclasses.dataclass(frozen=True)
class Toolbox:
    """The functions the model may call, by name, their JSON schemas, and the turn limit."""

    functions: Mapping[str, Callable[..., Any]]
    max_turns: int

    @property
    def schemas(self) -> list[dict[str, Any]]:
        """What `apply_chat_template(tools=...)` takes: one JSON schema per function."""
        return [tool_schema(function) for function in self.functions.values()]


JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array", dict: "object"}


def tool_schema(function: Callable[..., Any]) -> dict[str, Any]:
    """The function's JSON schema for the chat template: transformers' `get_json_schema` when the
    docstring documents every argument (Google style), else one from the signature, the type hints
    and the docstring's first paragraph, so that a plain `\"\"\"Add two numbers.\"\"\"` is enough."""
    from transformers.utils import get_json_schema

    try:
        return dict(get_json_schema(function))
    except Exception:  # transformers' parsing exceptions: describe it ourselves
        pass
    hints = typing.get_type_hints(function)
    properties: dict[str, Any] = {}
    required = []
    for name, parameter in inspect.signature(function).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        kind = JSON_TYPES.get(typing.get_origin(hints.get(name)) or hints.get(name))  # type: ignore[arg-type]
        properties[name] = {"type": kind} if kind else {}
        if parameter.default is parameter.empty:
            required.append(name)
    description = (inspect.getdoc(function) or function.__name__).split("\n\n")[0].strip()
    parameters = {"type": "object", "properties": properties, "required": required}
    return {
        "type": "function",
        "function": {"name": function.__name__, "description": description, "parameters": parameters},
    }


def load_tools(spec: ToolsSpec) -> Toolbox:
    """Imports the tool functions; each must take its arguments by keyword (JSON objects have names)."""
    what = "tools"
    module = load_module(spec.module, what)
    functions = {}
    for name in spec.functions:
        function = _function(module, spec.module, name, what)
        try:
            parameters = inspect.signature(function).parameters.values()
            tool_schema(function)
        except (TypeError, ValueError, NameError) as exc:
            raise ConfigError(
                f"{what}: {_where(function, spec.module)}: {name} cannot be described to the model: {exc}"
            ) from exc
        positional = [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.VAR_POSITIONAL)]
        if positional:
            raise ConfigError(
                f"{what}: {_where(function, spec.module)}: {name} takes {', '.join(positional)} by position "
                "only; a tool call passes its arguments by name"
            )
        functions[name] = function
    return Toolbox(functions, spec.max_turns)
