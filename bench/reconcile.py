"""Reconcile throughput: N FineTuneJobs to Submitted versus N bare PyTorchJobs.

Runs against the test bed (KUBECONFIG, or the bed's kubeconfig). In one run it:

1. the floor: creates N PyTorchJobs directly, as the operator would render them, with the
   same Python client, in a namespace that has the trainer identity (so their pods run, as
   in the operator phase), and times it; then, for context, every write of the operator
   run without the operator (FineTuneJob, PyTorchJob, status patch, Event per job);
2. the operator: starts ``finetune-operator run`` as a subprocess watching a fresh
   namespace, creates N FineTuneJobs with the same client, and times until every one has
   its PyTorchJob and phase Submitted (or later); per-job latency is creation -> Submitted
   seen by a watch; the operator's RSS is sampled from /proc throughout.

Usage: ``python -m bench.reconcile [--n N]``; ``--smoke`` (or FINETUNE_BENCH_SMOKE=1) is
N=20 for `make test`, the default N=1000 is the report mode. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hack import manifests
from hack.chart import install_chart_once_per_test_run
from hack.operator_process import OperatorProcess
from hack.testbed.kwok_cluster import fsx_volume
from hack.testbed.layout import REPO_ROOT, layout
from hack.testbed.processes import load_state
from kubernetes import client, config, watch

from finetune_operator.admission import parse_job
from finetune_operator.api.job import BackendRef
from finetune_operator.attempt import JobEvent
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.hyperpod.render import (
    render_pytorchjob,
    render_trainer_identity,
)
from finetune_operator.config import OperatorConfig
from finetune_operator.naming import DEFAULT_TRAINER_CLUSTER_ROLE
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.statemachine import decide, submitted

SUBMITTED_OR_LATER = {"Submitted", "Running", "Succeeded", "Resuming", "Suspended"}
SMOKE = {"n": 10}
"""`--smoke`'s size (docs/operations.md, "Benchmarks"): every phase runs; its figures mean nothing."""


def job_manifest(namespace: str, name: str) -> dict[str, Any]:
    """A job that reads from its namespace's data root (the platform's default read roots)."""
    return manifests.job_manifest(name, data={"train": {"path": f"/fsx/data/{namespace}/train.jsonl"}})


def rendered_attempt(
    namespace: str, name: str, recipes: list[Any]
) -> tuple[dict[str, Any], dict[str, Any], JobEvent]:
    """What the operator writes for a job's first attempt, computed by its own pure core:
    the PyTorchJob, the status patch that records it (phase Submitted), and its Event."""
    document = job_manifest(namespace, name)
    document["metadata"].update(namespace=namespace, uid=str(uuid.uuid4()))
    job = parse_job(document)
    request, recipe_status = build_attempt_request(job, recipes, OperatorConfig(), 1, None, None)
    pytorchjob = render_pytorchjob(request)
    pytorchjob["metadata"].pop("ownerReferences", None)
    plan = decide(job, None, datetime.now(UTC))
    ref = BackendRef(
        api_version="kubeflow.org/v1", kind="PyTorchJob", name=request.child_name, uid=str(uuid.uuid4())
    )
    plan = submitted(plan, ref, recipe_status, request.config.checkpointing.dir)
    status = plan.status.model_dump(mode="json", exclude_none=True)
    return pytorchjob, {"status": status}, plan.events[0]


def delete_namespace_and_wait(core: client.CoreV1Api, namespace: str, timeout: float = 600) -> None:
    """Remove a phase's objects before the next phase, so its garbage collection is not timed there."""
    core.delete_namespace(namespace, propagation_policy="Background")
    core.delete_persistent_volume(fsx_volume(namespace)[0]["metadata"]["name"])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(ns.metadata.name == namespace for ns in core.list_namespace().items):
            return
        time.sleep(1)
    raise RuntimeError(f"namespace {namespace} still exists after {timeout}s")


