"""The training-job name is the idempotency key: deterministic, valid, unique per attempt."""

from __future__ import annotations

import pytest

from finetune_operator.backends.sagemaker.naming import (
    MAX_TRAINING_JOB_NAME_LENGTH,
    TRAINING_JOB_NAME_PATTERN,
    training_job_name,
)
from finetune_operator.backends.sagemaker.validation import validate_request

UID = "0b6c2d4e-1111-2222-3333-444455556666"
NAMES = [
    "llama-lora",
    "a",
    "x" * 253,
    "my.dotted.job-name",
    "trailing-dash-" + "y" * 60,
    "1-starts-with-digit",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("attempt", [1, 2, 20, 1000])
def test_name_fits_sagemaker_length_and_pattern(name: str, attempt: int) -> None:
    generated = training_job_name(name, UID, attempt)
    assert 1 <= len(generated) <= MAX_TRAINING_JOB_NAME_LENGTH
    assert TRAINING_JOB_NAME_PATTERN.fullmatch(generated), generated
    # The service model agrees (pattern, min and max of TrainingJobName).
    violations = validate_request("sagemaker", "DescribeTrainingJob", {"TrainingJobName": generated})
    assert violations == []


def test_name_is_deterministic_and_readable() -> None:
    assert training_job_name("llama-lora", UID, 1) == training_job_name("llama-lora", UID, 1)
    assert training_job_name("llama-lora", UID, 1).startswith("llama-lora-")
    assert training_job_name("llama-lora", UID, 1).endswith("-a1")


def test_names_differ_across_attempts_and_uids() -> None:
    names = {
        training_job_name("llama-lora", uid, attempt) for uid in (UID, "other-uid") for attempt in (1, 2, 3)
    }
    assert len(names) == 6


def test_long_names_stay_unique_through_the_uid_hash() -> None:
    long = "z" * 200
    assert training_job_name(long, "uid-a", 1) != training_job_name(long, "uid-b", 1)


@pytest.mark.parametrize(("name", "uid", "attempt"), [("job", UID, 0), ("job", "", 1)])
def test_bad_inputs_are_refused(name: str, uid: str, attempt: int) -> None:
    with pytest.raises(ValueError):
        training_job_name(name, uid, attempt)
