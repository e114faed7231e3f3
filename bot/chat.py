"""What every chat adapter shares: answering off the event loop, progress notes, posted articles,
retried events. Adapters keep only the platform's own calls."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta

from handlers import Caller, Context, Reply, dispatch
from handlers.ingest import IngestRequest
from handlers.posted import ingest_posted

logger = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
ARTICLE_TYPES = ("text/plain", "text/markdown", "text/html", "text/x-markdown", "application/xhtml+xml")
SORRY = "Something went wrong on our side; it is logged. Try again in a moment."
CLOSING = "The bot is restarting; nothing was done. Try again in a minute."


class Intake:
    """The commands being answered. On shutdown it closes: new commands get a one-line refusal,
    and the running ones are waited for."""

    def __init__(self) -> None:
        self.open = True
        self.running = 0
        self._idle: asyncio.Event | None = None

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


intake = Intake()  # the running bot's; serve() opens a fresh one on its event loop


def open_intake() -> Intake:
    global intake
    intake = Intake()
    return intake


def is_article_file(name: str, content_type: str | None) -> bool:
    """Files the bot reads as articles: text, Markdown and HTML, by type or by name."""
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind in ARTICLE_TYPES or name.lower().endswith(ARTICLE_SUFFIXES)


class ProgressRelay:
    """Progress notes from the worker thread, sent on the event loop: a few, spaced out, because
    every platform limits how often one answer may be edited (Slack: 5 uses of a response_url)."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        send: Callable[[str], Awaitable[object]],
        max_notes: int = 2,
        min_interval: float = 1.5,
    ) -> None:
        self.loop = loop
        self.send = send
        self.max_notes = max_notes
        self.min_interval = min_interval
        self.sent = 0
        self._last = 0.0

    def __call__(self, note: str) -> None:
        now = time.monotonic()
        if self.sent >= self.max_notes or now - self._last < self.min_interval:
            return
        self.sent += 1
        self._last = now
        future = asyncio.run_coroutine_threadsafe(self.send(note), self.loop)
        future.add_done_callback(_log_failure)


def _log_failure(future) -> None:  # noqa: ANN001 - a concurrent.futures.Future
    if future.exception():
        logger.warning("progress note not sent: %s", future.exception())


class CommandLog:
    """One INFO line per command: platform, channel, command (its name only: arguments may hold a
    whole pasted article), duration and outcome (ok, failed: answered with an error, error: a bug,
    refused: shutting down)."""

    def __init__(self, caller: Caller, command: str) -> None:
        self.caller, self.command = caller, command
        self.outcome = "error"

    def __enter__(self) -> CommandLog:
        self.started = time.perf_counter()
        return self

    def done(self, reply: Reply, outcome: str | None = None) -> Reply:
        self.outcome = outcome or ("ok" if reply.ok else "failed")
        return reply

    def __exit__(self, *exc: object) -> None:
        took = round((time.perf_counter() - self.started) * 1000)
        fields = {
            "platform": self.caller.platform,
            "channel": self.caller.channel,
            "command": self.command,
            "outcome": self.outcome,
            "duration_ms": took,
        }
        logger.info(
            "%s %s in %s: %s in %d ms",
            self.caller.platform,
            self.command,
            self.caller.channel,
            self.outcome,
            took,
            extra=fields,
        )


async def answer(
    ctx: Context, line: str, caller: Caller, send_progress: Callable[[str], Awaitable[object]] | None = None
) -> Reply:
    """Run a command in a worker thread (spaCy and SQLite block); errors become one short line."""
    progress = ProgressRelay(asyncio.get_running_loop(), send_progress) if send_progress else None
    command = (line.split() or ["(empty)"])[0][:40]
    return await _in_worker(caller, command, lambda: dispatch(ctx, line, caller, progress))


async def ingest_post(
    ctx: Context,
    requests: list[IngestRequest],
    caller: Caller,
    send_progress: Callable[[str], Awaitable[object]] | None = None,
) -> Reply:
    """Ingest what was posted in a channel; the reply names new entities and disputed claims."""
    progress = ProgressRelay(asyncio.get_running_loop(), send_progress) if send_progress else None
    return await _in_worker(caller, "(posted article)", lambda: ingest_posted(ctx, requests, caller, progress))


async def _in_worker(caller: Caller, command: str, work: Callable[[], Reply]) -> Reply:
    """One command's life: admitted unless the bot is closing, run in a worker thread, logged once;
    a bug becomes one short line for the reader and a traceback for the operator."""
    with CommandLog(caller, command) as log:
        admitted = intake
        if not admitted.begin():
            return log.done(Reply.error(CLOSING), "refused")
        try:
            return log.done(await asyncio.to_thread(work))
        except Exception:
            logger.exception("%s failed in %s", command, caller.where)
            return log.done(Reply.error(SORRY), "error")
        finally:
            admitted.end()


def first_sight(ctx: Context, platform: str, event_id: str) -> bool:
    """False for an event this bot (on any instance sharing the database) has already handled."""
    now = ctx.clock()
    return ctx.store.first_sight(
        platform,
        event_id,
        now.isoformat(timespec="seconds"),
        (now - timedelta(days=1)).isoformat(timespec="seconds"),
    )


def wants_ingest(ctx: Context, platform: str, channel: str) -> bool:
    return bool(ctx.store.channel_settings(platform, channel).get("ingest"))
