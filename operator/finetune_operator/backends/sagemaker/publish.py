"""Publishing a SageMaker job's output to an ``s3://`` target without downloading it
(docs/architecture.md, "Evaluation and publishing"; docs/operations.md, "Publishing").

A SageMaker training job already wrote its output to S3: ``ModelArtifacts.S3ModelArtifacts``
(``<S3OutputPath>/<training job>/output/model.tar.gz``, next to it ``output.tar.gz`` when the trainer
left files in ``/opt/ml/output/data``). So publishing it is recording and tagging:

- every object under the training job's ``output/`` prefix is published under the target prefix as
  ``<training job>/output/<name>``, the layout SageMaker itself gives it under ``S3OutputPath``. An
  object already there (the job's ``spec.sagemaker.outputS3Uri`` is the target prefix or lies under
  it) stays where it is; any other is copied server-side (CopyObject, or UploadPartCopy parts for a
  large one: boto3's managed copy), never through the operator's memory;
- each published object gets the tags ``dev.finetune.*`` (the job, its uid, the training job's ARN,
  ``published``, the manifest's URI and, where it fits S3's tag limits, the evaluation), merged into
  the tags it had;
- ``manifest.json`` (``finetune_contract.publish_manifest``, the schema the HyperPod publish step
  writes) is put last under the target prefix: each published object's path, size, ETag and, where
  S3 holds a full-object SHA-256 checksum of the output, its sha256, with the job's annotations and
  the training job's ARN.

Nothing is ever deleted, and a try repeated after a failure does the same calls again: a copy
overwrites its own earlier copy, the tags are set again, the manifest is rewritten with the same
bytes. Planning is pure (``source_prefix``, ``plan_publication``, ``publish_tags``,
``merged_tag_set``); ``S3Publisher`` makes the calls, with the operator's own AWS identity (the one
the backend submits with), and turns their failures into the publish outcome the operator records
(``publish_step.advance``): a failure another try may get past is retried with backoff
(``publish_retry_in``) up to the operator config's ``publish.backoff_limit``.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from boto3.s3.transfer import TransferConfig
from botocore.exceptions import BotoCoreError, ClientError

from finetune_contract.publish_manifest import (
    MANIFEST_CONTENT_TYPE,
    ManifestFile,
    PublishManifest,
    manifest_key,
)
from finetune_operator.api.evaluation import EvaluationStatus
from finetune_operator.api.job import FineTuneJob, FineTuneJobStatus
from finetune_operator.backends.sagemaker.preflight import parse_s3_uri
from finetune_operator.backends.sagemaker.s3access import may_use
from finetune_operator.publish_step import PUBLISH_LOOK_SECONDS, PublishOutcome, artifact_annotations
from finetune_operator.publishing import S3Target, parse_target

TAG_PREFIX = "dev.finetune."
"""The OCI artifact's annotation prefix (``finetune_contract.oci``): the same words on both targets."""
PUBLISHED_TAG = TAG_PREFIX + "published"
MAX_OBJECT_TAGS = 10
MAX_TAG_VALUE = 256
_TAG_VALUE = re.compile(r"^[\w +\-=.:/@]*$")
"""S3's tag value characters: letters, digits, spaces and ``+ - = . _ : / @``."""
MAX_RETRY_SECONDS = 360.0
"""The longest wait between tries: a Kubernetes Job's backoff cap, as the HyperPod publish step has."""
RETRYABLE_S3_CODES = frozenset(
    {
        "SlowDown",
        "InternalError",
        "ServiceUnavailable",
        "RequestTimeout",
        "RequestTimeTooSkewed",
        "Throttling",
        "ThrottlingException",
        "500",
        "502",
        "503",
        "504",
    }
)


class PublishError(RuntimeError):
    """A try failed; ``retryable``: another try may get past it (S3 busy or unreachable)."""

    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclasses.dataclass(frozen=True)
class SourceObject:
    """One object the training job wrote, as S3 describes it (HeadObject)."""

    key: str
    size: int
    etag: str | None = None
    sha256: str | None = None


