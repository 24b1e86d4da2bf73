"""Publishing a SageMaker job's output to S3 without downloading it (issue 26): the pure plan (which
objects are copied and which published in place, the tags, the manifest) and the calls, against moto
in server mode (tests/sagemaker_fixtures.py), which records every S3 request it receives."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import boto3
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from tests.sagemaker_fixtures import ACCOUNT_ID, REGION, MotoSageMaker, make_job

from finetune_contract.publish_manifest import ManifestFile, PublishManifest
from finetune_operator.api.evaluation import EvaluationStatus, PublishStatus
from finetune_operator.api.job import FineTuneJob, OutputStatus, Phase, SageMakerStatus
from finetune_operator.backends.sagemaker.publish import (
    PUBLISHED_TAG,
    PublishError,
    S3Publisher,
    SourceObject,
    evaluation_tag,
    merged_tag_set,
    plan_publication,
    publish_retry_in,
    publish_tags,
    source_prefix,
)
from finetune_operator.publish_step import advance
from finetune_operator.publishing import S3Target

pytest_plugins = ["tests.sagemaker_fixtures"]

TRAINING_JOB = "llama-lora-0b6c2d4e-a1"
ARN = f"arn:aws:sagemaker:{REGION}:{ACCOUNT_ID}:training-job/{TRAINING_JOB}"
OUTPUT_PATH = "finetune/team-a/llama-lora-0b6c2d4e/output/"
"""The job's OutputDataConfig.S3OutputPath in bucket ml-artifacts (request.job_locations)."""
OUTPUT_DIR = f"{OUTPUT_PATH}{TRAINING_JOB}/output/"
ARTIFACTS = f"s3://ml-artifacts/{OUTPUT_DIR}model.tar.gz"
ALLOWED = ["s3://ml-artifacts/finetune/team-a/"]
EVALUATION = {"attempt": 1, "metrics": {"evalLoss": 0.8123, "evalPerplexity": 2.2531}, "examples": 12}


def succeeded_job(target: str, publish_attempts: int | None = None) -> FineTuneJob:
    """A SageMaker job whose training job completed, gate passed: publishing (as decide leaves it)."""
    job = make_job(
        {
            "model": {"name": "llama-3.1-8b", "uri": "s3://ml-models/llama-3.1-8b/"},
            "method": "lora",
            "data": {"train": {"path": "s3://ml-data/chat/train.jsonl"}},
            "evaluation": {},
            "publish": {"target": target, "when": {"metric": "evalLoss", "below": 1.2}},
        }
    )
    status = job.status
    status.phase = Phase.SUCCEEDED
    status.current_attempt = 1
    status.completion_time = "2026-11-22T10:00:00Z"
    status.output = OutputStatus(path=ARTIFACTS)
    status.evaluation = EvaluationStatus.model_validate(EVALUATION)
    status.sagemaker = SageMakerStatus(
        training_job_name=TRAINING_JOB, training_job_arn=ARN, training_job_status="Completed"
    )
    if publish_attempts is not None:
        status.publish = PublishStatus(target=target, attempts=publish_attempts)
    return job


# --- the plan (pure) -------------------------------------------------------------------------------


def test_the_source_is_the_training_jobs_output_directory() -> None:
    assert source_prefix(ARTIFACTS) == ("ml-artifacts", OUTPUT_DIR)
    with pytest.raises(PublishError, match="not in an output directory"):
        source_prefix("s3://ml-artifacts/model.tar.gz")


SOURCES = [
    SourceObject(f"{OUTPUT_DIR}output.tar.gz", 10, etag="e2"),
    SourceObject(f"{OUTPUT_DIR}model.tar.gz", 2000, etag="e1", sha256="ab" * 32),
]


def test_objects_outside_the_target_are_copied_in_sagemakers_layout() -> None:
    plan = plan_publication(
        S3Target("ml-models", "published/j"), "ml-artifacts", OUTPUT_DIR, SOURCES, {"a": "b"}, {}, "s3://x"
    )
    assert [(o.source_key, o.target_key, o.path, o.copied) for o in plan.objects] == [
        (
            f"{OUTPUT_DIR}model.tar.gz",
            f"published/j/{TRAINING_JOB}/output/model.tar.gz",
            f"{TRAINING_JOB}/output/model.tar.gz",
            True,
        ),
        (
            f"{OUTPUT_DIR}output.tar.gz",
            f"published/j/{TRAINING_JOB}/output/output.tar.gz",
            f"{TRAINING_JOB}/output/output.tar.gz",
            True,
        ),
    ]
    assert plan.reference == "s3://ml-models/published/j/manifest.json"
    # A copy's own ETag replaces its source's (a multipart copy's differs); size and sha256 are the bytes'.
    manifest = plan.manifest({f"published/j/{TRAINING_JOB}/output/model.tar.gz": "m-2"})
    assert manifest.document() == {
        "target": "s3://x",
        "annotations": {"a": "b"},
        "files": [
            {"path": f"{TRAINING_JOB}/output/model.tar.gz", "size": 2000, "sha256": "ab" * 32, "etag": "m-2"},
            {"path": f"{TRAINING_JOB}/output/output.tar.gz", "size": 10, "etag": "e2"},
        ],
    }


