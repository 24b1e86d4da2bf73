"""`python -m finetune_trainer.publish`: the operator's publish step (docs/architecture.md,
"Evaluation and publishing"). It runs in a pod of its own after training succeeded, in the job's
namespace, with the run's output mounted read-only and the namespace's publish credentials (a
mounted docker config, or AWS keys in its environment); it never writes to the output.

- `oci://<registry>/<repository>:<tag>`: the output directory as an OCI image
  (`finetune_contract.oci`: KServe modelcar `/models` and KAITO `/data` layout), pushed with the
  distribution API;
- `s3://<bucket>/<prefix>`: every file copied under the prefix, then `manifest.json` (each file's
  path, size and sha256, and the annotations; `finetune_contract.publish_manifest`) written last,
  so a manifest names only complete uploads.

The result (`{"reference": ..., "digest": ...}`) goes to `--result`, the container's termination
message, where the operator reads it. Exit codes: 0 published; 1 a failure another try may get
past (the registry or S3 unreachable or busy: the Job retries); 2 one it will not (refused
credentials, a missing output: the operator's Job stops retrying).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from finetune_contract.oci import (
    Reference,
    RegistryClient,
    RegistryError,
    build_image,
    docker_credentials,
    load_docker_config,
)
from finetune_contract.publish_manifest import (
    MANIFEST_CONTENT_TYPE,
    MANIFEST_NAME,
    ManifestFile,
    PublishManifest,
    manifest_key,
)

log = logging.getLogger("finetune_trainer.publish")

EXIT_PUBLISHED = 0
EXIT_RETRY = 1
EXIT_REFUSED = 2
S3_MANIFEST = MANIFEST_NAME


class PublishError(RuntimeError):
    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


def publish_oci(
    source: Path,
    target: str,
    annotations: Mapping[str, str],
    docker_config: str | None,
    insecure: Sequence[str],
) -> dict[str, str]:
    reference = Reference.parse(target)
    credentials = docker_credentials(load_docker_config(docker_config), reference.registry)
    client = RegistryClient(
        reference.registry, insecure=reference.registry in insecure, credentials=credentials
    )
    image = build_image(source, annotations)
    try:
        digest = client.push(reference, image)
    except RegistryError as err:
        raise PublishError(str(err), err.retryable) from None
    return {"reference": reference.pinned(digest), "digest": digest}


def s3_manifest(source: Path, target: str, annotations: Mapping[str, str]) -> PublishManifest:
    """What ``manifest.json`` says of the copied output: each file, its size and sha256."""
    files = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files.append(
            ManifestFile(
                path=path.relative_to(source).as_posix(),
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    return PublishManifest(target=target, annotations=annotations, files=files)


RETRYABLE_S3_CODES = ("SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout", "503", "500")


def publish_s3(
    source: Path, target: str, annotations: Mapping[str, str], endpoint_url: str | None
) -> dict[str, str]:
    import boto3
    import boto3.exceptions
    import botocore.exceptions

    bucket, _, prefix = target.removeprefix("s3://").partition("/")
    prefix = prefix.strip("/")

    def key(name: str) -> str:
        return f"{prefix}/{name}" if prefix else name

    manifest = s3_manifest(source, target, annotations)
    s3 = boto3.client("s3", endpoint_url=endpoint_url)
    try:
        for entry in manifest.files:
            s3.upload_file(str(source / entry.path), bucket, key(entry.path))  # multipart when large
        s3.put_object(
            Bucket=bucket, Key=manifest_key(prefix), Body=manifest.body(), ContentType=MANIFEST_CONTENT_TYPE
        )
    except (botocore.exceptions.ClientError, boto3.exceptions.S3UploadFailedError) as err:
        retryable = any(code in str(err) for code in RETRYABLE_S3_CODES)
        raise PublishError(f"s3://{bucket}: {err}", retryable) from None
    except (botocore.exceptions.BotoCoreError, OSError) as err:
        raise PublishError(f"s3://{bucket}: {err}", retryable=True) from None
    return {"reference": f"s3://{bucket}/{manifest_key(prefix)}", "digest": manifest.digest()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="finetune-publish", description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="the output directory to publish (read only)")
    parser.add_argument(
        "--target", required=True, help="oci://<registry>/<repository>:<tag> or s3://<bucket>/<prefix>"
    )
    parser.add_argument(
        "--annotation", action="append", default=[], help="key=value, recorded with the artifact"
    )
    parser.add_argument("--docker-config", help="a .dockerconfigjson with the registry's credentials")
    parser.add_argument(
        "--insecure-registry", action="append", default=[], help="host:port reached over HTTP"
    )
    parser.add_argument("--s3-endpoint-url", help="an S3 endpoint other than AWS's")
    parser.add_argument("--result", default="/dev/termination-log", help="where the result JSON goes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    source = Path(args.source)
    annotations = dict(item.partition("=")[::2] for item in args.annotation)
    try:
        if not source.is_dir() or not any(source.iterdir()):
            raise PublishError(f"{source}: the output to publish is missing or empty", retryable=False)
        if args.target.startswith("oci://"):
            result = publish_oci(source, args.target, annotations, args.docker_config, args.insecure_registry)
        else:
            result = publish_s3(source, args.target, annotations, args.s3_endpoint_url)
    except PublishError as err:
        log.error("not published (%s): %s", "will retry" if err.retryable else "for good", err)
        Path(args.result).write_text(json.dumps({"error": str(err)[:3000]}), encoding="utf-8")
        return EXIT_RETRY if err.retryable else EXIT_REFUSED
    log.info("published %s", result["reference"])
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")
    return EXIT_PUBLISHED


if __name__ == "__main__":
    sys.exit(main())
