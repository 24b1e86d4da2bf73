"""Helpers that play the kubelet's part in cluster tests and `make demo`, through the bed's kwok Stages.

kwok runs every pod bound to a fake node; these helpers trigger the Stages in
hack/testbed/kwok-stages.yaml. Semantics worth knowing when you write a test:

- A pod ends only when a test calls `finish_pod`: exit code 0 makes it Succeeded, any
  other code makes it Failed with that code in `containerStatuses[].state.terminated`.
- training-operator v1.7.0 deletes and recreates a failed pod under restartPolicy
  OnFailure/Always; the PyTorchJob becomes `Failed` only once `runPolicy.backoffLimit`
  is exhausted (0 fails on the first failure). See docs/testbed.md.
- A PyTorchJob with a Master replica is `Succeeded` when the Master pod succeeds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from kubernetes import client

EXIT_CODE_ANNOTATION = "finetune.dev/test-exit-code"
NODE_NOT_READY_ANNOTATION = "finetune.dev/test-node-not-ready"

T = TypeVar("T")


def finish_pod(core_v1: client.CoreV1Api, namespace: str, pod_name: str, exit_code: int) -> None:
    """End a running pod with `exit_code`, as its container would."""
    core_v1.patch_namespaced_pod(
        pod_name, namespace, {"metadata": {"annotations": {EXIT_CODE_ANNOTATION: str(exit_code)}}}
    )


def mark_node_not_ready(core_v1: client.CoreV1Api, node_name: str) -> None:
    """Simulate a lost node: it reports Ready=False and the node-lifecycle controller reacts."""
    core_v1.patch_node(node_name, {"metadata": {"annotations": {NODE_NOT_READY_ANNOTATION: "true"}}})


def wait_for(
    predicate: Callable[[], T | None],
    timeout: float = 30.0,
    interval: float = 0.25,
    message: str = "condition",
) -> T:
    """Poll `predicate` until it returns something truthy, and return that; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message} (last value: {last!r})")
