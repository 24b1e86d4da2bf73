"""SageMakerBackend against moto in server mode (in-process, localhost only).

moto is made realistic by tests/sagemaker_fixtures.py: jobs start InProgress, a
duplicate name is ResourceInUse, StopTrainingJob exists, throttling can be injected.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from tests.fake_kube import FakeKube
from tests.sagemaker_fixtures import (
    GPU_TYPE,
    RECORD,
    REWARD_MODULE,
    ROLE_ARN,
    MotoSageMaker,
    attempt_request,
    grpo_lora_spot_job,
    make_job,
    open_model_recipe,
    sagemaker_settings,
)

from finetune_operator.api.job import FineTuneJob, SageMakerStatus
from finetune_operator.api.recipe import BackendName
from finetune_operator.attempt import (
    DELETION_POLICY_ANNOTATION,
    RELEASE_FINALIZER_ANNOTATION,
    AttemptRequest,
    AttemptState,
    JobEvent,
)
from finetune_operator.backends.registry import backend_class
from finetune_operator.backends.sagemaker.backend import (
    DataPreflightError,
    SageMakerBackend,
    SageMakerUnreachableError,
    _Clock,
)
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.reconciler import Reconciler
from finetune_operator.statemachine import RUNTIME_GRACE_SECONDS
from finetune_operator.usage import InstancePrice, PriceTable

pytest_plugins = ["tests.sagemaker_fixtures"]

TRAIN = "s3://ml-data/chat/train.jsonl"
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def backend_for(aws: MotoSageMaker, clock: FakeClock | None = None, **settings: Any) -> SageMakerBackend:
    config = OperatorConfig(sagemaker=sagemaker_settings(**{"endpoint_url": aws.endpoint_url, **settings}))
    return SageMakerBackend(config, clock=_Clock(monotonic=clock or FakeClock(), jitter=lambda: 0.5))


def lora_job(annotations: dict[str, str] | None = None, train: str = TRAIN) -> FineTuneJob:
    return make_job(
        {
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama/"},
            "method": "lora",
            "data": {"train": {"path": train}},
        },
        annotations=annotations,
    )


def request_for(job: FineTuneJob, attempt: int = 1, resume_from: str | None = None) -> AttemptRequest:
    return attempt_request(job, open_model_recipe("lora"), sagemaker_settings(), attempt, resume_from)


def test_submit_then_completed_with_artifacts(aws: MotoSageMaker) -> None:
    clock = FakeClock()
    backend = backend_for(aws, clock)
    job = lora_job()
    ref = backend.submit(request_for(job))
    assert ref.kind == "TrainingJob" and ref.arn and ref.name.endswith("-a1")
    config = (
        aws.client("s3")
        .get_object(
            Bucket="ml-artifacts", Key="finetune/team-a/llama-lora-83c4c819/attempts/a1/config/config.yaml"
        )["Body"]
        .read()
        .decode()
    )
    assert "path: /opt/ml/input/data/train/train.jsonl" in config

    first = backend.observe(job, 1, ref)
    assert (first.state, first.reason) == (AttemptState.PENDING, "Starting")

    aws.set_status(
        ref.name, "InProgress", "Training", "Training image download completed. Training in progress."
    )
    clock.now += 60
    running = backend.observe(job, 1, ref)
    assert (running.state, running.reason) == (AttemptState.RUNNING, "Training")
    assert [event.reason for event in running.events] == ["SageMakerStarting", "SageMakerTraining"]

    artifacts = f"s3://ml-artifacts/finetune/team-a/llama-lora-83c4c819/output/{ref.name}/output/model.tar.gz"
    aws.set_status(
        ref.name,
        "Completed",
        "Completed",
        model_artifacts={"S3ModelArtifacts": artifacts},
        training_time_in_seconds=3600,
        billable_time_in_seconds=3600,
        final_metric_data_list=[{"MetricName": "train:loss", "Value": 0.42}],
    )
    clock.now += 60
    done = backend.observe(job, 1, ref)
    assert done.state == AttemptState.SUCCEEDED
    assert done.output_path == artifacts
    summary = done.summary
    assert summary is not None and summary.model_artifacts == artifacts
    assert summary.billable_time_in_seconds == 3600
    assert summary.final_metrics == {"train:loss": 0.42}
    assert done.resumable
    assert aws.calls["create_training_job"] == 1


@pytest.mark.parametrize(
    ("failure_reason", "exit_code"),
    [
        ("AlgorithmError: training failed, exit code: 2. Check logs.", 2),
        # What the trainer writes to /opt/ml/output/failure when the loss diverged for good.
        ("AlgorithmError: training diverged at step 41: loss is nan (exit code 3)", 3),
    ],
)
def test_failed_job_reports_reason_and_exit_code(
    aws: MotoSageMaker, failure_reason: str, exit_code: int
) -> None:
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    aws.set_status(ref.name, "Failed", "Failed", failure_reason=failure_reason)
    observed = backend.observe(job, 1, ref)
    assert (observed.state, observed.reason, observed.exit_code) == (
        AttemptState.FAILED,
        "TrainingJobFailed",
        exit_code,
    )
    assert observed.message == failure_reason
    assert isinstance(observed.summary, SageMakerStatus)
    assert observed.summary.failure_reason.startswith("AlgorithmError")
    assert observed.resumable


def test_spot_interruption_is_running_with_a_reason_and_resumes(aws: MotoSageMaker) -> None:
    clock = FakeClock()
    backend = backend_for(aws, clock)
    job = make_job(
        {
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama/"},
            "method": "lora",
            "data": {"train": {"path": TRAIN}},
            "maxRuntimeSeconds": 3600,
            "sagemaker": {"roleArn": "arn:aws:iam::123456789012:role/finetune-a", "spot": {"enabled": True}},
        }
    )
    ref = backend.submit(request_for(job))
    assert aws.job(ref.name).enable_managed_spot_training is True
    aws.set_status(ref.name, "InProgress", "Training")
    backend.observe(job, 1, ref)
    aws.set_status(ref.name, "InProgress", "Interrupted", "Spot capacity was reclaimed")
    clock.now += 60
    interrupted = backend.observe(job, 1, ref)
    assert (interrupted.state, interrupted.reason) == (AttemptState.RUNNING, "SpotInterrupted")
    assert interrupted.events[-1] == JobEvent(
        "Warning", "SageMakerInterrupted", "Spot capacity was reclaimed"
    )
    aws.set_status(ref.name, "InProgress", "Training", "Restarted from the latest checkpoint")
    clock.now += 60
    resumed = backend.observe(job, 1, ref)
    assert (resumed.state, resumed.reason) == (AttemptState.RUNNING, "Training")
    started = aws.job(ref.name).training_start_time
    aws.set_status(
        ref.name,
        "Completed",
        "Completed",
        training_time_in_seconds=1000,
        billable_time_in_seconds=300,
        training_end_time=started + timedelta(seconds=1000),
    )
    clock.now += 60
    completed = backend.observe(job, 1, ref)
    summary = completed.summary
    assert summary is not None and summary.spot_savings_percent == 70.0
    # status.usage's view, from the same DescribeTrainingJob answer (botocore parses the times).
    usage = completed.usage
    resources = aws.job(ref.name).resource_config
    assert usage is not None and usage.started_at is not None and usage.ended_at is not None
    assert abs(usage.started_at.timestamp() - started.timestamp()) < 1
    assert (usage.ended_at - usage.started_at).total_seconds() == 1000
    assert (usage.instance_type, usage.instance_count) == (
        resources["InstanceType"],
        resources["InstanceCount"],
    )
    assert (usage.billable_seconds, usage.spot_savings_percent) == (300, 70.0)


def test_latest_complete_checkpoint_is_found_in_s3(aws: MotoSageMaker) -> None:
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    s3 = aws.client("s3")
    prefix = "finetune/team-a/llama-lora-83c4c819/checkpoints/"
    s3.put_object(Bucket="ml-artifacts", Key=prefix + "step-00000010/COMPLETE", Body=b"{}")
    s3.put_object(Bucket="ml-artifacts", Key=prefix + "step-00000010/model/shard0", Body=b"x")
    s3.put_object(
        Bucket="ml-artifacts", Key=prefix + "step-00000020/model/shard0", Body=b"x"
    )  # being uploaded
    checkpoint = backend.observe(job, 1, ref).checkpoint
    assert checkpoint is not None
    assert (checkpoint.path, checkpoint.step) == (f"s3://ml-artifacts/{prefix}step-00000010", 10)

    # Attempt 2 gets the job's checkpoints copied back to /opt/ml/checkpoints, and the trainer's
    # `auto` takes the newest complete one there (step 10: step 20 has no COMPLETE), as it does
    # again when SageMaker restarts the same training job after a spot interruption.
    resumed = backend.plan(request_for(job, attempt=2, resume_from=checkpoint.path))
    assert resumed.request["AlgorithmSpecification"]["ContainerArguments"][-2:] == ["--resume-from", "auto"]
    assert resumed.request["CheckpointConfig"]["S3Uri"] == f"s3://ml-artifacts/{prefix}"


def test_restart_after_submit_does_not_create_a_second_job(aws: MotoSageMaker) -> None:
    job = lora_job()
    first = backend_for(aws).submit(request_for(job))
    # A new operator process (fresh backend, no memory) submits the same attempt again.
    second = backend_for(aws).submit(request_for(job))
    assert first == second
    assert aws.calls["create_training_job"] == 1


def test_resource_in_use_is_treated_as_already_submitted(
    aws: MotoSageMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = lora_job()
    backend_for(aws).submit(request_for(job))
    backend = backend_for(aws)
    real_describe = backend._describe
    misses = [None]  # the first lookup misses (a lost answer), so CreateTrainingJob says ResourceInUse

    def describe(name: str) -> dict[str, Any] | None:
        return misses.pop() if misses else real_describe(name)

    monkeypatch.setattr(backend, "_describe", describe)
    ref = backend.submit(request_for(job))
    assert ref.name.endswith("-a1")
    assert aws.calls["create_training_job"] == 2  # the second call was refused, nothing new exists
    assert len(aws.backend.training_jobs) == 1


def test_missing_data_creates_no_job(aws: MotoSageMaker) -> None:
    backend = backend_for(aws)
    with pytest.raises(DataPreflightError) as raised:
        backend.submit(request_for(lora_job(train="s3://ml-data/chat/missing.jsonl")))
    assert raised.value.reason == "DataSourceMissing"
    assert "s3://ml-data/chat/missing.jsonl" in str(raised.value)
    assert aws.calls["create_training_job"] == 0


def test_malformed_data_creates_no_job(aws: MotoSageMaker) -> None:
    aws.client("s3").put_object(
        Bucket="ml-data", Key="bad/train.jsonl", Body=b'{"prompt": "only a prompt"}\n'
    )
    with pytest.raises(DataPreflightError) as raised:
        backend_for(aws).submit(request_for(lora_job(train="s3://ml-data/bad/")))
    assert raised.value.reason == "DataFormatInvalid"
    assert "line 1 is not a messages record" in str(raised.value)
    assert aws.calls["create_training_job"] == 0


OTHER_TENANT = "other-tenant-bucket"
REFUSED_EVENT_REASONS = [("Warning", "S3LocationNotAllowed")]


class Operator:
    """The real Reconciler on a fake API server (tests/fake_kube.py), SageMaker on moto, and a
    clock the test moves: one team-a job, ``j``."""

    JOBS = "/apis/finetune.dev/v1alpha1/namespaces/team-a/finetunejobs"
    JOB = f"{JOBS}/j"

    def __init__(self, aws: MotoSageMaker, prices: PriceTable | None = None, **settings: Any) -> None:
        self.kube = FakeKube()
        self.now = NOW
        config = OperatorConfig(
            sagemaker=sagemaker_settings(endpoint_url=aws.endpoint_url, **settings),
            prices=prices or PriceTable(),
        )
        self.reconciler = Reconciler(config, self.kube.api_client(), lambda: self.now, lambda t, e: None)

    def create(self, spec: dict[str, Any], annotations: dict[str, str] | None = None) -> None:
        metadata: dict[str, Any] = {"name": "j", "annotations": annotations or {}}
        self.kube.add(
            self.JOBS,
            {
                "apiVersion": "finetune.dev/v1alpha1",
                "kind": "FineTuneJob",
                "metadata": metadata,
                "spec": {"backend": "sagemaker", "sagemaker": {"roleArn": ROLE_ARN}, **spec},
            },
        )

    def reconcile(self) -> list[JobEvent]:
        return self.reconciler.reconcile_now(("team-a", "j"), None, [open_model_recipe("lora")]).events

    def document(self) -> dict[str, Any]:
        stored = self.kube.get(self.JOB)
        assert stored is not None
        return stored

    def status(self) -> dict[str, Any]:
        return dict(self.document().get("status") or {})


LORA_SPEC = {
    "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama/"},
    "method": "lora",
    "data": {"train": {"path": TRAIN}},
}


def reconcile_sagemaker_job(
    aws: MotoSageMaker, spec: dict[str, Any]
) -> tuple[dict[str, Any], list[JobEvent]]:
    """One reconcile of a new SageMaker job of team-a: the job's status and the Events to post."""
    operator = Operator(aws)
    operator.create(spec)
    events = operator.reconcile()
    return operator.status(), events


