"""Session-wide fixtures: the local Kubernetes test bed and a fresh namespace per test.

Tests under tests/cluster/ are marked `cluster` and get the bed; every other test is
marked `unit` and must not touch a cluster or the network. Both kinds run in `make test`.

The bed is started once per session (`python -m hack.testbed up`), or reused when one is
already running or when FINETUNE_TEST_KUBECONFIG names one, and stopped at the end only
if this session started it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hack.chart import install_chart
from hack.testbed.kwok_cluster import fsx_volume
from hack.testbed.layout import BIN_DIR, Layout, layout
from hack.testbed.lifecycle import running_components

REPO_ROOT = Path(__file__).resolve().parent.parent
KUBECTL_FINETUNE = Path(sys.executable).parent / "kubectl-finetune"
"""The plugin's console script, installed with the operator package beside this Python."""


CLUSTER_TESTS = "tests/cluster/"


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under pytest-xdist (`make test`: 3 workers), every cluster test runs on one worker, in
    collection order: they share one bed and its one real node. The unit and trainer tests, which
    need neither, run module by module beside them on the other workers, so the bed's waits
    overlap the trainer's CPU work."""
    from xdist.scheduler import LoadScopeScheduling

    class OneBedScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return CLUSTER_TESTS if nodeid.startswith(CLUSTER_TESTS) else super()._split_scope(nodeid)

    return OneBedScheduling(config, log)


LONGEST_SCOPES_FIRST = (
    CLUSTER_TESTS,
    "trainer-images/trainer/tests/test_trainer_neuron_xla.py",
    "trainer-images/trainer/tests/test_trainer_training.py",
    "trainer-images/trainer/tests/test_trainer_grpo.py",
)
"""The scopes that take minutes, longest first. xdist hands out scopes in collection order, so a
long one collected last would start when the others are done and end the run late."""


REAL_NODE_MODULES_LAST = (
    "tests/cluster/test_bench_smoke.py",
    "tests/cluster/test_real_grpo.py",
    "tests/cluster/test_real_node.py",
    "tests/cluster/test_real_training.py",
)
"""The cluster modules whose pods train on the real node (or load the whole bed), run after the
others: by then the trainer modules on the other workers are done, and these CPU-bound pods get
the machine's cores instead of sharing them."""


def _run_order(item: pytest.Item) -> tuple[int, int]:
    nodeid = item.nodeid
    scope_rank = next(
        (rank for rank, scope in enumerate(LONGEST_SCOPES_FIRST) if nodeid.startswith(scope)),
        len(LONGEST_SCOPES_FIRST),
    )
    return scope_rank, int(nodeid.startswith(REAL_NODE_MODULES_LAST))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    cluster_dir = REPO_ROOT / "tests" / "cluster"
    for item in items:
        if cluster_dir in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.cluster)
        else:
            item.add_marker(pytest.mark.unit)
    items.sort(key=_run_order)  # stable: each module keeps its own order


@dataclass(frozen=True)
class Testbed:
    """A running bed: where its kubeconfig is and where its tools (helm, kwokctl) live."""

    kubeconfig: str
    bin_dir: Path
    layout: Layout

    def binary(self, name: str) -> Path:
        return self.layout.binary(name)


@pytest.fixture(scope="session")
def testbed() -> Iterator[Testbed]:
    lay = layout()
    started_here = False
    kubeconfig = os.environ.get("FINETUNE_TEST_KUBECONFIG")
    if not kubeconfig:
        started_here = not all(running_components(lay).values())
        # Also on a running bed: images of changed code (the operator's, the trainer's) are built
        # and imported into its node, which `up` does without restarting anything.
        subprocess.run(["bash", str(REPO_ROOT / "hack" / "build-testbed.sh")], check=True)
        subprocess.run(["bash", str(REPO_ROOT / "hack" / "build-images.sh")], check=True)
        subprocess.run([sys.executable, "-m", "hack.testbed", "up"], check=True, cwd=REPO_ROOT)
        kubeconfig = str(lay.kubeconfig)
    previous = os.environ.get("KUBECONFIG")
    os.environ["KUBECONFIG"] = kubeconfig
    install_chart(lay, kubeconfig)
    try:
        yield Testbed(kubeconfig=kubeconfig, bin_dir=BIN_DIR, layout=lay)
    finally:
        if previous is None:
            os.environ.pop("KUBECONFIG", None)
        else:
            os.environ["KUBECONFIG"] = previous
        if started_here and not os.environ.get("FINETUNE_KEEP_TESTBED"):
            subprocess.run([sys.executable, "-m", "hack.testbed", "down"], check=False, cwd=REPO_ROOT)


@pytest.fixture(scope="session")
def api_client(testbed: Testbed):
    from kubernetes import config

    return config.new_client_from_config(config_file=testbed.kubeconfig)


@pytest.fixture
def core_v1(api_client):
    from kubernetes import client

    return client.CoreV1Api(api_client)


@pytest.fixture
def custom_objects(api_client):
    from kubernetes import client

    return client.CustomObjectsApi(api_client)


@pytest.fixture
def namespace(api_client, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh namespace with the `fsx-claim` PVC (and its PV), deleted with everything in it afterwards."""
    from kubernetes import client

    core = client.CoreV1Api(api_client)
    base = request.node.name.lower().replace("_", "-")
    name = f"t-{''.join(c for c in base if c.isalnum() or c == '-')[:40].strip('-')}-{uuid.uuid4().hex[:5]}"
    core.create_namespace({"metadata": {"name": name, "labels": {"finetune.dev/test": "true"}}})
    volume, claim = fsx_volume(name)
    core.create_persistent_volume(volume)
    core.create_namespaced_persistent_volume_claim(name, claim)
    try:
        yield name
    finally:
        core.delete_namespace(name, propagation_policy="Background")
        core.delete_persistent_volume(volume["metadata"]["name"])
