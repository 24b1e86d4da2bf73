"""The FineTuneJob lifecycle, decision by decision (pure: no cluster, fixed clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.state_jobs import apply, make_job

from finetune_operator.api.job import (
    BackendRef,
    CheckpointRef,
    FineTuneJob,
    Phase,
    Progress,
    RecipeStatus,
    SageMakerStatus,
)
from finetune_operator.api.recipe import RecipeKind
from finetune_operator.attempt import AttemptState, JobEvent, Observation
from finetune_operator.errors import InvalidSpecError, RecipeNotFoundError
from finetune_operator.statemachine import (
    ATTEMPT_CHECK_SECONDS,
    RUNTIME_GRACE_SECONDS,
    Plan,
    SetSuspended,
    StopAttempt,
    Submit,
    attempt_check_in,
    decide,
    deletion_blocked,
    rejected,
    runtime_check_in,
    submitted,
    waits_for_recipe,
)

NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)


def conditions(plan: Plan) -> dict[str, str]:
    return {c.type: c.status for c in plan.status.conditions}


def start(job: FineTuneJob) -> FineTuneJob:
    plan = decide(job, None, NOW)
    ref = BackendRef(kind="PyTorchJob", name="j-a1", uid="pj-1")
    return apply(
        job,
        submitted(
            plan,
            ref,
            RecipeStatus(name="r", kind=RecipeKind.CLUSTER_FINE_TUNE_RECIPE, hash="h"),
            "/fsx/finetune/ns/j/checkpoints",
        ),
    )


def test_new_job_submits_attempt_one() -> None:
    plan = decide(make_job(), None, NOW)
    assert attempt_check_in(plan) == ATTEMPT_CHECK_SECONDS  # looked at once soon after
    assert plan.action == Submit(attempt=1, resume_from=None, remaining_runtime_seconds=None)
    assert plan.status.phase == Phase.SUBMITTED
    assert plan.status.current_attempt == 1
    assert plan.status.attempts[0].name == "j-a1"
    assert plan.status.start_time == "2026-11-22T10:00:00Z"
    assert plan.status.observed_generation == 1
    assert conditions(plan) == {"Submitted": "True"}
    assert [e.reason for e in plan.events] == ["Submitted"]


def test_submitted_records_ref_and_recipe() -> None:
    job = start(make_job())
    assert job.status.backend_ref is not None and job.status.backend_ref.name == "j-a1"
    assert job.status.recipe is not None and job.status.recipe.hash == "h"


def test_running_then_succeeded() -> None:
    job = start(make_job())
    running = decide(job, Observation(AttemptState.RUNNING, reason="PyTorchJobRunning"), NOW)
    assert running.status.phase == Phase.RUNNING and running.action is None
    assert conditions(running)["Running"] == "True"
    job = apply(job, running)
    assert decide(job, Observation(AttemptState.RUNNING, reason="PyTorchJobRunning"), NOW).events == ()
    done = decide(
        job, Observation(AttemptState.SUCCEEDED, reason="PyTorchJobSucceeded", output_path="/fsx/o"), NOW
    )
    assert done.status.phase == Phase.SUCCEEDED
    assert conditions(done) == {"Submitted": "True", "Running": "False", "Succeeded": "True"}
    assert done.status.output is not None and done.status.output.path == "/fsx/o"
    assert done.status.attempts[0].result == "Succeeded" and done.status.completion_time


def test_terminal_jobs_stay_terminal() -> None:
    job = start(make_job())
    job = apply(job, decide(job, Observation(AttemptState.SUCCEEDED), NOW))
    plan = decide(job, None, NOW + timedelta(hours=1))
    assert plan.action is None and plan.events == () and plan.status == job.status


def test_failure_with_attempts_left_resumes_from_latest_checkpoint() -> None:
    document = start(make_job()).model_dump(mode="json")
    document["status"]["checkpoint"] = {"latest": {"path": "/fsx/c/step-00000020", "step": 20}}
    job = FineTuneJob.model_validate(document)
    plan = decide(job, Observation(AttemptState.FAILED, reason="PyTorchJobFailed", exit_code=1), NOW)
    assert plan.action == Submit(
        attempt=2, resume_from="/fsx/c/step-00000020", remaining_runtime_seconds=None
    )
    assert plan.status.phase == Phase.RESUMING and plan.status.current_attempt == 2
    first, second = plan.status.attempts
    assert (first.result, first.exit_code, first.end_time) == ("Failed", 1, "2026-11-22T10:00:00Z")
    assert second.resumed_from == "/fsx/c/step-00000020" and second.end_time is None
    assert [e.reason for e in plan.events] == ["AttemptFailed", "Resuming"]
    # The Event says what the attempt starts from, not the keyword it passes (issue 23).
    assert plan.events[-1].message == (
        "Attempt 2 of 3 resumes from step 20 (checkpoint /fsx/c/step-00000020)"
    )


def test_failure_without_checkpoint_resumes_auto() -> None:
    job = start(make_job())
    plan = decide(job, Observation(AttemptState.FAILED, exit_code=143), NOW)
    assert isinstance(plan.action, Submit) and plan.action.resume_from == "auto"
    assert plan.events[-1].message == (
        "Attempt 2 of 3 starts from scratch: no checkpoint reported "
        "(the trainer still resumes from one it finds)"
    )


def test_missing_child_counts_as_a_failed_attempt() -> None:
    job = start(make_job())
    plan = decide(job, Observation(AttemptState.MISSING, reason="PyTorchJobNotFound"), NOW)
    assert isinstance(plan.action, Submit) and plan.action.attempt == 2


def test_attempts_exhausted_fails() -> None:
    job = start(make_job({"resume": {"maxAttempts": 1}}))
    plan = decide(
        job, Observation(AttemptState.FAILED, message="1 Worker replica(s) failed", exit_code=1), NOW
    )
    assert plan.action is None and plan.status.phase == Phase.FAILED
    failed = next(c for c in plan.status.conditions if c.type == "Failed")
    assert failed.reason == "MaxAttemptsReached"
    assert "Attempt 1 of 1 failed: 1 Worker replica(s) failed (exit code 1)" in failed.message


def test_exit_code_two_is_invalid_spec_without_resume() -> None:
    job = start(make_job())
    plan = decide(job, Observation(AttemptState.FAILED, exit_code=2), NOW)
    assert plan.action is None and plan.status.phase == Phase.FAILED
    assert next(c for c in plan.status.conditions if c.type == "Failed").reason == "InvalidSpec"


def _rollback(attempt: int, step: int, time: str) -> dict:
    return {
        "attempt": attempt,
        "step": step,
        "reason": "loss is nan",
        "restoredStep": step - 2,
        "learningRate": 5e-5,
        "time": time,
    }


def test_rollbacks_the_trainer_reports_are_kept_in_health_with_one_event_each() -> None:
    job = start(make_job())
    first = _rollback(1, 12, "2026-11-22T09:58:00Z")
    job = job.model_copy(
        update={
            "status": job.status.model_copy(
                update={"progress": Progress.model_validate({"attempt": 1, "step": 12, "rollbacks": [first]})}
            )
        }
    )
    plan = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert plan.status.health is not None
    assert [(r.attempt, r.step, r.restored_step, r.learning_rate) for r in plan.status.health.rollbacks] == [
        (1, 12, 10, 5e-5)
    ]
    (event,) = [e for e in plan.events if e.reason == "RolledBack"]
    assert event.type == "Warning" and "diverged at step 12 (loss is nan)" in event.message
    assert "step 10 with learning rate 5e-05" in event.message
    # The next report carries the attempt's whole list again: only the new rollback is added.
    job = apply(job, plan)
    second = _rollback(1, 30, "2026-11-22T09:59:00Z")
    progress = Progress.model_validate({"attempt": 1, "step": 30, "rollbacks": [first, second]})
    job = job.model_copy(update={"status": job.status.model_copy(update={"progress": progress})})
    plan = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert [r.step for r in plan.status.health.rollbacks] == [12, 30]
    assert len([e for e in plan.events if e.reason == "RolledBack"]) == 1
    assert decide(apply(job, plan), Observation(AttemptState.RUNNING), NOW).events == ()


def test_exit_code_three_fails_diverged_without_spending_an_attempt() -> None:
    job = start(make_job({"resume": {"maxAttempts": 3}}))
    progress = Progress.model_validate(
        {"attempt": 1, "step": 40, "rollbacks": [_rollback(1, 20, "2026-11-22T09:58:00Z")]}
    )
    job = job.model_copy(update={"status": job.status.model_copy(update={"progress": progress})})
    said = (
        "worker 0 (pod j-a1-worker-0) exited with code 3: diverged: training diverged at step 41: "
        "loss is nan, after 1 rollback(s) (spec.health.divergence.maxRollbacks 1)"
    )
    plan = decide(job, Observation(AttemptState.FAILED, message=said, exit_code=3), NOW)
    assert plan.action is None and plan.status.phase == Phase.FAILED and plan.status.reason == "Diverged"
    assert plan.status.current_attempt == 1 and len(plan.status.attempts) == 1
    failed = next(c for c in plan.status.conditions if c.type == "Failed")
    assert failed.reason == "Diverged"
    assert failed.message.startswith("Training diverged in attempt 1: worker 0")
    assert "at step 41: loss is nan" in failed.message and "(exit code 3)" in failed.message
    assert failed.message.endswith("(1 rollback before, in status.health.rollbacks)")
    assert any(e.reason == "Diverged" and e.type == "Warning" for e in plan.events)


def test_max_runtime_exceeded_does_not_resume() -> None:
    job = start(make_job({"maxRuntimeSeconds": 60}))
    plan = decide(
        job, Observation(AttemptState.FAILED, reason="DeadlineExceeded"), NOW + timedelta(seconds=61)
    )
    assert plan.status.phase == Phase.FAILED
    assert next(c for c in plan.status.conditions if c.type == "Failed").reason == "MaxRuntimeExceeded"


def test_remaining_runtime_shrinks_across_attempts() -> None:
    job = start(make_job({"maxRuntimeSeconds": 3600}))
    plan = decide(job, Observation(AttemptState.FAILED), NOW + timedelta(seconds=600))
    assert isinstance(plan.action, Submit) and plan.action.remaining_runtime_seconds == 3000


def with_limit(job: FineTuneJob, seconds: int) -> FineTuneJob:
    """``job`` after ``spec.maxRuntimeSeconds`` was set or changed (it may change at any time)."""
    return job.model_copy(update={"spec": job.spec.model_copy(update={"max_runtime_seconds": seconds})})


def test_a_limit_set_on_a_running_attempt_stops_it_past_the_deadline() -> None:
    running = Observation(AttemptState.RUNNING, reason="PyTorchJobRunning")
    job = apply(start(make_job()), decide(start(make_job()), running, NOW))
    job = with_limit(job, 600)
    assert runtime_check_in(job, NOW + timedelta(seconds=300)) == 300 + RUNTIME_GRACE_SECONDS
    # Within the grace the attempt's own deadline may still end it, as its backend reports.
    within = decide(job, running, NOW + timedelta(seconds=600 + RUNTIME_GRACE_SECONDS - 1))
    assert within.action is None and within.status.phase == Phase.RUNNING
    plan = decide(job, running, NOW + timedelta(seconds=600 + RUNTIME_GRACE_SECONDS))
    assert plan.action == StopAttempt(attempt=1)
    assert plan.status.phase == Phase.FAILED
    failed = next(c for c in plan.status.conditions if c.type == "Failed")
    assert failed.reason == "MaxRuntimeExceeded"
    assert failed.message == (
        "spec.maxRuntimeSeconds (600) exceeded in attempt 1: the operator stopped it (checkpoints are kept)"
    )
    (attempt,) = plan.status.attempts
    assert (attempt.result, attempt.reason) == ("Failed", "MaxRuntimeExceeded") and attempt.end_time
    assert conditions(plan)["Running"] == "False"
    assert [e.reason for e in plan.events] == ["MaxRuntimeExceeded"]
    assert runtime_check_in(apply(job, plan), NOW + timedelta(days=1)) is None


def test_a_lowered_limit_stops_a_pending_attempt_of_a_resumed_job() -> None:
    job = start(make_job({"maxRuntimeSeconds": 86400}))
    resumed = apply(job, decide(job, Observation(AttemptState.FAILED), NOW + timedelta(seconds=60)))
    assert resumed.status.current_attempt == 2
    lowered = with_limit(resumed, 120)
    plan = decide(
        lowered, Observation(AttemptState.PENDING), NOW + timedelta(seconds=120 + RUNTIME_GRACE_SECONDS)
    )
    assert plan.action == StopAttempt(attempt=2) and plan.status.phase == Phase.FAILED


def test_success_and_suspended_or_queued_attempts_are_not_stopped_for_runtime() -> None:
    job = with_limit(start(make_job()), 60)
    late = NOW + timedelta(hours=1)
    assert decide(job, Observation(AttemptState.SUCCEEDED), late).status.phase == Phase.SUCCEEDED
    queued = decide(job, Observation(AttemptState.PENDING, suspended=True), late)
    assert queued.action is None and queued.status.phase == Phase.SUBMITTED
    paused = with_limit(start(make_job({"suspend": False})), 60)
    paused = paused.model_copy(update={"spec": paused.spec.model_copy(update={"suspend": True})})
    plan = decide(paused, Observation(AttemptState.RUNNING), late)
    assert plan.action == SetSuspended(True) and plan.status.phase == Phase.SUSPENDED
    # Nothing to look at later: the attempt is looked at again when it changes.
    assert runtime_check_in(apply(job, queued), late) is None


def test_a_blocked_attempt_gets_a_condition_and_one_warning_until_it_is_unblocked() -> None:
    job = start(make_job())
    blocked = Observation(
        AttemptState.PENDING, reason="ClaimNotFound", message="PersistentVolumeClaim c ...", blocked=True
    )
    plan = decide(job, blocked, NOW)
    assert plan.status.phase == Phase.SUBMITTED and plan.action is None
    condition = next(c for c in plan.status.conditions if c.type == "AttemptBlocked")
    assert (condition.status, condition.reason, condition.message) == (
        "True",
        "ClaimNotFound",
        "PersistentVolumeClaim c ...",
    )
    assert [(e.type, e.reason) for e in plan.events] == [("Warning", "ClaimNotFound")]
    assert attempt_check_in(plan) == ATTEMPT_CHECK_SECONDS
    job = apply(job, plan)
    assert decide(job, blocked, NOW).events == ()
    running = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert conditions(running)["AttemptBlocked"] == "False" and running.status.phase == Phase.RUNNING
    assert attempt_check_in(running) is None
    # Never blocked: no such condition at all.
    assert "AttemptBlocked" not in conditions(
        decide(start(make_job()), Observation(AttemptState.PENDING), NOW)
    )


def test_suspend_before_submission_submits_nothing() -> None:
    plan = decide(make_job({"suspend": True}), None, NOW)
    assert plan.action is None and plan.status.phase == Phase.SUSPENDED and plan.status.current_attempt == 0


def test_suspend_and_continue_a_running_attempt() -> None:
    job = start(make_job())
    job = job.model_copy(update={"spec": job.spec.model_copy(update={"suspend": True})})
    plan = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert plan.action == SetSuspended(True) and plan.status.phase == Phase.SUSPENDED
    job = apply(job, plan)
    assert decide(job, Observation(AttemptState.SUSPENDED, suspended=True), NOW).action is None
    job = job.model_copy(update={"spec": job.spec.model_copy(update={"suspend": False})})
    plan = decide(job, Observation(AttemptState.SUSPENDED, suspended=True), NOW)
    assert plan.action == SetSuspended(False) and plan.status.phase == Phase.SUBMITTED
    assert conditions(plan)["Suspended"] == "False"


def test_queue_suspension_is_not_fought() -> None:
    """Kueue holds a queued PyTorchJob suspended; the operator must not unsuspend it."""
    job = start(make_job({"scheduling": {"queueName": "q"}}))
    plan = decide(job, Observation(AttemptState.PENDING, suspended=True), NOW)
    assert plan.action is None and plan.status.phase == Phase.SUBMITTED


def test_rejected_first_attempt_leaves_no_attempt_record() -> None:
    job = make_job()
    plan = rejected(job, decide(job, None, NOW), RecipeNotFoundError("no recipe for model 'x'"), NOW)
    assert (
        plan.status.phase == Phase.FAILED and plan.status.current_attempt == 0 and plan.status.attempts == []
    )
    failed = next(c for c in plan.status.conditions if c.type == "Failed")
    assert (failed.reason, failed.message) == ("RecipeNotFound", "no recipe for model 'x'")
    assert [(e.type, e.reason) for e in plan.events] == [("Warning", "RecipeNotFound")]


def test_rejected_spec_is_judged_again_after_an_edit() -> None:
    job = make_job()
    job = apply(job, rejected(job, None, InvalidSpecError("bad"), NOW))
    assert decide(job, None, NOW).action is None
    edited = job.model_copy(update={"metadata": job.metadata.model_copy(update={"generation": 2})})
    plan = decide(edited, None, NOW)
    assert isinstance(plan.action, Submit) and plan.status.phase == Phase.SUBMITTED
    assert conditions(plan) == {"Submitted": "True"}


def test_a_job_rejected_for_its_recipe_is_judged_again_without_an_edit() -> None:
    job = make_job()
    failed = apply(job, rejected(job, decide(job, None, NOW), RecipeNotFoundError("no recipe"), NOW))
    assert waits_for_recipe(failed.status)
    later = NOW + timedelta(minutes=5)
    plan = decide(failed, None, later)
    assert isinstance(plan.action, Submit) and plan.status.phase == Phase.SUBMITTED
    # Still no recipe: the same Failed status, no Event, so nothing is written or posted.
    again = rejected(failed, plan, RecipeNotFoundError("no recipe"), later)
    assert again.status == failed.status and again.events == ()


def test_a_job_rejected_for_its_spec_waits_for_an_edit_not_for_recipes() -> None:
    job = make_job()
    failed = apply(job, rejected(job, decide(job, None, NOW), InvalidSpecError("bad"), NOW))
    assert not waits_for_recipe(failed.status)
    assert decide(failed, None, NOW).action is None


def test_rejected_resume_keeps_the_failed_attempt() -> None:
    job = start(make_job())
    plan = decide(job, Observation(AttemptState.FAILED, exit_code=1), NOW)
    final = rejected(job, plan, RecipeNotFoundError("recipe r was deleted"), NOW)
    assert final.status.current_attempt == 1 and len(final.status.attempts) == 1
    assert final.status.attempts[0].result == "Failed"
    assert [e.reason for e in final.events] == ["AttemptFailed", "RecipeNotFound"]


# --- what a cloud backend sees besides the attempt state ------------------------------------


def test_attempt_that_must_not_be_resumed_fails_the_job() -> None:
    """Stopped in the console or out of runtime: attempts are left, yet nothing resumes."""
    job = start(make_job(status=None))
    for reason in ("TrainingJobStopped", "MaxRuntimeExceeded"):
        plan = decide(job, Observation(AttemptState.FAILED, reason=reason, resumable=False), NOW)
        assert plan.action is None
        assert plan.status.phase == Phase.FAILED
        failed = next(c for c in plan.status.conditions if c.type == "Failed")
        assert failed.reason == reason and "is not resumed" in failed.message
        assert plan.status.current_attempt == 1 and plan.status.attempts[0].result == "Failed"
    resumed = decide(job, Observation(AttemptState.FAILED, reason="TrainingJobFailed"), NOW)
    assert isinstance(resumed.action, Submit) and resumed.status.phase == Phase.RESUMING


def test_backend_events_come_before_the_phase_event() -> None:
    job = start(make_job())
    events = (JobEvent("Normal", "SageMakerTraining", "Training in progress"),)
    plan = decide(job, Observation(AttemptState.RUNNING, reason="Training", events=events), NOW)
    assert [(e.type, e.reason) for e in plan.events] == [
        ("Normal", "SageMakerTraining"),
        ("Normal", "Running"),
    ]


def test_backend_summary_goes_to_status() -> None:
    summary = SageMakerStatus(training_job_name="j-1234-a1", training_job_status="InProgress")
    job = start(make_job({"backend": "sagemaker"}))
    plan = decide(job, Observation(AttemptState.PENDING, summary=summary), NOW)
    assert plan.status.sagemaker == summary


def test_checkpoint_found_by_the_backend_is_the_next_resume_point() -> None:
    job = start(make_job())
    found = CheckpointRef(path="s3://b/ck/step-00000020", step=20)
    running = decide(job, Observation(AttemptState.RUNNING, checkpoint=found), NOW)
    latest = running.status.checkpoint.latest if running.status.checkpoint else None
    assert latest is not None and (latest.path, latest.step, latest.attempt) == (found.path, 20, 1)
    job = apply(job, running)
    older = CheckpointRef(path="s3://b/ck/step-00000010", step=10)
    failed = decide(job, Observation(AttemptState.FAILED, reason="TrainingJobFailed", checkpoint=older), NOW)
    assert failed.action == Submit(attempt=2, resume_from=found.path, remaining_runtime_seconds=None)


def test_progress_read_by_the_backend_goes_to_status() -> None:
    job = start(make_job({"backend": "sagemaker"}))
    read = Progress(attempt=1, step=30, total_steps=100, percent="30%", estimated_completion_time="x")
    plan = decide(job, Observation(AttemptState.RUNNING, progress=read), NOW)
    assert plan.status.progress == read
    job = apply(job, plan)
    assert decide(job, Observation(AttemptState.RUNNING), NOW).status.progress == read  # none read: kept


def test_deletion_blocked_adds_one_condition_and_keeps_the_others() -> None:
    job = start(make_job())
    blocked = deletion_blocked(job, "AwsUnreachable", "Stopping failed 1 time(s)", NOW)
    assert [(c.type, c.status) for c in blocked] == [("Submitted", "True"), ("DeletionBlocked", "True")]
    job.status.conditions = blocked
    later = deletion_blocked(job, "AwsUnreachable", "Stopping failed 2 time(s)", NOW + timedelta(minutes=1))
    assert later[-1].message == "Stopping failed 2 time(s)"
    assert later[-1].last_transition_time == blocked[-1].last_transition_time


# --- Stale state (issue 23, friction point 7): every case the issue lists -------------------------


def with_spec(job: FineTuneJob, generation: int, **changes: object) -> FineTuneJob:
    """``job`` after a spec edit (a new generation), as the API server would store it."""
    return job.model_copy(
        update={
            "spec": job.spec.model_copy(update=changes),
            "metadata": job.metadata.model_copy(update={"generation": generation}),
        }
    )


def progress_with_eta(attempt: int = 1) -> Progress:
    return Progress(attempt=attempt, step=5, total_steps=10, estimated_completion_time="2026-11-22T11:00:00Z")


def test_suspend_of_a_succeeded_job_changes_nothing_and_says_so_once() -> None:
    job = start(make_job())
    done = apply(job, decide(job, Observation(AttemptState.SUCCEEDED, output_path="/fsx/o"), NOW))
    suspended = with_spec(done, 2, suspend=True)
    plan = decide(suspended, None, NOW + timedelta(hours=1))
    assert plan.action is None and plan.status.phase == Phase.SUCCEEDED
    assert plan.status.completion_time == done.status.completion_time
    assert conditions(plan) == conditions(decide(done, None, NOW))  # no Suspended condition
    assert [(e.type, e.reason) for e in plan.events] == [("Warning", "AlreadyFinished")]
    assert "already finished (phase Succeeded)" in plan.events[0].message
    # Said once: the next look at the same generation is silent.
    assert decide(apply(suspended, plan), None, NOW + timedelta(hours=2)).events == ()


def test_suspend_of_a_job_that_failed_before_submission_never_makes_it_suspended() -> None:
    """The issue's case: Failed -> Suspended with completionTime cleared."""
    job = make_job()
    failed = apply(job, rejected(job, decide(job, None, NOW), RecipeNotFoundError("no recipe"), NOW))
    suspended = with_spec(failed, 2, suspend=True)
    plan = decide(suspended, None, NOW + timedelta(minutes=5))
    assert plan.action is None and plan.status.phase == Phase.FAILED
    assert plan.status.completion_time == failed.status.completion_time
    assert "Suspended" not in conditions(plan)
    assert [e.reason for e in plan.events] == ["AlreadyFinished"]


