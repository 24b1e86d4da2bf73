"""Training data for ``submit``: check S3 inputs exist, upload local files (S3 or the storage claim).

An upload's destination carries the file's content hash, so running the same command again
finds the object already there and uploads nothing (S3), and two different files of the same
name never overwrite each other. Everything that decides a name or a manifest is a pure
function; the functions that call AWS or the cluster take their clients as arguments.
"""

from __future__ import annotations

import hashlib
import posixpath
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from finetune_operator.plugin.flags import UsageError
from finetune_operator.pod_security import CONTAINER_SECURITY_CONTEXT, pod_security_context
from finetune_operator.storage import PosixUser

UPLOAD_PREFIX = "finetune/uploads"
HASH_CHARS = 16
"""sha256 hex digits in an upload's key: enough that distinct files never meet."""
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class LocalFile:
    """A local JSONL file to upload and where the job will read it."""

    flag: str
    path: Path
    sha256: str
    size: int
    destination: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def s3_destination(bucket: str, sha256: str, filename: str) -> str:
    return f"s3://{bucket}/{UPLOAD_PREFIX}/{sha256[:HASH_CHARS]}/{filename}"


def claim_destination(mount_path: str, namespace: str, sha256: str, filename: str) -> str:
    return f"{mount_path.rstrip('/')}/finetune/{namespace}/uploads/{sha256[:HASH_CHARS]}/{filename}"


def local_file(flag: str, path: str, destination_for: Any) -> LocalFile:
    """``destination_for(sha256, filename)`` names where the content goes."""
    local = Path(path)
    sha256 = sha256_of(local)
    return LocalFile(flag, local, sha256, local.stat().st_size, destination_for(sha256, local.name))


def split_s3_uri(uri: str) -> tuple[str, str]:
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    return bucket, key


# --- S3 ------------------------------------------------------------------------------------------


def check_s3_input(s3: Any, flag: str, uri: str) -> None:
    """The object (or, for a directory of JSONL files, some object under the prefix) must exist."""
    bucket, key = split_s3_uri(uri)
    if not bucket or not key:
        raise UsageError(f"{flag} {uri}: an S3 input needs a bucket and a key (s3://BUCKET/KEY)")
    try:
        s3.head_object(Bucket=bucket, Key=key)
        return
    except ClientError as err:
        code = str(err.response.get("Error", {}).get("Code"))
        if code in ("403", "AccessDenied"):
            raise UsageError(f"{flag} {uri}: access denied to key {key!r} in bucket {bucket!r}") from None
        if code not in ("404", "NoSuchKey", "NotFound"):
            raise UsageError(f"{flag} {uri}: cannot read key {key!r} in bucket {bucket!r}: {err}") from None
    try:
        listing = s3.list_objects_v2(Bucket=bucket, Prefix=key.rstrip("/") + "/", MaxKeys=1)
    except ClientError as err:
        code = str(err.response.get("Error", {}).get("Code"))
        if code == "NoSuchBucket":
            raise UsageError(f"{flag} {uri}: bucket {bucket!r} does not exist") from None
        raise UsageError(f"{flag} {uri}: cannot list bucket {bucket!r}: {err}") from None
    if not listing.get("KeyCount"):
        raise UsageError(
            f"{flag} {uri}: no object with key {key!r} (nor under {key.rstrip('/')}/) in bucket {bucket!r}"
        )


def default_bucket(sts: Any, region: str) -> str:
    """The SageMaker SDK's default bucket, as the runner uses when --s3-bucket is not given."""
    account = sts.get_caller_identity()["Account"]
    return f"sagemaker-{region}-{account}"


