"""``spec.evaluation`` and ``spec.publish``, and what status says of them (docs/api.md,
"Evaluation and publishing").

The metric names come from the contract package (``finetune_contract.evaluation``), which the
trainer reports them by; the CRD lists them in the gate's enum.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from finetune_contract.evaluation import EvaluationMetric
from finetune_operator.api.base import ApiModel, LenientApiModel

LOCATION_PATTERN = r"^(/.*|s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?)$"
OCI_TARGET_PATTERN = r"oci://[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
"""``oci://<registry host[:port]>/<repository>:<tag>`` (the distribution spec's repository and tag
grammar; a tag is required: a digest is what publishing produces, not what it is told)."""
S3_TARGET_PATTERN = r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^/].*)?"
PUBLISH_TARGET_PATTERN = f"^({OCI_TARGET_PATTERN}|{S3_TARGET_PATTERN})$"
MAX_NEW_TOKENS = 4096


class EvaluationSource(ApiModel):
    path: str = Field(
        min_length=1,
        max_length=1024,
        pattern=LOCATION_PATTERN,
        description="s3:// URI or absolute path of a JSONL file or a directory of them.",
    )


class EvaluationSpec(ApiModel):
    """The trainer's last phase: metrics on a held-out set, optionally generations on test prompts."""

    data: EvaluationSource | None = Field(
        default=None,
        description=(
            "Held-out set in the job's data format; default the validation set (data.validation, or the "
            "share data.validationSplit holds out)."
        ),
    )
    prompts: EvaluationSource | None = Field(
        default=None,
        description=(
            "Test prompts (prompt records) to generate answers for, kept with their answers (and, for GRPO "
            "methods, each reward's score) as evaluation-generations.jsonl next to the output."
        ),
    )
    max_new_tokens: int = Field(
        default=128, ge=1, le=MAX_NEW_TOKENS, description="Tokens per generated answer."
    )


class PublishGate(ApiModel):
    metric: EvaluationMetric = Field(
        description="A metric the job's method reports (status.evaluation.metrics)."
    )
    below: float | None = Field(default=None, description="Publish only if the metric is below this.")
    above: float | None = Field(default=None, description="Publish only if the metric is above this.")

    @model_validator(mode="after")
    def _a_bound(self) -> PublishGate:
        if self.below is None and self.above is None:
            raise ValueError("spec.publish.when needs below or above")
        return self


class PublishSpec(ApiModel):
    target: str = Field(
        max_length=1024,
        pattern=PUBLISH_TARGET_PATTERN,
        description=(
            "oci://<registry>/<repository>:<tag> (the adapter as an OCI artifact, KServe modelcar and KAITO "
            "adapter layout) or s3://<bucket>/<prefix> (the output's files and a manifest; backend "
            "sagemaker: s3:// only). The registry or bucket must be on the namespace's publish allowlist "
            "(operator config)."
        ),
    )
    when: PublishGate | None = Field(default=None, description="Publish only if the evaluation passes this.")


class EvaluationStatus(LenientApiModel):
    attempt: int | None = None
    metrics: dict[str, float] = Field(default_factory=dict)
    rewards: dict[str, float] | None = None
    examples: int | None = None
    artifact: str | None = None
    time: str | None = None


class PublishStatus(LenientApiModel):
    target: str
    attempts: int = 0
    reference: str | None = None
    digest: str | None = None
    time: str | None = None