def test_a_job_resumed_after_suspension_before_submission_keeps_no_stale_suspended() -> None:
    """Suspended before submission, then resumed; a refused submission leaves Suspended False."""
    job = make_job({"suspend": True})
    job = apply(job, decide(job, None, NOW))
    assert conditions(decide(job, None, NOW))["Suspended"] == "True"
    resumed = with_spec(job, 2, suspend=False)
    plan = decide(resumed, None, NOW)
    assert isinstance(plan.action, Submit) and conditions(plan)["Suspended"] == "False"
    refused = rejected(resumed, plan, RecipeNotFoundError("no recipe"), NOW)
    assert refused.status.phase == Phase.FAILED
    assert conditions(refused)["Suspended"] == "False"


def test_running_is_not_true_while_suspended_nor_after_continuing() -> None:
    job = start(make_job())
    job = apply(job, decide(job, Observation(AttemptState.RUNNING), NOW))
    assert conditions(decide(job, Observation(AttemptState.RUNNING), NOW))["Running"] == "True"
    suspending = decide(with_spec(job, 2, suspend=True), Observation(AttemptState.RUNNING), NOW)
    assert suspending.status.phase == Phase.SUSPENDED
    assert conditions(suspending)["Running"] == "False"
    job = apply(with_spec(job, 2, suspend=True), suspending)
    continued = decide(
        with_spec(job, 3, suspend=False), Observation(AttemptState.SUSPENDED, suspended=True), NOW
    )
    assert continued.status.phase == Phase.SUBMITTED
    assert conditions(continued) == {"Submitted": "True", "Running": "False", "Suspended": "False"}
    job = apply(with_spec(job, 3, suspend=False), continued)
    again = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert conditions(again)["Running"] == "True" and again.status.phase == Phase.RUNNING


