"""The operator with backend sagemaker: the real test-bed API server plus moto in server mode.

moto runs in this process (tests/sagemaker_fixtures.py makes it realistic: jobs start
InProgress, StopTrainingJob exists, throttling can be injected) and the test drives each
training job's status through it. The operator runs as a subprocess watching only the
test's namespace, pointed at moto through ``sagemaker.endpoint_url`` with dummy
credentials in its own environment, and with poll intervals made small through its
OperatorConfig, so a whole scenario takes seconds.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hack.kwok import wait_for
from hack.operator_process import OperatorProcess
from kubernetes.client.exceptions import ApiException

from finetune_operator.admission import parse_job
from finetune_operator.attempt import RELEASE_FINALIZER_ANNOTATION
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.sagemaker.backend import SageMakerBackend
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from tests.cluster.helpers import DUMMY_CREDENTIALS, operator_config
from tests.sagemaker_fixtures import ACCOUNT_ID

pytest_plugins = ["tests.sagemaker_fixtures"]

REPO = Path(__file__).resolve().parents[2]
GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"
ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/finetune-team-a"
TRAIN = "s3://ml-data/chat/train.jsonl"


@pytest.fixture
def start_operator(testbed, namespace, tmp_path, aws, custom_objects) -> Iterator[Any]:
    started: list[OperatorProcess] = []

    def start(publish: dict[str, Any] | None = None, **sagemaker: Any) -> OperatorProcess:
        config = operator_config(aws, **sagemaker)
        if publish is not None:
            config["publish"] = publish
        process = OperatorProcess(
            testbed.kubeconfig,
            namespace,
            tmp_path,
            config=config,
            env=DUMMY_CREDENTIALS,
        )
        process.start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
    # Nothing reconciles any more: let the namespace go without stopping (fake) training jobs.
    for job in custom_objects.list_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL)["items"]:
        custom_objects.patch_namespaced_custom_object(
            GROUP, VERSION, namespace, PLURAL, job["metadata"]["name"], {"metadata": {"finalizers": None}}
        )


def manifest(name: str, train: str = TRAIN, **spec: Any) -> dict[str, Any]:
    sagemaker = {"roleArn": ROLE, **spec.pop("sagemaker", {})}
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneJob",
        "metadata": {"name": name},
        "spec": {
            "backend": "sagemaker",
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama-3.1-8b/"},
            "method": "lora",
            "data": {"train": {"path": train}},
            "sagemaker": sagemaker,
            **spec,
        },
    }


def create(custom_objects, namespace: str, body: dict[str, Any]) -> dict[str, Any]:
    return custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, body)


def get(custom_objects, namespace: str, name: str) -> dict[str, Any]:
    return custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, name)


def status(custom_objects, namespace: str, name: str) -> dict[str, Any]:
    return get(custom_objects, namespace, name).get("status") or {}


def wait_status(custom_objects, namespace: str, name: str, check, what: str, timeout: float = 30) -> Any:
    return wait_for(
        lambda: (lambda s: s if check(s) else None)(status(custom_objects, namespace, name)),
        timeout=timeout,
        message=f"{name}: {what}",
    )


def training_job(custom_objects, namespace: str, name: str, attempt: int = 1) -> str:
    """The SageMaker name of an attempt, once the operator recorded it."""
    recorded = wait_status(
        custom_objects,
        namespace,
        name,
        lambda s: (s.get("backendRef") or {}).get("name", "").endswith(f"-a{attempt}"),
        f"attempt {attempt} submitted",
    )
    return str(recorded["backendRef"]["name"])


def condition(found: dict[str, Any], type_: str) -> dict[str, Any] | None:
    return next((c for c in found.get("conditions", []) if c["type"] == type_), None)


def event_reasons(core_v1, namespace: str, name: str) -> list[str]:
    """Reasons of a job's Events so far; kopf posts them asynchronously, so poll with wait_for."""
    events = core_v1.list_namespaced_event(namespace, field_selector=f"involvedObject.name={name}").items
    return [e.reason for e in events]


# --- the scenarios of the issue ----------------------------------------------------------------


