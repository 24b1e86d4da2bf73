"""hack/operator_process.py, the cluster tests' way to run the operator: a port taken between
`free_port()` and the operator's bind (parallel tests pick ports too) costs a restart on new
ports, not a failed test (seen in a full run: "operator exited with 1")."""

from __future__ import annotations

import socket
import subprocess
import sys
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


def test_ports_picked_at_once_by_two_processes_all_differ_and_are_below_the_ephemeral_range() -> None:
    """Each picked port is released at once, as before a server binds it: a random pick could
    return it again, to this process or the other lane's."""
    script = "from hack.testbed.processes import free_port; print(*(free_port() for _ in range(200)))"
    repo = Path(__file__).resolve().parents[2]
    pickers = [
        subprocess.Popen([sys.executable, "-c", script], cwd=repo, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    ports = [int(port) for picker in pickers for port in picker.communicate(timeout=60)[0].split()]
    assert len(ports) == 400
    assert len(set(ports)) == len(ports)
    ephemeral_low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    assert all(port < ephemeral_low for port in ports)
