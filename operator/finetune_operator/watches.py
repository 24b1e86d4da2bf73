"""What a backend asks the operator to watch, declared as plain data.

A backend that creates Kubernetes objects declares their kinds here (in a light module of its
own, listed in ``backends/registry.py``); the kopf handlers (``handlers.py``) register a watch
for each and the reconciler routes their events to the owning job, without naming a backend.
Core words, like those of ``attempt.py``: backends import them, the core never imports a
backend for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ChildKind:
    """A Kubernetes kind a backend creates for attempts.

    Its objects carry the managed-by and ``finetune.dev/job`` labels; every event whose
    ``fingerprint`` differs from the last one seen reconciles the owning job, so that the
    many status rewrites that cannot change the attempt's Observation wake nobody. Every
    event also reaches the backend (``Backend.child_seen``), for backends that keep what
    they need of such objects in memory instead of reading them on each look.
    """

    api_version: str
    kind: str
    plural: str
    fingerprint: Callable[[dict[str, Any]], str]
    unseen: str | None = None
    """The fingerprint a child not seen yet counts as: one first seen (or deleted) with it wakes
    nobody. None: every new or deleted child reconciles its job (an attempt's own object)."""
    waits_for_due_look: bool = False
    """Whether its events leave the job to a look already due within ``ATTEMPT_CHECK_SECONDS``
    (the one after each submission) instead of reconciling at once: many such children (pods)
    change just after their attempt is submitted, and that look sees them all for one set of
    reads."""


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
