"""What every chat adapter shares: answering off the event loop, progress notes, posted articles,
retried events. Adapters keep only the platform's own calls."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta

from bot import messages
from bot.intake import Intake
from handlers import Caller, Context, Reply, dispatch
from handlers.commands import ingest_requests, parse_command
from handlers.errors import UsageError
from handlers.ingest import IngestRequest
from handlers.posted import ingest_posted
from store.errors import IngestStopped

logger = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
ARTICLE_TYPES = ("text/plain", "text/markdown", "text/html", "text/x-markdown", "application/xhtml+xml")


intake = Intake()  # the running bot's; serve() opens a fresh one on its event loop


def open_intake() -> Intake:
    global intake
    intake = Intake()
    return intake


def turn() -> AbstractAsyncContextManager[None]:
    """``async with turn():`` around an adapter's handling of one event (answer and delivery), so a
    shutdown lets its delivery finish (see ``bot.intake``)."""
    return intake.turn()


#: How much of a command's arguments the abandonment notice repeats.
NOTICE_CHARS = 60


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTICE_CHARS else text[: NOTICE_CHARS - 1] + "…"


def _sources(requests: list[IngestRequest]) -> str:
    names = ["the pasted text" if r.source == "pasted" else r.source for r in requests]
    return _clip(", ".join(names)) if names else "article"


def work_of(line: str) -> tuple[str, str]:
    """What a chat input asks, for the notice when it is abandoned: ("ingest of URL", "stored")."""
    command, name, args = parse_command(line)
    if command is None and name:
        return f"/{_clip(name)}", "answered"
    if command is None or command.name == "ingest":
        try:
            return f"ingest of {_sources(ingest_requests(args))}", "stored"
        except UsageError:
            return "ingest", "stored"
    done = "answered" if command.read_only(args) else "done"
    return _clip(f"/{command.name} {args}".strip()), done


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
        logger.warning(messages.PROGRESS_NOT_SENT(reason=future.exception()))


class CommandLog:
    """One INFO line per command: platform, channel, command (its name only: arguments may hold a
    whole pasted article), duration and outcome (ok, failed: answered with an error, error: a bug,
    refused: shutting down, abandoned: cut short by a shutdown)."""

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
        line = messages.COMMAND_DONE(
            platform=self.caller.platform,
            command=self.command,
            channel=self.caller.channel,
            outcome=self.outcome,
            took=took,
        )
        logger.info(line, extra=fields)


async def answer(
    ctx: Context, line: str, caller: Caller, send_progress: Callable[[str], Awaitable[object]] | None = None
) -> Reply:
    """Run a command in a worker thread (spaCy and SQLite block); errors become one short line."""
    progress = ProgressRelay(asyncio.get_running_loop(), send_progress) if send_progress else None
    command = (line.split() or ["(empty)"])[0][:40]
    return await _in_worker(caller, command, work_of(line), lambda: dispatch(ctx, line, caller, progress))


async def ingest_post(
    ctx: Context,
    requests: list[IngestRequest],
    caller: Caller,
    send_progress: Callable[[str], Awaitable[object]] | None = None,
) -> Reply:
    """Ingest what was posted in a channel; the reply names new entities and disputed claims."""
    progress = ProgressRelay(asyncio.get_running_loop(), send_progress) if send_progress else None
    what = (f"ingest of {_sources(requests)}", "stored")
    return await _in_worker(caller, "(posted article)", what, lambda: ingest_posted(ctx, requests, caller, progress))


async def _in_worker(caller: Caller, command: str, what: tuple[str, str], work: Callable[[], Reply]) -> Reply:
    """One command's life: admitted unless the bot is closing, run in a worker thread, logged once;
    a bug becomes one short line for the reader and a traceback for the operator. Abandoned on
    shutdown, it answers at once that it was (``what``: the command and what it would have done)."""
    with CommandLog(caller, command) as log:
        admitted = intake
        if not admitted.begin():
            return log.done(Reply.error(messages.CLOSING()), "refused")
        try:
            job = asyncio.ensure_future(asyncio.to_thread(work))
            job.add_done_callback(_retrieved)
            abandoning = asyncio.ensure_future(admitted.abandoned_wait())
            try:
                await asyncio.wait({job, abandoning}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                abandoning.cancel()
            if not job.done():
                notice = messages.ABANDONED if admitted.sure else messages.ABANDONED_UNSURE
                return log.done(Reply.error(notice(what=what[0], done=what[1])), "abandoned")
            return log.done(job.result())
        except IngestStopped:  # it reached the store after the store stopped taking articles
            return log.done(Reply.error(messages.ABANDONED(what=what[0], done=what[1])), "abandoned")
        except Exception:
            logger.exception(messages.COMMAND_CRASHED(command=command, where=caller.where))
            return log.done(Reply.error(messages.SORRY()), "error")
        finally:
            admitted.end()


def _retrieved(job: asyncio.Future) -> None:
    """An abandoned command's outcome is nobody's: read it, so asyncio does not report it unread."""
    if not job.cancelled():
        job.exception()


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
