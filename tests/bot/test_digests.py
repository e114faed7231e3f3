"""Scheduled digests on the real APScheduler with its SQLite job store: fired, kept, caught up, once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot.digests import DigestService, job_id
from handlers import Context, Reply
from handlers.digest import Channel
from handlers.ingest import IngestRequest, ingest
from handlers.schedules import ScheduleSpec
from store import Store

DESK = Channel("console", "desk")


class RecordingPoster:
    """Stands in for a chat platform: records each digest; can fail, or run something mid-post."""

    def __init__(self, confirm: bool = True, during=None) -> None:
        self.posts: list[tuple[str, Reply]] = []
        self.confirm = confirm
        self.during = during

    async def post_digest(self, channel: str, reply: Reply) -> bool:
        if self.during:
            await asyncio.to_thread(self.during)
        self.posts.append((channel, reply))
        return self.confirm


def service_for(ctx: Context, poster: RecordingPoster, **options) -> DigestService:
    service = DigestService(ctx, **options)
    service.add_poster("console", poster)
    return service


async def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.05)


def soon(seconds: float = 0.3) -> DateTrigger:
    return DateTrigger(run_date=datetime.now(UTC) + timedelta(seconds=seconds))


def test_a_schedule_fires_posts_the_digest_with_its_chart_and_advances_the_watermark(seeded_ctx):
    poster = RecordingPoster()

    async def scenario():
        service = service_for(seeded_ctx, poster)
        service.start()
        service.schedule(DESK, soon())
        await wait_for(lambda: service.history)
        service.shutdown()
        return service

    service = asyncio.run(scenario())
    assert [status for _, _, status in service.history] == ["posted"]
    ((channel, reply),) = poster.posts
    assert channel == "desk" and "3 new articles" in reply.title
    assert reply.files and reply.files[0].read_bytes()[:4] == b"\x89PNG"
    assert seeded_ctx.store.channel_watermark("console", "desk") == 3


def test_a_restart_keeps_the_schedule_in_the_database(seeded_ctx):
    spec = ScheduleSpec("weekdays 07:30", "30 7 * * 1-5", "Europe/Berlin")

    async def first_run():
        service = service_for(seeded_ctx, RecordingPoster())
        service.start()
        next_run = service.set_schedule(DESK, spec)
        service.shutdown()
        return next_run

    async def second_run():
        service = service_for(seeded_ctx, RecordingPoster())
        service.start()
        next_run = service.next_run(DESK)
        service.shutdown()
        return next_run

    planned = asyncio.run(first_run())
    assert planned.strftime("%H:%M %a") in {f"07:30 {d}" for d in ("Mon", "Tue", "Wed", "Thu", "Fri")}
    assert asyncio.run(second_run()) == planned


def test_downtime_across_three_runs_gives_one_catch_up_digest(seeded_ctx):
    poster = RecordingPoster()
    now = datetime.now(UTC)

    async def before_the_outage():
        service = service_for(seeded_ctx, poster)
        service.start()
        daily = CronTrigger(hour=now.hour, minute=now.minute, timezone=UTC)
        service.schedule(DESK, daily)
        service.scheduler.pause()
        # The bot went down just before a run, three days ago.
        service.scheduler.modify_job(job_id(DESK), next_run_time=now - timedelta(days=3) + timedelta(seconds=30))
        service.shutdown()

    async def after_the_outage():
        service = service_for(seeded_ctx, poster, grace_seconds=4 * 86400)
        service.start()
        await wait_for(lambda: service.history)
        await asyncio.sleep(0.5)  # room for a second post, which must not come
        next_run = service.next_run(DESK)
        service.shutdown()
        return service, next_run

    asyncio.run(before_the_outage())
    service, next_run = asyncio.run(after_the_outage())
    assert len(poster.posts) == 1 and [s for _, _, s in service.history] == ["posted"]
    assert next_run > datetime.now(UTC)


def test_a_run_missed_beyond_the_grace_period_is_skipped(seeded_ctx):
    poster = RecordingPoster()

    async def scenario():
        service = service_for(seeded_ctx, poster, grace_seconds=60)
        service.start()
        service.scheduler.pause()
        missed = (datetime.now(UTC) - timedelta(hours=2)).replace(second=0, microsecond=0)
        service.schedule(DESK, CronTrigger(hour=missed.hour, minute=missed.minute, timezone=UTC))  # daily
        service.scheduler.modify_job(job_id(DESK), next_run_time=missed)
        service.scheduler.resume()
        await asyncio.sleep(0.5)
        service.shutdown()

    asyncio.run(scenario())
    assert poster.posts == []


def test_two_instances_on_one_database_post_once(seeded_ctx):
    other = Store.open(seeded_ctx.store.path)
    other_ctx = Context(store=other, analyzer=seeded_ctx.analyzer, charts_dir=seeded_ctx.charts_dir)
    poster_a, poster_b = RecordingPoster(), RecordingPoster()

    async def scenario():
        a = service_for(seeded_ctx, poster_a, instance="a")
        a.start()
        a.schedule(DESK, CronTrigger(second="*/2", timezone=UTC))
        b = service_for(other_ctx, poster_b, instance="b")
        b.start()  # loads the job a stored
        await wait_for(lambda: len(a.history) + len(b.history) >= 4)
        a.shutdown()
        b.shutdown()
        return a, b

    a, b = asyncio.run(scenario())
    other.close()
    assert not {slot for _, slot, _ in a.history} & {slot for _, slot, _ in b.history}
    assert len(poster_a.posts) + len(poster_b.posts) == 1
    claimed = seeded_ctx.store.digest_claims("console", "desk")
    assert len({slot for slot, _, _ in claimed}) == len(claimed)


def test_two_instances_firing_the_same_run_at_once_post_it_once(seeded_ctx):
    other = Store.open(seeded_ctx.store.path)
    other_ctx = Context(store=other, analyzer=seeded_ctx.analyzer, charts_dir=seeded_ctx.charts_dir)
    poster_a, poster_b = RecordingPoster(), RecordingPoster()

    async def scenario():
        a, b = service_for(seeded_ctx, poster_a, instance="a"), service_for(other_ctx, poster_b, instance="b")
        slot = "2026-11-23T07:00:00+00:00"
        return await asyncio.gather(a.post(DESK, slot), b.post(DESK, slot))

    outcomes = asyncio.run(scenario())
    other.close()
    assert sorted(outcomes) == ["posted", "skipped"]
    assert len(poster_a.posts) + len(poster_b.posts) == 1


def test_an_article_stored_during_a_run_is_in_exactly_the_next_digest(seeded_ctx):
    text = (
        "Dmitri Alperovitch said on Monday that Starlink remained essential for Ukraine, and that "
        "Russian forces were still using its terminals near Bakhmut, according to officials."
    )
    poster = RecordingPoster(during=lambda: ingest(seeded_ctx, [IngestRequest("pasted", text=text)]))

    async def scenario():
        service = service_for(seeded_ctx, poster)
        service.start()
        await service.post(DESK, "first")
        poster.during = None
        await service.post(DESK, "second")
        await service.post(DESK, "third")
        service.shutdown()
        return service

    service = asyncio.run(scenario())
    first, second = (reply.data["articles"] for _, reply in poster.posts)
    assert [a["article_id"] for a in first] == [1, 2, 3]
    assert [a["article_id"] for a in second] == [4]
    assert [s for _, _, s in service.history] == ["posted", "posted", "empty"]


def test_a_failed_post_leaves_the_watermark_so_nothing_is_lost(seeded_ctx):
    poster = RecordingPoster(confirm=False)

    async def scenario():
        service = service_for(seeded_ctx, poster)
        service.start()
        first = await service.post(DESK, "one")
        poster.confirm = True
        second = await service.post(DESK, "two")
        service.shutdown()
        return first, second

    assert asyncio.run(scenario()) == ("failed", "posted")
    assert [len(r.data["articles"]) for _, r in poster.posts] == [3, 3]


@pytest.mark.parametrize("nothing_new, expected", [(False, 0), (True, 1)])
def test_an_empty_window_posts_nothing_unless_the_channel_asked(seeded_ctx, nothing_new, expected):
    seeded_ctx.store.advance_watermark("console", "desk", 3, "2026-11-22T08:00:00")
    seeded_ctx.store.update_channel_settings("console", "desk", {"nothing_new": nothing_new or None})
    poster = RecordingPoster()

    async def scenario():
        service = service_for(seeded_ctx, poster)
        service.start()
        await service.post(DESK, "slot")
        service.shutdown()

    asyncio.run(scenario())
    assert len(poster.posts) == expected
    assert all(r.title == "Nothing new since the last digest." for _, r in poster.posts)
