"""kopf wiring: which events reach the Reconciler (finetune_operator/reconciler.py) and the
SweepController (finetune_operator/sweep/controller.py).

Both come in kopf's ``memo`` (``operator.py`` passes it to ``kopf.operator``).
Watches of backend objects are registered from the backends' declarations in
``backends/registry.py``; nothing here names a backend.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import Any, cast

import kopf

from finetune_operator.api.job import PLURAL
from finetune_operator.api.recipe import BackendName, Recipe, RecipeKind
from finetune_operator.api.sweep import SWEEP_PLURAL
from finetune_operator.attempt import JobEvent
from finetune_operator.backends.registry import BACKENDS
from finetune_operator.naming import GROUP, LABEL_MANAGED_BY, MANAGED_BY, VERSION
from finetune_operator.reconciler import FINALIZER, needs_finalizer, plain
from finetune_operator.sweep.trials import LABEL_SWEEP
from finetune_operator.watches import ChildKind

OURS = {LABEL_MANAGED_BY: MANAGED_BY}


def post_event(target: dict[str, Any], event: JobEvent) -> None:
    """The Reconciler's Event sink: kopf posts Events in the background."""
    kopf.event(cast(kopf.Body, target), type=event.type, reason=event.reason, message=event.message)


@kopf.on.startup()
def configure_kopf(settings: kopf.OperatorSettings, memo: kopf.Memo, **_: Any) -> None:
    # Keep kopf's own bookkeeping in annotations under our prefix, never in status.
    settings.persistence.progress_storage = kopf.AnnotationsProgressStorage(prefix=GROUP)
    settings.persistence.diffbase_storage = kopf.AnnotationsDiffBaseStorage(prefix=GROUP)
    settings.persistence.finalizer = FINALIZER
    # Post only our own Events (one per transition), not one per kopf log line.
    settings.posting.level = logging.CRITICAL + 1
    # Events say who wrote them (kubectl describe's "From"): this operator, and which of its pods
    # (a pod's host name is its name).
    settings.posting.reporting_component = MANAGED_BY
    settings.posting.reporting_instance = socket.gethostname()
    settings.execution.max_workers = memo.reconciler.max_workers
    settings.watching.server_timeout = 300
    settings.networking.request_timeout = 60
    # Filter backend objects in the API server: the operator never even parses anyone else's.
    for registration in BACKENDS.values():
        for child in registration.watches.children:
            settings.watching.label_selectors[_resource(child.api_version, child.plural)] = _selector(OURS)
        for shared in registration.watches.shared:
            labels = {**OURS, **shared.labels}
            settings.watching.label_selectors[_resource(shared.api_version, shared.plural)] = _selector(
                labels
            )


@kopf.index(GROUP, VERSION, "clusterfinetunerecipes")
def cluster_recipes(name: str, body: kopf.Body, **_: Any) -> dict[str, dict[str, Any]]:
    return {name: dict(body)}


@kopf.index(GROUP, VERSION, "finetunerecipes")
def namespaced_recipes(
    namespace: str | None, name: str, body: kopf.Body, **_: Any
) -> dict[str, dict[str, Any]]:
    return {f"{namespace}/{name}": dict(body)}


@kopf.on.event(GROUP, VERSION, "clusterfinetunerecipes")
@kopf.on.event(GROUP, VERSION, "finetunerecipes")
async def on_recipe_event(type: str, namespace: str | None, memo: kopf.Memo, **kwargs: Any) -> None:
    if type != "DELETED":
        await memo.reconciler.recipes_changed(namespace, _recipes(memo, kwargs))


@kopf.on.event(GROUP, VERSION, PLURAL)
async def on_job_event(type: str, body: kopf.Body, memo: kopf.Memo, **kwargs: Any) -> None:
    await memo.reconciler.job_event(type, plain(body), _recipes(memo, kwargs))


@kopf.on.event(GROUP, VERSION, SWEEP_PLURAL)
async def on_sweep_event(type: str, body: kopf.Body, memo: kopf.Memo, **_: Any) -> None:
    await memo.sweeps.sweep_event(type, plain(body))


@kopf.on.event(GROUP, VERSION, PLURAL, labels={LABEL_SWEEP: kopf.PRESENT})
async def on_trial_event(type: str, body: kopf.Body, memo: kopf.Memo, **_: Any) -> None:
    """A sweep's trial changed (progress included): its sweep decides again (sweep/controller.py)."""
    await memo.sweeps.trial_event(type, plain(body))


@kopf.on.delete(GROUP, VERSION, PLURAL, when=lambda spec, **_: needs_finalizer(spec))
def stop_backend_on_delete(body: kopf.Body, patch: kopf.Patch, memo: kopf.Memo, **_: Any) -> None:
    wait = memo.reconciler.stop_backend(plain(body))
    if wait is None:
        return
    if wait.conditions is not None:
        patch.status["conditions"] = wait.conditions
        kopf.event(body, type="Warning", reason="DeletionBlocked", message=wait.reason)
    raise kopf.TemporaryError(wait.reason, delay=wait.delay)


def _on_child_event(child: ChildKind) -> Any:
    async def on_child_event(type: str, body: kopf.Body, memo: kopf.Memo, **kwargs: Any) -> None:
        await memo.reconciler.child_event(child, type, plain(body), _recipes(memo, kwargs))

    return on_child_event


def _on_shared_event(backend: BackendName) -> Any:
    async def on_shared_event(type: str, namespace: str | None, memo: kopf.Memo, **_: Any) -> None:
        if type == "DELETED" and namespace:
            await memo.reconciler.shared_deleted(backend, namespace)

    return on_shared_event


RECIPE_INDICES = (
    (RecipeKind.FINE_TUNE_RECIPE, "namespaced_recipes"),
    (RecipeKind.CLUSTER_FINE_TUNE_RECIPE, "cluster_recipes"),
)
"""Namespaced recipes first: selection prefers them (handler kwargs named after the index functions)."""


def _recipes(memo: kopf.Memo, kwargs: dict[str, Any]) -> list[Recipe]:
    """Recipes from kopf's in-memory indices, parsed once per version by the Reconciler."""
    bodies = [
        (kind, body) for kind, index in RECIPE_INDICES for store in kwargs[index].values() for body in store
    ]
    return cast(list[Recipe], memo.reconciler.recipes.of(bodies))


def _group_version(api_version: str) -> tuple[str | None, str]:
    """``kubeflow.org/v1`` -> (``kubeflow.org``, ``v1``); ``v1`` (the core group) -> (None, ``v1``)."""
    group, _, version = api_version.rpartition("/")
    return group or None, version


def _resource(api_version: str, plural: str) -> Callable[[Any], bool]:
    """A kopf resource selector matching exactly ``plural`` of ``api_version``."""
    group, version = _group_version(api_version)
    return lambda resource: (
        (resource.group or None, resource.version, resource.plural)
        == (
            group,
            version,
            plural,
        )
    )


def _selector(labels: dict[str, str]) -> str:
    return ",".join(f"{key}={value}" for key, value in labels.items())


for _name, _registration in BACKENDS.items():
    for _child in _registration.watches.children:
        _group, _version = _group_version(_child.api_version)
        kopf.on.event(group=_group, version=_version, plural=_child.plural, labels=OURS)(
            _on_child_event(_child)
        )
    for _shared in _registration.watches.shared:
        _group, _version = _group_version(_shared.api_version)
        kopf.on.event(group=_group, version=_version, plural=_shared.plural, labels=dict(_shared.labels))(
            _on_shared_event(_name)
        )
