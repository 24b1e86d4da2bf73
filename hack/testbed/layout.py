"""Where the bed keeps everything: its state directory, the cached binaries (one per pinned
version), the network ranges, and the `Layout` that names every path."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from hack.image_keys import read_versions

REPO_ROOT = Path(__file__).resolve().parents[2]
STATE_DIR = Path(os.environ.get("FINETUNE_TESTBED_DIR", REPO_ROOT / ".testbed"))
CACHE_DIR = Path(os.environ.get("TESTBED_CACHE", Path.home() / ".cache" / "finetune-operator"))
BIN_DIR = CACHE_DIR / "bin"
SERVICE_CIDR = "10.96.0.0/16"
POD_CIDR = "10.244.0.0/16"


@dataclass(frozen=True)
class Layout:
    """Every path the bed uses, derived from the state directory and the pinned versions."""

    state: Path
    versions: dict[str, str]

    @property
    def pki(self) -> Path:
        return self.state / "pki"

    @property
    def logs(self) -> Path:
        return self.state / "logs"

    @property
    def etcd_data(self) -> Path:
        return self.state / "etcd-data"

    @property
    def kubeconfig(self) -> Path:
        return self.state / "kubeconfig"

    @property
    def state_file(self) -> Path:
        return self.state / "state.json"

    def binary(self, name: str) -> Path:
        version_key = {
            "etcd": "ETCD_VERSION",
            "kube-apiserver": "KUBERNETES_VERSION",
            "kube-controller-manager": "KUBERNETES_VERSION",
            "kube-scheduler": "KUBERNETES_VERSION",
            "kubectl": "KUBERNETES_VERSION",
            "kwok": "KWOK_VERSION",
            "kwokctl": "KWOK_VERSION",
            "training-operator": "TRAINING_OPERATOR_VERSION",
            "kueue": "KUEUE_VERSION",
            "helm": "HELM_VERSION",
            "kubelet": "KUBERNETES_VERSION",
            "kube-proxy": "KUBERNETES_VERSION",
            "coredns": "COREDNS_VERSION",
            "crictl": "CRI_TOOLS_VERSION",
            "promtool": "PROMETHEUS_VERSION",
            "registry": "DISTRIBUTION_VERSION",
        }.get(name)
        if version_key is None:  # Debian's containerd, runc and ctr, installed by apt-get
            return Path(shutil.which(name) or f"/usr/bin/{name}")
        return BIN_DIR / f"{name}-{self.versions[version_key]}"

    @property
    def node(self) -> Path:
        """The real node's files (configs, sockets, the kubelet's directory, pod logs)."""
        return self.state / "node"

    @property
    def fsx(self) -> Path:
        """The real node's stand-in for the FSx for Lustre file system: the directory behind each
        namespace's `fsx-claim` when its jobs run on the real node (`local_fsx_volume`)."""
        return self.state / "fsx"

    @property
    def containerd_root(self) -> Path:
        """containerd's content and snapshots: the imported images. In the cache, shared by every
        checkout (one real node per host runs at a time), so a fresh clone imports nothing."""
        return CACHE_DIR / "node" / "containerd-root"

    @property
    def containerd_socket(self) -> Path:
        return self.node / "containerd" / "containerd.sock"

    @property
    def pytorchjob_crd(self) -> Path:
        version = self.versions["TRAINING_OPERATOR_VERSION"]
        return CACHE_DIR / "crds" / f"training-operator-{version}" / "kubeflow.org_pytorchjobs.yaml"


def layout() -> Layout:
    return Layout(STATE_DIR, read_versions())


def log(message: str) -> None:
    print(f"[testbed] {message}", file=sys.stderr, flush=True)
