"""A job's usage and estimated cost (``status.usage``), as pure functions of what was observed.

A backend reports when an attempt's machines started and stopped (:class:`ObservedUsage`:
hyperpod from its pods' start and end times, sagemaker from DescribeTrainingJob); the reconciler
passes that here with the job's status and the operator config's price table, and writes what
comes back. Nothing here reads a clock or an API.

Totals count finished attempts only, so that status changes when an attempt starts or ends and
not on every look (each change is a status write). A finished attempt counts from its first
machine's start to its last machine's end, whatever happened in between: time a hung trainer
held its nodes, or an attempt lost to preemption, is what the user wants to see it cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict, Field

from finetune_operator.api.usage import AttemptUsage, UsageStatus
from finetune_operator.instances import INSTANCE_SHAPES, AcceleratorFamily

SECONDS_PER_HOUR = 3600.0

ACCELERATOR_KINDS = {
    AcceleratorFamily.CUDA: "GPU",
    AcceleratorFamily.NEURON: "NeuronCore",
    AcceleratorFamily.CPU: "vCPU",
}
"""What accelerator-hours count on each family's instances."""

UNKNOWN_INSTANCE_TYPE = "unknown"
"""In ``unpricedInstanceTypes``: an attempt whose instance type was not recorded (submitted by an
operator that did not record usage)."""


class InstancePrice(BaseModel):
    """One instance type's price per instance-hour, and where it was read."""

    model_config = ConfigDict(extra="forbid")

    per_hour: float = Field(ge=0, description="Price of one instance-hour, in the table's currency.")
    source: str = Field(min_length=1, description="Where the price was read (a URL or a contract).")
    as_of: date = Field(description="When the price was read there (YYYY-MM-DD).")


class PriceTable(BaseModel):
    """Prices per instance-hour by instance type, for ``status.usage.estimatedCost``."""

    model_config = ConfigDict(extra="forbid")

    currency: str = Field(default="USD", min_length=1, description="Currency of every price in the table.")
    region: str | None = Field(default=None, description="AWS region the prices are for (documentation).")
    instance_hour: dict[str, InstancePrice] = Field(
        default_factory=dict,
        description=(
            "Price per instance-hour by instance type (e.g. ml.g5.xlarge); a job on a type not listed "
            "shows usage but no estimated cost."
        ),
    )


@dataclass(frozen=True)
class ObservedUsage:
    """What a backend saw of one attempt's machines."""

    started_at: datetime | None = None
    """When the first machine started the attempt; None until one has."""
    ended_at: datetime | None = None
    """When the last machine stopped; None while one runs."""
    instance_type: str | None = None
    """The backend's own account of the machines (sagemaker: ResourceConfig), when it has one."""
    instance_count: int | None = None
    billable_seconds: int | None = None
    spot_savings_percent: float | None = None


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def attempt_submitted(
    usage: UsageStatus | None, attempt: int, instance_type: str, instance_count: int, prices: PriceTable
) -> UsageStatus:
    """``usage`` with an entry for the just-submitted ``attempt`` on its machines."""
    entries = [entry for entry in (usage.attempts if usage else []) if entry.attempt != attempt]
    entries.append(AttemptUsage(attempt=attempt, instance_type=instance_type, instance_count=instance_count))
    return _totals(entries, usage.tokens_processed if usage else None, prices)


def attempt_observed(
    usage: UsageStatus | None,
    attempt: int,
    observed: ObservedUsage | None,
    over: bool,
    tokens_seen: int | None,
    prices: PriceTable,
    now: datetime,
) -> UsageStatus:
    """``usage`` after a look at ``attempt``: its times as observed, closed (at its observed end,
    else ``now``) when ``over``; every earlier attempt still open is closed at ``now`` too (the
    job has moved on from it). The start only ever moves earlier: a pod that restarted within
    the attempt does not hide the time its predecessor ran."""
    entries = {entry.attempt: entry for entry in (usage.attempts if usage else [])}
    entry = entries.get(attempt) or AttemptUsage(attempt=attempt)
    update: dict[str, object] = {}
    if observed is not None:
        if observed.started_at is not None:
            recorded = parse_time(entry.start_time) if entry.start_time else None
            earliest = min(filter(None, (recorded, observed.started_at)))
            update["start_time"] = format_time(earliest)
        if observed.ended_at is not None and over:
            update["end_time"] = format_time(observed.ended_at)
        for field in ("instance_type", "instance_count", "billable_seconds", "spot_savings_percent"):
            value = getattr(observed, field)
            if value is not None:
                update[field] = value
    entries[attempt] = entry.model_copy(update=update)
    for number, open_entry in entries.items():
        if (number < attempt or (number == attempt and over)) and open_entry.wall_seconds is None:
            entries[number] = _closed(open_entry, now)
    tokens = max(filter(None, (usage.tokens_processed if usage else None, tokens_seen)), default=None)
    return _totals(sorted(entries.values(), key=lambda e: e.attempt), tokens, prices)


