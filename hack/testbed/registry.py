"""The bed's OCI registry: CNCF distribution's `registry`, built from its Go module
(hack/build-testbed.sh), where `spec.publish` pushes adapters (issue 26).

It runs as a host process like the bed's other components. With the real node it listens on the
node bridge's address (``NODE_GATEWAY``, port ``NODE_PORT``), which the node's pods reach as they
reach the API server, so a publish pod pushes to ``oci://10.244.255.1:5000/...`` over plain HTTP
(the operator config lists it in ``publish.insecure_registries``). Without the node it listens on
127.0.0.1. Its blobs live in the bed's state directory and go with the bed.

The same functions serve the unit tests, which run a registry of their own on a free port
(tests/unit/test_publish_oci.py).
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from hack.testbed.layout import Layout
from hack.testbed.node import NODE_GATEWAY

COMPONENT = "registry"
NODE_PORT = 5000
"""The registry's port on the node bridge's address: fixed, so that the chart's operator config on the
bed can name it (nothing else listens on the bridge's address)."""


def node_address() -> str:
    """Where the real node's pods (and this host) reach the bed's registry."""
    return f"{NODE_GATEWAY}:{NODE_PORT}"


def write_config(directory: Path, address: str) -> Path:
    """The registry's configuration: filesystem storage below ``directory``, plain HTTP on ``address``."""
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "config.yml"
    config.write_text(
        "\n".join(
            [
                "version: 0.1",
                "log:",
                "  level: warn",
                "  accesslog:",
                "    disabled: true",
                "storage:",
                "  filesystem:",
                f"    rootdirectory: {directory / 'storage'}",
                "  delete:",
                "    enabled: true",
                "http:",
                f"  addr: {address}",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return config


def argv(lay: Layout, config: Path) -> list[str]:
    return [str(lay.binary(COMPONENT)), "serve", str(config)]


ENV = {"OTEL_TRACES_EXPORTER": "none", "OTEL_SDK_DISABLED": "true"}
"""distribution v3 exports OpenTelemetry traces by default; the bed has no collector."""


def serving(address: str) -> bool:
    """Whether the registry at ``address`` answers the distribution API's version check."""
    try:
        with urllib.request.urlopen(f"http://{address}/v2/", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_local(lay: Layout, directory: Path, address: str, log_file: Path) -> subprocess.Popen[bytes]:
    """A registry of one's own (the unit tests'), serving once this returns."""
    config = write_config(directory, address)
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            argv(lay, config),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **ENV},
        )
    deadline = time.monotonic() + 30
    while not serving(address):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"registry on {address} did not start; see {log_file}")
        time.sleep(0.1)
    return process