def test_submit_runs_and_completes_with_artifacts(start_operator, aws, custom_objects, core_v1, namespace):
    start_operator()
    create(custom_objects, namespace, manifest("ok"))
    name = training_job(custom_objects, namespace, "ok")
    assert aws.job(name).training_job_status == "InProgress"
    aws.set_status(name, "InProgress", "Training", "Training image download completed. Training in progress.")
    running = wait_status(custom_objects, namespace, "ok", lambda s: s.get("phase") == "Running", "Running")
    assert running["sagemaker"]["secondaryStatus"] == "Training"

    artifacts = f"s3://ml-artifacts/finetune/{namespace}/ok/output/{name}/output/model.tar.gz"
    aws.set_status(
        name,
        "Completed",
        "Completed",
        model_artifacts={"S3ModelArtifacts": artifacts},
        training_time_in_seconds=3600,
        billable_time_in_seconds=3600,
        final_metric_data_list=[{"MetricName": "train:loss", "Value": 0.42}],
    )
    done = wait_status(custom_objects, namespace, "ok", lambda s: s.get("phase") == "Succeeded", "Succeeded")
    assert done["output"]["path"] == artifacts
    assert done["sagemaker"]["modelArtifacts"] == artifacts
    assert done["sagemaker"]["billableTimeInSeconds"] == 3600
    assert done["sagemaker"]["finalMetrics"] == {"train:loss": 0.42}
    assert done["attempts"][0]["result"] == "Succeeded"
    reasons = wait_for(
        lambda: (lambda r: r if "Succeeded" in r else None)(event_reasons(core_v1, namespace, "ok")),
        message="the Succeeded Event",
    )
    # One Event per SageMaker transition, each posted once.
    for transition in ("SageMakerStarting", "SageMakerTraining", "SageMakerCompleted"):
        assert reasons.count(transition) == 1, reasons
    assert aws.calls["create_training_job"] == 1


def test_progress_and_eta_come_from_the_trainers_records_in_s3(
    start_operator, aws, custom_objects, namespace, tmp_path
):
    """A training job cannot patch status; its trainer's progress.jsonl, synced by SageMaker
    from /opt/ml/checkpoints to the checkpoint S3 URI, is read by the operator instead."""
    from finetune_contract.constants import run_progress_file
    from finetune_trainer.progress import ProgressSink, StepReport

    start_operator()
    create(custom_objects, namespace, manifest("prog"))
    uid = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "prog")["metadata"][
        "uid"
    ]
    name = training_job(custom_objects, namespace, "prog")
    aws.set_status(name, "InProgress", "Training")
    wait_status(custom_objects, namespace, "prog", lambda s: s.get("phase") == "Running", "Running")
    bucket, _, prefix = aws.job(name).checkpoint_config["S3Uri"].removeprefix("s3://").partition("/")
    records = tmp_path / "progress.jsonl"
    sink = ProgressSink(records, None, None)  # the trainer's rank 0, writing its checkpoint directory
    start = datetime(2026, 11, 22, 10, tzinfo=UTC).timestamp()  # the records' own times: no wall time is read
    for steps in ((10, 20), (30, 40)):
        for step in steps:
            sink.step(StepReport(1, step, 200, 0.1, 2.0 - step / 100, 1e-4, 900.0, start + 3 * step))
        aws.client("s3").put_object(
            Bucket=bucket, Key=prefix + run_progress_file(uid), Body=records.read_bytes()
        )
        last = steps[-1]
        progress = wait_status(
            custom_objects,
            namespace,
            "prog",
            lambda s, last=last: (s.get("progress") or {}).get("step") == last,
            f"progress at step {last}",
        )["progress"]
    assert progress["attempt"] == 1 and progress["totalSteps"] == 200 and progress["percent"] == "20%"
    assert progress["loss"] == 1.6 and progress["updatedAt"] == "2026-11-22T10:02:00Z"
    # 3 s per step since the first record, 160 steps left: 480 s after the last one.
    assert progress["estimatedCompletionTime"] == "2026-11-22T10:10:00Z"


def test_failed_training_job_fails_with_its_reason(start_operator, aws, custom_objects, namespace):
    start_operator()
    create(custom_objects, namespace, manifest("bad", resume={"maxAttempts": 1}))
    name = training_job(custom_objects, namespace, "bad")
    reason = "AlgorithmError: CUDA out of memory, exit code: 1"
    aws.set_status(name, "Failed", "Failed", failure_reason=reason)
    failed = wait_status(custom_objects, namespace, "bad", lambda s: s.get("phase") == "Failed", "Failed")
    assert failed["sagemaker"]["failureReason"] == reason
    assert failed["attempts"][0]["message"] == reason
    assert failed["attempts"][0]["exitCode"] == 1
    failed_condition = condition(failed, "Failed")
    assert failed_condition is not None and failed_condition["reason"] == "MaxAttemptsReached"
    assert reason in failed_condition["message"]


