"""Operator-level settings for the SageMaker training-job backend.

These are set by the cluster administrator (operator config / Helm values), never by
namespace tenants: the role allowlist in particular is what stops a tenant from
borrowing a privileged IAM role through a FineTuneJob spec.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from finetune_operator.backends.sagemaker.s3access import check_allowed_prefix
from finetune_operator.instances import AcceleratorFamily

NOVA_SFT_IMAGE_US_EAST_1 = "708977205387.dkr.ecr.us-east-1.amazonaws.com/nova-fine-tune-repo:SM-TJ-SFT-latest"
NOVA_DPO_IMAGE_US_EAST_1 = "708977205387.dkr.ecr.us-east-1.amazonaws.com/nova-fine-tune-repo:SM-TJ-DPO-latest"


class NovaImages(BaseModel):
    """Amazon's Nova fine-tuning images, one per training method family.

    Nova recipes run only on these images; the defaults are the us-east-1 images
    Amazon documents. Override them for other regions or pinned tags.
    """

    model_config = ConfigDict(extra="forbid")

    sft: str = Field(
        default=NOVA_SFT_IMAGE_US_EAST_1,
        description="Image for Nova SFT and LoRA-SFT recipes.",
    )
    dpo: str = Field(
        default=NOVA_DPO_IMAGE_US_EAST_1,
        description="Image for Nova DPO and LoRA-DPO recipes.",
    )


class SageMakerSettings(BaseModel):
    """How the operator talks to SageMaker and which choices it leaves to tenants."""

    model_config = ConfigDict(extra="forbid")

    region: str | None = Field(
        default=None,
        description=(
            "AWS region for SageMaker and S3 calls. None uses the standard boto3 chain "
            "(AWS_REGION / AWS_DEFAULT_REGION, set by IRSA and EKS Pod Identity)."
        ),
    )
    endpoint_url: str | None = Field(
        default=None,
        description=(
            "Override for the SageMaker and S3 endpoint (a VPC endpoint, or a moto server in "
            "tests). None uses the public regional endpoints."
        ),
    )
    role_allowlist: list[str] = Field(
        default_factory=list,
        description=(
            "IAM role ARNs a FineTuneJob may run as: exact ARNs or globs such as "
            "'arn:aws:iam::123456789012:role/finetune-*' ('*' and '?' stop at '/', so role paths "
            "match only where written, e.g. 'role/team-a/**'). Empty means no role is allowed, so the "
            "backend refuses every job until an administrator opts roles in."
        ),
    )
    default_role_arn: str | None = Field(
        default=None,
        description=(
            "Execution role used when the spec names none. It must also match the allowlist, so "
            "a default never widens what tenants can do."
        ),
    )
    s3_prefix: str | None = Field(
        default=None,
        description=(
            "Default 's3://bucket/prefix' under which each job gets '<namespace>/<name>/' for "
            "outputs, checkpoints and uploaded recipes. Required unless every spec gives its "
            "own output location."
        ),
    )
    allowed_s3_prefixes: dict[str, list[str]] = Field(
        default_factory=dict,
        description=(
            "Per namespace, the S3 prefixes its jobs may name (data, model, tokenizer, reward and tool "
            "modules, outputS3Uri, checkpointS3Uri): 's3://bucket/prefix/'; '*' as the namespace applies "
            "to every namespace, '{namespace}' in a prefix stands for the job's namespace, and 's3://' "
            "allows every bucket. '<s3_prefix>/<namespace>/' is always allowed. The operator reads and "
            "writes S3 for a job with its own identity (data pre-flight, uploads, checkpoints, progress), "
            "so a job naming anything else is refused before any S3 request (docs/security.md). Empty: "
            "jobs use only their own location under s3_prefix."
        ),
    )
    poll_interval_seconds: float = Field(
        default=30.0,
        gt=0,
        description=(
            "Steady-state interval between DescribeTrainingJob calls for one job. The backend "
            "polls faster right after a status transition and adds jitter."
        ),
    )
    fast_poll_interval_seconds: float = Field(
        default=5.0,
        gt=0,
        description="Interval used for the first polls after a submit or a status transition.",
    )
    trainer_image: str | None = Field(
        default=None,
        description=(
            "ECR image of the finetune trainer (trainer-images/trainer) for open-weight models, for "
            "an accelerator family trainer_images does not name. Required to run open models on this "
            "backend unless trainer_images names the job's family."
        ),
    )
    trainer_images: dict[AcceleratorFamily, str] = Field(
        default_factory=dict,
        description=(
            "ECR image of the finetune trainer per accelerator family of the instance type (neuron: "
            "Trainium, cuda: GPU, e.g. for GRPO, cpu), for jobs that name no spec.image."
        ),
    )
    nova_images: NovaImages = Field(
        default_factory=NovaImages,
        description="Amazon Nova fine-tuning images, used only for Nova recipes.",
    )
    default_volume_size_gb: int = Field(
        default=100,
        ge=1,
        description="EBS volume size per instance when the spec gives none.",
    )
    max_api_attempts: int = Field(
        default=8,
        ge=1,
        description=(
            "botocore adaptive-retry attempts per API call; throttling is absorbed here before "
            "the backend sees an error."
        ),
    )
    unreachable_retry_limit: int = Field(
        default=10,
        ge=1,
        description=(
            "How many consecutive failed attempts to reach AWS while stopping a job on delete "
            "before the backend reports the delete as blocked (condition + Event) and waits for "
            "an administrator to release the finalizer."
        ),
    )
    data_sample_lines: int = Field(
        default=20,
        ge=1,
        description="JSONL records per data file parsed by the pre-flight check before submitting.",
    )
    data_sample_files: int = Field(
        default=5,
        ge=1,
        description="How many JSONL files under one S3 prefix the pre-flight check samples.",
    )
    extra_tags: dict[str, str] = Field(
        default_factory=dict,
        description="Tags added to every training job (cost allocation, ownership).",
    )

    @field_validator("allowed_s3_prefixes")
    @classmethod
    def _prefixes(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {
            namespace: [check_allowed_prefix(p) for p in prefixes] for namespace, prefixes in value.items()
        }