@pytest.mark.parametrize("prefix", ["finetune/team-a/llama-lora-0b6c2d4e/output", "finetune/team-a", ""])
def test_objects_already_under_the_target_are_published_where_they_are(prefix: str) -> None:
    """outputS3Uri set to (or under) the publish prefix: nothing is copied."""
    plan = plan_publication(
        S3Target("ml-artifacts", prefix), "ml-artifacts", OUTPUT_DIR, SOURCES, {}, {}, "t"
    )
    assert all(not o.copied and o.source_key == o.target_key for o in plan.objects)
    within = f"{prefix}/" if prefix else ""
    assert [o.path for o in plan.objects] == [
        f"{OUTPUT_DIR}model.tar.gz".removeprefix(within),
        f"{OUTPUT_DIR}output.tar.gz".removeprefix(within),
    ]
    assert plan.manifest_key == (f"{prefix}/manifest.json" if prefix else "manifest.json")


def test_a_target_at_the_output_directory_does_not_publish_its_own_manifest() -> None:
    """A retry lists the directory again, the manifest of the first try included."""
    manifest = SourceObject(f"{OUTPUT_DIR}manifest.json", 500)
    target = S3Target("ml-artifacts", OUTPUT_DIR.rstrip("/"))
    plan = plan_publication(target, "ml-artifacts", OUTPUT_DIR, [*SOURCES, manifest], {}, {}, "t")
    assert [o.path for o in plan.objects] == ["model.tar.gz", "output.tar.gz"]


def test_a_missing_output_is_refused_for_good() -> None:
    with pytest.raises(PublishError, match="missing or empty") as refused:
        plan_publication(S3Target("b", "p"), "ml-artifacts", OUTPUT_DIR, [], {}, {}, "t")
    assert not refused.value.retryable


def test_the_tags_name_the_job_the_training_job_and_the_evaluation_within_s3s_limits() -> None:
    job = succeeded_job("s3://ml-models/published/j")
    tags = publish_tags(job, ARN, "s3://ml-models/published/j/manifest.json")
    assert tags == {
        "dev.finetune.job": "team-a/llama-lora",
        "dev.finetune.uid": "0b6c2d4e-1111-2222-3333-444455556666",
        "dev.finetune.training-job": ARN,
        "dev.finetune.manifest": "s3://ml-models/published/j/manifest.json",
        "dev.finetune.evaluation": "evalLoss=0.8123 evalPerplexity=2.2531",
        PUBLISHED_TAG: "true",
    }
    # Too long for a tag value (256): left to the manifest.
    many = EvaluationStatus(metrics={f"evalMetric{i:03d}": 1.234567 for i in range(20)})
    assert evaluation_tag(many) is None
    assert evaluation_tag(None) is None and evaluation_tag(EvaluationStatus()) is None


def test_tags_are_merged_into_the_objects_own_and_too_many_are_refused() -> None:
    ours = {"dev.finetune.job": "team-a/j", PUBLISHED_TAG: "true"}
    existing = [{"Key": "team", "Value": "a"}, {"Key": PUBLISHED_TAG, "Value": "stale"}]
    assert merged_tag_set(existing, ours, "k") == [
        {"Key": "team", "Value": "a"},
        {"Key": "dev.finetune.job", "Value": "team-a/j"},
        {"Key": PUBLISHED_TAG, "Value": "true"},
    ]
    crowded = [{"Key": f"t{i}", "Value": "v"} for i in range(9)]
    with pytest.raises(PublishError, match="has 9 tags of its own; S3 allows 10") as refused:
        merged_tag_set(crowded, ours, "k")
    assert not refused.value.retryable


def test_retries_back_off_as_the_publish_jobs_do() -> None:
    def status(attempts: int | None) -> Any:
        return succeeded_job("s3://ml-models/p", attempts).status

    assert [publish_retry_in(status(a)) for a in (None, 1, 2, 3, 4, 10)] == [10, 10, 10, 20, 40, 360]


