"""Chat commands: one table from command name to handler, shared by every chat adapter.

Each command's help text is its handler's docstring, so help and README never drift.
"""

from __future__ import annotations

import inspect
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

from handlers.compare import compare
from handlers.context import Context
from handlers.ingest import IngestRequest, Progress, ingest
from handlers.reply import Reply, Section
from handlers.who import who
from ingest.urls import find_urls


@dataclass(frozen=True)
class Caller:
    """Who asked, and where: kept with ingested articles."""

    user: str | None = None
    channel: str | None = None


Runner = Callable[[Context, str, Caller, Progress | None], Reply]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Callable[..., Reply]
    run: Runner

    @property
    def usage(self) -> str:
        return help_line(self.handler)

    @property
    def details(self) -> str:
        return inspect.cleandoc(self.handler.__doc__ or "").partition("\n\n")[2]


def help_line(handler: Callable[..., Reply]) -> str:
    """The first line of a handler's docstring: ``/name ARGS — what it does``."""
    return inspect.cleandoc(handler.__doc__ or "").splitlines()[0]


class UsageError(ValueError):
    """A malformed command; the message says how to write it."""


def _split_page(args: str) -> tuple[str, int]:
    match = re.search(r"(?:^|\s)--page(?:\s+|=)(\S+)\s*$", args)
    if not match:
        if "--page" in args:
            raise UsageError("--page needs a number, as in /who Putin --page 2")
        return args, 1
    value = match.group(1)
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"--page needs a positive number, not “{value}”")
    return args[: match.start()].strip(), int(value)


def _run_who(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    query, page = _split_page(args)
    return who(ctx, _unquote(query), page=page)


def _run_compare(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return compare(ctx, args)


def _run_ingest(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return ingest(
        ctx,
        ingest_requests(args),
        posted_by=caller.user,
        posted_in=caller.channel,
        progress=progress,
    )


def _run_help(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return help_reply(args.strip().lstrip("/"))


def help_reply(topic: str = "") -> Reply:
    """/help [COMMAND] — list the commands, or explain one."""
    if topic:
        command = COMMANDS.get(topic)
        if command is None:
            return Reply.error(f"No command /{topic[:40]}. Try /help.")
        sections = [Section(text=command.details)] if command.details else []
        return Reply(
            title=command.usage,
            sections=sections,
            data={"commands": [{"name": command.name, "usage": command.usage}]},
        )
    lines = [c.usage for c in COMMANDS.values()]
    lines.append("Paste a link or an article's text (ending with an empty line) to ingest it.")
    return Reply(
        title="Newsroom bot commands",
        sections=[Section(text="\n".join(lines))],
        data={"commands": [{"name": c.name, "usage": c.usage} for c in COMMANDS.values()]},
    )


def _unquote(text: str) -> str:
    try:
        parts = shlex.split(text)
    except ValueError:
        return text.strip().strip("\"'“”")
    return " ".join(parts)


def ingest_requests(text: str) -> list[IngestRequest]:
    """A chat message to ingest: its links when it is only links, else the text itself."""
    text = text.strip()
    if not text:
        raise UsageError("Usage: /ingest URL or /ingest followed by the article's text")
    urls = find_urls(text)
    leftover = text
    for url in urls:
        leftover = leftover.replace(url, " ")
    if urls and len(leftover.strip(" \n\t<>|.,;")) < 20:
        return [IngestRequest(source=url) for url in urls]
    return [IngestRequest(source="pasted", text=text)]


COMMANDS: dict[str, Command] = {
    "who": Command("who", who, _run_who),
    "compare": Command("compare", compare, _run_compare),
    "ingest": Command("ingest", ingest, _run_ingest),
    "help": Command("help", help_reply, _run_help),
}


def dispatch(ctx: Context, line: str, caller: Caller | None = None, progress: Progress | None = None) -> Reply:
    """Answer one chat input: a /command, or a link or text to ingest."""
    caller = caller or Caller()
    line = line.strip()
    try:
        if line.startswith("/"):
            name, _, args = line[1:].partition(" ")
            command = COMMANDS.get(name.lower())
            if command is None:
                return Reply.error(f"Unknown command /{name[:40]}. Try /help.")
            return command.run(ctx, args, caller, progress)
        return _run_ingest(ctx, line, caller, progress)
    except UsageError as exc:
        return Reply.error(str(exc))
