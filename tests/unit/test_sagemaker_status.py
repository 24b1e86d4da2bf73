"""Every (TrainingJobStatus, SecondaryStatus) pair the service model allows has a reviewed mapping."""

from __future__ import annotations

import itertools

import pytest

from finetune_operator.attempt import AttemptState
from finetune_operator.backends.sagemaker.status import AttemptEnd, map_training_job_status
from finetune_operator.backends.sagemaker.validation import service_model

PRIMARY = service_model("sagemaker").shape_for("TrainingJobStatus").enum
SECONDARY = service_model("sagemaker").shape_for("SecondaryStatus").enum
PROVISIONING = {
    "Starting",
    "Pending",
    "LaunchingMLInstances",
    "PreparingTrainingStack",
    "Downloading",
    "DownloadingTrainingImage",
}


# The expected answer for every pair, written out as rules a reviewer can check.
def expected(primary: str, secondary: str) -> tuple[AttemptState, str, AttemptEnd | None]:
    if primary == "InProgress":
        if secondary in PROVISIONING:
            return AttemptState.PENDING, secondary, None
        reasons = {
            "Training": "Training",
            "Uploading": "UploadingArtifacts",
            "Interrupted": "SpotInterrupted",
            "Restarting": "Restarting",
            "Updating": "Updating",
            "Completed": "Finishing",
            "Failed": "Finishing",
        }
        return AttemptState.RUNNING, reasons.get(secondary, "Stopping"), None
    if primary == "Stopping":
        return AttemptState.RUNNING, "Stopping", None
    if primary == "Completed":
        return AttemptState.SUCCEEDED, "TrainingJobCompleted", AttemptEnd.SUCCEEDED
    if secondary == "MaxRuntimeExceeded" and primary in ("Stopped", "Failed"):
        return AttemptState.FAILED, "MaxRuntimeExceeded", AttemptEnd.OUT_OF_TIME
    if secondary == "MaxWaitTimeExceeded" and primary in ("Stopped", "Failed"):
        return AttemptState.FAILED, "SpotCapacityUnavailable", AttemptEnd.FAILED
    if primary == "Failed":
        return AttemptState.FAILED, "TrainingJobFailed", AttemptEnd.FAILED
    if primary == "Stopped":
        return AttemptState.FAILED, "TrainingJobStopped", AttemptEnd.STOPPED
    assert primary == "Deleting"
    return AttemptState.FAILED, "TrainingJobDeleted", AttemptEnd.DELETED


def test_service_model_enums_are_the_ones_the_table_was_written_for() -> None:
    assert set(PRIMARY) == {"InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting"}
    assert {"Interrupted", "MaxRuntimeExceeded", "MaxWaitTimeExceeded", "Restarting"} <= set(SECONDARY)


@pytest.mark.parametrize(("primary", "secondary"), list(itertools.product(PRIMARY, SECONDARY)))
def test_every_pair(primary: str, secondary: str) -> None:
    mapped = map_training_job_status(primary, secondary)
    assert (mapped.state, mapped.reason, mapped.end) == expected(primary, secondary)
    # Only the primary status ends an attempt, and only Completed is success.
    assert (mapped.end is not None) == (primary in ("Completed", "Failed", "Stopped", "Deleting"))
    assert (mapped.state == AttemptState.SUCCEEDED) == (primary == "Completed")
    assert (mapped.reason == "SpotInterrupted") == (primary == "InProgress" and secondary == "Interrupted")


@pytest.mark.parametrize(
    ("primary", "state", "end"),
    [
        ("InProgress", AttemptState.RUNNING, None),
        ("Stopping", AttemptState.RUNNING, None),
        ("Completed", AttemptState.SUCCEEDED, AttemptEnd.SUCCEEDED),
        ("Failed", AttemptState.FAILED, AttemptEnd.FAILED),
        ("Stopped", AttemptState.FAILED, AttemptEnd.STOPPED),
        ("Deleting", AttemptState.FAILED, AttemptEnd.DELETED),
    ],
)
def test_missing_secondary_uses_the_primary_default(
    primary: str, state: AttemptState, end: AttemptEnd | None
) -> None:
    mapped = map_training_job_status(primary, None)
    assert (mapped.state, mapped.end) == (state, end)


def test_unknown_primary_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown TrainingJobStatus"):
        map_training_job_status("Exploded", "Training")
