"""Session-wide fixtures: the local Kubernetes test bed and a fresh namespace per test.

Tests under tests/cluster/ are marked `cluster` and get the bed; every other test is
marked `unit` and must not touch a cluster or the network. Both kinds run in `make test`.

The bed is started once per session (`python -m hack.testbed up`), or reused when one is
already running or when FINETUNE_TEST_KUBECONFIG names one, and stopped at the end only
if this session started it.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hack.chart import install_chart_once_per_test_run
from hack.testbed.kwok_cluster import fsx_volume
from hack.testbed.layout import BIN_DIR, Layout, layout
from hack.testbed.lifecycle import running_components

REPO_ROOT = Path(__file__).resolve().parent.parent
KUBECTL_FINETUNE = Path(sys.executable).parent / "kubectl-finetune"
"""The plugin's console script, installed with the operator package beside this Python."""


CLUSTER_TESTS = "tests/cluster/"

BED_LANES = {
    "tests/cluster/[real-node lane]": (
        "tests/cluster/test_chart_install.py",
        "tests/cluster/test_operator_in_cluster.py",
        "tests/cluster/test_bench_smoke.py",
        "tests/cluster/test_real_grpo.py",
        "tests/cluster/test_real_sweep.py",
        "tests/cluster/test_real_node.py",
        "tests/cluster/test_real_training.py",
    ),
    "tests/cluster/[api lane]": (
        "tests/cluster/test_testbed_smoke.py",
        "tests/cluster/test_operator.py",
        "tests/cluster/test_sagemaker_operator.py",
        "tests/cluster/test_tenant_isolation.py",
        "tests/cluster/test_plugin.py",
        "tests/cluster/test_chart_rbac.py",
        "tests/cluster/test_fuzz.py",
        "tests/cluster/test_grpo.py",
        "tests/cluster/test_trainer_identity.py",
        "tests/cluster/test_kubectl.py",
        "tests/cluster/test_gitops.py",
        "tests/cluster/test_testbed_lifecycle.py",
        "tests/cluster/test_bench_control_plane_smoke.py",
    ),
}
"""The cluster modules in two lanes, each run in order on one xdist worker, side by side on the
one bed (each test has its own namespace, and its own operator process or chart release).

The real-node lane holds what trains on the bed's real node and what uses the in-cluster
operator (the chart's shared release: its tests upgrade it), light modules first. It is the
longer lane, so the API lane takes what needs neither: the bed's own smoke tests (kwok nodes
only; first, so that its exclusive test waits for one of the chart's short tests at most), the
tests whose pods land on kwok nodes, GitOps (its own operator process) and the second bed's lifecycle; the
modules that install the chart's second release (tenant isolation, chart RBAC) are both in it,
so they never overlap. A test
that disturbs the whole bed (an API server restart, a node marked NotReady) is marked
``bed_exclusive`` and runs with the other lane paused (tests/cluster/conftest.py)."""


def bed_lane(nodeid: str) -> str | None:
    """The lane a cluster test runs in (a module missing from BED_LANES is a mistake: the
    layout test says so)."""
    return next(
        (lane for lane, modules in BED_LANES.items() if nodeid.startswith(modules)),
        None,
    )


UNIT_WORK_NICENESS = 10
"""The CPU priority of a worker's unit and trainer tests (`work_beside_the_bed_yields_the_cpu`)."""
TEST_SESSION_AUTOGROUP_NICENESS = 5
"""The weight of this test session's scheduler autogroup against the bed's (`pytest_configure`)."""


def pytest_configure(config: pytest.Config) -> None:
    # xdist sorts scopes by their number of tests unless told not to; the order of
    # LONGEST_SCOPES_FIRST (a lane of 200 tests and a module of 18 that takes 10 minutes) is
    # what keeps the run short.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
        if not os.environ.get("PYTEST_XDIST_WORKER"):
            config.stash[SESSION_NICENESS_BEFORE] = set_session_niceness(TEST_SESSION_AUTOGROUP_NICENESS)


def pytest_unconfigure(config: pytest.Config) -> None:
    before = config.stash.get(SESSION_NICENESS_BEFORE, None)
    if before is not None:
        set_session_niceness(before)  # the terminal's session gets its weight back


SESSION_NICENESS_BEFORE = pytest.StashKey[int | None]()
AUTOGROUP = Path("/proc/self/autogroup")


