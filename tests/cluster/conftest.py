"""Fixtures shared by the cluster tests: the operator as a process, a second release of the chart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hack.chart import chart_values, install_release, uninstall_release
from hack.operator_process import OperatorProcess

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
