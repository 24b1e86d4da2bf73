"""The SageMaker training-job backend: the imperative shell around the pure parts.

``submit`` is idempotent through the deterministic job name: it looks the job up first
and treats ``ResourceInUse`` as "already submitted", so a retry or an operator restart
between CreateTrainingJob and the status write adopts the job instead of failing or
creating a second one. ``observe`` rate-limits DescribeTrainingJob per job (steady
interval, faster right after a transition, with jitter) on top of botocore's adaptive
retries, and reports SageMaker's summary (``Observation.summary``), the secondary-status
transitions the job's status has not recorded yet (``events``), the latest complete
checkpoint in S3 (``checkpoint``), the trainer's newest progress record in S3
(``progress``), and whether a failed attempt may be resumed
(``resumable``). ``observe_again_in`` tells the operator when to look again, since a
training job produces no Kubernetes watch events. ``cancel`` stops an InProgress job and
follows it through Stopping (on delete, and when the job's runtime is spent; the deletion
annotations are the reconciler's to honour); it never deletes anything in S3.

Credentials come only from the standard boto3 chain (IRSA or EKS Pod Identity in a
cluster); nothing here reads, logs or stores keys.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar

import boto3
import yaml
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from kubernetes import client

from finetune_contract.constants import run_progress_file
from finetune_operator.api.job import (
    BackendRef,
    CheckpointRef,
    FineTuneJob,
    Progress,
    SageMakerProgress,
    SageMakerStatus,
)
from finetune_operator.api.recipe import BackendName
from finetune_operator.attempt import (
    RELEASE_FINALIZER_ANNOTATION,
    AttemptRequest,
    AttemptState,
    JobEvent,
    Observation,
)
from finetune_operator.backends.base import Backend
from finetune_operator.backends.sagemaker.naming import training_job_name
from finetune_operator.backends.sagemaker.preflight import (
    check_code_sources,
    check_data_sources,
    parse_s3_uri,
)
from finetune_operator.backends.sagemaker.progress import PROGRESS_TAIL_BYTES, progress_from_records
from finetune_operator.backends.sagemaker.publish import S3Publisher
from finetune_operator.backends.sagemaker.request import (
    YAML_CONTENT_TYPE,
    TrainingJobPlan,
    Upload,
    build_create_training_job_request,
    job_locations,
    namespace_prefixes,
)
from finetune_operator.backends.sagemaker.s3access import may_use
from finetune_operator.backends.sagemaker.settings import SageMakerSettings
from finetune_operator.backends.sagemaker.status import AttemptEnd, map_training_job_status
from finetune_operator.backends.sagemaker.validation import validate_request
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import BackendUnreachableError, InvalidSpecError, SpecError
from finetune_operator.usage import ObservedUsage

TRAINING_JOB_KIND = "TrainingJob"
TRAINING_JOB_API_VERSION = "sagemaker.amazonaws.com/v1"
_MAX_BACKOFF_SECONDS = 600.0
_MIN_RECHECK_SECONDS = 0.5
_NOT_RESUMABLE = (AttemptEnd.OUT_OF_TIME, AttemptEnd.STOPPED, AttemptEnd.DELETED)
"""Ends a new attempt must not undo: the runtime budget is spent, or someone (a person in
the console, or SageMaker's own delete) ended the job on purpose."""
_STEP_DIR = re.compile(r"step-(\d+)/$")
_EXIT_CODE = re.compile(r"exit(?:ed with)?\s*(?:code|status)\W{0,3}(\d+)", re.IGNORECASE)
_NOT_FOUND_MESSAGE = re.compile(r"could not find|does not exist|not found", re.IGNORECASE)


class DataPreflightError(SpecError):
    """The declared training data is missing or unreadable: no job was created."""

    reason = "DataSourceMissing"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason  # type: ignore[misc]  # per-instance reason (missing vs. malformed data)


class AwsAccessDeniedError(SpecError):
    """The operator's or the job's AWS identity lacks a permission; retrying will not help."""

    reason = "AccessDenied"


class SageMakerUnreachableError(BackendUnreachableError):
    """AWS could not be reached (or refused) StopTrainingJob while deleting a FineTuneJob.

    ``exhausted`` turns true after ``unreachable_retry_limit`` consecutive failures; the
    message names the release annotation.
    """

    reason = "AwsUnreachable"


@dataclass
class _PollState:
    """What the backend remembers about one training job between DescribeTrainingJob calls.

    The raw answer, not an Observation: which transitions are new depends on the status
    the caller brings (``status.sagemaker.transitionsSeen``), so the observation is rebuilt
    for every caller and an Event is never posted twice, not even after a restart.
    """

    described: dict[str, Any]
    checkpoint: CheckpointRef | None
    progress: Progress | None
    next_poll_at: float
    failures: int = 0

    @property
    def status_key(self) -> tuple[str, str]:
        return (self.described["TrainingJobStatus"], self.described.get("SecondaryStatus") or "")


@dataclass
class _CancelState:
    failures: int = 0


@dataclass(frozen=True)
class _Clock:
    monotonic: Callable[[], float] = time.monotonic
    jitter: Callable[[], float] = random.random


@dataclass
class _State:
    polls: dict[str, _PollState] = field(default_factory=dict)
    cancels: dict[str, _CancelState] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class SageMakerBackend(Backend):
    """FineTuneJob attempts as SageMaker training jobs."""

    name: ClassVar[BackendName] = BackendName.SAGEMAKER
    needs_finalizer: ClassVar[bool] = True

    def __init__(
        self, config: OperatorConfig, api_client: client.ApiClient | None = None, clock: _Clock | None = None
    ) -> None:
        """``api_client`` is unused: a SageMaker attempt creates no Kubernetes objects."""
        super().__init__(config, api_client)
        self._settings = config.settings_of(BackendName.SAGEMAKER, SageMakerSettings)
        self._clock = clock or _Clock()
        self._state = _State()

    # --- AWS clients ------------------------------------------------------------------------

    @cached_property
    def _session(self) -> boto3.session.Session:
        return boto3.session.Session(region_name=self._settings.region)

    @cached_property
    def _client_config(self) -> Config:
        return Config(
            retries={"mode": "adaptive", "max_attempts": self._settings.max_api_attempts},
            connect_timeout=10,
            read_timeout=60,
        )

    @cached_property
    def sagemaker(self) -> Any:
        return self._session.client(
            "sagemaker", endpoint_url=self._settings.endpoint_url, config=self._client_config
        )

    @cached_property
    def s3(self) -> Any:
        return self._session.client(
            "s3", endpoint_url=self._settings.endpoint_url, config=self._client_config
        )

    # --- pure parts -------------------------------------------------------------------------

    @classmethod
    def check_spec(cls, job: FineTuneJob) -> None:
        spec = job.spec
        resources = spec.resources
        if resources is not None and any(
            value is not None
            for value in (resources.processes_per_node, resources.neuron_devices, resources.efa_devices)
        ):
            raise InvalidSpecError(
                "spec.resources.processesPerNode, neuronDevices and efaDevices apply only to backend hyperpod"
            )
        if "storage" in spec.model_fields_set and job.status.backend_ref is None:
            # Not for a job submitted before the CRD refused this: failing it now would leave its
            # training job running unwatched (the field never changed what it does).
            raise InvalidSpecError(
                "spec.storage applies only to backend hyperpod: a SageMaker training job does not mount the "
                "cluster's storage; it reads and writes S3 (spec.sagemaker.outputS3Uri and checkpointS3Uri)"
            )
        if "stall" in spec.health.model_fields_set:
            raise InvalidSpecError(
                "spec.health.stall applies only to backend hyperpod: a SageMaker trainer cannot report "
                "its steps live, so the operator cannot tell a hang from a slow upload; "
                "spec.maxRuntimeSeconds bounds a hung SageMaker job"
            )
        if spec.scheduling.queue_name or spec.scheduling.priority_class:
            raise InvalidSpecError(
                "spec.scheduling.queueName and priorityClass apply only to backend hyperpod: Kueue (HyperPod "
                "task governance) queues the cluster's PyTorchJobs; SageMaker training jobs are not queued "
                "by it"
            )
        if spec.suspend:
            raise InvalidSpecError(
                "spec.suspend is not supported by backend sagemaker: a SageMaker training job cannot be "
                "paused; delete the FineTuneJob to stop it (checkpoints stay in S3)"
            )

    def plan(self, request: AttemptRequest) -> TrainingJobPlan:
        """The request and uploads for ``request``, fully validated against the service model."""
        plan = build_create_training_job_request(request, self._settings)
        violations = validate_request("sagemaker", "CreateTrainingJob", plan.request)
        if violations:
            listed = "; ".join(str(violation) for violation in violations)
            raise InvalidSpecError(f"SageMaker would reject the CreateTrainingJob request: {listed}")
        return plan

    def render(self, request: AttemptRequest) -> list[dict[str, Any]]:
        """The CreateTrainingJob request, then each document uploaded to S3 before it (a YAML
        document as itself, the job's code as its location and text)."""
        plan = self.plan(request)
        return [plan.request, *(_rendered_upload(upload) for upload in plan.uploads)]

    # --- submit -----------------------------------------------------------------------------

    def submit(self, request: AttemptRequest) -> BackendRef:
        plan = self.plan(request)
        existing = self._describe(plan.name)
        if existing is not None:
            return self._ref(existing)
        problems = check_data_sources(
            self.s3,
            plan.data_uris,
            request.config.data.format,
            sample_lines=self._settings.data_sample_lines,
            sample_files=self._settings.data_sample_files,
        ) + check_code_sources(self.s3, plan.code_uris)
        if problems:
            raise DataPreflightError(
                problems[0].reason,
                "Training data or code check failed, no SageMaker job was created: "
                + "; ".join(map(str, problems)),
            )
        for upload in plan.uploads:
            bucket, key = parse_s3_uri(upload.uri)
            self._call(
                self.s3.put_object,
                Bucket=bucket,
                Key=key,
                Body=upload.body.encode(),
                ContentType=upload.content_type,
            )
        try:
            self._call(self.sagemaker.create_training_job, **plan.request)
        except ClientError as error:
            if _error_code(error) != "ResourceInUse":
                raise
            # Created by an earlier call whose answer was lost: the name is ours, adopt it.
        described = self._describe(plan.name)
        if described is None:
            raise RuntimeError(
                f"training job {plan.name} was created but DescribeTrainingJob cannot find it yet"
            )
        return self._ref(described)

    def _ref(self, described: dict[str, Any]) -> BackendRef:
        return BackendRef(
            api_version=TRAINING_JOB_API_VERSION,
            kind=TRAINING_JOB_KIND,
            name=described["TrainingJobName"],
            arn=described["TrainingJobArn"],
        )

    @staticmethod
    def _job_name(job: FineTuneJob, attempt: int) -> str:
        """The SageMaker name of ``attempt``: a pure function of (job, attempt)."""
        return training_job_name(job.metadata.name, job.metadata.uid or "", attempt)

    def _describe(self, name: str) -> dict[str, Any] | None:
        """DescribeTrainingJob, or None when no job of that name exists."""
        try:
            response: dict[str, Any] = self.sagemaker.describe_training_job(TrainingJobName=name)
        except ClientError as error:
            if _error_code(error) in (
                "ValidationException",
                "ResourceNotFound",
            ) and _NOT_FOUND_MESSAGE.search(_error_message(error)):
                return None
            raise
        return response

    def _call(self, method: Callable[..., Any], **kwargs: Any) -> Any:
        """An AWS call whose refusals for lack of permission become a clear spec error."""
        try:
            return method(**kwargs)
        except ClientError as error:
            code = _error_code(error)
            if code in ("AccessDenied", "AccessDeniedException"):
                raise AwsAccessDeniedError(
                    f"AWS refused {error.operation_name}: {_error_message(error)}"
                ) from None
            if code == "ValidationException" and error.operation_name == "CreateTrainingJob":
                raise InvalidSpecError(
                    f"SageMaker rejected the training job: {_error_message(error)}"
                ) from None
            raise

    # --- observe ----------------------------------------------------------------------------

    def observe(self, job: FineTuneJob, attempt: int, ref: BackendRef | None) -> Observation:
        name = self._job_name(job, attempt)
        now = self._clock.monotonic()
        with self._state.lock:
            known = self._state.polls.get(name)
        if known is not None and now < known.next_poll_at:
            return _observation(job, known.described, known.checkpoint, known.progress)
        try:
            described = self._describe(name)
        except (ClientError, BotoCoreError):
            if known is None:
                raise
            # AWS is throttling or unreachable beyond the adaptive retries: keep the last
            # answer and back off, so many jobs do not pile up on a struggling endpoint.
            known.failures += 1
            backoff = min(self._settings.poll_interval_seconds * 2**known.failures, _MAX_BACKOFF_SECONDS)
            known.next_poll_at = now + self._interval(backoff)
            return _observation(job, known.described, known.checkpoint, known.progress)
        if described is None:
            with self._state.lock:
                self._state.polls.pop(name, None)
            return Observation(
                state=AttemptState.MISSING,
                reason="TrainingJobNotFound",
                message=f"SageMaker has no training job named {name}",
            )
        checkpoint = self._latest_checkpoint(job)
        progress = self._latest_progress(job, attempt)
        self._remember(name, described, checkpoint, progress, known, now)
        return _observation(job, described, checkpoint, progress)

    def _remember(
        self,
        name: str,
        described: dict[str, Any],
        checkpoint: CheckpointRef | None,
        progress: Progress | None,
        known: _PollState | None,
        now: float,
    ) -> None:
        """Keep a DescribeTrainingJob answer and schedule the next one: soon after a change."""
        polled = _PollState(described=described, checkpoint=checkpoint, progress=progress, next_poll_at=0.0)
        changed = known is None or known.status_key != polled.status_key
        interval = (
            self._settings.fast_poll_interval_seconds if changed else self._settings.poll_interval_seconds
        )
        polled.next_poll_at = now + self._interval(interval)
        with self._state.lock:
            self._state.polls[name] = polled

    def observe_again_in(self, job: FineTuneJob, attempt: int) -> float | None:
        """When the next DescribeTrainingJob of this attempt is due (the poll schedule above)."""
        with self._state.lock:
            known = self._state.polls.get(self._job_name(job, attempt))
        if known is None:
            return self._settings.fast_poll_interval_seconds
        return max(known.next_poll_at - self._clock.monotonic(), _MIN_RECHECK_SECONDS)

    def _interval(self, seconds: float) -> float:
        """``seconds`` with +-20 % jitter, so jobs submitted together do not poll together."""
        return seconds * (0.8 + 0.4 * self._clock.jitter())

    def _latest_checkpoint(self, job: FineTuneJob) -> CheckpointRef | None:
        """The newest complete checkpoint under the job's S3 checkpoint prefix.

        SageMaker uploads ``/opt/ml/checkpoints`` continuously; a ``step-N/`` prefix counts
        only once its ``COMPLETE`` marker is there (docs/trainer-contract.md, section 2).
        """
        locations = job_locations(job, self._settings)
        if not self._may_read(job, locations.checkpoints):
            return None
        bucket, prefix = parse_s3_uri(locations.checkpoints)
        steps: list[tuple[int, str]] = []
        kwargs: dict[str, Any] = {"Bucket": bucket, "Prefix": prefix, "Delimiter": "/"}
        while True:
            page = self.s3.list_objects_v2(**kwargs)
            for common in page.get("CommonPrefixes", []):
                match = _STEP_DIR.search(common["Prefix"])
                if match:
                    steps.append((int(match.group(1)), common["Prefix"]))
            if not page.get("IsTruncated"):
                break
            kwargs["ContinuationToken"] = page["NextContinuationToken"]
        for step, step_prefix in sorted(steps, reverse=True):
            try:
                marker = self.s3.head_object(Bucket=bucket, Key=step_prefix + "COMPLETE")
            except ClientError as error:
                if _error_code(error) in ("404", "NoSuchKey", "NotFound"):
                    continue
                raise
            return CheckpointRef(
                path=f"s3://{bucket}/{step_prefix.rstrip('/')}",
                step=step,
                time=_iso(marker.get("LastModified")),
            )
        return None

    def _latest_progress(self, job: FineTuneJob, attempt: int) -> Progress | None:
        """The newest step record of ``attempt`` in the trainer's progress file in S3.

        The trainer appends to ``runs/<job uid>/progress.jsonl`` in ``/opt/ml/checkpoints``,
        which SageMaker syncs to the checkpoint prefix as it changes; only the file's tail is
        read (a ranged GET), as it grows with every logged step. The uid keeps an earlier job of
        the same name (sharing a ``checkpointS3Uri``) from being read as this one. None until
        the file exists (Nova images write none; their ``ProgressInfo`` is in
        ``status.sagemaker``).
        """
        checkpoints = job_locations(job, self._settings).checkpoints
        if not self._may_read(job, checkpoints):
            return None
        bucket, prefix = parse_s3_uri(checkpoints)
        try:
            tail = self.s3.get_object(
                Bucket=bucket,
                Key=prefix + run_progress_file(job.metadata.uid or ""),
                Range=f"bytes=-{PROGRESS_TAIL_BYTES}",
            )
        except ClientError as error:
            if _error_code(error) in ("404", "NoSuchKey", "NotFound", "InvalidRange"):
                return None  # not written yet, or still empty
            raise
        # "bytes 0-99/100" when the whole file came back; a later first byte cut a line.
        whole = str(tail.get("ContentRange") or "bytes 0-").startswith("bytes 0-")
        text = tail["Body"].read().decode("utf-8", errors="replace")
        return progress_from_records(text, attempt, starts_mid_line=not whole)

    def _may_read(self, job: FineTuneJob, uri: str) -> bool:
        """Whether the operator may read ``uri`` for ``job``. ``submit`` refused every job whose
        locations lie outside its namespace's prefixes; this keeps an attempt submitted before
        the platform team narrowed them from being read with the operator's identity."""
        return may_use(uri, namespace_prefixes(job, self._settings))

    # --- publish ----------------------------------------------------------------------------

    @cached_property
    def _publisher(self) -> S3Publisher:
        return S3Publisher(
            self.s3, lambda job: namespace_prefixes(job, self._settings), self._config.publish.backoff_limit
        )

    def publisher(self) -> S3Publisher:
        """The job's output is in S3 already: the operator tags it (copying server-side only what
        lies outside the target prefix) and writes the manifest (publish.py), with its own AWS
        identity; no publish Job runs."""
        return self._publisher

    def set_suspended(self, job: FineTuneJob, attempt: int, suspended: bool) -> None:
        raise InvalidSpecError(
            "spec.suspend: a SageMaker training job cannot be paused; delete the FineTuneJob to stop it "
            "(checkpoints stay in S3) and create it again to resume"
        )

    # --- cancel -----------------------------------------------------------------------------

    def cancel(self, job: FineTuneJob, attempt: int, hung: bool = False) -> bool:
        """StopTrainingJob; its grace period (120 s) is SageMaker's, ``hung`` or not."""
        name = self._job_name(job, attempt)
        with self._state.lock:
            state = self._state.cancels.setdefault(name, _CancelState())
        try:
            done = self._stop(name)
        except (ClientError, BotoCoreError) as error:
            if isinstance(error, ClientError) and _error_code(error) in (
                "AccessDenied",
                "AccessDeniedException",
            ):
                detail = f"AWS refused StopTrainingJob: {_error_message(error)}"
            else:
                detail = f"cannot reach SageMaker: {error}"
            state.failures += 1
            limit = self._settings.unreachable_retry_limit
            exhausted = state.failures >= limit
            raise SageMakerUnreachableError(
                f"Stopping training job {name} failed {state.failures} time(s) ({detail}). "
                + (f"Gave up retrying quickly after {limit} failures. " if exhausted else "Retrying. ")
                + f"To delete anyway and leave the job to AWS, annotate the FineTuneJob "
                f"{RELEASE_FINALIZER_ANNOTATION}=true.",
                failures=state.failures,
                exhausted=exhausted,
            ) from None
        state.failures = 0
        if done:
            with self._state.lock:
                self._state.cancels.pop(name, None)
                self._state.polls.pop(name, None)
        return done

    def _stop(self, name: str) -> bool:
        described = self._describe(name)
        if described is None:
            return True
        # Following Stopping -> Stopped uses the observe schedule (observe_again_in).
        with self._state.lock:
            known = self._state.polls.get(name)
        checkpoint = known.checkpoint if known is not None else None
        progress = known.progress if known is not None else None
        self._remember(name, described, checkpoint, progress, known, self._clock.monotonic())
        status = described["TrainingJobStatus"]
        if status == "InProgress":
            try:
                self.sagemaker.stop_training_job(TrainingJobName=name)
            except ClientError as error:
                # Already stopping or finished between describe and stop: follow it.
                if _error_code(error) != "ValidationException":
                    raise
            return False
        return status != "Stopping"


def _rendered_upload(upload: Upload) -> dict[str, Any]:
    if upload.content_type == YAML_CONTENT_TYPE:
        loaded: dict[str, Any] = yaml.safe_load(upload.body)
        return loaded
    return {"s3Uri": upload.uri, "contentType": upload.content_type, "content": upload.body}


def _observation(
    job: FineTuneJob, described: dict[str, Any], checkpoint: CheckpointRef | None, progress: Progress | None
) -> Observation:
    """Our view of one DescribeTrainingJob answer, for a caller holding ``job``'s status (pure).

    Only secondary transitions the job's status has not recorded become Events; the new
    count goes to ``status.sagemaker.transitionsSeen`` with the rest of the summary.
    """
    status = described["TrainingJobStatus"]
    mapped = map_training_job_status(status, described.get("SecondaryStatus"))
    transitions = described.get("SecondaryStatusTransitions") or []
    recorded = job.status.sagemaker
    seen = (
        recorded.transitions_seen
        if recorded is not None and recorded.training_job_name == described["TrainingJobName"]
        else 0
    )
    # A transition's message is rewritten while it lasts; the newest one is the story.
    message = described.get("FailureReason") or (
        transitions[-1].get("StatusMessage", "") if transitions else ""
    )
    output_path = (described.get("ModelArtifacts") or {}).get("S3ModelArtifacts")
    return Observation(
        state=mapped.state,
        reason=mapped.reason,
        message=message,
        exit_code=_exit_code(described.get("FailureReason")) if mapped.end is AttemptEnd.FAILED else None,
        output_path=output_path if mapped.end is AttemptEnd.SUCCEEDED else None,
        resumable=mapped.end not in _NOT_RESUMABLE,
        events=tuple(_transition_event(transition) for transition in transitions[seen:]),
        checkpoint=checkpoint,
        progress=progress,
        summary=training_job_summary(described),
        usage=training_job_usage(described),
    )


def training_job_usage(described: dict[str, Any]) -> ObservedUsage:
    """The training job's machines as SageMaker bills them: TrainingStartTime to TrainingEndTime on
    ResourceConfig's instances, BillableTimeInSeconds of each, and the managed spot savings."""
    resources = described.get("ResourceConfig") or {}
    summary = training_job_summary(described)
    return ObservedUsage(
        started_at=described.get("TrainingStartTime"),
        ended_at=described.get("TrainingEndTime"),
        instance_type=resources.get("InstanceType"),
        instance_count=resources.get("InstanceCount"),
        billable_seconds=summary.billable_time_in_seconds,
        spot_savings_percent=summary.spot_savings_percent,
    )


def training_job_summary(described: dict[str, Any]) -> SageMakerStatus:
    """What status shows of a DescribeTrainingJob answer."""
    training = described.get("TrainingTimeInSeconds")
    billable = described.get("BillableTimeInSeconds")
    spot_savings = None
    if described.get("EnableManagedSpotTraining") and training and billable is not None:
        spot_savings = round(100 * (1 - billable / training), 1)
    progress = described.get("ProgressInfo")
    return SageMakerStatus(
        training_job_name=described["TrainingJobName"],
        training_job_arn=described.get("TrainingJobArn"),
        training_job_status=described["TrainingJobStatus"],
        secondary_status=described.get("SecondaryStatus"),
        failure_reason=described.get("FailureReason") or None,
        model_artifacts=(described.get("ModelArtifacts") or {}).get("S3ModelArtifacts") or None,
        training_time_in_seconds=training,
        billable_time_in_seconds=billable,
        spot_savings_percent=spot_savings,
        progress_info=SageMakerProgress.model_validate(
            {key[0].lower() + key[1:]: value for key, value in progress.items()}
        )
        if progress
        else None,
        final_metrics={
            metric["MetricName"]: metric["Value"] for metric in described.get("FinalMetricDataList") or []
        },
        transitions_seen=len(described.get("SecondaryStatusTransitions") or []),
    )


def _transition_event(transition: dict[str, Any]) -> JobEvent:
    status = transition["Status"]
    message = transition.get("StatusMessage") or status
    warning = status in ("Failed", "Interrupted", "MaxRuntimeExceeded", "MaxWaitTimeExceeded", "Stopped")
    return JobEvent("Warning" if warning else "Normal", f"SageMaker{status}", message)


def _exit_code(failure_reason: str | None) -> int | None:
    """The trainer's exit code when SageMaker's FailureReason quotes it."""
    if not failure_reason:
        return None
    match = _EXIT_CODE.search(failure_reason)
    return int(match.group(1)) if match else None


def _iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _error_message(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Message", ""))
