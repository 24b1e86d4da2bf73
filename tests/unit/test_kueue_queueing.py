"""HyperPod task governance (Kueue) in the operator's pure core: reading a Workload, and the
FineTuneJob's transitions while its attempt is queued, preempted and admitted again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.state_jobs import apply, make_job

from finetune_operator.api.job import (
    BackendRef,
    CheckpointRef,
    CheckpointStatus,
    FineTuneJob,
    Phase,
    Progress,
    RecipeStatus,
)
from finetune_operator.api.recipe import RecipeKind
from finetune_operator.attempt import AttemptState, Observation, QueueView
from finetune_operator.backends.hyperpod.queueing import current_workload, queue_view
from finetune_operator.metrics import JOB_WAITING_SINCE, job_samples
from finetune_operator.statemachine import (
    SetSuspended,
    StopAttempt,
    Submit,
    attempt_check_in,
    decide,
    submitted,
)

NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)
QUEUE = "hyperpod-ns-team-a-localqueue"
QUEUED_SPEC = {"scheduling": {"queueName": QUEUE, "priorityClass": "experimentation-priority"}}
PREEMPTED_MESSAGE = (
    "Preempted to accommodate a workload (UID: 1, JobUID: 2) due to prioritization in the ClusterQueue"
)


def workload(conditions: list[dict[str, Any]], preemptions: int = 0) -> dict[str, Any]:
    status: dict[str, Any] = {"conditions": conditions}
    if preemptions:
        status["schedulingStats"] = {
            "evictions": [
                {"reason": "Preempted", "underlyingCause": "", "count": preemptions},
                {"reason": "Deactivated", "underlyingCause": "", "count": 4},
            ]
        }
    return {
        "metadata": {"name": "pytorchjob-j-a1-abcde", "creationTimestamp": "2026-11-22T10:00:00Z"},
        "status": status,
    }


def condition(type_: str, status: str, reason: str, message: str = "") -> dict[str, str]:
    return {"type": type_, "status": status, "reason": reason, "message": message}


PENDING = [
    condition(
        "QuotaReserved",
        "False",
        "Pending",
        "couldn't assign flavors to pod set master: insufficient unused quota for cpu in flavor default",
    )
]
ADMITTED = [condition("QuotaReserved", "True", "QuotaReserved"), condition("Admitted", "True", "Admitted")]
PREEMPTED = [
    condition("QuotaReserved", "True", "QuotaReserved"),
    condition("Admitted", "True", "Admitted"),
    condition("Evicted", "True", "Preempted", PREEMPTED_MESSAGE),
    condition("Preempted", "True", "InClusterQueue", PREEMPTED_MESSAGE),
]
REQUEUED = [
    condition("QuotaReserved", "False", "Pending", PREEMPTED_MESSAGE),
    condition("Evicted", "False", "Preempted", PREEMPTED_MESSAGE),
    condition("Preempted", "False", "InClusterQueue", PREEMPTED_MESSAGE),
    condition("Requeued", "True", "Preempted", PREEMPTED_MESSAGE),
]


def start(job: FineTuneJob) -> FineTuneJob:
    """The job with its attempt 1 submitted."""
    plan = decide(job, None, NOW)
    recipe = RecipeStatus(name="r", kind=RecipeKind.CLUSTER_FINE_TUNE_RECIPE, hash="h")
    ref = BackendRef(kind="PyTorchJob", name="j-a1", uid="pj-1")
    return apply(job, submitted(plan, ref, recipe, "/fsx/finetune/n/j/checkpoints"))


# -- reading the Workload -------------------------------------------------------------------------


def test_a_workload_without_quota_is_pending_with_kueues_words() -> None:
    view = queue_view(QUEUE, workload(PENDING))
    assert not view.admitted and view.reason == "Pending" and "insufficient unused quota" in view.message
    assert view.preemptions == 0 and view.preemption_reason == ""


def test_no_workload_yet_is_pending() -> None:
    view = queue_view(QUEUE, None)
    assert not view.admitted and view.reason == "Pending" and QUEUE in view.message


def test_an_admitted_workload_is_admitted() -> None:
    view = queue_view(QUEUE, workload(ADMITTED))
    assert view.admitted and view.reason == "Admitted"


def test_an_evicted_workload_is_not_admitted_and_counts_only_preemptions() -> None:
    view = queue_view(QUEUE, workload(PREEMPTED, preemptions=1))
    assert not view.admitted and view.reason == "Preempted"
    assert view.preemptions == 1  # the Deactivated evictions (spec.suspend) are not preemptions
    assert view.preemption_reason == "InClusterQueue" and view.preemption_message == PREEMPTED_MESSAGE


def test_a_preemption_seen_only_after_readmission_has_no_made_up_reason() -> None:
    readmitted = [*ADMITTED, condition("Preempted", "False", "QuotaReserved", PREEMPTED_MESSAGE)]
    view = queue_view(QUEUE, workload(readmitted, preemptions=1))
    assert view.admitted and view.preemptions == 1 and view.preemption_reason == ""


def test_the_newest_live_workload_is_the_current_one() -> None:
    old = {"metadata": {"name": "a", "creationTimestamp": "2026-11-22T09:00:00Z"}}
    new = {"metadata": {"name": "b", "creationTimestamp": "2026-11-22T10:00:00Z"}}
    going = {"metadata": {"name": "c", "creationTimestamp": "2026-11-22T11:00:00Z", "deletionTimestamp": "x"}}
    assert current_workload([old, going, new]) is new
    assert current_workload([]) is None


# -- the FineTuneJob's transitions ------------------------------------------------------------------


def observed(state: AttemptState, view: QueueView, suspended: bool) -> Observation:
    return Observation(state=state, reason=state.value, suspended=suspended, queue=view)


def queued_job() -> FineTuneJob:
    return start(make_job(QUEUED_SPEC))


def test_a_job_waiting_for_quota_is_queued_never_failed_and_looked_at_again() -> None:
    job = queued_job()
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PENDING)), True), NOW)
    assert plan.status.phase == Phase.QUEUED and plan.status.reason == "Queued"
    queued = next(c for c in plan.status.conditions if c.type == "Queued")
    assert queued.status == "True" and queued.reason == "Pending"
    assert QUEUE in queued.message and "insufficient unused quota" in queued.message
    assert [(e.type, e.reason) for e in plan.events] == [("Normal", "Queued")]
    assert plan.action is None and attempt_check_in(plan) is not None
    assert plan.status.queue is not None and plan.status.queue.state == "Queued"
    assert plan.status.queue.name == QUEUE and plan.status.queue.preemptions == 0
    assert plan.status.attempts[0].end_time is None  # not an attempt's end


def running(job: FineTuneJob, step: int = 7) -> FineTuneJob:
    plan = decide(job, observed(AttemptState.RUNNING, queue_view(QUEUE, workload(ADMITTED)), False), NOW)
    assert plan.status.phase == Phase.RUNNING
    assert plan.status.queue is not None and plan.status.queue.state == "Admitted"
    job = apply(job, plan)
    job.status.progress = Progress(attempt=1, step=step, total_steps=20)
    return job


def test_a_preempted_attempt_is_recorded_spends_no_attempt_and_resumes_from_its_checkpoint() -> None:
    job = running(queued_job(), step=7)
    later = NOW + timedelta(seconds=30)
    # Kueue evicted the Workload and suspended the PyTorchJob: the trainer checkpoints and exits 143.
    plan = decide(
        job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 1)), True), later
    )
    assert plan.status.phase == Phase.QUEUED and plan.status.reason == "Requeued"
    assert plan.action is None and plan.status.current_attempt == 1
    (record,) = plan.status.attempts
    assert record.end_time is None and record.result is None  # the attempt goes on
    (preemption,) = record.preemptions or []
    assert preemption.reason == "InClusterQueue" and preemption.message == PREEMPTED_MESSAGE
    assert preemption.step_reached == 7 and preemption.steps_lost is None
    assert plan.status.queue is not None and plan.status.queue.state == "Preempted"
    assert plan.status.queue.preemptions == 1
    warning = [e for e in plan.events if e.reason == "Preempted"]
    assert len(warning) == 1 and warning[0].type == "Warning"
    assert "InClusterQueue" in warning[0].message and "no attempt spent" in warning[0].message
    assert "1 of at most 10" in warning[0].message
    assert not any(c.type == "Failed" for c in plan.status.conditions)
    job = apply(job, plan)
    # Its SIGTERM checkpoint (step 8) and last progress report arrive while it waits.
    job.status.progress = Progress(attempt=1, step=8, total_steps=20)
    job.status.checkpoint = CheckpointStatus(latest=CheckpointRef(path="/fsx/c/step-8", step=8, attempt=1))
    plan = decide(
        job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(REQUEUED, 1)), True), later
    )
    assert plan.events == ()  # the same preemption, nothing new
    assert (plan.status.attempts[0].preemptions or [])[0].step_reached == 8
    job = apply(job, plan)
    # Admitted again: Kueue continues the same PyTorchJob, whose trainer resumes from step 8.
    plan = decide(job, observed(AttemptState.RUNNING, queue_view(QUEUE, workload(ADMITTED, 1)), False), later)
    assert plan.status.phase == Phase.RUNNING and plan.action is None
    (preemption,) = plan.status.attempts[0].preemptions or []
    assert preemption.resumed_from_step == 8 and preemption.steps_lost == 0
    assert plan.status.queue is not None and plan.status.queue.state == "Admitted"
    assert plan.status.queue.preemptions == 1 and plan.status.queue.steps_lost == 0
    assert [e.reason for e in plan.events if e.reason == "Readmitted"] == ["Readmitted"]
    assert next(c for c in plan.status.conditions if c.type == "Queued").status == "False"
    # And it finishes as attempt 1 of its maxAttempts.
    job = apply(job, plan)
    plan = decide(job, Observation(AttemptState.SUCCEEDED, output_path="/fsx/o"), later)
    assert plan.status.phase == Phase.SUCCEEDED and len(plan.status.attempts) == 1


def test_an_evicted_attempt_is_queued_before_its_pods_have_stopped() -> None:
    """Kueue suspends the PyTorchJob; the training-operator has not yet turned its Running
    condition off: the job already says it is preempted, not Running."""
    job = running(queued_job())
    plan = decide(job, observed(AttemptState.RUNNING, queue_view(QUEUE, workload(PREEMPTED, 1)), True), NOW)
    assert plan.status.phase == Phase.QUEUED and plan.status.reason == "Requeued"


def test_steps_lost_are_those_between_the_checkpoint_and_the_last_reported_step() -> None:
    job = running(queued_job(), step=11)
    job.status.checkpoint = CheckpointStatus(latest=CheckpointRef(path="/fsx/c/step-9", step=9, attempt=1))
    job = apply(
        job,
        decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 1)), True), NOW),
    )
    plan = decide(job, observed(AttemptState.RUNNING, queue_view(QUEUE, workload(ADMITTED, 1)), False), NOW)
    (preemption,) = plan.status.attempts[0].preemptions or []
    assert (preemption.step_reached, preemption.resumed_from_step, preemption.steps_lost) == (11, 9, 2)
    assert plan.status.queue is not None and plan.status.queue.steps_lost == 2


def test_a_preemption_missed_between_two_looks_is_still_recorded() -> None:
    job = running(queued_job())
    plan = decide(job, observed(AttemptState.RUNNING, queue_view(QUEUE, workload(ADMITTED, 1)), False), NOW)
    assert plan.status.queue is not None and plan.status.queue.preemptions == 1
    assert [e.reason for e in plan.events].count("Preempted") == 1


def test_more_preemptions_than_max_preemptions_fail_the_job_and_stop_its_attempt() -> None:
    job = running(start(make_job({**QUEUED_SPEC, "resume": {"maxPreemptions": 1}})))
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 1)), True), NOW)
    assert plan.status.phase == Phase.QUEUED  # the first one is allowed
    job = apply(job, plan)
    job = apply(
        job, decide(job, observed(AttemptState.RUNNING, queue_view(QUEUE, workload(ADMITTED, 1)), False), NOW)
    )
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 2)), True), NOW)
    assert plan.status.phase == Phase.FAILED and plan.status.reason == "MaxPreemptionsReached"
    assert plan.action == StopAttempt(1)
    assert plan.status.attempts[0].result == "Preempted"
    assert "more than spec.resume.maxPreemptions (1)" in (plan.status.attempts[0].message or "")
    assert not any(c.type == "Queued" and c.status == "True" for c in plan.status.conditions)


def test_preemptions_of_earlier_attempts_count_towards_the_bound() -> None:
    job = running(start(make_job({**QUEUED_SPEC, "resume": {"maxPreemptions": 1}})))
    job = apply(
        job,
        decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 1)), True), NOW),
    )
    plan = decide(job, Observation(AttemptState.FAILED, reason="PyTorchJobFailed", exit_code=1), NOW)
    assert plan.action == Submit(attempt=2, resume_from="auto", remaining_runtime_seconds=None)
    job = apply(job, plan)
    # Attempt 2 is a new PyTorchJob: its Workload counts from 0 again.
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 1)), True), NOW)
    assert plan.status.phase == Phase.FAILED and plan.status.reason == "MaxPreemptionsReached"


def test_spec_suspend_of_a_queued_attempt_goes_through_its_queue_and_continues() -> None:
    job = queued_job()
    job = apply(
        job, decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PENDING)), True), NOW)
    )
    job = job.model_copy(update={"spec": job.spec.model_copy(update={"suspend": True})})
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PENDING)), True), NOW)
    assert plan.action == SetSuspended(True)  # Kueue would admit it otherwise
    assert plan.status.phase == Phase.SUSPENDED
    job = apply(job, plan)
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PENDING)), True), NOW)
    assert plan.action is None  # asked once
    job = apply(job, plan)
    job = job.model_copy(update={"spec": job.spec.model_copy(update={"suspend": False})})
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PENDING)), True), NOW)
    assert plan.action == SetSuspended(False)
    job = apply(job, plan)
    plan = decide(job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PENDING)), True), NOW)
    assert plan.status.phase == Phase.QUEUED and plan.action is None


def test_a_requeued_job_waits_since_its_preemption() -> None:
    job = running(queued_job())
    later = NOW + timedelta(minutes=5)
    plan = decide(
        job, observed(AttemptState.SUSPENDED, queue_view(QUEUE, workload(PREEMPTED, 1)), True), later
    )
    document = apply(job, plan).model_dump(mode="json", exclude_none=True)
    phase, samples = job_samples(document)
    assert phase == "Queued" and samples[JOB_WAITING_SINCE] == later.timestamp()