def make_namespace(core: client.CoreV1Api, prefix: str) -> str:
    """A tenant namespace as the platform sets one up: with its bound `fsx-claim` (without it,
    every attempt is blocked on the missing claim, and the operator reports and re-checks that
    instead of doing a submission's work)."""
    name = f"{prefix}-{uuid.uuid4().hex[:6]}"
    core.create_namespace({"metadata": {"name": name, "labels": {"finetune.dev/bench": "true"}}})
    volume, claim = fsx_volume(name)
    core.create_persistent_volume(volume)
    core.create_namespaced_persistent_volume_claim(name, claim)
    return name


def add_trainer_identity(api: client.ApiClient, namespace: str) -> None:
    """What the operator creates once per namespace, so that the PyTorchJobs' pods can be
    created, scheduled and run in every phase alike (without it the training-operator's pod
    creates fail: less background work than in the operator phase)."""
    account, binding = render_trainer_identity(namespace, DEFAULT_TRAINER_CLUSTER_ROLE)
    client.CoreV1Api(api).create_namespaced_service_account(namespace, account)
    client.RbacAuthorizationV1Api(api).create_namespaced_role_binding(namespace, binding)


def floor(api: client.ApiClient, core: client.CoreV1Api, n: int) -> tuple[float, dict[str, Any]]:
    """The issue's floor: the N PyTorchJobs the operator would render, created directly, one
    after another, with the same client."""
    namespace = make_namespace(core, "bench-floor")
    add_trainer_identity(api, namespace)
    recipes = load_recipes_dir(BUILTIN_RECIPES_DIR)
    pytorchjobs = [rendered_attempt(namespace, f"j{i}", recipes)[0] for i in range(n)]
    custom = client.CustomObjectsApi(api)
    meter, requests = CpuMeter(), RequestMeter(api)
    started = time.monotonic()
    for body in pytorchjobs:
        custom.create_namespaced_custom_object("kubeflow.org", "v1", namespace, "pytorchjobs", body)
    elapsed = time.monotonic() - started
    cpu = meter.used() | {"requests": requests.used()}
    delete_namespace_and_wait(core, namespace)
    return elapsed, cpu


def direct_writes(api: client.ApiClient, core: client.CoreV1Api, n: int) -> tuple[float, dict[str, float]]:
    """For context: every write of the operator run, without the operator, one after another.

    Per job: the FineTuneJob (the benchmark's own write), its PyTorchJob, the status patch
    that records it, and the Submitted Event: the API-server work the operator cannot avoid.
    The namespace has no trainer identity, so the training-operator's pod creates fail
    early: this phase times the writes, not the pods (which a sequential phase this long
    would otherwise run many more of than the other phases).
    """
    namespace = make_namespace(core, "bench-direct")
    recipes = load_recipes_dir(BUILTIN_RECIPES_DIR)
    writes = [(f"j{i}", *rendered_attempt(namespace, f"j{i}", recipes)) for i in range(n)]
    custom, events = client.CustomObjectsApi(api), client.CoreV1Api(api)
    meter = CpuMeter()
    started = time.monotonic()
    for name, pytorchjob, status, event in writes:
        custom.create_namespaced_custom_object(
            "finetune.dev", "v1alpha1", namespace, "finetunejobs", job_manifest(namespace, name)
        )
        custom.create_namespaced_custom_object("kubeflow.org", "v1", namespace, "pytorchjobs", pytorchjob)
        custom.patch_namespaced_custom_object_status(
            "finetune.dev", "v1alpha1", namespace, "finetunejobs", name, status
        )
        events.create_namespaced_event(
            namespace,
            {
                "metadata": {"generateName": f"{name}."},
                "involvedObject": {
                    "apiVersion": "finetune.dev/v1alpha1",
                    "kind": "FineTuneJob",
                    "name": name,
                    "namespace": namespace,
                },
                "type": event.type,
                "reason": event.reason,
                "message": event.message,
                "source": {"component": "finetune-operator"},
            },
        )
    elapsed = time.monotonic() - started
    cpu = meter.used()
    delete_namespace_and_wait(core, namespace)
    return elapsed, cpu


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:13]) / CLOCK_TICKS


