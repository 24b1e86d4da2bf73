"""Chaos: jobs across namespaces while the operator is SIGKILLed and the API server restarts.

Runs against the test bed. It starts ``finetune-operator run`` watching three fresh
namespaces, submits N FineTuneJobs spread over them (N = 300 by default), SIGKILLs the
operator at K random moments during the submissions (restarting it at once, as a
Deployment would) and restarts the API server once midway. Then it waits for every job
to converge (phase Submitted or later, or Suspended) and reports:

- ``duplicates``: jobs with more than one PyTorchJob for the same attempt or an attempt
  they never recorded (a child created twice after a restart);
- ``orphans``: PyTorchJobs whose job's status does not name them (left behind);
- ``unconverged``: jobs without a phase of a submitted job at the end;
- ``api_restart_recovery_seconds``: from the API server answering again to the first job
  created after it reaching Submitted (the operator re-listed, re-watched and worked again).

Targets: 0, 0, 0, under 15 s. Usage: ``python -m bench.chaos [--n N] [--kills K]``;
``--smoke`` (or FINETUNE_BENCH_SMOKE=1) is N=12, K=1 for `make test`. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
import uuid
from typing import Any

from bench.reconcile import job_manifest
from hack.chart import install_chart_once_per_test_run
from hack.operator_process import OperatorProcess
from hack.testbed.kwok_cluster import fsx_volume
from hack.testbed.layout import REPO_ROOT, layout
from hack.testbed.lifecycle import restart_apiserver
from kubernetes import client, config

GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"
CONVERGED = {"Submitted", "Running", "Resuming", "Succeeded"}
NAMESPACES = 3
SMOKE = {"n": 6, "kills": 1}
"""`--smoke`'s sizes (docs/operations.md, "Benchmarks"): every disruption once; its figures mean nothing."""


def retrying(call: Any, *args: Any, **kwargs: Any) -> Any:
    """One API call, retried while the API server is away (it restarts during the run)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            return call(*args, **kwargs)
        except client.ApiException as err:
            if err.status == 409 or time.monotonic() > deadline or (err.status and err.status < 500):
                raise
        except Exception:  # connection refused/reset while the API server restarts
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


def make_namespaces(core: client.CoreV1Api) -> list[str]:
    names = []
    for index in range(NAMESPACES):
        name = f"chaos-{index}-{uuid.uuid4().hex[:5]}"
        core.create_namespace({"metadata": {"name": name, "labels": {"finetune.dev/bench": "true"}}})
        volume, claim = fsx_volume(name)
        core.create_persistent_volume(volume)
        core.create_namespaced_persistent_volume_claim(name, claim)
        names.append(name)
    return names


def phase_of(custom: client.CustomObjectsApi, namespace: str, name: str) -> str | None:
    job = retrying(custom.get_namespaced_custom_object, GROUP, VERSION, namespace, PLURAL, name)
    return (job.get("status") or {}).get("phase")


def audit(custom: client.CustomObjectsApi, namespaces: list[str]) -> dict[str, Any]:
    duplicates, orphans, unconverged = [], [], []
    for namespace in namespaces:
        jobs = retrying(custom.list_namespaced_custom_object, GROUP, VERSION, namespace, PLURAL)["items"]
        children = retrying(
            custom.list_namespaced_custom_object, "kubeflow.org", "v1", namespace, "pytorchjobs"
        )
        by_job: dict[str, list[str]] = {}
        for child in children["items"]:
            owner = child["metadata"].get("labels", {}).get("finetune.dev/job", "")
            by_job.setdefault(owner, []).append(child["metadata"]["name"])
        for job in jobs:
            name = job["metadata"]["name"]
            status = job.get("status") or {}
            if status.get("phase") not in CONVERGED:
                unconverged.append(f"{namespace}/{name}:{status.get('phase')}")
            recorded = {a["name"] for a in status.get("attempts", [])}
            mine = by_job.pop(name, [])
            if len(mine) != len(set(mine)) or any(child not in recorded for child in mine):
                extra = [child for child in mine if child not in recorded]
                (duplicates if len(mine) > len(recorded) else orphans).extend(
                    f"{namespace}/{c}" for c in extra
                )
        orphans.extend(f"{namespace}/{c}" for names in by_job.values() for c in names)
    return {"duplicates": duplicates, "orphans": orphans, "unconverged": unconverged}


def run(n: int, kills: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    lay = layout()
    kubeconfig = str(lay.kubeconfig)
    api = config.new_client_from_config(config_file=kubeconfig)
    install_chart_once_per_test_run(lay, kubeconfig)
    core, custom = client.CoreV1Api(api), client.CustomObjectsApi(api)
    namespaces = make_namespaces(core)
    workdir = REPO_ROOT / ".testbed" / "chaos"
    workdir.mkdir(parents=True, exist_ok=True)
    operator = OperatorProcess(kubeconfig, namespaces[0], workdir, more_namespaces=namespaces[1:])
    operator.start()
    kill_at = set(rng.sample(range(1, n - 1), kills))
    restart_at = n // 2
    recovery = None
    started = time.monotonic()
    try:
        for index in range(n):
            namespace = namespaces[index % NAMESPACES]
            name = f"c{index:04d}"
            if index in kill_at:
                operator.kill()
                operator.start(timeout=60)
            if index == restart_at:
                restart_apiserver()
                back = time.monotonic()
            retrying(
                custom.create_namespaced_custom_object,
                GROUP,
                VERSION,
                namespace,
                PLURAL,
                job_manifest(namespace, name),
            )
            if index == restart_at:
                while phase_of(custom, namespace, name) not in CONVERGED:
                    time.sleep(0.2)
                recovery = time.monotonic() - back
        deadline = time.monotonic() + max(120.0, n * 0.5)
        result = audit(custom, namespaces)
        while result["unconverged"] and time.monotonic() < deadline:
            time.sleep(2)
            result = audit(custom, namespaces)
        alive = operator.proc is not None and operator.proc.poll() is None
    finally:
        operator.stop()
        for namespace in namespaces:
            core.delete_namespace(namespace, propagation_policy="Background")
            core.delete_persistent_volume(fsx_volume(namespace)[0]["metadata"]["name"])
    return {
        "jobs": n,
        "namespaces": NAMESPACES,
        "operator_kills": kills,
        "api_server_restarts": 1,
        "duplicates": len(result["duplicates"]),
        "orphans": len(result["orphans"]),
        "unconverged": len(result["unconverged"]),
        "api_restart_recovery_seconds": round(recovery, 2) if recovery is not None else None,
        "seconds": round(time.monotonic() - started, 1),
        "operator_alive_at_end": alive,
        "examples": {k: v[:5] for k, v in result.items() if v},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
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
    print(json.dumps({"benchmark": "chaos", "smoke": args.smoke, **run(args.n, args.kills, args.seed)}))


if __name__ == "__main__":
    main()
