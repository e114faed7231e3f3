"""/healthz and /readyz over real HTTP: up while the process runs; ready only when every part is."""

from __future__ import annotations

import asyncio

import aiohttp

from bot.digests import DigestService
from bot.health import Health, blocking, start_health_server
from tests.bot.test_run import free_port


async def fetch(port: int, path: str) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, await response.json()


def test_ready_only_when_the_database_the_scheduler_and_each_platform_are(seeded_ctx):
    port = free_port()

    async def scenario():
        health = Health()
        health.set("database", blocking(seeded_ctx.store.readiness))
        digests = DigestService(seeded_ctx)
        health.set("scheduler", digests.problem)
        server = await start_health_server(health, "127.0.0.1", port)
        try:
            seen = [await fetch(port, "/readyz")]  # the scheduler has not started
            digests.start()
            seen.append(await fetch(port, "/readyz"))
            health.down("slack", "restarting after it crashed: boom")
            seen.append(await fetch(port, "/readyz"))
            seen.append(await fetch(port, "/healthz"))
        finally:
            digests.shutdown()
            await server.cleanup()
        return seen

    not_started, ready, slack_down, alive = asyncio.run(scenario())
    assert not_started == (503, {"ready": False, "checks": {"database": "ok", "scheduler": "not running"}})
    assert ready == (200, {"ready": True, "checks": {"database": "ok", "scheduler": "ok"}})
    assert slack_down[0] == 503 and slack_down[1]["checks"]["slack"] == "restarting after it crashed: boom"
    assert alive == (200, {"status": "up"})


def test_a_database_behind_its_code_is_not_ready(store):
    assert store.readiness() is None
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_digest_windows'")
    store.db.conn.commit()
    assert store.readiness() == "migrations pending: 0012_digest_windows"


def test_a_slow_or_failing_check_is_reported_not_raised():
    async def never() -> None:
        await asyncio.Event().wait()

    def broken() -> None:
        raise OSError("disk gone")

    async def scenario():
        health = Health()
        health.set("slow", never)
        health.set("broken", broken)
        return await health.report()

    assert asyncio.run(scenario()) == {"slow": "no answer within 2 s", "broken": "check failed: disk gone"}
