"""The bed's lifecycle: `up` starts the components in order and waits for each, `down` stops
them and leaves nothing behind on the host, `status` reports each one."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from hack.testbed import kueue, registry
from hack.testbed.kwok_cluster import (
    CPU_NODES,
    GPU_NODES,
    HYPERPOD_CPU_NODES,
    KWOK_NODES,
    TRN1_NODES,
    c5_node,
    cpu_node,
    fsx_volume,
    p5_node,
    trn1_node,
)
from hack.testbed.layout import POD_CIDR, SERVICE_CIDR, Layout, layout, log
from hack.testbed.node import (
    NODE_COMPONENTS,
    NODE_GATEWAY,
    claim_node,
    create_node_host_state,
    import_images,
    node_claim,
    node_images,
    quiet,
    release_node,
    remove_pod_sandboxes,
    start_node,
    wait_node_ready,
    write_node_configs,
)
from hack.testbed.pki import ensure_pki, write_kubeconfig
from hack.testbed.processes import (
    apply_objects,
    free_port,
    http_ok,
    https_ok,
    kubectl,
    load_state,
    pid_alive,
    save_state,
    start_process,
    stop_process_group,
    wait_until,
)

KWOK_STAGES = Path(__file__).resolve().parent / "kwok-stages.yaml"
"""How kwok moves fake pods through their lifecycle (docs/testbed.md, "Pod and node lifecycle")."""
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
    "kueue",
    "registry",
)


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
            "kueue-webhook",
            "kueue-health",
            "registry",
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
        "kueue",
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
            f"--config={KWOK_STAGES}",
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
    start_kueue(lay, state, ports)
    start_registry(lay, state)
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


def registry_address(state: dict) -> str:
    """Where the bed's OCI registry listens: on the node bridge's address, which the real node's pods
    reach, or on 127.0.0.1 in a bed without the node (hack/testbed/registry.py)."""
    if "kubelet" in state.get("components", COMPONENTS):
        return registry.node_address()
    return f"127.0.0.1:{state['ports']['registry']}"


def start_registry(lay: Layout, state: dict) -> None:
    """The bed's OCI registry (spec.publish's target in the tests and the demo)."""
    address = registry_address(state)
    config = registry.write_config(lay.state / "registry", address)
    start_process(lay, state, registry.COMPONENT, registry.argv(lay, config), env=registry.ENV)
    wait_until("registry /v2/", lambda: registry.serving(address), 30, lay, registry.COMPONENT)


def stop_registry() -> None:
    """Stop the bed's registry, keeping its blobs (a test's registry outage); start_registry again."""
    lay = layout()
    state = load_state(lay)
    pid = state["pids"].get(registry.COMPONENT)
    if pid and pid_alive(pid):
        stop_process_group(pid)


def restart_registry() -> None:
    lay = layout()
    start_registry(lay, load_state(lay))


def start_kueue(lay: Layout, state: dict, ports: dict[str, int]) -> None:
    """Kueue's CRDs, its namespace and webhooks, then its controller manager (hack/testbed/kueue.py)."""
    crds = kueue.crd_files()
    for crd in crds:
        kubectl(lay, "apply", "--server-side", "-f", str(crd))
    # Kueue exits at once if one of its kinds is not served yet.
    names = [f"crd/{kueue.crd_name(crd)}" for crd in crds]
    kubectl(lay, "wait", "--for=condition=Established", "--timeout=60s", *names)
    kubectl(lay, "create", "namespace", kueue.KUEUE_NAMESPACE)
    config = kueue.write_config(lay, ports)
    start_process(
        lay,
        state,
        "kueue",
        kueue.argv(lay, config),
        env={"KUBECONFIG": str(lay.state / "kueue.kubeconfig")},
    )
    webhooks = kueue.manifests_dir() / "webhooks.yaml"
    # The bed reads YAML through its kubectl (the standard library has no YAML parser): one JSON
    # object per document, one after another.
    printed = kubectl(lay, "create", "--dry-run=client", "-o", "json", "-f", str(webhooks)).stdout
    parsed = kueue.json_stream(printed)
    apply_objects(lay, kueue.webhook_configurations(lay, parsed, ports["kueue-webhook"]))
    wait_until(
        "kueue /readyz", lambda: http_ok(f"http://127.0.0.1:{ports['kueue-health']}/readyz"), 90, lay, "kueue"
    )


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
    if "kubelet" in state.get("components", ()):
        # A bed without the node runs beside the one with it, whose Kueue shares these files.
        kueue.remove_host_files()
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
    if alive.get("kueue"):
        health = http_ok(f"http://127.0.0.1:{ports['kueue-health']}/readyz")
        print(f"{'kueue /readyz':26} {'ok' if health else 'FAILING'}")
    print(f"{'kubeconfig':26} {lay.kubeconfig}")
    print(f"{'logs':26} {lay.logs}")
    if not all(alive.values()):
        sys.exit(1)
