"""Thin kopf handlers: load state, ask the state machine, carry out its plan.

Level-triggered: every FineTuneJob event and every event of a PyTorchJob we created
leads to one reconcile of the owning job, serialised per job. Status writes carry the
resourceVersion they were computed from, so a decision made on stale data is rejected
by the API server (409) and recomputed instead of overwriting newer state. Children
have deterministic names, so a restart between "create child" and "write status"
adopts the child instead of creating a second one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any, cast

import kopf
from kubernetes import client
from kubernetes.client.exceptions import ApiException
from pydantic import ValidationError

from finetune_operator.admission import check_rules
from finetune_operator.api.job import PLURAL, BackendRef, FineTuneJob
from finetune_operator.api.recipe import BackendName, Recipe, RecipeKind
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.base import (
    RELEASE_FINALIZER_ANNOTATION,
    Backend,
    BackendUnreachableError,
    InvalidSpecError,
    OwnershipConflictError,
    SpecError,
    attempt_name,
)
from finetune_operator.backends.hyperpod.backend import HyperPodBackend
from finetune_operator.backends.hyperpod.observe import observation_fingerprint
from finetune_operator.backends.hyperpod.render import PYTORCHJOB_KIND
from finetune_operator.backends.registry import BackendCache, load_backend_factory
from finetune_operator.config import OperatorConfig
from finetune_operator.kube import new_api_client
from finetune_operator.metrics import API_ERRORS, RECONCILE_SECONDS, TRANSITIONS, PhaseTracker
from finetune_operator.naming import (
    COMPONENT_TRAINER_IDENTITY,
    GROUP,
    LABEL_COMPONENT,
    LABEL_JOB,
    LABEL_MANAGED_BY,
    MANAGED_BY,
    VERSION,
)
from finetune_operator.recipes import format_validation_error
from finetune_operator.statemachine import (
    Plan,
    SetSuspended,
    Submit,
    decide,
    deletion_blocked,
    rejected,
    submitted,
)

logger = logging.getLogger("finetune_operator")

TRAINER_OWNED_STATUS = {"progress", "checkpoint"}
CONFLICT_RETRIES = 5
RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
FINALIZER = f"{GROUP}/stop-backend"
STOP_POLL_DELAY = 15.0
"""Seconds between checks while an attempt goes through Stopping on delete, for backends
without a poll schedule of their own."""
DELETION_RETRY_DELAYS = (15.0, 30.0, 60.0, 120.0)
"""Backoff while the backend cannot be reached on delete, by consecutive failures."""
DELETION_EXHAUSTED_DELAY = 600.0
"""Retry interval once the backend's retry limit is exhausted: the delete now waits for
the backend to come back or for an administrator's release annotation."""


class Runtime:
    """Process-wide state of the running operator, set up by ``configure``."""

    def __init__(self, config: OperatorConfig) -> None:
        self.config = config
        self.backends = BackendCache(config)
        self.executor = ThreadPoolExecutor(max_workers=config.max_workers, thread_name_prefix="reconcile")
        self.locks: dict[tuple[str, str], asyncio.Lock] = {}
        self.seen: dict[tuple[str, str], str] = {}
        self.seen_children: dict[tuple[str, str], str] = {}
        # (kind, namespace/name) -> (resourceVersion, parsed recipe or None if invalid)
        self.parsed_recipes: dict[tuple[str, str], tuple[str, Recipe | None]] = {}
        self.failures: dict[tuple[str, str], int] = {}
        self.observe_again: dict[tuple[str, str], float] = {}
        """Delay before the next reconcile a backend without watch events asked for."""
        self.rechecks: dict[tuple[str, str], asyncio.TimerHandle] = {}
        self.phases = PhaseTracker()
        self._api: client.ApiClient | None = None

    @property
    def api(self) -> client.ApiClient:
        if self._api is None:
            self._api = new_api_client(self.config.max_workers)
        return self._api

    def lock(self, key: tuple[str, str]) -> asyncio.Lock:
        return self.locks.setdefault(key, asyncio.Lock())

    def forget(self, key: tuple[str, str]) -> None:
        self.locks.pop(key, None)
        self.seen.pop(key, None)
        self.failures.pop(key, None)
        self.observe_again.pop(key, None)
        recheck = self.rechecks.pop(key, None)
        if recheck is not None:
            recheck.cancel()
        self.phases.forget(key)


