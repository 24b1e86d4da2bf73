"""``status.usage``: what a FineTuneJob's attempts used and what that is estimated to cost.

Written by the operator only (``usage.py`` computes it from what the backends observe); the
CRD's ``status.usage`` schema mirrors these models.
"""

from __future__ import annotations

from pydantic import Field

from finetune_operator.api.base import LenientApiModel


class AttemptUsage(LenientApiModel):
    """One attempt's machines: which, how many, and from when to when they ran it."""

    attempt: int
    instance_type: str | None = None
    instance_count: int | None = None
    start_time: str | None = None
    """When the attempt's first machine started it (hyperpod: its first pod started; sagemaker:
    TrainingStartTime)."""
    end_time: str | None = None
    """When its last machine stopped (hyperpod: its last trainer container finished; sagemaker:
    TrainingEndTime); None while the attempt runs."""
    wall_seconds: int | None = None
    """end_time - start_time, once the attempt is over: preempted, stalled and failed time included."""
    billable_seconds: int | None = None
    """sagemaker: BillableTimeInSeconds (per instance; less than the wall time with managed spot)."""
    spot_savings_percent: float | None = None
    """sagemaker with managed spot: 100 x (1 - billable / training time), as SageMaker reports them."""


class UsageStatus(LenientApiModel):
    """Totals over the job's finished attempts; the running attempt is in ``attempts`` with its
    start time and counts once it is over."""

    attempts: list[AttemptUsage] = Field(default_factory=list)
    wall_seconds: int = 0
    instance_hours: float = 0.0
    """Sum over finished attempts of wall time x instance count."""
    accelerator_hours: dict[str, float] = Field(default_factory=dict)
    """Instance-hours x the instance's accelerators, by kind: GPU, NeuronCore, or vCPU for CPU
    instances (the instance catalog's counts; a type it does not list has none)."""
    tokens_processed: int | None = None
    """Tokens the trainer trained on up to its last report (status.progress.tokensSeen)."""
    estimated_cost: float | None = None
    """Instance-hours (sagemaker: billable hours x instance count) x the operator config's price
    per instance-hour; None while an attempt's instance type has no price."""
    currency: str | None = None
    unpriced_instance_types: list[str] = Field(default_factory=list)
    """Instance types of finished attempts the price table has no price for."""
