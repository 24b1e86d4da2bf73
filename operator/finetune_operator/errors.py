"""Errors that say a FineTuneJob cannot run as written.

Core modules (recipes, resolution, admission, the CLI) and every backend raise them; the
state machine turns them into phase Failed with the error's ``reason`` and one Warning
Event. They live here, below both, so that dependencies point one way: backends import
the core, never the reverse.
"""

from __future__ import annotations

from typing import ClassVar


class SpecError(Exception):
    """A job the operator cannot run as written. Becomes phase Failed with ``reason``."""

    reason: ClassVar[str] = "InvalidSpec"


class InvalidSpecError(SpecError):
    reason = "InvalidSpec"


class RecipeNotFoundError(SpecError):
    reason = "RecipeNotFound"


class RecipeInvalidError(SpecError):
    """The job's recipe exists but its model refuses it: the message is the validation error."""

    reason = "RecipeInvalid"


class OwnershipConflictError(SpecError):
    """An object with the deterministic child name exists but belongs to something else."""

    reason = "ChildNameConflict"


class BackendUnreachableError(RuntimeError):
    """The backend could not be reached while stopping an attempt on delete.

    Not a spec error: the delete is retried with backoff while the job shows a
    DeletionBlocked condition. ``exhausted`` turns true after the backend's retry limit;
    the operator then retries rarely and waits for an administrator, who may release the
    finalizer with :data:`~finetune_operator.attempt.RELEASE_FINALIZER_ANNOTATION` (never
    silently: a running cloud job must not be orphaned without anyone deciding so).
    """

    reason = "BackendUnreachable"

    def __init__(self, message: str, failures: int, exhausted: bool) -> None:
        super().__init__(message)
        self.failures = failures
        self.exhausted = exhausted
