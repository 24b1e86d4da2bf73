"""The publish step: after training succeeded and the gate passed (``publishing.py``), a Kubernetes
Job ``<job>-publish`` in the job's namespace runs ``python -m finetune_trainer.publish`` in the
platform's CPU trainer image, with the run's output mounted read-only from the job's claim and the
namespace's publish credentials (operator config ``publish.credentials``: a mounted docker config
for a registry, AWS keys as environment for S3, or a ServiceAccount). Why a Job of its own and not
the trainer's last phase: the credentials are the namespace's, not the trainer's, and a failed push
is retried (the Job's backoff) without training again; the output is never written by it.

The job stays Succeeded throughout; condition ``Published`` says where publishing is: False
``Publishing`` while the step runs or retries, True ``Published`` with ``status.output.reference``
and ``digest`` (read from the step's termination message), False ``PublishFailed`` when its retries
are spent (the output stays; re-create the job, or publish it by hand).

Rendering and reading the Job are pure (``render_publish_job``, ``publish_outcome``); ``PublishStep``
makes the API calls.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
from typing import Any, Protocol

from kubernetes import client
from kubernetes.client.exceptions import ApiException

from finetune_operator.api.evaluation import EvaluationStatus, PublishStatus
from finetune_operator.api.job import API_GROUP, API_VERSION, KIND, Condition, FineTuneJob, FineTuneJobStatus
from finetune_operator.attempt import JobEvent
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import OwnershipConflictError, SpecError
from finetune_operator.instances import AcceleratorFamily
from finetune_operator.naming import job_labels
from finetune_operator.pod_security import CONTAINER_SECURITY_CONTEXT, pod_security_context
from finetune_operator.publishing import CONDITION_PUBLISHED, PUBLISHING, OciTarget, parse_target

PUBLISH_LOOK_SECONDS = 10.0
"""How often a publishing job is looked at (the operator does not watch the step's Job)."""
DOCKER_CONFIG_DIR = "/etc/finetune/publish"
EXIT_REFUSED = 2
"""The publish program's exit code for a failure no retry gets past (finetune_trainer.publish)."""


def publish_job_name(job_name: str) -> str:
    return f"{job_name}-publish"


def publishing(status: FineTuneJobStatus) -> bool:
    """Whether the job's publish step is due or running (``Published`` False, reason Publishing)."""
    return any(c.type == CONDITION_PUBLISHED and c.reason == PUBLISHING for c in status.conditions)


def published_directory(job: FineTuneJob, output_path: str) -> str:
    """What is published of the run's output: the adapter of a LoRA method, else the full model
    (docs/trainer.md, "Outputs")."""
    return posixpath.join(output_path, "adapter" if job.spec.method.traits.lora else "model")


def artifact_annotations(job: FineTuneJob, evaluation: EvaluationStatus | None) -> dict[str, str]:
    """What the artifact records of its origin (docs/operations.md, "Publishing", lists them)."""
    meta = job.metadata
    found = {
        "org.opencontainers.image.title": f"{meta.namespace}/{meta.name}",
        "org.opencontainers.image.created": job.status.completion_time or "",
        "dev.finetune.job": f"{meta.namespace}/{meta.name}",
        "dev.finetune.uid": meta.uid or "",
        "dev.finetune.method": job.spec.method.value,
        "dev.finetune.base-model": job.spec.model.name or job.spec.model.uri or "",
        "dev.finetune.recipe-hash": job.status.recipe.hash if job.status.recipe else "",
    }
    if evaluation is not None:
        found["dev.finetune.evaluation"] = json.dumps(evaluation.metrics, sort_keys=True)
    return {key: value for key, value in found.items() if value}


def render_publish_job(job: FineTuneJob, config: OperatorConfig) -> dict[str, Any]:
    """The publish step's Job (pure)."""
    assert job.spec.publish is not None and job.status.output is not None
    meta = job.metadata
    namespace = meta.namespace or ""
    settings = config.publish
    credentials = settings.credentials_for(namespace)
    target = parse_target(job.spec.publish.target)
    storage = config.storage.for_job(namespace, meta.name, None)
    output = job.status.output.path
    source = published_directory(job, output)
    args = [
        "python",
        "-m",
        "finetune_trainer.publish",
        "--source",
        source,
        "--target",
        job.spec.publish.target,
        *[
            f"--annotation={key}={value}"
            for key, value in sorted(artifact_annotations(job, job.status.evaluation).items())
        ],
    ]
    volumes: list[dict[str, Any]] = [
        {
            "name": "output",
            "persistentVolumeClaim": {"claimName": job.spec.storage.claim_name, "readOnly": True},
        }
    ]
    mounts: list[dict[str, Any]] = [
        {
            "name": "output",
            "mountPath": output,
            "subPath": posixpath.relpath(output, storage.mount_path),
            "readOnly": True,
        }
    ]
    env_from: list[dict[str, Any]] = []
    if isinstance(target, OciTarget):
        args += [f"--insecure-registry={r}" for r in settings.insecure_registries if r == target.registry]
        if credentials.secret:
            volumes.append(
                {
                    "name": "registry-credentials",
                    "secret": {
                        "secretName": credentials.secret,
                        "items": [{"key": ".dockerconfigjson", "path": "config.json"}],
                    },
                }
            )
            mounts.append({"name": "registry-credentials", "mountPath": DOCKER_CONFIG_DIR, "readOnly": True})
            args.append(f"--docker-config={DOCKER_CONFIG_DIR}/config.json")
    else:
        if settings.s3_endpoint_url:
            args.append(f"--s3-endpoint-url={settings.s3_endpoint_url}")
        if credentials.secret:
            env_from.append({"secretRef": {"name": credentials.secret}})
    container: dict[str, Any] = {
        "name": "publish",
        "image": config.trainer_images.get(AcceleratorFamily.CPU, config.trainer_image),
        "imagePullPolicy": "IfNotPresent",
        "command": args,
        "volumeMounts": mounts,
        "securityContext": {**CONTAINER_SECURITY_CONTEXT, "readOnlyRootFilesystem": True},
        "resources": {"requests": {"cpu": "100m", "memory": "256Mi"}, "limits": {"memory": "2Gi"}},
        "terminationMessagePolicy": "File",
    }
    if env_from:
        container["envFrom"] = env_from
    pod_spec: dict[str, Any] = {
        "restartPolicy": "Never",
        "containers": [container],
        "volumes": volumes,
        "securityContext": pod_security_context(storage.run_as),
        "automountServiceAccountToken": credentials.service_account is not None,
    }
    if credentials.service_account:
        pod_spec["serviceAccountName"] = credentials.service_account
    labels = job_labels(meta.name)
    return {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {
            "name": publish_job_name(meta.name),
            "namespace": namespace,
            "labels": labels,
            "ownerReferences": [
                {
                    "apiVersion": f"{API_GROUP}/{API_VERSION}",
                    "kind": KIND,
                    "name": meta.name,
                    "uid": meta.uid or "",
                    "controller": True,
                    "blockOwnerDeletion": True,
                }
            ],
        },
        "spec": {
            "backoffLimit": settings.backoff_limit,
            # A refusal (exit 2: bad credentials, no output) is final; anything else is retried.
            "podFailurePolicy": {
                "rules": [
                    {
                        "action": "FailJob",
                        "onExitCodes": {
                            "containerName": "publish",
                            "operator": "In",
                            "values": [EXIT_REFUSED],
                        },
                    },
                    {"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget"}]},
                ]
            },
            "template": {"metadata": {"labels": labels}, "spec": pod_spec},
        },
    }


