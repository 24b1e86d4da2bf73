"""The sweep loop's shell: read a sweep and its trials, decide (``plan.decide_sweep``), carry out
the plan, write the status.

Level-triggered like the job loop: every FineTuneSweep event and every event of one of its trials
(label ``finetune.dev/sweep``; a trial's progress report is one) leads to one look at the sweep,
serialised per sweep. Trials are listed from the API server at every look (not from a cache), so
a trial created just before a restart is found and adopted. Trials are created before the status
that records them is written, and created if absent (409 AlreadyExists: it was created before);
the status write carries the resourceVersion decided on, and a conflict decides again.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, cast

from kubernetes import client
from kubernetes.client.exceptions import ApiException
from pydantic import ValidationError

from finetune_operator.api.job import PLURAL as JOB_PLURAL
from finetune_operator.api.sweep import SWEEP_KIND, SWEEP_PLURAL, FineTuneSweep
from finetune_operator.attempt import STOP_ANNOTATION, JobEvent
from finetune_operator.metrics import API_ERRORS
from finetune_operator.naming import GROUP, VERSION
from finetune_operator.recipes import format_validation_error
from finetune_operator.reconciler import merge_patch
from finetune_operator.statemachine import format_time
from finetune_operator.sweep.plan import SweepPlan, decide_sweep
from finetune_operator.sweep.trials import LABEL_SWEEP, view_trial

logger = logging.getLogger("finetune_operator")

SweepKey = tuple[str, str]
EventSink = Callable[[dict[str, Any], JobEvent], None]
CONFLICT_RETRIES = 5
RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
WORKERS = 2


class SweepController:
    """Owns every FineTuneSweep's loop in this operator process."""

    def __init__(
        self, api_client: client.ApiClient, clock: Callable[[], datetime], post_event: EventSink
    ) -> None:
        self._api = api_client
        self._clock = clock
        self._post_event = post_event
        self._executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="sweep")
        self._locks: dict[SweepKey, asyncio.Lock] = {}
        self._seen: dict[SweepKey, str] = {}
        """Each sweep's spec and status as last written: their echo is skipped."""
        self._failures: dict[SweepKey, int] = {}
        self._retries: dict[SweepKey, asyncio.TimerHandle] = {}
        self._waiting: set[SweepKey] = set()
        """Sweeps with a look queued behind the one in progress: further events join it."""

    async def sweep_event(self, event_type: str, document: dict[str, Any]) -> None:
        meta = document["metadata"]
        key = (meta.get("namespace") or "", meta["name"])
        if event_type == "DELETED":
            self._locks.pop(key, None)
            self._seen.pop(key, None)
            self._failures.pop(key, None)
            self._cancel_retry(key)
            return
        if self._seen.get(key) == _fingerprint(document):
            return  # our own status write, echoed back
        await self.reconcile(key, document)

    async def trial_event(self, event_type: str, document: dict[str, Any]) -> None:
        """A trial changed (its progress included): look at its sweep."""
        meta = document.get("metadata") or {}
        sweep = (meta.get("labels") or {}).get(LABEL_SWEEP)
        if sweep and meta.get("namespace"):
            await self.reconcile((meta["namespace"], sweep), None)

    async def reconcile(self, key: SweepKey, document: dict[str, Any] | None) -> None:
        """One look at the sweep. Events coalesce: every trial's step report is an event, and while
        one look runs, all events that arrive meanwhile are served by one more look, which reads
        everything fresh (a queue of stale looks would delay early stopping by its length)."""
        if key in self._waiting:
            return
        loop = asyncio.get_running_loop()
        events: list[JobEvent] = []
        target: dict[str, Any] | None = None
        lock = self._locks.setdefault(key, asyncio.Lock())
        if lock.locked():
            self._waiting.add(key)
            document = None
        async with lock:
            self._waiting.discard(key)
            try:
                target, events = await loop.run_in_executor(self._executor, self.reconcile_now, key, document)
            except ApiException as err:
                API_ERRORS.labels(str(err.status)).inc()
                self._retry_later(key, f"API error {err.status}: {err.reason}")
            except Exception as err:  # never let one sweep wedge the operator
                logger.exception("reconcile of sweep %s/%s failed", *key)
                self._retry_later(key, f"{type(err).__name__}: {err}")
            else:
                self._failures.pop(key, None)
        if target is not None:
            for event in events:
                self._post_event(target, event)

    def _retry_later(self, key: SweepKey, why: str) -> None:
        self._seen.pop(key, None)
        count = self._failures.get(key, 0)
        self._failures[key] = count + 1
        delay = RETRY_DELAYS[min(count, len(RETRY_DELAYS) - 1)]
        logger.warning("reconcile of sweep %s/%s will be retried in %.0fs: %s", key[0], key[1], delay, why)
        self._cancel_retry(key)
        loop = asyncio.get_running_loop()
        self._retries[key] = loop.call_later(delay, lambda: loop.create_task(self.reconcile(key, None)))

    def _cancel_retry(self, key: SweepKey) -> None:
        handle = self._retries.pop(key, None)
        if handle is not None:
            handle.cancel()

    def reconcile_now(
        self, key: SweepKey, document: dict[str, Any] | None
    ) -> tuple[dict[str, Any] | None, list[JobEvent]]:
        """Decide and act on the sweep, deciding again on fresh data when its status write conflicts.
        Returns the sweep's Event target and the Events to post."""
        for _ in range(CONFLICT_RETRIES):
            if document is None:
                document = self._read_sweep(key)
                if document is None:
                    return None, []
            try:
                return _event_target(document), self._reconcile_once(key, document)
            except ApiException as err:
                if err.status != 409:
                    raise
                document = None
        raise ApiException(status=409, reason=f"status of sweep {key[0]}/{key[1]} kept changing")

    def _reconcile_once(self, key: SweepKey, document: dict[str, Any]) -> list[JobEvent]:
        now = self._clock()
        try:
            sweep = FineTuneSweep.model_validate(document)
        except ValidationError as err:
            return self._write_unparseable(key, document, format_validation_error(err), now)
        if sweep.metadata.deletion_timestamp:
            return []
        views = [
            view
            for trial in self._list_trials(key)
            if (view := view_trial(sweep, sweep.spec.objective.metric, trial, now)) is not None
        ]
        plan = decide_sweep(sweep, views, now)
        self._carry_out(sweep, plan)
        self._write_status(key, sweep, document, plan)
        return list(plan.events)

    def _carry_out(self, sweep: FineTuneSweep, plan: SweepPlan) -> None:
        """Create, stop and suspend trials, before the status that records it is written."""
        namespace = sweep.metadata.namespace or ""
        jobs = self._custom()
        for manifest in plan.creates:
            try:
                jobs.create_namespaced_custom_object(GROUP, VERSION, namespace, JOB_PLURAL, manifest)
            except ApiException as err:
                if err.status != 409:
                    raise  # 409: created before this look (a restart); the next look reads it back
        for stop in plan.stops:
            body = {"metadata": {"annotations": {STOP_ANNOTATION: stop.message}}}
            self._patch_trial(namespace, stop.name, body)
        for name, suspend in plan.suspends:
            self._patch_trial(namespace, name, {"spec": {"suspend": suspend}})

    def _patch_trial(self, namespace: str, name: str, body: dict[str, Any]) -> None:
        try:
            self._custom().patch_namespaced_custom_object(GROUP, VERSION, namespace, JOB_PLURAL, name, body)
        except ApiException as err:
            # 404: deleted meanwhile; 422: finished meanwhile (a finished job's suspend is fixed).
            if err.status not in (404, 422):
                raise

    # --- the API server ----------------------------------------------------------------

    def _custom(self) -> client.CustomObjectsApi:
        return client.CustomObjectsApi(self._api)

    def _read_sweep(self, key: SweepKey) -> dict[str, Any] | None:
        try:
            return cast(
                dict[str, Any],
                self._custom().get_namespaced_custom_object(GROUP, VERSION, key[0], SWEEP_PLURAL, key[1]),
            )
        except ApiException as err:
            if err.status == 404:
                return None
            raise

    def _list_trials(self, key: SweepKey) -> list[dict[str, Any]]:
        listed = self._custom().list_namespaced_custom_object(
            GROUP, VERSION, key[0], JOB_PLURAL, label_selector=f"{LABEL_SWEEP}={key[1]}"
        )
        return cast(list[dict[str, Any]], listed.get("items") or [])

    def _write_status(
        self, key: SweepKey, sweep: FineTuneSweep, document: dict[str, Any], plan: SweepPlan
    ) -> None:
        old = sweep.status.model_dump(mode="json", exclude_none=True)
        new = plan.status.model_dump(mode="json", exclude_none=True)
        patch = merge_patch(old, new)
        if patch:
            body = {"metadata": {"resourceVersion": document["metadata"]["resourceVersion"]}, "status": patch}
            self._custom().patch_namespaced_custom_object_status(
                GROUP, VERSION, key[0], SWEEP_PLURAL, key[1], body
            )
        self._seen[key] = _fingerprint({**document, "status": new})

    def _write_unparseable(
        self, key: SweepKey, document: dict[str, Any], message: str, now: datetime
    ) -> list[JobEvent]:
        status = document.get("status") or {}
        if status.get("phase") == "Failed":
            return []
        stamp = format_time(now)
        generation = document["metadata"].get("generation")
        condition = {
            "type": "Failed",
            "status": "True",
            "reason": "InvalidSpec",
            "message": message,
            "lastTransitionTime": stamp,
            "observedGeneration": generation,
        }
        body = {
            "metadata": {"resourceVersion": document["metadata"]["resourceVersion"]},
            "status": {
                "phase": "Failed",
                "reason": "InvalidSpec",
                "observedGeneration": generation,
                "completionTime": stamp,
                "conditions": [condition],
            },
        }
        self._custom().patch_namespaced_custom_object_status(
            GROUP, VERSION, key[0], SWEEP_PLURAL, key[1], body
        )
        return [JobEvent("Warning", "InvalidSpec", message)]


def _fingerprint(document: dict[str, Any]) -> str:
    meta = document.get("metadata") or {}
    return json.dumps(
        [meta.get("generation"), meta.get("deletionTimestamp"), document.get("spec"), document.get("status")],
        sort_keys=True,
        default=str,
    )


def _event_target(document: dict[str, Any]) -> dict[str, Any]:
    meta = document["metadata"]
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": SWEEP_KIND,
        "metadata": {"name": meta["name"], "namespace": meta.get("namespace"), "uid": meta.get("uid")},
    }
