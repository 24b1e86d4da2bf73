"""Learning-rate schedules, and that the scheduler's state survives a checkpoint round trip."""

from __future__ import annotations

import pytest
import torch

from finetune_trainer.schedule import LrMultiplier, build_scheduler


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("cosine", [1 / 3, 2 / 3, 1.0, 0.5, 0.0]),
        ("linear", [1 / 3, 2 / 3, 1.0, 0.5, 0.0]),
        ("constant", [1 / 3, 2 / 3, 1.0, 1.0, 1.0]),
    ],
)
def test_warmup_then_decay_to_the_last_step(kind: str, expected: list[float]) -> None:
    multiplier = LrMultiplier(kind, warmup_steps=2, total_steps=4)
    assert [multiplier(step) for step in (0, 1, 2, 3, 4)] == pytest.approx(expected)


def test_scheduler_state_restores_the_position() -> None:
    def fresh() -> torch.optim.lr_scheduler.LambdaLR:
        optimizer = torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
        return build_scheduler(optimizer, "cosine", warmup_steps=1, total_steps=10)

    running = fresh()
    for _ in range(4):
        running.optimizer.step()
        running.step()
    restored = fresh()
    restored.load_state_dict(running.state_dict())
    assert restored.get_last_lr() == running.get_last_lr()
    assert restored.last_epoch == 4
