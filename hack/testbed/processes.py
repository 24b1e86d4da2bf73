"""The bed's components as plain local processes: their state file, start, readiness, stop, and
the bed's own kubectl."""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from hack.testbed.layout import Layout


def load_state(lay: Layout) -> dict:
    if lay.state_file.exists():
        return dict(json.loads(lay.state_file.read_text()))
    return {}


def save_state(lay: Layout, state: dict) -> None:
    lay.state_file.write_text(json.dumps(state, indent=2))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); treat it as gone.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def start_process(
    lay: Layout, state: dict, name: str, argv: list[str], env: dict[str, str] | None = None
) -> None:
    """Start one component in its own session (so it outlives this script) with its log file."""
    log_file = (lay.logs / f"{name}.log").open("ab")
    process = subprocess.Popen(
        argv,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, **(env or {})},
        cwd=lay.state,
    )
    state.setdefault("pids", {})[name] = process.pid
    save_state(lay, state)


def wait_until(what: str, check, timeout: float, lay: Layout, component: str | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if component:
            pid = load_state(lay).get("pids", {}).get(component)
            if pid and not pid_alive(pid):
                raise SystemExit(
                    f"[testbed] {component} exited while waiting for {what}; see {lay.logs / component}.log"
                )
        time.sleep(0.2)
    raise SystemExit(f"[testbed] timed out after {timeout:.0f}s waiting for {what}; logs in {lay.logs}")


def https_ok(url: str, pki: Path) -> bool:
    context = ssl.create_default_context(cafile=str(pki / "ca.crt"))
    context.load_cert_chain(str(pki / "admin.crt"), str(pki / "admin.key"))
    try:
        with urllib.request.urlopen(url, context=context, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def kubectl(
    lay: Layout, *args: str, input_text: str | None = None, check: bool = True
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(lay.binary("kubectl")), f"--kubeconfig={lay.kubeconfig}", *args],
        input=input_text,
        text=True,
        capture_output=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise SystemExit(f"[testbed] kubectl {' '.join(args)} failed: {result.stderr.strip()}")
    return result


EPHEMERAL_PORTS = Path("/proc/sys/net/ipv4/ip_local_port_range")
PORT_RANGE_SIZE = 12000
PORT_COUNTER = Path(tempfile.gettempdir()) / "finetune-operator-next-port"
"""The next port to try, shared by every process on this machine (`free_port`)."""


def free_port() -> int:
    """A free port below the kernel's ephemeral range, for a component to listen on.

    A bed picks all its ports first and starts the components one after another over a minute.
    A port from the ephemeral range (what binding port 0 returns) can be taken meanwhile by any
    outgoing connection on the machine (the tests make thousands), and the component then fails
    with "address already in use". Below the range only another listener can take it.

    The ports are handed out in turn from a counter in PORT_COUNTER (under a file lock), so two
    processes that pick at once (the two lanes' operators, each picking a liveness and a metrics
    port) never get the same one, as two random picks can; the counter wraps around after
    PORT_RANGE_SIZE ports, a few hundred of which a full `make test` uses.
    """
    ephemeral_low = int(EPHEMERAL_PORTS.read_text().split()[0]) if EPHEMERAL_PORTS.exists() else 32768
    low = max(1024, ephemeral_low - PORT_RANGE_SIZE)
    span = ephemeral_low - low
    with PORT_COUNTER.open("a+") as counter:
        fcntl.flock(counter, fcntl.LOCK_EX)
        counter.seek(0)
        recorded = counter.read().strip()
        offset = int(recorded) - low if recorded.isdigit() else random.SystemRandom().randrange(span)
        for step in range(span):
            port = low + (offset + step) % span
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
            counter.seek(0)
            counter.truncate()
            counter.write(str(low + (offset + step + 1) % span))
            return port
    raise SystemExit(f"[testbed] no free port below {ephemeral_low}")


def stop_process_group(pid: int, grace_s: float = 10.0) -> bool:
    """SIGTERM a component's process group, SIGKILL it if it is still alive after `grace_s`, and
    return once it is gone (or another `grace_s` passed); False if it was gone already."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace_s
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if pid_alive(pid):
        os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + grace_s
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    return True


def apply_objects(lay: Layout, objects: list[dict]) -> None:
    kubectl(
        lay, "apply", "-f", "-", input_text=json.dumps({"apiVersion": "v1", "kind": "List", "items": objects})
    )