@dataclasses.dataclass(frozen=True)
class PublishedObject:
    source_key: str
    target_key: str
    path: str
    """Relative to the target prefix (the manifest's ``path``)."""
    size: int
    etag: str | None
    sha256: str | None
    copied: bool
    """False: the object already lies under the target prefix and is published where it is."""


@dataclasses.dataclass(frozen=True)
class PublicationPlan:
    source_bucket: str
    target: S3Target
    target_uri: str
    """spec.publish.target as written (the manifest's ``target``)."""
    objects: tuple[PublishedObject, ...]
    tags: Mapping[str, str]
    annotations: Mapping[str, str]

    @property
    def manifest_key(self) -> str:
        return manifest_key(self.target.prefix)

    def manifest(self, etags: Mapping[str, str | None] | None = None) -> PublishManifest:
        """The manifest, with the published objects' own ETags where given by target key (a
        multipart copy's ETag is not its source's; the bytes, and so a sha256, are)."""
        etags = etags or {}
        return PublishManifest(
            target=self.target_uri,
            annotations=self.annotations,
            files=[
                ManifestFile(path=o.path, size=o.size, sha256=o.sha256, etag=etags.get(o.target_key, o.etag))
                for o in self.objects
            ],
        )

    @property
    def reference(self) -> str:
        return f"s3://{self.target.bucket}/{self.manifest_key}"


def source_prefix(model_artifacts: str) -> tuple[str, str]:
    """(bucket, key prefix ending in '/') of the training job's output directory, from
    ``ModelArtifacts.S3ModelArtifacts``: everything SageMaker uploaded of the job's outputs."""
    bucket, key = parse_s3_uri(model_artifacts)
    directory = posixpath.dirname(key)
    if not directory:
        raise PublishError(
            f"{model_artifacts}: the training job's model artifacts are not in an output directory",
            retryable=False,
        )
    return bucket, directory + "/"


def _relative_path(source_key: str, source_dir: str) -> str:
    """``<training job>/output/<name>``: the key below the training job's S3OutputPath."""
    job_directory = posixpath.dirname(posixpath.dirname(source_dir.rstrip("/")))
    return source_key[len(job_directory) + 1 :] if job_directory else source_key


def plan_publication(
    target: S3Target,
    source_bucket: str,
    source_dir: str,
    objects: Sequence[SourceObject],
    annotations: Mapping[str, str],
    tags: Mapping[str, str],
    target_uri: str,
) -> PublicationPlan:
    """Which objects are copied (and to where), and which are published in place. The target's own
    manifest is never one of them (a target prefix naming the output directory itself holds it)."""
    own_manifest = manifest_key(target.prefix) if source_bucket == target.bucket else None
    objects = [o for o in objects if o.key != own_manifest]
    if not objects:
        raise PublishError(
            f"s3://{source_bucket}/{source_dir}: the training job's output is missing or empty",
            retryable=False,
        )
    within = f"{target.prefix}/" if target.prefix else ""
    published = []
    for found in sorted(objects, key=lambda o: o.key):
        in_place = source_bucket == target.bucket and found.key.startswith(within)
        path = found.key[len(within) :] if in_place else _relative_path(found.key, source_dir)
        published.append(
            PublishedObject(
                source_key=found.key,
                target_key=found.key if in_place else within + path,
                path=path,
                size=found.size,
                etag=found.etag,
                sha256=found.sha256,
                copied=not in_place,
            )
        )
    return PublicationPlan(source_bucket, target, target_uri, tuple(published), tags, annotations)


def evaluation_tag(evaluation: EvaluationStatus | None) -> str | None:
    """The metrics as ``evalLoss=0.8123 evalPerplexity=2.253``, or None when they do not fit a tag
    value (the manifest always has them)."""
    if evaluation is None or not evaluation.metrics:
        return None
    value = " ".join(f"{name}={metric:.6g}" for name, metric in sorted(evaluation.metrics.items()))
    if len(value) > MAX_TAG_VALUE or not _TAG_VALUE.fullmatch(value):
        return None
    return value


