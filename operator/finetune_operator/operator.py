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


def run_operator(config: OperatorConfig, verbose: bool = False) -> int:
    kopf.configure(verbose=verbose, log_format=kopf.LogFormat.JSON, log_prefix=True)
    if not verbose:
        # kopf logs every handler call at INFO; at scale that is most of the CPU time.
        logging.getLogger("kopf").setLevel(logging.WARNING)
    reconciler = Reconciler(
        config,
        new_api_client(config.max_workers),
        clock=lambda: datetime.now(UTC),
        post_event=handlers.post_event,
    )
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
            memo=kopf.Memo(reconciler=reconciler),
        )
    )
    return 0