def test_another_tenants_s3_data_is_refused_before_any_request_and_the_refusal_reveals_nothing(
    aws: MotoSageMaker,
) -> None:
    """The operator's AWS identity may read another tenant's bucket; a job of team-a naming it
    gets the same condition whether the object exists (and whatever it holds) or not, and the
    S3 server sees no request for that bucket: no HeadObject, no GetObject, no listing."""
    s3 = aws.client("s3")
    s3.create_bucket(Bucket=OTHER_TENANT)
    s3.put_object(Bucket=OTHER_TENANT, Key="secret/train.jsonl", Body=(json.dumps(RECORD) + "\n") * 3)
    s3.put_object(Bucket=OTHER_TENANT, Key="secret/notes.jsonl", Body=b'{"ssn": "078-05-1120"}\n')
    aws.s3_requests.clear()
    messages = {}
    for key in ("secret/train.jsonl", "secret/notes.jsonl", "secret/missing.jsonl", "secret/"):
        uri = f"s3://{OTHER_TENANT}/{key}"
        status, events = reconcile_sagemaker_job(
            aws,
            {
                "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama/"},
                "method": "lora",
                "data": {"train": {"path": uri}},
            },
        )
        assert status["phase"] == "Failed"
        (condition,) = [c for c in status["conditions"] if c["type"] == "Failed"]
        assert condition["reason"] == "S3LocationNotAllowed"
        assert [(e.type, e.reason) for e in events] == REFUSED_EVENT_REASONS
        messages[key] = condition["message"].replace(uri, "<uri>")
    # One message for an object of valid records, one of other records, a missing one, a prefix.
    (message,) = set(messages.values())
    assert message.startswith(
        "spec.data.train.path: <uri> is outside the S3 prefixes namespace team-a may use"
    )
    assert "nothing was read" in message and "ssn" not in message and "line" not in message
    assert aws.s3_requests_to(OTHER_TENANT) == []
    assert aws.calls["create_training_job"] == 0
    assert "sagemaker" not in status

    # The witness sees the requests it must: team-a's own data is pre-flighted (HEAD, then GET).
    status, _ = reconcile_sagemaker_job(
        aws,
        {
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama/"},
            "method": "lora",
            "data": {"train": {"path": TRAIN}},
        },
    )
    assert status["phase"] == "Submitted"
    assert [method for method, _ in aws.s3_requests_to("ml-data")] == ["HEAD", "GET"]


