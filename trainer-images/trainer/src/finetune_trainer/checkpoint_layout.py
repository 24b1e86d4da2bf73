"""The on-disk checkpoint layout of docs/trainer-contract.md, section 2, without any tensors.

```
<dir>/step-00000020/COMPLETE             JSON manifest, written last: step, attempt, job uid, file sizes
<dir>/step-00000020/trainer_state.json   step, data position, per-rank RNG (`TrainerState`)
<dir>/.tmp-step-00000040/                being written; never read
<dir>/latest                             "step-00000020", replaced atomically
```

`write_checkpoint` is the one save sequence of every platform: the platforms only supply the
tensor shards (torch.distributed.checkpoint on CPU/CUDA, neuronx-distributed on Neuron) and
their barrier.

A checkpoint counts only when its manifest parses, names the directory's own step and every file
it lists is present with the recorded size. A truncated shard or a half-written directory is
therefore never picked, and `--resume-from auto` falls back to the previous checkpoint.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from finetune_contract.constants import RESUME_AUTO

log = logging.getLogger(__name__)

MANIFEST = "COMPLETE"
LATEST = "latest"
TRAINER_STATE = "trainer_state.json"
METHOD_STATE_DIR = "method"


def method_state_file(rank: int) -> str:
    """A rank's training-method state in a checkpoint (GRPO: the generation batch being reused)."""
    return f"{METHOD_STATE_DIR}-rank{rank:05d}.pt"


WRITER = "finetune-trainer"
STEP_DIR = re.compile(r"^step-(\d{8})$")


class CheckpointNotUsable(ValueError):
    """`--resume-from PATH` names something that is not a complete checkpoint (exit code 2)."""


