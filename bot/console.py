"""The console chat: the bot in a terminal, reading commands, links and pasted text."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TextIO

from bot.render_text import render_text
from handlers import Caller, Context, Reply, dispatch

logger = logging.getLogger(__name__)

GREETING = (
    "Newsroom bot, console chat. {count} articles stored. Try /who Putin, /help;\n"
    "paste a link, or an article's text followed by an empty line, to ingest it. /quit leaves."
)


class Console:
    """Feeds lines to ``dispatch``; pasted text is gathered until an empty line."""

    def __init__(self, ctx: Context, out: TextIO, prompt: str = "") -> None:
        self.ctx = ctx
        self.out = out
        self.prompt = prompt
        self.caller = Caller(user="console", channel="console", platform="console")
        #: Set by the running bot: answers a line on its event loop and prints the answer; True when ok.
        self.ask: Callable[[str], bool] | None = None

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def answer(self, line: str) -> bool:
        if self.ask is not None:
            return self.ask(line)
        reply = dispatch(self.ctx, line, self.caller, progress=lambda note: self.say(f"… {note}"))
        self.say(render_text(reply))
        return reply.ok

    def run(self, lines: Iterable[str]) -> int:
        """Serve until /quit or end of input; returns the number of failed requests."""
        self.say(GREETING.format(count=self.ctx.store.article_count()))
        failures = 0
        pasted: list[str] = []
        self._prompt()
        for raw in lines:
            line = raw.rstrip("\n")
            if pasted:
                if line.strip():
                    pasted.append(line)
                    continue
                failures += not self.answer("\n".join(pasted))
                pasted = []
            elif line.strip() in ("/quit", "/exit"):
                break
            elif line.startswith("/") or _is_link_line(line):
                failures += not self.answer(line)
            elif line.strip():
                pasted.append(line)
                continue
            self._prompt()
        if pasted:
            failures += not self.answer("\n".join(pasted))
        return failures

    def _prompt(self) -> None:
        if self.prompt:
            self.out.write(self.prompt)
            self.out.flush()


def _is_link_line(line: str) -> bool:
    words = line.split()
    return bool(words) and all(w.lower().startswith(("http://", "https://")) for w in words)


class ConsolePoster:
    """Digests scheduled for the console, and watch alerts, are printed in the terminal."""

    def __init__(self, console: Console) -> None:
        self.console = console

    async def post_digest(self, channel: str, reply: Reply) -> bool:
        self.console.say(render_text(reply))
        return True

    async def send_private(self, user: str, reply: Reply) -> bool:
        """A watch alert: the console has one user, this terminal's."""
        self.console.say(render_text(reply))
        return True
