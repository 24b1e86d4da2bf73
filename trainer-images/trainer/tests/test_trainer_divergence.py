"""Divergence: the detector's robust statistics and window arithmetic (pure), the exit decision, the
status patch, and two real runs of the tiny model whose learning rate makes the loss spike by itself
(no injected fault): one recovers through a rollback, one spends its rollbacks and exits 3."""

from __future__ import annotations

import json
import math
import random
import subprocess
from pathlib import Path

import pytest
import trainer_testkit as kit

from finetune_contract.constants import EXIT_DIVERGED, EXIT_OK
from finetune_trainer import checkpoint_layout
from finetune_trainer.config import DivergenceSpec
from finetune_trainer.divergence import (
    MAD_TO_SIGMA,
    Divergence,
    LossMonitor,
    monitor_for,
    refusal,
    robust_centre_and_scale,
)
from finetune_trainer.progress import RollbackReport, build_rollback_record, build_status_patch

# --- the detector (pure) ------------------------------------------------------------------------


def test_the_robust_scale_is_the_scaled_median_absolute_deviation() -> None:
    centre, scale = robust_centre_and_scale([1.0, 2.0, 3.0, 4.0, 100.0])
    assert centre == 3.0
    # |x - 3| = 2, 1, 0, 1, 97: the median is 1, and the outlier moves neither figure.
    assert scale == pytest.approx(MAD_TO_SIGMA * 1.0)


def test_a_flat_loss_has_a_scale_floor_so_a_wiggle_is_no_spike() -> None:
    monitor = LossMonitor(spike_deviations=8, window=5)
    for step in range(1, 6):
        assert monitor.observe(step, 2.0) is None
    # MAD 0: without the floor (1 % of the median) any rise would be infinitely many deviations.
    assert monitor.observe(6, 2.1) is None
    assert monitor.observe(7, 2.2) is not None


def test_no_spike_is_called_before_the_window_is_full() -> None:
    """Start-up: a loss that falls steeply and bounces (warm-up, first graphs) is never a spike
    until `window` steps have been seen; a non-finite loss always is."""
    monitor = LossMonitor(spike_deviations=3, window=6)
    start_up = [11.0, 4.0, 9.5, 3.0, 12.0, 2.5]
    assert [monitor.observe(step, loss) for step, loss in enumerate(start_up, 1)] == [None] * 6
    assert len(monitor.losses) == 6
    nan = LossMonitor(spike_deviations=3, window=6).observe(1, math.nan)
    assert nan is not None and (nan.step, nan.reason) == (1, "loss is nan")
    assert LossMonitor(spike_deviations=3, window=6).observe(1, math.inf) is not None


def test_noisy_training_gives_no_false_positive_but_a_spike_is_caught() -> None:
    rng = random.Random(3)
    monitor = LossMonitor(spike_deviations=8, window=32)
    loss = 8.0
    for step in range(1, 2001):
        loss = max(1.0, loss * 0.999)
        assert monitor.observe(step, loss + rng.gauss(0, 0.05)) is None, step
    spike = monitor.observe(2001, loss * 3)
    assert spike is not None and spike.step == 2001
    assert "robust deviations above the median" in spike.reason and "last 32 steps" in spike.reason
    # A loss that falls fast is training going well.
    assert monitor.observe(2002, loss / 3) is None


def test_the_window_slides_and_forgets_the_steps_a_rollback_undoes() -> None:
    monitor = LossMonitor(spike_deviations=8, window=3)
    for step, loss in enumerate([5.0, 4.0, 3.0, 2.0], 1):
        monitor.observe(step, loss)
    assert monitor.losses == [4.0, 3.0, 2.0]  # the oldest left the window
    monitor.forget_after(2)
    assert monitor.losses == [4.0]  # steps 3 and 4 will run again from the checkpoint of step 2
    assert monitor.observe(3, 40.0) is None  # not full again yet: no spike can be called


def test_policy_off_detects_no_spike_but_still_a_non_finite_loss() -> None:
    monitor = LossMonitor(spike_deviations=2, window=2, detect_spikes=False)
    assert [monitor.observe(s, loss) for s, loss in ((1, 1.0), (2, 1.0), (3, 1000.0))] == [None] * 3
    assert monitor.observe(4, math.nan) is not None


def test_a_loss_near_zero_needs_a_rise_of_more_than_the_absolute_floor() -> None:
    """DPO late in training: losses of a few thousandths whose MAD is tinier still; a batch a few
    hundredths worse is no spike (the floor is 0.01 nats), a loss of 0.2 is."""
    monitor = LossMonitor(spike_deviations=8, window=4)
    for step, loss in enumerate([0.0020, 0.0021, 0.0019, 0.0020], 1):
        assert monitor.observe(step, loss) is None
    assert monitor.observe(5, 0.05) is None
    assert monitor.observe(6, 0.2) is not None


def test_grpo_gets_the_non_finite_test_only() -> None:
    """GRPO's surrogate loss is exactly 0 for batches whose groups all scored alike: with a spike
    test, the first step with a signal would be a spike."""
    monitor = monitor_for(_spec(), uses_rewards=True)
    assert [monitor.observe(step, 0.0) for step in range(1, 6)] == [None] * 5
    assert monitor.observe(6, 0.3) is None
    assert monitor.observe(7, math.nan) is not None
    assert monitor_for(_spec(), uses_rewards=False).detect_spikes


def _spec(policy: str = "rollback", max_rollbacks: int = 2) -> DivergenceSpec:
    return DivergenceSpec(
        policy=policy, spike_deviations=8, window=4, learning_rate_factor=0.5, max_rollbacks=max_rollbacks
    )


