"""FineTuneSweep: the search space, the checks of its parameters, determinism under a seed,
early stopping, the budget, the best trial, and the loop against a fake API server (restart
safety: no trial is created twice)."""

from __future__ import annotations

import asyncio
import copy
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from tests.fake_kube import FakeKube

from finetune_operator.api.job import FineTuneJob, Phase
from finetune_operator.api.sweep import FineTuneSweep, TrialState
from finetune_operator.attempt import STOP_ANNOTATION, AttemptState, JobEvent, Observation
from finetune_operator.errors import InvalidSpecError
from finetune_operator.plugin.flags import UsageError
from finetune_operator.plugin.main import main as plugin_main
from finetune_operator.plugin.sweep import parse_param, render_sweep_list, render_sweep_status
from finetune_operator.resolution import override_paths
from finetune_operator.statemachine import StopAttempt, decide
from finetune_operator.sweep.controller import SweepController
from finetune_operator.sweep.plan import decide_sweep
from finetune_operator.sweep.search import TrialRecord, next_params, should_stop
from finetune_operator.sweep.space import check_parameters, distribution, grid_points, grid_values
from finetune_operator.sweep.trials import TrialView, trial_manifest, trial_number, view_trial

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
NAMESPACE = "team-a"
SWEEPS = f"/apis/finetune.dev/v1alpha1/namespaces/{NAMESPACE}/finetunesweeps"
JOBS = f"/apis/finetune.dev/v1alpha1/namespaces/{NAMESPACE}/finetunejobs"
LR = "optimizer.learningRate"
BATCH = "training.microBatchSize"


def sweep_document(**spec: Any) -> dict[str, Any]:
    return {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneSweep",
        "metadata": {"name": "lr", "namespace": NAMESPACE, "uid": "sweep-uid", "generation": 1},
        "spec": {
            "template": {
                "spec": {
                    "model": {"name": "tiny-llama"},
                    "method": "lora",
                    "data": {
                        "train": {"path": f"/fsx/data/{NAMESPACE}/train.jsonl"},
                        "validation": {"path": f"/fsx/data/{NAMESPACE}/validation.jsonl"},
                    },
                    "recipe": {"overrides": {"training.maxSteps": 6}},
                }
            },
            "parameters": [{"path": LR, "type": "float", "min": 1e-5, "max": 1e-1, "scale": "log"}],
            "objective": {"metric": "eval_loss"},
            "maxTrials": 4,
            "maxParallelTrials": 2,
            **spec,
        },
    }


def sweep_of(**spec: Any) -> FineTuneSweep:
    return FineTuneSweep.model_validate(sweep_document(**spec))


def view(number: int, state: TrialState, lr: float, **fields: Any) -> TrialView:
    return TrialView(
        number=number, name=f"lr-t{number:03d}", params={LR: lr}, state=state, owned=True, **fields
    )


# --- the API ---------------------------------------------------------------------------------


def test_the_crd_admits_exactly_the_override_paths() -> None:
    """A typo in a parameter's path is refused at admission: the CRD's enum is override_paths().
    (tests/unit/test_crd_schema.py compares the rest of the CRD with the models.)"""
    crd = yaml.safe_load((REPO / "crds" / "finetune.dev_finetunesweeps.yaml").read_text())
    (version,) = crd["spec"]["versions"]
    schema = version["schema"]["openAPIV3Schema"]
    path = schema["properties"]["spec"]["properties"]["parameters"]["items"]["properties"]["path"]
    assert path["enum"] == sorted(override_paths())


# --- the search space ------------------------------------------------------------------------


def test_each_parameter_type_has_its_distribution() -> None:
    spec = sweep_of(
        parameters=[
            {"path": LR, "type": "float", "min": 1e-7, "max": 1e-5, "scale": "log"},
            {"path": BATCH, "type": "int", "min": 1, "max": 4},
            {"path": "optimizer.scheduler", "type": "categorical", "values": ["cosine", "linear"]},
        ]
    ).spec
    lr, batch, scheduler = (distribution(p) for p in spec.parameters)
    assert lr == FloatDistribution(1e-7, 1e-5, log=True)
    assert batch == IntDistribution(1, 4)
    assert scheduler == CategoricalDistribution(["cosine", "linear"])
    assert grid_values(spec.parameters[1]) == [1, 2, 3, 4]


