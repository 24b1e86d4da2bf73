"""End to end on the bed's real node: how long a FineTuneJob that really trains takes, and what of
that is the platform's (operator, training-operator, kubelet) rather than the trainer's.

One run of the demo's job (examples/tiny-llama-cpu-lora.yaml: LoRA, 2 nodes x 1 process on
ml.m5.large) through the in-cluster operator, with a real crash: once attempt 1 reported a
checkpoint, the worker's training process is SIGKILLed; attempt 2 resumes. Once attempt 2 reported
a checkpoint of its own, the worker's training process is SIGSTOPped: the master waits in its
all-reduce, no step is reported, and the operator finds the attempt Stalled after the job's stall
window (``spec.health.stall.windowSeconds``, STALL_WINDOW_S), stops it and starts attempt 3 from
that checkpoint. The job runs in a team namespace under HyperPod task governance (Kueue on the
bed: hack/testbed/kueue.py), with the lowest priority; once attempt 3 trains, a job of a higher
priority that does not fit beside it is applied, Kueue preempts attempt 3 (its trainers
checkpoint on SIGTERM), and admits it again once that job has finished. Measured from this
process's clock while polling the job's status, its PyTorchJobs and its pods every 0.2 s:

- ``apply_to_first_step_s``: `kubectl apply` until status.progress first shows a step;
- ``apply_to_succeeded_s``: until phase Succeeded;
- ``trainer_wall_s``: the trainer's own time, summed over attempts: from its containers' start
  (the earliest `startedAt` of the attempt's pods) until the crash (attempt 1), the SIGSTOP
  (attempt 2), the preemption, or its master's `finishedAt` (attempt 3 once admitted again);
- ``preempted_wait_s``: the preemption until Kueue admitted the job again (the higher-priority
  job's whole run: neither the trainer's time nor the platform's overhead);
- ``operator_overhead_s``: the rest, less the stall window's wait (SIGSTOP → Stalled, which the
  job asked for): admission, rendering, scheduling, pod start-up, noticing the crash, stopping the
  stalled attempt and starting the next one, and starting attempt 3's pods again after the
  preemption;
- ``crash_to_resumed_first_step_s``: the kill until status shows attempt 2's first step;
- ``sigstop_to_stalled_s``: the SIGSTOP until status shows condition Stalled True (at most the
  window plus the operator's look, at least the window less the time since the last report);
- ``stalled_to_resumed_first_step_s``: Stalled until status shows attempt 3's first step (the
  stalled pods' termination, which frees the node's CPUs, included);
- ``preempt_to_resumed_first_step_s``: the preemption (the PyTorchJob seen suspended) until status
  shows a step after the checkpoint attempt 3 wrote on SIGTERM (``preempted_wait_s`` included);
- ``max_live_pytorchjobs``: the most PyTorchJobs of the job seen at once that had not ended
  (1: the stalled attempt is gone before the next one exists, never a duplicate);
- ``pytorchjob_uids``: how many PyTorchJobs of each attempt's name existed over the run (1 each:
  Kueue suspends the preempted attempt's PyTorchJob and resumes the same one);
- ``timeline_s``: each of those moments in seconds after the apply, with the preemptor's
  PyTorchJob's Succeeded condition (the training-operator's; 1 s resolution, as the pods' start).

Needs the bed up with its real node (`make cluster-up`). Usage: ``python -m bench.e2e [--steps N]
[--checkpoint-every K]`` (the recipe's 60 and 10 by default, set as the job's recipe overrides);
``--smoke`` (or FINETUNE_BENCH_SMOKE=1) is 80 and 4 for `make test`. The last line of output is one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime
from typing import Any

from hack.chart import GOVERNED_NAMESPACE as NAMESPACE
from hack.chart import install_chart
from hack.real_job import RealNodeBed, demo_job

NAME = "bench-e2e"
PREEMPTOR = "bench-e2e-preemptor"
TIMEOUT_S = 600
POLL_S = 0.2
SMOKE = {"steps": 80, "checkpoint_every": 4}
"""`--smoke`'s sizes (docs/operations.md, "Benchmarks"): a crash, a hang, a preemption and three
resumes still happen (the kill follows the first checkpoint, the SIGSTOP attempt 2's first; attempt
3 trains about 70 steps, several seconds, which the preemption must land in); its figures mean
nothing."""
STALL_WINDOW_S = 20
"""The job's stall window: 4 times the trainer's status interval (5 s) and a margin for steps slowed
by a busy machine; the operator's default window is at least 10 minutes (docs/operations.md,
"Training health")."""
JOB_LABEL = "finetune.dev/job"


def container_times(pod: Any) -> tuple[float | None, float | None]:
    """(startedAt, finishedAt) of a pod's first `pytorch` container run, as far as they are known."""
    for container in pod.status.container_statuses or []:
        if container.name != "pytorch":
            continue
        first = container.last_state.terminated if container.last_state else None
        state = container.state
        run = first or (state.terminated if state else None)
        if run is not None:
            return run.started_at.timestamp(), run.finished_at.timestamp()
        if state and state.running:
            return state.running.started_at.timestamp(), None
    return None, None


