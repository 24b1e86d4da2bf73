#!/usr/bin/env python3
"""The local Kubernetes test bed: a real control plane, kwok nodes, one real CPU node and the
Kubeflow training-operator.

Why our own supervisor: there is no Docker engine here, so kind/k3d are out, and every
component runs as a plain local process built from Go modules (see hack/build-testbed.sh).
This script owns their lifecycle: PKI, ports, start order, readiness, the simulated
HyperPod cluster (kwok nodes, the FSx PV, the PyTorchJob CRD), the real node (containerd,
kubelet, CNI bridge, kube-proxy, CoreDNS) and a clean teardown.

It only uses the standard library, `openssl` and the bed's own kubectl, so `make cluster-up`
works before the virtualenv exists, and tests import it as a module.

    python3 hack/testbed.py up | down | status | kubeconfig
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
HACK = REPO_ROOT / "hack"
STATE_DIR = Path(os.environ.get("FINETUNE_TESTBED_DIR", REPO_ROOT / ".testbed"))
CACHE_DIR = Path(os.environ.get("TESTBED_CACHE", Path.home() / ".cache" / "finetune-operator"))
BIN_DIR = CACHE_DIR / "bin"
SERVICE_CIDR = "10.96.0.0/16"
POD_CIDR = "10.244.0.0/16"
# Start order matters: each component needs the ones before it. Teardown is the reverse.
COMPONENTS = (
    "etcd",
    "kube-apiserver",
    "kube-controller-manager",
    "kube-scheduler",
    "kwok",
    "containerd",
    "kubelet",
    "kube-proxy",
    "coredns",
    "training-operator",
)
# The real node. Its network (bridge, kube-proxy's KUBE-* iptables chains, port 53 on the
# gateway) is host-wide, so one bed per host has it; NODE_CLAIM says which. A bed started
# while another holds it runs without these components and says so.
NODE_COMPONENTS = ("containerd", "kubelet", "kube-proxy", "coredns")
NODE_NAME = "hyperpod-i-cpu-real-0"
# The smallest HyperPod CPU instance type this 2-vCPU machine can honestly stand in for.
NODE_INSTANCE_TYPE = "ml.m5.large"
NODE_BRIDGE = "finetune0"
NODE_POD_SUBNET = "10.244.255.0/24"
# The bridge's address: pods reach the API server, CoreDNS and the kubelet here.
NODE_GATEWAY = "10.244.255.1"
DNS_SERVICE_IP = "10.96.0.10"
# The kubelet's cgroup parent in every cgroup v1 hierarchy (and runc's in the unified one).
NODE_CGROUP_ROOT = "finetune-testbed"
NODE_CLAIM = Path("/run/finetune-testbed-node.json")
# Host settings the kubelet (kernel tunables) and the CNI bridge (forwarding) change; down restores them.
# Paths the kubelet (its device-plugin socket), containerd (shim sockets) and the CRI (pod
# network namespaces) use whatever their configuration says; down removes those it created.
NODE_HOST_DIRS = ("/var/lib/kubelet", "/run/containerd", "/run/netns")
NODE_SYSCTLS = (
    "net/ipv4/ip_forward",
    "vm/overcommit_memory",
    "vm/panic_on_oom",
    "kernel/panic",
    "kernel/panic_on_oops",
)


def read_versions() -> dict[str, str]:
    """The pinned versions from hack/versions.env (the one file that pins them)."""
    versions = {}
    for line in (HACK / "versions.env").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            versions[key] = value
    return versions


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
            "helm": "HELM_VERSION",
            "kubelet": "KUBERNETES_VERSION",
            "kube-proxy": "KUBERNETES_VERSION",
            "coredns": "COREDNS_VERSION",
            "crictl": "CRI_TOOLS_VERSION",
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- PKI -------------------------------------------------------------------------------


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


# Bump when the set of certificates changes: a bed with an older PKI regenerates it.
PKI_VERSION = "2-real-node"


def ensure_pki(lay: Layout) -> None:
    """A CA, the API server's serving cert, client certs per component, and the SA key pair.

    Each component gets its own client identity (system:kube-controller-manager, ...) so
    that RBAC is exercised exactly as in a real cluster; only the admin is system:masters.
    The kubelet is system:node:<name> (the Node authorizer), kube-proxy system:kube-proxy
    (bound to system:node-proxier by default), CoreDNS system:coredns (bound by the bed).
    """
    pki = lay.pki
    marker = pki / "complete"
    if marker.exists() and marker.read_text().strip() == PKI_VERSION:
        return
    shutil.rmtree(pki, ignore_errors=True)
    pki.mkdir(parents=True)
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "3650",
        "-subj",
        "/CN=finetune-testbed-ca",
        cwd=pki,
    )
    (pki / "apiserver.ext").write_text(
        f"subjectAltName=IP:127.0.0.1,IP:10.96.0.1,IP:{NODE_GATEWAY},DNS:localhost,DNS:kubernetes,"
        "DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\n"
        "extendedKeyUsage=serverAuth\n"
    )
    (pki / "kubelet-serving.ext").write_text(
        f"subjectAltName=IP:{NODE_GATEWAY},DNS:{NODE_NAME}\nextendedKeyUsage=serverAuth\n"
    )
    (pki / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    certs = {
        "apiserver": ("/CN=kube-apiserver", "apiserver.ext"),
        "admin": ("/O=system:masters/CN=finetune-testbed-admin", "client.ext"),
        "controller-manager": ("/CN=system:kube-controller-manager", "client.ext"),
        "scheduler": ("/CN=system:kube-scheduler", "client.ext"),
        # kwok plays every kubelet; the admin group keeps it simple and it is test-only.
        "kwok": ("/O=system:masters/CN=kwok-controller", "client.ext"),
        # training-operator runs out of cluster; its in-cluster RBAC would be a ClusterRole.
        "training-operator": ("/O=system:masters/CN=training-operator", "client.ext"),
        "kubelet": (f"/O=system:nodes/CN=system:node:{NODE_NAME}", "client.ext"),
        "kubelet-serving": (f"/CN={NODE_NAME}", "kubelet-serving.ext"),
        # The API server's identity towards the kubelet (logs, exec); kubeadm's is cluster-admin too.
        "apiserver-kubelet-client": ("/O=system:masters/CN=kube-apiserver-kubelet-client", "client.ext"),
        "kube-proxy": ("/CN=system:kube-proxy", "client.ext"),
        "coredns": ("/CN=system:coredns", "client.ext"),
    }
    for name, (subject, ext) in certs.items():
        openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f"{name}.key",
            "-out",
            f"{name}.csr",
            "-subj",
            subject,
            cwd=pki,
        )
        openssl(
            "x509",
            "-req",
            "-in",
            f"{name}.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            f"{name}.crt",
            "-days",
            "3650",
            "-extfile",
            ext,
            cwd=pki,
        )
    openssl("genrsa", "-out", "sa.key", "2048", cwd=pki)
    openssl("rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub", cwd=pki)
    marker.write_text(PKI_VERSION + "\n")


def write_kubeconfig(path: Path, server: str, pki: Path, identity: str) -> None:
    """A kubeconfig with file references (not inline data), readable by kubectl and clients."""
    path.write_text(
        f"""apiVersion: v1
