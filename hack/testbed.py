#!/usr/bin/env python3
"""The local Kubernetes test bed: a real control plane, kwok nodes and the Kubeflow training-operator.

Why our own supervisor: there is no Docker engine here, so kind/k3d are out, and every
component runs as a plain local process built from Go modules (see hack/build-testbed.sh).
This script owns their lifecycle: PKI, ports, start order, readiness, the simulated
HyperPod cluster (kwok nodes, the FSx PV, the PyTorchJob CRD) and a clean teardown.

It only uses the standard library, `openssl` and the bed's own kubectl, so `make cluster-up`
works before the virtualenv exists, and tests import it as a module.

    python3 hack/testbed.py up | down | status | kubeconfig
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
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
    "training-operator",
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
        }[name]
        return BIN_DIR / f"{name}-{self.versions[version_key]}"

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


def ensure_pki(lay: Layout) -> None:
    """A CA, the API server's serving cert, client certs per component, and the SA key pair.

    Each component gets its own client identity (system:kube-controller-manager, ...) so
    that RBAC is exercised exactly as in a real cluster; only the admin is system:masters.
    """
    pki = lay.pki
    if (pki / "complete").exists():
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
        "subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,"
        "DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\n"
        "extendedKeyUsage=serverAuth\n"
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
    (pki / "complete").write_text("ok\n")


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
CPU_NODES = 2


def trn1_node(index: int) -> dict:
    allocatable = {
        "aws.amazon.com/neuron": "16",
        "aws.amazon.com/neuroncore": "32",
        "vpc.amazonaws.com/efa": "8",
        "cpu": "128",
        "memory": "512Gi",
        "pods": "110",
    }
    return {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "name": f"hyperpod-i-trn1-{index}",
            "annotations": {"kwok.x-k8s.io/node": "fake"},
            "labels": {
                "type": "kwok",
                "kubernetes.io/hostname": f"hyperpod-i-trn1-{index}",
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "node.kubernetes.io/instance-type": "ml.trn1.32xlarge",
                "sagemaker.amazonaws.com/node-health-status": "Schedulable",
                "sagemaker.amazonaws.com/deep-health-check-status": "Passed",
                "sagemaker.amazonaws.com/cluster-name": "finetune-testbed",
            },
        },
        "spec": {"taints": [{"key": "aws.amazon.com/neuron", "value": "present", "effect": "NoSchedule"}]},
        "status": {"allocatable": allocatable, "capacity": allocatable},
    }


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


FSX_FILESYSTEM = {
    "volumeHandle": "fs-0123456789abcdef0",
    "dnsname": "fs-0123456789abcdef0.fsx.us-west-2.amazonaws.com",
    "mountname": "abcdefgh",
}


def fsx_volume(namespace: str) -> list[dict]:
    """The static FSx for Lustre PV and the `fsx-claim` PVC that a HyperPod namespace has.

    A PV binds exactly one claim, so each namespace gets its own PV (`fsx-<namespace>`),
    pre-bound to its claim, all pointing at the same file system: the documented way to
    share one FSx file system across namespaces with static provisioning.
    """
    return [
        {
            "apiVersion": "v1",
            "kind": "PersistentVolume",
            "metadata": {"name": f"fsx-{namespace}", "labels": {"finetune.dev/storage": "fsx"}},
            "spec": {
                "capacity": {"storage": "1200Gi"},
                "volumeMode": "Filesystem",
                "accessModes": ["ReadWriteMany"],
                "persistentVolumeReclaimPolicy": "Retain",
                "storageClassName": "",
                "mountOptions": ["flock"],
                "claimRef": {"namespace": namespace, "name": "fsx-claim"},
                "csi": {
                    "driver": "fsx.csi.aws.com",
                    "volumeHandle": FSX_FILESYSTEM["volumeHandle"],
                    "volumeAttributes": {
                        "dnsname": FSX_FILESYSTEM["dnsname"],
                        "mountname": FSX_FILESYSTEM["mountname"],
                    },
                },
            },
        },
        {
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {"name": "fsx-claim", "namespace": namespace},
            "spec": {
                "accessModes": ["ReadWriteMany"],
                "storageClassName": "",
                "volumeName": f"fsx-{namespace}",
                "resources": {"requests": {"storage": "1200Gi"}},
            },
        },
    ]


def apply_objects(lay: Layout, objects: list[dict]) -> None:
    kubectl(
        lay, "apply", "-f", "-", input_text=json.dumps({"apiVersion": "v1", "kind": "List", "items": objects})
    )


# --- lifecycle -------------------------------------------------------------------------


def running_components(lay: Layout) -> dict[str, bool]:
    pids = load_state(lay).get("pids", {})
    return {name: bool(pids.get(name)) and pid_alive(int(pids[name])) for name in COMPONENTS}


def apiserver_argv(lay: Layout, ports: dict[str, int]) -> list[str]:
    pki = lay.pki
    return [
        str(lay.binary("kube-apiserver")),
        f"--etcd-servers=http://127.0.0.1:{ports['etcd-client']}",
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        f"--secure-port={ports['apiserver']}",
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


def restart_apiserver() -> float:
    """Stop the API server and start it again with the same flags, port and etcd (for
    bench/chaos.py); returns when it is ready again, with the seconds it was away."""
    lay = layout()
    state = load_state(lay)
    pid = state["pids"]["kube-apiserver"]
    stopped = time.monotonic()
    os.killpg(pid, signal.SIGTERM)
    while pid_alive(pid):
        time.sleep(0.1)
    start_process(lay, state, "kube-apiserver", apiserver_argv(lay, state["ports"]))
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
        log(f"already running; KUBECONFIG={lay.kubeconfig}")
        return
    if any(alive.values()):
        log("a partial bed is running; tearing it down first")
        down(args)
    missing = [c for c in (*COMPONENTS, "kubectl", "kwokctl", "helm") if not lay.binary(c).exists()]
    if missing:
        raise SystemExit(
            f"[testbed] missing binaries {missing}; run `bash hack/build-testbed.sh` (make cluster-up does)"
        )
    lay.state.mkdir(parents=True, exist_ok=True)
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
        )
    }
    state: dict = {"ports": ports, "pids": {}}
    save_state(lay, state)
    server = f"https://127.0.0.1:{ports['apiserver']}"

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

    start_process(lay, state, "kube-apiserver", apiserver_argv(lay, ports))
    wait_until("kube-apiserver /readyz", lambda: https_ok(f"{server}/readyz", pki), 60, lay, "kube-apiserver")
    write_kubeconfig(lay.kubeconfig, server, pki, "admin")
    for identity in ("controller-manager", "scheduler", "kwok", "training-operator"):
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
            *(cpu_node(i) for i in range(CPU_NODES)),
            *fsx_volume("default"),
        ],
    )
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
    wait_until("all nodes Ready", lambda: ready_nodes(lay) >= TRN1_NODES + CPU_NODES, 60, lay, "kwok")
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
    """Stop every component (reverse start order), wait for them, and leave no process behind."""
    lay = layout()
    pids = load_state(lay).get("pids", {})
    for name in reversed(COMPONENTS):
        pid = pids.get(name)
        if not pid or not pid_alive(pid):
            continue
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        deadline = time.monotonic() + 10
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if pid_alive(pid):
            os.killpg(pid, signal.SIGKILL)
        log(f"stopped {name} (pid {pid})")
    if lay.state_file.exists():
        lay.state_file.unlink()
    shutil.rmtree(lay.etcd_data, ignore_errors=True)


def status(_args: argparse.Namespace) -> None:
    lay = layout()
    state = load_state(lay)
    alive = running_components(lay)
    ports = state.get("ports", {})
    for name in COMPONENTS:
        pid = state.get("pids", {}).get(name, "-")
        print(f"{name:26} {'running' if alive[name] else 'stopped':8} pid={pid}  {lay.binary(name).name}")
    if alive["kube-apiserver"]:
        server = f"https://127.0.0.1:{ports['apiserver']}"
        print(f"{'apiserver /readyz':26} {'ok' if https_ok(server + '/readyz', lay.pki) else 'FAILING'}")
        print(f"{'nodes Ready':26} {ready_nodes(lay)}/{TRN1_NODES + CPU_NODES}")
    if alive["training-operator"]:
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
