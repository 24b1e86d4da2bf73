"""``tensorboard``: a job's TensorBoard, served by a short-lived pod and reached by port-forward.

The pod only reads: it mounts the job's TensorBoard directory of the storage claim, read-only
(``subPath``, so no other directory of the claim is visible), runs TensorBoard from the trainer
image (it is one of the trainer's dependencies) as the platform's non-root FSx user with a
read-only root file system, gets no ServiceAccount token (it never calls the API server), and
listens on the pod's loopback only: ``kubectl port-forward`` reaches it there, other pods cannot.
The manifest is a pure function of its inputs (golden test in tests/unit/test_plugin_ux.py).
"""

from __future__ import annotations

import posixpath
from typing import Any

from finetune_operator.pod_security import CONTAINER_SECURITY_CONTEXT, pod_security_context
from finetune_operator.storage import PosixUser

TENSORBOARD_PORT = 6006
LOGDIR = "/tensorboard"
LIFETIME_SECONDS = 8 * 3600
"""The pod ends by itself after this long: a session killed with SIGKILL leaves nothing forever."""
COMPONENT = "tensorboard"


def tensorboard_pod_name(job_name: str) -> str:
    """One TensorBoard pod per job: a second ``tensorboard`` command reuses the first one's."""
    return f"{job_name[:50]}-tensorboard"


def build_tensorboard_pod(
    job_name: str,
    namespace: str,
    claim: str,
    mount_path: str,
    tensorboard_dir: str,
    image: str,
    run_as: PosixUser,
) -> dict[str, Any]:
    """The TensorBoard pod of job ``job_name``, reading ``tensorboard_dir`` on ``claim`` (whose
    root the job's pods see at ``mount_path``)."""
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": tensorboard_pod_name(job_name),
            "namespace": namespace,
            "labels": {
                "app.kubernetes.io/managed-by": "kubectl-finetune",
                "app.kubernetes.io/component": COMPONENT,
                "finetune.dev/job": job_name,
            },
        },
        "spec": {
            "restartPolicy": "Never",
            "activeDeadlineSeconds": LIFETIME_SECONDS,
            "automountServiceAccountToken": False,
            "enableServiceLinks": False,
            "securityContext": pod_security_context(run_as),
            "containers": [
                {
                    "name": COMPONENT,
                    "image": image,
                    "command": [
                        "python",
                        "-m",
                        "tensorboard.main",
                        f"--logdir={LOGDIR}",
                        "--host=127.0.0.1",
                        f"--port={TENSORBOARD_PORT}",
                    ],
                    "env": [{"name": "HOME", "value": "/tmp"}],
                    "ports": [{"name": COMPONENT, "containerPort": TENSORBOARD_PORT}],
                    "resources": {
                        "requests": {"cpu": "100m", "memory": "512Mi"},
                        "limits": {"cpu": "1", "memory": "2Gi"},
                    },
                    "securityContext": {**CONTAINER_SECURITY_CONTEXT, "readOnlyRootFilesystem": True},
                    "volumeMounts": [
                        {
                            "name": "storage",
                            "mountPath": LOGDIR,
                            "subPath": posixpath.relpath(tensorboard_dir, mount_path),
                            "readOnly": True,
                        },
                        {"name": "tmp", "mountPath": "/tmp"},
                    ],
                }
            ],
            "volumes": [
                {"name": "storage", "persistentVolumeClaim": {"claimName": claim, "readOnly": True}},
                {"name": "tmp", "emptyDir": {"sizeLimit": "256Mi"}},
            ],
        },
    }


def port_forward_command(
    kubectl: str, kubeconfig: str | None, namespace: str, pod: str, local_port: int
) -> list[str]:
    """``kubectl port-forward`` from 127.0.0.1:``local_port`` to the pod's TensorBoard port."""
    command = [kubectl, "port-forward", "-n", namespace, f"pod/{pod}", f"{local_port}:{TENSORBOARD_PORT}"]
    command += ["--address", "127.0.0.1"]
    return [*command, f"--kubeconfig={kubeconfig}"] if kubeconfig else command