RUNTIME: Runtime | None = None


def configure(config: OperatorConfig) -> Runtime:
    global RUNTIME
    RUNTIME = Runtime(config)
    return RUNTIME


def _runtime() -> Runtime:
    if RUNTIME is None:
        raise RuntimeError("finetune_operator.handlers.configure() was not called")
    return RUNTIME


# --- kopf wiring -------------------------------------------------------------------------


@kopf.on.startup()
def _settings(settings: kopf.OperatorSettings, **_: Any) -> None:
    runtime = _runtime()
    # Keep kopf's own bookkeeping in annotations under our prefix, never in status.
    settings.persistence.progress_storage = kopf.AnnotationsProgressStorage(prefix=GROUP)
    settings.persistence.diffbase_storage = kopf.AnnotationsDiffBaseStorage(prefix=GROUP)
    settings.persistence.finalizer = FINALIZER
    # Post only our own Events (one per transition), not one per kopf log line.
    settings.posting.level = logging.CRITICAL + 1
    settings.execution.max_workers = runtime.config.max_workers
    settings.watching.server_timeout = 300
    # Filter our children in the API server: the operator never even parses anyone else's.
    ours = f"{LABEL_MANAGED_BY}={MANAGED_BY}"
    settings.watching.label_selectors["kubeflow.org", "pytorchjobs"] = ours
    for resource in TRAINER_IDENTITY_RESOURCES:
        settings.watching.label_selectors[resource] = f"{ours},{TRAINER_IDENTITY_SELECTOR}"
    settings.networking.request_timeout = 60


@kopf.index(GROUP, VERSION, "clusterfinetunerecipes")
def cluster_recipes(name: str, body: kopf.Body, **_: Any) -> dict[str, dict[str, Any]]:
    return {name: dict(body)}


@kopf.index(GROUP, VERSION, "finetunerecipes")
def namespaced_recipes(
    namespace: str | None, name: str, body: kopf.Body, **_: Any
) -> dict[str, dict[str, Any]]:
    return {f"{namespace}/{name}": dict(body)}


@kopf.on.event(GROUP, VERSION, PLURAL)
async def on_job_event(type: str, body: kopf.Body, namespace: str | None, name: str, **kwargs: Any) -> None:
    runtime = _runtime()
    key = (namespace or "", name)
    if type == "DELETED":
        runtime.forget(key)
        return
    view = dict(body)  # top-level keys of the raw object: read it, never change it
    if _release_requested(view):
        document = _as_plain(body)
        loop = asyncio.get_running_loop()
        if await loop.run_in_executor(runtime.executor, _release_finalizer, document):
            attempt = ((document.get("status") or {}).get("backendRef") or {}).get("name")
            kopf.event(
                cast(kopf.Body, _event_target(document)),
                type="Warning",
                reason="FinalizerReleased",
                message=f"{RELEASE_FINALIZER_ANNOTATION}=true: deleted without stopping "
                f"{attempt or 'the current attempt'}, which may still be running; check it in the "
                "backend and stop it by hand",
            )
        return
    if runtime.seen.get(key) == _fingerprint(view):
        return  # our own status write echoed back, or only trainer-reported progress changed
    await reconcile(key, _as_plain(body), _recipes(kwargs))


@kopf.on.event("kubeflow.org", "v1", "pytorchjobs", labels={LABEL_MANAGED_BY: MANAGED_BY})
async def on_pytorchjob_event(
    type: str, body: kopf.Body, namespace: str | None, name: str, labels: kopf.Labels, **kwargs: Any
) -> None:
    job_name = labels.get(LABEL_JOB)
    if not job_name or not namespace:
        return
    runtime = _runtime()
    child_key = (namespace, name)
    if type == "DELETED":
        runtime.seen_children.pop(child_key, None)
    else:
        fingerprint = observation_fingerprint(dict(body))
        if runtime.seen_children.get(child_key) == fingerprint:
            return
        runtime.seen_children[child_key] = fingerprint
    await reconcile((namespace, job_name), None, _recipes(kwargs))


