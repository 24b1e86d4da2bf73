"""The bed's one real node.

A kubelet on Debian's containerd + runc, a CNI bridge with host-local IPAM, kube-proxy in
iptables mode and CoreDNS, all as host processes like the control plane. Everything it
touches on the host is named to be recognisably ours (bridge finetune0, cgroup parent
finetune-testbed, KUBE-* chains of the one kube-proxy on the host) and removed by `down`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import shutil
import signal
import subprocess
import tarfile
import time
from pathlib import Path

from hack.image_keys import REGISTRY, image_refs
from hack.testbed.layout import CACHE_DIR, POD_CIDR, Layout, log
from hack.testbed.processes import apply_objects, http_ok, kubectl, pid_alive, start_process, wait_until

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


def node_images() -> dict[str, str]:
    """The image references the node runs, keyed by image name (hack/image_keys.py)."""
    return image_refs()


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
    # What hack/build-images.sh pruned from the layout leaves the node too (containerd's garbage
    # collector then frees the layers no image or running container uses).
    listed = set(by_ref) | set(images.values())
    pruned = [ref for ref in present if ref.startswith(f"{REGISTRY}/") and ref not in listed]
    if pruned:
        quiet(*ctr, "images", "remove", *pruned, check=False)
        log(f"removed {len(pruned)} pruned image(s) from the node's containerd")


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