class CpuMeter:
    """CPU seconds each test-bed component (and the operator, and this client) spends in a phase.

    On the 2-core bed every component competes for the same cores, so where the CPU goes
    explains the wall-clock figures better than any one of them.
    """

    def __init__(self, extra: dict[str, int] | None = None) -> None:
        state = load_state(layout())
        self.pids = {name: int(pid) for name, pid in state.get("pids", {}).items() if pid}
        self.pids |= {"bench-client": os.getpid(), **(extra or {})}
        self.start = self._sample()

    def _sample(self) -> dict[str, float]:
        sample = {}
        for name, pid in self.pids.items():
            try:
                sample[name] = cpu_seconds(pid)
            except OSError:
                continue
        return sample

    def used(self) -> dict[str, float]:
        end = self._sample()
        return {name: round(end[name] - self.start[name], 2) for name in end if name in self.start}


class RequestMeter:
    """Requests the API server served in a phase, by verb and resource (its own
    ``apiserver_request_total``, from every client: the floor's phase shows what the other
    components and the client cost, so the operator phase's excess is the operator's).

    The count per job explains an operator's cost better than its seconds, which move with
    the bed's load: a look that reads one object more shows up here as 1000 more GETs.
    """

    def __init__(self, api: client.ApiClient) -> None:
        self.api = api
        self.start = self._sample()

    def _sample(self) -> dict[str, float]:
        response = self.api.call_api(
            "/metrics",
            "GET",
            auth_settings=["BearerToken"],
            _preload_content=False,
            _return_http_data_only=True,
        )
        totals: dict[str, float] = {}
        for line in response.data.decode().splitlines():
            if not line.startswith("apiserver_request_total{"):
                continue
            labels_text, _, value = line[len("apiserver_request_total{") :].rpartition("} ")
            labels = dict(
                part.split("=", 1) for part in labels_text.replace('"', "").split(",") if "=" in part
            )
            key = " ".join(
                filter(None, (labels.get("verb"), labels.get("resource"), labels.get("subresource")))
            )
            totals[key] = totals.get(key, 0.0) + float(value)
        return totals

    def used(self) -> dict[str, int]:
        end = self._sample()
        delta = {key: int(end[key] - self.start.get(key, 0.0)) for key in end}
        return {key: count for key, count in sorted(delta.items(), key=lambda kv: -kv[1]) if count > 0}