def test_spot_interruption_then_a_resumed_attempt_from_the_s3_checkpoint(
    start_operator, aws, custom_objects, core_v1, namespace
):
    start_operator()
    create(
        custom_objects,
        namespace,
        manifest("spot", maxRuntimeSeconds=3600, sagemaker={"spot": {"enabled": True}}),
    )
    first = training_job(custom_objects, namespace, "spot")
    assert aws.job(first).enable_managed_spot_training is True
    aws.set_status(first, "InProgress", "Training")
    wait_status(custom_objects, namespace, "spot", lambda s: s.get("phase") == "Running", "Running")
    aws.set_status(first, "InProgress", "Interrupted", "Spot capacity was reclaimed")
    interrupted = wait_status(
        custom_objects,
        namespace,
        "spot",
        lambda s: (condition(s, "Running") or {}).get("reason") == "SpotInterrupted",
        "the SpotInterrupted condition",
    )
    assert interrupted["phase"] == "Running"
    checkpoints = aws.job(first).checkpoint_config["S3Uri"]
    bucket, _, prefix = checkpoints.removeprefix("s3://").partition("/")
    aws.client("s3").put_object(Bucket=bucket, Key=f"{prefix}step-00000010/COMPLETE", Body=b"{}")
    latest = wait_status(
        custom_objects,
        namespace,
        "spot",
        lambda s: ((s.get("checkpoint") or {}).get("latest") or {}).get("step") == 10,
        "the checkpoint found in S3",
    )["checkpoint"]["latest"]
    assert latest["path"] == f"{checkpoints}step-00000010"

    # Spot capacity did not come back in time: another attempt may find it.
    aws.set_status(first, "Failed", "MaxWaitTimeExceeded", failure_reason="Spot capacity not available")
    second = training_job(custom_objects, namespace, "spot", attempt=2)
    resumed = aws.job(second)
    assert resumed.checkpoint_config["S3Uri"] == checkpoints
    # The checkpoints come back to /opt/ml/checkpoints, and the trainer takes the newest complete one.
    assert resumed.algorithm_specification["ContainerArguments"][-2:] == ["--resume-from", "auto"]
    recorded = status(custom_objects, namespace, "spot")
    assert recorded["attempts"][1]["resumedFrom"] == latest["path"]
    wait_for(
        lambda: "SageMakerInterrupted" in event_reasons(core_v1, namespace, "spot"),
        message="the SageMakerInterrupted Event",
    )


def test_stopped_in_the_console_is_not_resumed(start_operator, aws, custom_objects, namespace):
    start_operator()
    create(custom_objects, namespace, manifest("halt"))
    name = training_job(custom_objects, namespace, "halt")
    aws.set_status(name, "Stopped", "Stopped", "Stopped by a user")
    failed = wait_status(custom_objects, namespace, "halt", lambda s: s.get("phase") == "Failed", "Failed")
    failed_condition = condition(failed, "Failed")
    assert failed_condition is not None and failed_condition["reason"] == "TrainingJobStopped"
    assert failed["currentAttempt"] == 1 and len(aws.backend.training_jobs) == 1


def test_delete_while_in_progress_stops_then_releases(start_operator, aws, custom_objects, namespace):
    start_operator()
    create(custom_objects, namespace, manifest("gone"))
    name = training_job(custom_objects, namespace, "gone")
    aws.set_status(name, "InProgress", "Training")
    wait_status(custom_objects, namespace, "gone", lambda s: s.get("phase") == "Running", "Running")
    custom_objects.delete_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "gone")
    wait_for(lambda: aws.calls["stop_training_job"] == 1, message="StopTrainingJob")
    assert aws.job(name).training_job_status == "Stopping"
    time.sleep(1.5)  # a few stop polls: the finalizer holds while the job is Stopping
    assert get(custom_objects, namespace, "gone")["metadata"]["deletionTimestamp"]
    aws.set_status(name, "Stopped", "Stopped")
    wait_for(lambda: _gone(custom_objects, namespace, "gone"), message="the finalizer released")
    assert aws.calls["stop_training_job"] == 1