def set_session_niceness(niceness: int) -> int | None:
    """Sets this session's scheduler autogroup's niceness and returns the one it had (None: no
    autogroups here, and `work_beside_the_bed_yields_the_cpu` alone gives the bed the CPU).

    The run's critical path is the real-node lane: its jobs' pods (each container a session, so
    an autogroup, of its own) and the bed's components (started in sessions of their own) mostly
    wait on each other, while the unit and trainer workers keep both CPUs busy. With
    `kernel.sched_autogroup_enabled`, the scheduler first shares the CPUs among autogroups: this
    session's, given a lower weight, leaves the bed the speed of a real node, and the tests take
    the rest.
    """
    try:
        before = int(AUTOGROUP.read_text().split()[-1])  # "/autogroup-42 nice 0"
        AUTOGROUP.write_text(str(niceness))
    except (OSError, ValueError, IndexError):
        return None
    return before


@pytest.fixture(autouse=True)
def work_beside_the_bed_yields_the_cpu(request: pytest.FixtureRequest) -> None:
    """An xdist worker's first test outside the bed lanes lowers its priority for good (its
    children inherit it): a lane's cluster tests wait on the bed, and must not wait longer because
    a trainer test took the CPU the bed's pods needed. The lanes' modules are handed out first,
    so a worker never runs a lane after this."""
    if (
        os.environ.get("PYTEST_XDIST_WORKER")
        and bed_lane(request.node.nodeid) is None
        and os.getpriority(os.PRIO_PROCESS, 0) < UNIT_WORK_NICENESS
    ):
        os.setpriority(os.PRIO_PROCESS, 0, UNIT_WORK_NICENESS)


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under pytest-xdist (`make test`: PARALLEL workers), each bed lane runs on one worker, in
    collection order. The unit and trainer tests, which need no bed, run module by module beside
    them on the other workers, so the bed's waits overlap the trainer's CPU work."""
    from xdist.scheduler import LoadScopeScheduling

    class BedLaneScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return bed_lane(nodeid) or super()._split_scope(nodeid)

    return BedLaneScheduling(config, log)


def pytest_testnodedown(node: Any, error: Any) -> None:
    """A worker that started the bed leaves it to the controller, which stops it at the end
    (the other lane may still be using it when the first one finishes)."""
    if getattr(node, "workeroutput", {}).get("started_bed"):
        node.config.stash[BED_STARTED_BY_A_WORKER] = True


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.stash.get(BED_STARTED_BY_A_WORKER, False) and not os.environ.get(
        "FINETUNE_KEEP_TESTBED"
    ):
        subprocess.run([sys.executable, "-m", "hack.testbed", "down"], check=False, cwd=REPO_ROOT)


BED_STARTED_BY_A_WORKER = pytest.StashKey[bool]()


LONGEST_SCOPES_FIRST = (
    *BED_LANES["tests/cluster/[real-node lane]"],
    *BED_LANES["tests/cluster/[api lane]"],
    "trainer-images/trainer/tests/test_trainer_neuron_xla.py",
    "trainer-images/trainer/tests/test_trainer_training.py",
    "trainer-images/trainer/tests/test_trainer_grpo.py",
)
"""The scopes that take minutes, longest first (the lanes' modules in the lanes' order). xdist
hands out scopes in collection order (with its reordering off), so a long one collected last
would start when the others are done and end the run late."""


def _run_order(item: pytest.Item) -> int:
    return next(
        (rank for rank, scope in enumerate(LONGEST_SCOPES_FIRST) if item.nodeid.startswith(scope)),
        len(LONGEST_SCOPES_FIRST),
    )


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
def testbed(request: pytest.FixtureRequest) -> Iterator[Testbed]:
    lay = layout()
    started_here = False
    kubeconfig = os.environ.get("FINETUNE_TEST_KUBECONFIG")
    lay.state.mkdir(parents=True, exist_ok=True)
    # Both lanes' workers come here at once: one starts the bed, the other then finds it up.
    with open(lay.state / "start.lock", "w") as start_lock:
        fcntl.flock(start_lock, fcntl.LOCK_EX)
        if not kubeconfig:
            started_here = not all(running_components(lay).values())
            # Also on a running bed: images of changed code (the operator's, the trainer's) are
            # built and imported into its node, which `up` does without restarting anything.
            subprocess.run(["bash", str(REPO_ROOT / "hack" / "build-testbed.sh")], check=True)
            subprocess.run(["bash", str(REPO_ROOT / "hack" / "build-images.sh")], check=True)
            subprocess.run([sys.executable, "-m", "hack.testbed", "up"], check=True, cwd=REPO_ROOT)
            kubeconfig = str(lay.kubeconfig)
        previous = os.environ.get("KUBECONFIG")
        os.environ["KUBECONFIG"] = kubeconfig
        install_chart_once_per_test_run(lay, kubeconfig)
    worker_output = getattr(request.config, "workeroutput", None)
    if started_here and worker_output is not None:
        worker_output["started_bed"] = True  # the controller stops it (pytest_testnodedown)
        started_here = False
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
