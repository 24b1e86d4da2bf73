"""A fine-tuned adapter (or model) as an OCI image, and the few calls of the OCI distribution API that
push and pull one (standard library only: the publish step, the demo and the tests share it).

The layout follows what serving pulls (docs/operations.md, "Publishing", records the sources):

- KServe "modelcars" (`storageUri: oci://...`) run the image as a sidecar and serve the files under
  `/models`;
- KAITO's adapter images (`adapters[].source.image`) are copied from `/data`.

So the image has one layer, an uncompressed tar with the output's files under `models/` and the same
files again under `data/` as hard links (no second copy of the bytes), no image index, and an image
config with the layer's diff id and no `os`/`architecture` (platform-independent, as KAITO's adapter
image specification asks), which containerd, `crane` and `oras` pull. The tar is reproducible
(sorted names, zero times and owners): the same output always gives the same digest, so a retried
push changes nothing.

Push: every blob with a monolithic upload (`POST /v2/<name>/blobs/uploads/`, then `PUT
<location>?digest=`), skipped when `HEAD` finds it, then `PUT /v2/<name>/manifests/<tag>`. A
registry answering 401 with a `Bearer` challenge gets a token from its realm (with the docker
config's credentials, if any); `Basic` uses them directly.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import os
import tarfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json"
CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json"
LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar"
SERVED_DIRECTORIES = ("models", "data")
"""Where the files are in the image: KServe modelcars serve `/models`, KAITO copies `/data`."""
ANNOTATION_PREFIX = "dev.finetune."


@dataclasses.dataclass(frozen=True)
class Blob:
    media_type: str
    data: bytes

    @property
    def digest(self) -> str:
        return "sha256:" + hashlib.sha256(self.data).hexdigest()

    def descriptor(self) -> dict[str, Any]:
        return {"mediaType": self.media_type, "digest": self.digest, "size": len(self.data)}


@dataclasses.dataclass(frozen=True)
class Image:
    config: Blob
    layer: Blob
    manifest: bytes

    @property
    def digest(self) -> str:
        return "sha256:" + hashlib.sha256(self.manifest).hexdigest()


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and not p.is_symlink())


def layer_tar(directory: Path) -> bytes:
    """The reproducible layer: ``directory``'s files under ``models/``, hard-linked under ``data/``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        files = [p.relative_to(directory).as_posix() for p in _files(directory)]
        folders = sorted({str(Path(f).parent) for f in files} - {"."})
        first, *others = SERVED_DIRECTORIES
        for top in SERVED_DIRECTORIES:
            for folder in ["", *folders]:
                info = tarfile.TarInfo(f"{top}/{folder}".rstrip("/"))
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
        for name in files:
            info = tarfile.TarInfo(f"{first}/{name}")
            info.size, info.mode = (directory / name).stat().st_size, 0o644
            with (directory / name).open("rb") as handle:
                tar.addfile(info, handle)
        for top in others:
            for name in files:
                info = tarfile.TarInfo(f"{top}/{name}")
                info.type, info.linkname, info.mode = tarfile.LNKTYPE, f"{first}/{name}", 0o644
                tar.addfile(info)
    return buffer.getvalue()


def build_image(directory: Path, annotations: Mapping[str, str]) -> Image:
    """The image of ``directory`` (the adapter, or the merged or full model) with ``annotations``."""
    layer = Blob(LAYER_MEDIA_TYPE, layer_tar(directory))
    # No os/architecture: the files fit every platform, and KAITO's adapter image specification asks
    # for a platform-independent config (containerd accepts it); rootfs.diff_ids it requires.
    config_document = {
        "config": {"Labels": dict(sorted(annotations.items()))},
        "rootfs": {"type": "layers", "diff_ids": [layer.digest]},
    }
    config = Blob(CONFIG_MEDIA_TYPE, json.dumps(config_document, sort_keys=True).encode())
    manifest = {
        "schemaVersion": 2,
        "mediaType": MANIFEST_MEDIA_TYPE,
        "config": config.descriptor(),
        "layers": [layer.descriptor()],
        "annotations": dict(sorted(annotations.items())),
    }
    return Image(config, layer, json.dumps(manifest, sort_keys=True).encode())


def extract_layer(layer: bytes, directory: str = SERVED_DIRECTORIES[0]) -> dict[str, bytes]:
    """The files under ``directory/`` in a layer built by ``layer_tar``, by their relative path."""
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(layer), mode="r") as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.startswith(f"{directory}/"):
                extracted = tar.extractfile(member)
                assert extracted is not None
                files[member.name.removeprefix(f"{directory}/")] = extracted.read()
    return files


class RegistryError(RuntimeError):
    """The registry refused or could not be reached; ``retryable`` says whether another try may help."""

    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclasses.dataclass(frozen=True)
class Reference:
    registry: str
    repository: str
    tag: str

    @classmethod
    def parse(cls, target: str) -> Reference:
        """``oci://<registry>/<repository>:<tag>`` (or the same without ``oci://``)."""
        rest = target.removeprefix("oci://")
        registry, _, path = rest.partition("/")
        repository, _, tag = path.rpartition(":")
        if not registry or not repository or not tag:
            raise ValueError(f"{target!r} is not oci://<registry>/<repository>:<tag>")
        return cls(registry, repository, tag)

    def pinned(self, digest: str) -> str:
        return f"{self.registry}/{self.repository}@{digest}"