kind: Config
clusters:
- name: finetune-testbed
  cluster:
    server: {server}
    certificate-authority: {pki / "ca.crt"}
users:
- name: {identity}
  user:
    client-certificate: {pki / f"{identity}.crt"}
    client-key: {pki / f"{identity}.key"}
contexts:
- name: finetune-testbed
  context: {{cluster: finetune-testbed, user: {identity}}}
current-context: finetune-testbed
"""
    )


# --- processes -------------------------------------------------------------------------


def load_state(lay: Layout) -> dict:
    if lay.state_file.exists():
        return dict(json.loads(lay.state_file.read_text()))
    return {}


def save_state(lay: Layout, state: dict) -> None:
    lay.state_file.write_text(json.dumps(state, indent=2))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); treat it as gone.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def start_process(
    lay: Layout, state: dict, name: str, argv: list[str], env: dict[str, str] | None = None
) -> None:
    """Start one component in its own session (so it outlives this script) with its log file."""
    log_file = (lay.logs / f"{name}.log").open("ab")
    process = subprocess.Popen(
        argv,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, **(env or {})},
        cwd=lay.state,
    )
    state.setdefault("pids", {})[name] = process.pid
    save_state(lay, state)


def wait_until(what: str, check, timeout: float, lay: Layout, component: str | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if component:
            pid = load_state(lay).get("pids", {}).get(component)
            if pid and not pid_alive(pid):
                raise SystemExit(
                    f"[testbed] {component} exited while waiting for {what}; see {lay.logs / component}.log"
                )
        time.sleep(0.2)
    raise SystemExit(f"[testbed] timed out after {timeout:.0f}s waiting for {what}; logs in {lay.logs}")


def https_ok(url: str, pki: Path) -> bool:
    context = ssl.create_default_context(cafile=str(pki / "ca.crt"))
    context.load_cert_chain(str(pki / "admin.crt"), str(pki / "admin.key"))
    try:
        with urllib.request.urlopen(url, context=context, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def kubectl(
    lay: Layout, *args: str, input_text: str | None = None, check: bool = True
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(lay.binary("kubectl")), f"--kubeconfig={lay.kubeconfig}", *args],
        input=input_text,
        text=True,
        capture_output=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise SystemExit(f"[testbed] kubectl {' '.join(args)} failed: {result.stderr.strip()}")
    return result


# --- the simulated HyperPod cluster ------------------------------------------------------

TRN1_NODES = 4
GPU_NODES = 2
HYPERPOD_CPU_NODES = 2
CPU_NODES = 2
KWOK_NODES = TRN1_NODES + GPU_NODES + HYPERPOD_CPU_NODES + CPU_NODES


def hyperpod_node(name: str, instance_type: str, allocatable: dict[str, str], taint: str | None) -> dict:
    """A node of a HyperPod instance group: its instance type, health labels and device taint."""
    taints = [{"key": taint, "value": "present", "effect": "NoSchedule"}] if taint else []
    return {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "name": name,
            "annotations": {"kwok.x-k8s.io/node": "fake"},
            "labels": {
                "type": "kwok",
                "kubernetes.io/hostname": name,
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "node.kubernetes.io/instance-type": instance_type,
                "sagemaker.amazonaws.com/node-health-status": "Schedulable",
                "sagemaker.amazonaws.com/deep-health-check-status": "Passed",
                "sagemaker.amazonaws.com/cluster-name": "finetune-testbed",
            },
        },
        "spec": {"taints": taints},
        "status": {"allocatable": {**allocatable, "pods": "110"}, "capacity": {**allocatable, "pods": "110"}},
    }


def trn1_node(index: int) -> dict:
    allocatable = {
        "aws.amazon.com/neuron": "16",
        "aws.amazon.com/neuroncore": "32",
        "vpc.amazonaws.com/efa": "8",
        "cpu": "128",
        "memory": "512Gi",
    }
    return hyperpod_node(f"hyperpod-i-trn1-{index}", "ml.trn1.32xlarge", allocatable, "aws.amazon.com/neuron")


def p5_node(index: int) -> dict:
    allocatable = {"nvidia.com/gpu": "8", "vpc.amazonaws.com/efa": "32", "cpu": "192", "memory": "2048Gi"}
    return hyperpod_node(f"hyperpod-i-p5-{index}", "ml.p5.48xlarge", allocatable, "nvidia.com/gpu")


def c5_node(index: int) -> dict:
    """A node of a HyperPod CPU instance group (the plain cpu-N nodes are not HyperPod's)."""
    allocatable = {"cpu": "16", "memory": "32Gi"}
    return hyperpod_node(f"hyperpod-i-c5-{index}", "ml.c5.4xlarge", allocatable, None)


def cpu_node(index: int) -> dict:
    allocatable = {"cpu": "16", "memory": "64Gi", "pods": "110"}
    return {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "name": f"cpu-{index}",
            "annotations": {"kwok.x-k8s.io/node": "fake"},
            "labels": {
                "type": "kwok",
                "kubernetes.io/hostname": f"cpu-{index}",
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "node.kubernetes.io/instance-type": "ml.m5.4xlarge",
            },
        },
        "status": {"allocatable": allocatable, "capacity": allocatable},
    }


FSX_CAPACITY = "1200Gi"
FSX_FILESYSTEM = {
    "volumeHandle": "fs-0123456789abcdef0",
    "dnsname": "fs-0123456789abcdef0.fsx.us-west-2.amazonaws.com",
    "mountname": "abcdefgh",
}