@dataclasses.dataclass(frozen=True)
class PublishOutcome:
    state: str
    """Running, Succeeded or Failed."""
    failures: int
    result: dict[str, Any]
    """The last pod's termination message: {reference, digest} or {error}."""


def _termination_message(pod: dict[str, Any]) -> dict[str, Any]:
    for status in (pod.get("status") or {}).get("containerStatuses") or []:
        terminated = (status.get("state") or {}).get("terminated") or {}
        try:
            message = json.loads(terminated.get("message") or "{}")
        except ValueError:
            continue
        if isinstance(message, dict):
            return message
    return {}


def publish_outcome(publish_job: dict[str, Any], pods: list[dict[str, Any]]) -> PublishOutcome:
    """What the publish Job and its pods say (pure)."""
    status = publish_job.get("status") or {}
    failures = int(status.get("failed") or 0)
    ordered = sorted(pods, key=lambda p: (p.get("metadata") or {}).get("creationTimestamp") or "")
    succeeded = [p for p in ordered if (p.get("status") or {}).get("phase") == "Succeeded"]
    failed = [p for p in ordered if (p.get("status") or {}).get("phase") == "Failed"]
    if int(status.get("succeeded") or 0) > 0:
        # Its pod normally stays (the Job has no TTL); if someone deleted it, the push still happened.
        return PublishOutcome("Succeeded", failures, _termination_message(succeeded[-1]) if succeeded else {})
    job_failed = any(
        c.get("type") == "Failed" and c.get("status") == "True" for c in status.get("conditions") or []
    )
    last = _termination_message(failed[-1]) if failed else {}
    return PublishOutcome("Failed" if job_failed else "Running", failures, last)


