"""Operator-wide settings chosen by the cluster administrator (Helm values -> YAML file).

Tenants control FineTuneJob specs; administrators control these. A spec value always
wins over a default here, except where a setting exists to *limit* tenants (the
SageMaker role allowlist).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from finetune_operator.backends.sagemaker.settings import SageMakerSettings


class OperatorConfig(BaseModel):
    """Defaults and limits for every FineTuneJob this operator reconciles."""

    model_config = ConfigDict(extra="forbid")

    trainer_image: str = Field(
        default="finetune-trainer:0.1.0",
        description="Trainer image (trainer-images/trainer) used when a job names none.",
    )
    model_root: str = Field(
        default="/fsx/models",
        description=(
            "Where catalog models live on shared storage: a job that names only "
            "spec.model.name trains from '<model_root>/<name>'."
        ),
    )
    namespaces: list[str] = Field(
        default_factory=list,
        description="Namespaces to watch; empty watches the whole cluster.",
    )
    metrics_port: int = Field(
        default=9090, ge=1, le=65535, description="Port of the Prometheus /metrics endpoint."
    )
    liveness_port: int = Field(default=8081, ge=1, le=65535, description="Port of kopf's /healthz endpoint.")
    max_workers: int = Field(
        default=16,
        ge=1,
        description="Threads for blocking API calls; bounds how many jobs are reconciled at once.",
    )
    sagemaker: SageMakerSettings = Field(
        default_factory=SageMakerSettings,
        description="Settings of the SageMaker training-job backend.",
    )

    @classmethod
    def from_file(cls, path: Path) -> OperatorConfig:
        """Load a YAML config file; an empty file means all defaults."""
        return cls.model_validate(yaml.safe_load(path.read_text()) or {})