def test_the_manifest_is_one_schema_with_the_hyperpod_steps() -> None:
    manifest = PublishManifest(
        "s3://b/p", {"z": "1", "a": "2"}, [ManifestFile("b", 2), ManifestFile("a", 1, "ff")]
    )
    assert PublishManifest.parse(manifest.body()).document() == manifest.document()
    assert json.loads(manifest.body())["files"][0] == {"path": "a", "size": 1, "sha256": "ff"}
    assert manifest.digest() == "sha256:" + hashlib.sha256(manifest.body()).hexdigest()


# --- the calls (moto server) -----------------------------------------------------------------------

MODEL = bytes(range(256)) * (6 * 1024 * 4 + 7)
"""Just over 6 MiB: copied in two UploadPartCopy parts with the 5 MiB threshold below."""
SMALL_PARTS = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024)


def _training_output(aws: MotoSageMaker) -> Any:
    """What SageMaker uploaded when the training job completed: model.tar.gz (with the SHA-256
    checksum S3 computes on upload) and output.tar.gz, the latter with a tag of the team's."""
    s3 = aws.client("s3")
    s3.create_bucket(Bucket="ml-models")
    s3.put_object(
        Bucket="ml-artifacts", Key=f"{OUTPUT_DIR}model.tar.gz", Body=MODEL, ChecksumAlgorithm="SHA256"
    )
    s3.put_object(
        Bucket="ml-artifacts", Key=f"{OUTPUT_DIR}output.tar.gz", Body=b"logs", Tagging="team=a&cost-center=42"
    )
    return s3


def _tags(s3: Any, bucket: str, key: str) -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]}


def test_a_copy_is_server_side_tagged_and_listed_in_the_manifest(aws: MotoSageMaker) -> None:
    s3 = _training_output(aws)
    aws.s3_requests.clear()
    job = succeeded_job("s3://ml-models/published/j")
    outcome = S3Publisher(s3, lambda _: ALLOWED, backoff_limit=2, transfer=SMALL_PARTS).outcome(job)
    # Nothing of the training job's output went through the operator: no GET of its objects
    # (only LIST and HEAD; the copies are PUTs with x-amz-copy-source to ml-models).
    assert {method for method, _ in aws.s3_requests_to("ml-artifacts")} == {"GET", "HEAD"}
    assert [p for m, p in aws.s3_requests_to("ml-artifacts") if m == "GET" and p.endswith(".tar.gz")] == []
    assert (outcome.state, outcome.failures) == ("Succeeded", 0), outcome.result
    assert outcome.result["reference"] == "s3://ml-models/published/j/manifest.json"

    body = s3.get_object(Bucket="ml-models", Key="published/j/manifest.json")["Body"].read()
    assert outcome.result["digest"] == "sha256:" + hashlib.sha256(body).hexdigest()
    manifest = json.loads(body)
    assert manifest["target"] == "s3://ml-models/published/j"
    annotations = manifest["annotations"]
    assert annotations["dev.finetune.job"] == "team-a/llama-lora"
    assert annotations["dev.finetune.training-job-arn"] == ARN
    assert annotations["dev.finetune.source"] == f"s3://ml-artifacts/{OUTPUT_DIR}"
    assert json.loads(annotations["dev.finetune.evaluation"]) == EVALUATION["metrics"]
    model_key = f"published/j/{TRAINING_JOB}/output/model.tar.gz"
    model = s3.head_object(Bucket="ml-models", Key=model_key)
    assert manifest["files"] == [
        {
            "path": f"{TRAINING_JOB}/output/model.tar.gz",
            "size": len(MODEL),
            "sha256": hashlib.sha256(MODEL).hexdigest(),
            "etag": model["ETag"].strip('"'),
        },
        {
            "path": f"{TRAINING_JOB}/output/output.tar.gz",
            "size": 4,
            "etag": hashlib.md5(b"logs").hexdigest(),
        },
    ]
    assert model["ETag"].strip('"').endswith("-2")  # a multipart copy
    assert s3.get_object(Bucket="ml-models", Key=model_key)["Body"].read() == MODEL
    tags = _tags(s3, "ml-models", model_key)
    assert tags[PUBLISHED_TAG] == "true" and tags["dev.finetune.training-job"] == ARN
    assert tags["dev.finetune.evaluation"] == "evalLoss=0.8123 evalPerplexity=2.2531"
    # The copy of output.tar.gz kept the team's tags (CopyObject copies them) besides ours.
    copied = _tags(s3, "ml-models", f"published/j/{TRAINING_JOB}/output/output.tar.gz")
    assert copied["team"] == "a" and copied[PUBLISHED_TAG] == "true"
    # The training job's own output is untouched.
    assert _tags(s3, "ml-artifacts", f"{OUTPUT_DIR}model.tar.gz") == {}


