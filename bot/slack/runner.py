"""Starting Slack from the settings: Socket Mode with an app token, else HTTP mode."""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

from bot import messages
from bot.alerts import AlertService
from bot.digests import DigestService
from bot.health import Health
from bot.settings import Settings
from bot.slack.app import SlackBot
from bot.slack.config import SlackConfig
from bot.slack.http import start_http
from bot.supervise import Stop
from handlers import Context

logger = logging.getLogger(__name__)


async def run_slack(
    ctx: Context,
    settings: Settings,
    digests: DigestService | None = None,
    health: Health | None = None,
    alerts: AlertService | None = None,
) -> None:
    """Serve Slack until cancelled (closing its connection or listener then)."""
    config = SlackConfig.from_settings(settings)
    if not config.socket_mode and not config.signing_secret:
        raise Stop(messages.SLACK_NEEDS_TOKEN())
    health = health or Health()
    bot = SlackBot(ctx, config)
    if digests is not None:
        digests.add_poster("slack", bot)
    if alerts is not None:
        alerts.add_sender("slack", bot.send_private)
    if config.socket_mode:
        handler = AsyncSocketModeHandler(bot.app, config.app_token, web_client=bot.client)
        await handler.connect_async()
        logger.info(messages.SLACK_SOCKET_MODE())

        async def connected() -> str | None:
            return None if await handler.client.is_connected() else "Socket Mode connection lost (reconnecting)"

        health.set("slack", connected)
        try:
            await asyncio.Event().wait()  # until cancelled
        finally:
            await handler.close_async()
        return
    host, port = settings.get("SLACK_HTTP_HOST"), settings.integer("SLACK_HTTP_PORT")
    runner = await start_http(bot.app, host, port)
    logger.info(messages.SLACK_HTTP_MODE(host=host, port=port))
    health.set("slack", lambda: None)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