def test_a_checkpoint_prefix_no_longer_allowed_is_not_read(aws: MotoSageMaker) -> None:
    """Prefixes narrowed by the platform team while an attempt runs: observe stops reading the
    attempt's checkpoint prefix with the operator's identity."""
    job = make_job(
        {
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama/"},
            "method": "lora",
            "data": {"train": {"path": TRAIN}},
            "sagemaker": {"roleArn": ROLE_ARN, "checkpointS3Uri": "s3://ml-data/team-a/checkpoints/"},
        }
    )
    ref = backend_for(aws).submit(request_for(job))
    assert backend_for(aws).observe(job, 1, ref).state == AttemptState.PENDING
    progress_key = f"/ml-data/team-a/checkpoints/runs/{job.metadata.uid}/progress.jsonl"
    assert ("GET", progress_key) in aws.s3_requests_to("ml-data")
    aws.s3_requests.clear()
    narrowed = backend_for(aws, allowed_s3_prefixes={})
    observation = narrowed.observe(job, 1, ref)
    assert (observation.state, observation.checkpoint, observation.progress) == (
        AttemptState.PENDING,
        None,
        None,
    )
    assert aws.s3_requests == []


@pytest.mark.parametrize("before", [None, 7200], ids=["set", "lowered"])
def test_a_runtime_limit_set_or_lowered_on_a_running_attempt_stops_it(
    aws: MotoSageMaker, before: int | None
) -> None:
    """SageMaker cannot change a training job's MaxRuntimeInSeconds: past the new deadline the
    operator stops the training job itself, even one its deletion policy would keep on delete."""
    operator = Operator(aws)
    runtime = {"maxRuntimeSeconds": before} if before else {}
    operator.create({**LORA_SPEC, **runtime}, annotations={DELETION_POLICY_ANNOTATION: "retain"})
    operator.reconcile()
    name = operator.status()["backendRef"]["name"]
    aws.set_status(name, "InProgress", "Training")
    operator.now = NOW + timedelta(seconds=5)
    operator.reconcile()
    assert operator.status()["phase"] == "Running"

    operator.kube.write(Operator.JOB, {"spec": {"maxRuntimeSeconds": 600}})
    operator.now = NOW + timedelta(seconds=300)
    operator.reconcile()
    assert operator.status()["phase"] == "Running"
    operator.now = NOW + timedelta(seconds=600 + RUNTIME_GRACE_SECONDS)
    events = operator.reconcile()
    status = operator.status()
    failed = next(c for c in status["conditions"] if c["type"] == "Failed")
    assert (status["phase"], failed["reason"]) == ("Failed", "MaxRuntimeExceeded")
    assert failed["message"] == (
        "spec.maxRuntimeSeconds (600) exceeded in attempt 1: the operator stopped it (checkpoints are kept)"
    )
    assert [e.reason for e in events] == ["MaxRuntimeExceeded"]
    assert (
        status["attempts"][0]["result"] == "Failed"
        and status["attempts"][0]["reason"] == "MaxRuntimeExceeded"
    )
    assert aws.calls["stop_training_job"] == 1
    assert aws.job(name).training_job_status == "Stopping"


