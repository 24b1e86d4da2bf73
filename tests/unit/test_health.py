"""Hang and slowness detection from step reports (health.py) and what the state machine does with
it (pure: no cluster, fixed clock). The reconcile loop's part is in test_reconciler_health.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from finetune_operator.api.job import (
    CheckpointRef,
    CheckpointStatus,
    FineTuneJob,
    Phase,
    Progress,
    StallPolicy,
)
from finetune_operator.attempt import AttemptState, Observation
from finetune_operator.config import OperatorConfig, ProgressHealth
from finetune_operator.health import (
    HISTORY_LENGTH,
    HealthVerdict,
    ProgressHistory,
    Slowdown,
    Stall,
    find_slowdown,
    find_stall,
    health_look_wanted,
    record_progress,
    report_interval,
    stall_check_in,
    stall_window,
)
from finetune_operator.metrics import JOB_DEGRADED, job_samples
from finetune_operator.statemachine import StopAttempt, Submit, decide

NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
SETTINGS = ProgressHealth()  # factor 10, floor 600 s, ceiling 7200 s, slow 0.5 for 900 s
RUNNING = Observation(AttemptState.RUNNING)


def at(seconds: float) -> datetime:
    return NOW + timedelta(seconds=seconds)


def stamp(seconds: float) -> str:
    return at(seconds).strftime("%Y-%m-%dT%H:%M:%SZ")


def history_of(
    times: list[float], attempt: int = 1, tokens: list[float] | None = None, first_step: int = 1
) -> ProgressHistory | None:
    """The history the operator builds from one report at each of ``times`` (seconds after NOW)."""
    history = None
    for i, seconds in enumerate(times):
        progress = Progress(
            attempt=attempt,
            step=first_step + i,
            tokens_per_second=tokens[i] if tokens else 100.0,
            updated_at=stamp(seconds),
        )
        history = record_progress(history, progress, at(seconds))
    return history


def running_job(
    progress: dict[str, Any] | None = None,
    attempt: int = 1,
    stall: dict[str, Any] | None = None,
    max_attempts: int = 3,
    conditions: list[dict[str, Any]] | None = None,
) -> FineTuneJob:
    attempts = [
        {"attempt": n, "name": f"j-a{n}", "startTime": stamp(-3600)}
        | ({"endTime": stamp(-1800), "result": "Failed"} if n < attempt else {})
        for n in range(1, attempt + 1)
    ]
    return FineTuneJob.model_validate(
        {
            "metadata": {"name": "j", "namespace": "n", "uid": "u", "generation": 1},
            "spec": {
                "model": {"name": "llama-3.1-8b"},
                "method": "lora",
                "data": {"train": {"path": "/fsx/d.jsonl"}},
                "resume": {"maxAttempts": max_attempts},
                "health": {"stall": stall or {}},
            },
            "status": {
                "phase": "Running",
                "currentAttempt": attempt,
                "attempts": attempts,
                "startTime": stamp(-3600),
                "conditions": conditions or [],
                **({"progress": progress} if progress else {}),
            },
        }
    )


# --- the window ---------------------------------------------------------------------------------


def test_the_window_is_the_factor_times_the_median_report_interval_within_floor_and_ceiling() -> None:
    # Reports every 90 s, one checkpoint pause of 400 s: the median ignores the pause.
    history = history_of([0, 90, 180, 580, 670, 760])
    assert report_interval(history) == 90
    assert stall_window(history, SETTINGS, None) == 900
    assert stall_window(history_of([0, 5, 10, 15]), SETTINGS, None) == 600  # 50 s: the floor
    assert stall_window(history_of([0, 1000, 2000]), SETTINGS, None) == 7200  # 10000 s: the ceiling


def test_with_one_report_known_the_window_is_the_ceiling() -> None:
    assert report_interval(history_of([0])) is None
    assert stall_window(history_of([0]), SETTINGS, None) == 7200
    assert stall_window(None, SETTINGS, None) == 7200


def test_the_jobs_own_window_replaces_the_derived_one() -> None:
    assert stall_window(history_of([0, 5, 10]), SETTINGS, 20) == 20
    assert stall_window(None, SETTINGS, 20) == 20


def test_a_floor_above_the_ceiling_is_refused() -> None:
    with pytest.raises(ValidationError, match="exceeds stall_window_ceiling_seconds"):
        OperatorConfig.model_validate(
            {"progress_health": {"stall_window_floor_seconds": 900, "stall_window_ceiling_seconds": 600}}
        )


def test_the_history_keeps_one_report_per_step_of_the_current_attempt() -> None:
    history = history_of([0, 10, 20])
    assert history is not None
    # The same step again (a report whose only news was a checkpoint) adds nothing.
    again = record_progress(history, Progress(attempt=1, step=3, updated_at=stamp(25)), at(25))
    assert again == history
    # A new attempt starts a new history, timed from the trainer's report if that came first.
    next_attempt = record_progress(history, Progress(attempt=2, step=3, updated_at=stamp(30)), at(40))
    assert next_attempt is not None and next_attempt.attempt == 2
    assert [(r.step, r.seen) for r in next_attempt.reports] == [(3, at(30))]
    # A step below the last: the process restarted inside the attempt; its start-up is not an interval.
    restarted = record_progress(history, Progress(attempt=1, step=2, updated_at=stamp(300)), at(300))
    assert restarted is not None and [r.step for r in restarted.reports] == [2]
    long = history_of(list(range(HISTORY_LENGTH + 10)))
    assert long is not None and len(long.reports) == HISTORY_LENGTH


# --- stalls -------------------------------------------------------------------------------------


def test_no_stall_is_judged_before_the_attempts_first_step() -> None:
    """Start-up, data loading and compilation take as long as they take: no window runs before
    the current attempt's first report (a report of the attempt before does not count)."""
    starting = running_job()
    assert find_stall(starting, None, SETTINGS, at(86400)) is None
    assert stall_check_in(starting, None, SETTINGS, at(0)) is None
    earlier_attempt = running_job({"attempt": 1, "step": 40, "updatedAt": stamp(0)}, attempt=2)
    old = history_of([0, 5, 10], attempt=1)
    assert find_stall(earlier_attempt, old, SETTINGS, at(86400)) is None
    assert stall_check_in(earlier_attempt, old, SETTINGS, at(0)) is None


