"""Starting the bot: the chat platforms configured in the environment, else the console."""

from __future__ import annotations

import logging
import sys

from bot.console import Console
from bot.settings import Settings
from handlers import Context

logger = logging.getLogger(__name__)


def run(ctx: Context, settings: Settings, console_only: bool = False) -> int:
    """Run until stopped. With no platform configured the bot chats on this terminal."""
    prompt = "newsroom> " if sys.stdin.isatty() else ""
    failures = Console(ctx, sys.stdout, prompt=prompt).run(sys.stdin)
    return 1 if failures and not sys.stdin.isatty() else 0
