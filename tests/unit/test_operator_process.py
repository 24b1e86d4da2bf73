"""hack/operator_process.py, the cluster tests' way to run the operator: a port taken between
`free_port()` and the operator's bind (parallel tests pick ports too) costs a restart on new
ports, not a failed test (seen in a full run: "operator exited with 1")."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hack import operator_process
from hack.operator_process import OperatorProcess

UNREACHABLE_CLUSTER = """\
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
"""


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def test_a_liveness_port_taken_before_the_bind_restarts_the_operator_on_new_ports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, taken_port: int
) -> None:
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(UNREACHABLE_CLUSTER)
    ports = iter([taken_port])
    real_free_port = operator_process.free_port
    monkeypatch.setattr(operator_process, "free_port", lambda: next(ports, None) or real_free_port())

    process = OperatorProcess(str(kubeconfig), "team-x", tmp_path)
    assert process.liveness_port == taken_port
    try:
        process.start(timeout=60)
        assert process.liveness_port != taken_port
        assert b"address already in use" in process.log_path.read_bytes()
    finally:
        process.stop()


def test_the_liveness_and_metrics_ports_differ_even_when_the_kernel_repeats_a_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ports = iter([41000, 41000, 41000, 41001])
    monkeypatch.setattr(operator_process, "free_port", lambda: next(ports))
    process = OperatorProcess(str(tmp_path / "kubeconfig"), "team-x", tmp_path)
    assert (process.liveness_port, process.metrics_port) == (41000, 41001)
