"""The real Bolt app served over HTTP on 127.0.0.1, talking to the fake Slack, with requests signed
exactly as Slack signs them."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot.slack.app import SlackBot
from bot.slack.config import SlackConfig
from bot.slack.http import bound_port, start_http
from handlers import Context
from tests.fakes.slack_api import FakeSlack, signed_headers, slash_form
from tests.fakes.waiting import wait_for

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


class SlackHarness:
    def __init__(self, ctx: Context, **config: Any) -> None:
        self.ctx = ctx
        self.config = config
        self.fake = FakeSlack()
        self.events = 0

    async def __aenter__(self) -> SlackHarness:
        await self.fake.start()
        config = SlackConfig(bot_token="xoxb-test", signing_secret=SECRET, api_url=self.fake.api_url, **self.config)
        self.bot = SlackBot(self.ctx, config)
        self.runner = await start_http(self.bot.app, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{bound_port(self.runner)}/slack/events"
        self.session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()
        await self.runner.cleanup()
        await self.fake.stop()

    async def send(
        self,
        body: str,
        content_type: str,
        secret: str = SECRET,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, float]:
        """POST as Slack does; returns (status, body, seconds until the answer)."""
        all_headers = {**signed_headers(secret, body, content_type, timestamp), **(headers or {})}
        started = time.monotonic()
        async with self.session.post(self.url, data=body.encode(), headers=all_headers) as response:
            return response.status, await response.text(), time.monotonic() - started

    async def command(self, name: str, text: str = "", user: str = "U1", channel: str = "C1", **options: Any):
        form = slash_form(f"/{name}", text, self.fake.response_url(name), channel=channel, user=user)
        return await self.send(form, "application/x-www-form-urlencoded", **options)

    async def event(self, event: dict[str, Any], event_id: str | None = None, retry: int | None = None):
        self.events += 1
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": "T1",
                "api_app_id": "A1",
                "type": "event_callback",
                "event_id": event_id or f"Ev{self.events}",
                "event_time": int(time.time()),
                "event": event,
            }
        )
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return await self.send(body, "application/json", headers=headers)

    async def settled(self) -> None:
        """Wait until every listener Bolt started has run to its end: Bolt acknowledges first, then
        runs the listener as a task of its own, created before the acknowledgement is sent. A check
        that nothing happened is made after this, never after a pause."""

        def running() -> bool:
            return any(
                not task.done() and getattr(task.get_coro(), "__name__", "") == "run_ack_function_asynchronously"
                for task in asyncio.all_tasks()
            )

        await wait_for(lambda: not running())

    async def click(self, button: dict[str, Any], user: str = "U1", channel: str = "C1"):
        payload = {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": user},
            "channel": {"id": channel},
            "container": {"type": "message", "channel_id": channel, "is_ephemeral": True},
            "response_url": self.fake.response_url("button"),
            "trigger_id": "1.2.3",
            "actions": [{**button, "block_id": "b", "action_ts": str(time.time())}],
        }
        return await self.send(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The buttons of a message, by label."""
    return {
        element["text"]["text"]: element
        for block in message.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
    }


def all_text(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False)
