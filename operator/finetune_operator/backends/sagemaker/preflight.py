"""Data pre-flight: check the S3 training data before a training job is created.

A SageMaker job with a wrong data path fails only after instances were provisioned and
the image pulled (minutes and money later), with a generic ``ClientError`` in the logs.
So before submitting, every declared source must exist (``head_object`` for a file,
``list_objects_v2`` for a prefix) and the first records of a few JSONL files must have
the declared format's shape: ``finetune_contract.formats.shape_problem``, with which the
trainer's parsers start too (Amazon's Nova images read the same shapes). Enough to catch a
wrong path, a wrong format or a non-JSONL file, not a full data validation.

It reads with the operator's own identity, so it only ever sees URIs that passed the
namespace's allowed S3 prefixes (``s3access.py``) when the request was planned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlparse

from botocore.exceptions import ClientError

from finetune_contract.formats import shape_problem
from finetune_operator.api.training_config import DataFormat

_SAMPLE_BYTES = 256 * 1024
_MISSING_CODES = {"404", "NoSuchKey", "NotFound"}
_DENIED_CODES = {"403", "AccessDenied", "Forbidden"}


class S3Client(Protocol):
    """The three S3 calls the pre-flight makes (a boto3 S3 client satisfies it)."""

    def head_object(self, **kwargs: Any) -> dict[str, Any]: ...

    def list_objects_v2(self, **kwargs: Any) -> dict[str, Any]: ...

    def get_object(self, **kwargs: Any) -> dict[str, Any]: ...


@dataclass(frozen=True)
class DataProblem:
    """Why one data source cannot be used; ``reason`` becomes the condition reason."""

    source: str
    reason: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def parse_s3_uri(uri: str) -> tuple[str, str]:
    """``s3://bucket/key`` -> (bucket, key); ValueError for anything else."""
    parsed = urlparse(uri)
    if parsed.scheme != "s3" or not parsed.netloc:
        raise ValueError(f"{uri!r} is not an s3://bucket/key URI")
    return parsed.netloc, parsed.path.lstrip("/")


def check_data_sources(
    s3: S3Client,
    uris: Iterable[str],
    data_format: DataFormat,
    *,
    sample_lines: int,
    sample_files: int,
) -> list[DataProblem]:
    """Every problem found in ``uris``; an empty list means the data looks usable."""
    problems: list[DataProblem] = []
    for uri in uris:
        problems.extend(_check_source(s3, uri, data_format, sample_lines, sample_files))
    return problems


def _check_source(
    s3: S3Client, uri: str, data_format: DataFormat, sample_lines: int, sample_files: int
) -> list[DataProblem]:
    try:
        bucket, key = parse_s3_uri(uri)
    except ValueError as error:
        return [DataProblem(uri, "DataSourceInvalid", f"{error}; SageMaker jobs read data from S3 only")]
    try:
        keys = _object_keys(s3, bucket, key)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in _DENIED_CODES:
            raise
        return [
            DataProblem(
                uri,
                "DataSourceInaccessible",
                "the operator's AWS identity may not read it; grant it s3:ListBucket and s3:GetObject "
                "on the data as well as the job's execution role",
            )
        ]
    if not keys:
        return [DataProblem(uri, "DataSourceMissing", "no S3 object or non-empty prefix exists at this URI")]
    jsonl_keys = [candidate for candidate in keys if candidate.endswith(".jsonl")]
    if not jsonl_keys:
        return [DataProblem(uri, "DataSourceInvalid", "holds no .jsonl file")]
    problems = []
    for sample_key in jsonl_keys[:sample_files]:
        problem = _check_sample(s3, bucket, sample_key, data_format, sample_lines)
        if problem is not None:
            problems.append(DataProblem(f"s3://{bucket}/{sample_key}", "DataFormatInvalid", problem))
    return problems


def _object_keys(s3: S3Client, bucket: str, key: str) -> list[str]:
    """[key] for an existing object, else the object keys under ``key`` as a prefix."""
    if key and not key.endswith("/"):
        try:
            s3.head_object(Bucket=bucket, Key=key)
            return [key]
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in _MISSING_CODES:
                raise
    prefix = key if not key or key.endswith("/") else key + "/"
    keys: list[str] = []
    kwargs: dict[str, Any] = {"Bucket": bucket, "Prefix": prefix}
    while True:
        try:
            page = s3.list_objects_v2(**kwargs)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "NoSuchBucket":
                return []
            raise
        keys.extend(item["Key"] for item in page.get("Contents", []) if not item["Key"].endswith("/"))
        if not page.get("IsTruncated"):
            return sorted(keys)
        kwargs["ContinuationToken"] = page["NextContinuationToken"]


def _check_sample(
    s3: S3Client, bucket: str, key: str, data_format: DataFormat, sample_lines: int
) -> str | None:
    """A message describing the first bad record among the first lines, or None."""
    response = s3.get_object(Bucket=bucket, Key=key, Range=f"bytes=0-{_SAMPLE_BYTES - 1}")
    body: bytes = response["Body"].read()
    truncated = len(body) >= _SAMPLE_BYTES
    lines = body.decode("utf-8", errors="replace").splitlines()
    if truncated and lines:
        lines = lines[:-1]  # the last line was cut by the byte range
    checked = 0
    for number, line in enumerate(lines, start=1):
        if checked >= sample_lines:
            break
        if not line.strip():
            continue
        checked += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            return f"line {number} is not JSON ({error.msg})"
        if not isinstance(record, dict):
            return f"line {number} is not a JSON object"
        reason = shape_problem(data_format, record)
        if reason is not None:
            return f"line {number} is not a {data_format.value} record: {reason}"
    if checked == 0:
        return "has no records"
    return None


def check_code_sources(s3: S3Client, uris: Iterable[str]) -> list[DataProblem]:
    """Each s3:// reward or tool module exists (the trainer would otherwise fail at start-up,
    after the instances were paid for)."""
    problems: list[DataProblem] = []
    for uri in uris:
        bucket, key = parse_s3_uri(uri)
        try:
            s3.head_object(Bucket=bucket, Key=key)
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            if code in _MISSING_CODES or code == "NoSuchBucket":
                problems.append(DataProblem(uri, "CodeSourceMissing", "no S3 object exists at this URI"))
            elif code in _DENIED_CODES:
                problems.append(
                    DataProblem(
                        uri,
                        "CodeSourceInaccessible",
                        "the operator's AWS identity may not read it; grant it s3:GetObject on the module "
                        "as well as the job's execution role",
                    )
                )
            else:
                raise
    return problems