def test_a_log_float_grid_is_evenly_spaced_in_log_space() -> None:
    spec = sweep_of(
        algorithm="grid",
        parameters=[{"path": LR, "type": "float", "min": 1e-6, "max": 1e-2, "scale": "log", "gridPoints": 5}],
    ).spec
    assert grid_values(spec.parameters[0]) == [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]


@pytest.mark.parametrize(
    ("parameter", "message"),
    [
        (
            {"path": "optimizer.learningRat", "type": "float", "min": 0.1, "max": 0.2},
            "unknown path `optimizer.learningRat`; did you mean `optimizer.learningRate`",
        ),
        ({"path": BATCH, "type": "float", "min": 1.0, "max": 4.5}, "expected integer, got 1.0"),
        ({"path": LR, "type": "float", "min": 0.1, "max": 2.0}, "optimizer.learningRate"),
        ({"path": "dpo.beta", "type": "float", "min": 0.1, "max": 0.2}, "dpo.* applies only to methods dpo"),
        ({"path": LR, "type": "categorical", "values": [0.1], "min": 0.1}, "takes values, not min and max"),
        ({"path": LR, "type": "float", "min": 0.2, "max": 0.1}, "min must be below max"),
        ({"path": LR, "type": "float", "min": 0.0, "max": 0.1, "scale": "log"}, "scale log needs min > 0"),
        ({"path": "lora.rank", "type": "categorical", "values": [8, "sixteen"]}, "expected integer"),
    ],
)
def test_a_bad_parameter_is_refused_naming_it(parameter: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidSpecError) as err:
        check_parameters(sweep_of(parameters=[parameter]))
    assert f"spec.parameters[0] ({parameter['path']})" in str(err.value)
    assert message in str(err.value)


def test_a_grid_float_needs_its_points_and_a_bad_template_fails() -> None:
    with pytest.raises(InvalidSpecError, match="algorithm grid needs gridPoints"):
        check_parameters(sweep_of(algorithm="grid"))
    document = sweep_document()
    del document["spec"]["template"]["spec"]["data"]["train"]
    with pytest.raises(InvalidSpecError, match=r"spec\.data\.train or spec\.data\.mixture"):
        check_parameters(FineTuneSweep.model_validate(document))


def test_an_invalid_sweep_fails_with_a_condition_and_one_event() -> None:
    plan = decide_sweep(sweep_of(parameters=[{"path": LR, "type": "float", "min": 0.1, "max": 5.0}]), [], NOW)
    assert plan.status.phase == "Failed" and plan.status.reason == "InvalidSpec"
    assert not plan.creates
    (failed,) = [c for c in plan.status.conditions if c.type == "Failed"]
    assert "spec.parameters[0] (optimizer.learningRate)" in failed.message
    assert [e.reason for e in plan.events] == ["InvalidSpec"]


# --- determinism -----------------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["tpe", "random", "grid"])
def test_the_same_seed_spec_and_results_give_the_same_trials(algorithm: str) -> None:
    spec = sweep_of(
        algorithm=algorithm,
        maxTrials=6,
        parameters=[
            {"path": LR, "type": "float", "min": 1e-5, "max": 1e-1, "scale": "log", "gridPoints": 4},
            {"path": BATCH, "type": "int", "min": 1, "max": 4},
        ],
    ).spec
    earlier = [
        TrialRecord(0, next_params(spec, 0, []), TrialState.SUCCEEDED, objective=2.0),
    ]
    earlier.append(TrialRecord(1, next_params(spec, 1, earlier), TrialState.FAILED))
    assert next_params(spec, 2, earlier) == next_params(spec, 2, list(earlier))
    other_seed = spec.model_copy(update={"seed": 7})
    assert next_params(spec, 0, []) != next_params(other_seed, 0, [])
    for params in (r.params for r in earlier):
        assert 1e-5 <= params[LR] <= 1e-1 and params[BATCH] in (1, 2, 3, 4)


def test_a_grid_visits_every_point_once_and_then_ends() -> None:
    sweep = sweep_of(
        algorithm="grid",
        maxTrials=10,
        maxParallelTrials=3,
        parameters=[{"path": LR, "type": "categorical", "values": [0.1, 0.01, 0.001]}],
    )
    plan = decide_sweep(sweep, [], NOW)
    assert sorted(t.params[LR] for t in plan.status.trials) == [0.001, 0.01, 0.1]
    done = [
        view(t.number, TrialState.SUCCEEDED, t.params[LR], objective=1.0 + t.number)
        for t in plan.status.trials
    ]
    finished = decide_sweep(sweep.model_copy(update={"status": plan.status}), done, NOW)
    assert not finished.creates
    assert finished.status.phase == "Succeeded" and finished.status.reason == "Completed"
    assert finished.status.best_trial is not None and finished.status.best_trial.name == "lr-t000"
    assert {tuple(p.items()) for p in grid_points(sweep.spec)} == {((LR, v),) for v in (0.1, 0.01, 0.001)}


