"""Starting the bot: the chat platforms configured in the environment, else the console."""

from __future__ import annotations

import logging
import os
import sys

from bot.console import Console
from bot.settings import Settings
from handlers import Context

logger = logging.getLogger(__name__)

#: Platform credentials a later version will use; until then they are named, never ignored silently.
NOT_YET_SUPPORTED = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "DISCORD_TOKEN")


def run(ctx: Context, settings: Settings, console_only: bool = False) -> int:
    """Run until stopped. With no platform configured the bot chats on this terminal."""
    if not console_only:
        for name in NOT_YET_SUPPORTED:
            if os.environ.get(name):
                print(
                    f"newsroom: {name} is set, but this version has no chat adapter for it yet; "
                    "starting the console chat.",
                    file=sys.stderr,
                )
    prompt = "newsroom> " if sys.stdin.isatty() else ""
    failures = Console(ctx, sys.stdout, prompt=prompt).run(sys.stdin)
    return 1 if failures and not sys.stdin.isatty() else 0
