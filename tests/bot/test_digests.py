"""Scheduled digests on the real APScheduler with its SQLite job store: fired, kept, caught up, once."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.events import EVENT_JOB_MISSED
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot.charts import pictures
from bot.digests import WINDOW_LEASE, DigestService, job_id
from handlers import Context, Reply
from handlers.ingest import IngestRequest, ingest
from handlers.values import Channel, ScheduleSpec
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
    (grid,) = reply.grids
    assert len(grid.rows) >= 2 and len(grid.columns) == 3
    (picture,) = pictures(reply, seeded_ctx.charts_dir)
    assert picture.read_bytes()[:4] == b"\x89PNG"
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


def idle(*services: DigestService) -> bool:
    return all(not service._running for service in services)


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
        await wait_for(lambda: service.history and idle(service))
        # The three missed runs were coalesced into the one that ran: the next is in the future.
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
        missed_event = asyncio.Event()
        loop = asyncio.get_running_loop()
        service.scheduler.add_listener(lambda _: loop.call_soon_threadsafe(missed_event.set), EVENT_JOB_MISSED)
        service.scheduler.pause()
        missed = (datetime.now(UTC) - timedelta(hours=2)).replace(second=0, microsecond=0)
        service.schedule(DESK, CronTrigger(hour=missed.hour, minute=missed.minute, timezone=UTC))  # daily
        service.scheduler.modify_job(job_id(DESK), next_run_time=missed)
        service.scheduler.resume()
        await asyncio.wait_for(missed_event.wait(), timeout=10)
        next_run = service.next_run(DESK)
        service.shutdown()
        return service, next_run

    service, next_run = asyncio.run(scenario())
    assert poster.posts == [] and service.history == []
    assert next_run > datetime.now(UTC)


def second_instance(ctx: Context, clock=None) -> Context:
    return Context(
        store=Store.open(ctx.store.path),
        analyzer=ctx.analyzer,
        charts_dir=ctx.charts_dir,
        clock=clock or ctx.clock,
    )


def test_two_instances_on_one_database_post_a_scheduled_run_once(seeded_ctx):
    other_ctx = second_instance(seeded_ctx)
    poster_a, poster_b = RecordingPoster(), RecordingPoster()

    async def scenario():
        a = service_for(seeded_ctx, poster_a, instance="a")
        a.start()
        now = datetime.now(UTC)
        a.schedule(DESK, CronTrigger(hour=now.hour, minute=now.minute, timezone=UTC))  # daily
        b = service_for(other_ctx, poster_b, instance="b")
        b.start()  # loads the job a stored
        a.scheduler.modify_job(job_id(DESK), next_run_time=now)  # the run is due: both wake to it
        a.scheduler.wakeup()
        b.scheduler.wakeup()
        await wait_for(lambda: (a.history or b.history) and idle(a, b) and a.next_run(DESK) > now)
        b.scheduler.wakeup()  # b looks again: the run it may have missed is not due any more
        await wait_for(lambda: idle(a, b) and b.next_run(DESK) > now)
        a.shutdown()
        b.shutdown()
        return a, b

    a, b = asyncio.run(scenario())
    other_ctx.store.close()
    assert len(poster_a.posts) + len(poster_b.posts) == 1
    assert [s for _, _, s in a.history + b.history if s != "skipped"] == ["posted"]


def test_two_instances_firing_the_same_run_at_once_post_it_once(seeded_ctx):
    other_ctx = second_instance(seeded_ctx)
    poster_a, poster_b = RecordingPoster(), RecordingPoster()

    async def scenario():
        a, b = service_for(seeded_ctx, poster_a, instance="a"), service_for(other_ctx, poster_b, instance="b")
        slot = "2026-11-23T07:00:00+00:00"
        return await asyncio.gather(a.post(DESK, slot), b.post(DESK, slot))

    outcomes = asyncio.run(scenario())
    other_ctx.store.close()
    assert sorted(outcomes) == ["posted", "skipped"]
    assert len(poster_a.posts) + len(poster_b.posts) == 1


class HeldPoster(RecordingPoster):
    """Posts only when the test lets it: a digest caught in the middle of posting."""

    def __init__(self) -> None:
        super().__init__()
        self.posting = asyncio.Event()
        self.go_on = asyncio.Event()

    async def post_digest(self, channel: str, reply: Reply) -> bool:
        self.posting.set()
        await self.go_on.wait()
        return await super().post_digest(channel, reply)


def test_digest_now_during_a_scheduled_run_does_not_post_the_same_articles(seeded_ctx):
    other_ctx = second_instance(seeded_ctx)

    async def scenario():
        poster = HeldPoster()
        a = service_for(seeded_ctx, poster, instance="a")
        b = service_for(other_ctx, poster, instance="b")
        scheduled = asyncio.create_task(a.post(DESK, "2026-11-23T07:00:00+00:00"))
        await asyncio.wait_for(poster.posting.wait(), timeout=30)
        overlapping = await asyncio.wait_for(  # each must return at once, not wait to post
            asyncio.gather(
                a.post(DESK, "now 1", asked=True),  # /digest now on the same instance
                b.post(DESK, "now 2", asked=True),  # and on another one
                b.post(DESK, "2026-11-23T07:01:00+00:00"),  # another instance's later slot
            ),
            timeout=30,
        )
        poster.go_on.set()
        return await scheduled, overlapping, poster

    first, overlapping, poster = asyncio.run(scenario())
    other_ctx.store.close()
    assert first == "posted" and overlapping == ["busy", "busy", "busy"]
    assert len(poster.posts) == 1 and seeded_ctx.store.channel_watermark("console", "desk") == 3
    assert seeded_ctx.store.held_windows() == []


class Clock:
    """An injected clock: time moves only when the test says so."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **amount: float) -> None:
        self.now += timedelta(**amount)