def test_status_usage_of_a_spot_job_is_what_sagemaker_bills(aws: MotoSageMaker) -> None:
    """The reconciler records the attempt's machines at submit and, once SageMaker says the job
    is over, its times and BillableTimeInSeconds: the cost is billable time x instances x price."""
    price = InstancePrice(per_hour=10.0, source="test", as_of=date(2026, 12, 7))
    operator = Operator(aws, prices=PriceTable(instance_hour={"ml.trn1.32xlarge": price}))
    operator.create({**LORA_SPEC, "sagemaker": {"roleArn": ROLE_ARN, "spot": {"enabled": True}}})
    operator.reconcile()
    (submitted,) = operator.status()["usage"]["attempts"]
    assert submitted == {"attempt": 1, "instanceType": "ml.trn1.32xlarge", "instanceCount": 1}
    name = operator.status()["backendRef"]["name"]
    started = aws.job(name).training_start_time
    aws.set_status(
        name,
        "Completed",
        "Completed",
        training_time_in_seconds=7200,
        billable_time_in_seconds=1800,
        training_end_time=started + timedelta(seconds=7200),
    )
    operator.now = NOW + timedelta(seconds=7300)
    operator.reconcile()
    status = operator.status()
    assert status["phase"] == "Succeeded"
    usage = status["usage"]
    (attempt,) = usage["attempts"]
    assert (attempt["wallSeconds"], attempt["billableSeconds"], attempt["spotSavingsPercent"]) == (
        7200,
        1800,
        75.0,
    )
    assert usage["instanceHours"] == 2.0 and usage["acceleratorHours"] == {"NeuronCore": 64.0}
    assert (usage["estimatedCost"], usage["currency"]) == (5.0, "USD")  # 0.5 billable hours x 10