def fsx_claim(namespace: str) -> dict:
    """The `fsx-claim` PVC of a HyperPod namespace, pre-bound to the namespace's own PV."""
    return {
        "apiVersion": "v1",
        "kind": "PersistentVolumeClaim",
        "metadata": {"name": "fsx-claim", "namespace": namespace},
        "spec": {
            "accessModes": ["ReadWriteMany"],
            "storageClassName": "",
            "volumeName": f"fsx-{namespace}",
            "resources": {"requests": {"storage": FSX_CAPACITY}},
        },
    }


def _fsx_persistent_volume(namespace: str, source: dict) -> dict:
    return {
        "apiVersion": "v1",
        "kind": "PersistentVolume",
        "metadata": {"name": f"fsx-{namespace}", "labels": {"finetune.dev/storage": "fsx"}},
        "spec": {
            "capacity": {"storage": FSX_CAPACITY},
            "volumeMode": "Filesystem",
            "accessModes": ["ReadWriteMany"],
            "persistentVolumeReclaimPolicy": "Retain",
            "storageClassName": "",
            "claimRef": {"namespace": namespace, "name": "fsx-claim"},
            **source,
        },
    }


def fsx_volume(namespace: str) -> list[dict]:
    """The static FSx for Lustre PV and the `fsx-claim` PVC that a HyperPod namespace has.

    A PV binds exactly one claim, so each namespace gets its own PV (`fsx-<namespace>`),
    pre-bound to its claim, all pointing at the same file system: the documented way to
    share one FSx file system across namespaces with static provisioning.
    """
    source = {
        "mountOptions": ["flock"],
        "csi": {
            "driver": "fsx.csi.aws.com",
            "volumeHandle": FSX_FILESYSTEM["volumeHandle"],
            "volumeAttributes": {
                "dnsname": FSX_FILESYSTEM["dnsname"],
                "mountname": FSX_FILESYSTEM["mountname"],
            },
        },
    }
    return [_fsx_persistent_volume(namespace, source), fsx_claim(namespace)]


def local_fsx_volume(namespace: str, directory: Path) -> list[dict]:
    """`fsx-claim` for a namespace whose jobs run on the real node: the same claim, bound to a
    `local` PV (a directory of the host, pinned to the real node by node affinity).

    There is no Lustre here; a pod sees the same claim, the same mounts and the same paths
    as on EKS, so the rendered PyTorchJob is exactly what HyperPod gets. Every namespace's
    PV points at the same directory, as every FSx PV points at the same file system.
    """
    directory.mkdir(parents=True, exist_ok=True)
    source = {
        "local": {"path": str(directory)},
        "nodeAffinity": {
            "required": {
                "nodeSelectorTerms": [
                    {
                        "matchExpressions": [
                            {"key": "kubernetes.io/hostname", "operator": "In", "values": [NODE_NAME]}
                        ]
                    }
                ]
            }
        },
    }
    return [_fsx_persistent_volume(namespace, source), fsx_claim(namespace)]


def apply_objects(lay: Layout, objects: list[dict]) -> None:
    kubectl(
        lay, "apply", "-f", "-", input_text=json.dumps({"apiVersion": "v1", "kind": "List", "items": objects})
    )


# --- the real node -----------------------------------------------------------------------
#
# A kubelet on Debian's containerd + runc, a CNI bridge with host-local IPAM, kube-proxy in
# iptables mode and CoreDNS, all as host processes like the control plane. Everything it
# touches on the host is named to be recognisably ours (bridge finetune0, cgroup parent
# finetune-testbed, KUBE-* chains of the one kube-proxy on the host) and removed by `down`.


def node_images() -> dict[str, str]:
    """The image references the node runs, keyed by image name (hack/image_keys.py)."""
    sys.path.insert(0, str(HACK))
    import image_keys

    return image_keys.image_refs()


def quiet(*argv: str, check: bool = True, input_text: str | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, input=input_text, text=True, capture_output=True, check=False)
    if check and result.returncode != 0:
        raise SystemExit(f"[testbed] {' '.join(argv)} failed: {result.stderr.strip()}")
    return result


def node_claim() -> dict:
    return dict(json.loads(NODE_CLAIM.read_text())) if NODE_CLAIM.exists() else {}


def claim_node(lay: Layout) -> str | None:
    """Take the host's real node for this bed: None, or the state directory of the bed holding it.

    A claim left by a bed that is gone (killed session) is taken over after removing what that
    bed left on the host; its record of the host's original settings is kept.
    """
    claim = node_claim()
    holder = claim.get("state")
    if holder and holder != str(lay.state.resolve()):
        pids = (
            json.loads((Path(holder) / "state.json").read_text()).get("pids", {})
            if (Path(holder) / "state.json").exists()
            else {}
        )
        if any(pid_alive(int(pids[name])) for name in NODE_COMPONENTS if name in pids):
            return holder
        log(f"taking over the real node claimed by a stopped bed in {holder}")
        clean_node_host(Layout(Path(holder), lay.versions), claim.get("since", 0.0))
    sysctls = claim.get("sysctls") or {
        name: (Path("/proc/sys") / name).read_text().strip() for name in NODE_SYSCTLS
    }
    created_dirs = claim.get("created_dirs") or [d for d in NODE_HOST_DIRS if not Path(d).exists()]
    NODE_CLAIM.write_text(
        json.dumps(
            {
                "state": str(lay.state.resolve()),
                "since": claim.get("since", time.time()),
                "sysctls": sysctls,
                "created_dirs": created_dirs,
            }
        )
    )
    return None


def release_node(lay: Layout) -> None:
    """Clean the host after the node's processes are gone, restore its settings, and check."""
    claim = node_claim()
    if claim.get("state") != str(lay.state.resolve()):
        return
    since = float(claim.get("since", 0.0))
    clean_node_host(lay, since)
    for name, value in claim.get("sysctls", {}).items():
        (Path("/proc/sys") / name).write_text(value)
    for directory in claim.get("created_dirs", []):
        shutil.rmtree(directory, ignore_errors=True)
    NODE_CLAIM.unlink()
    left = node_leftovers(lay, since)
    if left:
        raise SystemExit(f"[testbed] the real node left these behind: {left}")