def per_job(requests: dict[str, int], n: int, top: int = 12) -> dict[str, float]:
    """The most frequent requests of a phase, per job."""
    return {key: round(count / n, 2) for key, count in list(requests.items())[:top]}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def operator_run(
    custom: client.CustomObjectsApi, core: client.CoreV1Api, n: int, kubeconfig: str, workdir: Path
) -> dict[str, Any]:
    namespace = make_namespace(core, "bench-op")
    process = OperatorProcess(kubeconfig, namespace, workdir)
    process.start()
    assert process.proc is not None
    created: dict[str, float] = {}
    submitted: dict[str, float] = {}
    peak = [rss_mib(process.proc.pid)]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_mib(process.proc.pid))  # type: ignore[union-attr]
            time.sleep(0.2)

    def observe() -> None:
        stream = watch.Watch()
        for event in stream.stream(
            custom.list_namespaced_custom_object,
            "finetune.dev",
            "v1alpha1",
            namespace,
            "finetunejobs",
            timeout_seconds=3600,
        ):
            obj = event["object"]
            name = obj["metadata"]["name"]
            if name not in submitted and (obj.get("status") or {}).get("phase") in SUBMITTED_OR_LATER:
                submitted[name] = time.monotonic()
                if len(submitted) == n:
                    stream.stop()

    sampler = threading.Thread(target=sample, daemon=True)
    watcher = threading.Thread(target=observe, daemon=True)
    sampler.start()
    watcher.start()
    time.sleep(1)
    meter, requests = CpuMeter({"operator": process.proc.pid}), RequestMeter(custom.api_client)
    started = time.monotonic()
    for i in range(n):
        name = f"j{i}"
        created[name] = time.monotonic()
        custom.create_namespaced_custom_object(
            "finetune.dev", "v1alpha1", namespace, "finetunejobs", job_manifest(namespace, name)
        )
    watcher.join(timeout=max(300.0, n * 1.0))
    elapsed = time.monotonic() - started
    cpu = meter.used()
    served = requests.used()
    done.set()
    sampler.join()
    children = custom.list_namespaced_custom_object("kubeflow.org", "v1", namespace, "pytorchjobs")["items"]
    process.stop()
    delete_namespace_and_wait(core, namespace)
    latencies = sorted(submitted[k] - created[k] for k in submitted)
    return {
        "elapsed": elapsed,
        "submitted": len(submitted),
        "pytorchjobs": len(children),
        "p50": statistics.median(latencies) if latencies else None,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else None,
        "peak_rss_mib": peak[0],
        "cpu": cpu,
        "requests": served,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of jobs")
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("FINETUNE_BENCH_SMOKE") == "1",
        help=f"make test's run: {SMOKE} unless given (also FINETUNE_BENCH_SMOKE=1)",
    )
    args = parser.parse_args()
    if args.smoke:
        parser.set_defaults(**SMOKE)
        args = parser.parse_args()
    n = args.n
    kubeconfig = os.environ.get("KUBECONFIG") or str(REPO_ROOT / ".testbed" / "kubeconfig")
    api = config.new_client_from_config(config_file=kubeconfig)
    install_chart_once_per_test_run(layout(), kubeconfig)
    custom, core = client.CustomObjectsApi(api), client.CoreV1Api(api)
    workdir = REPO_ROOT / ".testbed" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)

    floor_seconds, floor_cpu = floor(api, core, n)
    floor_requests = floor_cpu.pop("requests")
    print(f"floor: {n} PyTorchJobs created directly in {floor_seconds:.2f}s; CPU seconds {floor_cpu}")
    print(f"floor: API requests per job {per_job(floor_requests, n)}")
    direct_seconds, direct_cpu = direct_writes(api, core, n)
    kinds = "FineTuneJob, PyTorchJob, status patch, Event"
    print(f"direct writes: {n} x ({kinds}) done directly in {direct_seconds:.2f}s; CPU seconds {direct_cpu}")
    result = operator_run(custom, core, n, kubeconfig, workdir)
    ratio = result["elapsed"] / floor_seconds
    print(
        f"operator: {result['submitted']}/{n} FineTuneJobs Submitted with "
        f"{result['pytorchjobs']} PyTorchJobs in {result['elapsed']:.2f}s (ratio {ratio:.2f})"
    )
    print(
        f"CPU seconds {result['cpu']}; per-job latency p50 {result['p50']:.3f}s "
        f"p99 {result['p99']:.3f}s; operator peak RSS {result['peak_rss_mib']:.1f} MiB"
    )
    print(f"operator: API requests per job {per_job(result['requests'], n)}")
    figures = {
        "benchmark": "reconcile",
        "smoke": args.smoke,
        "n": n,
        "floor_seconds": round(floor_seconds, 3),
        "operator_seconds": round(result["elapsed"], 3),
        "ratio": round(ratio, 3),
        "direct_writes_seconds": round(direct_seconds, 3),
        "ratio_to_direct_writes": round(result["elapsed"] / direct_seconds, 3),
        "p50_seconds": round(result["p50"], 4),
        "p99_seconds": round(result["p99"], 4),
        "peak_rss_mib": round(result["peak_rss_mib"], 1),
        "cpu_seconds": {"floor": floor_cpu, "direct_writes": direct_cpu, "operator": result["cpu"]},
        "api_requests_per_job": {
            "floor": round(sum(floor_requests.values()) / n, 2),
            "operator": round(sum(result["requests"].values()) / n, 2),
            "operator_top": per_job(result["requests"], n, top=6),
        },
        "submitted": result["submitted"],
        "pytorchjobs": result["pytorchjobs"],
    }
    print(json.dumps(figures))
    if result["submitted"] != n or result["pytorchjobs"] != n:
        sys.exit(1)


if __name__ == "__main__":
    main()
