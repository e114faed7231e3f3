"""Delivering watch alerts: after every ingest this bot makes, at start-up and every few minutes
(for articles another process stored), each platform's due alerts are built in a worker thread
and sent privately, one message per watcher.

The store decides who tells what (handlers/alerts.py), so several instances can deliver at once;
here only the sending lives, and a message the platform refused is released to be sent later.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable

from bot import messages
from handlers import Context, Reply
from handlers.alerts import collect_alerts, release

logger = logging.getLogger(__name__)

#: Sends one private message; False (or an exception) when the platform did not take it.
Sender = Callable[[str, Reply], Awaitable[bool]]


class AlertService:
    def __init__(self, ctx: Context, instance: str | None = None) -> None:
        self.ctx = ctx
        self.instance = instance or uuid.uuid4().hex[:12]
        self.senders: dict[str, Sender] = {}
        self._lock = asyncio.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: set[asyncio.Future] = set()

    def add_sender(self, platform: str, send: Sender) -> None:
        """A platform that can now send; what became due while it was away goes out at once."""
        self.senders[platform] = send
        self._deliver_soon()

    def attach(self) -> None:
        """Deliver after every ingest through ``ctx`` (ingests run in worker threads)."""
        self._loop = asyncio.get_running_loop()
        self.ctx.after_ingest = self.after_ingest

    def after_ingest(self, article_ids: list[int]) -> None:
        """From an ingest's worker thread: deliver on the event loop, without waiting for it."""
        self._deliver_soon()

    def _deliver_soon(self) -> None:
        """Start a delivery on the attached loop from any thread; nothing before ``attach``."""
        if self._loop is None or self._loop.is_closed():
            return
        future = asyncio.run_coroutine_threadsafe(self.deliver(), self._loop)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    async def deliver(self) -> int:
        """Send every alert due on the platforms that have a sender; the number sent."""
        sent = 0
        async with self._lock:  # one delivery at a time in this process; the store orders the others
            for platform, send in list(self.senders.items()):
                try:
                    alerts = await asyncio.to_thread(collect_alerts, self.ctx, platform, self.instance)
                except Exception:
                    logger.exception(messages.ALERTS_NOT_BUILT(platform=platform))
                    continue
                for alert in alerts:
                    reply = alert.reply
                    try:
                        taken = await send(alert.user, reply)
                    except Exception:
                        logger.exception(messages.ALERT_NOT_SENT(platform=platform, user=alert.user))
                        taken = False
                    if taken:
                        sent += 1
                        logger.info(messages.ALERT_SENT(platform=platform, user=alert.user, count=len(alert.lines)))
                    else:
                        await asyncio.to_thread(release, self.ctx, alert, self.instance)
        return sent

    async def watch(self, interval_seconds: float) -> None:
        """Deliver now, then every ``interval_seconds`` (articles stored by the CLI or another
        instance reach their watchers this way); supervised like a platform."""
        while True:
            await self.deliver()
            await asyncio.sleep(interval_seconds)
