"""The per-job reconcile loop: load, decide, carry out the plan, write status, look again.

Level-triggered: every FineTuneJob event and every event of an attempt's child leads to
one reconcile of the owning job, serialised per job. A reconcile observes the current
attempt, asks the state machine (``decide``), carries out at most one action, and writes
the status keys the plan changed with a merge patch that carries the resourceVersion it
decided on: a decision made on stale data gets 409 and is made again on fresh data.
Children have deterministic names, so a restart between "create child" and "write
status" adopts the child instead of creating a second one.

A job is looked at again later when the reconcile failed (backoff) or when its backend
sends no watch events and asked to be polled (``observe_again_in``). kopf has no requeue
for event handlers, and its timers and daemons would put a finalizer on every job (a
HyperPod job must stay deletable while the operator is down), so the reconciler keeps
one timer per job itself.

Everything from outside comes in as a parameter (API client, clock, Event sink), so the
loop runs in unit tests against a fake API server (tests/unit/test_reconciler.py).
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, cast

from kubernetes import client
from kubernetes.client.exceptions import ApiException
from pydantic import ValidationError

from finetune_operator.admission import check_rules
from finetune_operator.api.job import PLURAL, BackendRef, Condition, FineTuneJob, FineTuneJobSpec, Phase
from finetune_operator.api.recipe import BackendName, Recipe
from finetune_operator.api.usage import UsageStatus
from finetune_operator.attempt import (
    DELETION_POLICY_ANNOTATION,
    RELEASE_FINALIZER_ANNOTATION,
    STOP_ANNOTATION,
    AttemptState,
    JobEvent,
    Observation,
)
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.registry import BACKENDS, BackendCache, backend_class
from finetune_operator.code import config_map_names, config_maps_of_namespace
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import (
    BackendUnreachableError,
    InvalidSpecError,
    OwnershipConflictError,
    SpecError,
)
from finetune_operator.health import (
    REASON_STALLED,
    HealthVerdict,
    ProgressHistory,
    find_slowdown,
    find_stall,
    health_look_wanted,
    progress_of,
    record_progress,
    stall_check_in,
)
from finetune_operator.metrics import (
    API_ERRORS,
    RECONCILE_SECONDS,
    STALLS,
    TRANSITIONS,
    JobMetrics,
    PhaseTracker,
)
from finetune_operator.naming import GROUP, LABEL_JOB, VERSION
from finetune_operator.publish_step import (
    Publisher,
    PublishStep,
    advance,
    publish_refused,
    publishing,
)
from finetune_operator.recipes import ParsedRecipes, format_validation_error, recipe_changes
from finetune_operator.statemachine import (
    ATTEMPT_CHECK_SECONDS,
    Plan,
    SetSuspended,
    StopAttempt,
    Submit,
    attempt_check_in,
    decide,
    deletion_blocked,
    format_time,
    recipe_checked,
    rejected,
    runtime_check_in,
    submitted,
    waits_for_recipe,
)
from finetune_operator.usage import all_closed, attempt_observed, attempt_submitted
from finetune_operator.watches import ChildKind

logger = logging.getLogger("finetune_operator")

JobKey = tuple[str, str]
"""(namespace, name) of a FineTuneJob."""
EventSink = Callable[[dict[str, Any], JobEvent], None]
"""Posts an Event about the object ``target`` (apiVersion, kind and metadata name/namespace/uid)."""

FINALIZER = f"{GROUP}/stop-backend"
TRAINER_OWNED_STATUS = {"progress", "checkpoint"}
CONFLICT_RETRIES = 5
RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
STOP_POLL_DELAY = 15.0
"""Seconds between checks while an attempt goes through Stopping on delete, for backends
without a poll schedule of their own."""
DELETION_RETRY_DELAYS = (15.0, 30.0, 60.0, 120.0)
"""Backoff while the backend cannot be reached on delete, by consecutive failures."""
DELETION_EXHAUSTED_DELAY = 600.0
"""Retry interval once the backend's retry limit is exhausted: the delete now waits for
the backend to come back or for an administrator's release annotation."""


@dataclass(frozen=True)
class Outcome:
    """What one reconcile did that its caller carries on with."""

    events: list[JobEvent] = field(default_factory=list)
    target: dict[str, Any] | None = None
    """The job the Events are about."""
    next_look_in: float | None = None
    """Seconds until the backend wants the job looked at again (None: its events will say)."""