def test_a_long_first_step_after_a_slow_start_is_no_stall() -> None:
    """One report known (the first step came after a long compilation): the ceiling applies."""
    history = history_of([0])
    job = running_job({"attempt": 1, "step": 1, "updatedAt": stamp(0)})
    assert find_stall(job, history, SETTINGS, at(7200)) is None
    stall = find_stall(job, history, SETTINGS, at(7201))
    assert stall == Stall(
        attempt=1, step=1, silent_seconds=7201, window_seconds=7200, policy=StallPolicy.RESTART
    )


def test_silence_past_the_window_after_a_step_is_a_stall_and_the_check_is_timed_for_it() -> None:
    history = history_of([0, 90, 180])  # window 900 s
    job = running_job({"attempt": 1, "step": 3, "updatedAt": stamp(180)})
    assert stall_check_in(job, history, SETTINGS, at(200)) == 880 + 1
    assert find_stall(job, history, SETTINGS, at(1080)) is None
    stall = find_stall(job, history, SETTINGS, at(1081))
    assert stall is not None and (stall.step, stall.window_seconds) == (3, 900)
    assert stall.message == "attempt 1 reported no step for 901 s after step 3 (stall window 900 s)"


def test_the_silence_is_timed_on_the_operators_clock_not_the_trainers() -> None:
    """A trainer whose clock runs 5 minutes behind does not look stalled."""
    history = None
    for i, seconds in enumerate([0, 90, 180]):
        report = Progress(attempt=1, step=i + 1, updated_at=stamp(seconds - 300))
        history = record_progress(history, report, at(seconds))
    job = running_job({"attempt": 1, "step": 3, "updatedAt": stamp(180 - 300)})
    assert find_stall(job, history, SETTINGS, at(1000)) is None