def docker_credentials(config: Mapping[str, Any], registry: str) -> tuple[str, str] | None:
    """The user and password a docker config (``.dockerconfigjson``) holds for ``registry``."""
    for host, entry in (config.get("auths") or {}).items():
        if host.removeprefix("https://").removeprefix("http://").rstrip("/") != registry:
            continue
        if entry.get("username") is not None:
            return str(entry["username"]), str(entry.get("password", ""))
        if entry.get("auth"):
            user, _, password = base64.b64decode(entry["auth"]).decode().partition(":")
            return user, password
    return None


@dataclasses.dataclass
class RegistryClient:
    """The distribution API calls of one registry (``http://`` when ``insecure``, the bed's)."""

    registry: str
    insecure: bool = False
    credentials: tuple[str, str] | None = None
    timeout_s: float = 60.0
    _authorization: str | None = None

    @property
    def base(self) -> str:
        return f"{'http' if self.insecure else 'https'}://{self.registry}"

    def _open(self, method: str, url: str, body: bytes | None, headers: Mapping[str, str]) -> Any:
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
        if self._authorization:
            request.add_header("Authorization", self._authorization)
        return urllib.request.urlopen(request, timeout=self.timeout_s)

    def request(
        self,
        method: str,
        path_or_url: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[int, Mapping[str, str], bytes]:
        """One call, authenticating once on a 401 challenge; raises RegistryError on failure."""
        url = path_or_url if "://" in path_or_url else self.base + path_or_url
        for first_try in (True, False):
            try:
                with self._open(method, url, body, headers or {}) as response:
                    return response.status, dict(response.headers), response.read()
            except urllib.error.HTTPError as err:
                if (
                    err.code == 401
                    and first_try
                    and self._authenticate(err.headers.get("WWW-Authenticate", ""))
                ):
                    continue
                if method == "HEAD" and err.code == 404:
                    return 404, dict(err.headers), b""
                detail = err.read().decode(errors="replace")[:500]
                raise RegistryError(
                    f"{method} {url}: HTTP {err.code} {detail}",
                    retryable=err.code in (408, 429) or err.code >= 500,
                ) from None
            except (urllib.error.URLError, OSError) as err:
                raise RegistryError(f"{method} {url}: {err}", retryable=True) from None
        raise AssertionError("unreachable")

    def _authenticate(self, challenge: str) -> bool:
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() == "basic" and self.credentials:
            token = base64.b64encode(":".join(self.credentials).encode()).decode()
            self._authorization = f"Basic {token}"
            return True
        if scheme.lower() != "bearer":
            return False
        fields = dict(_challenge_fields(params))
        query = urllib.parse.urlencode({k: v for k, v in fields.items() if k in ("service", "scope")})
        request = urllib.request.Request(f"{fields.get('realm', '')}?{query}")
        if self.credentials:
            token = base64.b64encode(":".join(self.credentials).encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                document = json.loads(response.read())
        except (urllib.error.URLError, OSError, ValueError) as err:
            raise RegistryError(f"token from {fields.get('realm')}: {err}", retryable=True) from None
        self._authorization = f"Bearer {document.get('token') or document.get('access_token')}"
        return True

    def push_blob(self, repository: str, blob: Blob) -> None:
        status, _, _ = self.request("HEAD", f"/v2/{repository}/blobs/{blob.digest}")
        if status == 200:
            return
        _, headers, _ = self.request("POST", f"/v2/{repository}/blobs/uploads/", b"")
        location = _header(headers, "Location")
        if location is None:
            raise RegistryError(f"{self.registry}: upload of {blob.digest} got no Location", retryable=True)
        location = urllib.parse.urljoin(self.base + "/", location)
        separator = "&" if "?" in location else "?"
        self.request(
            "PUT",
            f"{location}{separator}digest={urllib.parse.quote(blob.digest)}",
            blob.data,
            {"Content-Type": "application/octet-stream"},
        )

    def push(self, reference: Reference, image: Image) -> str:
        """Pushes ``image`` as ``reference``'s tag; returns the manifest's digest."""
        for blob in (image.layer, image.config):
            self.push_blob(reference.repository, blob)
        _, headers, _ = self.request(
            "PUT",
            f"/v2/{reference.repository}/manifests/{reference.tag}",
            image.manifest,
            {"Content-Type": MANIFEST_MEDIA_TYPE},
        )
        returned = _header(headers, "Docker-Content-Digest")
        if returned is not None and returned != image.digest:
            raise RegistryError(f"the registry stored {returned}, not {image.digest}", retryable=False)
        return image.digest

    def pull(self, repository: str, tag_or_digest: str) -> tuple[dict[str, Any], list[bytes]]:
        """The manifest and the layers' bytes (each checked against its digest)."""
        _, _, body = self.request(
            "GET", f"/v2/{repository}/manifests/{tag_or_digest}", headers={"Accept": MANIFEST_MEDIA_TYPE}
        )
        manifest = json.loads(body)
        layers = []
        for descriptor in manifest["layers"]:
            _, _, data = self.request("GET", f"/v2/{repository}/blobs/{descriptor['digest']}")
            if "sha256:" + hashlib.sha256(data).hexdigest() != descriptor["digest"]:
                raise RegistryError(f"blob {descriptor['digest']} does not match its digest", retryable=True)
            layers.append(data)
        return manifest, layers


def _header(headers: Mapping[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


def _challenge_fields(params: str) -> Iterable[tuple[str, str]]:
    for part in params.split(","):
        key, _, value = part.strip().partition("=")
        if key:
            yield key, value.strip('"')


def load_docker_config(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    """A mounted ``.dockerconfigjson`` (empty without one: anonymous pushes)."""
    if path is None or not Path(path).is_file():
        return {}
    loaded = json.loads(Path(path).read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}
