"""Storage confinement: where a job's pods may read and write on the shared file system.

One FSx volume serves every namespace, so the namespace is the tenant boundary on it. The
platform team chooses, in the operator config (``storage:``), where the claim is mounted,
which directories a namespace's jobs may read, and where each job may write (its own
directory, ``/fsx/finetune/<namespace>/<name>`` by default). A tenant chooses paths only
inside those roots. Paths are compared in their normalised lexical form (``..``, ``.`` and
``//`` resolved), so a path cannot climb out of a root by spelling. The pods see only
these roots: each is mounted from the claim as a ``subPath``, read-only unless written to.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from finetune_operator.errors import InvalidSpecError

TEMPLATE_FIELD = re.compile(r"\{([^}]*)\}")
TEMPLATE_FIELDS = {"namespace", "name"}


def normalise(path: str) -> str:
    """The lexical normal form of an absolute path: no ``.``/``..`` parts, no repeated or
    trailing ``/`` (``posixpath.normpath`` keeps a leading ``//``, which is collapsed here)."""
    normal = posixpath.normpath(path)
    return "/" + normal.lstrip("/") if normal.startswith("/") else normal


def within(path: str, root: str) -> bool:
    """Whether normalised ``path`` is ``root`` or below it."""
    return root == "/" or path == root or path.startswith(root + "/")


def _check_root(value: str, fields: set[str]) -> str:
    used = set(TEMPLATE_FIELD.findall(value))
    if not used <= fields:
        allowed = ", ".join(sorted("{" + f + "}" for f in fields)) or "no placeholder"
        raise ValueError(f"{value!r}: {allowed} may be used here")
    if not value.startswith("/") or normalise(value) != value:
        raise ValueError(
            f"{value!r} must be an absolute path in normal form (no '..', '.', '//' or trailing '/')"
        )
    return value


class NamespaceStorage(BaseModel):
    """One namespace's roots, replacing the defaults of ``StoragePolicy`` that it sets."""

    model_config = ConfigDict(extra="forbid")

    write_root: str | None = None
    read_roots: list[str] | None = None

    @field_validator("write_root")
    @classmethod
    def _write_root(cls, value: str | None) -> str | None:
        return None if value is None else _check_write_root(value)

    @field_validator("read_roots")
    @classmethod
    def _read_roots(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [_check_root(v, {"namespace"}) for v in value]


def _check_write_root(value: str) -> str:
    _check_root(value, TEMPLATE_FIELDS)
    if "{name}" not in value:
        raise ValueError(f"{value!r} must contain {{name}}: every job writes to a directory of its own")
    return value


MAX_ID = 2**31 - 1
"""The largest uid or gid Kubernetes accepts in a securityContext (an int64 field, but Linux ids are 32-bit
and runAsUser's validation stops at 2^31 - 1)."""


class PosixUser(BaseModel):
    """Who a job's pods are on the shared file system: the uid and gid they run as, so the owner
    of every file they write. FSx for Lustre checks plain POSIX permissions, and its ownership is
    the platform team's choice (docs/hyperpod-clusters.md: the one-time preparation gives the
    write roots to this user). The trainer images define user ``finetune`` as 1000:1000 with a
    home directory (build args ``TRAINER_UID``/``TRAINER_GID``); other ids need images built
    with them, or ``HOME`` and user lookups in the trainer have no user to resolve."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    uid: int = Field(
        default=1000, ge=1, le=MAX_ID, description="runAsUser of trainer and upload pods; not 0."
    )
    gid: int = Field(default=1000, ge=1, le=MAX_ID, description="runAsGroup: the group of what they write.")
    supplemental_groups: list[int] = Field(
        default_factory=list,
        description=(
            "Further groups, e.g. the group that owns /dev/neuron* where the nodes follow Neuron's "
            "hardening (device nodes root:neuron 0660)."
        ),
    )

    @field_validator("supplemental_groups")
    @classmethod
    def _ids(cls, value: list[int]) -> list[int]:
        for gid in value:
            if not 0 < gid <= MAX_ID:
                raise ValueError(f"{gid}: a group id lies between 1 and {MAX_ID} (not 0, root's group)")
        return value


class StoragePolicy(BaseModel):
    """The platform team's storage policy (operator config section ``storage:``).

    ``{namespace}`` and ``{name}`` in a root stand for the job's namespace and name.
    """

    model_config = ConfigDict(extra="forbid")

    claim_mount_path: str = Field(
        default="/fsx", description="Where the pods see the claim's root; every other root lies below it."
    )
    write_root: str = Field(
        default="/fsx/finetune/{namespace}/{name}",
        description="The one directory a job writes (checkpoints, output, TensorBoard); contains {name}.",
    )
    read_roots: list[str] = Field(
        default_factory=lambda: ["/fsx/models", "/fsx/data/{namespace}", "/fsx/finetune/{namespace}"],
        description="What a job may read (models, data, its namespace's earlier jobs), mounted read-only.",
    )
    compile_cache_dir: str = Field(
        default="/fsx/neuron_cache",
        description="The Neuron compile cache every job shares (read-write: compiled graphs, no data).",
    )
    namespaces: dict[str, NamespaceStorage] = Field(
        default_factory=dict, description="Per-namespace write root and read roots."
    )
    run_as: PosixUser = Field(
        default_factory=PosixUser,
        description="uid, gid and supplemental groups of trainer and upload pods: who owns what they write.",
    )

    @field_validator("claim_mount_path", "compile_cache_dir")
    @classmethod
    def _plain(cls, value: str) -> str:
        return _check_root(value, set())

    @field_validator("write_root")
    @classmethod
    def _write_root(cls, value: str) -> str:
        return _check_write_root(value)

    @field_validator("read_roots")
    @classmethod
    def _read_roots(cls, value: list[str]) -> list[str]:
        return [_check_root(v, {"namespace"}) for v in value]

    @model_validator(mode="after")
    def _below_the_mount(self) -> StoragePolicy:
        roots = [self.write_root, *self.read_roots, self.compile_cache_dir]
        for ns in self.namespaces.values():
            roots += [ns.write_root or "", *(ns.read_roots or [])]
        for root in filter(None, roots):
            if not within(root, self.claim_mount_path):
                raise ValueError(f"{root!r} is not below claim_mount_path {self.claim_mount_path!r}")
        return self

    def for_job(self, namespace: str, name: str, compile_cache_dir: str | None = None) -> JobStorage:
        """The roots of job ``namespace/name``, templates filled in; ``compile_cache_dir`` is the
        Neuron compile cache the job keeps itself (``spec.storage.compileCacheDir``), which
        replaces the platform's shared one."""
        override = self.namespaces.get(namespace) or NamespaceStorage()
        write = (override.write_root or self.write_root).format(namespace=namespace, name=name)
        reads = override.read_roots if override.read_roots is not None else self.read_roots
        return JobStorage(
            mount_path=self.claim_mount_path,
            write_root=normalise(write),
            read_roots=tuple(normalise(r.format(namespace=namespace)) for r in reads),
            compile_cache_dir=normalise(compile_cache_dir) if compile_cache_dir else self.compile_cache_dir,
            run_as=self.run_as,
        )


@dataclass(frozen=True)
class JobStorage:
    """Where one job's pods may read and write; all paths normalised. ``compile_cache_dir`` is the
    Neuron compile cache its pods use: the platform's, or the one the job keeps itself."""

    mount_path: str
    write_root: str
    read_roots: tuple[str, ...]
    compile_cache_dir: str
    run_as: PosixUser

    def check_write(self, field: str, path: str) -> None:
        """Refuse a write location outside the job's own directory."""
        if not path.startswith("/"):
            return
        if not within(normalise(path), self.write_root):
            raise InvalidSpecError(
                f"{field}: {path} is outside this job's directory {self.write_root}; a job writes only "
                f"there (leave the field empty for the default, or use a path under {self.write_root}/)"
            )

    def check_read(self, field: str, path: str) -> None:
        """Refuse a read location outside the namespace's read roots and the job's directory."""
        if not path.startswith("/"):
            return
        roots = (*self.read_roots, self.write_root)
        if not any(within(normalise(path), root) for root in roots):
            raise InvalidSpecError(
                f"{field}: {path} is not in a directory this namespace may read ({', '.join(roots)}); "
                "use a path below one of them or an s3:// URI, or ask the platform team to add a read root"
            )

    def mounts(self, compile_cache_dir: str | None) -> list[tuple[str, str, bool]]:
        """(mountPath, subPath, readOnly) for each root the pods see, parents before children;
        ``compile_cache_dir`` is the Neuron cache the pods use, if any."""
        writable = [self.write_root]
        if compile_cache_dir and not within(normalise(compile_cache_dir), self.write_root):
            writable.append(normalise(compile_cache_dir))
        readable = [r for r in self.read_roots if not any(within(r, w) for w in writable)]
        entries = {path: True for path in readable} | {path: False for path in writable}
        return [
            (path, posixpath.relpath(path, self.mount_path) if path != self.mount_path else "", entries[path])
            for path in sorted(entries, key=lambda p: (p.count("/"), p))
        ]