def test_role_outside_allowlist_is_rejected_before_any_call(aws: MotoSageMaker) -> None:
    backend = backend_for(aws, role_allowlist=["arn:aws:iam::123456789012:role/other-*"])
    with pytest.raises(InvalidSpecError, match="allowlist"):
        backend.submit(request_for(lora_job()))
    assert aws.calls["create_training_job"] == aws.calls["describe_training_job"] == 0


def test_throttling_is_absorbed_by_adaptive_retries(aws: MotoSageMaker) -> None:
    clock = FakeClock()
    backend = backend_for(aws, clock)
    # Each throttled call costs botocore's real backoff (up to 2**n s): two in a row are enough.
    aws.throttle["describe_training_job"] = 2
    aws.throttle["create_training_job"] = 2
    job = lora_job()
    ref = backend.submit(request_for(job))
    aws.set_status(ref.name, "Completed", "Completed")
    aws.throttle["describe_training_job"] = 1
    assert backend.observe(job, 1, ref).state == AttemptState.SUCCEEDED
    assert aws.calls["describe_training_job:throttled"] == 3
    assert aws.calls["create_training_job:throttled"] == 2
    assert aws.calls["create_training_job"] == 1


def test_polls_at_most_once_per_interval(aws: MotoSageMaker) -> None:
    clock = FakeClock()
    backend = backend_for(aws, clock, poll_interval_seconds=30, fast_poll_interval_seconds=5)
    job = lora_job()
    ref = backend.submit(request_for(job))
    before = aws.calls["describe_training_job"]
    backend.observe(job, 1, ref)  # first sight counts as a transition: next poll after 5 s
    clock.now += 4
    backend.observe(job, 1, ref)
    assert aws.calls["describe_training_job"] == before + 1
    clock.now += 2
    backend.observe(job, 1, ref)  # nothing changed: next poll after 30 s
    clock.now += 29
    backend.observe(job, 1, ref)
    assert aws.calls["describe_training_job"] == before + 2
    clock.now += 2
    backend.observe(job, 1, ref)
    assert aws.calls["describe_training_job"] == before + 3