def test_an_output_already_under_the_target_is_tagged_where_it_is(aws: MotoSageMaker) -> None:
    """spec.sagemaker.outputS3Uri is the publish prefix: nothing is copied; the objects' own
    tags stay."""
    s3 = _training_output(aws)
    target = "s3://ml-artifacts/finetune/team-a/llama-lora-0b6c2d4e/output"
    before = {o["Key"] for o in s3.list_objects_v2(Bucket="ml-artifacts")["Contents"]}
    outcome = S3Publisher(s3, lambda _: ALLOWED, backoff_limit=2).outcome(succeeded_job(target))
    assert outcome.state == "Succeeded", outcome.result
    after = {o["Key"] for o in s3.list_objects_v2(Bucket="ml-artifacts")["Contents"]}
    assert after - before == {f"{OUTPUT_PATH}manifest.json"}
    assert s3.list_objects_v2(Bucket="ml-models").get("KeyCount") == 0
    manifest = json.loads(
        s3.get_object(Bucket="ml-artifacts", Key=f"{OUTPUT_PATH}manifest.json")["Body"].read()
    )
    assert [f["path"] for f in manifest["files"]] == [
        f"{TRAINING_JOB}/output/model.tar.gz",
        f"{TRAINING_JOB}/output/output.tar.gz",
    ]
    checksum = s3.head_object(Bucket="ml-artifacts", Key=f"{OUTPUT_DIR}model.tar.gz", ChecksumMode="ENABLED")
    assert manifest["files"][0]["sha256"] == base64.b64decode(checksum["ChecksumSHA256"]).hex()
    tags = _tags(s3, "ml-artifacts", f"{OUTPUT_DIR}output.tar.gz")
    assert tags["team"] == "a" and tags["cost-center"] == "42" and tags[PUBLISHED_TAG] == "true"


def test_a_failed_try_is_retried_and_leaves_the_output_as_it_was(aws: MotoSageMaker) -> None:
    """S3 unreachable: the try is recorded (PublishRetrying), the next one publishes; a try
    past publish.backoff_limit, or one no retry gets past, ends PublishFailed. Nothing is deleted."""
    s3 = _training_output(aws)
    target = "s3://ml-models/published/j"
    down = boto3.client(  # S3 at a closed port
        "s3",
        region_name=REGION,
        endpoint_url="http://127.0.0.1:9",
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    job = succeeded_job(target)
    outcome = S3Publisher(down, lambda _: ALLOWED, backoff_limit=2).outcome(job)
    assert (outcome.state, outcome.failures) == ("Running", 1) and "cannot reach S3" in outcome.result[
        "error"
    ]
    status, events = advance(job, job.status, outcome, "2026-11-22T10:00:10Z")
    assert status.publish is not None and status.publish.attempts == 2
    assert [e.reason for e in events] == ["PublishRetrying"]
    assert publish_retry_in(status) == 10

    retried = job.model_copy(update={"status": status})
    outcome = S3Publisher(s3, lambda _: ALLOWED, backoff_limit=2).outcome(retried)
    assert (outcome.state, outcome.failures) == ("Succeeded", 1), outcome.result
    status, events = advance(retried, status, outcome, "2026-11-22T10:00:20Z")
    assert [e.reason for e in events] == ["Published"] and status.publish is not None
    assert status.publish.attempts == 2 and status.output is not None
    assert status.output.reference == "s3://ml-models/published/j/manifest.json"
    assert status.output.path == ARTIFACTS

    spent = succeeded_job(target, publish_attempts=3)  # two tries failed; the limit is 2
    outcome = S3Publisher(down, lambda _: ALLOWED, backoff_limit=2).outcome(spent)
    assert (outcome.state, outcome.failures) == ("Failed", 3)
    status, events = advance(spent, spent.status, outcome, "2026-11-22T10:01:00Z")
    (published,) = [c for c in status.conditions if c.type == "Published"]
    assert (published.status, published.reason) == ("False", "PublishFailed")
    assert "the output is unchanged" in published.message
    assert s3.get_object(Bucket="ml-artifacts", Key=f"{OUTPUT_DIR}model.tar.gz")["Body"].read() == MODEL

    # No retry gets past a bucket that does not exist, nor an output outside the namespace's prefixes.
    outcome = S3Publisher(s3, lambda _: ALLOWED, backoff_limit=2).outcome(
        succeeded_job("s3://no-such-bucket/p")
    )
    assert (outcome.state, outcome.failures) == ("Failed", 1) and "NoSuchBucket" in outcome.result["error"]
    outcome = S3Publisher(s3, lambda _: ["s3://ml-data/"], backoff_limit=2).outcome(succeeded_job(target))
    assert outcome.state == "Failed" and "outside the S3 prefixes" in outcome.result["error"]
