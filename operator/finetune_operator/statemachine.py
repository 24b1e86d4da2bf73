"""The FineTuneJob lifecycle as a pure function: (job, observation, now) -> plan.

The kopf handlers feed in the job as stored and what the backend reports about the
current attempt; they get back the new status, the Events to emit and at most one
action (submit an attempt, suspend or continue one). Everything here is deterministic
and tested in tests/unit/test_statemachine.py; the handlers only carry it out.

Phases: Pending -> Submitted -> Running -> Succeeded, with Resuming after a failed attempt
that has attempts left, Queued while a Kueue queue holds the attempt back (before admission,
and again after a preemption, which spends no attempt), Suspended while spec.suspend holds,
and Failed when the spec is invalid, the trainer rejects its config, the runtime is exceeded
(an attempt still running then is stopped), attempts or preemptions run out, or the backend
says the attempt must not be resumed (stopped by a person, out of time).
A job Failed with RecipeNotFound or RecipeInvalid before it ran is judged again whenever
it is looked at (the reconciler looks again when recipes are added or changed), so it
starts once its recipe exists and is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from finetune_contract.constants import EXIT_DIVERGED, EXIT_INVALID_CONFIG, RESUME_AUTO
from finetune_operator.api.job import (
    AttemptStatus,
    BackendRef,
    CheckpointRef,
    CheckpointStatus,
    Condition,
    FineTuneJob,
    FineTuneJobStatus,
    HealthStatus,
    OutputStatus,
    Phase,
    PreemptionRecord,
    QueueStatus,
    RecipeStatus,
    StallPolicy,
)
from finetune_operator.attempt import (
    STOP_ANNOTATION,
    AttemptState,
    JobEvent,
    Observation,
    QueueView,
    attempt_name,
)
from finetune_operator.errors import RecipeInvalidError, RecipeNotFoundError, SpecError
from finetune_operator.health import (
    CONDITION_DEGRADED,
    CONDITION_RUNNING,
    CONDITION_STALLED,
    REASON_NO_PROGRESS,
    REASON_NORMAL_SPEED,
    REASON_PROGRESSING,
    REASON_SLOW,
    REASON_STALLED,
    HealthVerdict,
    Stall,
)
from finetune_operator.publishing import CONDITION_PUBLISHED, evaluated, publish_verdict

CONDITION_SUBMITTED = "Submitted"
CONDITION_SUSPENDED = "Suspended"
CONDITION_SUCCEEDED = "Succeeded"
CONDITION_FAILED = "Failed"
CONDITION_STOPPED = "Stopped"
CONDITION_DELETION_BLOCKED = "DeletionBlocked"
CONDITION_RECIPE_CHANGED = "RecipeChanged"
CONDITION_ATTEMPT_BLOCKED = "AttemptBlocked"
CONDITION_QUEUED = "Queued"

ATTEMPT_CHECK_SECONDS = 15.0
"""When a just-submitted attempt is looked at once, and how often a blocked one is looked at
again: what keeps an attempt from starting (a storage claim missing, or created or bound
later) sends the operator no event of its own, so the first look must not wait for one, and
the condition must not go stale."""

REASON_DIVERGED = "Diverged"
REASON_ROLLED_BACK = "RolledBack"
REASON_SUSPENDED_BY_SPEC = "SuspendedBySpec"
REASON_ALREADY_FINISHED = "AlreadyFinished"
REASON_RECIPE_CHANGED = "RecipeChangedSinceSubmission"


@dataclass(frozen=True)
class Submit:
    attempt: int
    resume_from: str | None
    remaining_runtime_seconds: int | None
    replaces: int | None = None
    """A stalled attempt, still running, that is stopped before this one is submitted: the job
    never has two live attempts."""


@dataclass(frozen=True)
class SetSuspended:
    suspended: bool


@dataclass(frozen=True)
class StopAttempt:
    """Stop the attempt: the job's runtime budget is spent, or it stalled and the job fails
    (its checkpoints are kept)."""

    attempt: int
    hung: bool = False
    """It stalled: its trainers cannot act on SIGTERM (``Backend.cancel``)."""


Action = Submit | SetSuspended | StopAttempt

RUNTIME_GRACE_SECONDS = 30
"""How long past ``startTime + maxRuntimeSeconds`` the operator waits before it stops a live
attempt itself. The attempt's own deadline (PyTorchJob ``activeDeadlineSeconds``, SageMaker
``MaxRuntimeInSeconds``: the budget left when it was submitted) normally ends it first and
reports it as its backend does; the operator steps in when the limit was set or lowered
after submission, which no backend lets it change on a running attempt."""


@dataclass(frozen=True)
class Plan:
    status: FineTuneJobStatus
    events: tuple[JobEvent, ...] = ()
    action: Action | None = None
    look_again: bool = False
    """The attempt is blocked by something no watch event reports the end of (a storage claim):
    look at it again in ``ATTEMPT_CHECK_SECONDS``."""


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass
class _Builder:
    """Mutable scratch space for one decision; frozen into a Plan at the end."""

    job: FineTuneJob
    now: str
    status: FineTuneJobStatus
    events: list[JobEvent] = field(default_factory=list)
    action: Action | None = None
    look_again: bool = False

    def condition(self, type_: str, true: bool, reason: str, message: str = "") -> None:
        value = "True" if true else "False"
        generation = self.job.metadata.generation
        for i, existing in enumerate(self.status.conditions):
            if existing.type == type_:
                changed = existing.status != value
                self.status.conditions[i] = Condition(
                    type=type_,
                    status=value,
                    reason=reason,
                    message=message,
                    last_transition_time=self.now if changed else existing.last_transition_time,
                    observed_generation=generation,
                )
                return
        if not true and type_ not in (CONDITION_SUCCEEDED, CONDITION_PUBLISHED):
            # Absent means False for the other conditions; keep the list short. Published False
            # carries why (the gate, a publish in progress or failed).
            return
        self.status.conditions.append(
            Condition(
                type=type_,
                status=value,
                reason=reason,
                message=message,
                last_transition_time=self.now,
                observed_generation=generation,
            )
        )

    def condition_is_true(self, type_: str) -> bool:
        return any(c.type == type_ and c.status == "True" for c in self.status.conditions)

    def phase(self, phase: Phase, reason: str, message: str) -> None:
        if self.status.phase != phase:
            self.events.append(JobEvent("Warning" if phase == Phase.FAILED else "Normal", reason, message))
        self.status.phase = phase
        self.status.reason = reason

    def build(self) -> Plan:
        self.status.observed_generation = self.job.metadata.generation
        _drop_stale_estimate(self.status)
        return Plan(
            status=self.status, events=tuple(self.events), action=self.action, look_again=self.look_again
        )


def _drop_stale_estimate(status: FineTuneJobStatus) -> None:
    """``progress.estimatedCompletionTime`` only while the attempt that reported it may still be
    training: a finished or suspended job, or a job whose reporting attempt has ended (Resuming),
    keeps its last progress figures but no ETA."""
    progress = status.progress
    if progress is None or progress.estimated_completion_time is None:
        return
    live = status.phase in (Phase.SUBMITTED, Phase.RUNNING, Phase.RESUMING)
    if not live or progress.attempt != status.current_attempt:
        status.progress = progress.model_copy(update={"estimated_completion_time": None})


def decide(
    job: FineTuneJob, observation: Observation | None, now: datetime, health: HealthVerdict | None = None
) -> Plan:
    """Next status and action for ``job`` given what the backend shows of its current attempt
    and, for backends whose trainer reports progress live, what its reports say of its health
    (``health.py``; None: not judged, its conditions are left as they are)."""
    b = _Builder(job=job, now=format_time(now), status=job.status.model_copy(deep=True))
    status = b.status
    if status.phase.is_terminal:
        rejected_before_running = status.phase == Phase.FAILED and status.current_attempt == 0
        if (
            rejected_before_running
            and not job.spec.suspend
            and (job.metadata.generation != status.observed_generation or waits_for_recipe(status))
        ):
            # Rejected before anything ran, and the spec has changed since or the rejection was
            # only a recipe not (yet) seen: judge it again. A recipe applied together with its
            # job (one GitOps sync) may reach the operator just after the job.
            b.status = status = FineTuneJobStatus()
        else:
            _ignore_suspend_of_finished(b)
            return b.build()

    stop = job.metadata.annotations.get(STOP_ANNOTATION)
    if status.current_attempt == 0:
        if stop is not None:
            _stop_requested(b, stop)
        else:
            _start(b, now)
        return b.build()

    if observation is None:
        raise ValueError("a job with a current attempt needs an observation of it")
    _record_backend_view(b, observation)
    _record_rollbacks(b)
    _mirror_blocked(b, observation)
    if stop is not None and observation.state != AttemptState.SUCCEEDED:
        _stop_requested(b, stop)
        return b.build()
    if observation.queue is not None and _follow_queue(b, observation.queue):
        _stop_too_often_preempted(b, observation.queue)
        return b.build()
    state = observation.state
    if state == AttemptState.SUCCEEDED:
        _succeed(b, observation)
    elif state in (AttemptState.FAILED, AttemptState.MISSING):
        _attempt_failed(b, observation, now)
    elif _out_of_runtime(b.job, observation, now):
        _stop_out_of_runtime(b)
    elif health is not None and health.stall is not None and _runs(b.job, observation):
        _stalled(b, health.stall, now)
    else:
        _follow(b, observation)
        if observation.blocked:
            b.status.reason = observation.reason  # what keeps it waiting, for the REASON column
        if health is not None and b.status.phase == Phase.RUNNING:
            _judge_health(b, health)
    return b.build()


def _runs(job: FineTuneJob, observation: Observation) -> bool:
    return observation.state == AttemptState.RUNNING and not observation.suspended and not job.spec.suspend


def _stalled(b: _Builder, stall: Stall, now: datetime) -> None:
    """The running attempt went silent past its window: restart it from the latest checkpoint
    (a new attempt, which counts against ``resume.maxAttempts``: a job that hangs again and
    again must not run forever), or fail the job, as ``spec.health.stall.policy`` says. Either
    way the silent attempt is stopped; its checkpoints are kept."""
    attempt = b.status.current_attempt
    observation = Observation(AttemptState.FAILED, reason=REASON_STALLED, message=stall.message)
    if stall.policy == StallPolicy.FAIL:
        said = (
            f"{stall.message}: stopped, the job fails (spec.health.stall.policy Fail; checkpoints are kept)"
        )
        b.condition(CONDITION_STALLED, True, REASON_NO_PROGRESS, said)
        b.events.append(JobEvent("Warning", REASON_STALLED, said))
        _close_attempt(b, "Failed", observation)
        b.action = StopAttempt(attempt, hung=True)
        _fail(b, REASON_STALLED, said)
        return
    latest = b.status.checkpoint.latest if b.status.checkpoint else None
    first_event = len(b.events)
    _attempt_failed(b, observation, now)
    if isinstance(b.action, Submit):
        b.action = replace(b.action, replaces=attempt)
        said = f"{stall.message}: stopped; the next attempt {resume_plan(latest)}"
    else:
        b.action = StopAttempt(attempt, hung=True)  # no attempt left (or out of runtime): the job failed
        said = f"{stall.message}: stopped; no attempt is left ({b.status.reason})"
    b.condition(CONDITION_STALLED, True, REASON_NO_PROGRESS, said)
    b.events.insert(first_event, JobEvent("Warning", REASON_STALLED, said))


def _judge_health(b: _Builder, health: HealthVerdict) -> None:
    """A running attempt's health conditions: Stalled ends once the attempt after a stall reports
    a step; Degraded follows the slowdown verdict (a condition and an Event, no action)."""
    progress = b.status.progress
    if (
        b.condition_is_true(CONDITION_STALLED)
        and progress is not None
        and progress.attempt == b.status.current_attempt
    ):
        b.condition(
            CONDITION_STALLED,
            False,
            REASON_PROGRESSING,
            f"attempt {progress.attempt} reported step {progress.step}",
        )
    slowdown = health.slowdown
    if slowdown is not None:
        if not b.condition_is_true(CONDITION_DEGRADED):
            b.events.append(JobEvent("Warning", REASON_SLOW, f"Training is slow: {slowdown.message}"))
        b.condition(CONDITION_DEGRADED, True, REASON_SLOW, slowdown.message)
    elif b.condition_is_true(CONDITION_DEGRADED):
        b.condition(CONDITION_DEGRADED, False, REASON_NORMAL_SPEED, "tokens/s is back near its median")
        b.events.append(JobEvent("Normal", REASON_NORMAL_SPEED, "Training speed is back near its median"))


def _ignore_suspend_of_finished(b: _Builder) -> None:
    """A finished job has nothing to suspend or continue: spec.suspend set on it changes
    nothing (phase, conditions and completionTime stay) and is answered with one Event, on
    the generation that set it. The CRD refuses such a change at admission; this covers jobs
    stored before that rule, or a CRD without it."""
    job, status = b.job, b.status
    if job.spec.suspend and job.metadata.generation != status.observed_generation:
        b.events.append(
            JobEvent(
                "Warning",
                REASON_ALREADY_FINISHED,
                f"spec.suspend is ignored: the job has already finished (phase {status.phase.value}); "
                "nothing of it runs. Create a new FineTuneJob to train again",
            )
        )


def _mirror_blocked(b: _Builder, observation: Observation) -> None:
    """Condition AttemptBlocked follows what the backend says keeps the attempt from starting,
    with a Warning Event each time it starts (or its reason changes)."""
    if observation.blocked:
        current = next((c for c in b.status.conditions if c.type == CONDITION_ATTEMPT_BLOCKED), None)
        if current is None or current.status != "True" or current.reason != observation.reason:
            b.events.append(JobEvent("Warning", observation.reason, observation.message))
        b.condition(CONDITION_ATTEMPT_BLOCKED, True, observation.reason, observation.message)
        b.look_again = not observation.blocker_watched
    else:
        b.condition(CONDITION_ATTEMPT_BLOCKED, False, "NotBlocked")


def attempt_check_in(plan: Plan) -> float | None:
    """Seconds until the current attempt is looked at without an event: soon after it was
    submitted, and again while it is blocked by what no watch reports (a storage claim); None
    otherwise (a pod's blocker comes and goes with the pod's events)."""
    if plan.status.phase.is_terminal:
        return None
    return ATTEMPT_CHECK_SECONDS if plan.look_again or isinstance(plan.action, Submit) else None


def runtime_deadline(job: FineTuneJob) -> datetime | None:
    """When ``spec.maxRuntimeSeconds`` ends the job: wall-clock time from ``status.startTime``,
    across attempts (queued and suspended time included)."""
    limit = job.spec.max_runtime_seconds
    if limit is None or not job.status.start_time:
        return None
    return parse_time(job.status.start_time) + timedelta(seconds=limit)


def runtime_check_in(job: FineTuneJob, now: datetime) -> float | None:
    """Seconds until the operator must look at a live attempt to enforce ``maxRuntimeSeconds``
    (the deadline plus the grace). None without a limit or a live attempt, and once that time
    has passed: the decision just made was the enforcement, and an attempt it left alone
    (suspended, queued) is looked at again when it changes."""
    deadline = runtime_deadline(job)
    if deadline is None or job.status.phase.is_terminal or not job.status.current_attempt:
        return None
    seconds = (deadline - now).total_seconds() + RUNTIME_GRACE_SECONDS
    return seconds if seconds > 0 else None


def _out_of_runtime(job: FineTuneJob, observation: Observation, now: datetime) -> bool:
    """A pending or running attempt past the deadline and its grace. A suspended or queued one
    is left alone: nothing of it runs, and a raised limit may still let it continue."""
    deadline = runtime_deadline(job)
    live = observation.state in (AttemptState.PENDING, AttemptState.RUNNING) and not observation.suspended
    return (
        live
        and not job.spec.suspend
        and deadline is not None
        and (now - deadline).total_seconds() >= RUNTIME_GRACE_SECONDS
    )


def _stop_requested(b: _Builder, why: str) -> None:
    """Annotation finetune.dev/stop: the attempt is stopped as on delete (checkpoints kept) and
    recorded as Stopped, not Failed; the job ends in phase Stopped."""
    attempt = b.status.current_attempt
    message = why or f"stopped on request ({STOP_ANNOTATION})"
    if attempt:
        _close_attempt(
            b, "Stopped", Observation(AttemptState.FAILED, reason="StopRequested", message=message)
        )
        b.action = StopAttempt(attempt)
    if b.status.phase != Phase.STOPPED:
        b.status.completion_time = b.now
    _end_live_conditions(b, "StopRequested")
    b.condition(CONDITION_STOPPED, True, "StopRequested", message)
    b.phase(Phase.STOPPED, "StopRequested", message)


def _stop_out_of_runtime(b: _Builder) -> None:
    attempt = b.status.current_attempt
    limit = b.job.spec.max_runtime_seconds
    message = (
        f"spec.maxRuntimeSeconds ({limit}) exceeded in attempt {attempt}: the operator stopped it "
        "(checkpoints are kept)"
    )
    _close_attempt(
        b, "Failed", Observation(AttemptState.FAILED, reason="MaxRuntimeExceeded", message=message)
    )
    b.action = StopAttempt(attempt)
    _fail(b, "MaxRuntimeExceeded", message)


RECIPE_WAIT_REASONS = (RecipeNotFoundError.reason, RecipeInvalidError.reason)
"""Failures a recipe change may undo: none matched, or the one it uses is invalid."""


def waits_for_recipe(status: FineTuneJobStatus) -> bool:
    """Failed before any attempt ran only because no valid recipe matched: a new or fixed recipe
    may let it run."""
    return (
        status.phase == Phase.FAILED
        and status.current_attempt == 0
        and any(
            c.type == CONDITION_FAILED and c.status == "True" and c.reason in RECIPE_WAIT_REASONS
            for c in status.conditions
        )
    )


def _record_backend_view(b: _Builder, observation: Observation) -> None:
    """Carry what the backend saw besides the attempt state into status and Events.

    Its Events first, so they read in order before the phase Event they led to. Its
    summary, unread, to ``status.<backend name>``. A checkpoint the backend found
    (SageMaker lists S3; the hyperpod trainer reports its own) replaces
    ``checkpoint.latest`` only when it is at least as far along. Progress the backend read
    (SageMaker) replaces ``progress``: it is the attempt's newest record, even when a
    restarted training job went back to its last checkpoint.
    """
    b.events.extend(observation.events)
    if observation.summary is not None:
        setattr(b.status, b.job.spec.backend.value, observation.summary)
    found = observation.checkpoint
    if found is not None:
        latest = b.status.checkpoint.latest if b.status.checkpoint else None
        if latest is None or (found.path != latest.path and found.step >= latest.step):
            attempt = found.attempt or b.status.current_attempt
            b.status.checkpoint = CheckpointStatus(latest=found.model_copy(update={"attempt": attempt}))
    if observation.progress is not None:
        b.status.progress = observation.progress


def _record_rollbacks(b: _Builder) -> None:
    """Copy the rollbacks the trainer reported (``progress.rollbacks``: the reporting attempt's)
    to ``status.health.rollbacks``, which keeps every attempt's, with a Warning Event for each
    new one. The trainer's list is replaced whole by each report, so a rollback is known by its
    attempt, step and time."""
    reported = (b.status.progress.rollbacks if b.status.progress else None) or []
    health = b.status.health or HealthStatus()
    known = {(r.attempt, r.step, r.time) for r in health.rollbacks}
    new = [r for r in reported if (r.attempt, r.step, r.time) not in known]
    if not new:
        return
    b.status.health = health.model_copy(update={"rollbacks": [*health.rollbacks, *new]})
    for rollback in new:
        b.events.append(
            JobEvent(
                "Warning",
                REASON_ROLLED_BACK,
                f"Attempt {rollback.attempt} diverged at step {rollback.step} ({rollback.reason}); "
                f"rolled back to the checkpoint of step {rollback.restored_step} with learning rate "
                f"{rollback.learning_rate:.3g}",
            )
        )


def _start(b: _Builder, now: datetime) -> None:
    spec = b.job.spec
    if spec.suspend:
        b.condition(
            CONDITION_SUSPENDED, True, REASON_SUSPENDED_BY_SPEC, "spec.suspend is true; nothing submitted"
        )
        b.phase(Phase.SUSPENDED, REASON_SUSPENDED_BY_SPEC, "Not submitted while spec.suspend is true")
        return
    b.status.start_time = b.status.start_time or b.now
    _begin_attempt(b, 1, None, now)
    b.condition(CONDITION_SUSPENDED, False, "NotSuspended")
    b.condition(
        CONDITION_SUBMITTED,
        True,
        "AttemptCreated",
        f"Attempt 1 submitted as {attempt_name(b.job.metadata.name, 1)}",
    )
    b.phase(Phase.SUBMITTED, "Submitted", f"Attempt 1 submitted as {attempt_name(b.job.metadata.name, 1)}")


def _begin_attempt(b: _Builder, attempt: int, resume_from: str | None, now: datetime) -> None:
    name = attempt_name(b.job.metadata.name, attempt)
    b.status.current_attempt = attempt
    b.status.attempts.append(
        AttemptStatus(attempt=attempt, name=name, start_time=b.now, resumed_from=resume_from)
    )
    b.action = Submit(attempt=attempt, resume_from=resume_from, remaining_runtime_seconds=_remaining(b, now))


def _remaining(b: _Builder, now: datetime) -> int | None:
    limit = b.job.spec.max_runtime_seconds
    if limit is None:
        return None
    started = parse_time(b.status.start_time) if b.status.start_time else now
    return max(1, limit - int((now - started).total_seconds()))


def _close_attempt(b: _Builder, result: str, observation: Observation) -> None:
    current = _current_record(b)
    if current is not None and current.end_time is None:
        current.end_time = b.now
        current.result = result
        current.reason = observation.reason or None
        current.message = observation.message or None
        current.exit_code = observation.exit_code


def _current_record(b: _Builder) -> AttemptStatus | None:
    for record in b.status.attempts:
        if record.attempt == b.status.current_attempt:
            return record
    return None


def _succeed(b: _Builder, observation: Observation) -> None:
    _close_attempt(b, "Succeeded", observation)
    b.status.completion_time = b.now
    if observation.output_path:
        b.status.output = OutputStatus(path=observation.output_path)
    _end_live_conditions(b, "Completed")
    b.condition(CONDITION_SUCCEEDED, True, observation.reason or "Succeeded", observation.message)
    b.phase(
        Phase.SUCCEEDED,
        "Succeeded",
        f"Attempt {b.status.current_attempt} finished; output at "
        f"{observation.output_path or 'the backend output location'}",
    )
    _evaluated_and_gated(b)


def _evaluated_and_gated(b: _Builder) -> None:
    """The final evaluation into status, and whether spec.publish goes ahead (publishing.py): a
    failed gate is ``Published`` False with the gate's reason, the job still Succeeded."""
    evaluation, events = evaluated(b.job.model_copy(update={"status": b.status}))
    if evaluation is not None:
        b.status.evaluation = evaluation
        b.events.extend(events)
    verdict = publish_verdict(b.job, evaluation)
    if verdict is None:
        return
    b.condition(CONDITION_PUBLISHED, False, verdict.reason, verdict.message)
    if not verdict.publish:
        b.events.append(JobEvent("Warning", "NotPublished", verdict.message))


def _fail(b: _Builder, reason: str, message: str) -> None:
    if b.status.phase != Phase.FAILED:  # judged again and still failing: nothing new to record
        b.status.completion_time = b.now
    _end_live_conditions(b, reason)
    b.condition(CONDITION_FAILED, True, reason, message)
    b.phase(Phase.FAILED, reason, message)


def _end_live_conditions(b: _Builder, reason: str) -> None:
    """A finished job neither runs, nor is suspended, nor waits for anything."""
    for type_ in (
        CONDITION_RUNNING,
        CONDITION_SUSPENDED,
        CONDITION_ATTEMPT_BLOCKED,
        CONDITION_DEGRADED,
        CONDITION_QUEUED,
    ):
        b.condition(type_, False, reason)


def _attempt_failed(b: _Builder, observation: Observation, now: datetime) -> None:
    attempt = b.status.current_attempt
    _close_attempt(b, "Failed", observation)
    detail = observation.message or observation.reason
    if observation.exit_code is not None:
        detail = f"{detail} (exit code {observation.exit_code})"
    b.events.append(JobEvent("Warning", "AttemptFailed", f"Attempt {attempt} failed: {detail}"))
    if observation.exit_code == EXIT_INVALID_CONFIG:
        _fail(b, "InvalidSpec", f"The trainer rejected its configuration in attempt {attempt}: {detail}")
        return
    if observation.exit_code == EXIT_DIVERGED:
        # The same config diverges again on another attempt: none is spent on it.
        _fail(b, REASON_DIVERGED, f"Training diverged in attempt {attempt}: {detail}{_rollbacks_said(b)}")
        return
    if not observation.resumable:
        # Stopped by a person, or out of runtime: a new attempt would undo a decision.
        _fail(
            b,
            observation.reason or "AttemptNotResumable",
            f"Attempt {attempt} ended and is not resumed: {detail}",
        )
        return
    limit = b.job.spec.max_runtime_seconds
    if (
        limit is not None
        and b.status.start_time
        and (now - parse_time(b.status.start_time)).total_seconds() >= limit
    ):
        _fail(b, "MaxRuntimeExceeded", f"spec.maxRuntimeSeconds ({limit}) exceeded in attempt {attempt}")
        return
    max_attempts = b.job.spec.resume.max_attempts
    if attempt >= max_attempts:
        _fail(b, "MaxAttemptsReached", f"Attempt {attempt} of {max_attempts} failed: {detail}")
        return
    latest = b.status.checkpoint.latest if b.status.checkpoint else None
    resume_from = latest.path if latest else RESUME_AUTO
    _begin_attempt(b, attempt + 1, resume_from, now)
    b.condition(CONDITION_RUNNING, False, "AttemptFailed", f"Attempt {attempt} failed: {detail}")
    b.phase(Phase.RESUMING, "Resuming", f"Attempt {attempt + 1} of {max_attempts} {resume_plan(latest)}")


def _rollbacks_said(b: _Builder) -> str:
    """How many rollbacks the job made before it diverged for good, for the Diverged message."""
    count = len(b.status.health.rollbacks) if b.status.health else 0
    if not count:
        return ""
    return f" ({count} rollback{'s' if count > 1 else ''} before, in status.health.rollbacks)"


def resume_plan(latest: CheckpointRef | None) -> str:
    """What the next attempt starts from, in words: the step and path of the newest checkpoint
    the job reported, or a fresh start. With none reported the attempt passes ``--resume-from
    auto``, so a checkpoint that was written but never reported is still used."""
    if latest is None:
        return "starts from scratch: no checkpoint reported (the trainer still resumes from one it finds)"
    return f"resumes from step {latest.step} (checkpoint {latest.path})"


def _waiting_phase(b: _Builder) -> Phase:
    return Phase.SUBMITTED if b.status.current_attempt == 1 else Phase.RESUMING


def _follow(b: _Builder, observation: Observation) -> None:
    """Pending, running or suspended attempt: mirror it and reconcile spec.suspend."""
    want_suspended = b.job.spec.suspend
    we_suspended = b.condition_is_true(CONDITION_SUSPENDED)
    if want_suspended:
        # A queued attempt is suspended by Kueue, which would continue it once admitted: it is
        # suspended through its queue (once; the backend knows how) even while it waits.
        if not observation.suspended or (observation.queue is not None and not we_suspended):
            b.action = SetSuspended(True)
        b.condition(CONDITION_RUNNING, False, REASON_SUSPENDED_BY_SPEC, "spec.suspend is true")
        b.condition(CONDITION_SUSPENDED, True, REASON_SUSPENDED_BY_SPEC, "spec.suspend is true")
        b.phase(Phase.SUSPENDED, REASON_SUSPENDED_BY_SPEC, f"Attempt {b.status.current_attempt} suspended")
        return
    if we_suspended:
        if observation.suspended:
            b.action = SetSuspended(False)
        b.condition(CONDITION_SUSPENDED, False, "Continued", "spec.suspend is false")
        b.condition(CONDITION_RUNNING, False, "Continued", "waiting for the attempt's pods to run again")
        b.phase(_waiting_phase(b), "Continued", f"Attempt {b.status.current_attempt} continues")
        return
    if observation.queue is not None and (observation.suspended or not observation.queue.admitted):
        # Before the training-operator has stopped the pods of an attempt Kueue evicted, too.
        _queued(b, observation.queue)
    elif observation.state == AttemptState.RUNNING:
        # A running attempt with a blocked pod (a worker the scheduler cannot place) says so in
        # AttemptBlocked; its reason and message are the blocker's, not the attempt's.
        said = (
            ("Running", "") if observation.blocked else (observation.reason or "Running", observation.message)
        )
        b.condition(CONDITION_RUNNING, True, *said)
        b.phase(Phase.RUNNING, "Running", f"Attempt {b.status.current_attempt} is running")
    elif observation.suspended or observation.state == AttemptState.SUSPENDED:
        # Suspended by someone else (a Kueue queue waiting for quota): wait, do not fight it.
        b.condition(CONDITION_RUNNING, False, "Queued", "the attempt waits for admission by its queue")
        b.phase(_waiting_phase(b), "Queued", f"Attempt {b.status.current_attempt} waits for admission")
    else:
        b.phase(_waiting_phase(b), "Submitted", f"Attempt {b.status.current_attempt} waits for its pods")


# --- Kueue queues (HyperPod task governance) ----------------------------------------------


REASON_PREEMPTED = "Preempted"
REASON_REQUEUED = "Requeued"
REASON_MAX_PREEMPTIONS = "MaxPreemptionsReached"


def _queued(b: _Builder, queue: QueueView) -> None:
    """The attempt waits for admission by its queue: phase Queued, never a failure. Reason
    Requeued when it waits again after a preemption (it continues from its checkpoint)."""
    attempt = b.status.current_attempt
    record = _current_record(b)
    requeued = bool(record and record.preemptions and record.preemptions[-1].resumed_from_step is None)
    said = f"LocalQueue {queue.queue_name}: {queue.reason}" + (f": {queue.message}" if queue.message else "")
    b.condition(CONDITION_QUEUED, True, queue.reason or "Pending", said)
    b.condition(CONDITION_RUNNING, False, "Queued", "the attempt waits for admission by its queue")
    b.look_again = True  # Kueue's reasons change on its Workload, which sends the operator no event
    if requeued:
        b.phase(
            Phase.QUEUED,
            REASON_REQUEUED,
            f"Attempt {attempt} waits for admission by LocalQueue {queue.queue_name} again after a "
            "preemption; it continues from its latest checkpoint when admitted",
        )
    else:
        waits = f"Attempt {attempt} waits for admission by LocalQueue {queue.queue_name}"
        b.phase(Phase.QUEUED, "Queued", waits)


def _follow_queue(b: _Builder, queue: QueueView) -> bool:
    """Record what the attempt's queue did: each new preemption (an Event, the attempt's record
    with the step it had reached), the step it continues from once admitted again (so the steps
    lost), and ``status.queue``. True when the job has now been preempted more often than
    ``spec.resume.maxPreemptions`` allows. A preemption never spends an attempt."""
    status, attempt = b.status, b.status.current_attempt
    record = _current_record(b)
    if record is None:
        return False
    records = list(record.preemptions or [])
    progress = status.progress
    step = progress.step if progress is not None and progress.attempt == attempt else None
    limit = b.job.spec.resume.max_preemptions
    earlier = (status.queue.preemptions if status.queue else 0) - len(records)
    for _ in range(queue.preemptions - len(records)):
        records.append(
            PreemptionRecord(
                time=b.now,
                reason=queue.preemption_reason or REASON_PREEMPTED,
                message=queue.preemption_message,
                step_reached=step,
            )
        )
        b.events.append(
            JobEvent(
                "Warning",
                REASON_PREEMPTED,
                f"Attempt {attempt} preempted by its Kueue queue ({records[-1].reason}"
                + (f": {queue.preemption_message}" if queue.preemption_message else "")
                + f"); preemption {earlier + len(records)} of at most {limit} (spec.resume.maxPreemptions), "
                "no attempt spent: it continues from its checkpoint when admitted again",
            )
        )
    if records and records[-1].resumed_from_step is None:
        last = records[-1]
        if not queue.admitted:
            # The trainer's last reports (its SIGTERM checkpoint) may reach status after the eviction.
            if step is not None and (last.step_reached is None or step > last.step_reached):
                records[-1] = last.model_copy(update={"step_reached": step})
        else:
            latest = status.checkpoint.latest if status.checkpoint else None
            resumed = latest.step if latest is not None else 0
            lost = None if last.step_reached is None else max(0, last.step_reached - resumed)
            records[-1] = last.model_copy(update={"resumed_from_step": resumed, "steps_lost": lost})
            b.events.append(
                JobEvent(
                    "Normal",
                    "Readmitted",
                    f"Attempt {attempt} admitted again by LocalQueue {queue.queue_name}; it continues from "
                    f"step {resumed}" + (f" ({lost} steps trained again)" if lost is not None else ""),
                )
            )
    record.preemptions = records or None
    total = earlier + len(records)
    lost_total = sum(
        p.steps_lost or 0 for a in status.attempts for p in (a.preemptions or []) if a.attempt != attempt
    ) + sum(p.steps_lost or 0 for p in records)
    if queue.admitted:
        state = "Admitted"
    elif records and records[-1].resumed_from_step is None:
        state = REASON_PREEMPTED
    else:
        state = "Queued"
    status.queue = QueueStatus(
        name=queue.queue_name,
        state=state,
        reason=queue.reason,
        message=queue.message,
        preemptions=total,
        steps_lost=lost_total,
    )
    if queue.admitted:
        b.condition(CONDITION_QUEUED, False, "Admitted", f"admitted by LocalQueue {queue.queue_name}")
    return total > limit


def _stop_too_often_preempted(b: _Builder, queue: QueueView) -> None:
    limit = b.job.spec.resume.max_preemptions
    attempt = b.status.current_attempt
    message = (
        f"preempted {b.status.queue.preemptions if b.status.queue else 0} times by LocalQueue "
        f"{queue.queue_name}, more than spec.resume.maxPreemptions ({limit}): the operator stopped "
        f"attempt {attempt} (checkpoints are kept)"
    )
    _close_attempt(
        b, REASON_PREEMPTED, Observation(AttemptState.FAILED, reason=REASON_MAX_PREEMPTIONS, message=message)
    )
    b.action = StopAttempt(attempt)
    _fail(b, REASON_MAX_PREEMPTIONS, message)


def deletion_blocked(job: FineTuneJob, reason: str, message: str, now: datetime) -> list[Condition]:
    """The job's conditions with DeletionBlocked set: why the delete waits, and how to end it."""
    b = _Builder(job=job, now=format_time(now), status=job.status.model_copy(deep=True))
    b.condition(CONDITION_DELETION_BLOCKED, True, reason, message)
    return b.status.conditions


def submitted(plan: Plan, ref: BackendRef, recipe: RecipeStatus, checkpoint_dir: str) -> Plan:
    """Record where a just-submitted attempt lives, which recipe it resolved to and where it
    writes checkpoints."""
    status = plan.status.model_copy(deep=True)
    status.backend_ref = ref
    status.recipe = recipe
    status.checkpoint_dir = checkpoint_dir
    return Plan(status=status, events=plan.events, action=plan.action)


def recipe_checked(job: FineTuneJob, plan: Plan, change: str | None, now: datetime) -> Plan:
    """Say on the job whether its recipe has changed since the first attempt froze it.

    Called when a later attempt was submitted with the frozen recipe: condition RecipeChanged
    (True with what changed, and an Event, or False once the recipe is back as it was), so that
    whoever edited the recipe sees that running jobs keep what they started with.
    """
    b = _Builder(
        job=job, now=format_time(now), status=plan.status.model_copy(deep=True), events=list(plan.events)
    )
    attempt = b.status.current_attempt
    if change is None:
        b.condition(CONDITION_RECIPE_CHANGED, False, "RecipeUnchanged", "The recipe is as the job froze it")
    else:
        message = (
            f"{change}; attempt {attempt} uses the recipe as the job's first attempt froze it "
            "(status.recipe.spec), new jobs get its current version"
        )
        b.condition(CONDITION_RECIPE_CHANGED, True, REASON_RECIPE_CHANGED, message)
        b.events.append(JobEvent("Normal", REASON_RECIPE_CHANGED, message))
    return Plan(status=b.status, events=tuple(b.events), action=plan.action)


def rejected(job: FineTuneJob, plan: Plan | None, error: SpecError, now: datetime) -> Plan:
    """The job cannot run as written: Failed with the error's reason and a Warning Event.

    ``plan`` is the decision that led here, when there was one. An attempt record that
    was planned but never submitted is dropped, so ``currentAttempt`` and ``attempts``
    keep describing only what really ran.
    """
    planned = plan.action.attempt if plan is not None and isinstance(plan.action, Submit) else None
    base = plan.status if plan is not None and planned not in (None, 1) else job.status
    b = _Builder(job=job, now=format_time(now), status=base.model_copy(deep=True))
    if plan is not None and planned not in (None, 1):
        b.events.extend(e for e in plan.events if e.reason != "Resuming")
    if planned is not None:
        b.status.attempts = [a for a in b.status.attempts if a.attempt < planned]
        b.status.current_attempt = planned - 1
    _fail(b, error.reason, str(error))
    return b.build()
