"""The securityContext of every pod the product creates that mounts the shared file system:
trainer pods (backends/hyperpod/render.py) and `kubectl finetune submit --upload-data`'s upload
pod (plugin/data.py). Both pass Pod Security ``restricted`` (docs/security.md) and run as the
platform's FSx user, so what they write is owned alike.
"""

from __future__ import annotations

from typing import Any

from finetune_operator.storage import PosixUser

CONTAINER_SECURITY_CONTEXT = {
    "privileged": False,
    "allowPrivilegeEscalation": False,
    "capabilities": {"drop": ["ALL"]},
}
"""No capability: the Neuron, NVIDIA and EFA device plugins hand the devices over, and EFA's
locked memory comes from the node's unlimited memlock (EKS AMIs), not from IPC_LOCK."""


def pod_security_context(run_as: PosixUser) -> dict[str, Any]:
    """Non-root as the platform's FSx user (operator config ``storage.run_as``), seccomp
    ``RuntimeDefault``. No ``fsGroup``: on a shared FSx volume the kubelet would chown the whole
    file system at every mount."""
    context: dict[str, Any] = {
        "runAsNonRoot": True,
        "runAsUser": run_as.uid,
        "runAsGroup": run_as.gid,
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    if run_as.supplemental_groups:
        context["supplementalGroups"] = list(run_as.supplemental_groups)
    return context
