"""The one interface every training backend implements: render, submit, observe, cancel.

The operator core (state machine, recipe resolution, status) is backend-neutral. For
each attempt it builds an :class:`AttemptRequest`; a backend turns that into cloud or
Kubernetes objects and reports back an :class:`Observation`. Backends must be
idempotent: ``submit`` of an attempt that already exists adopts it (deterministic names
are the idempotency key), so an operator restart never creates a duplicate.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from finetune_operator.api.job import BackendRef, CheckpointRef, FineTuneJob, SageMakerStatus
from finetune_operator.api.recipe import BackendName
from finetune_operator.api.training_config import ResolvedTrainingConfig


class SpecError(Exception):
    """A job the operator cannot run as written. Becomes phase Failed with ``reason``."""

    reason: ClassVar[str] = "InvalidSpec"


class InvalidSpecError(SpecError):
    reason = "InvalidSpec"


class RecipeNotFoundError(SpecError):
    reason = "RecipeNotFound"


class OwnershipConflictError(SpecError):
    """An object with the deterministic child name exists but belongs to something else."""

    reason = "ChildNameConflict"


class BackendUnreachableError(RuntimeError):
    """The backend could not be reached while stopping an attempt on delete.

    Not a spec error: the delete is retried with backoff while the job shows a
    DeletionBlocked condition. ``exhausted`` turns true after the backend's retry limit;
    the operator then retries rarely and waits for an administrator, who may release the
    finalizer with :data:`RELEASE_FINALIZER_ANNOTATION` (never silently: a running cloud
    job must not be orphaned without anyone deciding so).
    """

    reason = "BackendUnreachable"

    def __init__(self, message: str, failures: int, exhausted: bool) -> None:
        super().__init__(message)
        self.failures = failures
        self.exhausted = exhausted


DELETION_POLICY_ANNOTATION = "finetune.dev/deletion-policy"
"""``retain``: deleting the FineTuneJob leaves the backend's attempt running."""
RELEASE_FINALIZER_ANNOTATION = "finetune.dev/release-finalizer"
"""``"true"``, set by an administrator: stop trying to stop the attempt and let the delete
finish. The attempt may keep running; the operator says so in an Event."""


@dataclass(frozen=True)
class ResolvedResources:
    """Hardware for one attempt after recipe defaults, job overrides and the instance catalog."""

    instance_type: str
    nodes: int
    processes_per_node: int
    neuron_devices: int
    neuron_cores: int
    efa_devices: int


@dataclass(frozen=True)
class AttemptRequest:
    """Everything a backend needs to start attempt ``attempt`` of ``job``."""

    job: FineTuneJob
    attempt: int
    config: ResolvedTrainingConfig
    resources: ResolvedResources
    image: str
    resume_from: str | None
    """Checkpoint path, ``"auto"``, or None on the first attempt (docs/trainer-contract.md)."""
    remaining_runtime_seconds: int | None = None

    @property
    def child_name(self) -> str:
        return attempt_name(self.job.metadata.name, self.attempt)


def attempt_name(job_name: str, attempt: int) -> str:
    """Deterministic name of attempt N's backend object: ``<job>-a<N>``."""
    return f"{job_name}-a{attempt}"


class AttemptState(StrEnum):
    PENDING = "Pending"
    RUNNING = "Running"
    SUSPENDED = "Suspended"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    MISSING = "Missing"


@dataclass(frozen=True)
class JobEvent:
    """A Kubernetes Event to post on the FineTuneJob: one the backend saw happen to the
    attempt, or one for a transition the state machine decided."""

    type: str  # Normal | Warning
    reason: str
    message: str


@dataclass(frozen=True)
class Observation:
    """What the backend sees of one attempt right now."""

    state: AttemptState
    reason: str = ""
    message: str = ""
    exit_code: int | None = None
    """The most telling non-zero exit code of a failed attempt, when the backend knows it."""
    output_path: str | None = None
    suspended: bool = False
    """Whether the backend object is asked to be suspended (may differ from ``state``)."""
    resumable: bool = True
    """False when a failed attempt ended in a way a new attempt must not undo: a person
    stopped it, or it spent its runtime budget. The job then fails instead of resuming."""
    events: tuple[JobEvent, ...] = ()
    """Transitions seen since the status the observation was made for (posted once each)."""
    checkpoint: CheckpointRef | None = None
    """The newest complete checkpoint the backend found itself, for backends whose trainer
    cannot report to the API server (SageMaker: listed from the S3 checkpoint prefix)."""
    sagemaker: SageMakerStatus | None = None
    """The SageMaker training job's own account of the attempt, mirrored to status.sagemaker."""


class Backend(ABC):
    """A place where FineTuneJob attempts run."""

    name: ClassVar[BackendName]
    needs_finalizer: ClassVar[bool] = False
    """True when deleting the FineTuneJob must first stop something Kubernetes does not own."""

    def validate(self, request: AttemptRequest) -> None:  # noqa: B027 - optional hook
        """Raise :class:`InvalidSpecError` for a request this backend cannot run."""

    @abstractmethod
    def render(self, request: AttemptRequest) -> list[dict[str, Any]]:
        """Pure: the documents ``submit`` would create, for ``finetune-operator render``."""

    @abstractmethod
    def submit(self, request: AttemptRequest) -> BackendRef:
        """Create the attempt, or adopt it when it already exists; return its reference."""

    @abstractmethod
    def observe(self, job: FineTuneJob, ref: BackendRef) -> Observation:
        """Report the attempt's state; ``MISSING`` when it no longer exists."""

    def observe_again_in(self, job: FineTuneJob, ref: BackendRef) -> float | None:
        """Seconds until ``observe`` of a live attempt is due when nothing else wakes the job.

        None (the default) for backends whose objects produce Kubernetes watch events. A
        cloud backend returns its own polling schedule: nothing tells the operator when a
        cloud job changes, so the operator re-reconciles the job after this delay.
        """
        return None

    @abstractmethod
    def set_suspended(self, job: FineTuneJob, ref: BackendRef, suspended: bool) -> None:
        """Pause or continue the attempt without losing its checkpoints."""

    @abstractmethod
    def cancel(self, job: FineTuneJob, ref: BackendRef) -> bool:
        """Stop the attempt; return True once nothing of it is running any more."""
