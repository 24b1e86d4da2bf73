"""Deterministic SageMaker training-job names.

CreateTrainingJob has no client token: the job name is the only idempotency key, and it
is unique per account and region forever (names of deleted jobs stay taken). So the name
must be a pure function of (FineTuneJob uid, attempt): after an operator restart the
backend recomputes the same name, finds the job with DescribeTrainingJob and never
creates a second one. The uid hash keeps two FineTuneJobs with the same name (other
namespace, or deleted and recreated) from colliding; the attempt suffix gives each
operator-level resume its own job.
"""

from __future__ import annotations

import hashlib
import re

MAX_TRAINING_JOB_NAME_LENGTH = 63
TRAINING_JOB_NAME_PATTERN = re.compile(r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")

_UID_HASH_LENGTH = 8
_NOT_ALLOWED = re.compile(r"[^a-zA-Z0-9-]+")
_FALLBACK_PREFIX = "ftj"


def training_job_name(name: str, uid: str, attempt: int) -> str:
    """The SageMaker job name for one attempt of a FineTuneJob.

    Form: ``<readable name>-<8 hex of sha256(uid)>-a<attempt>``; the readable part is the
    FineTuneJob name with characters SageMaker rejects (dots) turned into dashes, cut so
    the whole name fits 63 characters.
    """
    if attempt < 1:
        raise ValueError(f"attempt must be >= 1, got {attempt}")
    if not uid:
        raise ValueError("a FineTuneJob uid is required to name its training job")
    uid_hash = hashlib.sha256(uid.encode()).hexdigest()[:_UID_HASH_LENGTH]
    suffix = f"-{uid_hash}-a{attempt}"
    readable = _NOT_ALLOWED.sub("-", name).strip("-")
    readable = readable[: MAX_TRAINING_JOB_NAME_LENGTH - len(suffix)].rstrip("-") or _FALLBACK_PREFIX
    return readable + suffix