def test_unreachable_aws_blocks_delete_visibly_until_an_admin_releases_it(
    start_operator, aws, custom_objects, core_v1, namespace
):
    start_operator(max_api_attempts=1, unreachable_retry_limit=2)
    create(custom_objects, namespace, manifest("stuck"))
    name = training_job(custom_objects, namespace, "stuck")
    aws.throttle["stop_training_job"] = 1000
    custom_objects.delete_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "stuck")
    blocked = wait_status(
        custom_objects,
        namespace,
        "stuck",
        lambda s: (condition(s, "DeletionBlocked") or {}).get("status") == "True",
        "the DeletionBlocked condition",
    )
    assert RELEASE_FINALIZER_ANNOTATION in condition(blocked, "DeletionBlocked")["message"]
    wait_for(
        lambda: "DeletionBlocked" in event_reasons(core_v1, namespace, "stuck"),
        message="the DeletionBlocked Event",
    )
    custom_objects.patch_namespaced_custom_object(
        GROUP,
        VERSION,
        namespace,
        PLURAL,
        "stuck",
        {"metadata": {"annotations": {RELEASE_FINALIZER_ANNOTATION: "true"}}},
    )
    wait_for(lambda: _gone(custom_objects, namespace, "stuck"), timeout=15, message="the released delete")
    assert aws.job(name).training_job_status == "InProgress"  # left to the admin, as the Event says
    wait_for(
        lambda: "FinalizerReleased" in event_reasons(core_v1, namespace, "stuck"),
        message="the FinalizerReleased Event",
    )


def test_restart_after_submit_before_the_status_write_adopts_the_job(
    start_operator, aws, custom_objects, namespace
):
    """The exact crash window: the training job exists, the FineTuneJob's status does not."""
    created = create(custom_objects, namespace, manifest("crash"))
    config = OperatorConfig.model_validate(operator_config(aws))
    request, _ = build_attempt_request(
        parse_job(created), load_recipes_dir(BUILTIN_RECIPES_DIR), config, 1, None, None
    )
    ref = SageMakerBackend(config).submit(request)  # what the crashed operator did before dying
    assert not status(custom_objects, namespace, "crash")

    start_operator()
    assert training_job(custom_objects, namespace, "crash") == ref.name
    aws.set_status(ref.name, "InProgress", "Training")
    wait_status(custom_objects, namespace, "crash", lambda s: s.get("phase") == "Running", "Running")
    assert aws.calls["create_training_job"] == 1
    assert list(aws.backend.training_jobs) == [ref.name]


def test_missing_data_creates_no_job(start_operator, aws, custom_objects, namespace):
    start_operator()
    create(custom_objects, namespace, manifest("nodata", train="s3://ml-data/chat/missing.jsonl"))
    failed = wait_status(custom_objects, namespace, "nodata", lambda s: s.get("phase") == "Failed", "Failed")
    failed_condition = condition(failed, "Failed")
    assert failed_condition is not None and failed_condition["reason"] == "DataSourceMissing"
    assert "s3://ml-data/chat/missing.jsonl" in failed_condition["message"]
    assert failed.get("currentAttempt", 0) == 0
    assert aws.calls["create_training_job"] == 0 and not aws.backend.training_jobs


def test_another_tenants_bucket_is_refused_without_reading_it(start_operator, aws, custom_objects, namespace):
    """The confused deputy of issue 20: the operator's AWS identity could read another tenant's
    bucket. A job naming an object there fails with a condition that is the same whether the
    object exists or not, and the S3 server saw no request for that bucket."""
    start_operator()
    s3 = aws.client("s3")
    s3.create_bucket(Bucket="other-tenant-bucket")
    s3.put_object(Bucket="other-tenant-bucket", Key="secret/train.jsonl", Body=b'{"ssn": "078-05-1120"}\n')
    aws.s3_requests.clear()
    messages = []
    for name, key in (("peek", "secret/train.jsonl"), ("probe", "secret/missing.jsonl")):
        uri = f"s3://other-tenant-bucket/{key}"
        create(custom_objects, namespace, manifest(name, train=uri))
        failed = wait_status(custom_objects, namespace, name, lambda s: s.get("phase") == "Failed", "Failed")
        failed_condition = condition(failed, "Failed")
        assert failed_condition is not None and failed_condition["reason"] == "S3LocationNotAllowed"
        messages.append(failed_condition["message"].replace(uri, "<uri>"))
    assert messages[0] == messages[1] and "ssn" not in messages[0]
    assert aws.s3_requests_to("other-tenant-bucket") == []
    assert aws.calls["create_training_job"] == 0