def test_a_queued_attempt_is_not_running() -> None:
    job = start(make_job({"scheduling": {"queueName": "q"}}))
    job = apply(job, decide(job, Observation(AttemptState.RUNNING), NOW))
    plan = decide(job, Observation(AttemptState.PENDING, suspended=True), NOW)
    assert plan.status.phase == Phase.SUBMITTED and conditions(plan)["Running"] == "False"


def test_a_finished_suspended_job_keeps_no_suspended_condition() -> None:
    """An attempt that fails for good while the job is suspended ends the job: not suspended."""
    job = start(make_job({"resume": {"maxAttempts": 1}}))
    job = with_spec(job, 2, suspend=True)
    job = apply(job, decide(job, Observation(AttemptState.RUNNING), NOW))
    plan = decide(job, Observation(AttemptState.FAILED, exit_code=1), NOW)
    assert plan.status.phase == Phase.FAILED
    assert conditions(plan)["Suspended"] == "False" and conditions(plan).get("Running", "False") == "False"


def eta(plan: Plan) -> str | None:
    return plan.status.progress.estimated_completion_time if plan.status.progress else None


def test_the_eta_is_kept_while_running_and_dropped_when_not_running() -> None:
    job = start(make_job())
    job = apply(job, decide(job, Observation(AttemptState.RUNNING), NOW))
    job = job.model_copy(update={"status": job.status.model_copy(update={"progress": progress_with_eta()})})
    assert eta(decide(job, Observation(AttemptState.RUNNING), NOW)) == "2026-11-22T11:00:00Z"
    suspended = decide(with_spec(job, 2, suspend=True), Observation(AttemptState.RUNNING), NOW)
    assert eta(suspended) is None and suspended.status.progress.step == 5  # the figures stay
    succeeded = decide(job, Observation(AttemptState.SUCCEEDED), NOW)
    assert eta(succeeded) is None
    failed = decide(job, Observation(AttemptState.FAILED, exit_code=2), NOW)
    assert eta(failed) is None
    resuming = decide(job, Observation(AttemptState.FAILED, exit_code=1), NOW)
    assert resuming.status.phase == Phase.RESUMING and eta(resuming) is None  # attempt 1's ETA