TRAINER_IDENTITY_SELECTOR = f"{LABEL_COMPONENT}={COMPONENT_TRAINER_IDENTITY}"
TRAINER_IDENTITY_RESOURCES = (
    ("v1", "serviceaccounts"),
    ("rbac.authorization.k8s.io", "v1", "roles"),
    ("rbac.authorization.k8s.io", "v1", "rolebindings"),
)


@kopf.on.event("v1", "serviceaccounts", labels={LABEL_COMPONENT: COMPONENT_TRAINER_IDENTITY})
@kopf.on.event(
    "rbac.authorization.k8s.io", "v1", "roles", labels={LABEL_COMPONENT: COMPONENT_TRAINER_IDENTITY}
)
@kopf.on.event(
    "rbac.authorization.k8s.io", "v1", "rolebindings", labels={LABEL_COMPONENT: COMPONENT_TRAINER_IDENTITY}
)
async def on_trainer_identity_event(type: str, namespace: str | None, **_: Any) -> None:
    """Without its identity a namespace's trainer pods cannot start (or report): put it back."""
    if type != "DELETED" or not namespace:
        return
    backend = _runtime().backends.get(BackendName.HYPERPOD)
    if not isinstance(backend, HyperPodBackend):
        return
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(_runtime().executor, backend.restore_trainer_identity, namespace)
    except ApiException as err:
        # 403/404: the namespace itself is going away (or gone); nothing to restore.
        if err.status not in (403, 404):
            API_ERRORS.labels(str(err.status)).inc()
            logger.warning("could not restore the trainer identity in %s: %s", namespace, err.reason)
    except OwnershipConflictError as err:
        logger.warning("could not restore the trainer identity in %s: %s", namespace, err)


def _needs_finalizer(spec: kopf.Spec, **_: Any) -> bool:
    backend = spec.get("backend", BackendName.HYPERPOD.value)
    try:
        return load_backend_factory(BackendName(backend)).needs_finalizer  # type: ignore[attr-defined]
    except (ValueError, SpecError):
        return False


@kopf.on.delete(GROUP, VERSION, PLURAL, when=_needs_finalizer)
def stop_backend_on_delete(body: kopf.Body, patch: kopf.Patch, **_: Any) -> None:
    """Cloud attempts outlive Kubernetes objects: stop them before the job goes away.

    When the backend cannot be reached, the delete waits with a DeletionBlocked condition
    and a Warning Event saying why and how an administrator can release it; retries back
    off, and become rare once the backend's retry limit is exhausted.
    """
    job = FineTuneJob.model_validate(_as_plain(body))
    ref = job.status.backend_ref
    if ref is None:
        return
    backend = _runtime().backends.get(job.spec.backend)
    try:
        stopped = backend.cancel(job, ref)
    except BackendUnreachableError as err:
        conditions = deletion_blocked(job, err.reason, str(err), datetime.now(UTC))
        patch.status["conditions"] = [c.model_dump(mode="json", exclude_none=True) for c in conditions]
        kopf.event(body, type="Warning", reason="DeletionBlocked", message=str(err))
        delay = DELETION_EXHAUSTED_DELAY if err.exhausted else _deletion_retry_delay(err.failures)
        raise kopf.TemporaryError(str(err), delay=delay) from None
    if not stopped:
        # Look again when the backend's own poll is due (its configured interval).
        delay = backend.observe_again_in(job, ref) or STOP_POLL_DELAY
        raise kopf.TemporaryError(f"waiting for {ref.kind} {ref.name} to stop", delay=delay)


def _deletion_retry_delay(failures: int) -> float:
    return DELETION_RETRY_DELAYS[min(max(failures, 1), len(DELETION_RETRY_DELAYS)) - 1]


def _release_requested(document: dict[str, Any]) -> bool:
    meta = document.get("metadata") or {}
    return bool(
        meta.get("deletionTimestamp")
        and (meta.get("annotations") or {}).get(RELEASE_FINALIZER_ANNOTATION) == "true"
        and FINALIZER in (meta.get("finalizers") or [])
    )


