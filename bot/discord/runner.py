"""Starting Discord from the settings, on the bot's shared event loop."""

from __future__ import annotations

import discord

from bot.digests import DigestService
from bot.discord.client import NewsroomDiscord
from bot.settings import Settings
from handlers import Context


def use_api_url(url: str) -> None:
    """Point discord.py's REST calls at ``url`` (a proxy, or a local test server)."""
    discord.http.Route.BASE = url.rstrip("/")


async def run_discord(ctx: Context, settings: Settings, digests: DigestService | None = None) -> None:
    use_api_url(settings.get("DISCORD_API_URL"))
    guilds = [int(g) for g in settings.words("DISCORD_GUILDS")]
    client = NewsroomDiscord(ctx, editor_role=settings.get("DISCORD_EDITOR_ROLE"), guilds=guilds)
    if digests is not None:
        digests.add_poster("discord", client)
    async with client:
        await client.start(settings.get("DISCORD_TOKEN"))
