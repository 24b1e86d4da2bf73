"""Full request validation against botocore's own service model.

botocore's client-side validation checks required members, Python types and ``min``
only. SageMaker rejects the rest (``max`` lengths and values, patterns, enums, list and
map sizes) server-side, as a terse ``ValidationException`` after the operator has
already committed to an attempt. This module checks every constraint the service model
declares, for any operation of any service, so a bad spec becomes ``InvalidSpec`` with
the offending field named before anything is sent.

Service-model patterns are Java regular expressions; the few Java-only constructs they
use (``\\p{L}`` style classes, surrogate pairs, a quantified ``$``) are translated to
Python ``re`` syntax. Patterns are matched against the whole value, as the service does.
"""

from __future__ import annotations

import datetime
import functools
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape


@dataclass(frozen=True)
class RequestViolation:
    """One broken constraint: where (``InputDataConfig[0].ChannelName``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InvalidRequestError(ValueError):
    """A request that SageMaker would reject; carries every violation found."""

    def __init__(self, operation: str, violations: list[RequestViolation]) -> None:
        self.operation = operation
        self.violations = violations
        listed = "; ".join(str(violation) for violation in violations)
        super().__init__(f"invalid {operation} request: {listed}")


@functools.cache
def service_model(service_name: str) -> ServiceModel:
    """botocore's bundled model for ``service_name`` (loaded once per process)."""
    return botocore.session.get_session().get_service_model(service_name)


def validate_request(
    service_name: str, operation_name: str, params: Mapping[str, Any]
) -> list[RequestViolation]:
    """Every constraint of ``operation_name``'s input shape that ``params`` breaks."""
    input_shape = service_model(service_name).operation_model(operation_name).input_shape
    if input_shape is None:
        return [] if not params else [RequestViolation("", f"{operation_name} takes no parameters")]
    return list(_check(input_shape, params, ""))


def ensure_valid_request(service_name: str, operation_name: str, params: Mapping[str, Any]) -> None:
    """Raise :class:`InvalidRequestError` listing every violation, if there is any."""
    violations = validate_request(service_name, operation_name, params)
    if violations:
        raise InvalidRequestError(operation_name, violations)


def _join(parent: str, member: str) -> str:
    return f"{parent}.{member}" if parent else member


def _check(shape: Shape, value: Any, path: str) -> Iterator[RequestViolation]:
    type_name = shape.type_name
    if type_name == "structure":
        assert isinstance(shape, StructureShape)
        yield from _check_structure(shape, value, path)
    elif type_name == "list":
        assert isinstance(shape, ListShape)
        yield from _check_list(shape, value, path)
    elif type_name == "map":
        assert isinstance(shape, MapShape)
        yield from _check_map(shape, value, path)
    elif type_name == "string":
        yield from _check_string(shape, value, path)
    elif type_name in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            yield RequestViolation(path, f"must be an integer, got {type(value).__name__}")
        else:
            yield from _check_range(shape, value, path)
    elif type_name in ("float", "double"):
        if not isinstance(value, int | float) or isinstance(value, bool):
            yield RequestViolation(path, f"must be a number, got {type(value).__name__}")
        else:
            yield from _check_range(shape, value, path)
    elif type_name == "boolean":
        if not isinstance(value, bool):
            yield RequestViolation(path, f"must be a boolean, got {type(value).__name__}")
    elif type_name == "timestamp":
        if not isinstance(value, datetime.datetime | str | int | float) or isinstance(value, bool):
            yield RequestViolation(path, f"must be a timestamp, got {type(value).__name__}")
    elif type_name == "blob":
        if not isinstance(value, bytes | bytearray | str):
            yield RequestViolation(path, f"must be bytes, got {type(value).__name__}")
    else:  # a new botocore shape type: refuse to claim the value is valid
        yield RequestViolation(path, f"cannot validate service-model type {type_name!r}")


def _check_structure(shape: StructureShape, value: Any, path: str) -> Iterator[RequestViolation]:
    if not isinstance(value, Mapping):
        yield RequestViolation(path, f"must be an object, got {type(value).__name__}")
        return
    for required in shape.required_members:
        if required not in value:
            yield RequestViolation(_join(path, required), "is required")
    members = shape.members
    for key, member_value in value.items():
        if key not in members:
            yield RequestViolation(_join(path, key), f"is not a field of {shape.name}")
            continue
        yield from _check(members[key], member_value, _join(path, key))


def _check_list(shape: ListShape, value: Any, path: str) -> Iterator[RequestViolation]:
    if not isinstance(value, list | tuple):
        yield RequestViolation(path, f"must be a list, got {type(value).__name__}")
        return
    yield from _check_size(shape, len(value), path, "items")
    for index, item in enumerate(value):
        yield from _check(shape.member, item, f"{path}[{index}]")


def _check_map(shape: MapShape, value: Any, path: str) -> Iterator[RequestViolation]:
    if not isinstance(value, Mapping):
        yield RequestViolation(path, f"must be an object, got {type(value).__name__}")
        return
    yield from _check_size(shape, len(value), path, "entries")
    for key, item in value.items():
        key_path = _join(path, _shorten(str(key), 40))
        for violation in _check(shape.key, key, key_path):
            yield RequestViolation(violation.path, f"key {violation.message}")
        yield from _check(shape.value, item, key_path)