def live_pytorchjobs(bed: RealNodeBed, uids: dict[str, set[str]]) -> int:
    """The job's PyTorchJobs that exist and have not ended (no Succeeded or Failed condition);
    adds each one's uid to `uids[name]` (one uid per name: an attempt keeps its PyTorchJob
    through a preemption)."""
    children = bed.custom.list_namespaced_custom_object(
        "kubeflow.org", "v1", NAMESPACE, "pytorchjobs", label_selector=f"{JOB_LABEL}={NAME}"
    )["items"]
    for child in children:
        uids.setdefault(child["metadata"]["name"], set()).add(child["metadata"]["uid"])
    return sum(
        1
        for child in children
        if not child["metadata"].get("deletionTimestamp")
        and not any(
            c.get("type") in ("Succeeded", "Failed") and c.get("status") == "True"
            for c in (child.get("status") or {}).get("conditions") or []
        )
    )


def succeeded_at(bed: RealNodeBed, pytorchjob: str) -> float | None:
    """When the training-operator marked a PyTorchJob Succeeded (1 s resolution), if it has."""
    child = bed.custom.get_namespaced_custom_object(
        "kubeflow.org", "v1", NAMESPACE, "pytorchjobs", pytorchjob
    )
    for condition in (child.get("status") or {}).get("conditions") or []:
        if condition.get("type") == "Succeeded" and condition.get("status") == "True":
            moment = condition.get("lastTransitionTime")
            return datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp() if moment else None
    return None


def stalled_condition(status: dict[str, Any]) -> dict[str, Any] | None:
    return next(
        (c for c in status.get("conditions") or [] if c["type"] == "Stalled" and c["status"] == "True"), None
    )


