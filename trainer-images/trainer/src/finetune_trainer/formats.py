"""Reads JSONL data files record by record, keeping every bad record with its file and line.

The record shapes themselves are the contract's (`finetune_contract.formats`, which the operator's
SageMaker pre-flight parses with too): this module reads lines, decodes JSON and turns a
`RecordError` into a `BadRecord` with its place, so that the caller applies the error budget and no
record is ever dropped silently.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from finetune_contract.formats import Example, RecordError


@dataclasses.dataclass(frozen=True)
class BadRecord:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


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
