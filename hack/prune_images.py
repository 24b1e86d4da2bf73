#!/usr/bin/env python3
"""Bound the bed's image cache: each repository keeps its current image and its newest others.

Every change to the operator or the trainer gives its image a new key (hack/image_keys.py), and
hack/build-images.sh pushes the new image into one OCI layout under ~/.cache, from which the
node's containerd imports it. Without pruning, each trainer change left about a gigabyte behind
in the layout, in buildah's storage and in containerd, run after run. The newest others are
kept so that other checkouts of this machine (a second worktree, a CI clone at another commit)
find their images without a rebuild.

    python3 hack/prune_images.py LAYOUT REF...      # REF: the current refs, which are always kept
    python3 hack/prune_images.py --listed LAYOUT    # the refs the layout holds, one per line

Prints each removed ref. Run by hack/build-images.sh under its lock, so nothing is pushed while
the index is rewritten and the blobs no kept image references are deleted.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

KEEP_OTHERS = 3
"""Per repository, besides the current image: enough for a few checkouts at other commits."""
REF_ANNOTATION = "org.opencontainers.image.ref.name"


def blob(layout: Path, digest: str) -> Path:
    algorithm, _, value = digest.partition(":")
    return layout / "blobs" / algorithm / value


def refs_to_remove(
    manifests: list[dict], current: set[str], pushed_at: dict[str, float], keep: int
) -> set[str]:
    """The refs that go: per repository, all but the current ones and the `keep` newest others."""
    by_repository: dict[str, list[str]] = {}
    for manifest in manifests:
        ref = manifest.get("annotations", {}).get(REF_ANNOTATION, "")
        if ref and ref not in current:
            by_repository.setdefault(ref.rpartition(":")[0], []).append(ref)
    removed: set[str] = set()
    for refs in by_repository.values():
        refs.sort(key=lambda ref: pushed_at.get(ref, 0.0), reverse=True)
        removed.update(refs[keep:])
    return removed


def referenced_blobs(layout: Path, manifests: list[dict]) -> set[str]:
    """Every blob a listed manifest needs: itself, its config and its layers."""
    digests: set[str] = set()
    for descriptor in manifests:
        manifest = json.loads(blob(layout, descriptor["digest"]).read_text())
        digests.add(descriptor["digest"])
        digests.add(manifest["config"]["digest"])
        digests.update(layer["digest"] for layer in manifest["layers"])
    return digests


def prune_layout(layout: Path, current: set[str], keep: int = KEEP_OTHERS) -> list[str]:
    index_path = layout / "index.json"
    if not index_path.exists():
        return []
    index = json.loads(index_path.read_text())
    manifests = index["manifests"]
    pushed_at = {
        m.get("annotations", {}).get(REF_ANNOTATION, ""): blob(layout, m["digest"]).stat().st_mtime
        for m in manifests
    }
    removed = refs_to_remove(manifests, current, pushed_at, keep)
    if not removed:
        return []
    kept = [m for m in manifests if m.get("annotations", {}).get(REF_ANNOTATION) not in removed]
    index["manifests"] = kept
    staged = index_path.with_suffix(".json.tmp")
    staged.write_text(json.dumps(index))
    os.replace(staged, index_path)
    needed = referenced_blobs(layout, kept)
    for path in (layout / "blobs").glob("*/*"):
        if f"{path.parent.name}:{path.name}" not in needed:
            path.unlink()
    return sorted(removed)


def listed_refs(layout: Path) -> list[str]:
    index_path = layout / "index.json"
    manifests = json.loads(index_path.read_text())["manifests"] if index_path.exists() else []
    return [m["annotations"][REF_ANNOTATION] for m in manifests if REF_ANNOTATION in m.get("annotations", {})]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--listed"]:
        print("\n".join(listed_refs(Path(argv[1]))))
        return 0
    layout, *current = argv
    for ref in prune_layout(Path(layout), set(current)):
        print(ref)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