def test_a_window_held_by_a_crashed_instance_frees_when_its_lease_runs_out(seeded_ctx):
    clock = Clock()
    seeded_ctx.clock = clock
    start = clock().isoformat(timespec="seconds")
    lease_end = (clock() + WINDOW_LEASE).isoformat(timespec="seconds")
    assert seeded_ctx.store.claim_window("console", "desk", "killed", start, lease_end) == 0
    poster = RecordingPoster()
    service = service_for(seeded_ctx, poster, instance="a")

    async def scenario():
        blocked = await service.post(DESK, "while held", asked=True)
        clock.advance(seconds=WINDOW_LEASE.total_seconds() - 1)
        still_blocked = await service.post(DESK, "just before", asked=True)
        clock.advance(seconds=1)
        return blocked, still_blocked, await service.post(DESK, "after", asked=True)

    assert asyncio.run(scenario()) == ("busy", "busy", "posted")
    assert len(poster.posts) == 1 and seeded_ctx.store.channel_watermark("console", "desk") == 3


def test_stress_two_services_and_digest_now_post_each_article_exactly_once(seeded_ctx):
    """Two instances, their scheduled runs and /digest now, fired in random order over many rounds
    while articles arrive and some posts fail: every article reaches the channel exactly once."""
    rng = random.Random(14)
    other_ctx = second_instance(seeded_ctx)
    delivered: list[list[int]] = []

    class FlakyPoster:
        async def post_digest(self, channel: str, reply: Reply) -> bool:
            for _ in range(rng.randint(0, 4)):
                await asyncio.sleep(0)
            if rng.random() < 0.15:
                return False  # the platform refused: nothing reached the channel
            delivered.append([a["article_id"] for a in reply.data["articles"]])
            return True

    def arrive(round_: int) -> None:
        for n in range(rng.randint(0, 2)):
            text = f"Councillor Maria Example{round_}x{n} said on Monday that the bridge on road {round_} would reopen."
            ingest(seeded_ctx, [IngestRequest("pasted", text=text, outlet=f"Outlet {n}")])

    async def scenario() -> list[str]:
        a = service_for(seeded_ctx, FlakyPoster(), instance="a")
        b = service_for(other_ctx, FlakyPoster(), instance="b")
        outcomes = []
        for round_ in range(ROUNDS):
            slot = f"2026-11-{round_ + 1:02d}T07:00:00+00:00"
            runs = [  # coroutines start only when gathered, in the shuffled order
                a.post(DESK, slot),
                b.post(DESK, slot),
                a.post(DESK, f"now a{round_}", asked=True),
                b.post(DESK, f"now b{round_}", asked=True),
                asyncio.to_thread(arrive, round_),
            ]
            rng.shuffle(runs)
            outcomes += await asyncio.gather(*runs)
        while await a.post(DESK, f"final {len(outcomes)}") == "failed":  # whatever is left, once
            outcomes.append("failed")
        return outcomes

    outcomes = asyncio.run(scenario())
    other_ctx.store.close()
    stored = seeded_ctx.store.article_count()
    posted = [article for post in delivered for article in post]
    assert sorted(posted) == list(range(1, stored + 1)), "an article was posted twice or never"
    assert stored > 3 + ROUNDS // 2
    assert {"busy", "skipped"} <= set(outcomes)  # the rounds really overlapped
    assert seeded_ctx.store.held_windows() == []


ROUNDS = 40


def test_shutdown_lets_a_running_digest_finish(seeded_ctx):
    async def scenario():
        poster = HeldPoster()
        service = service_for(seeded_ctx, poster, instance="a")
        service.start()
        running = asyncio.create_task(service.post(DESK, "slot"))
        await asyncio.wait_for(poster.posting.wait(), timeout=30)
        draining = asyncio.create_task(service.drain(timeout=30))
        await asyncio.sleep(0)
        poster.go_on.set()
        return await draining, await running

    assert asyncio.run(scenario()) == (True, "posted")
    assert seeded_ctx.store.channel_watermark("console", "desk") == 3
    assert seeded_ctx.store.held_windows() == []


def test_shutdown_releases_a_digest_that_cannot_finish_in_time(seeded_ctx):
    async def scenario():
        poster = HeldPoster()  # never let go on
        service = service_for(seeded_ctx, poster, instance="a")
        service.start()
        running = asyncio.create_task(service.post(DESK, "slot"))
        await asyncio.wait_for(poster.posting.wait(), timeout=30)
        finished = await service.drain(timeout=0.01)
        return finished, running

    finished, running = asyncio.run(scenario())
    assert finished is False and running.cancelled()
    assert seeded_ctx.store.held_windows() == []
    assert [s for _, _, s in seeded_ctx.store.digest_claims("console", "desk")] in ([], ["failed"])
    assert seeded_ctx.store.channel_watermark("console", "desk") == 0  # nothing posted, nothing lost


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