@dataclass(frozen=True)
class DeletionWait:
    """The delete must wait: why, for how long, and what to show on the job meanwhile."""

    reason: str
    delay: float
    conditions: list[dict[str, Any]] | None = None
    """The job's conditions with DeletionBlocked set, when the backend cannot be reached."""


class Reconciler:
    """Owns every FineTuneJob's loop in this operator process."""

    def __init__(
        self,
        config: OperatorConfig,
        api_client: client.ApiClient,
        clock: Callable[[], datetime],
        post_event: EventSink,
        backends: BackendCache | None = None,
    ) -> None:
        self._config = config
        self._api = api_client
        self._clock = clock
        self._post_event = post_event
        self.backends = backends or BackendCache(config, api_client)
        self._publish_step = PublishStep(config, api_client)
        self.recipes = ParsedRecipes()
        self.max_workers = config.max_workers
        """Threads for blocking API calls; bounds how many jobs are reconciled at once."""
        self._executor = ThreadPoolExecutor(max_workers=config.max_workers, thread_name_prefix="reconcile")
        self._locks: dict[JobKey, asyncio.Lock] = {}
        self._seen: dict[JobKey, str] = {}
        """Fingerprint of each job as last decided on: its echo (and trainer progress) is skipped."""
        self._seen_children: dict[tuple[str, str, str], str] = {}
        """Fingerprint of each child (kind, namespace, name) as last seen."""
        self._failures: dict[JobKey, int] = {}
        self._next_looks: dict[JobKey, asyncio.TimerHandle] = {}
        self._left_to_the_due_look: set[JobKey] = set()
        """Jobs with a child event that woke no reconcile because their next look was due soon."""
        self._phases = PhaseTracker()
        self._job_metrics = JobMetrics()
        self._progress: dict[JobKey, ProgressHistory] = {}
        """The step reports of each job's current attempt, as seen (``health.py``)."""
        self._waiting_for_recipe: set[JobKey] = set()
        """Jobs Failed with RecipeNotFound or RecipeInvalid before they ran: looked at again when
        recipes change."""
        self._latest_recipes: list[Recipe] = []
        self._recipe_changes = 0
        """Counts recipes_changed calls: a reconcile that overlapped one decides again."""

    # --- events ------------------------------------------------------------------------

    async def job_event(self, event_type: str, document: dict[str, Any], recipes: list[Recipe]) -> None:
        """A FineTuneJob was added, changed or deleted (``document`` is a plain copy)."""
        meta = document["metadata"]
        key = (meta.get("namespace") or "", meta["name"])
        if event_type == "DELETED":
            self.forget(key)
            return
        # Before the fingerprint check below: the trainer's progress reports change no fingerprint.
        self._job_metrics.observe(key, document)
        health_look, stall_check = self._progress_seen(key, document)
        if stall_check is not None:
            self._look_no_later_than(key, stall_check, recipes)
        if _release_requested(document):
            loop = asyncio.get_running_loop()
            if await loop.run_in_executor(self._executor, self._release_finalizer, document):
                attempt = ((document.get("status") or {}).get("backendRef") or {}).get("name")
                message = (
                    f"{RELEASE_FINALIZER_ANNOTATION}=true: deleted without stopping "
                    f"{attempt or 'the current attempt'}, which may still be running; check it in the "
                    "backend and stop it by hand"
                )
                self._post_event(_event_target(document), JobEvent("Warning", "FinalizerReleased", message))
            return
        if self._seen.get(key) == _fingerprint(document) and not health_look:
            return  # our own status write echoed back, or only trainer-reported progress changed
        if needs_finalizer(document.get("spec") or {}) and FINALIZER not in (meta.get("finalizers") or []):
            # Nothing is submitted before kopf's finalizer is on the job: a delete that came first
            # would otherwise remove the job at once and orphan its cloud attempt. Adding the
            # finalizer is an update, whose event reconciles.
            return
        await self.reconcile(key, document, recipes)

    def _progress_seen(self, key: JobKey, document: dict[str, Any]) -> tuple[bool, float | None]:
        """Add the job's reported step to its history. Returns whether its health conditions
        should be looked at now because of it, and, for a new step, the seconds until its stall
        window ends (a step report wakes no reconcile, so nothing else would look then)."""
        status = document.get("status") or {}
        now = self._clock()
        previous = self._progress.get(key)
        history = record_progress(previous, progress_of(status), now)
        if history is None:
            return False, None
        self._progress[key] = history
        look = health_look_wanted(status, history, self._config.progress_health, now)
        if history is previous:
            return look, None
        try:
            job = FineTuneJob.model_validate(document)
            if not backend_class(job.spec.backend).reports_progress_live:
                return look, None
        except (ValidationError, SpecError):
            return look, None  # the reconcile says what is wrong with it
        return look, stall_check_in(job, history, self._config.progress_health, now)

    def _look_no_later_than(self, key: JobKey, delay: float, recipes: list[Recipe]) -> None:
        """Schedule the job's next look in ``delay`` seconds unless one is due sooner (that look
        schedules the next one from what it then sees)."""
        due = self.next_look_in(key)
        if due is None or delay < due:
            self._look_again(key, delay, recipes)

    async def child_event(
        self, child: ChildKind, event_type: str, document: dict[str, Any], recipes: list[Recipe]
    ) -> None:
        """An attempt's child changed: reconcile its job if what it shows can have changed."""
        meta = document.get("metadata") or {}
        namespace = meta.get("namespace")
        job_name = (meta.get("labels") or {}).get(LABEL_JOB)
        if not job_name or not namespace:
            return
        self.backends.get(_owner_of(child)).child_seen(child.kind, event_type, document)
        child_key = (child.kind, namespace, meta["name"])
        if event_type == "DELETED":
            last = self._seen_children.pop(child_key, child.unseen)
            if child.unseen is not None and last == child.unseen:
                return
        else:
            fingerprint = child.fingerprint(document)
            if self._seen_children.get(child_key, child.unseen) == fingerprint:
                return
            if fingerprint == child.unseen:
                self._seen_children.pop(child_key, None)  # as if never seen: nothing kept per quiet child
            else:
                self._seen_children[child_key] = fingerprint
        key = (namespace, job_name)
        due = self.next_look_in(key)
        if child.waits_for_due_look and due is not None and due <= ATTEMPT_CHECK_SECONDS:
            self._left_to_the_due_look.add(key)
            return  # that look sees this child as it is then
        await self.reconcile(key, None, recipes)

    async def shared_deleted(self, backend_name: BackendName, namespace: str) -> None:
        """Part of a backend's per-namespace objects was deleted: the backend puts it back
        (without its trainer identity, a namespace's trainer pods cannot start or report)."""
        backend = self.backends.get(backend_name)
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, backend.restore_shared, namespace)
        except ApiException as err:
            # 403/404: the namespace itself is going away (or gone); nothing to restore.
            if err.status not in (403, 404):
                API_ERRORS.labels(str(err.status)).inc()
                logger.warning("could not restore %s objects in %s: %s", backend_name, namespace, err.reason)
        except OwnershipConflictError as err:
            logger.warning("could not restore %s objects in %s: %s", backend_name, namespace, err)

    async def recipes_changed(self, namespace: str | None, recipes: list[Recipe]) -> None:
        """A recipe was added or changed (``namespace`` None: a ClusterFineTuneRecipe).

        Jobs rejected only because no recipe matched are judged again with ``recipes``: a
        GitOps sync that applies a recipe and its job together must not leave the job
        Failed because the job's event reached the operator first.
        """
        self._latest_recipes = recipes
        self._recipe_changes += 1
        for key in sorted(self._waiting_for_recipe):
            if namespace is None or key[0] == namespace:
                await self.reconcile(key, None, recipes)

    def forget(self, key: JobKey) -> None:
        """The job is gone: drop everything kept about it."""
        self._waiting_for_recipe.discard(key)
        self._locks.pop(key, None)
        self._seen.pop(key, None)
        self._failures.pop(key, None)
        self._cancel_next_look(key)
        self._phases.forget(key)
        self._job_metrics.forget(key)
        self._progress.pop(key, None)

    # --- the loop ----------------------------------------------------------------------

    async def reconcile(self, key: JobKey, document: dict[str, Any] | None, recipes: list[Recipe]) -> None:
        """One reconcile of ``key`` (read fresh when ``document`` is None), then schedule the next."""
        loop = asyncio.get_running_loop()
        recipe_changes_before = self._recipe_changes
        outcome: Outcome | None = None
        delay: float | None
        async with self._locks.setdefault(key, asyncio.Lock()):
            self._left_to_the_due_look.discard(key)  # this reconcile observes after those events
            started = time.monotonic()
            try:
                outcome = await loop.run_in_executor(
                    self._executor, self.reconcile_now, key, document, recipes
                )
            except ApiException as err:
                API_ERRORS.labels(str(err.status)).inc()
                delay = self._retry_delay(key, f"API error {err.status}: {err.reason}")
            except Exception as err:  # never let one job wedge the operator
                delay = self._retry_delay(key, f"{type(err).__name__}: {err}")
                logger.exception("reconcile of %s/%s failed", *key)
            else:
                self._failures.pop(key, None)
                delay = outcome.next_look_in
            finally:
                RECONCILE_SECONDS.observe(time.monotonic() - started)
            self._look_again(key, delay, recipes)
        if outcome is not None and outcome.target is not None:
            for event in outcome.events:
                self._post_event(outcome.target, event)
        if key in self._waiting_for_recipe and self._recipe_changes != recipe_changes_before:
            # A recipe changed while this reconcile decided on the recipes it was given.
            await self.reconcile(key, None, self._latest_recipes)

    def next_look_in(self, key: JobKey) -> float | None:
        """Seconds until the job's next scheduled reconcile, if one is scheduled."""
        handle = self._next_looks.get(key)
        if handle is None:
            return None
        return max(handle.when() - asyncio.get_running_loop().time(), 0.0)

    def _retry_delay(self, key: JobKey, why: str) -> float:
        self._seen.pop(key, None)
        count = self._failures.get(key, 0)
        self._failures[key] = count + 1
        delay = RETRY_DELAYS[min(count, len(RETRY_DELAYS) - 1)]
        logger.warning("reconcile of %s/%s will be retried in %.0fs: %s", key[0], key[1], delay, why)
        return delay

    def _look_again(self, key: JobKey, delay: float | None, recipes: list[Recipe]) -> None:
        """One timer per job: the newest schedule replaces any earlier one. A reconcile that needs
        no further look keeps the one a child event was left to: that event arrived while the
        reconcile ran, after it had observed the attempt."""
        if delay is None and key in self._left_to_the_due_look and key in self._next_looks:
            return
        self._cancel_next_look(key)
        if delay is None:
            return
        loop = asyncio.get_running_loop()
        self._next_looks[key] = loop.call_later(
            delay, lambda: loop.create_task(self.reconcile(key, None, recipes))
        )

    def _cancel_next_look(self, key: JobKey) -> None:
        handle = self._next_looks.pop(key, None)
        if handle is not None:
            handle.cancel()

    def reconcile_now(self, key: JobKey, document: dict[str, Any] | None, recipes: list[Recipe]) -> Outcome:
        """Decide and act on the job, deciding again on fresh data when its status write conflicts."""
        for _ in range(CONFLICT_RETRIES):
            if document is None:
                document = self._read_job(key)
                if document is None:
                    return Outcome()  # deleted meanwhile
            try:
                return self._reconcile_once(key, document, recipes)
            except ApiException as err:
                if err.status != 409:
                    raise
                document = None  # someone (the trainer) wrote status meanwhile: decide again
        raise ApiException(status=409, reason=f"status of {key[0]}/{key[1]} kept changing; giving up for now")

    def _reconcile_once(self, key: JobKey, document: dict[str, Any], recipes: list[Recipe]) -> Outcome:
        now = self._clock()
        target = _event_target(document)
        try:
            job = FineTuneJob.model_validate(document)
        except ValidationError as err:
            return Outcome(self._write_unparseable(key, document, format_validation_error(err), now), target)
        if job.metadata.deletion_timestamp:
            return Outcome()
        plan = self._plan(job, recipes, now)
        if plan.status.phase.is_terminal:
            plan = _with_usage(plan, all_closed(plan.status.usage, now, self._config.prices))
        if not self._write_status(key, job, document, plan):
            # Decided on a copy older than what an earlier look recorded of the same action (the
            # watch had not yet brought that look's write): nothing new to say or write.
            return Outcome([], target, self._next_look(job, plan, now))
        for event in plan.events:
            if event.reason == REASON_STALLED:
                STALLS.labels(key[0], job.spec.health.stall.policy.value).inc()
        self._seen[key] = _fingerprint(_document_after(document, plan))
        self._phases.set(key, plan.status.phase.value)
        if waits_for_recipe(plan.status):
            self._waiting_for_recipe.add(key)
        else:
            self._waiting_for_recipe.discard(key)
        return Outcome(list(plan.events), target, self._next_look(job, plan, now))

    def _plan(self, job: FineTuneJob, recipes: list[Recipe], now: datetime) -> Plan:
        """Decide, and carry out the plan's action (at most one backend call that changes anything)."""
        try:
            check_rules(job)
            backend = self.backends.get(job.spec.backend)
        except SpecError as err:
            return rejected(job, None, err, now)
        attempt = job.status.current_attempt
        observation = None
        if attempt and not job.status.phase.is_terminal:
            observation = backend.observe(job, attempt, job.status.backend_ref)
        plan = decide(job, observation, now, self._health(job, now))
        if observation is not None:
            plan = _with_usage(plan, self._observed_usage(job, attempt, observation, now))
        if plan.status.phase == Phase.SUCCEEDED and publishing(plan.status):
            return self._publish(job, plan, now)
        action = plan.action
        try:
            if isinstance(action, Submit):
                request, recipe_status = build_attempt_request(
                    job,
                    recipes,
                    self._config,
                    action.attempt,
                    action.resume_from,
                    action.remaining_runtime_seconds,
                    self._read_config_maps(job),
                    self.recipes.invalid,
                )
                if action.replaces is not None:
                    # Stopped before the next attempt is created: never two live attempts. If the
                    # operator stops between the two calls, the next look finds the stopped one
                    # missing and submits (or adopts) the same next attempt.
                    backend.cancel(job, action.replaces, hung=True)
                ref = backend.submit(request)
                # Noted before the status write: the child's first event usually arrives while
                # that write is in flight, and it says nothing the operator does not know.
                self._expect_first_event(job, ref)
                plan = submitted(plan, ref, recipe_status, request.config.checkpointing.dir)
                resources = request.resources
                plan = _with_usage(
                    plan,
                    attempt_submitted(
                        plan.status.usage,
                        action.attempt,
                        resources.instance_type,
                        resources.nodes,
                        self._config.prices,
                    ),
                )
                if action.attempt > 1:
                    plan = recipe_checked(job, plan, recipe_changes(job, recipes), now)
                return plan
            if isinstance(action, SetSuspended) and observation is not None:
                backend.set_suspended(job, attempt, action.suspended)
            if isinstance(action, StopAttempt):
                # Before the status write: if the backend cannot be reached, the reconcile is
                # retried and the job stays live until its attempt was stopped.
                backend.cancel(job, action.attempt, hung=action.hung)
        except SpecError as err:
            return rejected(job, plan, err, now)
        except ApiException as err:
            if not refused_for_good(err):
                raise
            return rejected(job, plan, InvalidSpecError(server_refusal(err)), now)
        return plan

    def _publish(self, job: FineTuneJob, plan: Plan, now: datetime) -> Plan:
        """One look at the succeeded job's publishing: the publish step (publish_step.py) created or read,
        or one try of the backend's own publisher (SageMaker: backends/sagemaker/publish.py)."""
        decided = job.model_copy(update={"status": plan.status})
        try:
            outcome = self._publisher(job).outcome(decided)
        except SpecError as err:
            status, events = publish_refused(decided, plan.status, err, format_time(now))
            return replace(plan, status=status, events=(*plan.events, *events))
        status, events = advance(decided, plan.status, outcome, format_time(now))
        return replace(plan, status=status, events=(*plan.events, *events))

    def _publisher(self, job: FineTuneJob) -> Publisher:
        """The backend's own publisher, or the operator's publish Job."""
        return self.backends.get(job.spec.backend).publisher() or self._publish_step

    def _observed_usage(
        self, job: FineTuneJob, attempt: int, observation: Observation, now: datetime
    ) -> UsageStatus:
        progress = job.status.progress
        return attempt_observed(
            job.status.usage,
            attempt,
            observation.usage,
            over=observation.state in ATTEMPT_OVER,
            tokens_seen=progress.tokens_seen if progress is not None else None,
            prices=self._config.prices,
            now=now,
        )

    def _health(self, job: FineTuneJob, now: datetime) -> HealthVerdict | None:
        """What the job's step reports say of its health; None for backends whose trainer
        cannot report live (SageMaker: its reports arrive with the checkpoint sync, whose delay
        SageMaker does not bound)."""
        if not backend_class(job.spec.backend).reports_progress_live:
            return None
        key = (job.metadata.namespace or "", job.metadata.name)
        history = self._progress.get(key)
        settings = self._config.progress_health
        return HealthVerdict(
            stall=find_stall(job, history, settings, now),
            slowdown=find_slowdown(history, settings, now),
        )

    def _expect_first_event(self, job: FineTuneJob, ref: BackendRef) -> None:
        for child in BACKENDS[job.spec.backend].watches.children:
            if child.kind == ref.kind:
                first_event = {"metadata": {"uid": ref.uid}}
                self._seen_children[(child.kind, job.metadata.namespace or "", ref.name)] = child.fingerprint(
                    first_event
                )

    def _next_look(self, job: FineTuneJob, plan: Plan, now: datetime) -> float | None:
        """When to reconcile again without an event: the backend's poll, the runtime deadline
        (a backend's own deadline cannot be moved once an attempt runs), or a check of a new or
        blocked attempt."""
        if plan.status.phase == Phase.SUCCEEDED and publishing(plan.status):
            return self._publisher(job).look_again_in(plan.status)
        if plan.status.phase.is_terminal or not plan.status.current_attempt:
            return None
        poll = self.backends.get(job.spec.backend).observe_again_in(job, plan.status.current_attempt)
        deadline = runtime_check_in(job.model_copy(update={"status": plan.status}), now)
        check = attempt_check_in(plan)
        stall = None
        if backend_class(job.spec.backend).reports_progress_live:
            key = (job.metadata.namespace or "", job.metadata.name)
            stall = stall_check_in(
                job.model_copy(update={"status": plan.status}),
                self._progress.get(key),
                self._config.progress_health,
                now,
            )
        return min((d for d in (poll, deadline, check, stall) if d is not None), default=None)

    # --- the API server ----------------------------------------------------------------

    def _jobs(self) -> client.CustomObjectsApi:
        return client.CustomObjectsApi(self._api)

    def _read_job(self, key: JobKey) -> dict[str, Any] | None:
        try:
            return cast(
                dict[str, Any], self._jobs().get_namespaced_custom_object(GROUP, VERSION, *key_args(key))
            )
        except ApiException as err:
            if err.status == 404:
                return None
            raise

    def _read_config_maps(self, job: FineTuneJob) -> dict[str, dict[str, str]]:
        """The data of the ConfigMaps the job's reward and tool modules come from; a missing
        one is left out (the attempt is then refused, naming it). The ConfigMaps read go through
        the rule ``render`` applies to the ConfigMaps of its file."""
        core = client.CoreV1Api(self._api)
        namespace = job.metadata.namespace or ""
        found: list[Any] = []
        for name in config_map_names(job.spec):
            try:
                config_map = core.read_namespaced_config_map(name, namespace)
            except ApiException as err:
                if err.status == 404:
                    continue
                raise
            meta = config_map.metadata
            found.append(
                {
                    "kind": "ConfigMap",
                    "metadata": {"name": meta.name, "namespace": meta.namespace},
                    "data": config_map.data,
                }
            )
        return config_maps_of_namespace(found, namespace)

    def _write_status(self, key: JobKey, job: FineTuneJob, document: dict[str, Any], plan: Plan) -> bool:
        """The plan's status, as a patch guarded by the resourceVersion it was decided on; False
        when the fresh status already records what the plan did (nothing was written).

        A conflict (the trainer reported meanwhile) normally means: decide again on fresh data
        (`reconcile_now`). Not once the plan's action is done: what it did (an attempt stopped
        because it stalled, the next one submitted) is known only to this plan, and a decision
        on the fresh status would find the stopped attempt's child gone and record that instead.
        Its patch holds only the keys the plan changed, so it goes onto the fresh status as it
        is, and the trainer's newer keys stay. Unless the fresh status already names the plan's
        attempt and child: then an earlier look did the same and wrote it, this plan's action
        only adopted that child, and writing it again (and its Events) would say it twice.
        """
        patch = _status_patch(job, plan)
        if not patch:
            return True
        resource_version = document["metadata"]["resourceVersion"]
        for _ in range(CONFLICT_RETRIES):
            try:
                self._patch_status(job, resource_version, patch)
                break
            except ApiException as err:
                if err.status != 409 or plan.action is None:
                    raise
                fresh = self._read_job(key)
                if fresh is None:
                    return False  # deleted meanwhile
                if _records_the_same_attempt(fresh, plan):
                    return False
                resource_version = fresh["metadata"]["resourceVersion"]
        else:
            raise ApiException(
                status=409, reason=f"status of {key[0]}/{key[1]} kept changing; giving up for now"
            )
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
        return True

    def _patch_status(self, job: FineTuneJob, resource_version: str, patch: dict[str, Any]) -> None:
        body = {"metadata": {"resourceVersion": resource_version}, "status": patch}
        # The response is not needed (the watch brings the new object): skip parsing it.
        response = self._jobs().patch_namespaced_custom_object_status(
            GROUP,
            VERSION,
            job.metadata.namespace or "",
            PLURAL,
            job.metadata.name,
            body,
            _preload_content=False,
        )
        response.drain_conn()
        response.release_conn()

    def _write_unparseable(
        self, key: JobKey, document: dict[str, Any], message: str, now: datetime
    ) -> list[JobEvent]:
        """A stored object our models cannot read (e.g. an override of an unsupported type)."""
        status = document.get("status") or {}
        if status.get("phase") == "Failed":
            return []
        error = InvalidSpecError(message)
        stamp = format_time(now)
        generation = document["metadata"].get("generation")
        condition = Condition(
            type="Failed",
            status="True",
            reason=error.reason,
            message=message,
            last_transition_time=stamp,
            observed_generation=generation,
        )
        patch = {
            "metadata": {"resourceVersion": document["metadata"]["resourceVersion"]},
            "status": {
                "phase": "Failed",
                "reason": error.reason,
                "observedGeneration": generation,
                "completionTime": stamp,
                "conditions": [condition.model_dump(mode="json", exclude_none=True)],
            },
        }
        self._jobs().patch_namespaced_custom_object_status(GROUP, VERSION, *key_args(key), patch)
        return [JobEvent("Warning", error.reason, message)]

    def _release_finalizer(self, document: dict[str, Any]) -> bool:
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
            self._jobs().patch_namespaced_custom_object(
                GROUP, VERSION, *key_args((meta.get("namespace") or "", meta["name"])), body
            )
        except ApiException as err:
            if err.status in (404, 409):
                return False  # gone already, or changed meanwhile: the next event decides again
            raise
        return True

    # --- deletion ----------------------------------------------------------------------

    def stop_backend(self, document: dict[str, Any]) -> DeletionWait | None:
        """Stop the current attempt of a job being deleted; None once nothing of it runs.

        Cloud attempts outlive Kubernetes objects. When the backend cannot be reached, the
        delete waits with a DeletionBlocked condition saying why and how an administrator
        can release it; retries back off, and become rare once the backend's retry limit
        is exhausted. ``finetune.dev/deletion-policy: retain`` and an administrator's
        ``finetune.dev/release-finalizer: "true"`` leave the attempt running.
        """
        job = FineTuneJob.model_validate(document)
        ref = job.status.backend_ref
        attempt = job.status.current_attempt
        if ref is None or not attempt:
            return None
        annotations = job.metadata.annotations
        if (
            annotations.get(DELETION_POLICY_ANNOTATION) == "retain"
            or annotations.get(RELEASE_FINALIZER_ANNOTATION) == "true"
        ):
            return None  # the attempt is left running, as asked
        backend = self.backends.get(job.spec.backend)
        try:
            stopped = backend.cancel(job, attempt)
        except BackendUnreachableError as err:
            conditions = deletion_blocked(job, err.reason, str(err), self._clock())
            delay = DELETION_EXHAUSTED_DELAY if err.exhausted else _deletion_retry_delay(err.failures)
            dumped = [c.model_dump(mode="json", exclude_none=True) for c in conditions]
            return DeletionWait(str(err), delay, dumped)
        if stopped:
            return None
        # Look again when the backend's own poll is due (its configured interval).
        delay = backend.observe_again_in(job, attempt) or STOP_POLL_DELAY
        return DeletionWait(f"waiting for {ref.kind} {ref.name} to stop", delay)