def test_after_an_operator_restart_the_last_report_is_timed_from_the_status() -> None:
    job = running_job({"attempt": 1, "step": 3, "updatedAt": stamp(0)}, stall={"windowSeconds": 60})
    assert find_stall(job, None, SETTINGS, at(60)) is None
    assert find_stall(job, None, SETTINGS, at(61)) is not None


def test_suspended_or_not_running_jobs_are_not_watched() -> None:
    job = running_job({"attempt": 1, "step": 3, "updatedAt": stamp(0)}, stall={"windowSeconds": 60})
    suspended = job.model_copy(update={"spec": job.spec.model_copy(update={"suspend": True})})
    resuming = job.model_copy(update={"status": job.status.model_copy(update={"phase": Phase.RESUMING})})
    for quiet in (suspended, resuming):
        assert find_stall(quiet, None, SETTINGS, at(3600)) is None
        assert stall_check_in(quiet, None, SETTINGS, at(0)) is None


def test_an_attempt_running_again_after_a_preemption_or_suspend_is_starting_until_its_next_step() -> None:
    """Kueue's re-admission and a lifted spec.suspend start the same attempt's pods anew: its last
    report, from before the pause, must not make it Stalled the moment it runs again."""
    history = history_of([0, 5, 10])
    running_again = [
        {"type": "Running", "status": "True", "reason": "Running", "lastTransitionTime": stamp(300)}
    ]
    job = running_job(
        {"attempt": 1, "step": 3, "updatedAt": stamp(10)},
        stall={"windowSeconds": 20},
        conditions=running_again,
    )
    assert find_stall(job, history, SETTINGS, at(301)) is None
    assert find_stall(job, history, SETTINGS, at(3600)) is None  # nothing is judged before a new step
    assert stall_check_in(job, history, SETTINGS, at(301)) is None
    history = record_progress(history, Progress(attempt=1, step=4, updated_at=stamp(340)), at(340))
    job = running_job(
        {"attempt": 1, "step": 4, "updatedAt": stamp(340)},
        stall={"windowSeconds": 20},
        conditions=running_again,
    )
    assert find_stall(job, history, SETTINGS, at(360)) is None
    assert find_stall(job, history, SETTINGS, at(361)) is not None


# --- slowness -----------------------------------------------------------------------------------


def test_tokens_per_second_far_below_the_median_for_the_sustained_period_is_a_slowdown() -> None:
    # Ten reports at 100 tokens/s a minute apart, then 20 minutes of reports at 30.
    times = [60.0 * i for i in range(10)] + [600 + 60.0 * i for i in range(1, 21)]
    tokens = [100.0] * 10 + [30.0] * 20
    history = history_of(times, tokens=tokens)
    slowdown = find_slowdown(history, SETTINGS, at(times[-1]))
    assert slowdown == Slowdown(tokens_per_second=30.0, median=100.0, seconds=times[-1] - 540)
    # Not yet sustained: 10 minutes of it.
    assert find_slowdown(history_of(times[:20], tokens=tokens[:20]), SETTINGS, at(times[19])) is None


def test_one_fast_report_in_the_period_or_a_short_history_is_no_slowdown() -> None:
    times = [60.0 * i for i in range(30)]
    tokens = [100.0] * 10 + [30.0] * 19 + [60.0]
    assert find_slowdown(history_of(times, tokens=tokens), SETTINGS, at(times[-1])) is None
    # Too few reports before the period to know the job's own speed (a warm-up is no baseline).
    young = history_of([0, 60, 1000, 1060, 1120], tokens=[100, 100, 10, 10, 10])
    assert find_slowdown(young, SETTINGS, at(1120)) is None