def test_cancel_stops_and_follows_through_stopping(aws: MotoSageMaker) -> None:
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    aws.set_status(ref.name, "InProgress", "Training")
    assert backend.cancel(job, 1) is False
    assert aws.calls["stop_training_job"] == 1
    assert aws.job(ref.name).training_job_status == "Stopping"
    assert backend.cancel(job, 1) is False
    aws.set_status(ref.name, "Stopped", "Stopped")
    assert backend.cancel(job, 1) is True
    assert aws.calls["stop_training_job"] == 1


def test_cancel_of_a_job_that_completes_while_stopping(aws: MotoSageMaker) -> None:
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    assert backend.cancel(job, 1) is False
    aws.set_status(ref.name, "Completed", "Completed")
    assert backend.cancel(job, 1) is True


@pytest.mark.parametrize(
    "annotation", [(DELETION_POLICY_ANNOTATION, "retain"), (RELEASE_FINALIZER_ANNOTATION, "true")]
)
def test_retain_policy_and_release_leave_the_job_running_on_delete(
    aws: MotoSageMaker, annotation: tuple[str, str]
) -> None:
    operator = Operator(aws)
    operator.create(LORA_SPEC, annotations=dict([annotation]))
    operator.reconcile()
    name = operator.status()["backendRef"]["name"]
    assert operator.reconciler.stop_backend(operator.document()) is None  # the delete goes ahead
    assert aws.calls["stop_training_job"] == 0
    assert aws.job(name).training_job_status == "InProgress"


def test_unreachable_aws_on_delete_is_bounded_and_releasable(aws: MotoSageMaker) -> None:
    job = lora_job()
    backend_for(aws).submit(request_for(job))
    unreachable = backend_for(
        aws, endpoint_url="http://127.0.0.1:9", max_api_attempts=1, unreachable_retry_limit=2
    )
    with pytest.raises(SageMakerUnreachableError) as first:
        unreachable.cancel(job, 1)
    assert (first.value.failures, first.value.exhausted) == (1, False)
    with pytest.raises(SageMakerUnreachableError) as second:
        unreachable.cancel(job, 1)
    assert second.value.exhausted is True
    assert RELEASE_FINALIZER_ANNOTATION in str(second.value)


def test_deleted_job_is_missing(aws: MotoSageMaker) -> None:
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    del aws.backend.training_jobs[ref.name]
    assert backend.observe(job, 1, ref).state == AttemptState.MISSING
    assert backend.cancel(job, 1) is True