@dataclasses.dataclass(frozen=True)
class TrainerState:
    """What `trainer_state.json` records besides tensors."""

    step: int
    epoch: float
    data_position: int  # global row index of the next row to train on
    tokens_seen: int
    attempt: int
    world_size: int
    rng: list[dict[str, Any]]  # per rank, when the platform gathers them into this file

    def to_json(self) -> str:
        return json.dumps(
            {
                "step": self.step,
                "epoch": self.epoch,
                "data": {"position": self.data_position, "tokensSeen": self.tokens_seen},
                "attempt": self.attempt,
                "worldSize": self.world_size,
                "rng": self.rng,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> TrainerState:
        raw = json.loads(text)
        return cls(
            step=int(raw["step"]),
            epoch=float(raw["epoch"]),
            data_position=int(raw["data"]["position"]),
            tokens_seen=int(raw["data"]["tokensSeen"]),
            attempt=int(raw["attempt"]),
            world_size=int(raw["worldSize"]),
            rng=list(raw["rng"]),
        )


def read_trainer_state(checkpoint: Path) -> TrainerState:
    return TrainerState.from_json((checkpoint / TRAINER_STATE).read_text(encoding="utf-8"))


def step_dir_name(step: int) -> str:
    return f"step-{step:08d}"


def temporary_dir_name(step: int) -> str:
    return f".tmp-{step_dir_name(step)}"


@dataclasses.dataclass(frozen=True)
class Manifest:
    step: int
    attempt: int
    job_uid: str
    world_size: int
    time: str
    files: dict[str, int]

    def to_json(self) -> str:
        return json.dumps(
            {
                "writer": WRITER,
                "step": self.step,
                "attempt": self.attempt,
                "jobUid": self.job_uid,
                "worldSize": self.world_size,
                "time": self.time,
                "files": self.files,
            },
            indent=2,
            sort_keys=True,
        )


def list_files(directory: Path) -> dict[str, int]:
    """Relative path -> size of every file under `directory` (the manifest's inventory)."""
    return {
        str(path.relative_to(directory)): path.stat().st_size
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def read_manifest(checkpoint: Path) -> Manifest:
    """The manifest of a complete checkpoint, or CheckpointNotUsable saying what is wrong."""
    match = STEP_DIR.match(checkpoint.name)
    if not match:
        raise CheckpointNotUsable(f"{checkpoint}: not a checkpoint directory name (expected step-NNNNNNNN)")
    if not checkpoint.is_dir():
        raise CheckpointNotUsable(f"{checkpoint}: no such checkpoint directory")
    try:
        raw: Any = json.loads((checkpoint / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(
            step=int(raw["step"]),
            attempt=int(raw["attempt"]),
            job_uid=str(raw["jobUid"]),
            world_size=int(raw["worldSize"]),
            time=str(raw["time"]),
            files={str(k): int(v) for k, v in raw["files"].items()},
        )
    except FileNotFoundError as exc:
        raise CheckpointNotUsable(f"{checkpoint}: incomplete (no {MANIFEST} manifest)") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CheckpointNotUsable(f"{checkpoint}: unreadable {MANIFEST} manifest ({exc})") from exc
    if manifest.step != int(match.group(1)):
        raise CheckpointNotUsable(
            f"{checkpoint}: manifest says step {manifest.step}, directory name disagrees"
        )
    for relative, size in manifest.files.items():
        path = checkpoint / relative
        if not path.is_file():
            raise CheckpointNotUsable(f"{checkpoint}: {relative} is missing")
        if path.stat().st_size != size:
            raise CheckpointNotUsable(
                f"{checkpoint}: {relative} has {path.stat().st_size} bytes, the manifest recorded {size}"
            )
    return manifest


def complete_checkpoints(directory: Path) -> list[tuple[Path, Manifest]]:
    """Every usable checkpoint under `directory`, oldest first; unusable ones are logged and skipped."""
    found: list[tuple[Path, Manifest]] = []
    if not directory.is_dir():
        return found
    for child in sorted(directory.iterdir()):
        if not STEP_DIR.match(child.name):
            continue
        try:
            found.append((child, read_manifest(child)))
        except CheckpointNotUsable as exc:
            log.warning("skipping checkpoint: %s", exc)
    return sorted(found, key=lambda item: item[1].step)


def resolve_resume(directory: Path, resume_from: str | None, job_uid: str) -> Path | None:
    """The checkpoint to resume from: None (fresh start), the newest complete one, or the named one.

    `auto` only considers checkpoints this job wrote (manifest `jobUid`): every attempt, attempt 1
    included, passes `auto`, and the default checkpoint directory is keyed by the job's name, so a
    deleted and re-created job must not continue the old job's training. A named PATH is the
    operator's (or a user's) explicit choice and is taken whoever wrote it.
    """
    if resume_from is None:
        return None
    if resume_from == RESUME_AUTO:
        found = []
        for path, manifest in complete_checkpoints(directory):
            if manifest.job_uid == job_uid:
                found.append(path)
            else:
                log.info("not resuming from %s: written by another job (uid %s)", path, manifest.job_uid)
        return found[-1] if found else None
    path = Path(resume_from)
    read_manifest(path)
    return path


def write_manifest(checkpoint_tmp: Path, manifest: Manifest) -> None:
    """Writes COMPLETE last, through a temporary name, and flushes it to the storage."""
    partial = checkpoint_tmp / f".{MANIFEST}.partial"
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(manifest.to_json())
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(checkpoint_tmp / MANIFEST)


def publish(directory: Path, step: int, job_uid: str) -> Path:
    """Renames `.tmp-step-N` to `step-N`, then points `latest` at it (write + rename)."""
    final = directory / step_dir_name(step)
    if final.exists():
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        try:
            existing = read_manifest(final)
        except CheckpointNotUsable as exc:
            # A damaged checkpoint of the same step (a torn write of an earlier attempt): moved
            # aside, not deleted, so that nothing the user may want to inspect disappears.
            aside = directory / f"{final.name}.damaged-{stamp}"
            log.warning("moving damaged checkpoint aside to %s: %s", aside, exc)
            final.rename(aside)
        else:
            if existing.job_uid != job_uid:
                # Another job's checkpoint (same name, re-created): not ours to keep as this step's.
                aside = directory / f"{final.name}.other-job-{stamp}"
                log.warning("moving %s aside to %s: written by job uid %s", final, aside, existing.job_uid)
                final.rename(aside)
    if final.exists():
        # A run that resumed from an earlier checkpoint re-saved this step; with exact resume both
        # copies hold the same state, so the one already published stays.
        shutil.rmtree(directory / temporary_dir_name(step))
        log.info("checkpoint %s already exists and is kept", final)
    else:
        (directory / temporary_dir_name(step)).rename(final)
    latest_partial = directory / f".{LATEST}.partial"
    latest_partial.write_text(final.name, encoding="utf-8")
    latest_partial.replace(directory / LATEST)
    return final


def set_aside_after(directory: Path, restored: Path, job_uid: str) -> list[Path]:
    """After a rollback to ``restored``: moves this job's newer checkpoints aside as
    `step-N.diverged-<time>` (their weights led to the diverging loss; kept, not deleted, for
    whoever wants to inspect them) and points `latest` back at ``restored``, so that neither
    `--resume-from auto` nor the operator resumes from them. Rank 0 only."""
    restored_step = read_manifest(restored).step
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    moved = []
    for path, manifest in complete_checkpoints(directory):
        if manifest.job_uid == job_uid and manifest.step > restored_step:
            aside = directory / f"{path.name}.diverged-{stamp}"
            log.warning("moving %s aside to %s: the loss diverged after it", path, aside)
            path.rename(aside)
            moved.append(aside)
    latest_partial = directory / f".{LATEST}.partial"
    latest_partial.write_text(restored.name, encoding="utf-8")
    latest_partial.replace(directory / LATEST)
    return moved


def prune(directory: Path, keep_last: int, job_uid: str) -> list[Path]:
    """Deletes complete checkpoints older than the newest `keep_last` that this job wrote itself."""
    found = complete_checkpoints(directory)
    deleted = []
    for path, manifest in found[: max(len(found) - keep_last, 0)]:
        if manifest.job_uid != job_uid:
            log.info("keeping %s: written by another job (uid %s)", path, manifest.job_uid)
            continue
        shutil.rmtree(path)
        deleted.append(path)
    return deleted


def seal(
    directory: Path,
    checkpoint_tmp: Path,
    *,
    step: int,
    attempt: int,
    job_uid: str,
    world_size: int,
    keep_last: int,
) -> Path:
    """Rank 0's last part of every save, on every device: manifest, publish, prune.

    Called once all ranks have written their shards into `checkpoint_tmp`; the order is what
    makes a half-written checkpoint impossible to pick (COMPLETE last, then the rename,
    then `latest`, and only then are older checkpoints removed).
    """
    manifest = Manifest(
        step=step,
        attempt=attempt,
        job_uid=job_uid,
        world_size=world_size,
        time=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        files=list_files(checkpoint_tmp),
    )
    write_manifest(checkpoint_tmp, manifest)
    final = publish(directory, step, job_uid)
    prune(directory, keep_last, job_uid)
    return final


def write_checkpoint(
    directory: Path,
    state: TrainerState,
    *,
    is_main: bool,
    job_uid: str,
    keep_last: int,
    barrier: Callable[[str], None],
    write_shards: Callable[[Path], TrainerState],
) -> Path:
    """Writes the complete checkpoint of `state.step` and returns its final path. Collective.

    Rank 0 creates `.tmp-step-N` (after removing what dead attempts left half-written); every rank
    writes its tensors and RNG state into it with `write_shards`, which returns the `TrainerState`
    that rank 0 records; once all have, rank 0 writes trainer_state.json and seals (COMPLETE,
    rename, `latest`, prune). `barrier(what)` separates the phases: a process-group barrier, or
    XLA's rendezvous, which names what it waits for.
    """
    checkpoint_tmp = directory / temporary_dir_name(state.step)
    if is_main:
        directory.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(directory)
        checkpoint_tmp.mkdir()
    barrier("checkpoint directory created")
    recorded = write_shards(checkpoint_tmp)
    barrier("checkpoint shards written")
    if is_main:
        (checkpoint_tmp / TRAINER_STATE).write_text(recorded.to_json(), encoding="utf-8")
        seal(
            directory,
            checkpoint_tmp,
            step=state.step,
            attempt=state.attempt,
            job_uid=job_uid,
            world_size=state.world_size,
            keep_last=keep_last,
        )
    barrier("checkpoint published")
    return directory / step_dir_name(state.step)


def remove_stale_temporaries(directory: Path) -> None:
    """Removes `.tmp-step-*` left by an attempt that died while writing (they are never read)."""
    if not directory.is_dir():
        return
    for child in directory.iterdir():
        if child.is_dir() and child.name.startswith(".tmp-step-"):
            log.info("removing half-written checkpoint %s from an earlier attempt", child)
            shutil.rmtree(child)
