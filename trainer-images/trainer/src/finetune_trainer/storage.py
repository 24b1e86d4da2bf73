"""Local, FSx and `s3://` inputs, with S3 objects downloaded to a node-local cache once per node.

Every rank asks for the same path; the node's local rank 0 downloads while the other local ranks
wait for a marker file, so a node never downloads the same object twice. Objects land in a
temporary name first and are renamed into place, so a crash mid-download leaves no half file that
a later attempt would mistake for complete.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

DEFAULT_CACHE_DIR = Path(os.environ.get("FINETUNE_CACHE_DIR", "/tmp/finetune-cache"))
COMPLETE_MARKER = ".download-complete"


class StorageError(RuntimeError):
    """An input cannot be fetched now (a network or S3 service error): the operator may retry (exit 1)."""


class InputMissing(StorageError):
    """An input is not there, or this job may not read it: a missing local path, or S3 answering that
    the bucket, object or prefix does not exist or access is denied. Retrying cannot help (exit 2)."""


MISSING_S3_CODES = frozenset({"404", "403", "NoSuchKey", "NoSuchBucket", "AccessDenied", "AllAccessDisabled"})
"""S3 error codes that say the input is not there for this job; any other error may pass."""


def _s3_error_code(exc: BaseException) -> str | None:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = (response.get("Error") or {}).get("Code")
        return str(code) if code is not None else None
    return None


def split_s3_uri(uri: str) -> tuple[str, str]:
    if not uri.startswith("s3://"):
        raise ValueError(f"not an s3:// URI: {uri}")
    bucket, _, key = uri[len("s3://") :].partition("/")
    if not bucket:
        raise InputMissing(f"{uri}: the URI names no bucket")
    return bucket, key


def cache_path_for(uri: str, cache_dir: Path) -> Path:
    bucket, key = split_s3_uri(uri)
    return cache_dir / "s3" / bucket / key.strip("/")


def _download(uri: str, target: Path, client: Any) -> None:
    """Downloads one object, or every object under a prefix (a model directory), into `target`.

    Raises InputMissing when S3 says the input is not there (or not for this job), StorageError
    on any other failure."""
    try:
        _fetch(uri, target, client)
    except StorageError:
        raise
    except Exception as exc:
        if _s3_error_code(exc) in MISSING_S3_CODES:
            raise InputMissing(f"{uri}: no such object or prefix, or no access ({exc})") from exc
        raise StorageError(f"{uri}: cannot fetch ({exc})") from exc


def _fetch(uri: str, target: Path, client: Any) -> None:
    bucket, key = split_s3_uri(uri)
    prefix = key.rstrip("/") + "/" if key else ""
    keys: list[str] = []
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    if keys:
        for object_key in keys:
            destination = target / object_key[len(prefix) :]
            destination.parent.mkdir(parents=True, exist_ok=True)
            _download_file(client, bucket, object_key, destination)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    _download_file(client, bucket, key, target)


def _download_file(client: Any, bucket: str, key: str, destination: Path) -> None:
    partial = destination.with_name(destination.name + ".partial")
    client.download_file(bucket, key, str(partial))
    partial.replace(destination)


def _marker(target: Path) -> Path:
    return target.parent / f"{target.name}{COMPLETE_MARKER}"


def localize(
    path: str,
    *,
    local_rank: int,
    cache_dir: Path = DEFAULT_CACHE_DIR,
    client: Any = None,
    wait_timeout_s: float = 3600.0,
) -> Path:
    """Returns a local path for a local/FSx path or an `s3://` URI (file or prefix)."""
    if not path.startswith("s3://"):
        local = Path(path)
        if not local.exists():
            raise InputMissing(f"{path}: no such file or directory")
        return local
    target = cache_path_for(path, cache_dir)
    marker = _marker(target)
    if marker.exists():
        return target
    if local_rank == 0:
        if client is None:
            import boto3

            client = boto3.client("s3")
        _download(path, target, client)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(path + "\n", encoding="utf-8")
        return target
    deadline = time.monotonic() + wait_timeout_s
    while not marker.exists():
        if time.monotonic() > deadline:
            raise StorageError(
                f"{path}: local rank 0 did not finish downloading within {wait_timeout_s:.0f} s"
            )
        time.sleep(0.5)
    return target