def _release_finalizer(document: dict[str, Any]) -> bool:
    """An administrator gave up on stopping the attempt: let the delete finish now.

    kopf would only notice the annotation at the delete handler's next (possibly distant)
    retry, so the finalizer is removed here at once, guarded by resourceVersion. Returns
    whether this call released it.
    """
    meta = document["metadata"]
    body = {
        "metadata": {
            "resourceVersion": meta["resourceVersion"],
            "finalizers": [f for f in meta.get("finalizers") or [] if f != FINALIZER],
        }
    }
    try:
        client.CustomObjectsApi(_runtime().api).patch_namespaced_custom_object(
            GROUP, VERSION, meta.get("namespace") or "", PLURAL, meta["name"], body
        )
    except ApiException as err:
        if err.status in (404, 409):
            return False  # gone already, or changed meanwhile: the next event decides again
        raise
    return True


# --- reconcile ---------------------------------------------------------------------------


async def reconcile(key: tuple[str, str], document: dict[str, Any] | None, recipes: list[Recipe]) -> None:
    runtime = _runtime()
    loop = asyncio.get_running_loop()
    async with runtime.lock(key):
        started = time.monotonic()
        try:
            events = await loop.run_in_executor(
                runtime.executor, _reconcile_with_retries, key, document, recipes
            )
        except ApiException as err:
            API_ERRORS.labels(str(err.status)).inc()
            _schedule_retry(key, recipes, f"API error {err.status}: {err.reason}")
            return
        except Exception as err:  # never let one job wedge the operator
            _schedule_retry(key, recipes, f"{type(err).__name__}: {err}")
            logger.exception("reconcile of %s/%s failed", *key)
            return
        finally:
            RECONCILE_SECONDS.observe(time.monotonic() - started)
        runtime.failures.pop(key, None)
        _schedule_observation(key, recipes)
    for event_body, event in events:
        kopf.event(cast(kopf.Body, event_body), type=event[0], reason=event[1], message=event[2])


def _schedule_retry(key: tuple[str, str], recipes: list[Recipe], why: str) -> None:
    runtime = _runtime()
    runtime.seen.pop(key, None)
    count = runtime.failures.get(key, 0)
    runtime.failures[key] = count + 1
    delay = RETRY_DELAYS[min(count, len(RETRY_DELAYS) - 1)]
    logger.warning("reconcile of %s/%s will be retried in %.0fs: %s", key[0], key[1], delay, why)
    loop = asyncio.get_running_loop()
    loop.call_later(delay, lambda: loop.create_task(reconcile(key, None, recipes)))


def _schedule_observation(key: tuple[str, str], recipes: list[Recipe]) -> None:
    """Reconcile again when the backend's poll is due (SageMaker jobs send no watch events)."""
    runtime = _runtime()
    delay = runtime.observe_again.pop(key, None)
    previous = runtime.rechecks.pop(key, None)
    if previous is not None:
        previous.cancel()
    if delay is None:
        return
    loop = asyncio.get_running_loop()
    runtime.rechecks[key] = loop.call_later(delay, lambda: loop.create_task(reconcile(key, None, recipes)))


def _reconcile_with_retries(
    key: tuple[str, str], document: dict[str, Any] | None, recipes: list[Recipe]
) -> list[tuple[dict[str, Any], tuple[str, str, str]]]:
    for _ in range(CONFLICT_RETRIES):
        if document is None:
            document = _read_job(key)
            if document is None:
                return []  # deleted meanwhile
        try:
            return _reconcile_once(key, document, recipes)
        except ApiException as err:
            if err.status != 409:
                raise
            document = None  # someone (the trainer) wrote status meanwhile: decide again on fresh data
    raise ApiException(status=409, reason=f"status of {key[0]}/{key[1]} kept changing; giving up for now")


def _reconcile_once(
    key: tuple[str, str], document: dict[str, Any], recipes: list[Recipe]
) -> list[tuple[dict[str, Any], tuple[str, str, str]]]:
    runtime = _runtime()
    now = datetime.now(UTC)
    try:
        job = FineTuneJob.model_validate(document)
    except ValidationError as err:
        return _write_unparseable(key, document, format_validation_error(err), now)
    if job.metadata.deletion_timestamp:
        return []
    plan = _plan(runtime, job, recipes, now)
    events = _write_status(job, document, plan)
    runtime.seen[key] = _fingerprint(_document_after(document, plan))
    runtime.phases.set(key, plan.status.phase.value)
    ref = _event_target(document)
    return [(ref, (e.type, e.reason, e.message)) for e in events]