def _with_condition(
    status: FineTuneJobStatus, true: bool, reason: str, message: str, now: str, generation: int | None
) -> None:
    value = "True" if true else "False"
    for i, existing in enumerate(status.conditions):
        if existing.type == CONDITION_PUBLISHED:
            changed = existing.status != value
            status.conditions[i] = Condition(
                type=CONDITION_PUBLISHED,
                status=value,
                reason=reason,
                message=message,
                last_transition_time=now if changed else existing.last_transition_time,
                observed_generation=generation,
            )
            return
    status.conditions.append(
        Condition(
            type=CONDITION_PUBLISHED,
            status=value,
            reason=reason,
            message=message,
            last_transition_time=now,
            observed_generation=generation,
        )
    )


def advance(
    job: FineTuneJob, status: FineTuneJobStatus, outcome: PublishOutcome | None, now: str
) -> tuple[FineTuneJobStatus, list[JobEvent]]:
    """The job's status and Events after its publish step's ``outcome`` (None: just created)."""
    assert job.spec.publish is not None
    target = job.spec.publish.target
    status = status.model_copy(deep=True)
    generation = job.metadata.generation
    previous = status.publish
    record = PublishStatus(target=target, attempts=1 if outcome is None else outcome.failures + 1)
    events: list[JobEvent] = []
    if outcome is None:
        events.append(JobEvent("Normal", "Publishing", f"publish step started for {target}"))
    elif outcome.state == "Succeeded":
        reference, digest = outcome.result.get("reference"), outcome.result.get("digest")
        record = record.model_copy(update={"reference": reference, "digest": digest, "time": now})
        if status.output is not None:
            status.output = status.output.model_copy(update={"reference": reference, "digest": digest})
        message = f"published to {target}: {reference}"
        _with_condition(status, True, "Published", message, now, generation)
        events.append(JobEvent("Normal", "Published", message))
    elif outcome.state == "Failed":
        error = outcome.result.get("error", "the publish step failed")
        message = (
            f"not published to {target} after {outcome.failures} tries: {error}; the output is unchanged"
        )
        _with_condition(status, False, "PublishFailed", message, now, generation)
        events.append(JobEvent("Warning", "PublishFailed", message))
    elif outcome.failures and (previous is None or outcome.failures + 1 > previous.attempts):
        error = outcome.result.get("error", "")
        retrying = f"publish try {outcome.failures} failed ({error}); retrying"
        events.append(JobEvent("Warning", "PublishRetrying", retrying))
    status.publish = record
    return status, events


def publish_refused(
    job: FineTuneJob, status: FineTuneJobStatus, err: SpecError, now: str
) -> tuple[FineTuneJobStatus, list[JobEvent]]:
    """The step cannot be created (its name is someone else's Job): not published, and why."""
    status = status.model_copy(deep=True)
    _with_condition(status, False, err.reason, str(err), now, job.metadata.generation)
    return status, [JobEvent("Warning", err.reason, str(err))]


class Publisher(Protocol):
    """What publishes a succeeded job's output: the publish Job below (``PublishStep``), or a
    backend's own (``Backend.publisher``: SageMaker's output is in S3 already)."""

    def outcome(self, job: FineTuneJob) -> PublishOutcome | None:
        """How publishing stands; None when it was just started."""

    def look_again_in(self, status: FineTuneJobStatus) -> float:
        """Seconds until the publishing job is looked at again."""


class PublishStep:
    """The publish step's API calls: create (or adopt) the Job, read it and its pods."""

    def __init__(self, config: OperatorConfig, api: client.ApiClient) -> None:
        self._config = config
        self._api = api

    def look_again_in(self, status: FineTuneJobStatus) -> float:
        return PUBLISH_LOOK_SECONDS  # the step's Job is not watched

    def outcome(self, job: FineTuneJob) -> PublishOutcome | None:
        """The step's outcome; None when its Job was created by this call."""
        namespace, name = job.metadata.namespace or "", publish_job_name(job.metadata.name)
        batch = client.BatchV1Api(self._api)
        try:
            existing = self._api.sanitize_for_serialization(batch.read_namespaced_job(name, namespace))
        except ApiException as err:
            if err.status != 404:
                raise
            try:
                batch.create_namespaced_job(namespace, render_publish_job(job, self._config))
                return None
            except ApiException as created:
                if created.status != 409:
                    raise
                existing = self._api.sanitize_for_serialization(batch.read_namespaced_job(name, namespace))
        owners = (existing.get("metadata") or {}).get("ownerReferences") or []
        if not any(owner.get("uid") == job.metadata.uid for owner in owners):
            raise OwnershipConflictError(
                f"Job {namespace}/{name} already exists and is not owned by this FineTuneJob; delete it or "
                "rename the job"
            )
        pods = client.CoreV1Api(self._api).list_namespaced_pod(namespace, label_selector=f"job-name={name}")
        items: list[dict[str, Any]] = self._api.sanitize_for_serialization(pods).get("items", [])
        return publish_outcome(existing, items)