def publish_tags(job: FineTuneJob, training_job_arn: str, manifest_uri: str) -> dict[str, str]:
    """What each published object is tagged with (S3 allows 10 tags, values of 256 characters)."""
    meta = job.metadata
    tags = {
        TAG_PREFIX + "job": f"{meta.namespace}/{meta.name}",
        TAG_PREFIX + "uid": meta.uid or "",
        TAG_PREFIX + "training-job": training_job_arn,
        TAG_PREFIX + "manifest": manifest_uri,
        PUBLISHED_TAG: "true",
    }
    evaluation = evaluation_tag(job.status.evaluation)
    if evaluation is not None:
        tags[TAG_PREFIX + "evaluation"] = evaluation
    return {key: value for key, value in tags.items() if value and len(value) <= MAX_TAG_VALUE}


def merged_tag_set(
    existing: Sequence[Mapping[str, str]], ours: Mapping[str, str], key: str
) -> list[dict[str, str]]:
    """The object's TagSet with ours set (PutObjectTagging replaces the whole set: the object's
    other tags are kept). Refused when the object has too many tags of its own to take ours."""
    kept = [{"Key": tag["Key"], "Value": tag["Value"]} for tag in existing if tag["Key"] not in ours]
    merged = kept + [{"Key": name, "Value": value} for name, value in sorted(ours.items())]
    if len(merged) > MAX_OBJECT_TAGS:
        raise PublishError(
            f"{key} has {len(kept)} tags of its own; S3 allows {MAX_OBJECT_TAGS} per object and publishing "
            f"adds {len(ours)} ({', '.join(sorted(ours))}): remove some of its tags and the operator "
            "publishes it at the next try",
            retryable=False,
        )
    return merged


def publish_retry_in(status: FineTuneJobStatus) -> float:
    """When a publishing job is looked at again: 10 s after the first failed try, then twice as
    long after each further one, at most 6 minutes (the HyperPod publish Job's backoff)."""
    failures = status.publish.attempts - 1 if status.publish is not None else 0
    if failures <= 0:
        return PUBLISH_LOOK_SECONDS
    return float(min(PUBLISH_LOOK_SECONDS * 2 ** (failures - 1), MAX_RETRY_SECONDS))


def failed_tries(job: FineTuneJob) -> int:
    """Tries of this job's publish that failed so far (``status.publish.attempts`` counts the try
    in progress)."""
    record = job.status.publish
    if record is None or job.spec.publish is None or record.target != job.spec.publish.target:
        return 0
    return max(record.attempts - 1, 0)


def _sha256_hex(checksum: str | None) -> str | None:
    """S3's base64 ChecksumSHA256 as hex; None for a composite one (``<base64>-<parts>``)."""
    if not checksum or "-" in checksum:
        return None
    try:
        return base64.b64decode(checksum, validate=True).hex()
    except (binascii.Error, ValueError):
        return None


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