def test_which_divergence_ends_the_run() -> None:
    seen = Divergence(step=40, loss=math.nan, reason="loss is nan")
    assert refusal(_spec(), seen, rollbacks=1, has_checkpoint=True) is None
    spent = refusal(_spec(), seen, rollbacks=2, has_checkpoint=True)
    assert spent is not None and "step 40: loss is nan" in spent and "maxRollbacks 2" in spent
    nothing = refusal(_spec(), seen, rollbacks=0, has_checkpoint=False)
    assert nothing is not None and "no checkpoint before it" in nothing
    fail = refusal(_spec("fail"), seen, rollbacks=0, has_checkpoint=True)
    off = refusal(_spec("off"), seen, rollbacks=0, has_checkpoint=True)
    assert fail is not None and "policy fail" in fail
    assert off is not None and "policy off" in off


def test_rollbacks_ride_with_a_report_in_the_status_patch_and_a_nan_is_left_out() -> None:
    rollback = RollbackReport(
        attempt=2, step=9, loss=math.nan, reason="loss is nan", restored_step=6, learning_rate=1e-4, time=0.0
    )
    record = build_rollback_record(rollback)
    assert record["type"] == "rollback" and "loss" not in record
    json.dumps(record, allow_nan=False)  # the API server takes no NaN
    from finetune_trainer.progress import StepReport

    report = StepReport(
        attempt=2,
        step=8,
        total_steps=10,
        epoch=0.5,
        loss=3.0,
        learning_rate=1e-4,
        tokens_per_second=1,
        time=0,
    )
    patch = build_status_patch(report, None, None, (rollback,))
    assert patch["status"]["progress"]["attempt"] == 2
    assert patch["status"]["progress"]["rollbacks"] == [
        {
            "attempt": 2,
            "step": 9,
            "reason": "loss is nan",
            "restoredStep": 6,
            "learningRate": 1e-4,
            "time": "1970-01-01T00:00:00Z",
        }
    ]


# --- real runs --------------------------------------------------------------------------------

SPIKING = {
    # Full fine-tuning of the tiny model at a learning rate of 1: steps 1 and 2 lower the loss
    # (7.5, 6.2), the second update overshoots and step 3's loss is 26.6, about 20 robust
    # deviations above the first two. At a tenth of it the run trains on.
    "training.maxSteps": 6,
    "optimizer.learningRate": 1.0,
    "optimizer.scheduler": "constant",
    "optimizer.warmupSteps": 0,
    "checkpointing.everySteps": 1,
    "divergence.window": 2,
}


@pytest.fixture(scope="module")
def spike_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kit.write_jsonl(tmp_path_factory.mktemp("data") / "train.jsonl", kit.messages_records(200, seed=1))


def _run(
    tmp_path: Path, tiny_model: Path, data: Path, **overrides: object
) -> subprocess.CompletedProcess[str]:
    config = kit.make_config(tmp_path, tiny_model, [data], method="sft", **{**SPIKING, **overrides})
    return kit.run_trainer(kit.write_config(tmp_path, config))


def test_a_spiking_run_rolls_back_with_a_lower_learning_rate_and_finishes(
    tmp_path: Path, tiny_model: Path, spike_data: Path
) -> None:
    result = _run(
        tmp_path,
        tiny_model,
        spike_data,
        **{"divergence.learningRateFactor": 0.1, "divergence.maxRollbacks": 2},
    )
    assert result.returncode == EXIT_OK, result.stderr[-4000:]
    checkpoints = tmp_path / "checkpoints"
    (rollback,) = kit.progress_records(checkpoints, "rollback")
    # Step 3's loss condemns the weights of step 2: training goes back to step 1's checkpoint.
    assert rollback["step"] == 3 and rollback["restoredStep"] == 1
    assert "robust deviations above the median" in rollback["reason"] and rollback["loss"] > 20
    assert rollback["learningRate"] == pytest.approx(0.1)
    steps = kit.progress_records(checkpoints)
    after = [r for r in steps if r["time"] >= rollback["time"] and r["step"] >= 2][-5:]
    assert [r["step"] for r in after] == [2, 3, 4, 5, 6]
    assert all(r["learningRate"] == pytest.approx(0.1) and r["loss"] < 10 for r in after), after
    # The condemned checkpoint of step 2 is kept aside; the one written again after the rollback
    # is complete, and the contract's layout is unchanged.
    assert [p.name.split(".")[0] for p in checkpoints.glob("step-00000002.diverged-*")] == ["step-00000002"]
    newest, manifest = checkpoint_layout.complete_checkpoints(checkpoints)[-1]
    assert manifest.step == 6 and (checkpoints / "latest").read_text() == newest.name
    assert json.loads((tmp_path / "output" / "metrics.json").read_text())["step"] == 6


def test_a_run_that_diverges_again_after_its_last_rollback_exits_3(
    tmp_path: Path, tiny_model: Path, spike_data: Path
) -> None:
    result = _run(
        tmp_path,
        tiny_model,
        spike_data,
        **{"divergence.learningRateFactor": 0.9, "divergence.maxRollbacks": 1},
    )
    assert result.returncode == EXIT_DIVERGED, result.stderr[-4000:]
    assert "training diverged at step 3" in result.stderr
    assert "after 1 rollback(s) (spec.health.divergence.maxRollbacks 1)" in result.stderr
    assert len(kit.progress_records(tmp_path / "checkpoints", "rollback")) == 1
