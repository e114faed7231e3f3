"""A scheduled digest fires and reaches the fake Slack: blocks, then the chart uploaded to the channel."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from apscheduler.triggers.date import DateTrigger

from bot.digests import DigestService
from handlers.values import Channel
from tests.bot.slack.harness import SlackHarness, all_text
from tests.fakes.waiting import wait_for


def test_a_scheduled_digest_is_posted_with_its_chart_and_then_the_watermark_moves(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            service = DigestService(seeded_ctx)
            service.add_poster("slack", slack.bot)
            service.start()
            service.schedule(Channel("slack", "CNEWS"), DateTrigger(datetime.now(UTC) + timedelta(seconds=0.3)))
            await wait_for(lambda: service.history)
            service.shutdown()
            return slack.fake, service.history

    fake, history = asyncio.run(scenario())
    assert [status for _, _, status in history] == ["posted"]
    posts = fake.called("chat.postMessage")
    assert posts and all(p["channel"] == "CNEWS" and len(p["blocks"]) <= 50 for p in posts)
    assert "Digest for this channel" in all_text(posts[0]) and "Disputed" in all_text(posts)
    assert fake.uploads and fake.uploads[0][:4] == b"\x89PNG"
    assert fake.called("files.completeUploadExternal")[0]["channel_id"] == "CNEWS"
    assert seeded_ctx.store.channel_watermark("slack", "CNEWS") == 3
