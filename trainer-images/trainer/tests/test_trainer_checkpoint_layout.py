"""Checkpoint layout: atomic publish, `latest`, keep-last-K, and never picking an incomplete checkpoint."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from finetune_trainer import checkpoint_layout as layout


def _write_checkpoint(directory: Path, step: int, job_uid: str = "uid-1", complete: bool = True) -> Path:
    """Writes a checkpoint the way the trainer does: tmp dir, files, manifest, publish."""
    tmp = directory / layout.temporary_dir_name(step)
    (tmp / "model").mkdir(parents=True)
    (tmp / "model" / "__0_0.distcp").write_bytes(b"x" * (100 + step))
    (tmp / layout.TRAINER_STATE).write_text(json.dumps({"step": step}))
    if not complete:
        return tmp
    manifest = layout.Manifest(step, 1, job_uid, 1, "2026-11-22T10:00:00Z", layout.list_files(tmp))
    layout.write_manifest(tmp, manifest)
    return layout.publish(directory, step, job_uid)


def test_publish_renames_and_moves_latest(tmp_path: Path) -> None:
    path = _write_checkpoint(tmp_path, 20)
    assert path == tmp_path / "step-00000020"
    assert (tmp_path / "latest").read_text() == "step-00000020"
    assert not (tmp_path / ".tmp-step-00000020").exists()
    assert json.loads((path / "COMPLETE").read_text())["files"] == {
        "model/__0_0.distcp": 120,
        "trainer_state.json": len(json.dumps({"step": 20})),
    }


def test_auto_picks_the_newest_complete_checkpoint(tmp_path: Path) -> None:
    for step in (10, 20, 30):
        _write_checkpoint(tmp_path, step)
    _write_checkpoint(tmp_path, 40, complete=False)  # being written when the pod died
    assert layout.resolve_resume(tmp_path, "auto", "uid-1") == tmp_path / "step-00000030"
    assert layout.resolve_resume(tmp_path, None, "uid-1") is None
    assert layout.resolve_resume(tmp_path / "nothing-yet", "auto", "uid-1") is None


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: (p / "COMPLETE").unlink(), "incomplete (no COMPLETE manifest)"),
        (lambda p: (p / "COMPLETE").write_text("{trunc"), "unreadable COMPLETE manifest"),
        (
            lambda p: (p / "model" / "__0_0.distcp").write_bytes(b"x"),
            "has 1 bytes, the manifest recorded 130",
        ),
        (lambda p: (p / "trainer_state.json").unlink(), "trainer_state.json is missing"),
    ],
)
def test_a_damaged_newest_checkpoint_is_skipped_for_the_previous_one(
    tmp_path: Path, damage, reason: str
) -> None:
    _write_checkpoint(tmp_path, 20)
    newest = _write_checkpoint(tmp_path, 30)
    damage(newest)
    assert layout.resolve_resume(tmp_path, "auto", "uid-1") == tmp_path / "step-00000020"
    with pytest.raises(layout.CheckpointNotUsable) as raised:
        layout.resolve_resume(tmp_path, str(newest), "uid-1")
    assert str(raised.value).startswith(f"{newest}: ") and reason in str(raised.value)


def test_resume_from_a_path_must_name_a_complete_checkpoint(tmp_path: Path) -> None:
    _write_checkpoint(tmp_path, 20)
    assert (
        layout.resolve_resume(tmp_path, str(tmp_path / "step-00000020"), "uid-1")
        == tmp_path / "step-00000020"
    )
    with pytest.raises(layout.CheckpointNotUsable, match="not a checkpoint directory name"):
        layout.resolve_resume(tmp_path, str(tmp_path), "uid-1")
    with pytest.raises(layout.CheckpointNotUsable, match="no such checkpoint directory"):
        layout.resolve_resume(tmp_path, str(tmp_path / "step-00000099"), "uid-1")


def test_prune_keeps_the_newest_k_and_never_touches_another_jobs_checkpoints(tmp_path: Path) -> None:
    _write_checkpoint(tmp_path, 5, job_uid="other-job")
    for step in (10, 20, 30, 40):
        _write_checkpoint(tmp_path, step)
    deleted = layout.prune(tmp_path, keep_last=2, job_uid="uid-1")
    assert deleted == [tmp_path / "step-00000010", tmp_path / "step-00000020"]
    remaining = sorted(p.name for p in tmp_path.iterdir())
    assert remaining == ["latest", "step-00000005", "step-00000030", "step-00000040"]


def test_stale_temporaries_of_a_dead_attempt_are_removed(tmp_path: Path) -> None:
    _write_checkpoint(tmp_path, 20)
    _write_checkpoint(tmp_path, 30, complete=False)
    layout.remove_stale_temporaries(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "step-00000020"]


def test_auto_never_continues_another_jobs_training(tmp_path: Path) -> None:
    """Attempt 1 passes `auto` too; a re-created job with the same name (same default checkpoint
    directory, new uid) must start fresh, and its own step-N replaces the old job's aside."""
    _write_checkpoint(tmp_path, 20, job_uid="old-job")
    assert layout.resolve_resume(tmp_path, "auto", "new-job") is None
    assert layout.resolve_resume(tmp_path, str(tmp_path / "step-00000020"), "new-job") == (
        tmp_path / "step-00000020"
    )
    _write_checkpoint(tmp_path, 20, job_uid="new-job")
    assert layout.resolve_resume(tmp_path, "auto", "new-job") == tmp_path / "step-00000020"
    assert layout.read_manifest(tmp_path / "step-00000020").job_uid == "new-job"
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("step-00000020.other-job-")]
    assert json.loads((aside / "COMPLETE").read_text())["jobUid"] == "old-job"