def node_leftovers(lay: Layout, since: float) -> list[str]:
    """What of the node would still be on the host: shims, mounts, netns, KUBE-* chains, bridge, cgroups."""
    left = []
    socket_path = str(lay.containerd_socket).encode()
    for proc in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if proc.name.isdigit() and socket_path in (proc / "cmdline").read_bytes().split(b"\0"):
                left.append(f"process {proc.name}")
    ours = (str(lay.node.resolve()), str(lay.containerd_root))
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        mount_point = line.split()[4]
        if mount_point.startswith(ours) or (
            mount_point.startswith("/run/netns/cni-") and Path(mount_point).stat().st_mtime >= since
        ):
            left.append(f"mount {mount_point}")
    for tool in ("iptables-save", "ip6tables-save"):
        chains = [
            line.split()[0]
            for line in quiet(tool, check=False).stdout.splitlines()
            if line.startswith(":KUBE-")
        ]
        left += [f"{tool} chain {chain[1:]}" for chain in chains]
    if Path(f"/sys/class/net/{NODE_BRIDGE}").exists():
        left.append(f"bridge {NODE_BRIDGE}")
    left += [
        f"cgroup {h / NODE_CGROUP_ROOT}" for h in cgroup_hierarchies() if (h / NODE_CGROUP_ROOT).exists()
    ]
    return left


def cgroup_hierarchies() -> list[Path]:
    """Every mounted cgroup hierarchy (v1 controllers, the named systemd one, the unified one)."""
    mounts = Path("/proc/self/mounts").read_text().splitlines()
    return [Path(line.split()[1]) for line in mounts if line.split()[2] in ("cgroup", "cgroup2")]


def create_node_host_state() -> None:
    """The bridge (with the gateway address the API server advertises) and the kubelet's cgroup parent."""
    if not Path(f"/sys/class/net/{NODE_BRIDGE}").exists():
        quiet("ip", "link", "add", NODE_BRIDGE, "type", "bridge")
    quiet("ip", "addr", "replace", f"{NODE_GATEWAY}/24", "dev", NODE_BRIDGE)
    quiet("ip", "link", "set", NODE_BRIDGE, "up")
    for hierarchy in cgroup_hierarchies():
        (hierarchy / NODE_CGROUP_ROOT).mkdir(exist_ok=True)


def remove_kube_chains() -> None:
    """Remove every KUBE-* chain (kube-proxy's and the kubelet's) and the rules that jump to them.

    `kube-proxy --cleanup` leaves some behind, so this walks iptables-save itself.
    """
    for tool in ("iptables", "ip6tables"):
        for table in ("nat", "filter", "mangle", "raw"):
            dump = quiet(f"{tool}-save", "-t", table, check=False).stdout.splitlines()
            chains = [line[1:].split()[0] for line in dump if line.startswith(":KUBE-")]
            if not chains:
                continue
            for line in dump:
                words = shlex.split(line) if line.startswith("-A ") else []
                jumps_to_ours = "-j" in words and words[words.index("-j") + 1] in chains
                if jumps_to_ours and not words[1].startswith("KUBE-"):
                    quiet(tool, "-t", table, "-D", *words[1:], check=False)
            for flag in ("-F", "-X"):
                for chain in chains:
                    quiet(tool, "-t", table, flag, chain, check=False)


def clean_node_host(lay: Layout, since: float) -> None:
    """Remove whatever a node of the bed in `lay` left on the host, once its processes are gone."""
    socket_path = str(lay.containerd_socket)
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if (
                cmdline
                and cmdline[0].endswith(b"containerd-shim-runc-v2")
                and socket_path.encode() in cmdline
            ):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(proc.name), signal.SIGKILL)
    node_dir = str(lay.node.resolve())
    mount_points = [line.split()[4] for line in Path("/proc/self/mountinfo").read_text().splitlines()]
    # Network namespaces of sandboxes that containerd could not remove (it was killed).
    netns = [m for m in mount_points if m.startswith("/run/netns/cni-") and os.lstat(m).st_mtime >= since]
    for mount_point in sorted((m for m in mount_points if m.startswith(node_dir)), reverse=True) + netns:
        quiet("umount", "-l", mount_point, check=False)
    for path in netns:
        Path(path).unlink(missing_ok=True)
    remove_kube_chains()
    if Path(f"/sys/class/net/{NODE_BRIDGE}").exists():
        quiet("ip", "link", "delete", NODE_BRIDGE, check=False)
    for hierarchy in cgroup_hierarchies():
        root = hierarchy / NODE_CGROUP_ROOT
        if root.is_dir():
            for directory, _subdirs, _files in sorted(os.walk(root), key=lambda w: -len(w[0])):
                with contextlib.suppress(OSError):
                    os.rmdir(directory)
    shutil.rmtree(lay.node / "containerd" / "state", ignore_errors=True)
    shutil.rmtree(lay.node / "kubelet", ignore_errors=True)
    shutil.rmtree(lay.node / "cni" / "ipam", ignore_errors=True)