def test_trial_names_are_the_sweeps_and_a_number() -> None:
    assert trial_number("lr", "lr-t007") == 7
    assert trial_number("lr", "lr-t07") is None
    assert trial_number("lr", "lrx-t007") is None


# --- early stopping --------------------------------------------------------------------------


def losses(start: float, end: float, steps: int = 6) -> tuple[tuple[int, float], ...]:
    return tuple((s, start + (end - start) * (s - 1) / (steps - 1)) for s in range(1, steps + 1))


def test_median_stops_a_trial_behind_the_finished_ones_and_spares_a_good_one() -> None:
    spec = sweep_of(earlyStopping={"algorithm": "median", "warmupSteps": 2}).spec
    finished = [
        TrialRecord(0, {LR: 0.01}, TrialState.SUCCEEDED, 2.0, losses(7.0, 3.0)),
        TrialRecord(1, {LR: 0.02}, TrialState.SUCCEEDED, 2.5, losses(7.0, 3.5)),
    ]
    bad = TrialRecord(2, {LR: 1e-5}, TrialState.RUNNING, None, ((1, 7.0), (3, 6.99)))
    good = TrialRecord(3, {LR: 0.015}, TrialState.RUNNING, None, ((1, 7.0), (3, 4.0)))
    early = TrialRecord(4, {LR: 1e-5}, TrialState.RUNNING, None, ((1, 7.0),))
    assert should_stop(spec, bad, finished)
    assert not should_stop(spec, good, finished)
    assert not should_stop(spec, early, finished), "stopped before warmupSteps"
    assert not should_stop(spec, bad, finished[:0]), "nothing finished to compare with (startupTrials 1)"


def test_successive_halving_keeps_one_in_reduction_factor_trials_at_a_rung() -> None:
    spec = sweep_of(
        earlyStopping={"algorithm": "successiveHalving", "warmupSteps": 2, "reductionFactor": 2}
    ).spec
    others = [
        TrialRecord(0, {LR: 0.01}, TrialState.SUCCEEDED, 2.0, losses(7.0, 3.0)),
        TrialRecord(1, {LR: 0.02}, TrialState.SUCCEEDED, 2.5, losses(7.0, 3.5)),
    ]
    assert should_stop(
        spec, TrialRecord(2, {LR: 1e-5}, TrialState.RUNNING, None, losses(7.0, 6.9, 3)), others
    )
    assert not should_stop(
        spec, TrialRecord(2, {LR: 0.01}, TrialState.RUNNING, None, losses(6.0, 2.0, 3)), others
    )


def test_a_stopped_trial_is_asked_once_and_recorded_as_stopped_not_failed() -> None:
    sweep = sweep_of(earlyStopping={"algorithm": "median"}, maxParallelTrials=1, maxTrials=2)
    trials = [
        view(0, TrialState.SUCCEEDED, 0.01, step=6, intermediate=3.0, objective=2.0),
        view(1, TrialState.RUNNING, 1e-5, step=4, intermediate=7.0),
    ]
    for seen in ([view(0, TrialState.RUNNING, 0.01, step=2, intermediate=6.0)], trials[:1]):
        sweep = sweep.model_copy(update={"status": decide_sweep(sweep, seen, NOW).status})
    assert [(i.step, i.value) for i in sweep.status.trials[0].intermediate] == [(2, 6.0), (6, 3.0)]
    plan = decide_sweep(sweep, trials, NOW)
    (stop,) = plan.stops
    assert stop.name == "lr-t001" and "stopped early by FineTuneSweep lr (median)" in stop.message
    assert "TrialStoppedEarly" in [e.reason for e in plan.events]
    asked = [trials[0], view(1, TrialState.RUNNING, 1e-5, step=5, intermediate=7.0, stop_requested=True)]
    assert not decide_sweep(sweep.model_copy(update={"status": plan.status}), asked, NOW).stops
    stopped = [trials[0], view(1, TrialState.STOPPED, 1e-5, reason="StopRequested", message=stop.message)]
    done = decide_sweep(sweep.model_copy(update={"status": plan.status}), stopped, NOW)
    assert [t.state for t in done.status.trials] == [TrialState.SUCCEEDED, TrialState.STOPPED]
    assert done.status.phase == "Succeeded" and done.status.trials_done == 2
    assert [e.reason for e in done.events] == ["TrialStopped", "Completed"]


