"""Each part of the running bot (a chat platform, the digest scheduler) as a supervised task: one
that crashes is logged and started again after a growing pause, while the others keep serving."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot import messages
from bot.health import Health

logger = logging.getLogger(__name__)

FIRST_PAUSE = 1.0  # seconds before the first restart: quick, for a one-off bad payload
LONGEST_PAUSE = 60.0  # the cap: a part that keeps failing is retried once a minute, not in a busy loop
STEADY_SECONDS = 300.0  # a part that ran this long before failing starts again from the first pause


class Stop(Exception):
    """Raised by a part that must not be restarted (its settings are wrong); the others go on."""


async def supervise(
    name: str,
    start: Callable[[], Awaitable[None]],
    health: Health,
    first_pause: float = FIRST_PAUSE,
    longest_pause: float = LONGEST_PAUSE,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Run ``start()`` again whenever it crashes or returns, until cancelled. ``sleep`` waits out
    each pause (a test passes one that records the pauses instead of timing them)."""
    loop = asyncio.get_running_loop()
    pause = first_pause
    while True:
        began = loop.time()
        try:
            await start()
            why = "stopped by itself"
            logger.error(messages.PART_STOPPED_BY_ITSELF(name=name, pause=pause))
        except Stop as stop:
            logger.error(messages.PART_CANNOT_RUN(name=name, reason=stop))
            health.down(name, str(stop))
            return
        except Exception as exc:
            why = f"crashed: {type(exc).__name__}: {exc}"[:300]
            logger.exception(messages.PART_CRASHED(name=name, pause=pause))
        health.down(name, f"restarting after it {why}")
        if loop.time() - began >= STEADY_SECONDS:
            pause = first_pause
        await sleep(pause)
        pause = min(pause * 2, longest_pause)