def needs_finalizer(spec: Mapping[str, Any]) -> bool:
    """Whether a job with this (raw) spec keeps the finalizer until its attempt is stopped."""
    default = FineTuneJobSpec.model_fields["backend"].default
    try:
        return backend_class(BackendName(spec.get("backend", default))).needs_finalizer
    except (ValueError, SpecError):
        return False


def _owner_of(child: ChildKind) -> BackendName:
    """The backend that declared ``child`` among its watches."""
    return next(name for name, registration in BACKENDS.items() if child in registration.watches.children)


def key_args(key: JobKey) -> tuple[str, str, str]:
    """(namespace, plural, name): the FineTuneJob arguments of CustomObjectsApi calls."""
    return key[0], PLURAL, key[1]


def _deletion_retry_delay(failures: int) -> float:
    return DELETION_RETRY_DELAYS[min(max(failures, 1), len(DELETION_RETRY_DELAYS)) - 1]


def _release_requested(document: dict[str, Any]) -> bool:
    meta = document.get("metadata") or {}
    return bool(
        meta.get("deletionTimestamp")
        and (meta.get("annotations") or {}).get(RELEASE_FINALIZER_ANNOTATION) == "true"
        and FINALIZER in (meta.get("finalizers") or [])
    )


ATTEMPT_OVER = (AttemptState.SUCCEEDED, AttemptState.FAILED, AttemptState.MISSING)
"""Observed states in which an attempt's machines no longer run it (its usage is final)."""


