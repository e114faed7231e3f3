"""`newsroom run` wiring: settings pick Slack's HTTP mode, the scheduler shares the loop, and
/digest now in Slack posts through the scheduler's exactly-once path."""

from __future__ import annotations

import asyncio
import socket

import aiohttp

from bot.run import serve
from bot.settings import Settings
from tests.bot.slack.harness import SECRET
from tests.fakes.slack_api import FakeSlack, signed_headers, slash_form
from tests.fakes.waiting import wait_for


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def signed_command(url: str, text: str, response_url: str) -> int:
    form = slash_form("/digest", text, response_url, channel="CNEWS")
    headers = signed_headers(SECRET, form, "application/x-www-form-urlencoded")
    async with aiohttp.ClientSession() as session, session.post(url, data=form, headers=headers) as response:
        return response.status


def test_run_serves_slack_and_posts_a_digest_now(seeded_ctx):
    port = free_port()

    async def scenario():
        fake = await FakeSlack().start()
        settings = Settings.from_env(
            {
                "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": fake.api_url,
                "SLACK_HTTP_HOST": "127.0.0.1",
                "SLACK_HTTP_PORT": str(port),
            }
        )
        bot = asyncio.create_task(serve(seeded_ctx, settings))
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            await wait_for(lambda: _listening(port))
            assert await signed_command(url, "now", fake.response_url()) == 200
            # The watermark moves after the post: wait for it too, or cancelling races it.
            await wait_for(
                lambda: (
                    fake.called("chat.postMessage")
                    and fake.uploads
                    and seeded_ctx.store.channel_watermark("slack", "CNEWS") == 3
                )
            )
        finally:
            bot.cancel()
            await asyncio.gather(bot, return_exceptions=True)
            await fake.stop()
        return fake

    fake = asyncio.run(scenario())
    assert all(p["channel"] == "CNEWS" for p in fake.called("chat.postMessage"))
    assert any("Posting this channel's digest now" in str(r) for r in fake.responses)
    assert seeded_ctx.store.channel_watermark("slack", "CNEWS") == 3


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