def test_role_outside_the_allowlist_is_rejected(start_operator, aws, custom_objects, namespace):
    start_operator()
    admin = f"arn:aws:iam::{ACCOUNT_ID}:role/admin"
    create(custom_objects, namespace, manifest("borrow", sagemaker={"roleArn": admin}))
    failed = wait_status(custom_objects, namespace, "borrow", lambda s: s.get("phase") == "Failed", "Failed")
    failed_condition = condition(failed, "Failed")
    assert failed_condition is not None and failed_condition["reason"] == "InvalidSpec"
    assert "not in the operator's role allowlist" in failed_condition["message"]
    assert aws.calls["create_training_job"] == 0


def test_throttled_api_still_converges(start_operator, aws, custom_objects, namespace):
    start_operator()
    aws.throttle["create_training_job"] = 2
    aws.throttle["describe_training_job"] = 2
    create(custom_objects, namespace, manifest("busy"))
    name = training_job(custom_objects, namespace, "busy")
    aws.throttle["describe_training_job"] = 2
    aws.set_status(name, "Completed", "Completed")
    wait_status(custom_objects, namespace, "busy", lambda s: s.get("phase") == "Succeeded", "Succeeded")
    assert aws.calls["create_training_job:throttled"] == 2
    assert aws.calls["describe_training_job:throttled"] == 4
    assert aws.calls["create_training_job"] == 1


def _trained(aws, custom_objects, namespace: str, name: str, eval_loss: float, tmp_path: Path) -> str:
    """What a SageMaker training job of the trainer leaves behind when it completes: the final
    evaluation in progress.jsonl (synced to the checkpoint prefix) and model.tar.gz where
    ModelArtifacts says. Returns the artifacts' URI."""
    from finetune_contract.constants import run_progress_file
    from finetune_trainer.progress import ProgressSink, StepReport

    uid = get(custom_objects, namespace, name)["metadata"]["uid"]
    training = training_job(custom_objects, namespace, name)
    s3 = aws.client("s3")
    sink = ProgressSink(tmp_path / f"{name}.jsonl", None, None)
    sink.step(StepReport(1, 20, 20, 0.1, 1.0, 1e-4, 900.0, 1_795_000_000.0))
    sink.evaluation({"attempt": 1, "metrics": {"evalLoss": eval_loss, "evalPerplexity": 2.5}, "examples": 8})
    bucket, _, prefix = aws.job(training).checkpoint_config["S3Uri"].removeprefix("s3://").partition("/")
    s3.put_object(
        Bucket=bucket, Key=prefix + run_progress_file(uid), Body=(tmp_path / f"{name}.jsonl").read_bytes()
    )
    artifacts = f"{aws.job(training).output_data_config['S3OutputPath']}{training}/output/model.tar.gz"
    bucket, _, key = artifacts.removeprefix("s3://").partition("/")
    s3.put_object(Bucket=bucket, Key=key, Body=f"the adapter of {name}".encode())
    aws.set_status(training, "Completed", "Completed", model_artifacts={"S3ModelArtifacts": artifacts})
    return artifacts