def _with_usage(plan: Plan, usage: UsageStatus | None) -> Plan:
    return replace(plan, status=plan.status.model_copy(update={"usage": usage}))


def _records_the_same_attempt(fresh: dict[str, Any], plan: Plan) -> bool:
    """Whether a job's fresh status already records what the plan did: its attempt and child, and
    for an action on a running attempt (stop, suspend) also its phase. A submission is recorded
    once the attempt and child are: a later look may have moved the phase on since (Running), and
    writing the submission again would move it back."""
    status = fresh.get("status") or {}
    ref = plan.status.backend_ref
    same_child = (
        ref is not None
        and status.get("currentAttempt") == plan.status.current_attempt
        and (status.get("backendRef") or {}).get("name") == ref.name
    )
    if isinstance(plan.action, Submit):
        return same_child
    return same_child and status.get("phase") == plan.status.phase.value


def _status_patch(job: FineTuneJob, plan: Plan) -> dict[str, Any]:
    """The JSON merge patch (RFC 7386) from the job's status to the plan's: only what changed.

    The trainer-owned keys are compared too: they differ only where the plan set them (a
    backend that finds checkpoints itself, an ETA dropped when the job stops running), and the
    write is resourceVersion-guarded, so a report the trainer made meanwhile is never
    overwritten.
    """
    old = job.status.model_dump(mode="json", exclude_none=True)
    new = plan.status.model_dump(mode="json", exclude_none=True)
    return merge_patch(old, new)


