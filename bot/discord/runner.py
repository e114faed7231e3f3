"""Starting Discord from the settings, on the bot's shared event loop."""

from __future__ import annotations

import discord
import yarl

from bot.alerts import AlertService
from bot.digests import DigestService
from bot.discord.client import NewsroomDiscord
from bot.health import Health
from bot.settings import Settings
from handlers import Context


def use_api_url(url: str) -> None:
    """Point discord.py's REST calls at ``url`` (a proxy, or a local test server)."""
    discord.http.Route.BASE = url.rstrip("/")


def use_gateway_url(url: str) -> None:
    """Point discord.py's gateway WebSocket at ``url``. discord.py asks REST (/gateway/bot) for the
    gateway only to pick shards; the connection itself goes to DiscordWebSocket.DEFAULT_GATEWAY."""
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)


async def run_discord(
    ctx: Context,
    settings: Settings,
    digests: DigestService | None = None,
    health: Health | None = None,
    alerts: AlertService | None = None,
) -> None:
    """Serve Discord until cancelled; a new client each start, so a restart after a crash is clean."""
    use_api_url(settings.get("DISCORD_API_URL"))
    use_gateway_url(settings.get("DISCORD_GATEWAY_URL"))
    guilds = [int(g) for g in settings.words("DISCORD_GUILDS")]
    client = NewsroomDiscord(ctx, editor_role=settings.get("DISCORD_EDITOR_ROLE"), guilds=guilds)
    if digests is not None:
        digests.add_poster("discord", client)
    if alerts is not None:
        alerts.add_sender("discord", client.send_private)
    if health is not None:
        health.set("discord", lambda: None if client.is_ready() and not client.is_closed() else "not connected")
    async with client:
        await client.start(settings.get("DISCORD_TOKEN"))
