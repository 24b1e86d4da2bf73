"""``finetune-operator run``: the kopf operator process.

One replica (kopf has no lease-based leader election; the chart uses strategy Recreate),
JSON logs, kopf's /healthz liveness endpoint and a Prometheus /metrics endpoint.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import kopf
from prometheus_client import start_http_server

from finetune_operator import handlers
from finetune_operator.config import OperatorConfig
from finetune_operator.kube import new_api_client
from finetune_operator.reconciler import Reconciler
from finetune_operator.sweep.controller import SweepController

LOG_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
"""The operator's log levels (``run --log-level``, the chart's ``logLevel``)."""

HEALTH_PROBE_PATH = "/healthz"


class HealthProbeAccessFilter(logging.Filter):
    """Drops the access-log lines of kopf's /healthz endpoint.

    The kubelet probes it every few seconds (liveness and readiness), and aiohttp logs each
    request at INFO: without this filter those lines are most of the operator's log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return f" {HEALTH_PROBE_PATH} " not in record.getMessage()


def configure_logging(log_level: str) -> None:
    """JSON logs at ``log_level`` (a key of LOG_LEVELS), without health-probe access lines."""
    level = LOG_LEVELS[log_level]
    kopf.configure(verbose=level == logging.DEBUG, log_format=kopf.LogFormat.JSON, log_prefix=True)
    logging.getLogger().setLevel(level)
    logging.getLogger("finetune_operator").setLevel(level)
    # kopf logs every handler call at INFO; at scale that is most of the CPU time, so below
    # debug it says only warnings and errors.
    logging.getLogger("kopf").setLevel(level if level == logging.DEBUG else max(level, logging.WARNING))
    logging.getLogger("aiohttp.access").addFilter(HealthProbeAccessFilter())


def run_operator(config: OperatorConfig, log_level: str = "info") -> int:
    configure_logging(log_level)
    api_client = new_api_client(config.max_workers)
    reconciler = Reconciler(
        config,
        api_client,
        clock=lambda: datetime.now(UTC),
        post_event=handlers.post_event,
    )
    sweeps = SweepController(api_client, clock=lambda: datetime.now(UTC), post_event=handlers.post_event)
    start_http_server(config.metrics_port)
    logging.getLogger("finetune_operator").info(
        "starting", extra={"namespaces": config.namespaces or ["*"], "metricsPort": config.metrics_port}
    )
    asyncio.run(
        kopf.operator(
            standalone=True,
            clusterwide=not config.namespaces,
            namespaces=config.namespaces,
            liveness_endpoint=f"http://0.0.0.0:{config.liveness_port}/healthz",
            memo=kopf.Memo(reconciler=reconciler, sweeps=sweeps),
        )
    )
    return 0
