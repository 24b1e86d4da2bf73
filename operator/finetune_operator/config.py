"""Operator-wide settings chosen by the cluster administrator (Helm values -> YAML file).

Tenants control FineTuneJob specs; administrators control these. A spec value always
wins over a default here, except where a setting exists to *limit* tenants (the
SageMaker role allowlist).

A backend with settings of its own (SageMaker) registers their model in
``backends/registry.py``; its section of the file is named after the backend
(``sagemaker:``) and is validated by that model when the file is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from finetune_operator.api.recipe import BackendName
from finetune_operator.backends.registry import backend_settings_model
from finetune_operator.storage import StoragePolicy

Settings = TypeVar("Settings", bound=BaseModel)


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
    storage: StoragePolicy = Field(
        default_factory=StoragePolicy,
        description="Where each namespace's jobs may read and write on the shared file system (hyperpod).",
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
    backend_settings: dict[BackendName, BaseModel] = Field(
        default_factory=dict,
        exclude=True,
        description="Each registered backend's section, by backend name (filled from the file's sections).",
    )

    @model_validator(mode="before")
    @classmethod
    def _backend_sections(cls, data: Any) -> Any:
        """Validate each backend's section with the model the backend registered."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        sections = dict(data.pop("backend_settings", None) or {})
        for name in BackendName:
            model = backend_settings_model(name)
            if model is None:
                continue
            try:
                sections[name] = model.model_validate(data.pop(name.value, sections.get(name) or {}))
            except ValidationError as err:
                raise ValueError(f"section {name.value!r}: {err}") from None
        data["backend_settings"] = sections
        return data

    def settings_of(self, backend: BackendName, model: type[Settings]) -> Settings:
        """``backend``'s section, as the settings model it registered."""
        settings = self.backend_settings.get(backend)
        if not isinstance(settings, model):
            raise TypeError(f"backend {backend.value} registered no settings of type {model.__name__}")
        return settings

    @classmethod
    def from_file(cls, path: Path) -> OperatorConfig:
        """Load a YAML config file; an empty file means all defaults."""
        return cls.model_validate(yaml.safe_load(path.read_text()) or {})
