"""Names and labels of everything the operator creates for a FineTuneJob.

Names are deterministic so that a restarted operator finds (adopts) what it created
before instead of creating it again.
"""

from __future__ import annotations

GROUP = "finetune.dev"
VERSION = "v1alpha1"
MANAGED_BY = "finetune-operator"

LABEL_MANAGED_BY = "app.kubernetes.io/managed-by"
LABEL_JOB = "finetune.dev/job"
LABEL_ATTEMPT = "finetune.dev/attempt"
LABEL_RECIPE_FOR_JOB = "finetune.dev/for-job"
"""On a FineTuneRecipe: the one job (of its namespace) that may use it. Auto-selection skips
such a recipe and a job of another name may not name it (``kubectl finetune submit
--recipe-yaml`` makes one per job)."""


def job_labels(job_name: str) -> dict[str, str]:
    """Labels on every child of a job: ``-l finetune.dev/job=<name>`` selects them all."""
    return {LABEL_MANAGED_BY: MANAGED_BY, LABEL_JOB: job_name}


def attempt_labels(job_name: str, attempt: int) -> dict[str, str]:
    return {**job_labels(job_name), LABEL_ATTEMPT: str(attempt)}


TRAINER_IDENTITY = "finetune-trainer"
"""ServiceAccount and RoleBinding, one pair per namespace, through which trainers report
status. The RoleBinding grants the chart's trainer ClusterRole in the namespace (patch any
FineTuneJob's status there); the chart's ValidatingAdmissionPolicy narrows each request to
the job whose pod holds the token."""
DEFAULT_TRAINER_CLUSTER_ROLE = "finetune-operator-trainer"
"""The trainer's ClusterRole of a chart release named ``finetune-operator`` (the chart writes
its own name into the operator config, ``trainer_cluster_role``)."""

COMPONENT_TRAINER_IDENTITY = "trainer-identity"
LABEL_COMPONENT = "app.kubernetes.io/component"


def trainer_identity_labels() -> dict[str, str]:
    return {LABEL_MANAGED_BY: MANAGED_BY, LABEL_COMPONENT: COMPONENT_TRAINER_IDENTITY}