def write_node_configs(lay: Layout, ports: dict[str, int], images: dict[str, str]) -> None:
    node = lay.node
    lay.containerd_root.mkdir(parents=True, exist_ok=True)
    for sub in ("containerd/state", "cni/net.d", "cni/ipam", "kubelet", "pod-logs"):
        (node / sub).mkdir(parents=True, exist_ok=True)
    state_dir = node / "containerd" / "state"
    # containerd keeps its root (content, snapshots: the imported images) across restarts, and
    # every path and socket in the bed's directory; the plugins that write elsewhere are off.
    (node / "containerd.toml").write_text(
        f"""version = 2
root = "{lay.containerd_root}"
state = "{state_dir}"
disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.aufs",
  "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.snapshotter.v1.zfs", "io.containerd.tracing.processor.v1.otlp",
  "io.containerd.internal.v1.tracing"]
[grpc]
  address = "{lay.containerd_socket}"
[ttrpc]
  address = "{lay.containerd_socket}.ttrpc"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "{images["pause"]}"
  # The sandbox has no CAP_SYS_RESOURCE: without this every pod sandbox fails to start
  # (the kubelet asks for oom_score_adj -998).
  restrict_oom_score_adj = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "{state_dir / "runc"}"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "{node / "cni" / "net.d"}"
    max_conf_num = 1
"""
    )
    # No ipMasq: pods need nothing beyond the host, so the bridge plugin adds no iptables rule.
    (node / "cni" / "net.d" / "10-finetune-testbed.conflist").write_text(
        json.dumps(
            {
                "cniVersion": "0.4.0",
                "name": "finetune-testbed",
                "plugins": [
                    {
                        "type": "bridge",
                        "bridge": NODE_BRIDGE,
                        "isGateway": True,
                        "ipMasq": False,
                        "hairpinMode": True,
                        "ipam": {
                            "type": "host-local",
                            "ranges": [[{"subnet": NODE_POD_SUBNET, "gateway": NODE_GATEWAY}]],
                            "routes": [{"dst": "0.0.0.0/0"}],
                            "dataDir": str(node / "cni" / "ipam"),
                        },
                    }
                ],
            },
            indent=2,
        )
    )
    pki = lay.pki
    (node / "kubelet.json").write_text(
        json.dumps(
            {
                "apiVersion": "kubelet.config.k8s.io/v1beta1",
                "kind": "KubeletConfiguration",
                "address": NODE_GATEWAY,
                "port": ports["kubelet"],
                "readOnlyPort": 0,
                "healthzBindAddress": "127.0.0.1",
                "healthzPort": ports["kubelet-healthz"],
                "tlsCertFile": str(pki / "kubelet-serving.crt"),
                "tlsPrivateKeyFile": str(pki / "kubelet-serving.key"),
                "authentication": {
                    "anonymous": {"enabled": False},
                    "webhook": {"enabled": True},
                    "x509": {"clientCAFile": str(pki / "ca.crt")},
                },
                "authorization": {"mode": "Webhook"},
                "cgroupDriver": "cgroupfs",
                "cgroupRoot": f"/{NODE_CGROUP_ROOT}",
                "containerRuntimeEndpoint": f"unix://{lay.containerd_socket}",
                "failSwapOn": False,
                # The host's disk and memory are shared with other work: never evict test pods.
                "evictionHard": {},
                "enforceNodeAllocatable": [],
                "clusterDNS": [DNS_SERVICE_IP],
                "clusterDomain": "cluster.local",
                "podLogsDir": str(node / "pod-logs"),
                "volumePluginDir": str(node / "kubelet" / "volume-plugins"),
                "serializeImagePulls": False,
                "imageGCHighThresholdPercent": 100,
                "shutdownGracePeriod": "0s",
            },
            indent=2,
        )
    )
    (node / "kube-proxy.json").write_text(
        json.dumps(
            {
                "apiVersion": "kubeproxy.config.k8s.io/v1alpha1",
                "kind": "KubeProxyConfiguration",
                "clientConnection": {"kubeconfig": str(lay.state / "kube-proxy.kubeconfig")},
                "hostnameOverride": NODE_NAME,
                "bindAddress": NODE_GATEWAY,
                "healthzBindAddress": f"127.0.0.1:{ports['kube-proxy-healthz']}",
                "metricsBindAddress": f"127.0.0.1:{ports['kube-proxy-metrics']}",
                "mode": "iptables",
                "clusterCIDR": POD_CIDR,
                # NodePorts on the bridge address only, and no host sysctl changed for them.
                "nodePortAddresses": [f"{NODE_GATEWAY}/32"],
                "iptables": {"localhostNodePorts": False},
                # 0: leave the host's conntrack settings as they are.
                "conntrack": {
                    "maxPerCore": 0,
                    "min": 0,
                    "tcpEstablishedTimeout": "0s",
                    "tcpCloseWaitTimeout": "0s",
                },
            },
            indent=2,
        )
    )
    (node / "Corefile").write_text(
        f""".:53 {{
    bind {NODE_GATEWAY}
    errors
    health 127.0.0.1:{ports["coredns-health"]}
    ready 127.0.0.1:{ports["coredns-ready"]}
    kubernetes cluster.local in-addr.arpa ip6.arpa {{
        kubeconfig {lay.state / "coredns.kubeconfig"} finetune-testbed
        pods insecure
        fallthrough in-addr.arpa ip6.arpa
    }}
    forward . /etc/resolv.conf
    cache 30
}}
"""
    )


def import_images(lay: Layout, images: dict[str, str]) -> None:
    """Import each node image missing from containerd, from hack/build-images.sh's OCI layout."""
    ctr = [str(lay.binary("ctr")), "--address", str(lay.containerd_socket), "--namespace", "k8s.io"]
    present = set(quiet(*ctr, "images", "list", "--quiet").stdout.split())
    # Blobs containerd has (the torch layer of an earlier trainer image) are not streamed again.
    stored = set(quiet(*ctr, "content", "list", "--quiet").stdout.split())
    oci = CACHE_DIR / "images" / "oci"
    index = (
        json.loads((oci / "index.json").read_text()) if (oci / "index.json").exists() else {"manifests": []}
    )
    by_ref = {
        m.get("annotations", {}).get("org.opencontainers.image.ref.name"): m for m in index["manifests"]
    }
    for name, ref in images.items():
        if name == "base" or ref in present:
            continue
        if ref not in by_ref:
            raise SystemExit(
                f"[testbed] image {ref} is not built; run `bash hack/build-images.sh` (make cluster-up does)"
            )
        started = time.monotonic()
        descriptor = dict(by_ref[ref])
        repository, _, tag = ref.rpartition(":")
        descriptor["annotations"] = {"org.opencontainers.image.ref.name": tag}
        manifest = json.loads((oci / "blobs" / "sha256" / descriptor["digest"].split(":")[1]).read_text())
        digests = [
            descriptor["digest"],
            manifest["config"]["digest"],
            *(layer["digest"] for layer in manifest["layers"]),
        ]
        process = subprocess.Popen(
            [*ctr, "images", "import", "--base-name", repository, "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert process.stdin is not None
        with tarfile.open(fileobj=process.stdin, mode="w|") as archive:
            archive.add(oci / "oci-layout", "oci-layout")
            add_bytes(
                archive, "index.json", json.dumps({"schemaVersion": 2, "manifests": [descriptor]}).encode()
            )
            for digest in dict.fromkeys(d for d in digests if d not in stored):
                blob = digest.split(":")[1]
                archive.add(oci / "blobs" / "sha256" / blob, f"blobs/sha256/{blob}")
        process.stdin.close()
        stderr = process.stderr.read().decode() if process.stderr else ""
        if process.wait() != 0:
            raise SystemExit(f"[testbed] importing {ref} into containerd failed: {stderr.strip()}")
        log(f"imported {ref} into the node's containerd in {time.monotonic() - started:.0f}s")


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def node_cluster_objects() -> list[dict]:
    """CoreDNS's RBAC (kubeadm's) and the kube-dns Service, whose endpoint is CoreDNS on the gateway."""
    return [
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": "system:coredns"},
            "rules": [
                {
                    "apiGroups": [""],
                    "resources": ["endpoints", "services", "pods", "namespaces"],
                    "verbs": ["list", "watch"],
                },
                {
                    "apiGroups": ["discovery.k8s.io"],
                    "resources": ["endpointslices"],
                    "verbs": ["list", "watch"],
                },
            ],
        },
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRoleBinding",
            "metadata": {"name": "system:coredns"},
            "roleRef": {
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "ClusterRole",
                "name": "system:coredns",
            },
            "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "system:coredns"}],
        },
        {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": {"name": "kube-dns", "namespace": "kube-system", "labels": {"k8s-app": "kube-dns"}},
            "spec": {
                "clusterIP": DNS_SERVICE_IP,
                "ports": [
                    {"name": "dns", "port": 53, "protocol": "UDP"},
                    {"name": "dns-tcp", "port": 53, "protocol": "TCP"},
                ],
            },
        },
        {
            "apiVersion": "discovery.k8s.io/v1",
            "kind": "EndpointSlice",
            "metadata": {
                "name": "kube-dns-coredns",
                "namespace": "kube-system",
                "labels": {
                    "kubernetes.io/service-name": "kube-dns",
                    "endpointslice.kubernetes.io/managed-by": "finetune-testbed",
                },
            },
            "addressType": "IPv4",
            "endpoints": [{"addresses": [NODE_GATEWAY], "conditions": {"ready": True}}],
            "ports": [
                {"name": "dns", "port": 53, "protocol": "UDP"},
                {"name": "dns-tcp", "port": 53, "protocol": "TCP"},
            ],
        },
    ]


