"""The `manifest.json` an `s3://` publish target gets (docs/operations.md, "Publishing"): one schema
for both ways a job is published to S3.

- HyperPod: the publish step copies the output's files under the prefix (`finetune_trainer.publish`)
  and knows each file's bytes, so it records their sha256.
- SageMaker: the operator publishes the objects the training job wrote to S3 without downloading
  them (`finetune_operator.backends.sagemaker.publish`), so it records what S3 says of each: its
  size and ETag, and its sha256 only where S3 holds a full-object SHA-256 checksum.

The manifest is written last, after every object it names is in place: a consumer that finds it
finds complete objects. `target` is spec.publish.target; `annotations` say where the output comes
from (the same keys the OCI artifact carries: `dev.finetune.job`, `dev.finetune.uid`, the
evaluation's metrics, ...); each file's `path` is relative to the target's prefix.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

MANIFEST_NAME = "manifest.json"
MANIFEST_CONTENT_TYPE = "application/json"


@dataclasses.dataclass(frozen=True)
class ManifestFile:
    path: str
    """Relative to the publish prefix."""
    size: int
    sha256: str | None = None
    """Hex digest of the bytes, when known."""
    etag: str | None = None
    """S3's ETag (without quotes): an MD5 for a single-part upload, ``<md5>-<parts>`` for a multipart one."""

    def document(self) -> dict[str, Any]:
        found: dict[str, Any] = {"path": self.path, "size": self.size}
        if self.sha256 is not None:
            found["sha256"] = self.sha256
        if self.etag is not None:
            found["etag"] = self.etag
        return found


@dataclasses.dataclass(frozen=True)
class PublishManifest:
    target: str
    annotations: Mapping[str, str]
    files: Sequence[ManifestFile]

    def document(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "annotations": dict(sorted(self.annotations.items())),
            "files": [f.document() for f in sorted(self.files, key=lambda f: f.path)],
        }

    def body(self) -> bytes:
        """The bytes written to ``<prefix>/manifest.json`` (stable: the same manifest, the same bytes)."""
        return json.dumps(self.document(), indent=2, sort_keys=True).encode()

    def digest(self) -> str:
        """``sha256:<hex>`` of ``body``: what ``status.output.digest`` records."""
        return "sha256:" + hashlib.sha256(self.body()).hexdigest()

    @classmethod
    def parse(cls, body: bytes | str) -> PublishManifest:
        document = json.loads(body)
        return cls(
            target=document["target"],
            annotations=dict(document.get("annotations") or {}),
            files=[
                ManifestFile(path=f["path"], size=int(f["size"]), sha256=f.get("sha256"), etag=f.get("etag"))
                for f in document["files"]
            ],
        )


def manifest_key(prefix: str) -> str:
    """Where the manifest of a publish prefix (a key prefix without a trailing '/') lives."""
    return f"{prefix}/{MANIFEST_NAME}" if prefix else MANIFEST_NAME
