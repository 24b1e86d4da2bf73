"""HyperPod backend: runs each attempt as a Kubeflow PyTorchJob on the EKS cluster.

Imperative shell around ``render`` and ``observe``: create-or-adopt with deterministic
names, so a restarted operator never duplicates an attempt. Attempts carry owner
references, so deleting the FineTuneJob deletes them (and never the FSx data). The
namespace's trainer identity is created on its first job and remembered, so that a job
costs one write here: its PyTorchJob.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from typing import Any, ClassVar, cast

from kubernetes import client
from kubernetes.client.exceptions import ApiException

from finetune_operator.api.job import NOVA_MODEL_NAMES, BackendRef, FineTuneJob
from finetune_operator.api.recipe import BackendName
from finetune_operator.attempt import AttemptRequest, AttemptState, Observation, attempt_name
from finetune_operator.backends.base import Backend
from finetune_operator.backends.hyperpod.observe import (
    PodBlocker,
    claim_blocking,
    observe_pytorchjob,
    observed_usage,
    pod_blocker,
    pods_blocking,
)
from finetune_operator.backends.hyperpod.queueing import (
    JOB_UID_LABEL,
    WORKLOAD_GROUP,
    WORKLOAD_PLURAL,
    WORKLOAD_VERSION,
    current_workload,
    queue_view,
)
from finetune_operator.backends.hyperpod.render import render_attempt, render_trainer_identity
from finetune_operator.backends.hyperpod.watches import (
    POD_KIND,
    PYTORCHJOB_API_VERSION,
    PYTORCHJOB_KIND,
    PYTORCHJOB_PLURAL,
)
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError, OwnershipConflictError
from finetune_operator.kube import new_api_client
from finetune_operator.naming import LABEL_MANAGED_BY, MANAGED_BY
from finetune_operator.resolution import storage_dirs

PYTORCHJOB_GROUP, PYTORCHJOB_VERSION = PYTORCHJOB_API_VERSION.split("/")
TRAINING_OPERATOR_JOB_LABEL = "training.kubeflow.org/job-name"
HUNG_POD_GRACE_SECONDS = 5
"""Grace period of a stalled attempt's pods (not render's 120 s): a frozen trainer cannot write
its SIGTERM checkpoint, and its pods would hold the nodes the next attempt needs."""


class HyperPodBackend(Backend):
    name: ClassVar[BackendName] = BackendName.HYPERPOD
    reports_progress_live: ClassVar[bool] = True

    def __init__(self, config: OperatorConfig, api_client: client.ApiClient | None = None) -> None:
        super().__init__(config, api_client)
        self._lock = threading.Lock()
        self._identity_namespaces: set[str] = set()
        """Namespaces whose trainer identity this process has created or found."""
        self._pod_blockers: dict[tuple[str, str], dict[str, PodBlocker]] = {}
        """What keeps pods from running, by (namespace, PyTorchJob) and pod name, from the pod
        watch (``child_seen``): only blocked pods are kept, and observing reads no pod."""

    @property
    def api(self) -> client.ApiClient:
        """Created on first use so that ``render`` works without a kubeconfig."""
        with self._lock:
            if self._api_client is None:
                self._api_client = new_api_client(self._config.max_workers)
            return self._api_client

    @classmethod
    def check_spec(cls, job: FineTuneJob) -> None:
        spec = job.spec
        if spec.sagemaker is not None:
            raise InvalidSpecError("spec.sagemaker applies only to backend sagemaker")
        if spec.model.name in NOVA_MODEL_NAMES:
            raise InvalidSpecError(
                "Amazon Nova models (nova-micro, nova-lite, nova-pro) train only on backend sagemaker"
            )

    def render(self, request: AttemptRequest) -> list[dict[str, Any]]:
        return render_attempt(request, self._config.trainer_cluster_role)

    def submit(self, request: AttemptRequest) -> BackendRef:
        *identity, pytorchjob = render_attempt(request, self._config.trainer_cluster_role)
        self._ensure_trainer_identity(pytorchjob["metadata"]["namespace"], identity)
        meta = self._create_or_adopt(pytorchjob, request.job.metadata.uid)["metadata"]
        return BackendRef(
            api_version=PYTORCHJOB_API_VERSION, kind=PYTORCHJOB_KIND, name=meta["name"], uid=meta.get("uid")
        )

    def restore_shared(self, namespace: str) -> None:
        """Someone deleted part of a namespace's trainer identity: create what is missing now,
        so that pods of running and future attempts can still start and report."""
        with self._lock:
            self._identity_namespaces.discard(namespace)
        self._ensure_trainer_identity(
            namespace, render_trainer_identity(namespace, self._config.trainer_cluster_role)
        )

    def _ensure_trainer_identity(self, namespace: str, manifests: list[dict[str, Any]]) -> None:
        with self._lock:
            if namespace in self._identity_namespaces:
                return
        for manifest in manifests:
            self._create_or_adopt(manifest, owner_uid=None)
        with self._lock:
            self._identity_namespaces.add(namespace)

    def child_seen(self, kind: str, event_type: str, document: dict[str, Any]) -> None:
        if kind != POD_KIND:
            return
        meta = document.get("metadata") or {}
        pytorchjob = (meta.get("labels") or {}).get(TRAINING_OPERATOR_JOB_LABEL)
        if not pytorchjob:
            return
        key = (meta.get("namespace") or "", pytorchjob)
        pod = str(meta.get("name") or "")
        blocker = None if event_type == "DELETED" else pod_blocker(document)
        with self._lock:
            blocked = self._pod_blockers.get(key, {})
            if blocker is None:
                blocked.pop(pod, None)
            else:
                blocked[pod] = blocker
            if blocked:
                self._pod_blockers[key] = blocked
            else:
                self._pod_blockers.pop(key, None)

    def observe(self, job: FineTuneJob, attempt: int, ref: BackendRef | None) -> Observation:
        namespace = job.metadata.namespace or ""
        name = attempt_name(job.metadata.name, attempt)
        try:
            pytorchjob = self._as_dict(
                client.CustomObjectsApi(self.api).get_namespaced_custom_object(
                    PYTORCHJOB_GROUP, PYTORCHJOB_VERSION, namespace, PYTORCHJOB_PLURAL, name
                )
            )
        except ApiException as err:
            if err.status == 404:
                return Observation(
                    state=AttemptState.MISSING,
                    reason="PyTorchJobNotFound",
                    message=f"PyTorchJob {name} no longer exists",
                )
            raise
        recorded_uid = ref.uid if ref is not None and ref.name == name else None
        if recorded_uid and pytorchjob["metadata"].get("uid") != recorded_uid:
            return Observation(
                state=AttemptState.MISSING,
                reason="PyTorchJobReplaced",
                message=f"PyTorchJob {name} was deleted and re-created by someone else",
            )
        pods: list[dict[str, Any]] = []
        if _has_true_condition(pytorchjob, "Failed"):
            pods = self._pods_of(namespace, name)
        observation = observe_pytorchjob(
            pytorchjob, pods, output_path=storage_dirs(job, self._config.storage).output_dir
        )
        over = observation.state in (AttemptState.SUCCEEDED, AttemptState.FAILED)
        if over or (observation.state == AttemptState.RUNNING and not _start_recorded(job, attempt)):
            # The pods' times, read twice per attempt: once running (its start) and once over.
            pods = pods or self._pods_of(namespace, name)
            observation = dataclasses.replace(observation, usage=observed_usage(pytorchjob, pods, over))
        queue_name = job.spec.scheduling.queue_name
        if queue_name and observation.state not in (AttemptState.SUCCEEDED, AttemptState.FAILED):
            workload = self._workload_of(namespace, pytorchjob["metadata"].get("uid") or "")
            observation = dataclasses.replace(observation, queue=queue_view(queue_name, workload))
        if observation.suspended or observation.state not in (AttemptState.PENDING, AttemptState.RUNNING):
            return observation
        blocking = None
        if observation.state == AttemptState.PENDING:
            blocking = self._claim_blocking(job, namespace, name)
        if blocking is not None:
            reason, message = blocking
            return dataclasses.replace(observation, reason=reason, message=message, blocked=True)
        with self._lock:
            blocking = pods_blocking(dict(self._pod_blockers.get((namespace, name), {})))
        if blocking is not None:
            reason, message = blocking
            return dataclasses.replace(
                observation, reason=reason, message=message, blocked=True, blocker_watched=True
            )
        return observation

    def _claim_blocking(self, job: FineTuneJob, namespace: str, name: str) -> tuple[str, str] | None:
        """Whether the job's storage claim keeps the pending attempt ``name`` from starting."""
        claim = job.spec.storage.claim_name
        try:
            pvc: dict[str, Any] | None = self._as_dict(
                client.CoreV1Api(self.api).read_namespaced_persistent_volume_claim(claim, namespace)
            )
        except ApiException as err:
            if err.status != 404:
                raise
            pvc = None
        bound = pvc is not None and (pvc.get("status") or {}).get("phase") == "Bound"
        pods = [] if pvc is None or bound else self._pods_of(namespace, name)
        return claim_blocking(claim, namespace, pvc, pods)

    def _workload_of(self, namespace: str, pytorchjob_uid: str) -> dict[str, Any] | None:
        """The Kueue Workload of a queued PyTorchJob, or None while Kueue has made none."""
        found = self._as_dict(
            client.CustomObjectsApi(self.api).list_namespaced_custom_object(
                WORKLOAD_GROUP,
                WORKLOAD_VERSION,
                namespace,
                WORKLOAD_PLURAL,
                label_selector=f"{JOB_UID_LABEL}={pytorchjob_uid}",
            )
        )
        return current_workload(found.get("items") or [])

    def set_suspended(self, job: FineTuneJob, attempt: int, suspended: bool) -> None:
        """Under Kueue (a queue name), Kueue owns ``runPolicy.suspend``: it would continue a job
        the operator suspended as long as its Workload is admitted. There, spec.suspend
        deactivates the Workload (``spec.active``, Kueue's way to stop a job it admitted: it
        evicts it and suspends the job) and continuing activates it again (it queues anew)."""
        custom = client.CustomObjectsApi(self.api)
        namespace = job.metadata.namespace or ""
        name = attempt_name(job.metadata.name, attempt)
        if job.spec.scheduling.queue_name:
            pytorchjob = self._as_dict(
                custom.get_namespaced_custom_object(
                    PYTORCHJOB_GROUP, PYTORCHJOB_VERSION, namespace, PYTORCHJOB_PLURAL, name
                )
            )
            workload = self._workload_of(namespace, pytorchjob["metadata"].get("uid") or "")
            if workload is not None:
                custom.patch_namespaced_custom_object(
                    WORKLOAD_GROUP,
                    WORKLOAD_VERSION,
                    namespace,
                    WORKLOAD_PLURAL,
                    workload["metadata"]["name"],
                    {"spec": {"active": not suspended}},
                )
                return
        custom.patch_namespaced_custom_object(
            PYTORCHJOB_GROUP,
            PYTORCHJOB_VERSION,
            namespace,
            PYTORCHJOB_PLURAL,
            name,
            {"spec": {"runPolicy": {"suspend": suspended}}},
        )

    def cancel(self, job: FineTuneJob, attempt: int, hung: bool = False) -> bool:
        """Delete the attempt's PyTorchJob; its pods go with it (garbage collection), each
        with its grace period for the SIGTERM checkpoint. A hung attempt's pods are deleted
        with ``HUNG_POD_GRACE_SECONDS`` instead: before the PyTorchJob, so that the short grace
        is the first one the kubelet gets (on the bed, pods the garbage collector had deleted
        first kept their 120 s), and again after it, for any the training-operator created
        in between."""
        namespace = job.metadata.namespace or ""
        name = attempt_name(job.metadata.name, attempt)
        if hung:
            self._delete_pods_at_once(namespace, name)
        try:
            client.CustomObjectsApi(self.api).delete_namespaced_custom_object(
                PYTORCHJOB_GROUP,
                PYTORCHJOB_VERSION,
                namespace,
                PYTORCHJOB_PLURAL,
                name,
                propagation_policy="Background",
            )
        except ApiException as err:
            if err.status != 404:
                raise
        if hung:
            self._delete_pods_at_once(namespace, name)
        return True

    def _delete_pods_at_once(self, namespace: str, pytorchjob_name: str) -> None:
        core = client.CoreV1Api(self.api)
        for pod in self._pods_of(namespace, pytorchjob_name):
            if (pod["metadata"].get("deletionGracePeriodSeconds") or HUNG_POD_GRACE_SECONDS + 1) <= (
                HUNG_POD_GRACE_SECONDS
            ):
                continue  # already going, as fast
            try:
                core.delete_namespaced_pod(
                    pod["metadata"]["name"], namespace, grace_period_seconds=HUNG_POD_GRACE_SECONDS
                )
            except ApiException as err:
                if err.status != 404:
                    raise

    # --- helpers ------------------------------------------------------------------------

    def _pods_of(self, namespace: str, pytorchjob_name: str) -> list[dict[str, Any]]:
        pods = client.CoreV1Api(self.api).list_namespaced_pod(
            namespace, label_selector=f"{TRAINING_OPERATOR_JOB_LABEL}={pytorchjob_name}"
        )
        result: list[dict[str, Any]] = self.api.sanitize_for_serialization(pods).get("items", [])
        return result

    def _create_or_adopt(self, manifest: dict[str, Any], owner_uid: str | None) -> dict[str, Any]:
        """Create ``manifest``; if it exists and we own it, return the existing object.

        ``owner_uid`` None is for objects shared by the namespace's jobs: those are ours when
        they carry our managed-by label.
        """
        kind = manifest["kind"]
        namespace = manifest["metadata"]["namespace"]
        name = manifest["metadata"]["name"]
        create, read = self._verbs(kind, namespace, name)
        try:
            # Raw response: skips building the client's model objects, which costs more CPU
            # than the HTTP round trip when many jobs are submitted at once.
            response = create(manifest)
            return cast(dict[str, Any], json.loads(response.data))
        except ApiException as err:
            if err.status != 409:
                raise
        existing = self._as_dict(read())
        meta = existing.get("metadata") or {}
        if owner_uid is None:
            if (meta.get("labels") or {}).get(LABEL_MANAGED_BY) != MANAGED_BY:
                raise OwnershipConflictError(
                    f"{kind} {namespace}/{name} already exists and is not managed by {MANAGED_BY}; "
                    f"the operator needs that name for the trainers' identity: delete or rename it"
                )
        elif not any(o.get("uid") == owner_uid for o in meta.get("ownerReferences") or []):
            raise OwnershipConflictError(
                f"{kind} {namespace}/{name} already exists and is not owned by this FineTuneJob; "
                "delete it or rename the job"
            )
        return existing

    def _verbs(self, kind: str, namespace: str, name: str) -> tuple[Any, Any]:
        core = client.CoreV1Api(self.api)
        rbac = client.RbacAuthorizationV1Api(self.api)
        custom = client.CustomObjectsApi(self.api)
        table: dict[str, tuple[Any, Any]] = {
            "ServiceAccount": (
                lambda body: core.create_namespaced_service_account(namespace, body, _preload_content=False),
                lambda: core.read_namespaced_service_account(name, namespace),
            ),
            "RoleBinding": (
                lambda body: rbac.create_namespaced_role_binding(namespace, body, _preload_content=False),
                lambda: rbac.read_namespaced_role_binding(name, namespace),
            ),
            PYTORCHJOB_KIND: (
                lambda body: custom.create_namespaced_custom_object(
                    PYTORCHJOB_GROUP,
                    PYTORCHJOB_VERSION,
                    namespace,
                    PYTORCHJOB_PLURAL,
                    body,
                    _preload_content=False,
                ),
                lambda: custom.get_namespaced_custom_object(
                    PYTORCHJOB_GROUP, PYTORCHJOB_VERSION, namespace, PYTORCHJOB_PLURAL, name
                ),
            ),
        }
        return table[kind]

    def _as_dict(self, obj: Any) -> dict[str, Any]:
        if isinstance(obj, dict):
            return obj
        result: dict[str, Any] = self.api.sanitize_for_serialization(obj)
        return result


def _start_recorded(job: FineTuneJob, attempt: int) -> bool:
    """Whether the job's status already holds when ``attempt``'s pods started."""
    usage = job.status.usage
    return usage is not None and any(
        entry.attempt == attempt and entry.start_time for entry in usage.attempts
    )


def _has_true_condition(obj: dict[str, Any], condition_type: str) -> bool:
    conditions = (obj.get("status") or {}).get("conditions") or []
    return any(c.get("type") == condition_type and c.get("status") == "True" for c in conditions)
