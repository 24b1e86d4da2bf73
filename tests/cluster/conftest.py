"""Fixtures shared by the cluster tests: the operator as a process, a second release of the chart,
and the lanes' share of the bed; a failed test's report carries its operator's log."""

from __future__ import annotations

import fcntl
from collections.abc import Generator, Iterator

import pytest
from hack.chart import chart_values, install_release, uninstall_release
from hack.operator_process import OperatorProcess
from hack.real_job import RealNodeBed

from tests.cluster.helpers import RELEASE, RELEASE_NAMESPACE


@pytest.fixture
def operator(testbed, namespace, tmp_path) -> Iterator[OperatorProcess]:
    """`finetune-operator run` watching only the test's namespace, stopped after the test."""
    process = OperatorProcess(testbed.kubeconfig, namespace, tmp_path)
    process.start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def bed(testbed) -> RealNodeBed:
    """The bed's real node, ready, for a module whose jobs really train (one per module: each
    module's jobs run one after another on it)."""
    real = RealNodeBed.connect()
    real.real_node_ready()
    return real


@pytest.fixture
def own_namespace_release(testbed, namespace) -> Iterator[str]:
    """The chart installed once more, watching only the test's namespace."""
    values = chart_values()
    values["config"] = {**values["config"], "namespaces": [namespace]}
    values["nodeSelector"] = {"finetune.dev/no-such-node": "true"}
    install_release(testbed.layout, testbed.kubeconfig, RELEASE, RELEASE_NAMESPACE, values)
    try:
        yield RELEASE
    finally:
        uninstall_release(testbed.layout, testbed.kubeconfig, RELEASE, RELEASE_NAMESPACE)


@pytest.fixture(autouse=True)
def bed_share(testbed, request: pytest.FixtureRequest) -> Iterator[None]:
    """The two lanes (tests/conftest.py, BED_LANES) use the bed at once; a test marked
    ``bed_exclusive`` (it restarts the API server or takes a node away) waits for the other
    lane's running test and holds the bed alone. Set up before the test's other fixtures and
    released after their teardown, so a namespace deletion is inside the share too."""
    exclusive = request.node.get_closest_marker("bed_exclusive") is not None
    with open(testbed.layout.state / "lanes.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield


OPERATOR_LOG_LINES = 60


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    """A failed test that ran `operator` reports the end of that operator's log: a job that never
    reached a phase is otherwise unexplained once the run's temporary folders are gone (CI keeps
    only the output)."""
    outcome = yield
    report = outcome.get_result()
    process = getattr(item, "funcargs", {}).get("operator")
    if report.failed and isinstance(process, OperatorProcess) and process.log_path.exists():
        lines = process.log_path.read_text(errors="replace").splitlines()[-OPERATOR_LOG_LINES:]
        report.sections.append((f"operator log (last {len(lines)} lines)", "\n".join(lines)))
