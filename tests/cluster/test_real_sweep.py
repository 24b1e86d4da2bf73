"""A FineTuneSweep whose trials really train on the bed's real node, through the in-cluster operator,
which is killed in the middle of it.

Four trials over the learning rate of the demo's tiny Llama (LoRA, one ml.m5.large node each, two at
a time; the node has 2 vCPUs, one per trainer), objective eval loss, median early stopping. One
learning rate (1e-6) is clearly bad: its validation loss stays where it starts while the others'
fall, and the grid's seed puts it last, so that it runs after two trials have finished and is stopped
early. The template sets no data.validationEverySteps, so the sweep gives each trial one (every
max(10, warmupSteps) = 10 steps): the pruner compares the trials' validation losses after steps 10,
20 and 30 (and 40, the pass after the last step), not their training losses. Every trial
checkpoints at every step, so that the trial stopped early has a checkpoint of a recent step.

While the first trials run, the operator's pod is killed (grace period 0). Afterwards the sweep
has exactly its four trials (no duplicate), the one stopped early ended Stopped with its checkpoint
kept, and the best trial is the finished one with the lowest eval loss.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from hack.chart import CHART_NAMESPACE, CHART_RELEASE, REAL_TRAINING_NAMESPACE
from hack.kwok import wait_for
from hack.real_job import RealNodeBed, chat_data
from kubernetes import client

from finetune_operator.api.sweep import FineTuneSweep, TrialState
from finetune_operator.sweep.search import TrialRecord, next_params
from finetune_operator.sweep.trials import LABEL_SWEEP, trial_name

SWEEP = "lr-sweep"
TRIALS = 4
STEPS = 40
BAD_RATE = 1e-6
GOOD_RATES = (0.02, 0.03, 0.05)
SWEEP_TIMEOUT_S = 600
VALIDATION_EVERY = 10
"""The sweep's default for trials of an eval_loss sweep with early stopping: max(10, warmupSteps)."""
OPERATOR_PODS = f"app.kubernetes.io/name=finetune-operator,app.kubernetes.io/instance={CHART_RELEASE}"


def sweep_manifest(namespace: str, seed: int) -> dict[str, Any]:
    train, validation = chat_data(namespace)
    return {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneSweep",
        "metadata": {"name": SWEEP, "namespace": namespace},
        "spec": {
            "template": {
                "spec": {
                    "model": {"name": "tiny-llama"},
                    "method": "lora",
                    "data": {"train": {"path": train}, "validation": {"path": validation}},
                    "resources": {"instanceType": "ml.m5.large", "nodes": 1},
                    "checkpointing": {"everySteps": 1, "keepLast": 1},
                    "recipe": {"overrides": {"training.maxSteps": STEPS}},
                    "resume": {"maxAttempts": 1},
                }
            },
            "parameters": [
                {
                    "path": "optimizer.learningRate",
                    "type": "categorical",
                    "values": [BAD_RATE, *GOOD_RATES],
                }
            ],
            "objective": {"metric": "eval_loss"},
            "algorithm": "grid",
            "seed": seed,
            "maxTrials": TRIALS,
            "maxParallelTrials": 2,
            "earlyStopping": {"algorithm": "median", "startupTrials": 1, "warmupSteps": 3},
        },
    }


def grid_order(manifest: dict[str, Any]) -> list[float]:
    """The learning rates trials 0..3 get, by the operator's own search (the grid's order depends
    only on the seed)."""
    sweep = FineTuneSweep.model_validate({**manifest, "metadata": {"name": SWEEP}})
    records: list[TrialRecord] = []
    for number in range(TRIALS):
        params = next_params(sweep.spec, number, records)
        records.append(TrialRecord(number, params, TrialState.RUNNING))
    return [r.params["optimizer.learningRate"] for r in records]


def seed_with_the_bad_rate_last(namespace: str) -> int:
    """A seed whose grid runs the bad rate last and the best good one (the highest) just before it,
    so that only the bad one falls behind the two trials that finished first."""
    for seed in range(200):
        order = grid_order(sweep_manifest(namespace, seed))
        if order[3] == BAD_RATE and order[2] == max(GOOD_RATES):
            return seed
    raise AssertionError("no seed below 200 orders the grid so")


def operator_pod(core: client.CoreV1Api) -> client.V1Pod | None:
    pods = core.list_namespaced_pod(CHART_NAMESPACE, label_selector=OPERATOR_PODS).items
    ready = [
        p
        for p in pods
        if p.metadata.deletion_timestamp is None
        and any(c.type == "Ready" and c.status == "True" for c in p.status.conditions or [])
    ]
    return ready[0] if len(ready) == 1 else None


def sweep_status(bed: RealNodeBed, namespace: str) -> dict[str, Any]:
    return (
        bed.custom.get_namespaced_custom_object(
            "finetune.dev", "v1alpha1", namespace, "finetunesweeps", SWEEP
        ).get("status")
        or {}
    )


def trial_jobs(bed: RealNodeBed, namespace: str) -> list[dict[str, Any]]:
    listed = bed.custom.list_namespaced_custom_object(
        "finetune.dev", "v1alpha1", namespace, "finetunejobs", label_selector=f"{LABEL_SWEEP}={SWEEP}"
    )
    return sorted(listed["items"], key=lambda j: j["metadata"]["name"])


