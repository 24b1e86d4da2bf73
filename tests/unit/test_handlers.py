"""kopf's settings as the operator sets them at start-up (handlers.configure_kopf)."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import kopf

from finetune_operator.handlers import configure_kopf
from finetune_operator.naming import MANAGED_BY


def test_events_name_the_operator_and_its_pod_as_their_reporter() -> None:
    """Events came from component ``kopf``, instance ``dev`` (issue 23, friction point 7)."""
    settings = kopf.OperatorSettings()
    configure_kopf(settings=settings, memo=kopf.Memo(reconciler=SimpleNamespace(max_workers=2)))
    assert settings.posting.reporting_component == MANAGED_BY == "finetune-operator"
    assert settings.posting.reporting_instance == socket.gethostname()