def start_node(lay: Layout, state: dict, ports: dict[str, int], images: dict[str, str]) -> None:
    """containerd (and the images), the kubelet, kube-proxy and CoreDNS, once the API server answers."""
    ctr = [str(lay.binary("ctr")), "--address", str(lay.containerd_socket)]
    start_process(
        lay, state, "containerd", [str(lay.binary("containerd")), f"--config={lay.node / 'containerd.toml'}"]
    )
    wait_until(
        "containerd", lambda: quiet(*ctr, "version", check=False).returncode == 0, 30, lay, "containerd"
    )
    import_images(lay, images)
    labels = {
        "node.kubernetes.io/instance-type": NODE_INSTANCE_TYPE,
        "sagemaker.amazonaws.com/node-health-status": "Schedulable",
        "sagemaker.amazonaws.com/deep-health-check-status": "Passed",
        "sagemaker.amazonaws.com/cluster-name": "finetune-testbed",
    }
    start_process(
        lay,
        state,
        "kubelet",
        [
            str(lay.binary("kubelet")),
            f"--config={lay.node / 'kubelet.json'}",
            f"--kubeconfig={lay.state / 'kubelet.kubeconfig'}",
            f"--root-dir={lay.node / 'kubelet'}",
            f"--hostname-override={NODE_NAME}",
            # The API server reaches the kubelet (logs, exec) at the bridge address.
            f"--node-ip={NODE_GATEWAY}",
            f"--node-labels={','.join(f'{k}={v}' for k, v in labels.items())}",
            "--v=1",
        ],
    )
    start_process(
        lay, state, "kube-proxy", [str(lay.binary("kube-proxy")), f"--config={lay.node / 'kube-proxy.json'}"]
    )
    apply_objects(lay, node_cluster_objects())
    start_process(lay, state, "coredns", [str(lay.binary("coredns")), "-conf", str(lay.node / "Corefile")])


def wait_node_ready(lay: Layout, ports: dict[str, int]) -> None:
    wait_until(
        f"node {NODE_NAME} Ready",
        lambda: (
            kubectl(
                lay,
                "get",
                "node",
                NODE_NAME,
                "-o",
                "jsonpath={.status.conditions[?(@.type=='Ready')].status}",
                check=False,
            ).stdout
            == "True"
        ),
        120,
        lay,
        "kubelet",
    )
    wait_until(
        "kube-proxy /healthz",
        lambda: http_ok(f"http://127.0.0.1:{ports['kube-proxy-healthz']}/healthz"),
        60,
        lay,
        "kube-proxy",
    )
    wait_until(
        "CoreDNS /ready",
        lambda: http_ok(f"http://127.0.0.1:{ports['coredns-ready']}/ready"),
        60,
        lay,
        "coredns",
    )


def remove_pod_sandboxes(lay: Layout) -> None:
    """Stop and remove every pod sandbox through the CRI: containerd tears down their network and mounts."""
    quiet(
        str(lay.binary("crictl")),
        f"--runtime-endpoint=unix://{lay.containerd_socket}",
        "--timeout=60s",
        "rmp",
        "--all",
        "--force",
        check=False,
    )


# --- lifecycle -------------------------------------------------------------------------


def running_components(lay: Layout) -> dict[str, bool]:
    """Whether each component of this bed runs: all of COMPONENTS, less the node's if another bed holds it."""
    state = load_state(lay)
    pids = state.get("pids", {})
    names = state.get("components", COMPONENTS)
    return {name: bool(pids.get(name)) and pid_alive(int(pids[name])) for name in names}


def apiserver_argv(lay: Layout, ports: dict[str, int], has_node: bool) -> list[str]:
    pki = lay.pki
    return [
        str(lay.binary("kube-apiserver")),
        f"--etcd-servers=http://127.0.0.1:{ports['etcd-client']}",
        # With the real node, pods reach the API server (the `kubernetes` Service) at the
        # bridge's address, so it listens there too.
        f"--bind-address={'0.0.0.0' if has_node else '127.0.0.1'}",
        f"--advertise-address={NODE_GATEWAY if has_node else '127.0.0.1'}",
        f"--secure-port={ports['apiserver']}",
        f"--kubelet-client-certificate={pki / 'apiserver-kubelet-client.crt'}",
        f"--kubelet-client-key={pki / 'apiserver-kubelet-client.key'}",
        f"--kubelet-certificate-authority={pki / 'ca.crt'}",
        "--kubelet-preferred-address-types=InternalIP",
        f"--tls-cert-file={pki / 'apiserver.crt'}",
        f"--tls-private-key-file={pki / 'apiserver.key'}",
        f"--client-ca-file={pki / 'ca.crt'}",
        "--authorization-mode=Node,RBAC",
        f"--service-account-key-file={pki / 'sa.pub'}",
        f"--service-account-signing-key-file={pki / 'sa.key'}",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        f"--service-cluster-ip-range={SERVICE_CIDR}",
        "--allow-privileged=true",
        # Load tests create thousands of objects quickly; the defaults would throttle them.
        "--max-requests-inflight=2000",
        "--max-mutating-requests-inflight=1000",
        "--profiling=false",
        "--v=1",
    ]


