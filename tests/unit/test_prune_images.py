"""hack/prune_images.py: the image cache keeps each repository's current image and its newest others,
and no blob a kept image needs is deleted."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from hack.prune_images import listed_refs, prune_layout

REPO = "localhost/finetune-testbed"


def write_blob(layout: Path, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()
    path = layout / "blobs" / "sha256" / digest
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return f"sha256:{digest}"


def push(layout: Path, ref: str, layers: list[bytes], pushed_at: float) -> dict:
    """An image as buildah pushes it: its layers, a config, a manifest, an index entry."""
    manifest = {
        "config": {"digest": write_blob(layout, f"config of {ref}".encode())},
        "layers": [{"digest": write_blob(layout, layer)} for layer in layers],
    }
    digest = write_blob(layout, json.dumps(manifest).encode())
    os.utime(layout / "blobs" / "sha256" / digest.split(":")[1], (pushed_at, pushed_at))
    return {"digest": digest, "annotations": {"org.opencontainers.image.ref.name": ref}}


def test_each_repository_keeps_its_current_image_and_its_newest_others(tmp_path: Path) -> None:
    torch_layer = b"the torch layer every trainer image shares"
    trainers = [f"{REPO}/trainer-cpu:{n}" for n in range(6)]
    manifests = [
        push(tmp_path, ref, [torch_layer, f"trainer package {n}".encode()], pushed_at=1000 + n)
        for n, ref in enumerate(trainers)
    ]
    manifests.append(push(tmp_path, f"{REPO}/operator:old", [b"operator layer"], pushed_at=1))
    (tmp_path / "index.json").write_text(json.dumps({"schemaVersion": 2, "manifests": manifests}))

    # trainer 0 is current (an old commit checked out again): it stays, with the 3 newest others.
    removed = prune_layout(tmp_path, current={trainers[0]}, keep=3)

    assert removed == [trainers[1], trainers[2]]
    assert set(listed_refs(tmp_path)) == {trainers[0], *trainers[3:], f"{REPO}/operator:old"}
    blobs = {path.read_bytes() for path in (tmp_path / "blobs" / "sha256").iterdir()}
    assert torch_layer in blobs and b"trainer package 0" in blobs and b"trainer package 5" in blobs
    assert b"trainer package 1" not in blobs and b"trainer package 2" not in blobs
    # What is left is a layout whose every kept manifest still resolves.
    assert prune_layout(tmp_path, current={trainers[0]}, keep=3) == []


def test_a_layout_not_built_yet_prunes_nothing(tmp_path: Path) -> None:
    assert prune_layout(tmp_path / "oci", current=set()) == []
    assert listed_refs(tmp_path / "oci") == []
