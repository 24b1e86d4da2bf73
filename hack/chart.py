"""Install the chart on the bed the way users do (`helm upgrade --install`).

Shared by the cluster tests, `make demo` and the benchmark.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from hack.image_keys import files_digest, image_refs
from hack.testbed import registry
from hack.testbed.kwok_cluster import fsx_volume
from hack.testbed.node import NODE_INSTANCE_TYPE

REPO_ROOT = Path(__file__).resolve().parent.parent

CHART_RELEASE = "finetune-operator"
CHART_NAMESPACE = "finetune-system"
CRD_NAMES = (
    "finetunejobs.finetune.dev",
    "finetunerecipes.finetune.dev",
    "clusterfinetunerecipes.finetune.dev",
    "finetunesweeps.finetune.dev",
)
# The namespaces the in-cluster operator watches: the demo's (hack/demo.py) and the in-cluster
# tests'. Tests that run their own operator process use namespaces of their own, so no
# FineTuneJob has two operators.
DEMO_NAMESPACE = "team-a"
IN_CLUSTER_NAMESPACE = "team-in-cluster"
REAL_TRAINING_NAMESPACE = "team-real-training"
"""Where tests/cluster/test_real_training.py and bench/e2e.py run jobs that really train."""
GOVERNED_NAMESPACE = "hyperpod-ns-research"
"""A team namespace under HyperPod task governance (Kueue, hack/testbed/kueue.py): where
bench/e2e.py queues its job and the higher-priority one that preempts it (tests/cluster/test_bench_smoke.py
checks the preemption)."""
OPERATOR_RESOURCES_ON_THE_BED = {"requests": {"cpu": "0", "memory": "128Mi"}, "limits": {"memory": "256Mi"}}
"""The bed's one real node is an ml.m5.large (2 vCPUs): a 2-node job on it places both trainer
pods there, each requesting the 1 vCPU its shape grants a trainer (instances.py), which is the
whole node. The operator pod, which shares the node with them, so requests no CPU here (on a
cluster it keeps the chart's 100m, on a node of its own)."""


def chart_values() -> dict[str, Any]:
    """The chart's values on the bed: the locally built images, and the operator on the real node."""
    images = image_refs()
    repository, _, tag = images["operator"].rpartition(":")
    return {
        "image": {"repository": repository, "tag": tag, "pullPolicy": "Never"},
        "nodeSelector": {"node.kubernetes.io/instance-type": NODE_INSTANCE_TYPE},
        "resources": OPERATOR_RESOURCES_ON_THE_BED,
        "config": {
            "trainer_image": images["trainer-cpu"],
            "trainer_images": {"cpu": images["trainer-cpu"]},
            "namespaces": [DEMO_NAMESPACE, IN_CLUSTER_NAMESPACE, REAL_TRAINING_NAMESPACE, GOVERNED_NAMESPACE],
            # spec.publish to the bed's registry (hack/testbed/registry.py), from two namespaces only.
            "publish": {
                "allowlist": {
                    DEMO_NAMESPACE: [f"oci://{registry.node_address()}/{DEMO_NAMESPACE}/*"],
                    REAL_TRAINING_NAMESPACE: [f"oci://{registry.node_address()}/{REAL_TRAINING_NAMESPACE}/*"],
                },
                "insecure_registries": [registry.node_address()],
                "backoff_limit": 6,
            },
        },
    }


def install_chart(layout: Any, kubeconfig: str) -> None:
    """Install the chart the way users do, so cluster tests see the CRDs and built-in recipes.

    The operator runs in-cluster from the image built here, on the real node, in a namespace
    that enforces Pod Security `restricted`. CRDs applied by hand on a reused bed are adopted
    first, as Helm refuses to take over objects without its ownership metadata. The watched
    namespaces must exist first: the chart binds the operator's namespaced permissions in each
    (docs/operations.md); a watched namespace deleted and created again needs this again.
    """
    kubectl = [str(layout.binary("kubectl")), f"--kubeconfig={kubeconfig}"]
    for namespace in (CHART_NAMESPACE, *chart_values()["config"]["namespaces"]):
        subprocess.run([*kubectl, "create", "namespace", namespace], capture_output=True)
    subprocess.run(
        [*kubectl, "apply", "-f", "-"],
        input=json.dumps({"apiVersion": "v1", "kind": "List", "items": fsx_volume(IN_CLUSTER_NAMESPACE)}),
        text=True,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *kubectl,
            "label",
            "--overwrite",
            "namespace",
            CHART_NAMESPACE,
            "pod-security.kubernetes.io/enforce=restricted",
        ],
        check=True,
        capture_output=True,
    )
    for crd in CRD_NAMES:
        exists = subprocess.run([*kubectl, "get", "crd", crd], capture_output=True).returncode == 0
        if exists:
            subprocess.run(
                [*kubectl, "label", "--overwrite", "crd", crd, "app.kubernetes.io/managed-by=Helm"],
                check=True,
                capture_output=True,
            )
            subprocess.run(
                [
                    *kubectl,
                    "annotate",
                    "--overwrite",
                    "crd",
                    crd,
                    f"meta.helm.sh/release-name={CHART_RELEASE}",
                    f"meta.helm.sh/release-namespace={CHART_NAMESPACE}",
                ],
                check=True,
                capture_output=True,
            )
    digest = release_digest()
    marker = Path(layout.state) / "chart-release.json"
    deployed = deployed_revision(layout, kubeconfig)
    bound = subprocess.run(
        [
            *kubectl,
            "get",
            "rolebindings",
            "--all-namespaces",
            f"--field-selector=metadata.name={CHART_RELEASE}",
            "-o",
            "jsonpath={.items[*].metadata.namespace}",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    if (
        deployed is not None
        and marker.exists()
        and json.loads(marker.read_text()) == [digest, deployed]
        and set(chart_values()["config"]["namespaces"]) <= set(bound)
    ):
        # This chart with these values is the release already, and every watched namespace (tests
        # delete and create theirs again) still has the operator's RoleBinding: no upgrade, so no
        # config-check pod.
        return
    helm = [
        str(layout.binary("helm")),
        "upgrade",
        "--install",
        CHART_RELEASE,
        str(REPO_ROOT / "charts" / "finetune-operator"),
        "--namespace",
        CHART_NAMESPACE,
        "--values",
        "-",
        "--kubeconfig",
        kubeconfig,
    ]
    result = subprocess.run(helm, input=json.dumps(chart_values()), capture_output=True, text=True)
    if result.returncode != 0 and "ensure CRDs are installed first" in result.stderr:
        # The recipes are post-install hooks of the release that creates their CRD; on a busy
        # API server Helm can map them before the new CRD is served. The CRD exists now: once more.
        result = subprocess.run(helm, input=json.dumps(chart_values()), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"helm install of the chart failed: {result.stderr}")
    subprocess.run(
        [
            *kubectl,
            "wait",
            "--for=condition=Established",
            "--timeout=60s",
            *(f"crd/{name}" for name in CRD_NAMES),
        ],
        check=True,
        capture_output=True,
    )
    marker.write_text(json.dumps([digest, deployed_revision(layout, kubeconfig)]))


def release_digest() -> str:
    """What the bed's release is made of: the chart (its CRDs and built-in recipes included) and
    the bed's values (which name the images of this checkout)."""
    chart = files_digest("charts/finetune-operator", "crds", "operator/finetune_operator/recipes")
    return hashlib.sha256((chart + json.dumps(chart_values(), sort_keys=True)).encode()).hexdigest()


def deployed_revision(layout: Any, kubeconfig: str) -> int | None:
    """The bed release's revision if it is deployed (not failed, not mid-upgrade), else None.

    `install_chart` skips the upgrade when that revision is the one it made from the same chart
    and values: each upgrade runs the config-check hook's pod, seconds of the real node's time,
    and the benchmarks, `make demo` and the tests all call it. A release upgraded since (the
    chart tests do) has another revision, so the next call upgrades it back.
    """
    status = subprocess.run(
        [
            str(layout.binary("helm")),
            "status",
            CHART_RELEASE,
            "--namespace",
            CHART_NAMESPACE,
            "--kubeconfig",
            kubeconfig,
            "--output",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    if status.returncode != 0:
        return None
    release = json.loads(status.stdout)
    return int(release["version"]) if release.get("info", {}).get("status") == "deployed" else None


def install_release(
    layout: Any, kubeconfig: str, release: str, namespace: str, values: dict[str, Any]
) -> None:
    """Install a further release of the chart beside the bed's (no CRDs, no recipes: those belong
    to the bed's release), into ``namespace``, which is created; for tests of the chart's RBAC.

    Such a release runs no operator (its tests give it a nodeSelector no node has), so it has no
    config-check hook either: the check's pod would wait for a node until the hook timed out."""
    kubectl = [str(layout.binary("kubectl")), f"--kubeconfig={kubeconfig}"]
    subprocess.run([*kubectl, "create", "namespace", namespace], capture_output=True)
    helm = [
        str(layout.binary("helm")),
        "upgrade",
        "--install",
        release,
        str(REPO_ROOT / "charts" / "finetune-operator"),
    ]
    result = subprocess.run(
        [*helm, "--namespace", namespace, "--values", "-", "--kubeconfig", kubeconfig],
        input=json.dumps(
            {
                **values,
                "crds": {"enabled": False},
                "recipes": {"builtin": False},
                "configCheck": {"enabled": False},
            }
        ),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"helm install of release {release} failed: {result.stderr}")


def uninstall_release(layout: Any, kubeconfig: str, release: str, namespace: str) -> None:
    """Uninstall a release of ``install_release`` and delete its namespace."""
    helm = [
        str(layout.binary("helm")),
        "uninstall",
        release,
        "--namespace",
        namespace,
        "--kubeconfig",
        kubeconfig,
    ]
    subprocess.run(helm, capture_output=True, check=True)
    subprocess.run(
        [
            str(layout.binary("kubectl")),
            f"--kubeconfig={kubeconfig}",
            "delete",
            "namespace",
            namespace,
            "--timeout=120s",  # gone before a next release is installed into it
        ],
        capture_output=True,
    )


def install_chart_once_per_test_run(layout: Any, kubeconfig: str) -> None:
    """Install the chart once per test run, by whichever bed lane comes here first; outside a
    test run (`make bench`), this is `install_chart`.

    Both lanes' workers share one bed and one release. Had the second lane upgraded the release
    as well, its `helm upgrade` (and its config-check hook pod) would overlap the first lane's
    tests, which by then upgrade the release themselves ("another operation is in progress")
    and count the operator's pods. xdist gives all workers of one run the same run id; a run
    without xdist is one session and installs once anyway. A benchmark's smoke run, a child of a
    test worker, inherits the run id: it finds the chart installed and does not upgrade the release
    under the chart tests of the other lane.
    """
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    marker = Path(layout.state) / "chart-installed-by-run"
    if run_id and marker.exists() and marker.read_text() == run_id:
        return
    install_chart(layout, kubeconfig)
    if run_id:
        marker.write_text(run_id)