def merge_patch(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The merge patch that turns ``old`` into ``new``: a key gone from a nested object must be
    sent as null, or the API server keeps it (a merge patch merges objects, replaces lists)."""
    patch: dict[str, Any] = {}
    for key in old.keys() | new.keys():
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            patch[key] = merge_patch(before, after)
        else:
            patch[key] = after
    return patch


def _fingerprint(document: dict[str, Any]) -> str:
    """What a job event can change that matters to us: generation, spec, our part of status, the
    trainer's rollbacks and a request to stop (an annotation: no new generation)."""
    status = {k: v for k, v in (document.get("status") or {}).items() if k not in TRAINER_OWNED_STATUS}
    # A rollback the trainer reports is copied to status.health at once (statemachine).
    rollbacks = ((document.get("status") or {}).get("progress") or {}).get("rollbacks")
    meta = document.get("metadata") or {}
    stop = (meta.get("annotations") or {}).get(STOP_ANNOTATION)
    return json.dumps(
        [
            meta.get("generation"),
            meta.get("deletionTimestamp"),
            document.get("spec"),
            status,
            rollbacks,
            stop,
        ],
        sort_keys=True,
        default=str,
    )


def _document_after(document: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """The job as our status write leaves it; the trainer's part stays as the trainer wrote it."""
    status = plan.status.model_dump(mode="json", exclude_none=True, exclude=TRAINER_OWNED_STATUS)
    trainers = {k: v for k, v in (document.get("status") or {}).items() if k in TRAINER_OWNED_STATUS}
    return {**document, "status": {**status, **trainers}}


def refused_for_good(err: ApiException) -> bool:
    """Whether the API server refused a write in a way that retrying cannot change: a 4xx
    other than 409 (a conflict, decided again on fresh data) and 429 (too many requests).
    Such a refusal (e.g. 422 for a label value the spec put on the child) fails the job
    instead of being retried forever."""
    return err.status is not None and 400 <= err.status < 500 and err.status not in (409, 429)


def server_refusal(err: ApiException) -> str:
    """The API server's own words for a refused write, for the job's Failed condition."""
    try:
        message = str(json.loads(err.body or "")["message"])
    except (ValueError, KeyError, TypeError):
        message = str(err.body or err.reason)
    return f"the API server refused the attempt's objects ({err.status} {err.reason}): {message}"


def _event_target(document: dict[str, Any]) -> dict[str, Any]:
    meta = document["metadata"]
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneJob",
        "metadata": {"name": meta["name"], "namespace": meta.get("namespace"), "uid": meta.get("uid")},
    }


def plain(body: Any) -> dict[str, Any]:
    """A plain-dict deep copy of a kopf Body (which is a read-only view)."""
    return copy.deepcopy(dict(body))