def stop_process_group(pid: int, grace_s: float = 10.0) -> bool:
    """SIGTERM a component's process group, SIGKILL it if it is still alive after `grace_s`, and
    return once it is gone (or another `grace_s` passed); False if it was gone already."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace_s
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if pid_alive(pid):
        os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + grace_s
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    return True


def restart_apiserver() -> float:
    """Stop the API server and start it again with the same flags, port and etcd (for
    bench/chaos.py); returns when it is ready again, with the seconds it was away."""
    lay = layout()
    state = load_state(lay)
    pid = state["pids"]["kube-apiserver"]
    stopped = time.monotonic()
    # It stops listening at once, then waits up to a minute for its clients' open watches before
    # it exits; a restart need not wait for that (the bench's run spent most of its time there).
    stop_process_group(pid)
    has_node = "kubelet" in state.get("components", COMPONENTS)
    start_process(lay, state, "kube-apiserver", apiserver_argv(lay, state["ports"], has_node))
    server = f"https://127.0.0.1:{state['ports']['apiserver']}"
    wait_until(
        "kube-apiserver /readyz", lambda: https_ok(f"{server}/readyz", lay.pki), 60, lay, "kube-apiserver"
    )
    return time.monotonic() - stopped


def up(args: argparse.Namespace) -> None:
    lay = layout()
    started = time.monotonic()
    alive = running_components(lay)
    if all(alive.values()):
        if alive.get("containerd"):
            import_images(lay, node_images())  # images rebuilt since the bed started
        log(f"already running; KUBECONFIG={lay.kubeconfig}")
        return
    if any(alive.values()):
        log("a partial bed is running; tearing it down first")
        down(args)
    missing = [
        c for c in (*COMPONENTS, "kubectl", "kwokctl", "helm", "crictl", "ctr") if not lay.binary(c).exists()
    ]
    if missing:
        raise SystemExit(
            f"[testbed] missing binaries {missing}; run `bash hack/build-testbed.sh` (make cluster-up does)"
            " and install Debian's containerd, runc and containernetworking-plugins (.ci/run does)"
        )
    lay.state.mkdir(parents=True, exist_ok=True)
    node_holder = claim_node(lay)
    has_node = node_holder is None
    if not has_node:
        log(f"the host's real node belongs to the bed in {node_holder}: this one has kwok nodes only")
    components = COMPONENTS if has_node else tuple(c for c in COMPONENTS if c not in NODE_COMPONENTS)
    images = node_images()
    if lay.logs.exists():
        shutil.rmtree(lay.state / "logs.previous", ignore_errors=True)
        lay.logs.rename(lay.state / "logs.previous")
    lay.logs.mkdir()
    shutil.rmtree(lay.etcd_data, ignore_errors=True)
    ensure_pki(lay)
    pki = lay.pki
    ports = {
        name: free_port()
        for name in (
            "etcd-client",
            "etcd-peer",
            "apiserver",
            "kwok",
            "training-operator-metrics",
            "training-operator-health",
            "kubelet",
            "kubelet-healthz",
            "kube-proxy-healthz",
            "kube-proxy-metrics",
            "coredns-health",
            "coredns-ready",
        )
    }
    state: dict = {"ports": ports, "pids": {}, "components": list(components)}
    save_state(lay, state)
    server = f"https://127.0.0.1:{ports['apiserver']}"
    if has_node:
        create_node_host_state()
        write_node_configs(lay, ports, images)

    start_process(
        lay,
        state,
        "etcd",
        [
            str(lay.binary("etcd")),
            "--name=testbed",
            f"--data-dir={lay.etcd_data}",
            f"--listen-client-urls=http://127.0.0.1:{ports['etcd-client']}",
            f"--advertise-client-urls=http://127.0.0.1:{ports['etcd-client']}",
            f"--listen-peer-urls=http://127.0.0.1:{ports['etcd-peer']}",
            f"--initial-advertise-peer-urls=http://127.0.0.1:{ports['etcd-peer']}",
            f"--initial-cluster=testbed=http://127.0.0.1:{ports['etcd-peer']}",
            "--unsafe-no-fsync=true",
            "--quota-backend-bytes=8589934592",
        ],
    )
    wait_until(
        "etcd health", lambda: http_ok(f"http://127.0.0.1:{ports['etcd-client']}/health"), 30, lay, "etcd"
    )

    start_process(lay, state, "kube-apiserver", apiserver_argv(lay, ports, has_node))
    wait_until("kube-apiserver /readyz", lambda: https_ok(f"{server}/readyz", pki), 60, lay, "kube-apiserver")
    write_kubeconfig(lay.kubeconfig, server, pki, "admin")
    for identity in (
        "controller-manager",
        "scheduler",
        "kwok",
        "training-operator",
        "kubelet",
        "kube-proxy",
        "coredns",
    ):
        write_kubeconfig(lay.state / f"{identity}.kubeconfig", server, pki, identity)

    start_process(
        lay,
        state,
        "kube-controller-manager",
        [
            str(lay.binary("kube-controller-manager")),
            f"--kubeconfig={lay.state / 'controller-manager.kubeconfig'}",
            f"--authentication-kubeconfig={lay.state / 'controller-manager.kubeconfig'}",
            f"--authorization-kubeconfig={lay.state / 'controller-manager.kubeconfig'}",
            "--secure-port=0",
            "--leader-elect=false",
            "--use-service-account-credentials=true",
            f"--service-account-private-key-file={pki / 'sa.key'}",
            f"--root-ca-file={pki / 'ca.crt'}",
            f"--cluster-signing-cert-file={pki / 'ca.crt'}",
            f"--cluster-signing-key-file={pki / 'ca.key'}",
            f"--cluster-cidr={POD_CIDR}",
            f"--service-cluster-ip-range={SERVICE_CIDR}",
            "--controllers=*",
            "--kube-api-qps=500",
            "--kube-api-burst=1000",
            "--concurrent-gc-syncs=50",
            "--v=1",
        ],
    )
    start_process(
        lay,
        state,
        "kube-scheduler",
        [
            str(lay.binary("kube-scheduler")),
            f"--kubeconfig={lay.state / 'scheduler.kubeconfig'}",
            f"--authentication-kubeconfig={lay.state / 'scheduler.kubeconfig'}",
            f"--authorization-kubeconfig={lay.state / 'scheduler.kubeconfig'}",
            "--secure-port=0",
            "--leader-elect=false",
            "--v=1",
        ],
    )
    start_process(
        lay,
        state,
        "kwok",
        [
            str(lay.binary("kwok")),
            f"--kubeconfig={lay.state / 'kwok.kubeconfig'}",
            f"--config={HACK / 'testbed' / 'kwok-stages.yaml'}",
            "--manage-all-nodes=false",
            "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
            f"--cidr={POD_CIDR}",
            "--node-ip=10.0.0.1",
            "--node-lease-duration-seconds=40",
            f"--server-address=127.0.0.1:{ports['kwok']}",
        ],
    )
    apply_objects(
        lay,
        [
            *(trn1_node(i) for i in range(TRN1_NODES)),
            *(p5_node(i) for i in range(GPU_NODES)),
            *(c5_node(i) for i in range(HYPERPOD_CPU_NODES)),
            *(cpu_node(i) for i in range(CPU_NODES)),
            *fsx_volume("default"),
        ],
    )
    if has_node:
        start_node(lay, state, ports, images)
    kubectl(lay, "apply", "--server-side", "-f", str(lay.pytorchjob_crd))
    wait_until(
        "the PyTorchJob CRD Established",
        lambda: (
            kubectl(
                lay,
                "get",
                "crd",
                "pytorchjobs.kubeflow.org",
                "-o",
                "jsonpath={.status.conditions[?(@.type=='Established')].status}",
                check=False,
            ).stdout
            == "True"
        ),
        30,
        lay,
    )

    start_process(
        lay,
        state,
        "training-operator",
        [
            str(lay.binary("training-operator")),
            "--enable-scheme=pytorchjob",
            # Its default, alpine:3.10, is in no registry we can reach.
            f"--pytorch-init-container-image={images['init-pytorch']}",
            f"--metrics-bind-address=127.0.0.1:{ports['training-operator-metrics']}",
            f"--health-probe-bind-address=127.0.0.1:{ports['training-operator-health']}",
            "--leader-elect=false",
        ],
        env={"KUBECONFIG": str(lay.state / "training-operator.kubeconfig")},
    )
    wait_until(
        "training-operator /readyz",
        lambda: http_ok(f"http://127.0.0.1:{ports['training-operator-health']}/readyz"),
        60,
        lay,
        "training-operator",
    )
    wait_until("all kwok nodes Ready", lambda: ready_nodes(lay) >= KWOK_NODES, 60, lay, "kwok")
    if has_node:
        wait_node_ready(lay, ports)
    wait_until(
        "the default ServiceAccount",
        lambda: kubectl(lay, "get", "serviceaccount", "default", check=False).returncode == 0,
        30,
        lay,
    )
    log(f"ready in {time.monotonic() - started:.1f}s; KUBECONFIG={lay.kubeconfig}; logs in {lay.logs}")


def ready_nodes(lay: Layout) -> int:
    result = kubectl(lay, "get", "nodes", "-o", "json", check=False)
    if result.returncode != 0:
        return 0
    count = 0
    for node in json.loads(result.stdout)["items"]:
        for condition in node.get("status", {}).get("conditions", []):
            if condition["type"] == "Ready" and condition["status"] == "True":
                count += 1
    return count


def down(_args: argparse.Namespace) -> None:
    """Stop every component (reverse start order), and leave no process, mount, network
    namespace, iptables chain, bridge or cgroup of the bed's behind."""
    lay = layout()
    state = load_state(lay)
    pids = state.get("pids", {})
    for name in reversed(COMPONENTS):
        pid = pids.get(name)
        if not pid or not pid_alive(pid):
            continue
        if name == "containerd":
            # The kubelet is stopped: remove the pods' sandboxes while containerd can still
            # tear down their network (CNI DEL) and unmount their files.
            remove_pod_sandboxes(lay)
        if stop_process_group(pid):
            log(f"stopped {name} (pid {pid})")
    release_node(lay)
    if lay.state_file.exists():
        lay.state_file.unlink()
    shutil.rmtree(lay.etcd_data, ignore_errors=True)