def test_the_job_stop_annotation_stops_the_attempt_and_ends_the_job_stopped() -> None:
    job = FineTuneJob.model_validate(
        {
            "metadata": {
                "name": "lr-t001",
                "namespace": NAMESPACE,
                "annotations": {STOP_ANNOTATION: "pruned"},
            },
            "spec": sweep_document()["spec"]["template"]["spec"],
            "status": {
                "phase": "Running",
                "currentAttempt": 1,
                "attempts": [{"attempt": 1, "name": "lr-t001-a1", "startTime": "2026-12-07T08:00:00Z"}],
            },
        }
    )
    plan = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert plan.status.phase == Phase.STOPPED and plan.status.phase.is_terminal
    assert plan.action == StopAttempt(1)
    (attempt,) = plan.status.attempts
    assert (attempt.result, attempt.reason, attempt.message) == ("Stopped", "StopRequested", "pruned")
    assert [e for e in plan.events if e.reason == "StopRequested"] == [
        JobEvent("Normal", "StopRequested", "pruned")
    ]
    # Finished, the job is left alone.
    assert decide(job.model_copy(update={"status": plan.status}), None, NOW).action is None


# --- eval_loss: the periodic validation losses are the intermediate values ---------------------


def trial_document(number: int, lr: float, phase: str, progress: dict[str, Any]) -> dict[str, Any]:
    """Trial ``number``'s FineTuneJob as the API server holds it, owned by sweep ``lr``."""
    return {
        "metadata": {
            "name": f"lr-t{number:03d}",
            "ownerReferences": [{"controller": True, "uid": "sweep-uid"}],
        },
        "spec": {"recipe": {"overrides": {LR: lr}}},
        "status": {"phase": phase, "progress": progress},
    }


@pytest.mark.parametrize(
    ("metric", "expected"),
    [("eval_loss", (4, 2.5)), ("train_loss", (5, 1.25)), ("eval_reward", (5, 0.5))],
)
def test_each_objective_reads_its_own_intermediate_value_and_step(
    metric: str, expected: tuple[int, float]
) -> None:
    """eval_loss: the newest validation pass and the step it followed (not the newest step, nor
    the training loss, which eval_loss used before there were periodic passes)."""
    progress = {"step": 5, "loss": 1.25, "reward": 0.5, "validationLoss": 2.5, "validationStep": 4}
    sweep = sweep_of(objective={"metric": metric})
    seen = view_trial(sweep, sweep.spec.objective.metric, trial_document(0, 0.01, "Running", progress), NOW)
    assert seen is not None and (seen.step, seen.intermediate) == expected


def test_eval_loss_has_no_intermediate_value_before_the_first_validation_pass() -> None:
    sweep = sweep_of()
    metric = sweep.spec.objective.metric
    for progress in (
        {"step": 3, "loss": 1.0},
        {"step": 3, "loss": 1.0, "validationLoss": 2.0},  # a trainer that does not name the step
        {"step": 3, "loss": 1.0, "validationLoss": None, "validationStep": 2},
    ):
        seen = view_trial(sweep, metric, trial_document(0, 0.01, "Running", progress), NOW)
        assert seen is not None and (seen.step, seen.intermediate) == (None, None), progress