def test_publish_to_s3_tags_and_lists_the_output_a_failed_gate_publishes_nothing_and_the_allowlist_holds(
    start_operator, aws, custom_objects, core_v1, namespace, tmp_path
):
    """Issue 26 on SageMaker: the output the training job wrote is published without the operator
    downloading it (copied server-side under the target, tagged, manifest.json last); a job whose
    gate fails is Succeeded, Published False, with nothing written or tagged; a target the
    namespace's allowlist lacks fails the job before any training job is created."""
    published = f"s3://ml-models/published/{namespace}"
    start_operator(publish={"allowlist": {"*": [f"{published}/**"]}})
    aws.client("s3").create_bucket(Bucket="ml-models")
    evaluated = {"evaluation": {"data": {"path": TRAIN}}}
    gate = {"metric": "evalLoss", "below": 1.2}
    create(
        custom_objects,
        namespace,
        manifest("pub", **evaluated, publish={"target": f"{published}/pub", "when": gate}),
    )
    create(
        custom_objects,
        namespace,
        manifest("gated", **evaluated, publish={"target": f"{published}/gated", "when": gate}),
    )
    create(custom_objects, namespace, manifest("elsewhere", publish={"target": "s3://ml-data/stolen"}))

    refused = wait_status(
        custom_objects, namespace, "elsewhere", lambda s: s.get("phase") == "Failed", "Failed"
    )
    assert (condition(refused, "Failed") or {}).get("reason") == "PublishTargetNotAllowed"
    assert "s3://ml-data/stolen is not allowed" in condition(refused, "Failed")["message"]
    assert "backendRef" not in refused

    artifacts = _trained(aws, custom_objects, namespace, "pub", 0.9, tmp_path)
    gated_artifacts = _trained(aws, custom_objects, namespace, "gated", 1.5, tmp_path)
    done = wait_status(
        custom_objects,
        namespace,
        "pub",
        lambda s: (condition(s, "Published") or {}).get("status") == "True",
        "Published",
    )
    assert done["phase"] == "Succeeded" and done["evaluation"]["metrics"]["evalLoss"] == 0.9
    assert done["output"]["path"] == artifacts
    assert done["output"]["reference"] == f"{published}/pub/manifest.json" == done["publish"]["reference"]
    s3 = aws.client("s3")
    body = s3.get_object(Bucket="ml-models", Key=f"published/{namespace}/pub/manifest.json")["Body"].read()
    assert done["output"]["digest"] == "sha256:" + hashlib.sha256(body).hexdigest()
    manifest_document = json.loads(body)
    training = done["sagemaker"]["trainingJobName"]
    (entry,) = manifest_document["files"]
    assert entry["path"] == f"{training}/output/model.tar.gz" and entry["size"] == len(b"the adapter of pub")
    annotations = manifest_document["annotations"]
    assert annotations["dev.finetune.job"] == f"{namespace}/pub"
    assert annotations["dev.finetune.training-job-arn"] == done["sagemaker"]["trainingJobArn"]
    assert json.loads(annotations["dev.finetune.evaluation"]) == {"evalLoss": 0.9, "evalPerplexity": 2.5}
    copy = f"published/{namespace}/pub/{training}/output/model.tar.gz"
    assert s3.get_object(Bucket="ml-models", Key=copy)["Body"].read() == b"the adapter of pub"
    tags = {t["Key"]: t["Value"] for t in s3.get_object_tagging(Bucket="ml-models", Key=copy)["TagSet"]}
    assert (
        tags["dev.finetune.published"] == "true"
        and tags["dev.finetune.uid"] == get(custom_objects, namespace, "pub")["metadata"]["uid"]
    )
    assert tags["dev.finetune.evaluation"] == "evalLoss=0.9 evalPerplexity=2.5"

    gated = wait_status(
        custom_objects,
        namespace,
        "gated",
        lambda s: (condition(s, "Published") or {}).get("reason") == "GateFailed",
        "the failed gate",
    )
    assert gated["phase"] == "Succeeded" and condition(gated, "Published")["status"] == "False"
    assert "output" in gated and "reference" not in gated["output"]
    assert s3.list_objects_v2(Bucket="ml-models", Prefix=f"published/{namespace}/gated").get("KeyCount") == 0
    bucket, _, key = gated_artifacts.removeprefix("s3://").partition("/")
    assert s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"] == []
    assert aws.calls["create_training_job"] == 2
    wait_for(
        lambda: (
            {"Published", "NotPublished"}
            <= set(event_reasons(core_v1, namespace, "pub")) | set(event_reasons(core_v1, namespace, "gated"))
        ),
        message="the Published and NotPublished Events",
    )


# --- refused at admission ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"suspend": True}, "spec.suspend is not supported by backend sagemaker"),
        (
            {"backend": "hyperpod", "sagemaker": None, "model": {"name": "nova-lite"}},
            "Amazon Nova models (nova-micro, nova-lite, nova-pro) train only on backend sagemaker",
        ),
        # Accepted and ignored before: a SageMaker job mounts no cluster storage.
        ({"storage": {"checkpointDir": "/fsx/../x"}}, "spec.storage applies only to backend hyperpod"),
        ({"storage": {}}, "spec.storage applies only to backend hyperpod"),
    ],
    ids=["suspend", "nova-on-hyperpod", "storage-climbing", "storage-empty"],
)
def test_admission_refuses(testbed, custom_objects, namespace, spec, message):
    body = manifest("refused")
    body["spec"].update(spec)
    body["spec"] = {k: v for k, v in body["spec"].items() if v is not None}
    with pytest.raises(ApiException) as caught:
        create(custom_objects, namespace, body)
    assert caught.value.status == 422
    assert message in json.loads(caught.value.body)["message"]


def _gone(custom_objects, namespace: str, name: str) -> bool:
    try:
        get(custom_objects, namespace, name)
    except ApiException as err:
        if err.status == 404:
            return True
        raise
    return False