def ensure_bucket(s3: Any, bucket: str, region: str) -> None:
    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError:
        config = (
            {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        )
        s3.create_bucket(Bucket=bucket, **config)


def upload_to_s3(s3: Any, upload: LocalFile) -> bool:
    """Upload unless the content-addressed key exists already; returns whether it uploaded."""
    bucket, key = split_s3_uri(upload.destination)
    try:
        s3.head_object(Bucket=bucket, Key=key)
        return False
    except ClientError:
        pass
    s3.upload_file(str(upload.path), bucket, key)
    return True


# --- the storage claim (hyperpod) ----------------------------------------------------------------


def upload_pod_name(job_name: str, upload: LocalFile) -> str:
    return f"{job_name[:40]}-upload-{upload.sha256[:8]}"


def build_upload_pod(
    name: str,
    namespace: str,
    claim: str,
    mount_path: str,
    image: str,
    upload: LocalFile,
    run_as: PosixUser,
) -> dict[str, Any]:
    """A pod that reads exactly ``upload.size`` bytes from stdin into the claim and checks their hash.

    Reading a known byte count ends the copy without needing stdin to close; the file appears
    under its final name only after its sha256 matched (written aside, then renamed). The pod
    sees only the namespace's uploads directory of the claim, and runs as the trainer pods do
    (Pod Security ``restricted``, the platform's FSx user), so its files are owned like theirs.
    It never calls the API server, so it gets no ServiceAccount token: a process in it (the
    image is the trainer's) cannot act as the namespace's ``default`` ServiceAccount.
    """
    target = upload.destination
    partial = f"{target}.partial"
    uploads = posixpath.dirname(posixpath.dirname(target))
    script = (
        f"set -eu; mkdir -p {shlex.quote(posixpath.dirname(target))}; "
        f"head -c {upload.size} > {shlex.quote(partial)}; "
        f"echo {upload.sha256}'  '{shlex.quote(partial)} | sha256sum -c -; "
        f"mv {shlex.quote(partial)} {shlex.quote(target)}"
    )
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": name,
            "namespace": namespace,
            "labels": {
                "app.kubernetes.io/managed-by": "kubectl-finetune",
                "app.kubernetes.io/component": "upload",
            },
        },
        "spec": {
            "restartPolicy": "Never",
            "activeDeadlineSeconds": 3600,
            "automountServiceAccountToken": False,
            "securityContext": pod_security_context(run_as),
            "containers": [
                {
                    "name": "upload",
                    "image": image,
                    "command": ["sh", "-c", script],
                    "stdin": True,
                    "stdinOnce": True,
                    "securityContext": CONTAINER_SECURITY_CONTEXT,
                    "volumeMounts": [
                        {
                            "name": "storage",
                            "mountPath": uploads,
                            "subPath": posixpath.relpath(uploads, mount_path),
                        }
                    ],
                }
            ],
            "volumes": [{"name": "storage", "persistentVolumeClaim": {"claimName": claim}}],
        },
    }


IMAGE_PULL_FAILURES = ("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull")
"""Waiting reasons of a container whose image the node cannot get: waiting longer never helps
the upload pod (its image is the user's choice), so the upload stops at the first."""


@dataclass(frozen=True)
class PodState:
    """What a pod waits on, read from its status (the API's JSON form)."""

    phase: str
    reason: str
    """The first waiting container's reason, else the PodScheduled condition's, else ''."""
    message: str
    image: str
    """The waiting container's image, when a container waits."""

    @property
    def summary(self) -> str:
        return f"{self.phase} ({self.reason})" if self.reason else self.phase

    @property
    def image_pull_failed(self) -> bool:
        return self.reason in IMAGE_PULL_FAILURES

    @property
    def cannot_start(self) -> bool:
        """The kubelet cannot make the container from the pod's spec (e.g. a missing subPath
        directory on a read-only volume); it retries, but nothing changes until the spec does."""
        return self.reason == "CreateContainerConfigError"


def pod_state(pod: dict[str, Any]) -> PodState:
    status = pod.get("status") or {}
    phase = str(status.get("phase") or "Pending")
    for container in [*(status.get("initContainerStatuses") or []), *(status.get("containerStatuses") or [])]:
        waiting = (container.get("state") or {}).get("waiting")
        if waiting and waiting.get("reason"):
            return PodState(
                phase,
                str(waiting["reason"]),
                str(waiting.get("message") or ""),
                str(container.get("image") or ""),
            )
    for condition in status.get("conditions") or []:
        if condition.get("type") == "PodScheduled" and condition.get("status") == "False":
            return PodState(
                phase, str(condition.get("reason") or ""), str(condition.get("message") or ""), ""
            )
    return PodState(phase, "", "", "")


def image_pull_message(pod: str, state: PodState, flag: str = "--upload-image") -> str:
    """The error for a plugin's pod (``pod`` names it: "upload pod NAME") whose image the nodes
    cannot pull, with the flag that chooses another image."""
    detail = f": {state.message}" if state.message else ""
    return (
        f"{pod} cannot get its image {state.image} ({state.reason}{detail}); pass {flag} IMAGE with an "
        "image the nodes can pull (e.g. the platform's trainer image)"
    )
