"""The one interface every training backend implements: render, submit, observe, cancel.

The operator core (state machine, recipe resolution, status) is backend-neutral. For
each attempt it builds an :class:`AttemptRequest`; a backend turns that into cloud or
Kubernetes objects and reports back an :class:`Observation`. Backends must be
idempotent: ``submit`` of an attempt that already exists adopts it (deterministic names
are the idempotency key), so an operator restart never creates a duplicate.

What a backend needs from the operator's watches it declares as :class:`Watches` (in a
module that imports nothing heavy, listed in ``backends/registry.py``); the kopf handlers
register watches from those declarations and never name a backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from finetune_operator.api.base import ApiModel
from finetune_operator.api.job import BackendRef, CheckpointRef, FineTuneJob, Progress
from finetune_operator.api.recipe import BackendName
from finetune_operator.api.training_config import ResolvedTrainingConfig
from finetune_operator.instances import AcceleratorFamily
from finetune_operator.storage import JobStorage

if TYPE_CHECKING:
    from kubernetes import client

    from finetune_operator.config import OperatorConfig


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
    accelerator_family: AcceleratorFamily
    nodes: int
    processes_per_node: int
    neuron_devices: int
    neuron_cores: int
    gpus: int
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
    """Checkpoint path, ``RESUME_AUTO``, or None on the first attempt (docs/trainer-contract.md)."""
    storage: JobStorage
    """Where the job's pods may read and write on shared storage (the platform's policy)."""
    remaining_runtime_seconds: int | None = None
    config_maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The ``data`` of each ConfigMap the job's reward and tool modules come from, by name
    (read by the reconciler; ``render`` takes them from its input file)."""

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
    blocked: bool = False
    """A pending attempt that cannot start until something outside it changes; ``reason`` and
    ``message`` say what (hyperpod: its storage claim is missing or unbound). It starts by
    itself once that is fixed; until then the job shows it as condition AttemptBlocked."""
    resumable: bool = True
    """False when a failed attempt ended in a way a new attempt must not undo: a person
    stopped it, or it spent its runtime budget. The job then fails instead of resuming."""
    events: tuple[JobEvent, ...] = ()
    """Transitions seen since the status the observation was made for (posted once each)."""
    checkpoint: CheckpointRef | None = None
    """The newest complete checkpoint the backend found itself, for backends whose trainer
    cannot report to the API server (SageMaker: listed from the S3 checkpoint prefix)."""
    progress: Progress | None = None
    """The attempt's training progress as the backend read it, for the same backends
    (SageMaker: the trainer's progress records, synced to S3 with its checkpoints)."""
    summary: ApiModel | None = None
    """The backend's own account of the attempt (SageMaker: its DescribeTrainingJob summary),
    written unread to ``status.<backend name>``; None leaves that field as it is."""


@dataclass(frozen=True)
class ChildKind:
    """A Kubernetes kind a backend creates for attempts.

    Its objects carry the managed-by and ``finetune.dev/job`` labels; every event whose
    ``fingerprint`` differs from the last one seen reconciles the owning job, so that the
    many status rewrites that cannot change the attempt's Observation wake nobody.
    """

    api_version: str
    kind: str
    plural: str
    fingerprint: Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class SharedKind:
    """A Kubernetes kind a backend keeps once per namespace for all its jobs.

    ``labels`` select the backend's objects of this kind; when one is deleted, the
    operator calls the backend's ``restore_shared(namespace)``.
    """

    api_version: str
    plural: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class Watches:
    """What a backend asks the operator to watch. A backend without children (a cloud job)
    declares none, and the operator polls it on ``observe_again_in`` instead."""

    children: tuple[ChildKind, ...] = ()
    shared: tuple[SharedKind, ...] = ()


class Backend(ABC):
    """A place where FineTuneJob attempts run.

    Every method that acts on an attempt receives its number: the backend derives its own
    names from (job, attempt) and never parses them back. ``ref`` is what the job's status
    recorded for that attempt, or None when status has not recorded it yet.
    """

    name: ClassVar[BackendName]
    needs_finalizer: ClassVar[bool] = False
    """True when deleting the FineTuneJob must first stop something Kubernetes does not own."""

    def __init__(self, config: OperatorConfig, api_client: client.ApiClient | None = None) -> None:
        """``api_client``: the operator's Kubernetes client, for backends that create
        Kubernetes objects (None: they create one on first use)."""
        self._config = config
        self._api_client = api_client

    @classmethod  # noqa: B027 - a backend may have no admission rules of its own
    def check_spec(cls, job: FineTuneJob) -> None:
        """This backend's admission rules (its CEL rules in the CRD, with the same messages):
        raise :class:`~finetune_operator.errors.InvalidSpecError` for a spec it cannot run.
        A class method, so that ``render`` checks without a backend instance."""

    @abstractmethod
    def render(self, request: AttemptRequest) -> list[dict[str, Any]]:
        """Pure: the documents ``submit`` would create, for ``finetune-operator render``.
        Raises InvalidSpecError for a request this backend cannot run."""

    @abstractmethod
    def submit(self, request: AttemptRequest) -> BackendRef:
        """Render and validate the attempt (the one place that does), then create it, or
        adopt it when it already exists; return its reference."""

    @abstractmethod
    def observe(self, job: FineTuneJob, attempt: int, ref: BackendRef | None) -> Observation:
        """Report the attempt's state; ``MISSING`` when it no longer exists."""

    def observe_again_in(self, job: FineTuneJob, attempt: int) -> float | None:
        """Seconds until ``observe`` of a live attempt is due when nothing else wakes the job.

        None (the default) for backends whose objects produce Kubernetes watch events. A
        cloud backend returns its own polling schedule: nothing tells the operator when a
        cloud job changes, so the operator re-reconciles the job after this delay.
        """
        return None

    @abstractmethod
    def set_suspended(self, job: FineTuneJob, attempt: int, suspended: bool) -> None:
        """Pause or continue the attempt without losing its checkpoints."""

    @abstractmethod
    def cancel(self, job: FineTuneJob, attempt: int) -> bool:
        """Stop the attempt; return True once nothing of it is running any more."""

    def restore_shared(self, namespace: str) -> None:  # noqa: B027 - only for backends with SharedKinds
        """Re-create what is missing of this backend's per-namespace objects (its SharedKinds)."""
