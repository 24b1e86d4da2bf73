#!/usr/bin/env python3
"""The cache key of each image the bed's node runs: a hash of exactly what the image is built from.

hack/build-images.sh builds an image only when its key is new, and hack/testbed/node.py imports the
image with that key into the node's containerd, so both must agree: they share this module.
A key covers the image's own inputs and its base's key, never unrelated files: editing the
operator must not rebuild the 5 GB trainer image.

    python3 hack/image_keys.py            # one `name key` per line
    python3 hack/image_keys.py --shell    # `key[name]=...` lines for bash
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
IMAGES = ("base", "pause", "init-pytorch", "operator", "trainer-cpu")
REGISTRY = "localhost/finetune-testbed"


def read_versions() -> dict[str, str]:
    versions = {}
    for line in (REPO_ROOT / "hack" / "versions.env").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            versions[name] = value
    return versions


def files_digest(*paths: str) -> str:
    """Hash of the paths and contents of the files under `paths` that git tracks or would track."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *paths],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    digest = hashlib.sha256()
    for name in sorted(set(listed)):
        path = REPO_ROOT / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def short(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def image_keys() -> dict[str, str]:
    versions = read_versions()
    base = short("base", "bookworm", versions["BASE_DEB_PACKAGES"])
    return {
        "base": base,
        "pause": short("pause", versions["KUBERNETES_VERSION"]),
        "init-pytorch": short("init-pytorch", base, versions["INIT_DEB_PACKAGES"]),
        "operator": short(
            "operator",
            base,
            files_digest(
                "Dockerfile",
                ".dockerignore",
                "pyproject.toml",
                "README.md",
                "operator",
                "trainer-images/contract",
            ),
        ),
        "trainer-cpu": short(
            "trainer-cpu",
            base,
            files_digest(
                "trainer-images/.dockerignore",
                "trainer-images/cpu/Dockerfile",
                "trainer-images/trainer/pyproject.toml",
                "trainer-images/trainer/src",
                "trainer-images/contract",
            ),
        ),
    }


def image_refs() -> dict[str, str]:
    return {name: f"{REGISTRY}/{name}:{key}" for name, key in image_keys().items()}


if __name__ == "__main__":
    keys = image_keys()
    for name in IMAGES:
        print(f"key[{name}]={keys[name]}" if sys.argv[1:] == ["--shell"] else f"{name} {keys[name]}")
