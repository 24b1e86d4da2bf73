"""The simulated HyperPod cluster on kwok: its nodes (trn1, p5, HyperPod CPU and plain CPU
instance groups) and the FSx for Lustre volume each test namespace claims."""

from __future__ import annotations

from pathlib import Path

from hack.testbed.node import NODE_NAME

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