def test_render_prints_the_exact_request_and_uploaded_documents(aws: MotoSageMaker) -> None:
    backend = backend_for(aws)
    request = request_for(lora_job())
    documents = backend.render(request)
    assert documents[0] == backend.plan(request).request
    assert documents[1]["kind"] == "ResolvedTrainingConfig"
    assert aws.calls["describe_training_job"] == 0


def test_the_attempt_number_alone_reaches_the_sagemaker_job(aws: MotoSageMaker) -> None:
    """Status may not have recorded the reference yet (a restart right after submit)."""
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    aws.set_status(ref.name, "InProgress", "Training")
    assert backend.observe(job, 1, None).state == AttemptState.RUNNING
    assert backend.cancel(job, 1) is False
    assert aws.job(ref.name).training_job_status == "Stopping"


def grpo_request(tools_uri: str = "s3://ml-code/tools/calculator.py") -> AttemptRequest:
    return attempt_request(
        grpo_lora_spot_job(tools_uri),
        open_model_recipe("grpo-lora", GPU_TYPE),
        sagemaker_settings(),
        config_maps={"rewards": {"reward.py": REWARD_MODULE}},
    )


@pytest.fixture
def grpo_aws(aws: MotoSageMaker) -> MotoSageMaker:
    s3 = aws.client("s3")
    s3.put_object(Bucket="ml-data", Key="math/train.jsonl", Body=b'{"prompt": "2+3=", "answer": 5}\n')
    s3.create_bucket(Bucket="ml-code")
    s3.put_object(Bucket="ml-code", Key="tools/calculator.py", Body=b"def add(a, b):\n    return a + b\n")
    return aws


def test_grpo_job_gets_its_configmap_reward_through_a_channel(grpo_aws: MotoSageMaker) -> None:
    ref = backend_for(grpo_aws).submit(grpo_request())
    created = grpo_aws.client("sagemaker").describe_training_job(TrainingJobName=ref.name)
    channels = {
        c["ChannelName"]: c["DataSource"]["S3DataSource"]["S3Uri"] for c in created["InputDataConfig"]
    }
    assert created["EnableManagedSpotTraining"] is True
    assert channels["code_1"] == "s3://ml-code/tools/calculator.py"
    bucket, _, prefix = channels["code_0"].removeprefix("s3://").partition("/")
    uploaded = grpo_aws.client("s3").get_object(Bucket=bucket, Key=prefix + "reward.py")["Body"].read()
    assert uploaded.decode() == REWARD_MODULE


def test_missing_s3_tool_module_creates_no_job(grpo_aws: MotoSageMaker) -> None:
    with pytest.raises(DataPreflightError) as raised:
        backend_for(grpo_aws).submit(grpo_request(tools_uri="s3://ml-code/tools/missing.py"))
    assert raised.value.reason == "CodeSourceMissing"
    assert "s3://ml-code/tools/missing.py" in str(raised.value)
    assert grpo_aws.calls["create_training_job"] == 0


def test_backend_is_registered() -> None:
    assert backend_class(BackendName.SAGEMAKER) is SageMakerBackend


def test_events_are_new_transitions_relative_to_the_recorded_status(aws: MotoSageMaker) -> None:
    """A restarted operator (fresh backend) posts no Event the job's status already records."""
    job = lora_job()
    ref = backend_for(aws).submit(request_for(job))
    aws.set_status(ref.name, "InProgress", "Training")
    first = backend_for(aws).observe(job, 1, ref)
    assert [event.reason for event in first.events] == ["SageMakerStarting", "SageMakerTraining"]
    assert isinstance(first.summary, SageMakerStatus) and first.summary.transitions_seen == 2
    recorded = job.model_copy(deep=True)
    recorded.status.sagemaker = first.summary
    assert backend_for(aws).observe(recorded, 1, ref).events == ()
    aws.set_status(ref.name, "InProgress", "Uploading")
    assert [e.reason for e in backend_for(aws).observe(recorded, 1, ref).events] == ["SageMakerUploading"]