@pytest.fixture(scope="module")
def sweep_run(bed: RealNodeBed) -> dict[str, Any]:
    namespace = REAL_TRAINING_NAMESPACE
    bed.prepare_namespace(namespace)
    bed.write_model()
    bed.write_chat_data(namespace)
    for number in range(TRIALS):
        bed.forget_job_directory(namespace, trial_name(SWEEP, number))
    manifest = sweep_manifest(namespace, seed_with_the_bad_rate_last(namespace))
    started = time.monotonic()
    bed.apply(manifest)

    # Kill the operator while the first two trials train (their progress recorded in the sweep).
    def first_trials_train() -> bool:
        trials = sweep_status(bed, namespace).get("trials") or []
        return len(trials) == 2 and any(t.get("intermediate") for t in trials)

    wait_for(first_trials_train, timeout=300, message="the first two trials to report progress")
    killed = operator_pod(bed.core)
    assert killed is not None
    bed.core.delete_namespaced_pod(killed.metadata.name, CHART_NAMESPACE, grace_period_seconds=0)
    killed_at = time.monotonic() - started
    replacement = wait_for(
        lambda: (p := operator_pod(bed.core)) is not None and p.metadata.uid != killed.metadata.uid and p,
        timeout=180,
        message="a new operator pod Ready",
    )

    def finished() -> dict[str, Any] | None:
        status = sweep_status(bed, namespace)
        return status if status.get("phase") in ("Succeeded", "Failed") else None

    status = wait_for(finished, timeout=SWEEP_TIMEOUT_S, message="the sweep to finish")
    seconds = time.monotonic() - started
    jobs = trial_jobs(bed, namespace)
    steps = {j["metadata"]["name"]: ((j.get("status") or {}).get("progress") or {}).get("step") for j in jobs}
    table = [
        f"{t['name']:<14} lr={t['params']['optimizer.learningRate']:<8g} "
        f"objective={t.get('objective', '-')!s:<10} state={t['state']:<10} step={steps.get(t['name'])!s:<4} "
        f"{t.get('reason') or ''} {t.get('message') or ''}"
        for t in status["trials"]
    ]
    print(
        f"sweep took {seconds:.0f} s (operator killed at {killed_at:.0f} s, "
        f"pod {killed.metadata.name} -> {replacement.metadata.name})\n" + "\n".join(table)
    )
    return {"status": status, "jobs": jobs, "bed": bed, "namespace": namespace}


def test_the_sweep_runs_every_trial_once_across_the_operators_restart(sweep_run: dict[str, Any]) -> None:
    status, jobs = sweep_run["status"], sweep_run["jobs"]
    assert status["phase"] == "Succeeded", status
    names = [j["metadata"]["name"] for j in jobs]
    assert names == [trial_name(SWEEP, n) for n in range(TRIALS)], names
    assert [t["name"] for t in status["trials"]] == names
    rates = sorted(j["spec"]["recipe"]["overrides"]["optimizer.learningRate"] for j in jobs)
    assert rates == sorted([BAD_RATE, *GOOD_RATES]), "each grid point once"
    assert (status["trialsDone"], status["trialsRunning"]) == (TRIALS, 0)


def test_the_bad_learning_rate_is_stopped_early_and_keeps_its_checkpoint(sweep_run: dict[str, Any]) -> None:
    status, jobs = sweep_run["status"], sweep_run["jobs"]
    assert {j["spec"]["data"].get("validationEverySteps") for j in jobs} == {VALIDATION_EVERY}
    # The intermediate values are the periodic validation passes', at the steps they followed.
    intermediate = {
        t["name"]: [(i["step"], i["value"]) for i in t.get("intermediate") or []] for t in status["trials"]
    }
    assert all(step % VALIDATION_EVERY == 0 for values in intermediate.values() for step, _ in values), (
        intermediate
    )
    stopped = [t for t in status["trials"] if t["state"] == "Stopped"]
    assert stopped, status["trials"]
    assert BAD_RATE in [t["params"]["optimizer.learningRate"] for t in stopped]
    for trial in stopped:
        job = next(j for j in jobs if j["metadata"]["name"] == trial["name"])
        assert job["status"]["phase"] == "Stopped"
        (attempt,) = job["status"]["attempts"]
        assert (attempt["result"], attempt["reason"]) == ("Stopped", "StopRequested")
        assert f"stopped early by FineTuneSweep {SWEEP} (median)" in attempt["message"]
        if trial["params"]["optimizer.learningRate"] == BAD_RATE:
            assert job["status"]["progress"]["step"] < STEPS, "the bad rate stopped before its last step"
        checkpoint = job["status"]["checkpoint"]["latest"]["path"]
        assert sweep_run["bed"].host_path(checkpoint).is_dir(), "the stopped trial's checkpoint is kept"


def test_the_best_trial_has_the_lowest_eval_loss_among_the_finished(sweep_run: dict[str, Any]) -> None:
    status, jobs = sweep_run["status"], sweep_run["jobs"]
    finished = {
        j["metadata"]["name"]: j["status"]["progress"]["validationLoss"]
        for j in jobs
        if j["status"]["phase"] == "Succeeded"
    }
    assert len(finished) >= 2, finished
    best = min(finished, key=lambda name: finished[name])
    assert status["bestTrial"]["name"] == best
    assert status["bestTrial"]["objective"] == pytest.approx(finished[best])
    best_job = next(j for j in jobs if j["metadata"]["name"] == best)
    best_trial = next(t for t in status["trials"] if t["name"] == best)
    assert best_trial["intermediate"][-1] == {"step": STEPS, "value": finished[best]}, "the last pass's"
    assert status["bestTrial"]["outputPath"] == best_job["status"]["output"]["path"]
    assert sweep_run["bed"].host_path(status["bestTrial"]["outputPath"]).is_dir()