def test_a_progress_report_wakes_a_look_only_when_the_health_conditions_should_change() -> None:
    stalled = {"type": "Stalled", "status": "True"}
    status = {"phase": "Running", "currentAttempt": 2, "conditions": [stalled], "progress": {"attempt": 1}}
    assert not health_look_wanted(status, history_of([0]), SETTINGS, at(0))
    status["progress"] = {"attempt": 2, "step": 41}
    assert health_look_wanted(status, history_of([0], attempt=2), SETTINGS, at(0))
    times = [60.0 * i for i in range(30)]
    slow = history_of(times, tokens=[100.0] * 10 + [30.0] * 20)
    running: dict[str, Any] = {"phase": "Running", "currentAttempt": 1, "conditions": []}
    assert health_look_wanted(running, slow, SETTINGS, at(times[-1]))
    running["conditions"] = [{"type": "Degraded", "status": "True"}]
    assert not health_look_wanted(running, slow, SETTINGS, at(times[-1]))
    assert health_look_wanted(running, history_of(times), SETTINGS, at(times[-1]))


# --- what the state machine does ----------------------------------------------------------------

STALL = Stall(attempt=1, step=30, silent_seconds=25, window_seconds=20, policy=StallPolicy.RESTART)


def with_checkpoint(job: FineTuneJob, step: int = 28) -> FineTuneJob:
    latest = CheckpointRef(path=f"/fsx/c/step-{step}", step=step, attempt=1)
    status = job.status.model_copy(update={"checkpoint": CheckpointStatus(latest=latest)})
    return job.model_copy(update={"status": status})


def test_a_stall_restarts_from_the_latest_checkpoint_replacing_the_stalled_attempt() -> None:
    job = with_checkpoint(running_job({"attempt": 1, "step": 30, "updatedAt": stamp(0)}))
    plan = decide(job, RUNNING, at(25), HealthVerdict(stall=STALL))
    assert plan.action == Submit(
        attempt=2, resume_from="/fsx/c/step-28", remaining_runtime_seconds=None, replaces=1
    )
    assert plan.status.phase == Phase.RESUMING
    stalled = next(c for c in plan.status.conditions if c.type == "Stalled")
    assert (stalled.status, stalled.reason) == ("True", "NoProgress")
    assert "after step 30" in stalled.message and "resumes from step 28" in stalled.message
    first = plan.status.attempts[0]
    assert (first.result, first.reason) == ("Failed", "Stalled")
    assert [e.reason for e in plan.events] == ["Stalled", "AttemptFailed", "Resuming"]


def test_the_fail_policy_stops_the_attempt_and_fails_the_job_stalled() -> None:
    job = running_job({"attempt": 1, "step": 30, "updatedAt": stamp(0)}, stall={"policy": "Fail"})
    stall = Stall(attempt=1, step=30, silent_seconds=25, window_seconds=20, policy=StallPolicy.FAIL)
    plan = decide(job, RUNNING, at(25), HealthVerdict(stall=stall))
    assert plan.action == StopAttempt(1, hung=True)
    assert (plan.status.phase, plan.status.reason) == (Phase.FAILED, "Stalled")
    failed = next(c for c in plan.status.conditions if c.type == "Failed")
    assert failed.reason == "Stalled" and "after step 30" in failed.message
    assert {c.type: c.status for c in plan.status.conditions}["Stalled"] == "True"


def test_a_stall_of_the_last_attempt_stops_it_and_fails_the_job() -> None:
    """A restart spends an attempt: a job that hangs again and again ends."""
    job = running_job({"attempt": 3, "step": 30, "updatedAt": stamp(0)}, attempt=3)
    stall = Stall(attempt=3, step=30, silent_seconds=25, window_seconds=20, policy=StallPolicy.RESTART)
    plan = decide(job, RUNNING, at(25), HealthVerdict(stall=stall))
    assert plan.action == StopAttempt(3, hung=True)
    assert (plan.status.phase, plan.status.reason) == (Phase.FAILED, "MaxAttemptsReached")
    stalled = next(c for c in plan.status.conditions if c.type == "Stalled")
    assert stalled.message.endswith("stopped; no attempt is left (MaxAttemptsReached)")


