"""Loads the configured sources into tokenized examples, applying the bad-record budget.

Every record that cannot be used is reported with file, line and reason. The error budget
(`data.errorBudget`, a fraction of all records read) decides whether the run skips them or fails;
a budget of 0 fails on the first bad record, so nothing is ever dropped without a word.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from finetune_contract.formats import Example, RecordError, record_parser
from finetune_contract.methods import DataFormat
from finetune_trainer.config import DataSpec
from finetune_trainer.encoding import TokenizedPair, TokenizedPrompt, TokenizedSequence
from finetune_trainer.formats import BadRecord, read_jsonl
from finetune_trainer.mixture import validation_holdout

log = logging.getLogger(__name__)

Encoded = TokenizedSequence | TokenizedPair | TokenizedPrompt
# Turns a parsed example into tokens, or raises RecordError (e.g. nothing left after truncation).
Encoder = Callable[[Example], Encoded]

REPORTED_INDIVIDUALLY = 20


class DataError(RuntimeError):
    """The data cannot be trained on: too many bad records, or nothing left to train on (exit code 2)."""


@dataclasses.dataclass(frozen=True)
class LoadedData:
    train_sources: tuple[tuple[Encoded, ...], ...]
    weights: tuple[float, ...]
    validation: tuple[Encoded, ...]
    bad_records: tuple[BadRecord, ...]
    records_read: int


def _read_source(
    path: Path, display: str, data_format: DataFormat, preference: bool, encode: Encoder
) -> tuple[list[Encoded], list[BadRecord]]:
    parse = record_parser(data_format, preference)
    good: list[Encoded] = []
    bad: list[BadRecord] = []
    for line, item in read_jsonl(path, display, parse):
        if isinstance(item, BadRecord):
            bad.append(item)
            continue
        try:
            encoded = encode(item)
            if isinstance(encoded, TokenizedPrompt):
                encoded = dataclasses.replace(encoded, where=f"{display}:{line}")
            good.append(encoded)
        except RecordError as exc:
            bad.append(BadRecord(display, line, str(exc)))
    return good, bad


def check_error_budget(bad: Sequence[BadRecord], records_read: int, budget: float) -> None:
    """Raises DataError when the bad fraction exceeds the budget; the message lists the first offenders."""
    if not bad:
        return
    fraction = len(bad) / max(records_read, 1)
    if fraction <= budget:
        return
    shown = "\n".join(f"  {record}" for record in bad[:REPORTED_INDIVIDUALLY])
    more = f"\n  ... and {len(bad) - REPORTED_INDIVIDUALLY} more" if len(bad) > REPORTED_INDIVIDUALLY else ""
    raise DataError(
        f"{len(bad)} of {records_read} records are bad ({fraction:.2%}), over data.errorBudget "
        f"({budget:.2%}):\n{shown}{more}"
    )


def load_data(
    spec: DataSpec,
    *,
    preference: bool,
    seed: int,
    encode: Encoder,
    localize: Callable[[str], Path],
) -> LoadedData:
    """Reads every train source and the validation source, and holds out the validation split."""
    sources: list[tuple[Encoded, ...]] = []
    validation: list[Encoded] = []
    bad: list[BadRecord] = []
    records_read = 0
    for index, source in enumerate(spec.train):
        good, source_bad = _read_source(localize(source.path), source.path, spec.format, preference, encode)
        records_read += len(good) + len(source_bad)
        bad.extend(source_bad)
        held_out = (
            set() if spec.validation else validation_holdout(len(good), spec.validation_split, seed, index)
        )
        sources.append(tuple(e for i, e in enumerate(good) if i not in held_out))
        validation.extend(e for i, e in enumerate(good) if i in held_out)
    if spec.validation:
        good, source_bad = _read_source(
            localize(spec.validation), spec.validation, spec.format, preference, encode
        )
        records_read += len(good) + len(source_bad)
        bad.extend(source_bad)
        validation = good
    for record in bad[:REPORTED_INDIVIDUALLY]:
        log.warning("bad record %s", record)
    if len(bad) > REPORTED_INDIVIDUALLY:
        log.warning("... %d more bad records", len(bad) - REPORTED_INDIVIDUALLY)
    check_error_budget(bad, records_read, spec.error_budget)
    if bad:
        log.warning(
            "skipping %d bad records (within data.errorBudget %.2f%%)", len(bad), spec.error_budget * 100
        )
    empty = [s.path for s, examples in zip(spec.train, sources, strict=True) if not examples and s.weight > 0]
    if empty:
        raise DataError(f"no usable training examples in {', '.join(empty)}")
    return LoadedData(
        train_sources=tuple(sources),
        weights=tuple(s.weight for s in spec.train),
        validation=tuple(validation),
        bad_records=tuple(bad),
        records_read=records_read,
    )


def load_held_out(
    path: Path, display: str, data_format: DataFormat, preference: bool, encode: Encoder, budget: float
) -> tuple[Encoded, ...]:
    """One held-out source (the final evaluation's own set), under the same error budget as training."""
    good, bad = _read_source(path, display, data_format, preference, encode)
    check_error_budget(bad, len(good) + len(bad), budget)
    if not good:
        raise DataError(f"no usable examples in {display}")
    return tuple(good)