def _plan(runtime: Runtime, job: FineTuneJob, recipes: list[Recipe], now: datetime) -> Plan:
    try:
        check_rules(job)
        backend = runtime.backends.get(job.spec.backend)
    except SpecError as err:
        return rejected(job, None, err, now)
    observation = None
    ref: BackendRef | None = None
    if job.status.current_attempt and not job.status.phase.is_terminal:
        ref = _current_ref(job)
        observation = backend.observe(job, ref)
    plan = decide(job, observation, now)
    action = plan.action
    if isinstance(action, Submit):
        try:
            request, recipe_status = build_attempt_request(
                job,
                recipes,
                runtime.config,
                action.attempt,
                action.resume_from,
                action.remaining_runtime_seconds,
            )
            backend.validate(request)
            new_ref = backend.submit(request)
        except SpecError as err:
            return rejected(job, plan, err, now)
        plan = submitted(plan, new_ref, recipe_status)
        if new_ref.kind == PYTORCHJOB_KIND:
            # We know what the new PyTorchJob's first watch event will say; no need to look again.
            # Noted before the status write: the event usually arrives while that write is in flight.
            first_event = {"metadata": {"uid": new_ref.uid}}
            namespace = job.metadata.namespace or ""
            runtime.seen_children[(namespace, new_ref.name)] = observation_fingerprint(first_event)
    elif isinstance(action, SetSuspended) and ref is not None:
        try:
            backend.set_suspended(job, ref, action.suspended)
        except SpecError as err:
            return rejected(job, plan, err, now)
    _note_next_observation(runtime, job, backend, plan)
    return plan


def _note_next_observation(runtime: Runtime, job: FineTuneJob, backend: Backend, plan: Plan) -> None:
    if plan.status.phase.is_terminal or not plan.status.current_attempt:
        return
    ref = BackendRef(kind="", name=attempt_name(job.metadata.name, plan.status.current_attempt))
    delay = backend.observe_again_in(job, ref)
    if delay is not None:
        runtime.observe_again[(job.metadata.namespace or "", job.metadata.name)] = delay


def _current_ref(job: FineTuneJob) -> BackendRef:
    """The backend object of the current attempt; by its deterministic name if status lacks it."""
    name = attempt_name(job.metadata.name, job.status.current_attempt)
    ref = job.status.backend_ref
    if ref is not None and ref.name == name:
        return ref
    return BackendRef(kind="", name=name)


def _status_patch(job: FineTuneJob, plan: Plan) -> dict[str, Any]:
    """The top-level status keys the plan changed.

    The trainer-owned keys are compared too: they differ only where the plan set them (a
    backend that finds checkpoints itself), and the write is resourceVersion-guarded, so a
    report the trainer made meanwhile is never overwritten.
    """
    old = job.status.model_dump(mode="json", exclude_none=True)
    new = plan.status.model_dump(mode="json", exclude_none=True)
    return {k: new.get(k) for k in old.keys() | new.keys() if old.get(k) != new.get(k)}


def _write_status(job: FineTuneJob, document: dict[str, Any], plan: Plan) -> list[Any]:
    patch = _status_patch(job, plan)
    if not patch:
        return list(plan.events)
    body = {"metadata": {"resourceVersion": document["metadata"]["resourceVersion"]}, "status": patch}
    # The response is not needed (the watch brings the new object): skip parsing it.
    response = client.CustomObjectsApi(_runtime().api).patch_namespaced_custom_object_status(
        GROUP, VERSION, job.metadata.namespace or "", PLURAL, job.metadata.name, body, _preload_content=False
    )
    response.drain_conn()
    response.release_conn()
    if "phase" in patch:
        TRANSITIONS.labels(plan.status.phase.value).inc()
        logger.info(
            "job phase changed",
            extra={
                "namespace": job.metadata.namespace,
                "job": job.metadata.name,
                "phase": plan.status.phase.value,
            },
        )
    return list(plan.events)