def all_closed(usage: UsageStatus | None, now: datetime, prices: PriceTable) -> UsageStatus | None:
    """``usage`` with every open attempt closed at ``now``: the job is over."""
    if usage is None:
        return None
    entries = [entry if entry.wall_seconds is not None else _closed(entry, now) for entry in usage.attempts]
    return _totals(entries, usage.tokens_processed, prices)


def _closed(entry: AttemptUsage, now: datetime) -> AttemptUsage:
    """The attempt is over: it ends at its observed end, else ``now``; one that never started used
    nothing."""
    if entry.start_time is None:
        return entry.model_copy(update={"wall_seconds": 0})
    start = parse_time(entry.start_time)
    end = parse_time(entry.end_time) if entry.end_time else max(now, start)
    return entry.model_copy(
        update={"end_time": format_time(end), "wall_seconds": max(0, round((end - start).total_seconds()))}
    )


def accelerators_per_instance(instance_type: str) -> tuple[str, int] | None:
    """(kind, count) of the accelerators accelerator-hours count on ``instance_type``; None for a
    type the catalog does not list."""
    shape = INSTANCE_SHAPES.get(instance_type)
    if shape is None:
        return None
    count = {
        AcceleratorFamily.CUDA: shape.gpus,
        AcceleratorFamily.NEURON: shape.neuron_cores,
        AcceleratorFamily.CPU: shape.vcpus,
    }[shape.family]
    return ACCELERATOR_KINDS[shape.family], count


def _totals(entries: list[AttemptUsage], tokens: int | None, prices: PriceTable) -> UsageStatus:
    wall = 0
    instance_hours = 0.0
    accelerator_hours: dict[str, float] = {}
    cost = 0.0
    unpriced: set[str] = set()
    for entry in entries:
        if entry.wall_seconds is None:
            continue  # still running: counted once it is over
        wall += entry.wall_seconds
        count = entry.instance_count or 1
        hours = entry.wall_seconds * count / SECONDS_PER_HOUR
        instance_hours += hours
        if entry.instance_type is None:
            if entry.wall_seconds:
                unpriced.add(UNKNOWN_INSTANCE_TYPE)
            continue
        accelerators = accelerators_per_instance(entry.instance_type)
        if accelerators is not None:
            kind, per_instance = accelerators
            accelerator_hours[kind] = accelerator_hours.get(kind, 0.0) + hours * per_instance
        price = prices.instance_hour.get(entry.instance_type)
        if price is None:
            if entry.wall_seconds:
                unpriced.add(entry.instance_type)
            continue
        billed_hours = (
            entry.billable_seconds * count / SECONDS_PER_HOUR if entry.billable_seconds is not None else hours
        )
        cost += billed_hours * price.per_hour
    # A cost only once some attempt is over, and only a whole one: a sum without an unpriced
    # attempt would look like the job's cost and be less.
    priced = not unpriced and any(entry.wall_seconds is not None for entry in entries)
    return UsageStatus(
        attempts=entries,
        wall_seconds=wall,
        instance_hours=round(instance_hours, 4),
        accelerator_hours={kind: round(hours, 4) for kind, hours in sorted(accelerator_hours.items())},
        tokens_processed=tokens,
        estimated_cost=round(cost, 2) if priced else None,
        currency=prices.currency if priced else None,
        unpriced_instance_types=sorted(unpriced),
    )
