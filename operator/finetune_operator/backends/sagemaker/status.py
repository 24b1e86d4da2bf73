"""SageMaker's (TrainingJobStatus, SecondaryStatus) pair mapped to our attempt state.

A pure lookup table, so every pair SageMaker can report has one reviewed answer (the
unit tests walk every pair of the service model's two enums). The rules that matter:

- Only the primary status decides whether an attempt is over. A secondary status that
  looks terminal (``Completed`` while still ``InProgress``) is a moment in a transition.
- ``Stopped`` is never success: a job that hit ``MaxRuntimeInSeconds`` also ends Stopped.
- ``Interrupted`` (spot capacity reclaimed) is still Running, with a reason that says so;
  SageMaker restarts the job from its checkpoint by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from finetune_operator.attempt import AttemptState


class AttemptEnd(StrEnum):
    """How a finished SageMaker job ends the attempt, which decides whether to resume."""

    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    """The job failed: operator-level resume applies while attempts remain."""
    OUT_OF_TIME = "OutOfTime"
    """MaxRuntimeInSeconds was spent: resuming would exceed the user's runtime budget."""
    STOPPED = "Stopped"
    """Stopped by someone (the operator on delete, or a person in the console)."""
    DELETED = "Deleted"
    """SageMaker is deleting the job record itself."""


@dataclass(frozen=True)
class MappedStatus:
    """Our view of one (TrainingJobStatus, SecondaryStatus) pair."""

    state: AttemptState
    reason: str
    """CamelCase reason for the FineTuneJob condition and Events."""
    end: AttemptEnd | None = None
    """Set once the primary status is terminal."""


_PROVISIONING = (
    "Starting",
    "Pending",
    "LaunchingMLInstances",
    "PreparingTrainingStack",
    "Downloading",
    "DownloadingTrainingImage",
)

# InProgress: the job is alive. Secondary statuses before the training container runs
# are Pending on our side (capacity, image pull, data download); the rest are Running.
_IN_PROGRESS: dict[str, MappedStatus] = {
    **{secondary: MappedStatus(AttemptState.PENDING, secondary) for secondary in _PROVISIONING},
    "Training": MappedStatus(AttemptState.RUNNING, "Training"),
    "Uploading": MappedStatus(AttemptState.RUNNING, "UploadingArtifacts"),
    "Interrupted": MappedStatus(AttemptState.RUNNING, "SpotInterrupted"),
    "Restarting": MappedStatus(AttemptState.RUNNING, "Restarting"),
    "Updating": MappedStatus(AttemptState.RUNNING, "Updating"),
    "Stopping": MappedStatus(AttemptState.RUNNING, "Stopping"),
    # Terminal-looking secondaries while the primary is still InProgress: the primary
    # status catches up on the next poll.
    "Completed": MappedStatus(AttemptState.RUNNING, "Finishing"),
    "Failed": MappedStatus(AttemptState.RUNNING, "Finishing"),
    "Stopped": MappedStatus(AttemptState.RUNNING, "Stopping"),
    "MaxRuntimeExceeded": MappedStatus(AttemptState.RUNNING, "Stopping"),
    "MaxWaitTimeExceeded": MappedStatus(AttemptState.RUNNING, "Stopping"),
}

_FAILED: dict[str, MappedStatus] = {
    "MaxWaitTimeExceeded": MappedStatus(AttemptState.FAILED, "SpotCapacityUnavailable", AttemptEnd.FAILED),
    "MaxRuntimeExceeded": MappedStatus(AttemptState.FAILED, "MaxRuntimeExceeded", AttemptEnd.OUT_OF_TIME),
}

_STOPPED: dict[str, MappedStatus] = {
    "MaxRuntimeExceeded": MappedStatus(AttemptState.FAILED, "MaxRuntimeExceeded", AttemptEnd.OUT_OF_TIME),
    # Spot capacity never came back within MaxWaitTimeInSeconds: another attempt may find it.
    "MaxWaitTimeExceeded": MappedStatus(AttemptState.FAILED, "SpotCapacityUnavailable", AttemptEnd.FAILED),
}

# Default per primary status, used for every secondary the per-status table leaves out.
_BY_PRIMARY: dict[str, MappedStatus] = {
    "InProgress": MappedStatus(AttemptState.RUNNING, "Training"),
    "Stopping": MappedStatus(AttemptState.RUNNING, "Stopping"),
    "Completed": MappedStatus(AttemptState.SUCCEEDED, "TrainingJobCompleted", AttemptEnd.SUCCEEDED),
    "Failed": MappedStatus(AttemptState.FAILED, "TrainingJobFailed", AttemptEnd.FAILED),
    "Stopped": MappedStatus(AttemptState.FAILED, "TrainingJobStopped", AttemptEnd.STOPPED),
    "Deleting": MappedStatus(AttemptState.FAILED, "TrainingJobDeleted", AttemptEnd.DELETED),
}

_BY_PAIR: dict[str, dict[str, MappedStatus]] = {
    "InProgress": _IN_PROGRESS,
    "Failed": _FAILED,
    "Stopped": _STOPPED,
}


def map_training_job_status(status: str, secondary_status: str | None) -> MappedStatus:
    """Map a DescribeTrainingJob status pair; raise ValueError for an unknown primary."""
    try:
        default = _BY_PRIMARY[status]
    except KeyError:
        raise ValueError(f"unknown TrainingJobStatus {status!r}") from None
    if secondary_status is None:
        return default
    return _BY_PAIR.get(status, {}).get(secondary_status, default)