def test_a_stall_verdict_on_an_attempt_that_no_longer_runs_is_not_acted_on() -> None:
    job = running_job({"attempt": 1, "step": 30, "updatedAt": stamp(0)})
    succeeded = decide(job, Observation(AttemptState.SUCCEEDED), at(25), HealthVerdict(stall=STALL))
    assert succeeded.status.phase == Phase.SUCCEEDED and succeeded.action is None
    suspended = decide(
        job, Observation(AttemptState.RUNNING, suspended=True), at(25), HealthVerdict(stall=STALL)
    )
    assert not isinstance(suspended.action, Submit)


def test_stalled_ends_when_the_next_attempt_reports_a_step() -> None:
    stalled = {"type": "Stalled", "status": "True", "reason": "NoProgress", "lastTransitionTime": stamp(0)}
    waiting = running_job({"attempt": 1, "step": 30}, attempt=2, conditions=[stalled])
    plan = decide(waiting, RUNNING, at(60), HealthVerdict())
    assert {c.type: c.status for c in plan.status.conditions}["Stalled"] == "True"
    reported = running_job({"attempt": 2, "step": 29}, attempt=2, conditions=[stalled])
    plan = decide(reported, RUNNING, at(60), HealthVerdict())
    condition = next(c for c in plan.status.conditions if c.type == "Stalled")
    assert (condition.status, condition.reason) == ("False", "Progressing")
    assert condition.message == "attempt 2 reported step 29"


def test_a_slowdown_is_degraded_with_one_event_and_no_action_until_speed_returns() -> None:
    job = running_job({"attempt": 1, "step": 30, "updatedAt": stamp(0)})
    slowdown = Slowdown(tokens_per_second=30, median=100, seconds=1000)
    plan = decide(job, RUNNING, at(0), HealthVerdict(slowdown=slowdown))
    assert plan.action is None and plan.status.phase == Phase.RUNNING
    degraded = next(c for c in plan.status.conditions if c.type == "Degraded")
    assert (degraded.status, degraded.reason) == ("True", "SlowProgress")
    assert degraded.message == "30.0 tokens/s, below the attempt's median of 100.0 for 1000 s"
    assert [e.reason for e in plan.events] == ["SlowProgress"]
    still = decide(
        job.model_copy(update={"status": plan.status}), RUNNING, at(60), HealthVerdict(slowdown=slowdown)
    )
    assert still.events == ()
    back = decide(job.model_copy(update={"status": plan.status}), RUNNING, at(120), HealthVerdict())
    assert {c.type: c.status for c in back.status.conditions}["Degraded"] == "False"
    assert [e.reason for e in back.events] == ["NormalSpeed"]


def test_without_a_verdict_health_conditions_are_left_alone() -> None:
    """Backends whose trainer cannot report live (SageMaker) get no verdict."""
    job = running_job({"attempt": 1, "step": 30, "updatedAt": stamp(0)})
    plan = decide(job, RUNNING, at(86400), None)
    assert plan.action is None
    assert not {"Stalled", "Degraded"} & {c.type for c in plan.status.conditions}


def test_the_degraded_gauge_follows_the_condition() -> None:
    def samples(conditions: list[dict[str, Any]]) -> dict[Any, float]:
        return job_samples({"status": {"phase": "Running", "conditions": conditions}})[1]

    assert JOB_DEGRADED not in samples([])
    assert samples([{"type": "Degraded", "status": "True"}])[JOB_DEGRADED] == 1.0
    assert samples([{"type": "Degraded", "status": "False"}])[JOB_DEGRADED] == 0.0
