"""The one interface every training backend implements: render, submit, observe, cancel.

The operator core (state machine, recipe resolution, status) is backend-neutral. For
each attempt it builds an :class:`~finetune_operator.attempt.AttemptRequest`; a backend
turns that into cloud or Kubernetes objects and reports back an
:class:`~finetune_operator.attempt.Observation` (the words both sides share live in the
core, ``finetune_operator/attempt.py``). Backends must be idempotent: ``submit`` of an
attempt that already exists adopts it (deterministic names are the idempotency key), so
an operator restart never creates a duplicate.

What a backend needs from the operator's watches it declares as
:class:`~finetune_operator.watches.Watches` (in a module that imports nothing heavy, listed
in ``backends/registry.py``); the kopf handlers register watches from those declarations
and never name a backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

from finetune_operator.api.job import BackendRef, FineTuneJob
from finetune_operator.api.recipe import BackendName
from finetune_operator.attempt import AttemptRequest, Observation

if TYPE_CHECKING:
    from kubernetes import client

    from finetune_operator.config import OperatorConfig
    from finetune_operator.publish_step import Publisher


class Backend(ABC):
    """A place where FineTuneJob attempts run.

    Every method that acts on an attempt receives its number: the backend derives its own
    names from (job, attempt) and never parses them back. ``ref`` is what the job's status
    recorded for that attempt, or None when status has not recorded it yet.
    """

    name: ClassVar[BackendName]
    needs_finalizer: ClassVar[bool] = False
    """True when deleting the FineTuneJob must first stop something Kubernetes does not own."""
    reports_progress_live: ClassVar[bool] = False
    """True when the trainer writes ``status.progress`` itself as it trains, so that a silence
    means a hang and the operator judges the attempt's health from it (``health.py``)."""

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
    def cancel(self, job: FineTuneJob, attempt: int, hung: bool = False) -> bool:
        """Stop the attempt; return True once nothing of it is running any more.

        ``hung``: the attempt stalled (``health.py``), so its trainers cannot act on SIGTERM
        and write the checkpoint they would on a stop; a backend that can need not give them
        the grace period for it (waiting for a frozen process only holds the nodes)."""

    def child_seen(self, kind: str, event_type: str, document: dict[str, Any]) -> None:  # noqa: B027 - only for backends that keep children in memory
        """A watch event of one of this backend's ChildKinds (``kind``), before the operator
        decides whether it wakes the job: a backend may keep what ``observe`` needs of such
        objects instead of reading them on every look."""

    def publisher(self) -> Publisher | None:
        """What publishes this backend's succeeded jobs (spec.publish); None (the default): the
        operator's publish Job, which reads the output from the job's claim (publish_step.py)."""
        return None

    def restore_shared(self, namespace: str) -> None:  # noqa: B027 - only for backends with SharedKinds
        """Re-create what is missing of this backend's per-namespace objects (its SharedKinds)."""
