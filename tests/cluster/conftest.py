"""Fixtures shared by the cluster tests that run the operator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hack.operator_process import OperatorProcess


@pytest.fixture
def operator(testbed, namespace, tmp_path) -> Iterator[OperatorProcess]:
    """`finetune-operator run` watching only the test's namespace, stopped after the test."""
    process = OperatorProcess(testbed.kubeconfig, namespace, tmp_path)
    process.start()
    try:
        yield process
    finally:
        process.stop()
