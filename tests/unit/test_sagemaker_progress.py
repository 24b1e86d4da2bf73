"""Progress of a SageMaker attempt from the tail of the trainer's progress.jsonl (pure)."""

from __future__ import annotations

import json

from finetune_operator.backends.sagemaker.progress import percent_complete, progress_from_records


def line(**record: object) -> str:
    return json.dumps({"type": "step", "totalSteps": 200, "time": "2026-11-22T10:00:00Z", **record})


def test_the_newest_step_of_the_asked_attempt_counts() -> None:
    tail = "\n".join(
        [
            line(attempt=1, step=150, loss=0.9),
            line(attempt=2, step=40, loss=1.5),
            json.dumps({"type": "checkpoint", "attempt": 2, "step": 40, "path": "/opt/ml/checkpoints/s"}),
            line(attempt=2, step=50, loss=1.4, estimatedCompletionTime="2026-11-22T11:00:00Z"),
            json.dumps({"type": "validation", "step": 50, "loss": 1.6}),
        ]
    )
    progress = progress_from_records(tail, 2, starts_mid_line=False)
    assert progress is not None
    assert (progress.step, progress.percent, progress.loss) == (50, "25%", 1.4)
    assert progress.estimated_completion_time == "2026-11-22T11:00:00Z"
    assert progress_from_records(tail, 3, starts_mid_line=False) is None


def test_cut_and_half_written_lines_are_skipped() -> None:
    whole = line(attempt=1, step=7)
    tail = whole[10:] + "\n" + whole + "\n" + line(attempt=1, step=8)[:30]
    progress = progress_from_records(tail, 1, starts_mid_line=True)
    assert progress is not None and progress.step == 7
    # The cut first line alone is no record, even when it happens to parse.
    assert progress_from_records(whole, 1, starts_mid_line=True) is None


def test_values_the_api_server_cannot_take_are_left_out() -> None:
    progress = progress_from_records(line(attempt=1, step=3, loss=float("nan")), 1, starts_mid_line=False)
    assert progress is not None and progress.loss is None and progress.step == 3
    assert progress_from_records(line(attempt=1, step="three"), 1, starts_mid_line=False) is None
    assert progress_from_records(line(attempt=1, step=3, time=17), 1, starts_mid_line=False) is None


def test_a_grpo_steps_mean_reward_is_progress_too() -> None:
    record = line(attempt=1, step=4, loss=0.02, reward=0.4375, rewards={"correct": 0.5})
    progress = progress_from_records(record, 1, starts_mid_line=False)
    assert progress is not None and progress.reward == 0.4375


def test_percent_is_rounded_down_as_the_trainer_does() -> None:
    from finetune_trainer.progress import percent_complete as trainers

    for step, total in [(0, 10), (1, 3), (199, 200), (200, 200), (250, 200), (5, 0)]:
        assert percent_complete(step, total) == trainers(step, total)


def test_the_validation_pass_after_the_last_step_is_progress_too() -> None:
    """Issue 23, friction point 6, on sagemaker: the trainer's validation record reaches status."""
    tail = "\n".join(
        [
            json.dumps({"type": "validation", "attempt": 1, "step": 150, "validationLoss": 2.0}),
            line(attempt=2, step=200, loss=0.4),
            json.dumps({"type": "checkpoint", "attempt": 2, "step": 200, "path": "/opt/ml/checkpoints/s"}),
            json.dumps(
                {
                    "type": "validation",
                    "attempt": 2,
                    "step": 200,
                    "validationLoss": 0.82,
                    "validationRewardAccuracy": 0.7,
                }
            ),
        ]
    )
    progress = progress_from_records(tail, 2, starts_mid_line=False)
    assert progress is not None and progress.step == 200
    assert (progress.validation_loss, progress.validation_reward_accuracy) == (0.82, 0.7)
    assert progress.validation_step == 200
    # Attempt 1's pass is not attempt 2's, nor a pass before any step of the asked attempt.
    earlier = progress_from_records("\n".join(tail.splitlines()[:2]), 2, starts_mid_line=False)
    assert earlier is not None and earlier.validation_loss is None


def test_the_newest_periodic_validation_pass_rides_with_the_newest_step_with_its_own_step() -> None:
    """data.validationEverySteps: the passes come between steps; status shows the newest and the
    step it followed (a sweep's intermediate values for eval_loss), not the newest step's."""

    def validation(step: int, loss: float) -> str:
        return json.dumps({"type": "validation", "attempt": 1, "step": step, "validationLoss": loss})

    tail = "\n".join(
        [
            line(attempt=1, step=1, loss=2.0),
            line(attempt=1, step=2, loss=1.8),
            validation(2, 1.9),
            line(attempt=1, step=3, loss=1.6),
            line(attempt=1, step=4, loss=1.5),
            validation(4, 1.7),
            line(attempt=1, step=5, loss=1.4),
        ]
    )
    progress = progress_from_records(tail, 1, starts_mid_line=False)
    assert progress is not None and progress.step == 5
    assert (progress.validation_step, progress.validation_loss) == (4, 1.7)
    before_any = progress_from_records("\n".join(tail.splitlines()[:2]), 1, starts_mid_line=False)
    assert before_any is not None and (before_any.validation_step, before_any.validation_loss) == (None, None)


def test_the_attempts_rollbacks_ride_with_its_progress() -> None:
    def rollback(attempt: int, step: int) -> str:
        return json.dumps(
            {
                "type": "rollback",
                "attempt": attempt,
                "step": step,
                "reason": "loss is nan",
                "restoredStep": step - 5,
                "learningRate": 1e-4,
                "time": "2026-11-22T10:00:00Z",
            }
        )

    tail = "\n".join(
        [rollback(1, 30), line(attempt=2, step=8, loss=2.0), rollback(2, 9), line(attempt=2, step=7)]
    )
    progress = progress_from_records(tail, 2, starts_mid_line=False)
    assert progress is not None and progress.rollbacks is not None
    assert [(r.attempt, r.step, r.restored_step) for r in progress.rollbacks] == [(2, 9, 4)]
    without = progress_from_records(line(attempt=2, step=8, loss=2.0), 2, starts_mid_line=False)
    assert without is not None and without.rollbacks is None