def test_every_platform_saves_through_one_sequence(tmp_path: Path) -> None:
    """`write_checkpoint`: directory, shards, then trainer_state.json + seal on rank 0, with a barrier
    between the phases; a dead attempt's temporary is gone and only older checkpoints are pruned."""
    for step in (10, 20):
        _write_checkpoint(tmp_path, step)
    (tmp_path / layout.temporary_dir_name(25)).mkdir()  # left by an attempt that died mid-save
    events: list[str] = []
    state = layout.TrainerState(
        step=30, epoch=0.5, data_position=120, tokens_seen=4096, attempt=2, world_size=1, rng=[]
    )

    def write_shards(checkpoint_tmp: Path) -> layout.TrainerState:
        events.append(f"shards into {checkpoint_tmp.name}")
        (checkpoint_tmp / "model").mkdir()
        (checkpoint_tmp / "model" / "__0_0.distcp").write_bytes(b"weights")
        return dataclasses.replace(state, rng=[{"python": "state of rank 0"}])

    final = layout.write_checkpoint(
        tmp_path,
        state,
        is_main=True,
        job_uid="uid-1",
        keep_last=2,
        barrier=events.append,
        write_shards=write_shards,
    )
    assert events == [
        "checkpoint directory created",
        "shards into .tmp-step-00000030",
        "checkpoint shards written",
        "checkpoint published",
    ]
    assert final == tmp_path / "step-00000030"
    assert (tmp_path / "latest").read_text() == "step-00000030"
    assert layout.read_trainer_state(final).rng == [{"python": "state of rank 0"}]
    assert layout.read_manifest(final).attempt == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "step-00000020", "step-00000030"]


def test_a_rank_other_than_0_writes_only_its_shards(tmp_path: Path) -> None:
    state = layout.TrainerState(
        step=5, epoch=0.0, data_position=0, tokens_seen=0, attempt=1, world_size=2, rng=[]
    )
    checkpoint_tmp = tmp_path / layout.temporary_dir_name(5)
    checkpoint_tmp.mkdir()  # rank 0's part, done before the first barrier

    def write_shards(directory: Path) -> layout.TrainerState:
        (directory / "shard-1").write_bytes(b"rank 1")
        return state

    layout.write_checkpoint(
        tmp_path,
        state,
        is_main=False,
        job_uid="uid-1",
        keep_last=1,
        barrier=lambda _what: None,
        write_shards=write_shards,
    )
    assert sorted(p.name for p in checkpoint_tmp.iterdir()) == ["shard-1"]
    assert not (tmp_path / "latest").exists()