def _check_size(shape: Shape, size: int, path: str, noun: str) -> Iterator[RequestViolation]:
    minimum = shape.metadata.get("min")
    maximum = shape.metadata.get("max")
    if minimum is not None and size < minimum:
        yield RequestViolation(path, f"has {size} {noun}, needs at least {minimum}")
    if maximum is not None and size > maximum:
        yield RequestViolation(path, f"has {size} {noun}, allows at most {maximum}")


def _check_string(shape: Shape, value: Any, path: str) -> Iterator[RequestViolation]:
    if not isinstance(value, str):
        yield RequestViolation(path, f"must be a string, got {type(value).__name__}")
        return
    length = len(value)
    minimum = shape.metadata.get("min")
    maximum = shape.metadata.get("max")
    if minimum is not None and length < minimum:
        yield RequestViolation(path, f"is {length} characters long, needs at least {minimum}")
    if maximum is not None and length > maximum:
        yield RequestViolation(path, f"is {length} characters long, allows at most {maximum}")
    enum = shape.enum
    if enum and value not in enum:
        yield RequestViolation(path, f"{value!r} is not one of {', '.join(enum)}")
    pattern = shape.metadata.get("pattern")
    if pattern is not None and compile_service_pattern(pattern).fullmatch(value) is None:
        yield RequestViolation(path, f"{_shorten(value)!r} does not match the pattern {pattern}")


def _check_range(shape: Shape, value: float, path: str) -> Iterator[RequestViolation]:
    minimum = shape.metadata.get("min")
    maximum = shape.metadata.get("max")
    if minimum is not None and value < minimum:
        yield RequestViolation(path, f"is {value}, needs at least {minimum}")
    if maximum is not None and value > maximum:
        yield RequestViolation(path, f"is {value}, allows at most {maximum}")


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 3] + "..."


# --- Java pattern translation -------------------------------------------------------------

_JAVA_CLASS = re.compile(r"\\p\{(\w+)\}")
_SURROGATE_PAIR = re.compile(r"\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", re.IGNORECASE)
_QUANTIFIED_END_ANCHOR = re.compile(r"(?<!\\)\$\{\d+(?:,\d*)?\}")
_POSIX_CLASSES = {
    "Alnum": "a-zA-Z0-9",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Upper": "A-Z",
    "Lower": "a-z",
    "Punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "Space": r" \t\n\x0b\f\r",
}


@functools.cache
def compile_service_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a service-model (Java) pattern for Python's ``re``."""
    return re.compile(_translate_java_pattern(pattern))


def _translate_java_pattern(pattern: str) -> str:
    # A Java pattern may repeat the end anchor ("...${1,256}"); repeating a zero-width
    # assertion is the assertion itself, and Python refuses the quantifier.
    pattern = _QUANTIFIED_END_ANCHOR.sub("$", pattern)
    # Java writes astral code points as UTF-16 surrogate pairs; Python needs \U escapes.
    pattern = _SURROGATE_PAIR.sub(_combine_surrogates, pattern)
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            match = _JAVA_CLASS.match(pattern, index)
            if match:
                ranges = _class_ranges(match.group(1))
                out.append(ranges if in_class else f"[{ranges}]")
                index = match.end()
                continue
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _combine_surrogates(match: re.Match[str]) -> str:
    high = int(match.group(1), 16)
    low = int(match.group(2), 16)
    code_point = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return f"\\U{code_point:08X}"


def _class_ranges(name: str) -> str:
    """Character-class body for ``\\p{name}``: a POSIX class or a Unicode category group."""
    if name in _POSIX_CLASSES:
        return _POSIX_CLASSES[name]
    if len(name) in (1, 2) and name[0].isupper():
        return _unicode_category_ranges(name)
    raise ValueError(f"unsupported Java character class \\p{{{name}}} in a service-model pattern")


def _unicode_category_ranges(category_prefix: str) -> str:
    """All code points whose Unicode category starts with ``category_prefix``, as ranges."""
    ranges = _unicode_ranges_by_category().get(category_prefix)
    if ranges is None:
        raise ValueError(f"no Unicode category starts with {category_prefix!r}")
    return "".join(
        _escape_code_point(start)
        if start == end
        else f"{_escape_code_point(start)}-{_escape_code_point(end)}"
        for start, end in ranges
    )


@functools.cache
def _unicode_ranges_by_category() -> dict[str, list[tuple[int, int]]]:
    """Code-point ranges per Unicode category and per major category (one pass, once)."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for code_point in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code_point))
        for key in (category, category[0]):
            spans = ranges.setdefault(key, [])
            if spans and spans[-1][1] == code_point - 1:
                spans[-1] = (spans[-1][0], code_point)
            else:
                spans.append((code_point, code_point))
    return ranges


def _escape_code_point(code_point: int) -> str:
    return f"\\U{code_point:08X}"
