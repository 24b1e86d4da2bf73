"""One attempt in the words the operator core and its backends share.

For each attempt the core builds an :class:`AttemptRequest` (``attempts.py``: recipe, resolution,
image, storage, code); a backend (``backends/``) turns it into cloud or Kubernetes objects and
reports back an :class:`Observation`, which the state machine (``statemachine.py``) turns into
phases, conditions and :class:`JobEvent` s. These words live in the core, below both sides, so
that neither imports the other for them: backends import the core, never the reverse
(tests/unit/test_import_graph.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from finetune_operator.api.base import ApiModel
from finetune_operator.api.job import CheckpointRef, FineTuneJob, Progress
from finetune_operator.api.training_config import ResolvedTrainingConfig
from finetune_operator.code import CodeFiles, CodeModule
from finetune_operator.instances import AcceleratorFamily
from finetune_operator.storage import JobStorage
from finetune_operator.usage import ObservedUsage

DELETION_POLICY_ANNOTATION = "finetune.dev/deletion-policy"
"""``retain``: deleting the FineTuneJob leaves the backend's attempt running."""
STOP_ANNOTATION = "finetune.dev/stop"
"""Set on a FineTuneJob (any value: who asks, and why), it asks the operator to stop the job's
attempt and end the job in phase Stopped, checkpoints kept. A FineTuneSweep stops a trial early
with it; a person may too."""
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
    code: tuple[CodeModule, ...] = ()
    """The job's reward and tool modules, resolved (``code.py``), rewards first."""
    code_files: tuple[CodeFiles, ...] = ()
    """The files of the ConfigMaps those modules come from, only the keys the job names (read by
    the reconciler; ``render`` takes them from its input file)."""

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
class QueueView:
    """What the attempt's Kueue queue says of it (HyperPod task governance): read from the
    Workload Kueue keeps for the attempt's backend object."""

    queue_name: str
    admitted: bool
    reason: str = ""
    """Kueue's reason: of the Workload's Evicted condition while evicted, else of QuotaReserved
    (``Pending`` while it waits for quota), or ``Admitted``."""
    message: str = ""
    preemptions: int = 0
    """How many times Kueue has preempted the attempt so far (its Workload's eviction counts)."""
    preemption_reason: str = ""
    """Why the last preemption happened (the Preempted condition's reason, e.g. InClusterQueue)."""
    preemption_message: str = ""


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
    """An attempt that cannot start (or, running, has a pod that cannot run) until something
    outside it changes; ``reason`` and ``message`` say what (hyperpod: its storage claim is
    missing or unbound, or a pod is unschedulable, cannot pull its image, crash-loops, or
    names a Secret or ConfigMap that is missing). It goes on by itself once that is fixed;
    until then the job shows it as condition AttemptBlocked."""
    blocker_watched: bool = False
    """Whether a watch event tells the operator when the blocker goes (a pod's: the pod watch);
    otherwise (a storage claim) the operator looks again every ``ATTEMPT_CHECK_SECONDS``."""
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
    queue: QueueView | None = None
    """The attempt's place in its Kueue queue, for attempts that have one (hyperpod with
    spec.scheduling.queueName); None otherwise, or before Kueue made its Workload."""
    summary: ApiModel | None = None
    """The backend's own account of the attempt (SageMaker: its DescribeTrainingJob summary),
    written unread to ``status.<backend name>``; None leaves that field as it is."""
    usage: ObservedUsage | None = None
    """When the attempt's machines started and stopped, as far as the backend saw them
    (``usage.py`` turns it into ``status.usage``); None: the backend saw nothing new."""
