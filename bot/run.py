"""Starting the bot: the chat platforms configured in the environment, else the console, with the
digest scheduler beside them on one event loop."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Coroutine
from typing import Any

from bot.console import Console, ConsolePoster
from bot.digests import DigestService
from bot.settings import Settings
from handlers import Context
from handlers.rebuild import linker_notice

logger = logging.getLogger(__name__)


def run(ctx: Context, settings: Settings, console_only: bool = False) -> int:
    """Run until stopped. With no platform configured the bot chats on this terminal."""
    return asyncio.run(serve(ctx, settings, console_only))


def platforms(ctx: Context, settings: Settings, digests: DigestService) -> list[Coroutine[Any, Any, None]]:
    """One long-running coroutine per chat platform whose credentials are set."""
    runners: list[Coroutine[Any, Any, None]] = []
    if settings.get("SLACK_BOT_TOKEN"):
        from bot.slack.runner import run_slack

        runners.append(run_slack(ctx, settings, digests))
    if settings.get("DISCORD_TOKEN"):
        from bot.discord.runner import run_discord

        runners.append(run_discord(ctx, settings, digests))
    return runners


async def serve(ctx: Context, settings: Settings, console_only: bool = False) -> int:
    notice = linker_notice(ctx)
    if notice:
        logger.warning(notice)
        print(notice, file=sys.stderr)
    digests = DigestService(ctx, grace_seconds=settings.integer("NEWSROOM_DIGEST_GRACE_MINUTES") * 60)
    ctx.schedules = digests
    digests.start()
    try:
        runners = [] if console_only else platforms(ctx, settings, digests)
        if runners:
            await asyncio.gather(*runners)
            return 0
        prompt = "newsroom> " if sys.stdin.isatty() else ""
        console = Console(ctx, sys.stdout, prompt=prompt)
        digests.add_poster("console", ConsolePoster(console))
        failures = await asyncio.to_thread(console.run, sys.stdin)
        return 1 if failures and not sys.stdin.isatty() else 0
    finally:
        digests.shutdown()
