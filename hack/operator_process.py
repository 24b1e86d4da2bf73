"""`finetune-operator run` as a subprocess of a cluster test, a benchmark or a capture script.

A subprocess, not KopfRunner, so that a test can SIGKILL and restart it, measure its RSS,
and give it an environment of its own (AWS credentials exist only there). It watches only
the test's namespace, so parallel tests and other operators on the shared bed never
reconcile each other's jobs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from hack.testbed.processes import free_port

REPO = Path(__file__).resolve().parents[1]


class OperatorProcess:
    def __init__(
        self,
        kubeconfig: str,
        namespace: str,
        workdir: Path,
        config: Mapping[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
        more_namespaces: Sequence[str] = (),
    ) -> None:
        """`config` is merged into the OperatorConfig file; `env` replaces any AWS_* variables;
        `more_namespaces` are watched too."""
        self.kubeconfig = kubeconfig
        self.namespace = namespace
        self.namespaces = [namespace, *more_namespaces]
        self.config = dict(config or {})
        self.config_path = workdir / "operator.yaml"
        self._pick_ports()
        inherited = {k: v for k, v in os.environ.items() if not (env and k.startswith("AWS_"))}
        self.env = {**inherited, **(env or {}), "KUBECONFIG": kubeconfig}
        self.env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(REPO / "operator"), os.environ.get("PYTHONPATH")])
        )
        self.log_path = workdir / f"operator-{namespace}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def _pick_ports(self) -> None:
        # Below the kernel's ephemeral range, in turn across the machine (`free_port`): a port 0
        # bind returns an ephemeral port, which an outgoing connection can take before the
        # operator binds it and which the kernel can hand to the other lane's operator at once
        # (its server then answered this one's liveness check: a job that never reached Running).
        self.liveness_port = free_port()
        # Never the liveness port again, whatever the picker does (a port 0 picker did repeat
        # one: the metrics server took the liveness port and kopf's health reporter failed).
        self.metrics_port = free_port()
        while self.metrics_port == self.liveness_port:
            self.metrics_port = free_port()
        self.config_path.write_text(
            yaml.safe_dump(
                {"liveness_port": self.liveness_port, "metrics_port": self.metrics_port, **self.config}
            )
        )

    def start(self, timeout: float = 30.0, attempts: int = 3) -> None:
        """Start the operator and wait until it is live. A free port can be taken by another process
        between `free_port()` and the operator's bind (parallel tests pick ports too): then it
        exits at once with EADDRINUSE, and it is started again on new ports."""
        for attempt in range(1, attempts + 1):
            log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
            try:
                self._start_once(timeout)
                return
            except AssertionError:
                with self.log_path.open("rb") as log:
                    log.seek(log_start)
                    port_taken = b"address already in use" in log.read()
                if not port_taken or attempt == attempts:
                    raise
                self._pick_ports()

    def _start_once(self, timeout: float) -> None:
        command = [
            sys.executable,
            "-m",
            "finetune_operator.cli",
            "run",
            "--config",
            str(self.config_path),
            *(arg for ns in self.namespaces for arg in ("--namespace", ns)),
        ]
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"operator exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.liveness_port}/healthz", timeout=1) as r:
                    if r.status == 200 and self._is_kopfs_answer(r.read()):
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"operator not live after {timeout}s; see {self.log_path}")

    @staticmethod
    def _is_kopfs_answer(body: bytes) -> bool:
        """kopf's /healthz answers a JSON object of its probes; another server that took the port
        (a metrics server answers any path with 200) must not pass for a live operator."""
        try:
            return isinstance(json.loads(body), dict)
        except ValueError:
            return False

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, exactly like a crashed or evicted pod."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def metrics(self) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5) as r:
            return str(r.read().decode())
