"""The commands and answers in flight, and how shutdown treats them.

Two things are tracked. A *command* is the work of one chat input in a worker thread (an ingest, a
/who). A *turn* is an adapter's whole handling of one platform event: the command and the delivery
of its answer (Slack's response_url, a Discord follow-up, a line on the console). On shutdown the
intake closes: new commands get a one-line refusal; running ones get the grace period; a command
still running after it is abandoned, and its user is told so in the answer its turn delivers. Then
the turns in flight get a few seconds to deliver, and any still stuck are cancelled and waited for,
so none is left pending on a closing event loop ("Task was destroyed but it is pending").
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

logger = logging.getLogger(__name__)

#: Seconds a stuck turn has to unwind once cancelled.
UNWIND_SECONDS = 2.0


class Intake:
    """The commands being answered and the turns delivering them (see the module docstring)."""

    def __init__(self) -> None:
        self.open = True
        self.running = 0
        self.abandoned = 0
        self.sure = True  # False: abandoned commands may still store (the store did not stop in time)
        self._idle: asyncio.Event | None = None
        self.abandoning = False
        self._abandon_waiters: set[asyncio.Event] = set()
        self._turns: set[asyncio.Task] = set()

    def _event(self) -> asyncio.Event:
        if self._idle is None:
            self._idle = asyncio.Event()
            self._idle.set()
        return self._idle

    def begin(self) -> bool:
        if not self.open:
            return False
        self.running += 1
        self._event().clear()
        return True

    def end(self) -> None:
        self.running -= 1
        if self.running == 0:
            self._event().set()

    async def close(self, timeout: float) -> bool:
        """Refuse new commands; True when the running ones finished within ``timeout`` seconds."""
        self.open = False
        try:
            await asyncio.wait_for(self._event().wait(), max(timeout, 0))
        except TimeoutError:
            return False
        return True

    def abandon(self, sure: bool) -> int:
        """Stop waiting for the running commands: each answers at once that it was abandoned.

        Args:
            sure: the store takes no more articles, so an abandoned ingest was certainly not stored.
        Returns:
            how many commands were abandoned.
        """
        self.sure = sure
        self.abandoned = self.running
        self.abandoning = True
        for waiter in self._abandon_waiters:
            waiter.set()
        return self.abandoned

    async def abandoned_wait(self) -> None:
        """Returns once ``abandon`` is called. Each wait has its own event, made on the caller's
        loop: an intake may outlive one event loop (tests run several)."""
        if self.abandoning:
            return
        waiter = asyncio.Event()
        self._abandon_waiters.add(waiter)
        try:
            await waiter.wait()
        finally:
            self._abandon_waiters.discard(waiter)

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wraps an adapter's handling of one event, so shutdown waits for its delivery."""
        task = asyncio.current_task()
        if task is None:
            yield
            return
        self._turns.add(task)
        try:
            yield
        finally:
            self._turns.discard(task)

    async def finish_turns(self, timeout: float) -> int:
        """Wait up to ``timeout`` seconds for the turns in flight to deliver; cancel the rest and wait
        for them to unwind. Returns how many were cancelled."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        me = asyncio.current_task()
        while pending := {t for t in self._turns if t is not me and not t.done()}:
            left = deadline - loop.time()
            if left <= 0:
                break
            await asyncio.wait(pending, timeout=left)
        pending = {t for t in self._turns if t is not me and not t.done()}
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=UNWIND_SECONDS)
        return len(pending)
