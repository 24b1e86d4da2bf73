"""The operator's log (operator/finetune_operator/operator.py): its level is the chart's logLevel,
and the kubelet's health probes leave no lines in it (issue 23: the log was mostly /healthz)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import aiohttp
import pytest
from aiohttp import web

from finetune_operator import cli, operator


class Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """configure_logging changes process-wide loggers: put them back for the other tests."""
    names = ["", "kopf", "finetune_operator", "aiohttp.access"]
    saved = {name: (logging.getLogger(name).level, list(logging.getLogger(name).filters)) for name in names}
    root_handlers = list(logging.getLogger().handlers)
    yield
    for name, (level, filters) in saved.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.filters[:] = filters
    logging.getLogger().handlers[:] = root_handlers


async def access_log_of(paths: list[str]) -> list[str]:
    """The access-log lines aiohttp writes (as for kopf's liveness endpoint) for GETs of ``paths``."""
    collected = Collected()
    logging.getLogger("aiohttp.access").addHandler(collected)

    async def ok(_: web.Request) -> web.Response:
        return web.json_response({})

    app = web.Application()
    for path in set(paths):
        app.router.add_get(path, ok)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        async with aiohttp.ClientSession() as session:
            for path in paths:
                async with session.get(f"http://127.0.0.1:{port}{path}") as response:
                    assert response.status == 200
    finally:
        await runner.cleanup()
        logging.getLogger("aiohttp.access").removeHandler(collected)
    return collected.lines


@pytest.mark.usefixtures("restored_logging")
def test_health_probes_leave_no_access_log_lines_and_other_requests_do() -> None:
    operator.configure_logging("info")
    lines = asyncio.run(access_log_of(["/healthz", "/other", "/healthz"]))
    assert len(lines) == 1 and "GET /other " in lines[0], lines


@pytest.mark.usefixtures("restored_logging")
@pytest.mark.parametrize(
    ("log_level", "operator_level", "kopf_level"),
    [
        ("debug", logging.DEBUG, logging.DEBUG),
        ("info", logging.INFO, logging.WARNING),  # kopf's per-handler lines cost CPU at scale
        ("error", logging.ERROR, logging.ERROR),
    ],
)
def test_the_log_level_sets_the_operators_and_kopfs_loggers(
    log_level: str, operator_level: int, kopf_level: int
) -> None:
    operator.configure_logging(log_level)
    assert logging.getLogger("finetune_operator").getEffectiveLevel() == operator_level
    assert logging.getLogger("kopf").getEffectiveLevel() == kopf_level


def test_run_takes_the_log_level_the_chart_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(operator, "run_operator", lambda config, log_level: seen.append(log_level) or 0)
    assert cli.main(["run", "--log-level", "warning"]) == 0
    assert cli.main(["run", "--verbose"]) == 0
    with pytest.raises(SystemExit):
        cli.main(["run", "--log-level", "verbose"])
    assert seen == ["warning", "debug"]
