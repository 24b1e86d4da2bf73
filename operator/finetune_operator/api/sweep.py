"""FineTuneSweep (finetune.dev/v1alpha1): a hyperparameter search over FineTuneJobs.

The CRD in ``crds/finetune.dev_finetunesweeps.yaml`` is the source of truth for the wire
format; ``tests/unit/test_sweep.py`` checks these models against it. A sweep's trials are
ordinary FineTuneJobs (``<sweep>-t<NNN>``) that it owns; the operator writes only its status
(docs/api.md, "FineTuneSweep").
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, StrictBool, StrictFloat, StrictInt, StrictStr

from finetune_operator.api.base import ApiModel, LenientApiModel
from finetune_operator.api.job import Condition
from finetune_operator.api.recipe import ObjectMeta

SWEEP_KIND = "FineTuneSweep"
SWEEP_PLURAL = "finetunesweeps"
MAX_TRIALS = 999
"""Trials are numbered with three digits (``<sweep>-t000`` ... ``-t998``)."""
MAX_SWEEP_NAME_LENGTH = 40
"""A trial's name is the sweep's and ``-tNNN``: a FineTuneJob's name has at most 45 characters."""
MAX_PARAMETERS = 16
MAX_CATEGORICAL_VALUES = 64
MAX_GRID_POINTS = 100
MAX_INTERMEDIATE_VALUES = 200
"""Intermediate objective values kept per trial in status (the newest; older ones are thinned)."""

CategoricalValue = StrictInt | StrictFloat | StrictBool | StrictStr


class ParameterType(StrEnum):
    FLOAT = "float"
    INT = "int"
    CATEGORICAL = "categorical"


class Scale(StrEnum):
    LINEAR = "linear"
    LOG = "log"


class Parameter(ApiModel):
    path: str = Field(
        description="A recipe.overrides dot-path (e.g. optimizer.learningRate), set in each trial."
    )
    type: ParameterType = Field(description="float, int or categorical.")
    min: float | None = Field(default=None, description="float and int: the smallest value.")
    max: float | None = Field(default=None, description="float and int: the largest value.")
    scale: Scale = Field(default=Scale.LINEAR, description="float and int: sample linearly or in log space.")
    values: list[CategoricalValue] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_CATEGORICAL_VALUES,
        description="categorical: the values to choose from.",
    )
    grid_points: int | None = Field(
        default=None,
        ge=2,
        le=MAX_GRID_POINTS,
        description="float, algorithm grid: evenly spaced points from min to max (log space for scale log).",
    )


class ObjectiveMetric(StrEnum):
    """What the trainer reports that a sweep can optimise (docs/api.md, "FineTuneSweep")."""

    EVAL_LOSS = "eval_loss"
    EVAL_REWARD = "eval_reward"
    TRAIN_LOSS = "train_loss"


class Direction(StrEnum):
    MINIMIZE = "minimize"
    MAXIMIZE = "maximize"


class Objective(ApiModel):
    metric: ObjectiveMetric = Field(description="eval_loss, eval_reward or train_loss.")
    direction: Direction | None = Field(
        default=None,
        description="minimize or maximize; default minimize for the losses, maximize for eval_reward.",
    )

    @property
    def goal(self) -> Direction:
        if self.direction is not None:
            return self.direction
        return Direction.MAXIMIZE if self.metric == ObjectiveMetric.EVAL_REWARD else Direction.MINIMIZE


class Algorithm(StrEnum):
    RANDOM = "random"
    GRID = "grid"
    TPE = "tpe"


class EarlyStoppingAlgorithm(StrEnum):
    MEDIAN = "median"
    SUCCESSIVE_HALVING = "successiveHalving"


class EarlyStopping(ApiModel):
    algorithm: EarlyStoppingAlgorithm = Field(description="median or successiveHalving.")
    startup_trials: int = Field(
        default=1,
        ge=0,
        le=100,
        description="median: trials that must have finished before any trial is stopped.",
    )
    warmup_steps: int = Field(
        default=0,
        ge=0,
        le=10_000_000,
        description=("No trial is stopped before this step (successiveHalving: its first rung, at least 1)."),
    )
    reduction_factor: int = Field(
        default=3, ge=2, le=10, description="successiveHalving: 1 in this many trials goes on at each rung."
    )


class TrialTemplate(ApiModel):
    metadata: dict[str, Any] = Field(
        default_factory=dict, description="labels and annotations copied to every trial."
    )
    spec: dict[str, Any] = Field(description="A FineTuneJob spec, in full; each trial adds its parameters.")


class FineTuneSweepSpec(ApiModel):
    template: TrialTemplate
    parameters: list[Parameter] = Field(min_length=1, max_length=MAX_PARAMETERS)
    objective: Objective
    algorithm: Algorithm = Algorithm.TPE
    seed: int = Field(default=0, ge=0, le=2**31 - 1)
    max_trials: int = Field(ge=1, le=MAX_TRIALS)
    max_parallel_trials: int = Field(default=1, ge=1, le=100)
    max_instance_hours: float | None = Field(default=None, gt=0, le=1e6)
    early_stopping: EarlyStopping | None = None
    suspend: bool = False


# --- status ------------------------------------------------------------------------------


class SweepPhase(StrEnum):
    PENDING = "Pending"
    RUNNING = "Running"
    SUSPENDED = "Suspended"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"

    @property
    def is_terminal(self) -> bool:
        return self in (SweepPhase.SUCCEEDED, SweepPhase.FAILED)


class TrialState(StrEnum):
    """A trial as the sweep sees its FineTuneJob."""

    PENDING = "Pending"
    RUNNING = "Running"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    STOPPED = "Stopped"
    """Stopped early by the sweep's pruner (its job's phase Stopped; checkpoints kept)."""
    MISSING = "Missing"
    """Its FineTuneJob was deleted by someone: counted, never created again."""

    @property
    def is_done(self) -> bool:
        return self not in (TrialState.PENDING, TrialState.RUNNING)


class IntermediateValue(LenientApiModel):
    step: int
    value: float


class TrialStatus(LenientApiModel):
    number: int
    name: str
    params: dict[str, Any]
    state: TrialState = TrialState.PENDING
    objective: float | None = None
    intermediate: list[IntermediateValue] = Field(default_factory=list)
    """The objective's intermediate values as the trial reported them (eval_loss: its periodic
    validation losses, at the steps they followed; train_loss: its training loss; eval_reward: its
    steps' mean reward), which early stopping compares."""
    instance_hours: float | None = None
    output_path: str | None = None
    reason: str | None = None
    message: str | None = None


class BestTrial(LenientApiModel):
    number: int
    name: str
    objective: float
    params: dict[str, Any]
    output_path: str | None = None


class FineTuneSweepStatus(LenientApiModel):
    phase: SweepPhase = SweepPhase.PENDING
    reason: str | None = None
    observed_generation: int | None = None
    conditions: list[Condition] = Field(default_factory=list)
    trials: list[TrialStatus] = Field(default_factory=list)
    trials_done: int = 0
    trials_running: int = 0
    best_trial: BestTrial | None = None
    instance_hours: float = 0.0
    start_time: str | None = None
    completion_time: str | None = None


class FineTuneSweep(LenientApiModel):
    api_version: str = "finetune.dev/v1alpha1"
    kind: str = SWEEP_KIND
    metadata: ObjectMeta
    spec: FineTuneSweepSpec
    status: FineTuneSweepStatus = Field(default_factory=FineTuneSweepStatus)
