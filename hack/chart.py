"""Install the chart on the bed the way users do (`helm upgrade --install`).

Shared by the cluster tests, `make demo` and the benchmark.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent

CHART_RELEASE = "finetune-operator"
CHART_NAMESPACE = "finetune-system"
CRD_NAMES = (
    "finetunejobs.finetune.dev",
    "finetunerecipes.finetune.dev",
    "clusterfinetunerecipes.finetune.dev",
)


def install_chart(layout: Any, kubeconfig: str) -> None:
    """Install the chart the way users do, so cluster tests see the CRDs and built-in recipes.

    The chart's operator Deployment only gets a kwok pod (nothing runs in it); tests run
    the operator themselves. CRDs applied by hand on a reused bed are adopted first, as
    Helm refuses to take over objects without its ownership metadata.
    """
    kubectl = [str(layout.binary("kubectl")), f"--kubeconfig={kubeconfig}"]
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
    result = subprocess.run(
        [
            str(layout.binary("helm")),
            "upgrade",
            "--install",
            CHART_RELEASE,
            str(REPO_ROOT / "charts" / "finetune-operator"),
            "--namespace",
            CHART_NAMESPACE,
            "--create-namespace",
            "--kubeconfig",
            kubeconfig,
        ],
        capture_output=True,
        text=True,
    )
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
