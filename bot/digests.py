"""Scheduled digests: APScheduler on the bot's event loop, jobs kept in the SQLite file, posted once.

Exactly once, in four parts:
- a claim row per (channel, scheduled time) in SQLite: of two instances firing the same run, the one
  whose insert succeeds runs it, the other skips;
- a claim on the channel's window: one running digest per channel (any instance, scheduled or asked
  for with /digest now) reads the watermark, posts, then moves the watermark and lets go in one
  transaction, so two overlapping runs can never post the same articles;
- the watermark (last article covered) moves only after the platform confirmed the post, so a failed
  post is retried by the next digest, and an article stored during a run waits for the next one;
- missed runs are coalesced: after downtime, one catch-up digest within the grace period.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN
from apscheduler.executors.asyncio import AsyncIOExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_PAUSED, STATE_STOPPED
from apscheduler.triggers.base import BaseTrigger

from bot import messages
from bot.cron import cron_trigger
from handlers import Context, Reply
from handlers.digest import build_digest, digest_reply
from handlers.values import Channel, ScheduleSpec

logger = logging.getLogger(__name__)

# How long a claimed window blocks the channel if its holder dies without letting go (kill -9): far
# longer than building and posting a digest takes, short enough that the next day's digest runs.
WINDOW_LEASE = timedelta(minutes=30)

_SERVICE: contextvars.ContextVar[DigestService] = contextvars.ContextVar("digest_service")
_RUN_TIME: contextvars.ContextVar[datetime] = contextvars.ContextVar("digest_run_time")


class Poster(Protocol):
    async def post_digest(self, channel: str, reply: Reply) -> bool:
        """Post ``reply`` (and its files) in ``channel``; True once the platform confirmed every part."""


class _ServiceExecutor(AsyncIOExecutor):
    """Tells the job which service (of possibly several in one process) runs it, and for which
    scheduled time: the task created by the executor inherits these context variables."""

    def __init__(self, service: DigestService) -> None:
        super().__init__()
        self._service = service

    def _do_submit_job(self, job, run_times):  # noqa: ANN001 - APScheduler's signature
        service_token = _SERVICE.set(self._service)
        time_token = _RUN_TIME.set(run_times[-1])
        try:
            super()._do_submit_job(job, run_times)
        finally:
            _RUN_TIME.reset(time_token)
            _SERVICE.reset(service_token)


async def run_scheduled_digest(platform: str, channel: str) -> None:
    """The job APScheduler stores: plain arguments only, so it pickles into the job store."""
    await _SERVICE.get().post(Channel(platform, channel), slot=_RUN_TIME.get().astimezone(UTC).isoformat())


def job_id(channel: Channel) -> str:
    return f"digest:{channel.platform}:{channel.channel}"


class DigestService:
    """Implements handlers.schedules.Schedules; adapters register a Poster per platform."""

    def __init__(self, ctx: Context, grace_seconds: int = 6 * 3600, instance: str | None = None) -> None:
        self.ctx = ctx
        self.grace_seconds = grace_seconds
        self.instance = instance or uuid.uuid4().hex[:12]
        self.posters: dict[str, Poster] = {}
        self.scheduler: AsyncIOScheduler | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._running: set[asyncio.Task] = set()
        self.history: list[tuple[str, str, str]] = []  # (channel, slot, outcome) of this instance's runs
        self._stopping = False

    def add_poster(self, platform: str, poster: Poster) -> None:
        self.posters[platform] = poster

    def start(self) -> None:
        """Start on the running event loop; jobs stored by an earlier run (or another instance) load now,
        and one whose time passed while the bot was down runs once if within the grace period."""
        self._loop = asyncio.get_running_loop()
        path = self.ctx.store.path
        jobstore = SQLAlchemyJobStore(url=f"sqlite:///{path}") if path else MemoryJobStore()
        self.scheduler = AsyncIOScheduler(
            jobstores={"default": jobstore, "local": MemoryJobStore()},
            executors={"default": _ServiceExecutor(self)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": self.grace_seconds},
            timezone=UTC,
        )
        # Another instance may add jobs to the shared store; a wake-up each minute picks them up.
        self.scheduler.add_job(_noop, "interval", minutes=1, id="wake", jobstore="local")
        self.scheduler.start()
        logger.info(messages.SCHEDULER_STARTED(instance=self.instance, count=len(self.scheduler.get_jobs()) - 1))

    def shutdown(self) -> None:
        self._stopping = True
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def watch(self) -> None:
        """Run under supervision: returns (so the supervisor starts the scheduler again) if the
        scheduler stops without being asked to; shuts it down when cancelled."""
        loop = asyncio.get_running_loop()
        stopped = asyncio.Event()
        if self.scheduler is None or not self.scheduler.running:
            self._stopping = False
            self.start()
        self._scheduler.add_listener(lambda _: loop.call_soon_threadsafe(stopped.set), EVENT_SCHEDULER_SHUTDOWN)
        try:
            await stopped.wait()
            if self._stopping:
                await asyncio.Event().wait()  # asked to stop: wait to be cancelled
            logger.error(messages.SCHEDULER_STOPPED_UNASKED())
        finally:
            self.shutdown()

    def problem(self) -> str | None:
        """For /readyz: None while the scheduler runs and fires."""
        if self.scheduler is None or self.scheduler.state == STATE_STOPPED:
            return "not running"
        if self.scheduler.state == STATE_PAUSED:
            return "paused (shutting down)"
        return None

    async def drain(self, timeout: float) -> bool:
        """Stop firing, let running digests finish within ``timeout`` seconds, cancel the rest, and
        release whatever this instance still holds. True when nothing had to be cancelled."""
        self._stopping = True
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.pause()
        running = {t for t in self._running if not t.done() and t is not asyncio.current_task()}
        finished = True
        if running:
            _, pending = await asyncio.wait(running, timeout=max(timeout, 0))
            for task in pending:
                task.cancel()
            if pending:
                logger.warning(messages.DIGESTS_CUT(count=len(pending)))
                await asyncio.wait(pending, timeout=5)
                finished = False
        released = await asyncio.to_thread(self.ctx.store.release_instance, self.instance)
        if released:
            logger.warning(messages.CLAIMS_RELEASED(count=released, instance=self.instance))
        self.shutdown()
        return finished

    # handlers.schedules.Schedules
    def set_schedule(self, channel: Channel, spec: ScheduleSpec) -> datetime | None:
        return self.schedule(channel, cron_trigger(spec.crontab, spec.timezone))

    def schedule(self, channel: Channel, trigger: BaseTrigger) -> datetime | None:
        job = self._scheduler.add_job(
            run_scheduled_digest,
            trigger,
            args=[channel.platform, channel.channel],
            id=job_id(channel),
            name=f"digest for {channel}",
            replace_existing=True,
        )
        return job.next_run_time

    def remove_schedule(self, channel: Channel) -> bool:
        try:
            self._scheduler.remove_job(job_id(channel))
        except JobLookupError:
            return False
        return True

    def next_run(self, channel: Channel) -> datetime | None:
        job = self._scheduler.get_job(job_id(channel))
        return job.next_run_time if job else None

    def post_now(self, channel: Channel) -> None:
        """Safe from a worker thread (handlers run in one): the post runs on the bot's loop."""
        slot = "now " + datetime.now(UTC).isoformat()
        if self._loop is None:
            raise RuntimeError(messages.DIGESTS_NOT_STARTED())
        self._loop.call_soon_threadsafe(self._spawn, lambda: self.post(channel, slot, asked=True))

    def _spawn(self, work: Callable[[], Awaitable[object]]) -> None:
        task = asyncio.ensure_future(work())
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    @property
    def _scheduler(self) -> AsyncIOScheduler:
        if self.scheduler is None:
            raise RuntimeError(messages.DIGESTS_NOT_STARTED())
        return self.scheduler

    # posting
    async def post(self, channel: Channel, slot: str, asked: bool = False) -> str:
        """Claim the slot and the window, build, post, advance: returns what happened (posted, empty,
        skipped: another instance has this slot, busy: a digest for the channel is running, failed).

        ``asked``: a reporter typed /digest now, so an empty window still gets its one line."""
        task = asyncio.current_task()
        if task is not None:  # so drain() waits for runs the scheduler started too
            self._running.add(task)
            task.add_done_callback(self._running.discard)
        store = self.ctx.store
        now = self.ctx.now_text()
        if not await asyncio.to_thread(store.claim_digest, channel.platform, channel.channel, slot, self.instance, now):
            logger.info(messages.DIGEST_CLAIMED_ELSEWHERE(slot=slot, channel=channel))
            return "skipped"
        lease_until = (self.ctx.clock() + WINDOW_LEASE).isoformat(timespec="seconds")
        after = await asyncio.to_thread(
            store.claim_window, channel.platform, channel.channel, self.instance, now, lease_until
        )
        if after is None:
            logger.info(messages.DIGEST_BUSY(slot=slot, channel=channel))
            await asyncio.to_thread(store.finish_claim, channel.platform, channel.channel, slot, "busy", None, now)
            self.history.append((str(channel), slot, "busy"))
            return "busy"
        status, until = "failed", None
        try:
            status, until = await self._build_and_post(channel, asked, after)
        except Exception:
            logger.exception(messages.DIGEST_FAILED(channel=channel))
        finally:
            posted_until = until if status == "posted" and until is not None and until > after else None
            done = self.ctx.now_text()
            await asyncio.to_thread(
                store.release_window, channel.platform, channel.channel, self.instance, posted_until, done
            )
            await asyncio.to_thread(store.finish_claim, channel.platform, channel.channel, slot, status, until, done)
            self.history.append((str(channel), slot, status))
        return status

    async def _build_and_post(self, channel: Channel, asked: bool, after: int) -> tuple[str, int | None]:
        poster = self.posters.get(channel.platform)
        if poster is None:
            logger.warning(messages.NO_ADAPTER(platform=channel.platform, channel=channel))
            return "failed", None
        data = await asyncio.to_thread(build_digest, self.ctx, channel, after=after)
        if not data["articles"]:
            settings = self.ctx.store.channel_settings(channel.platform, channel.channel)
            if not (asked or settings.get("nothing_new")):
                return "empty", None
            reply = Reply(title="Nothing new since the last digest.", data=data)
        else:
            reply = digest_reply(data)
        if not await poster.post_digest(channel.channel, reply):
            logger.warning(messages.DIGEST_UNCONFIRMED(channel=channel))
            return "failed", None
        return "posted", data["until_article_id"]


def _noop() -> None:
    """The minute wake-up; see DigestService.start."""