def test_the_eta_of_the_new_attempt_stays_while_it_resumes() -> None:
    job = start(make_job())
    job = apply(job, decide(job, Observation(AttemptState.FAILED, exit_code=1), NOW))
    assert job.status.phase == Phase.RESUMING and job.status.current_attempt == 2
    job = job.model_copy(update={"status": job.status.model_copy(update={"progress": progress_with_eta(2)})})
    assert eta(decide(job, Observation(AttemptState.PENDING), NOW)) == "2026-11-22T11:00:00Z"


def test_a_blocker_a_watch_reports_the_end_of_needs_no_periodic_look() -> None:
    job = start(make_job())
    claim = Observation(AttemptState.PENDING, reason="ClaimNotFound", message="no claim", blocked=True)
    assert attempt_check_in(decide(job, claim, NOW)) == ATTEMPT_CHECK_SECONDS
    pod = Observation(
        AttemptState.PENDING,
        reason="Unschedulable",
        message="pod j-a1-master-0",
        blocked=True,
        blocker_watched=True,
    )
    plan = decide(job, pod, NOW)
    assert conditions(plan)["AttemptBlocked"] == "True" and attempt_check_in(plan) is None


def test_status_reason_says_why_the_job_is_in_its_phase() -> None:
    """The REASON printer column: one field, whatever the phase."""
    job = make_job()
    assert decide(job, None, NOW).status.reason == "Submitted"
    job = start(job)
    blocked = Observation(
        AttemptState.PENDING, reason="Unschedulable", message="pod j-a1-master-0: ...", blocked=True
    )
    assert decide(job, blocked, NOW).status.reason == "Unschedulable"
    running = decide(job, Observation(AttemptState.RUNNING), NOW)
    assert running.status.reason == "Running"
    failed = decide(
        job.model_copy(
            update={
                "spec": job.spec.model_copy(
                    update={"resume": job.spec.resume.model_copy(update={"max_attempts": 1})}
                )
            }
        ),
        Observation(AttemptState.FAILED, exit_code=1),
        NOW,
    )
    assert failed.status.reason == "MaxAttemptsReached"
    assert decide(make_job({"suspend": True}), None, NOW).status.reason == "SuspendedBySpec"
    assert rejected(make_job(), None, InvalidSpecError("bad"), NOW).status.reason == "InvalidSpec"