class S3Publisher:
    """The calls of a SageMaker job's S3 publish (a ``publish_step.Publisher``): list and describe
    the training job's output, copy what is not under the target prefix, tag, put the manifest.

    ``s3``: the backend's boto3 S3 client (the operator's identity, the backend's endpoint and
    retry settings); ``allowed``: a job's namespace's S3 prefixes, which the output must lie under
    before the operator reads it; ``backoff_limit``: failed tries that are retried.
    """

    def __init__(
        self,
        s3: Any,
        allowed: Callable[[FineTuneJob], Sequence[str]],
        backoff_limit: int,
        transfer: TransferConfig | None = None,
    ) -> None:
        self._s3 = s3
        self._allowed = allowed
        self._backoff_limit = backoff_limit
        self._transfer = transfer or TransferConfig()

    def look_again_in(self, status: FineTuneJobStatus) -> float:
        return publish_retry_in(status)

    def outcome(self, job: FineTuneJob) -> PublishOutcome:
        """One try, and what it comes to (``publish_step.advance`` records it)."""
        failures = failed_tries(job)
        try:
            result = self.publish(job, self._allowed(job))
        except PublishError as err:
            failures += 1
            spent = not err.retryable or failures > self._backoff_limit
            return PublishOutcome("Failed" if spent else "Running", failures, {"error": str(err)[:3000]})
        return PublishOutcome("Succeeded", failures, result)

    def publish(self, job: FineTuneJob, allowed: Sequence[str]) -> dict[str, str]:
        """Publish the job's output; ``{"reference", "digest"}`` of the manifest, or PublishError."""
        assert job.spec.publish is not None
        target = parse_target(job.spec.publish.target)
        if not isinstance(target, S3Target):
            raise PublishError(
                f"{job.spec.publish.target}: a SageMaker job publishes only to s3:// targets", retryable=False
            )
        status = job.status
        artifacts = status.output.path if status.output is not None else None
        recorded = status.sagemaker
        if not artifacts or recorded is None or not recorded.training_job_arn:
            raise PublishError(
                "the training job reported no model artifacts (ModelArtifacts.S3ModelArtifacts) to publish",
                retryable=False,
            )
        bucket, directory = source_prefix(artifacts)
        if not may_use(f"s3://{bucket}/{directory}", allowed):
            raise PublishError(
                f"s3://{bucket}/{directory} is outside the S3 prefixes namespace "
                f"{job.metadata.namespace} may use (operator config sagemaker.allowed_s3_prefixes): the "
                "operator does not read it",
                retryable=False,
            )
        try:
            objects = self._described(bucket, directory)
            manifest_uri = f"s3://{target.bucket}/{manifest_key(target.prefix)}"
            annotations = {
                **artifact_annotations(job, status.evaluation),
                TAG_PREFIX + "training-job-arn": recorded.training_job_arn,
                TAG_PREFIX + "source": f"s3://{bucket}/{directory}",
            }
            plan = plan_publication(
                target,
                bucket,
                directory,
                objects,
                annotations,
                publish_tags(job, recorded.training_job_arn, manifest_uri),
                job.spec.publish.target,
            )
            manifest = self._carry_out(plan)
        except ClientError as err:
            code = _error_code(err)
            raise PublishError(
                f"S3 refused {err.operation_name}: {err}", code in RETRYABLE_S3_CODES
            ) from None
        except BotoCoreError as err:
            raise PublishError(f"cannot reach S3: {err}", retryable=True) from None
        return {"reference": plan.reference, "digest": manifest.digest()}

    def _described(self, bucket: str, directory: str) -> list[SourceObject]:
        found: list[SourceObject] = []
        kwargs: dict[str, Any] = {"Bucket": bucket, "Prefix": directory}
        while True:
            page = self._s3.list_objects_v2(**kwargs)
            for item in page.get("Contents", []):
                head = self._s3.head_object(Bucket=bucket, Key=item["Key"], ChecksumMode="ENABLED")
                found.append(
                    SourceObject(
                        key=item["Key"],
                        size=int(head["ContentLength"]),
                        etag=str(head.get("ETag") or "").strip('"') or None,
                        sha256=_sha256_hex(head.get("ChecksumSHA256")),
                    )
                )
            if not page.get("IsTruncated"):
                return found
            kwargs["ContinuationToken"] = page["NextContinuationToken"]

    def _carry_out(self, plan: PublicationPlan) -> PublishManifest:
        target = plan.target.bucket
        etags: dict[str, str | None] = {}
        for published in plan.objects:
            if published.copied:
                # Server-side: CopyObject, or a multipart copy (UploadPartCopy) past the threshold.
                self._s3.copy(
                    {"Bucket": plan.source_bucket, "Key": published.source_key},
                    target,
                    published.target_key,
                    Config=self._transfer,
                )
                copy = self._s3.head_object(Bucket=target, Key=published.target_key)
                etags[published.target_key] = str(copy.get("ETag") or "").strip('"') or None
            existing = self._s3.get_object_tagging(Bucket=target, Key=published.target_key)["TagSet"]
            self._s3.put_object_tagging(
                Bucket=target,
                Key=published.target_key,
                Tagging={"TagSet": merged_tag_set(existing, plan.tags, published.target_key)},
            )
        manifest = plan.manifest(etags)
        self._s3.put_object(
            Bucket=target, Key=plan.manifest_key, Body=manifest.body(), ContentType=MANIFEST_CONTENT_TYPE
        )
        return manifest
