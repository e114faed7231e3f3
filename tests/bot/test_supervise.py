"""Supervised parts: a crash is logged and the part started again, with growing pauses; a part whose
settings are wrong stops for good; cancelling stops the supervisor."""

from __future__ import annotations

import asyncio

import pytest

from bot.health import Health
from bot.supervise import Stop, supervise


def test_a_crashing_part_is_started_again_until_it_runs(caplog):
    starts: list[int] = []
    pauses: list[float] = []

    async def pause(seconds: float) -> None:  # records the pause instead of timing it
        pauses.append(seconds)

    async def scenario():
        running = asyncio.Event()

        async def part() -> None:
            starts.append(len(starts) + 1)
            if len(starts) < 4:
                raise ConnectionError(f"crash {len(starts)}")
            running.set()
            await asyncio.Event().wait()

        health = Health()
        task = asyncio.create_task(
            supervise("discord", part, health, first_pause=0.5, longest_pause=1.5, sleep=pause)
        )
        await asyncio.wait_for(running.wait(), timeout=30)
        report = await health.report()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return report

    report = asyncio.run(scenario())
    assert starts == [1, 2, 3, 4] and pauses == [0.5, 1.0, 1.5]  # pauses grow, up to the longest
    assert caplog.text.count("discord crashed; starting it again") == 3
    assert report == {"discord": "restarting after it crashed: ConnectionError: crash 3"}  # the part sets ok itself


def test_a_part_that_cannot_run_is_not_restarted(caplog):
    calls = []

    async def part() -> None:
        calls.append(1)
        raise Stop("Slack needs SLACK_APP_TOKEN or SLACK_SIGNING_SECRET")

    async def scenario():
        health = Health()
        await asyncio.wait_for(supervise("slack", part, health, first_pause=0.01), timeout=30)
        return await health.report()

    assert asyncio.run(scenario()) == {"slack": "Slack needs SLACK_APP_TOKEN or SLACK_SIGNING_SECRET"}
    assert calls == [1] and "slack cannot run" in caplog.text
