"""/digest and /newsroom in chat: schedules parsed and handed to the scheduler, settings per channel."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers import Caller, dispatch
from handlers.values import Channel, ScheduleSpec

DESK = Caller(user="U1", channel="C1", platform="slack")
READER = Caller(user="U2", channel="C1", platform="slack", editor=False)


class FakeSchedules:
    """Records what the handlers ask of a scheduler."""

    def __init__(self) -> None:
        self.specs: dict[Channel, ScheduleSpec] = {}
        self.posted: list[Channel] = []

    def set_schedule(self, channel, spec):
        if spec.crontab.split()[1] == "99":
            raise ValueError("hour 99 does not exist")
        self.specs[channel] = spec
        return datetime(2026, 11, 23, 7, 0, tzinfo=UTC)

    def remove_schedule(self, channel):
        return self.specs.pop(channel, None) is not None

    def next_run(self, channel):
        return datetime(2026, 11, 23, 7, 0, tzinfo=UTC) if channel in self.specs else None

    def post_now(self, channel):
        self.posted.append(channel)


def test_schedules_in_the_reporters_words(seeded_ctx):
    seeded_ctx.schedules = schedules = FakeSchedules()
    here = Channel("slack", "C1")
    reply = dispatch(seeded_ctx, "/digest weekdays 7:30", DESK)
    assert reply.ok and schedules.specs[here] == ScheduleSpec("weekdays 07:30", "30 7 * * 1-5", "UTC")
    dispatch(seeded_ctx, '/digest cron "0 8 * * 1-5" Europe/Berlin', DESK)
    assert schedules.specs[here] == ScheduleSpec("cron 0 8 * * 1-5", "0 8 * * 1-5", "Europe/Berlin")
    status = dispatch(seeded_ctx, "/digest status", READER)
    assert status.data["schedule"] == "cron 0 8 * * 1-5" and status.data["timezone"] == "Europe/Berlin"
    assert status.data["next_run"] == "2026-11-23T07:00:00+00:00"
    assert dispatch(seeded_ctx, "/digest off", DESK).title == "Digest schedule removed."
    assert dispatch(seeded_ctx, "/digest status", DESK).data["schedule"] is None


def test_bad_schedules_get_one_line_on_how_to_write_them(seeded_ctx):
    seeded_ctx.schedules = FakeSchedules()
    for words, expected in [
        ("/digest daily 25:00", "not a time of day"),
        ("/digest fortnightly", "Usage: /digest daily 08:00"),
        ('/digest cron "0 8 * *"', "Usage"),
        ("/digest daily 08:00 Mars/Olympus", "Unknown time zone"),
        ('/digest cron "0 99 * * *"', "hour 99 does not exist"),
        ('/digest cron "0 8 * * 1', "Could not read"),
    ]:
        reply = dispatch(seeded_ctx, words, DESK)
        assert not reply.ok and expected in reply.title, (words, reply.title)


def test_readers_may_look_but_not_change(seeded_ctx):
    seeded_ctx.schedules = schedules = FakeSchedules()
    for words in ("/digest daily 08:00", "/digest now", "/digest off", "/newsroom ingest on", "/ingest pasted text"):
        reply = dispatch(seeded_ctx, words, READER)
        assert not reply.ok and reply.data.get("refused"), words
    assert schedules.specs == {} and schedules.posted == []
    assert dispatch(seeded_ctx, "/digest", READER).ok  # a preview is a question
    assert dispatch(seeded_ctx, "/newsroom settings", READER).ok
    assert dispatch(seeded_ctx, "/who Peskov", READER).ok


def test_digest_preview_sends_and_advances_nothing(seeded_ctx):
    reply = dispatch(seeded_ctx, "/digest", DESK)
    assert "3 new articles" in reply.title and reply.grids
    assert seeded_ctx.store.channel_watermark("slack", "C1") == 0


def test_now_needs_the_running_bot_and_then_hands_over(seeded_ctx):
    assert "need the bot running" in dispatch(seeded_ctx, "/digest now", DESK).title
    seeded_ctx.schedules = schedules = FakeSchedules()
    assert dispatch(seeded_ctx, "/digest now", DESK).ok and schedules.posted == [Channel("slack", "C1")]


def test_channel_settings(seeded_ctx):
    seeded_ctx.schedules = schedules = FakeSchedules()
    dispatch(seeded_ctx, "/digest daily 08:00", DESK)
    assert dispatch(seeded_ctx, "/newsroom ingest on", DESK).data["settings"]["ingest"] is True
    dispatch(seeded_ctx, "/newsroom nothing-new on", DESK)
    reply = dispatch(seeded_ctx, "/newsroom tz America/New_York", DESK)
    assert reply.data["settings"]["tz"] == "America/New_York"
    assert schedules.specs[Channel("slack", "C1")].timezone == "America/New_York"  # the schedule follows
    assert dispatch(seeded_ctx, "/newsroom ingest off", DESK).data["settings"].get("ingest") is None
    assert seeded_ctx.store.channel_settings("slack", "C2") == {}  # other channels untouched
    helped = dispatch(seeded_ctx, "/newsroom", READER)
    assert "/who" in helped.sections[0].text and any(f.name == "Time zone" for f in helped.sections[-1].fields)
    assert not dispatch(seeded_ctx, "/newsroom tz Nowhere", DESK).ok
    assert not dispatch(seeded_ctx, "/newsroom volume 11", DESK).ok


def test_forget_removes_an_article_and_names_only_it_gave(seeded_ctx):
    store = seeded_ctx.store
    assert store.find_entities("Kiriyenko")  # named in the WSJ (1) and Fortune (2)
    reply = dispatch(seeded_ctx, "/newsroom forget 1", DESK)
    assert reply.ok and store.get_article(1) is None and store.article_count() == 2
    assert store.find_entities("Kiriyenko")  # Fortune still names him
    assert not dispatch(seeded_ctx, "/newsroom forget 1", DESK).ok
    assert not dispatch(seeded_ctx, "/newsroom forget one", DESK).ok