def test_median_stops_on_validation_losses_a_trial_whose_training_loss_looks_best() -> None:
    """A trial that overfits: its training loss is the lowest of all, its validation loss the
    highest. With eval_loss the pruner compares validation losses, step by step as the looks saw
    them, and stops it; the finished trial's objective is its last pass's loss."""
    sweep = sweep_of(earlyStopping={"algorithm": "median", "warmupSteps": 2}, maxParallelTrials=2)
    metric = sweep.spec.objective.metric

    def look(documents: list[dict[str, Any]]) -> Any:
        nonlocal sweep
        views = [v for d in documents if (v := view_trial(sweep, metric, d, NOW)) is not None]
        plan = decide_sweep(sweep, views, NOW)
        sweep = sweep.model_copy(update={"status": plan.status})
        return plan

    def progress(step: int, loss: float, passes: dict[int, float]) -> dict[str, Any]:
        last = max(s for s in passes if s <= step)
        return {"step": step, "loss": loss, "validationStep": last, "validationLoss": passes[last]}

    good_passes, overfit_passes = {2: 3.0, 4: 2.0, 6: 1.5}, {2: 3.2, 4: 3.4}
    look([])
    for step in (2, 3, 4, 5, 6):
        phase = "Succeeded" if step == 6 else "Running"
        good = trial_document(0, 0.01, phase, progress(step, 2.0 - step / 10, good_passes))
        overfit = trial_document(1, 0.1, "Running", progress(min(step, 4), 0.5 - step / 10, overfit_passes))
        plan = look([good, overfit])
    good_record, overfit_record = sweep.status.trials[:2]
    assert [(i.step, i.value) for i in good_record.intermediate] == [(2, 3.0), (4, 2.0), (6, 1.5)]
    assert good_record.objective == 1.5
    assert [(i.step, i.value) for i in overfit_record.intermediate] == [(2, 3.2), (4, 3.4)]
    (stop,) = plan.stops
    assert stop.name == "lr-t001"
    assert "intermediate value 3.4 at step 4" in stop.message


def test_an_eval_loss_sweep_with_early_stopping_turns_the_trials_periodic_validation_on() -> None:
    """The pruner needs the trials' validation losses along the way: a template that sets
    data.validationEverySteps nowhere gets it in each trial's spec (every max(10, warmupSteps)
    steps); a template that sets it, in the field or an override, keeps its own."""

    def interval(**spec: Any) -> Any:
        manifest = trial_manifest(sweep_of(**spec), 0, {LR: 0.01})
        FineTuneJob.model_validate(manifest)  # a FineTuneJob the API admits
        return (manifest["spec"]["data"].get("validationEverySteps"), manifest["spec"]["recipe"]["overrides"])

    median = {"algorithm": "median"}
    every, overrides = interval(earlyStopping=median)
    assert every == 10 and "data.validationEverySteps" not in overrides
    assert interval(earlyStopping={**median, "warmupSteps": 25})[0] == 25
    assert interval()[0] is None, "no early stopping: only the pass after the last step is needed"
    assert interval(earlyStopping=median, objective={"metric": "train_loss"})[0] is None

    template = sweep_document()["spec"]["template"]
    own_field = copy.deepcopy(template)
    own_field["spec"]["data"]["validationEverySteps"] = 3
    assert interval(earlyStopping=median, template=own_field)[0] == 3
    own_override = copy.deepcopy(template)
    own_override["spec"]["recipe"]["overrides"]["data.validationEverySteps"] = 0
    every, overrides = interval(earlyStopping=median, template=own_override)
    assert every is None and overrides["data.validationEverySteps"] == 0
    grpo = copy.deepcopy(template)
    grpo["spec"].update(method="grpo-lora", rewards=[{"name": "short", "builtin": "length-penalty"}])
    grpo["spec"]["data"] = {"train": grpo["spec"]["data"]["train"]}
    assert interval(earlyStopping=median, template=grpo)[0] is None, "GRPO has no validation pass"


# --- the budget and the best trial -------------------------------------------------------------


def test_no_trial_starts_once_the_instance_hours_are_spent() -> None:
    sweep = sweep_of(maxInstanceHours=1.0)
    trials = [
        view(0, TrialState.SUCCEEDED, 0.01, objective=2.0, instance_hours=0.6),
        view(1, TrialState.RUNNING, 0.02, instance_hours=0.5),
    ]
    plan = decide_sweep(sweep, trials, NOW)
    assert not plan.creates and plan.status.instance_hours == pytest.approx(1.1)
    assert any(c.type == "BudgetExhausted" and c.status == "True" for c in plan.status.conditions)
    assert plan.status.phase == "Running"
    trials[1] = view(1, TrialState.SUCCEEDED, 0.02, objective=1.5, instance_hours=0.5)
    done = decide_sweep(sweep.model_copy(update={"status": plan.status}), trials, NOW)
    assert done.status.phase == "Succeeded" and done.status.reason == "MaxInstanceHoursReached"
    assert len(done.status.trials) == 2
    # A larger budget (a new generation) reopens the sweep.
    raised = sweep_of(maxInstanceHours=5.0)
    raised.metadata.generation = 2
    more = decide_sweep(raised.model_copy(update={"status": done.status}), trials, NOW)
    assert len(more.creates) == 2 and more.status.phase == "Running"
    assert [c.status for c in more.status.conditions if c.type == "BudgetExhausted"] == ["False"]
    assert [c.status for c in more.status.conditions if c.type == "Succeeded"] == ["False"]
    assert more.status.completion_time is None


