"""A sweep's search space: its parameters checked against the override paths, and as Optuna
distributions.

A parameter names a ``recipe.overrides`` dot-path, so it is checked exactly as a job's override
is (``resolution.apply_overrides``): an unknown path gets the same "did you mean", a value of the
wrong type or outside the override's bounds the same message, at both ends of its range. The
CRD refuses unknown paths at admission already (its enum lists ``override_paths()``); the rest
needs the template's method and its overrides, which only the operator sees together.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from optuna.distributions import (
    BaseDistribution,
    CategoricalDistribution,
    FloatDistribution,
    IntDistribution,
)

from finetune_operator.admission import check_rules, parse_job
from finetune_operator.api.job import MAX_OVERRIDES, FineTuneJob, OverrideValue
from finetune_operator.api.recipe import RecipeConfig
from finetune_operator.api.sweep import (
    Algorithm,
    FineTuneSweep,
    FineTuneSweepSpec,
    Parameter,
    ParameterType,
    Scale,
)
from finetune_operator.errors import InvalidSpecError
from finetune_operator.resolution import apply_overrides

ParamValue = int | float | bool | str


def distribution(parameter: Parameter) -> BaseDistribution:
    """The parameter's Optuna distribution (its checks passed: ``check_parameters``)."""
    if parameter.type == ParameterType.CATEGORICAL:
        return CategoricalDistribution(list(parameter.values or []))
    low, high = _bounds(parameter)
    log = parameter.scale == Scale.LOG
    if parameter.type == ParameterType.INT:
        return IntDistribution(int(low), int(high), log=log)
    return FloatDistribution(low, high, log=log)


def distributions(spec: FineTuneSweepSpec) -> dict[str, BaseDistribution]:
    return {parameter.path: distribution(parameter) for parameter in spec.parameters}


def grid_values(parameter: Parameter) -> list[ParamValue]:
    """The values algorithm grid tries: a categorical's values, every integer of an int range
    (every power-of-two-ish point is the user's to list as a categorical), a float's
    ``gridPoints`` evenly spaced points (in log space for scale log)."""
    if parameter.type == ParameterType.CATEGORICAL:
        return list(parameter.values or [])
    low, high = _bounds(parameter)
    if parameter.type == ParameterType.INT:
        return list(range(int(low), int(high) + 1))
    points = parameter.grid_points or 2
    if parameter.scale == Scale.LOG:
        first, last = math.log(low), math.log(high)
        return [float(f"{math.exp(first + (last - first) * i / (points - 1)):.6g}") for i in range(points)]
    return [float(f"{low + (high - low) * i / (points - 1):.6g}") for i in range(points)]


def grid(spec: FineTuneSweepSpec) -> dict[str, list[ParamValue]]:
    """Algorithm grid's search space, by path."""
    return {parameter.path: grid_values(parameter) for parameter in spec.parameters}


def grid_size(spec: FineTuneSweepSpec) -> int:
    return math.prod(len(values) for values in grid(spec).values())


def grid_points(spec: FineTuneSweepSpec) -> list[dict[str, ParamValue]]:
    """Every point of the grid, in Optuna's GridSampler order (parameters sorted by path)."""
    space = grid(spec)
    names = sorted(space)
    return [dict(zip(names, point, strict=True)) for point in itertools.product(*(space[n] for n in names))]


def _bounds(parameter: Parameter) -> tuple[float, float]:
    assert parameter.min is not None and parameter.max is not None
    return parameter.min, parameter.max


def check_parameters(sweep: FineTuneSweep) -> FineTuneJob:
    """Every rule a sweep's parameters and template must meet that the CRD cannot check; returns
    the template as a job (named as the sweep's first trial). Raises InvalidSpecError naming the
    field to fix."""
    spec = sweep.spec
    template = dict(spec.template.spec)
    job = parse_job(
        {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneJob",
            "metadata": {"name": f"{sweep.metadata.name}-t000", "namespace": sweep.metadata.namespace},
            "spec": template,
        },
        source="spec.template",
    )
    check_rules(job)
    seen: set[str] = set()
    base = dict(job.spec.recipe.overrides)
    for index, parameter in enumerate(spec.parameters):
        where = f"spec.parameters[{index}] ({parameter.path})"
        if parameter.path in seen:
            raise InvalidSpecError(f"{where}: the path is swept twice")
        seen.add(parameter.path)
        _check_shape(where, parameter, spec.algorithm)
        for value in _range_ends(parameter):
            try:
                apply_overrides(RecipeConfig(), {**base, parameter.path: value}, job.spec.method)
            except InvalidSpecError as err:
                raise InvalidSpecError(f"{where}: {_as_parameter(str(err))}") from None
    if len(base.keys() | seen) > MAX_OVERRIDES:
        raise InvalidSpecError(
            f"spec.template.spec.recipe.overrides and spec.parameters together set more than "
            f"{MAX_OVERRIDES} paths"
        )
    return job


def _as_parameter(message: str) -> str:
    """An override's error as the parameter's: the path is named already."""
    return message.replace("spec.recipe.overrides: ", "").replace("spec.recipe.overrides", "override")


def _check_shape(where: str, parameter: Parameter, algorithm: Algorithm) -> None:
    """The per-type rules (the CRD's CEL rules say the same; ``render`` and unit tests meet no
    API server)."""
    if parameter.type == ParameterType.CATEGORICAL:
        if not parameter.values or parameter.min is not None or parameter.max is not None:
            raise InvalidSpecError(f"{where}: a categorical parameter takes values, not min and max")
        return
    if parameter.values is not None or parameter.min is None or parameter.max is None:
        raise InvalidSpecError(f"{where}: a {parameter.type.value} parameter takes min and max, not values")
    if parameter.min >= parameter.max:
        raise InvalidSpecError(f"{where}: min must be below max")
    if parameter.scale == Scale.LOG and parameter.min <= 0:
        raise InvalidSpecError(f"{where}: scale log needs min > 0")
    if parameter.type == ParameterType.INT and not (
        float(parameter.min).is_integer() and float(parameter.max).is_integer()
    ):
        raise InvalidSpecError(f"{where}: an int parameter's min and max are integers")
    if (
        algorithm == Algorithm.GRID
        and parameter.type == ParameterType.FLOAT
        and parameter.grid_points is None
    ):
        raise InvalidSpecError(f"{where}: algorithm grid needs gridPoints on a float parameter")


def _range_ends(parameter: Parameter) -> list[OverrideValue]:
    """The values that bound what the parameter can set: a range's two ends, every categorical value."""
    if parameter.type == ParameterType.CATEGORICAL:
        return list(parameter.values or [])
    low, high = _bounds(parameter)
    if parameter.type == ParameterType.INT:
        return [int(low), int(high)]
    return [float(low), float(high)]


def trial_overrides(template_overrides: dict[str, Any], params: dict[str, ParamValue]) -> dict[str, Any]:
    """A trial's ``recipe.overrides``: the template's, with the trial's parameters over them."""
    return {**template_overrides, **params}
