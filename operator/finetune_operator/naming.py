"""Names and labels of everything the operator creates for a FineTuneJob.

Names are deterministic so that a restarted operator finds (adopts) what it created
before instead of creating it again.
"""

from __future__ import annotations

from finetune_operator.backends.base import attempt_name

GROUP = "finetune.dev"
VERSION = "v1alpha1"
MANAGED_BY = "finetune-operator"

LABEL_MANAGED_BY = "app.kubernetes.io/managed-by"
LABEL_JOB = "finetune.dev/job"
LABEL_ATTEMPT = "finetune.dev/attempt"


def job_labels(job_name: str) -> dict[str, str]:
    """Labels on every child of a job: ``-l finetune.dev/job=<name>`` selects them all."""
    return {LABEL_MANAGED_BY: MANAGED_BY, LABEL_JOB: job_name}


def attempt_labels(job_name: str, attempt: int) -> dict[str, str]:
    return {**job_labels(job_name), LABEL_ATTEMPT: str(attempt)}


def config_map_name(job_name: str, attempt: int) -> str:
    return f"{attempt_name(job_name, attempt)}-config"


def trainer_identity_name(job_name: str) -> str:
    """ServiceAccount, Role and RoleBinding through which the trainer reports status."""
    return f"{job_name}-trainer"