@pytest.mark.parametrize(("metric", "best"), [("eval_loss", "lr-t001"), ("eval_reward", "lr-t000")])
def test_the_best_trial_follows_the_objectives_direction(metric: str, best: str) -> None:
    trials = [
        view(0, TrialState.SUCCEEDED, 0.01, objective=2.0, output_path="/fsx/out/0"),
        view(1, TrialState.SUCCEEDED, 0.02, objective=1.0, output_path="/fsx/out/1"),
        view(2, TrialState.STOPPED, 0.03),
        view(3, TrialState.FAILED, 0.04),
    ]
    plan = decide_sweep(sweep_of(objective={"metric": metric}), trials, NOW)
    assert plan.status.best_trial is not None
    assert plan.status.best_trial.name == best
    assert plan.status.best_trial.output_path == f"/fsx/out/{best[-1]}"
    assert plan.status.phase == "Succeeded"


def test_a_sweep_whose_trials_all_failed_fails() -> None:
    trials = [view(n, TrialState.FAILED, 0.01) for n in range(4)]
    plan = decide_sweep(sweep_of(), trials, NOW)
    assert plan.status.phase == "Failed" and plan.status.reason == "NoTrialSucceeded"


def test_a_suspended_sweep_starts_nothing_and_suspends_its_running_trials() -> None:
    plan = decide_sweep(sweep_of(suspend=True), [view(0, TrialState.RUNNING, 0.01)], NOW)
    assert not plan.creates
    assert plan.suspends == (("lr-t000", True),)
    assert plan.status.phase == "Suspended"


# --- the loop against a fake API server ------------------------------------------------------


class Harness:
    def __init__(self) -> None:
        self.kube = FakeKube()
        self.events: list[JobEvent] = []
        self.now = NOW

    def controller(self) -> SweepController:
        return SweepController(self.kube.api_client(), lambda: self.now, lambda t, e: self.events.append(e))

    def sweep(self) -> dict[str, Any]:
        stored = self.kube.get(f"{SWEEPS}/lr")
        assert stored is not None
        return stored

    def trials(self) -> list[dict[str, Any]]:
        return sorted(self.kube.under(JOBS), key=lambda j: j["metadata"]["name"])

    def finish(self, name: str, loss: float, hours: float = 0.1) -> None:
        self.kube.write(
            f"{JOBS}/{name}",
            {
                "status": {
                    "phase": "Succeeded",
                    "progress": {"step": 6, "loss": loss + 1, "validationLoss": loss},
                    "output": {"path": f"/fsx/finetune/{NAMESPACE}/{name}/output/uid"},
                    "usage": {"instanceHours": hours},
                }
            },
        )


def test_the_loop_creates_owned_trials_and_ends_with_the_best() -> None:
    harness = Harness()
    stored = harness.kube.add(SWEEPS, sweep_document())
    key = (NAMESPACE, "lr")
    harness.controller().reconcile_now(key, None)
    first, second = harness.trials()
    assert [first["metadata"]["name"], second["metadata"]["name"]] == ["lr-t000", "lr-t001"]
    owner = first["metadata"]["ownerReferences"][0]
    assert (owner["kind"], owner["uid"], owner["controller"]) == (
        "FineTuneSweep",
        stored["metadata"]["uid"],
        True,
    )
    assert first["metadata"]["labels"]["finetune.dev/sweep"] == "lr"
    assert first["spec"]["recipe"]["overrides"]["training.maxSteps"] == 6
    assert LR in first["spec"]["recipe"]["overrides"]
    for loss, name in zip((2.0, 1.5, 3.0, 2.5), ("lr-t000", "lr-t001", "lr-t002", "lr-t003"), strict=True):
        harness.finish(name, loss)
        harness.controller().reconcile_now(key, None)
    status = harness.sweep()["status"]
    assert len(harness.trials()) == 4
    assert status["phase"] == "Succeeded"
    assert status["bestTrial"]["name"] == "lr-t001" and status["bestTrial"]["objective"] == 1.5
    assert status["bestTrial"]["outputPath"].endswith("/lr-t001/output/uid")
    assert status["instanceHours"] == pytest.approx(0.4)
    assert (status["trialsDone"], status["trialsRunning"]) == (4, 0)
    assert [t["state"] for t in status["trials"]] == ["Succeeded"] * 4


