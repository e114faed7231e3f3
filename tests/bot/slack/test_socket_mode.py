"""Socket Mode: the real Bolt handler connects to a local websocket, acks the envelope over it, and
answers through response_url."""

from __future__ import annotations

import asyncio

from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

from bot.slack.app import SlackBot
from bot.slack.config import SlackConfig
from tests.bot.slack.harness import all_text
from tests.fakes.slack_api import FakeSlack
from tests.fakes.waiting import wait_for


def test_a_slash_command_over_socket_mode(seeded_ctx):
    async def scenario():
        fake = await FakeSlack().start()
        fake.envelopes.append(
            {
                "envelope_id": "env-1",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": {
                    "team_id": "T1",
                    "channel_id": "C1",
                    "user_id": "U1",
                    "command": "/who",
                    "text": "Kiriyenko",
                    "response_url": fake.response_url("socket"),
                    "trigger_id": "1.2.3",
                },
            }
        )
        bot = SlackBot(seeded_ctx, SlackConfig(bot_token="xoxb-test", app_token="xapp-test", api_url=fake.api_url))
        handler = AsyncSocketModeHandler(bot.app, "xapp-test", web_client=bot.client)
        await handler.connect_async()
        try:
            await wait_for(lambda: fake.acks and fake.responses)
        finally:
            await handler.close_async()
            await fake.stop()
        return fake

    fake = asyncio.run(scenario())
    assert fake.acks[0]["envelope_id"] == "env-1"
    assert fake.called("apps.connections.open")
    assert "Sergei Kiriyenko" in all_text(fake.responses[0])