def status(_args: argparse.Namespace) -> None:
    lay = layout()
    state = load_state(lay)
    alive = running_components(lay)
    ports = state.get("ports", {})
    for name in alive:
        pid = state.get("pids", {}).get(name, "-")
        print(f"{name:26} {'running' if alive[name] else 'stopped':8} pid={pid}  {lay.binary(name).name}")
    if not alive.get("kubelet"):
        holder = node_claim().get("state")
        print(f"{'real node':26} {'held by the bed in ' + holder if holder else 'none'}")
    if alive.get("kube-apiserver"):
        server = f"https://127.0.0.1:{ports['apiserver']}"
        print(f"{'apiserver /readyz':26} {'ok' if https_ok(server + '/readyz', lay.pki) else 'FAILING'}")
        print(f"{'nodes Ready':26} {ready_nodes(lay)}/{KWOK_NODES + int('kubelet' in alive)}")
    if alive.get("kubelet"):
        healthy = http_ok(f"http://127.0.0.1:{ports['kubelet-healthz']}/healthz")
        print(f"{'kubelet /healthz':26} {'ok' if healthy else 'FAILING'}")
    if alive.get("kube-proxy"):
        healthy = http_ok(f"http://127.0.0.1:{ports['kube-proxy-healthz']}/healthz")
        print(f"{'kube-proxy /healthz':26} {'ok' if healthy else 'FAILING'}")
    if alive.get("coredns"):
        healthy = http_ok(f"http://127.0.0.1:{ports['coredns-ready']}/ready")
        print(f"{'coredns /ready':26} {'ok' if healthy else 'FAILING'}")
    if alive.get("containerd"):
        ctr = [str(lay.binary("ctr")), "--address", str(lay.containerd_socket)]
        healthy = quiet(*ctr, "version", check=False).returncode == 0
        print(f"{'containerd':26} {'ok' if healthy else 'FAILING'}  {lay.containerd_socket}")
    if alive.get("training-operator"):
        health = http_ok(f"http://127.0.0.1:{ports['training-operator-health']}/readyz")
        print(f"{'training-operator /readyz':26} {'ok' if health else 'FAILING'}")
    print(f"{'kubeconfig':26} {lay.kubeconfig}")
    print(f"{'logs':26} {lay.logs}")
    if not all(alive.values()):
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("up", help="start the bed (reuses a running one)").set_defaults(func=up)
    sub.add_parser("down", help="stop every component").set_defaults(func=down)
    sub.add_parser("status", help="report each component; exit 1 unless all run").set_defaults(func=status)
    sub.add_parser("kubeconfig", help="print the kubeconfig path").set_defaults(
        func=lambda _a: print(layout().kubeconfig)
    )
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
