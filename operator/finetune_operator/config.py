"""Operator-wide settings chosen by the cluster administrator (Helm values -> YAML file).

Tenants control FineTuneJob specs; administrators control these. A spec value always
wins over a default here, except where a setting exists to *limit* tenants (the
SageMaker role allowlist).

A backend with settings of its own (SageMaker) registers their model in
``backends/registry.py``; its section of the file is named after the backend
(``sagemaker:``). This module knows no backend: it keeps each section as given, and the
registry validates it with the backend's model when the operator starts or renders
(``check_backend_settings``) and whenever the backend reads it (``settings_of``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from finetune_operator.api.job import STALL_WINDOW_MAX_SECONDS, STALL_WINDOW_MIN_SECONDS
from finetune_operator.api.recipe import BackendName
from finetune_operator.errors import InvalidSpecError
from finetune_operator.instances import DEFAULT_ACCELERATOR_FAMILY, AcceleratorFamily
from finetune_operator.limits import ResourceLimits
from finetune_operator.naming import DEFAULT_TRAINER_CLUSTER_ROLE
from finetune_operator.patterns import matches_any
from finetune_operator.storage import StoragePolicy
from finetune_operator.usage import PriceTable

Settings = TypeVar("Settings", bound=BaseModel)


class ProgressHealth(BaseModel):
    """How the operator judges a running attempt from its trainer's step reports
    (``health.py``; docs/operations.md, "Training health")."""

    model_config = ConfigDict(extra="forbid")

    stall_window_factor: float = Field(
        default=10.0,
        ge=2.0,
        le=1000.0,
        description=(
            "A job's stall window is this many times the median time between its step reports "
            "(spec.health.stall.windowSeconds overrides it)."
        ),
    )
    stall_window_floor_seconds: int = Field(
        default=600,
        ge=STALL_WINDOW_MIN_SECONDS,
        le=STALL_WINDOW_MAX_SECONDS,
        description=(
            "The shortest derived stall window: covers a checkpoint write or an evaluation pass "
            "between two reports."
        ),
    )
    stall_window_ceiling_seconds: int = Field(
        default=7200,
        ge=STALL_WINDOW_MIN_SECONDS,
        le=STALL_WINDOW_MAX_SECONDS,
        description=(
            "The longest derived stall window, and the window while only one report of the attempt "
            "is known (after its first step, or after an operator restart)."
        ),
    )
    slow_ratio: float = Field(
        default=0.5,
        gt=0.0,
        lt=1.0,
        description="A job is Degraded while its tokens/s stays below this share of its own median.",
    )
    slow_seconds: int = Field(
        default=900,
        ge=10,
        le=STALL_WINDOW_MAX_SECONDS,
        description="How long tokens/s must stay that low before the job is Degraded.",
    )

    @model_validator(mode="after")
    def _floor_below_ceiling(self) -> ProgressHealth:
        if self.stall_window_floor_seconds > self.stall_window_ceiling_seconds:
            raise ValueError(
                f"progress_health.stall_window_floor_seconds ({self.stall_window_floor_seconds}) exceeds "
                f"stall_window_ceiling_seconds ({self.stall_window_ceiling_seconds})"
            )
        return self


class PublishCredentials(BaseModel):
    """What a namespace's publish step authenticates with: never the job's spec (docs/security.md)."""

    model_config = ConfigDict(extra="forbid")

    secret: str | None = Field(
        default=None,
        description=(
            "A Secret in the job's namespace: for oci:// targets a kubernetes.io/dockerconfigjson "
            "Secret (mounted, its .dockerconfigjson read for the registry's credentials); for s3:// "
            "targets its keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) become the "
            "step's environment."
        ),
    )
    service_account: str | None = Field(
        default=None,
        description="The ServiceAccount the publish step runs as (e.g. one with an IAM role for S3).",
    )


class PublishSettings(BaseModel):
    """Where jobs may publish their output (spec.publish) and with what (docs/operations.md, "Publishing")."""

    model_config = ConfigDict(extra="forbid")

    allowlist: dict[str, list[str]] = Field(
        default_factory=dict,
        description=(
            "Per namespace, the targets its jobs may publish to, as patterns of "
            "oci://<registry>/<repository> or s3://<bucket>/<prefix> ('*' stops at '/', '**' crosses "
            "it); '*' as the namespace applies to every namespace. Empty: no job publishes."
        ),
    )
    credentials: dict[str, PublishCredentials] = Field(
        default_factory=dict,
        description="Per namespace ('*': every namespace without its own), the publish step's credentials.",
    )
    insecure_registries: list[str] = Field(
        default_factory=list,
        description="Registries (host:port) reached over plain HTTP: test beds only.",
    )
    s3_endpoint_url: str | None = Field(
        default=None, description="An S3 endpoint other than AWS's (an S3-compatible store, a test bed's)."
    )
    backoff_limit: int = Field(
        default=6,
        ge=0,
        le=20,
        description=(
            "Retries of a failed publish step (its Job's backoffLimit: 10 s, 20 s, 40 s ... apart); "
            "the output is never touched by a retry."
        ),
    )

    def allowed_in(self, namespace: str) -> list[str]:
        return [*self.allowlist.get("*", []), *self.allowlist.get(namespace, [])]

    def credentials_for(self, namespace: str) -> PublishCredentials:
        return self.credentials.get(namespace) or self.credentials.get("*") or PublishCredentials()


class OperatorConfig(BaseModel):
    """Defaults and limits for every FineTuneJob this operator reconciles."""

    model_config = ConfigDict(extra="forbid")

    trainer_image: str = Field(
        default="finetune-trainer:0.1.0",
        description="Trainer image (trainer-images/trainer) for a family trainer_images does not name.",
    )
    trainer_images: dict[AcceleratorFamily, str] = Field(
        default_factory=dict,
        description="Trainer image per accelerator family (neuron, cuda, cpu), for jobs that name none.",
    )
    default_accelerator_family: AcceleratorFamily = Field(
        default=DEFAULT_ACCELERATOR_FAMILY,
        description=(
            "Accelerator family of the recipe a job gets when it names no instance type and recipes of "
            "several families match its model and method (e.g. cuda on a cluster of GPU instance groups)."
        ),
    )
    image_allowlist: dict[str, list[str]] = Field(
        default_factory=dict,
        description=(
            "Per namespace, the image patterns its jobs may name in spec.image ('*' stops at '/', '**' "
            "crosses it); '*' as the namespace applies to every namespace. Empty: no job names its image."
        ),
    )
    resource_limits: dict[str, ResourceLimits] = Field(
        default_factory=dict,
        description=(
            "Per namespace, caps on one attempt's hardware: max_nodes, max_processes_per_node and the "
            "instance_types it may run on (patterns); '*' as the namespace applies to every namespace, "
            "a namespace's own entry replaces it cap by cap. Empty: only the API's bounds (docs/security.md)."
        ),
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
    prices: PriceTable = Field(
        default_factory=PriceTable,
        description=(
            "Price per instance-hour by instance type, each with its source and date, for each job's "
            "status.usage.estimatedCost; a type without a price gets usage but no cost (docs/operations.md)."
        ),
    )
    namespaces: list[str] = Field(
        default_factory=list,
        description="Namespaces to watch; empty watches the whole cluster.",
    )
    publish: PublishSettings = Field(
        default_factory=PublishSettings,
        description="Where jobs may publish their output (spec.publish), with which credentials.",
    )
    trainer_cluster_role: str = Field(
        default=DEFAULT_TRAINER_CLUSTER_ROLE,
        min_length=1,
        description=(
            "The ClusterRole each namespace's trainer identity is bound to (RoleBinding finetune-trainer): "
            "the chart's '<release>-trainer', which it sets here; the operator may bind only it."
        ),
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
    progress_health: ProgressHealth = Field(
        default_factory=ProgressHealth,
        description="Hang and slowness detection from the trainers' step reports (backend hyperpod).",
    )
    backend_settings: dict[BackendName, Any] = Field(
        default_factory=dict,
        exclude=True,
        description=(
            "Each backend's section, by backend name (filled from the file's sections), as given: the "
            "settings model the backend registered validates it (backends/registry.py)."
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _backend_sections(cls, data: Any) -> Any:
        """Collect the sections named after a backend into ``backend_settings``."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        sections = dict(data.pop("backend_settings", None) or {})
        for name in BackendName:
            if name.value in data:
                sections[name] = data.pop(name.value)
        data["backend_settings"] = sections
        return data

    def images_allowed_in(self, namespace: str) -> list[str]:
        """The image patterns a job in ``namespace`` may name."""
        return [*self.image_allowlist.get("*", []), *self.image_allowlist.get(namespace, [])]

    def image_for(self, namespace: str, requested: str | None, family: AcceleratorFamily) -> str:
        """The image an attempt runs: the platform's for ``family``, or ``requested`` if the
        namespace's allowlist admits it (a tenant's image runs with the trainer's token and
        the job's storage, so the platform team opts images in)."""
        if requested is None:
            return self.trainer_images.get(family, self.trainer_image)
        allowed = self.images_allowed_in(namespace)
        if not matches_any(requested, allowed):
            shown = ", ".join(allowed) if allowed else "empty: only the platform's trainer images run"
            raise InvalidSpecError(
                f"spec.image: {requested} is not allowed in namespace {namespace}; the platform's image "
                f"allowlist for it is [{shown}] (operator config image_allowlist); remove spec.image to use "
                "the platform's trainer image"
            )
        return requested

    def settings_of(self, backend: BackendName, model: type[Settings]) -> Settings:
        """``backend``'s section validated by ``model``, the settings model it registered (no
        section: the model's defaults). Raises pydantic's ValidationError for a bad section."""
        return model.model_validate(self.backend_settings.get(backend) or {})

    @classmethod
    def from_file(cls, path: Path) -> OperatorConfig:
        """Load a YAML config file; an empty file means all defaults."""
        return cls.model_validate(yaml.safe_load(path.read_text()) or {})
