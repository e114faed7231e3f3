"""/healthz and /readyz for whoever runs the bot (a container orchestrator, a load balancer, a
person with curl): the process is up; the database, the scheduler and each chat platform work."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot import messages

logger = logging.getLogger(__name__)

Check = Callable[[], "str | None | Awaitable[str | None]"]  # None: fine; else what is wrong
CHECK_SECONDS = 2.0  # a check slower than this counts as failing: a probe must answer promptly


class Health:
    """Named readiness checks; the parts of the bot register theirs as they start."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def set(self, name: str, check: Check) -> None:
        self._checks[name] = check

    def down(self, name: str, why: str) -> None:
        self._checks[name] = lambda: why

    async def report(self) -> dict[str, str]:
        """Each part's state: "ok" or what is wrong with it."""
        return dict(zip(self._checks, await asyncio.gather(*map(_run, self._checks.values())), strict=True))


async def _run(check: Check) -> str:
    try:
        outcome = check()
        if inspect.isawaitable(outcome):
            outcome = await asyncio.wait_for(outcome, CHECK_SECONDS)
    except TimeoutError:
        return f"no answer within {CHECK_SECONDS:g} s"
    except Exception as exc:  # a failing check is a finding, not a crash
        return f"check failed: {exc}"
    return outcome or "ok"


def blocking(check: Callable[[], str | None]) -> Check:
    """A check that touches the disk (the database) runs in a worker thread."""
    return lambda: asyncio.to_thread(check)


async def start_health_server(health: Health, host: str, port: int) -> web.AppRunner:
    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "up"})

    async def readyz(_: web.Request) -> web.Response:
        checks = await health.report()
        ready = all(state == "ok" for state in checks.values())
        return web.Response(
            status=200 if ready else 503,
            text=json.dumps({"ready": ready, "checks": checks}, indent=1),
            content_type="application/json",
        )

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    logger.info(messages.HEALTH_LISTENING(host=host, port=port))
    return runner