def test_a_restart_before_the_status_write_creates_no_trial_twice() -> None:
    """The operator creates trials, then dies before their status is written: the next operator
    finds them under their names, records them with the parameters they run with, and creates
    only what is still missing."""
    harness = Harness()
    harness.kube.add(SWEEPS, sweep_document())
    key = (NAMESPACE, "lr")
    harness.controller().reconcile_now(key, None)
    created = copy.deepcopy(harness.trials())
    harness.kube.write(f"{SWEEPS}/lr", {"status": None})  # as if the status write had been lost
    harness.controller().reconcile_now(key, None)
    assert harness.trials() == created
    recorded = harness.sweep()["status"]["trials"]
    assert [t["params"] for t in recorded] == [{LR: t["spec"]["recipe"]["overrides"][LR]} for t in created]
    # Trial 2 after a restart is the trial 2 of an uninterrupted run: the same inputs, the same parameters.
    harness.finish("lr-t000", 2.0)
    harness.controller().reconcile_now(key, None)
    twin = Harness()
    twin.kube.add(SWEEPS, sweep_document())
    twin.controller().reconcile_now(key, None)
    twin.finish("lr-t000", 2.0)
    twin.controller().reconcile_now(key, None)
    assert [t["spec"] for t in twin.trials()] == [t["spec"] for t in harness.trials()]
    assert len(harness.trials()) == 3


def test_a_conflicting_status_write_is_decided_again_without_a_second_trial() -> None:
    harness = Harness()
    harness.kube.add(SWEEPS, sweep_document())
    harness.kube.failures[("PATCH", f"{SWEEPS}/lr/status")] = 409
    harness.controller().reconcile_now((NAMESPACE, "lr"), None)
    assert [t["metadata"]["name"] for t in harness.trials()] == ["lr-t000", "lr-t001"]
    assert len(harness.sweep()["status"]["trials"]) == 2


def test_a_job_of_someone_else_under_a_trials_name_fails_the_sweep() -> None:
    harness = Harness()
    harness.kube.add(SWEEPS, sweep_document())
    theirs = {"metadata": {"name": "lr-t000", "labels": {"finetune.dev/sweep": "lr"}}, "spec": {}}
    harness.kube.add(JOBS, theirs)
    harness.controller().reconcile_now((NAMESPACE, "lr"), None)
    status = harness.sweep()["status"]
    assert status["phase"] == "Failed" and status["reason"] == "TrialNameTaken"
    assert len(harness.trials()) == 1


def test_a_running_trials_hours_count_up_to_now() -> None:
    harness = Harness()
    harness.kube.add(SWEEPS, sweep_document(maxInstanceHours=1.0))
    key = (NAMESPACE, "lr")
    harness.controller().reconcile_now(key, None)
    started = {"attempt": 1, "instanceCount": 2, "startTime": "2026-12-07T09:00:00Z"}
    harness.kube.write(f"{JOBS}/lr-t000", {"status": {"phase": "Running", "usage": {"attempts": [started]}}})
    harness.now = NOW + timedelta(minutes=45)
    harness.controller().reconcile_now(key, None)
    status = harness.sweep()["status"]
    assert status["instanceHours"] == pytest.approx(1.5)
    harness.finish("lr-t001", 2.0)
    harness.controller().reconcile_now(key, None)
    assert len(harness.trials()) == 2, "the budget is spent: no trial starts"


# --- kubectl finetune sweep ------------------------------------------------------------------


def test_the_tuners_ranges_become_parameters() -> None:
    assert parse_param("optimizer.learning_rate=log:1e-7:1e-5") == {
        "path": LR,
        "type": "float",
        "min": 1e-7,
        "max": 1e-5,
        "scale": "log",
    }
    assert parse_param("training.batch_size=int:1:4") == {"path": BATCH, "type": "int", "min": 1, "max": 4}
    assert parse_param("optimizer.scheduler=choice:cosine,linear")["values"] == ["cosine", "linear"]
    assert parse_param(f"{LR}=float:0.1:0.2:3")["gridPoints"] == 3
    for bad, message in (
        (f"{LR}", "expected PATH="),
        (f"{LR}=normal:0:1", "unknown range kind 'normal'"),
        (f"{LR}=log:a:b", "must be numbers"),
        (f"{BATCH}=int:1:4:2", "only a float range takes a number of grid points"),
    ):
        with pytest.raises(UsageError, match=message):
            parse_param(bad)


