"""The search and early stopping, with Optuna, rebuilt from the trials at every look.

Optuna keeps no state of its own here: no file, no database. Each decision builds an in-memory
study from the sweep's trials as its status and their FineTuneJobs record them (parameters,
state, objective, intermediate values; ``study.add_trial``) and asks it one question:

- the parameters of trial N come from a sampler seeded with (``spec.seed``, N) over a study of
  trials 0..N-1, so they are a pure function of the seed, the spec and the earlier trials: the
  same sweep replayed gives the same trials, and a restart that has lost nothing asks nothing
  again (trial N, once created, is read back from its FineTuneJob);
- whether a running trial stops early is the pruner's verdict on its intermediate values
  against the other trials'.

Intermediate values are the trainer's step reports as the sweep saw them, which are not every
step (reports are throttled, and the sweep may look less often): each trial's values are
carried forward to every step up to its last report (the value reported at or before the step),
so that the trials compare at the same steps, as Optuna's pruners require.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import optuna
from optuna.pruners import BasePruner, MedianPruner, SuccessiveHalvingPruner
from optuna.samplers import BaseSampler, GridSampler, RandomSampler, TPESampler
from optuna.study import StudyDirection
from optuna.trial import FrozenTrial, create_trial
from optuna.trial import TrialState as OptunaState

from finetune_operator.api.sweep import (
    Algorithm,
    Direction,
    EarlyStopping,
    EarlyStoppingAlgorithm,
    FineTuneSweepSpec,
    TrialState,
)
from finetune_operator.sweep.space import ParamValue, distributions, grid, grid_size

optuna.logging.set_verbosity(logging.WARNING)

OPTUNA_STATES = {
    TrialState.PENDING: OptunaState.RUNNING,
    TrialState.RUNNING: OptunaState.RUNNING,
    TrialState.SUCCEEDED: OptunaState.COMPLETE,
    TrialState.FAILED: OptunaState.FAIL,
    TrialState.STOPPED: OptunaState.PRUNED,
    TrialState.MISSING: OptunaState.FAIL,
}


@dataclass(frozen=True)
class TrialRecord:
    """One trial as the search sees it."""

    number: int
    params: dict[str, ParamValue]
    state: TrialState
    objective: float | None = None
    intermediate: tuple[tuple[int, float], ...] = ()
    """(step, value) as reported, by step."""


def tpe_startup_trials(max_trials: int) -> int:
    """Random trials before TPE models the results: a third of the sweep, 2 to 10 (Optuna's
    default of 10 would leave a sweep of 10 trials all random)."""
    return min(10, max(2, max_trials // 3))


def trial_seed(seed: int, number: int) -> int:
    """The sampler's seed for trial ``number``: a stable hash of (sweep seed, number)."""
    digest = hashlib.sha256(f"{seed}:{number}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def search_exhausted(spec: FineTuneSweepSpec, created: int) -> bool:
    """No trial is left to create: ``maxTrials`` are, or every grid point is."""
    limit = min(spec.max_trials, grid_size(spec)) if spec.algorithm == Algorithm.GRID else spec.max_trials
    return created >= limit


def next_params(
    spec: FineTuneSweepSpec, number: int, earlier: Sequence[TrialRecord]
) -> dict[str, ParamValue]:
    """Trial ``number``'s parameters: a pure function of the seed, the spec and ``earlier``."""
    sampler = _sampler(spec, number)
    study = _study(spec, sampler, None)
    for record in earlier:
        study.add_trial(
            _frozen(spec, record, grid_sampler=sampler if isinstance(sampler, GridSampler) else None)
        )
    trial = study.ask(distributions(spec))
    return {path: _plain(trial.params[path]) for path in (p.path for p in spec.parameters)}


def should_stop(spec: FineTuneSweepSpec, trial: TrialRecord, others: Sequence[TrialRecord]) -> bool:
    """The pruner's verdict on the running ``trial`` given the other trials (spec.earlyStopping)."""
    early = spec.early_stopping
    if early is None or not trial.intermediate:
        return False
    if trial.intermediate[-1][0] < early.warmup_steps:
        return False
    pruner = _pruner(early)
    study = _study(spec, RandomSampler(seed=0), pruner)
    if early.algorithm == EarlyStoppingAlgorithm.SUCCESSIVE_HALVING:
        return _halving_stops(study, pruner, spec, trial, others)
    for record in others:
        study.add_trial(_frozen(spec, record))
    study.add_trial(_frozen(spec, trial))
    frozen = study.get_trials(deepcopy=False)[-1]
    return bool(pruner.prune(study, frozen))


def _halving_stops(
    study: optuna.Study,
    pruner: BasePruner,
    spec: FineTuneSweepSpec,
    trial: TrialRecord,
    others: Sequence[TrialRecord],
) -> bool:
    """Successive halving records each trial's value when it reaches a rung, in the study; here the
    trials are replayed in number order, step by step, as they would have reported (the earlier
    trials first), and the verdict is the one for ``trial`` at its last step."""
    verdict = False
    for record in sorted([*others, trial], key=lambda r: r.number):
        study.add_trial(_frozen(spec, record, state=OptunaState.RUNNING, intermediate=False))
        trial_id = study.get_trials(deepcopy=False)[-1]._trial_id
        stopped = False
        for step, value in _filled(record.intermediate):
            study._storage.set_trial_intermediate_value(trial_id, step, value)
            if pruner.prune(study, study._storage.get_trial(trial_id)):
                stopped = True
                break
        if record.number == trial.number:
            verdict = stopped
    return verdict


def _sampler(spec: FineTuneSweepSpec, number: int) -> BaseSampler:
    if spec.algorithm == Algorithm.GRID:
        # One seed for every trial: it shuffles the grid (a grid point's id is its place in that
        # order), and the point picked next depends only on the points not yet visited.
        return GridSampler(grid(spec), seed=spec.seed)
    seed = trial_seed(spec.seed, number)
    if spec.algorithm == Algorithm.RANDOM:
        return RandomSampler(seed=seed)
    return TPESampler(seed=seed, n_startup_trials=tpe_startup_trials(spec.max_trials))


def _pruner(early: EarlyStopping) -> BasePruner:
    if early.algorithm == EarlyStoppingAlgorithm.MEDIAN:
        return MedianPruner(n_startup_trials=early.startup_trials, n_warmup_steps=early.warmup_steps)
    return SuccessiveHalvingPruner(
        min_resource=max(early.warmup_steps, 1), reduction_factor=early.reduction_factor
    )


def _study(spec: FineTuneSweepSpec, sampler: BaseSampler, pruner: BasePruner | None) -> optuna.Study:
    direction = (
        StudyDirection.MAXIMIZE if spec.objective.goal == Direction.MAXIMIZE else StudyDirection.MINIMIZE
    )
    return optuna.create_study(direction=direction, sampler=sampler, pruner=pruner)


def _frozen(
    spec: FineTuneSweepSpec,
    record: TrialRecord,
    state: OptunaState | None = None,
    intermediate: bool = True,
    grid_sampler: GridSampler | None = None,
) -> FrozenTrial:
    dists = distributions(spec)
    params = {path: value for path, value in record.params.items() if path in dists}
    if state is None:
        state = OPTUNA_STATES[record.state]
    if state == OptunaState.COMPLETE and record.objective is None:
        state = OptunaState.FAIL  # succeeded without reporting the objective: nothing to learn from
    system_attrs: dict[str, Any] = {}
    if grid_sampler is not None:
        # GridSampler knows the points it visited by these attributes of the study's trials (its
        # shuffled grid, _all_grids, is where a point's id comes from: tests/unit/test_sweep.py).
        point = tuple(params.get(name) for name in sorted(params))
        shuffled = grid_sampler._all_grids
        if len(params) == len(dists) and point in shuffled:
            system_attrs = {"grid_id": shuffled.index(point), "search_space": grid(spec)}
    return create_trial(
        state=state,
        value=record.objective if state == OptunaState.COMPLETE else None,
        params=params,
        distributions={path: dists[path] for path in params},
        system_attrs=system_attrs,
        intermediate_values=dict(_filled(record.intermediate)) if intermediate else None,
    )


def _filled(intermediate: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
    """Each step from the first report to the last, with the value last reported at or before it."""
    filled: list[tuple[int, float]] = []
    for index, (step, value) in enumerate(intermediate):
        end = intermediate[index + 1][0] if index + 1 < len(intermediate) else step + 1
        filled.extend((s, value) for s in range(step, end))
    return filled


def _plain(value: Any) -> ParamValue:
    """Optuna's values as JSON's: numpy scalars become Python numbers; floats keep 6 significant digits."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return float(f"{value:.6g}")
    return value