def suspended(bed: RealNodeBed, pytorchjob: str) -> bool:
    """Whether Kueue has suspended the attempt's PyTorchJob (it does so to preempt it)."""
    child = bed.custom.get_namespaced_custom_object(
        "kubeflow.org", "v1", NAMESPACE, "pytorchjobs", pytorchjob
    )
    return bool(((child.get("spec") or {}).get("runPolicy") or {}).get("suspend"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, help="training.maxSteps (default: the recipe's)")
    parser.add_argument(
        "--checkpoint-every", type=int, help="checkpointing.everySteps (default: the recipe's)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("FINETUNE_BENCH_SMOKE") == "1",
        help=f"make test's run: {SMOKE} unless given (also FINETUNE_BENCH_SMOKE=1)",
    )
    args = parser.parse_args()
    if args.smoke:
        parser.set_defaults(**SMOKE)
        args = parser.parse_args()
    overrides = {
        path: value
        for path, value in (
            ("training.maxSteps", args.steps),
            ("checkpointing.everySteps", args.checkpoint_every),
        )
        if value is not None
    }

    bed = RealNodeBed.connect()
    bed.real_node_ready()
    install_chart(bed.layout, str(bed.layout.kubeconfig))
    bed.prepare_namespace(NAMESPACE)
    for name in (NAME, PREEMPTOR):
        bed.forget_job_directory(NAMESPACE, name)
    bed.write_model()
    bed.write_chat_data(NAMESPACE)
    queue = bed.govern(NAMESPACE)
    job = demo_job(NAMESPACE, NAME)
    job["spec"]["scheduling"] = {
        "queueName": queue,
        "priorityClass": "experimentation-priority",
    }
    job["spec"]["health"] = {"stall": {"windowSeconds": STALL_WINDOW_S}}
    if overrides:
        job["spec"]["recipe"] = {"overrides": overrides}
    # One node of a higher priority: it does not fit beside the job's two in the node's quota.
    preemptor = demo_job(NAMESPACE, PREEMPTOR)
    preemptor["spec"]["resources"]["nodes"] = 1
    preemptor["spec"]["scheduling"] = {
        "queueName": queue,
        "priorityClass": "training-priority",
    }
    preemptor["spec"]["recipe"] = {"overrides": {"training.maxSteps": 1}}

    applied = time.time()
    bed.apply(job)
    first_step = crashed = resumed_first_step = succeeded = None
    preempted = readmitted = preempt_resumed_first_step = restarted = None
    requeued = False
    resumed_from_step = 0
    stopped = stalled = stalled_resumed_first_step = None
    stalled_message = stopped_at_checkpoint = ""
    stopped_checkpoint_attempt = None
    max_live = 0
    pytorchjob_uids: dict[str, set[str]] = {}
    preemptor_applied = None
    attempt_started: dict[int, float] = {}
    children: dict[int, str] = {}
    status: dict[str, Any] = {}
    while succeeded is None:
        if time.time() - applied > TIMEOUT_S:
            raise TimeoutError(f"the job did not succeed within {TIMEOUT_S} s: {status}")
        status = bed.status(NAMESPACE, NAME)
        now = time.time()
        progress = status.get("progress") or {}
        attempt = status.get("currentAttempt") or 0
        if status.get("phase") == "Failed":
            raise RuntimeError(f"the job failed: {status}")
        if status.get("backendRef"):
            children[attempt] = status["backendRef"]["name"]
            starts = [container_times(p)[0] for p in bed.attempt_pods(NAMESPACE, children[attempt])]
            known = [s for s in starts if s is not None]
            if known:
                attempt_started[attempt] = min([*known, attempt_started.get(attempt, known[0])])
        if first_step is None and progress.get("step"):
            first_step = now
        if crashed is None and (status.get("checkpoint") or {}).get("latest"):
            worker = bed.running_pod(NAMESPACE, children[1], "worker")
            if worker is not None:
                bed.kill_training_processes(NAMESPACE, worker.metadata.name)
                crashed = time.time()
        if crashed is not None and resumed_first_step is None and progress.get("attempt") == 2:
            resumed_first_step = now
        latest = (status.get("checkpoint") or {}).get("latest") or {}
        if stopped is None and attempt == 2 and latest.get("attempt") == 2:
            worker = bed.running_pod(NAMESPACE, children[2], "worker")
            if worker is not None:
                bed.stop_training_processes(NAMESPACE, worker.metadata.name)
                stopped = time.time()
        condition = stalled_condition(status)
        if stopped is not None and stalled is None and condition is not None:
            stalled, stalled_message = now, condition["message"]
            # The newest checkpoint reported before the hang (the trainer ran on while the
            # SIGSTOP was on its way): what attempt 3 must resume from.
            stopped_at_checkpoint = latest.get("path") or ""
            stopped_checkpoint_attempt = latest.get("attempt")
        if stalled is not None and stalled_resumed_first_step is None and progress.get("attempt") == 3:
            stalled_resumed_first_step = now
            bed.apply(preemptor)
            preemptor_applied = time.time()
        if stalled_resumed_first_step is not None and preempted is None and suspended(bed, children[3]):
            preempted = now
        queue_state = (status.get("queue") or {}).get("state")
        # The status says Admitted until the operator has seen the preemption: wait for that first.
        requeued = requeued or (preempted is not None and queue_state == "Preempted")
        if requeued and readmitted is None and queue_state == "Admitted":
            readmitted = now
            # Steps after this are new: past the SIGTERM checkpoint and the last step reported before it.
            checkpoint = ((status.get("checkpoint") or {}).get("latest") or {}).get("step") or 0
            resumed_from_step = max(checkpoint, progress.get("step") or 0)
        if readmitted is not None and restarted is None:
            # attempt 3's pods as Kueue's re-admission made them again (the same names)
            starts = [container_times(p)[0] for p in bed.attempt_pods(NAMESPACE, children[3])]
            known = [s for s in starts if s is not None and s >= preempted]
            restarted = min(known) if known else None
        if (
            readmitted is not None
            and preempt_resumed_first_step is None
            and (progress.get("step") or 0) > resumed_from_step
        ):
            preempt_resumed_first_step = now
        max_live = max(max_live, live_pytorchjobs(bed, pytorchjob_uids))
        if status.get("phase") == "Succeeded":
            succeeded = now
        time.sleep(POLL_S)

    assert first_step and crashed and resumed_first_step, "no crash and resume"
    assert stopped and stalled and stalled_resumed_first_step, (stopped, stalled, stalled_resumed_first_step)
    assert preempted and readmitted and restarted and preempt_resumed_first_step, (
        f"attempt 3 was not preempted, or not admitted again: {status}"
    )
    final = len(status["attempts"])
    masters = [
        p for p in bed.attempt_pods(NAMESPACE, children[final]) if p.metadata.name.endswith("-master-0")
    ]
    finished = container_times(masters[0])[1]
    assert finished is not None, f"attempt {final}'s master has no finishedAt"
    trainer_wall = (
        (crashed - attempt_started[1])
        + (stopped - attempt_started[2])
        + (preempted - attempt_started[3])
        + (finished - restarted)
    )
    preempted_wait = readmitted - preempted
    stall_wait = stalled - stopped
    records = bed.progress_records(NAMESPACE, NAME)
    preemptor_succeeded = succeeded_at(bed, f"{PREEMPTOR}-a1")
    moments = {
        "first step": first_step,
        "worker killed (crash)": crashed,
        "attempt 2's first step": resumed_first_step,
        "worker stopped (SIGSTOP)": stopped,
        "Stalled": stalled,
        "attempt 3's first step; preemptor applied": preemptor_applied,
        "attempt 3 preempted (PyTorchJob suspended)": preempted,
        "preemptor's PyTorchJob Succeeded": preemptor_succeeded,
        "attempt 3 admitted again": readmitted,
        "attempt 3's pods started again": restarted,
        "first step after the preemption": preempt_resumed_first_step,
        "Succeeded": succeeded,
    }
    figures = {
        "benchmark": "e2e",
        "smoke": args.smoke,
        "job": f"{NAMESPACE}/{NAME} ({job['spec']['resources']['nodes']} x ml.m5.large, real node)",
        "steps": status["progress"]["totalSteps"],
        "attempts": len(status["attempts"]),
        "resumed_from": status["attempts"][-1].get("resumedFrom"),
        "steps_lost_to_the_crash": max(
            r["step"] for r in records if r["type"] == "step" and r["attempt"] == 1
        )
        - max(r["step"] for r in records if r["type"] == "checkpoint" and r["attempt"] == 1),
        "apply_to_first_step_s": round(first_step - applied, 1),
        "apply_to_succeeded_s": round(succeeded - applied, 1),
        "trainer_wall_s": round(trainer_wall, 1),
        "preempted_wait_s": round(preempted_wait, 1),
        "operator_overhead_s": round(succeeded - applied - trainer_wall - preempted_wait - stall_wait, 1),
        "crash_to_resumed_first_step_s": round(resumed_first_step - crashed, 1),
        "stall_window_s": STALL_WINDOW_S,
        "sigstop_to_stalled_s": round(stall_wait, 1),
        "stalled_to_resumed_first_step_s": round(stalled_resumed_first_step - stalled, 1),
        "stalled": stalled_message,
        "attempt_results": [[a.get("result"), a.get("reason")] for a in status["attempts"]],
        "stopped_at_checkpoint": stopped_at_checkpoint,
        "stopped_checkpoint_attempt": stopped_checkpoint_attempt,
        "resumed_from_each": [a.get("resumedFrom") for a in status["attempts"]],
        "max_live_pytorchjobs": max_live,
        "preemptions": (status.get("queue") or {}).get("preemptions"),
        "steps_lost_to_the_preemption": (status.get("queue") or {}).get("stepsLost"),
        "preempt_to_resumed_first_step_s": round(preempt_resumed_first_step - preempted, 1),
        "timeline_s": {
            what: round(moment - applied, 1) for what, moment in moments.items() if moment is not None
        },
        "pytorchjob_uids": {name: len(uids) for name, uids in sorted(pytorchjob_uids.items())},
        "preempted_attempt": children[3],
        "note": "container timestamps have 1 s resolution; status is polled every 0.2 s",
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