def test_sweep_create_dry_run_prints_the_sweep_and_its_first_trials(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The seed's HyperparameterTuner as flags; --dry-run needs no cluster."""
    code = plugin_main(
        [
            *("sweep", "create", "tune", "-n", NAMESPACE),
            *("--model-name", "llama-3.2-1b", "--training-type", "lora"),
            *("--data-jsonl", "s3://bucket-x/train.jsonl", "--validation-jsonl", "s3://bucket-x/val.jsonl"),
            *("--backend", "sagemaker", "--objective", "eval_loss", "--minimize"),
            *("--param", "optimizer.learning_rate=log:1e-7:1e-5", "--param", "training.batch_size=int:1:4"),
            *("--max-trials", "10", "--max-parallel", "2", "--early-stopping", "median", "--dry-run"),
        ]
    )
    assert code == 0
    sweep, *trials = yaml.safe_load_all(capsys.readouterr().out)
    assert sweep["kind"] == "FineTuneSweep" and sweep["spec"]["maxParallelTrials"] == 2
    assert sweep["spec"]["objective"] == {"metric": "eval_loss", "direction": "minimize"}
    assert [t["metadata"]["name"] for t in trials] == ["tune-t000", "tune-t001"]
    for trial in trials:
        overrides = trial["spec"]["recipe"]["overrides"]
        assert 1e-7 <= overrides[LR] <= 1e-5 and overrides[BATCH] in (1, 2, 3, 4)
        assert trial["spec"]["backend"] == "sagemaker"


def test_sweep_create_refuses_a_range_outside_the_overrides_bounds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = plugin_main(
        [
            *("sweep", "create", "tune", "--model-name", "llama-3.2-1b", "--training-type", "lora"),
            *(
                "--data-jsonl",
                "/fsx/data/t.jsonl",
                "--param",
                "optimizer.learningRate=log:1e-3:5",
                "-o",
                "yaml",
            ),
        ]
    )
    assert code == 2
    assert "spec.parameters[0] (optimizer.learningRate)" in capsys.readouterr().err


def test_sweep_create_refuses_more_parallel_trials_than_the_crd_admits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = plugin_main(
        [
            *("sweep", "create", "tune", "--model-name", "llama-3.2-1b", "--training-type", "lora"),
            *("--data-jsonl", "/fsx/data/t.jsonl", "--param", "lora.rank=int:4:64", "--max-parallel", "101"),
            "--dry-run",
        ]
    )
    assert code == 2
    assert "maxParallelTrials" in capsys.readouterr().err


def test_sweep_status_shows_the_trials_and_the_best() -> None:
    sweep = sweep_document()
    plan = decide_sweep(
        FineTuneSweep.model_validate(sweep),
        [
            view(
                0, TrialState.SUCCEEDED, 0.01, step=6, intermediate=3.0, objective=2.0, output_path="/fsx/o/0"
            ),
            view(1, TrialState.STOPPED, 1e-5, step=3, intermediate=7.0),
        ],
        NOW,
    )
    sweep["status"] = plan.status.model_dump(mode="json", exclude_none=True)
    text = render_sweep_status(sweep)
    assert "sweep lr: Running" in text and "best: lr-t000 eval_loss 2 optimizer.learningRate=0.01" in text
    assert "output: /fsx/o/0" in text
    assert any(line.split()[:3] == ["lr-t001", "Stopped", "-"] for line in text.splitlines())
    listing = render_sweep_list([sweep]).splitlines()
    assert listing[0].split() == ["NAME", "PHASE", "DONE", "RUNNING", "TOTAL", "BEST", "BEST-TRIAL"]
    assert listing[1].split() == ["lr", "Running", "2", "2", "4", "2", "lr-t000"]


def test_a_burst_of_trial_events_is_served_by_two_looks() -> None:
    """Each step report of a trial is an event: those arriving while a look runs share one more look
    (on fresh data), so that early stopping never waits behind a queue of stale looks."""
    harness = Harness()
    controller = harness.controller()
    looks: list[Any] = []

    def look(key: Any, document: Any) -> tuple[None, list[JobEvent]]:
        looks.append(document)
        time.sleep(0.05)
        return None, []

    controller.reconcile_now = look  # type: ignore[method-assign]
    trial = {"metadata": {"name": "lr-t000", "namespace": NAMESPACE, "labels": {"finetune.dev/sweep": "lr"}}}

    async def burst() -> None:
        await asyncio.gather(*(controller.trial_event("MODIFIED", trial) for _ in range(20)))

    asyncio.run(burst())
    assert len(looks) == 2 and looks == [None, None]