def _write_unparseable(
    key: tuple[str, str], document: dict[str, Any], message: str, now: datetime
) -> list[tuple[dict[str, Any], tuple[str, str, str]]]:
    """A stored object our models cannot read (e.g. an override of an unsupported type)."""
    status = document.get("status") or {}
    if status.get("phase") == "Failed":
        return []
    error = InvalidSpecError(message)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    patch = {
        "metadata": {"resourceVersion": document["metadata"]["resourceVersion"]},
        "status": {
            "phase": "Failed",
            "observedGeneration": document["metadata"].get("generation"),
            "completionTime": stamp,
            "conditions": [
                {
                    "type": "Failed",
                    "status": "True",
                    "reason": error.reason,
                    "message": message,
                    "lastTransitionTime": stamp,
                    "observedGeneration": document["metadata"].get("generation"),
                }
            ],
        },
    }
    client.CustomObjectsApi(_runtime().api).patch_namespaced_custom_object_status(
        GROUP, VERSION, key[0], PLURAL, key[1], patch
    )
    return [(_event_target(document), ("Warning", error.reason, message))]


def _read_job(key: tuple[str, str]) -> dict[str, Any] | None:
    try:
        result = cast(
            dict[str, Any],
            client.CustomObjectsApi(_runtime().api).get_namespaced_custom_object(
                GROUP, VERSION, key[0], PLURAL, key[1]
            ),
        )
    except ApiException as err:
        if err.status == 404:
            return None
        raise
    return result


def _recipes(kwargs: dict[str, Any]) -> list[Recipe]:
    """Recipes from kopf's in-memory indices (handler kwargs named after the index functions)."""
    cluster: kopf.Index[str, dict[str, Any]] = kwargs["cluster_recipes"]
    namespaced: kopf.Index[str, dict[str, Any]] = kwargs["namespaced_recipes"]
    recipes: list[Recipe] = []
    for index, kind in (
        (namespaced, RecipeKind.FINE_TUNE_RECIPE),
        (cluster, RecipeKind.CLUSTER_FINE_TUNE_RECIPE),
    ):
        for store in index.values():
            for body in store:
                recipe = _parse_recipe(kind, body)
                if recipe is not None:
                    recipes.append(recipe)
    return recipes


def _parse_recipe(kind: RecipeKind, body: dict[str, Any]) -> Recipe | None:
    """A recipe object as a model, parsed once per resourceVersion (every reconcile needs them all)."""
    meta = body.get("metadata") or {}
    cache = _runtime().parsed_recipes
    key = (kind.value, f"{meta.get('namespace')}/{meta.get('name')}")
    version = str(meta.get("resourceVersion"))
    cached = cache.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    recipe: Recipe | None = None
    try:
        recipe = Recipe.model_validate({**body, "kind": kind.value})
    except ValidationError as err:
        logger.warning(
            "ignoring invalid %s %s: %s", kind.value, meta.get("name"), format_validation_error(err)
        )
    cache[key] = (version, recipe)
    return recipe


def _as_plain(body: Any) -> dict[str, Any]:
    """A plain-dict deep copy of a kopf Body (which is a read-only view)."""
    import copy

    return copy.deepcopy(dict(body))


def _fingerprint(document: dict[str, Any]) -> str:
    """What a job event can change that matters to us: generation, spec and our part of status."""
    import json

    status = {k: v for k, v in (document.get("status") or {}).items() if k not in TRAINER_OWNED_STATUS}
    meta = document.get("metadata") or {}
    return json.dumps(
        [meta.get("generation"), meta.get("deletionTimestamp"), document.get("spec"), status],
        sort_keys=True,
        default=str,
    )


def _document_after(document: dict[str, Any], plan: Plan) -> dict[str, Any]:
    status = plan.status.model_dump(mode="json", exclude_none=True, exclude=TRAINER_OWNED_STATUS)
    return {**document, "status": status}


def _event_target(document: dict[str, Any]) -> dict[str, Any]:
    meta = document["metadata"]
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneJob",
        "metadata": {"name": meta["name"], "namespace": meta.get("namespace"), "uid": meta.get("uid")},
    }