@pytest.mark.parametrize(
    ("status", "secondary", "reason", "resumable"),
    [
        ("Stopped", "Stopped", "TrainingJobStopped", False),
        ("Stopped", "MaxRuntimeExceeded", "MaxRuntimeExceeded", False),
        ("Failed", "MaxRuntimeExceeded", "MaxRuntimeExceeded", False),
        ("Failed", "MaxWaitTimeExceeded", "SpotCapacityUnavailable", True),
        ("Failed", "Failed", "TrainingJobFailed", True),
    ],
)
def test_only_failures_another_attempt_may_undo_are_resumable(
    aws: MotoSageMaker, status: str, secondary: str, reason: str, resumable: bool
) -> None:
    backend = backend_for(aws)
    job = lora_job()
    ref = backend.submit(request_for(job))
    aws.set_status(ref.name, status, secondary)
    observed = backend.observe(job, 1, ref)
    assert (observed.state, observed.reason, observed.resumable) == (AttemptState.FAILED, reason, resumable)


def test_observe_again_in_follows_the_poll_schedule(aws: MotoSageMaker) -> None:
    clock = FakeClock()
    backend = backend_for(aws, clock, poll_interval_seconds=30, fast_poll_interval_seconds=5)
    job = lora_job()
    ref = backend.submit(request_for(job))
    assert backend.observe_again_in(job, 1) == 5  # never observed: soon
    backend.observe(job, 1, ref)
    assert backend.observe_again_in(job, 1) == 5  # a first sight is a transition (jitter 0.5 = x1)
    clock.now += 5
    backend.observe(job, 1, ref)
    assert backend.observe_again_in(job, 1) == 30  # nothing changed: steady interval
    clock.now += 40
    assert backend.observe_again_in(job, 1) == 0.5  # overdue: as soon as possible


def test_progress_comes_from_the_trainers_records_synced_to_s3(aws: MotoSageMaker, tmp_path) -> None:
    """The trainer's own ProgressSink writes runs/<uid>/progress.jsonl in its checkpoint directory,
    which SageMaker syncs to the checkpoint prefix: the backend reads its tail and reports the
    current attempt's newest step, percent and ETA included."""
    from finetune_trainer.progress import ProgressSink, StepReport

    clock = FakeClock()
    backend = backend_for(aws, clock)
    job = lora_job()
    ref = backend.submit(request_for(job, attempt=2))
    assert backend.observe(job, 2, ref).progress is None  # nothing written yet
    prefix = "finetune/team-a/llama-lora-83c4c819/checkpoints/"
    # An earlier job of the same name, in the same checkpoint prefix (a shared checkpointS3Uri):
    # its records are its run's own and never read as this job's (issue 23, item 4).
    earlier = b'{"type": "step", "attempt": 2, "step": 999, "totalSteps": 1000, "loss": 9.0}\n'
    for key in ("progress.jsonl", "runs/an-earlier-uid/progress.jsonl"):
        aws.client("s3").put_object(Bucket="ml-artifacts", Key=prefix + key, Body=earlier)
    clock.now += 3600
    assert backend.observe(job, 2, ref).progress is None

    records = tmp_path / "progress.jsonl"
    sink = ProgressSink(records, None, None)
    start = datetime(2026, 11, 22, 10, tzinfo=UTC).timestamp()  # a fixed clock: no wall time is read
    for step in range(1, 501):  # attempt 1: far more than the tail the backend reads
        sink.step(StepReport(1, step, 1000, 0.1, 2.0, 1e-4, 900.0, start + step))
    for step in (510, 520, 530):  # attempt 2, resumed at step 500, 2 s per step
        sink.step(StepReport(2, step, 1000, 0.5, 1.25, 1e-4, 950.0, start + 1000 + 2 * (step - 510)))
    written = records.read_bytes()
    assert len(written) > 64 * 1024
    half_synced = b'{"type": "step", "attempt": 2, "step": 54'
    aws.client("s3").put_object(
        Bucket="ml-artifacts",
        Key=f"{prefix}runs/{job.metadata.uid}/progress.jsonl",
        Body=written + half_synced,
    )
    clock.now += 3600  # the next DescribeTrainingJob is due
    progress = backend.observe(job, 2, ref).progress
    assert progress is not None
    assert (progress.attempt, progress.step, progress.total_steps, progress.percent) == (2, 530, 1000, "53%")
    assert progress.loss == 1.25 and progress.tokens_per_second == 950.0
    # 20 steps in 40 s, 470 left: 940 s after the last record (10:17:20 + 940 s).
    assert progress.updated_at == "2026-11-22T10:17:20Z"
    assert progress.estimated_completion_time == "2026-11-22T10:33:00Z"
