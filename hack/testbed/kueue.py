"""Kueue on the bed: HyperPod task governance's queueing, quota and preemption, for real.

HyperPod task governance is Kueue (docs/hyperpod-clusters.md, "Task governance"). The bed runs
Kueue's own controller manager, built from its Go module (hack/build-testbed.sh), as a host
process like the training-operator, with its Kubeflow PyTorchJob integration only.

Wiring, and why:
- Kueue suspends a queued PyTorchJob in its mutating webhook, at creation, so the API server
  must reach Kueue's webhook server. The bed's API server is a host process that cannot reach
  a Service, so the webhook configurations (taken from Kueue's module, pytorchjob and Kueue's
  own kinds only) call ``https://127.0.0.1:<port>`` with the bed's CA in their ``caBundle``; the
  serving certificate (``kueue-serving``, IP SAN 127.0.0.1) is the bed's PKI's.
- Kueue's internal certificate management is therefore off. Kueue then reads its metrics
  server's certificate from a fixed path (``/etc/kueue/metrics/certs``, cmd/kueue/main.go):
  the bed writes the same serving certificate there and removes it in `down`. The metrics
  server itself is off (bind address "0"). A second bed (kwok nodes only) beside the one with
  the real node shares these files: only the bed with the node removes them.
- ``manageJobsWithoutQueueName: false`` (Kueue's default) and an object selector on the
  PyTorchJob webhooks (``kueue.x-k8s.io/queue-name`` exists): a job without a queue label never
  reaches Kueue, so every other test's job behaves as before Kueue was on the bed.
- The visibility API server (pending-workload positions) needs API aggregation the bed does
  not have: off (feature gate VisibilityOnDemand).

The task-governance objects HyperPod creates for a team (`team_queues`) and for the cluster
policy (`priority_classes`) are applied by what needs them (the preemption test, the
benchmark), so the bed itself queues nothing.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

from hack.image_keys import read_versions
from hack.testbed.layout import CACHE_DIR, Layout

KUEUE_NAMESPACE = "kueue-system"
METRICS_CERT_DIR = Path("/etc/kueue/metrics/certs")
"""Where Kueue reads its metrics certificate when its internal certificate management is off."""
QUEUE_NAME_LABEL = "kueue.x-k8s.io/queue-name"
PRIORITY_CLASS_LABEL = "kueue.x-k8s.io/priority-class"
RESOURCE_FLAVOR = "default-flavor"
HYPERPOD_NAMESPACE_PREFIX = "hyperpod-ns-"
"""HyperPod task governance creates, per team of a compute allocation, namespace
``hyperpod-ns-<team>`` with LocalQueue ``hyperpod-ns-<team>-localqueue`` bound to ClusterQueue
``hyperpod-ns-<team>-clusterqueue`` (docs/hyperpod-clusters.md gives the sources)."""

PRIORITY_CLASSES = {"inference-priority": 100, "training-priority": 80, "experimentation-priority": 50}
"""A cluster policy's task ranking, as HyperPod renders it: one WorkloadPriorityClass
``<name>-priority`` per priority class, valued by its weight (AWS's samples use these three)."""


def manifests_dir() -> Path:
    return CACHE_DIR / "crds" / f"kueue-{read_versions()['KUEUE_VERSION']}"


def crd_files() -> list[Path]:
    return sorted(manifests_dir().glob("kueue.x-k8s.io_*.yaml"))


def crd_name(path: Path) -> str:
    """The CRD's name from its file's (``kueue.x-k8s.io_workloads.yaml``: workloads.kueue.x-k8s.io)."""
    group, _, plural = path.stem.partition("_")
    return f"{plural}.{group}"


def serving_cert_dir(lay: Layout) -> Path:
    return lay.state / "kueue-certs"


def write_config(lay: Layout, ports: dict[str, int]) -> Path:
    """Kueue's Configuration (config.kueue.x-k8s.io/v1beta2) for the bed, and its serving
    certificate where the webhook server reads it."""
    certs = serving_cert_dir(lay)
    certs.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(lay.pki / "kueue-serving.crt", certs / "tls.crt")
    shutil.copyfile(lay.pki / "kueue-serving.key", certs / "tls.key")
    METRICS_CERT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(lay.pki / "kueue-serving.crt", METRICS_CERT_DIR / "tls.crt")
    shutil.copyfile(lay.pki / "kueue-serving.key", METRICS_CERT_DIR / "tls.key")
    config = {
        "apiVersion": "config.kueue.x-k8s.io/v1beta2",
        "kind": "Configuration",
        "namespace": KUEUE_NAMESPACE,
        "manageJobsWithoutQueueName": False,
        "internalCertManagement": {"enable": False},
        "leaderElection": {"leaderElect": False},
        "health": {"healthProbeBindAddress": f"127.0.0.1:{ports['kueue-health']}"},
        "metrics": {"bindAddress": "0"},
        "webhook": {"host": "127.0.0.1", "port": ports["kueue-webhook"], "certDir": str(certs)},
        "integrations": {"frameworks": ["kubeflow.org/pytorchjob"]},
        "featureGates": {"VisibilityOnDemand": False},
    }
    path = lay.state / "kueue-config.json"
    path.write_text(json.dumps(config, indent=2))
    return path


def argv(lay: Layout, config: Path) -> list[str]:
    return [str(lay.binary("kueue")), f"--config={config}", "--zap-log-level=2"]


def remove_host_files() -> None:
    """What `write_config` left outside the bed's state directory."""
    shutil.rmtree(METRICS_CERT_DIR.parent.parent, ignore_errors=True)


WEBHOOK_PATHS = ("kueue-x-k8s-io", "kubeflow-org-v1-pytorchjob")
"""Which of Kueue's webhooks the bed registers: those of its own kinds and of PyTorchJob. The
others are for integrations the bed leaves off; Kueue does not serve them."""


def json_stream(text: str) -> list[dict[str, Any]]:
    """The JSON objects of ``text``, one after another (kubectl's ``-o json`` of several documents),
    or the items of a List."""
    decoder = json.JSONDecoder()
    objects: list[dict[str, Any]] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            break
        value, position = decoder.raw_decode(text, position)
        objects.extend(value.get("items", []) if value.get("kind") == "List" else [value])
    return objects


def webhook_configurations(lay: Layout, parsed: list[dict[str, Any]], port: int) -> list[dict[str, Any]]:
    """Kueue's webhook configurations (``parsed``: its module's manifests), less the integrations
    the bed leaves off, calling Kueue's webhook server on this host."""
    ca_bundle = base64.b64encode((lay.pki / "ca.crt").read_bytes()).decode()
    configurations = []
    for item in parsed:
        webhooks = []
        for webhook in item.get("webhooks", []):
            path = webhook["clientConfig"]["service"]["path"]
            if not any(part in path for part in WEBHOOK_PATHS):
                continue
            webhook = {
                **webhook,
                "clientConfig": {"url": f"https://127.0.0.1:{port}{path}", "caBundle": ca_bundle},
            }
            if "pytorchjob" in path:
                webhook["objectSelector"] = {
                    "matchExpressions": [{"key": QUEUE_NAME_LABEL, "operator": "Exists"}]
                }
            webhooks.append(webhook)
        name = item["metadata"]["name"]
        configurations.append(
            {
                "apiVersion": item["apiVersion"],
                "kind": item["kind"],
                "metadata": {"name": f"kueue-{name}"},
                "webhooks": webhooks,
            }
        )
    return configurations


def priority_classes() -> list[dict[str, Any]]:
    """The cluster policy's WorkloadPriorityClasses."""
    return [
        {
            "apiVersion": "kueue.x-k8s.io/v1beta2",
            "kind": "WorkloadPriorityClass",
            "metadata": {"name": name},
            "value": value,
            "description": f"HyperPod task governance priority class, weight {value}",
        }
        for name, value in PRIORITY_CLASSES.items()
    ]


def team_namespace(team: str) -> str:
    return f"{HYPERPOD_NAMESPACE_PREFIX}{team}"


def local_queue_name(team: str) -> str:
    return f"{team_namespace(team)}-localqueue"


def cluster_queue_name(team: str) -> str:
    return f"{team_namespace(team)}-clusterqueue"


def team_queues(team: str, cpu: str, memory: str) -> list[dict[str, Any]]:
    """What HyperPod task governance creates for a team's compute allocation: its ClusterQueue
    (the quota, with "the team preempts its own lower-priority tasks" on), the LocalQueue in its
    namespace, and the one ResourceFlavor they name. The namespace itself is not included."""
    namespace = team_namespace(team)
    return [
        {
            "apiVersion": "kueue.x-k8s.io/v1beta2",
            "kind": "ResourceFlavor",
            "metadata": {"name": RESOURCE_FLAVOR},
        },
        {
            "apiVersion": "kueue.x-k8s.io/v1beta2",
            "kind": "ClusterQueue",
            "metadata": {"name": cluster_queue_name(team)},
            "spec": {
                "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": namespace}},
                "queueingStrategy": "BestEffortFIFO",
                "preemption": {"withinClusterQueue": "LowerPriority"},
                "resourceGroups": [
                    {
                        "coveredResources": ["cpu", "memory"],
                        "flavors": [
                            {
                                "name": RESOURCE_FLAVOR,
                                "resources": [
                                    {"name": "cpu", "nominalQuota": cpu},
                                    {"name": "memory", "nominalQuota": memory},
                                ],
                            }
                        ],
                    }
                ],
            },
        },
        {
            "apiVersion": "kueue.x-k8s.io/v1beta2",
            "kind": "LocalQueue",
            "metadata": {"name": local_queue_name(team), "namespace": namespace},
            "spec": {"clusterQueue": cluster_queue_name(team)},
        },
    ]
