"""Which S3 locations a namespace's SageMaker jobs may name.

The operator acts on S3 with its own AWS identity for every job: the data and code
pre-flight reads the objects a job names (``head_object``, ``list_objects_v2``, ranged
``get_object``), ``submit`` writes the resolved config under the job's root, and
``observe`` lists the checkpoint prefix and reads the trainer's progress file there. That
identity serves every namespace, so it can read more than any one tenant may: a job naming
``s3://other-tenant-bucket/secret/train.jsonl`` would have the operator read another
tenant's data and describe it in the job's status (a confused deputy).

So every S3 location of a job must lie under a prefix the platform team allowed for the
job's namespace (``sagemaker.allowed_s3_prefixes``), or under the job's own
``<s3_prefix>/<namespace>/``. The check is pure and runs when the request is planned, before
any AWS call; a refusal names the field, the location and the allowed prefixes, and nothing
that depends on what exists in S3, because nothing there was looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from finetune_operator.errors import InvalidSpecError

ANY_BUCKET = "s3://"
"""An allowed prefix that admits every bucket (what the operator did before prefixes existed)."""
NAMESPACE_PLACEHOLDER = "{namespace}"
_PREFIX = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$")


class S3LocationNotAllowedError(InvalidSpecError):
    """A job names an S3 location outside its namespace's prefixes: nothing was read or created."""

    reason = "S3LocationNotAllowed"


def check_allowed_prefix(prefix: str) -> str:
    """An allowed prefix as the platform team wrote it, made to end with '/'; ValueError if
    it is not an s3:// prefix in normal form (``{namespace}`` may stand for the namespace)."""
    if prefix == ANY_BUCKET:
        return prefix
    filled = prefix.replace(NAMESPACE_PLACEHOLDER, "namespace")
    if _PREFIX.fullmatch(filled) is None or not _in_normal_form(filled):
        raise ValueError(
            f"{prefix!r} is not an S3 prefix: write s3://<bucket>/ or s3://<bucket>/<key prefix>/ without "
            "'.' or '..' segments or '//' ({namespace} stands for the job's namespace; 's3://' allows every "
            "bucket)"
        )
    return prefix if prefix.endswith("/") else prefix + "/"


def allowed_prefixes(namespace: str, allowed: dict[str, list[str]], job_root_base: str | None) -> list[str]:
    """The prefixes under which a job of ``namespace`` may name S3 locations: the entries for
    every namespace ('*') and for ``namespace``, and ``<job_root_base>/<namespace>/`` (the
    operator's own location for the namespace's jobs, sagemaker.s3_prefix) when set."""
    prefixes = [
        p.replace(NAMESPACE_PLACEHOLDER, namespace)
        for p in [*allowed.get("*", []), *allowed.get(namespace, [])]
    ]
    if job_root_base:
        prefixes.append(_as_prefix(job_root_base) + f"{namespace}/")
    return list(dict.fromkeys(prefixes))


def may_use(uri: str, prefixes: Iterable[str]) -> bool:
    """Whether ``uri`` (an object or a prefix) lies under one of ``prefixes``.

    A URI with '.' or '..' segments or an empty one ('//') in its key is never admitted:
    S3 keeps such keys literally, but clients and proxies on the way may resolve them.
    """
    if not uri.startswith(ANY_BUCKET) or not _in_normal_form(uri):
        return False
    return any(uri.startswith(prefix) for prefix in prefixes)


def check_locations(namespace: str, locations: Iterable[tuple[str, str]], prefixes: list[str]) -> None:
    """Refuse the first (field, S3 URI) of ``locations`` outside ``prefixes``.

    The message depends only on the job's spec and the operator config, never on S3: the same
    words for an object that exists and one that does not.
    """
    for field, uri in locations:
        if may_use(uri, prefixes):
            continue
        shown = ", ".join(prefixes) if prefixes else "none"
        raise S3LocationNotAllowedError(
            f"{field}: {uri} is outside the S3 prefixes namespace {namespace} may use ({shown}); the "
            "operator reads and writes S3 for a job only there, so nothing was read and no training job "
            "was created. Use a location under one of them (without '.' or '..' segments), or ask the "
            "platform team to allow the prefix for this namespace (operator config "
            "sagemaker.allowed_s3_prefixes)"
        )


def _in_normal_form(uri: str) -> bool:
    """No '.', '..' or empty segment in the key (a trailing '/' ends a prefix, it is no segment)."""
    segments = uri[len(ANY_BUCKET) :].split("/")[1:]
    if segments and segments[-1] == "":
        segments.pop()
    return all(segment not in ("", ".", "..") for segment in segments)


def _as_prefix(uri: str) -> str:
    return uri if uri.endswith("/") else uri + "/"
