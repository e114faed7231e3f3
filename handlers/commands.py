"""Chat commands: one table from command name to handler, shared by every chat adapter.

Each command's help text is its handler's docstring, so help and the docs never drift.
"""

from __future__ import annotations

import inspect
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

from handlers import messages
from handlers.channel_settings import is_read_only as settings_read_only
from handlers.channel_settings import newsroom_settings, settings_reply
from handlers.compare import compare
from handlers.context import Context
from handlers.digest_commands import digest_command, digest_is_slow
from handlers.digest_commands import is_read_only as digest_read_only
from handlers.errors import UsageError
from handlers.ingest import IngestRequest, Progress, ingest
from handlers.reply import Reply, Section
from handlers.story import story
from handlers.values import Channel, typed_number
from handlers.watch import unwatch, watch, watching
from handlers.who import who
from handlers.wording import echoed
from ingest.urls import find_other_links, find_urls


@dataclass(frozen=True)
class Caller:
    """Who asked, and where: kept with ingested articles. ``editor`` is the platform's word on whether
    this person may change things (ingest, forget, digest settings); questions are for everyone."""

    user: str | None = None
    channel: str | None = None
    platform: str = "console"
    editor: bool = True
    channel_name: str | None = None  # the channel's own name, when the platform gives it

    @property
    def where(self) -> Channel:
        """The channel asked in, with its name when the platform gave one; without a channel, the
        platform's one (the console's)."""
        return Channel(self.platform, self.channel or self.platform, self.channel_name)


Runner = Callable[[Context, str, Caller, Progress | None], Reply]


def _never(args: str) -> bool:
    return False


def _always(args: str) -> bool:
    return True


@dataclass(frozen=True)
class Argument:
    """What a command takes, for platforms that declare it (Discord's option, Slack's usage hint).

    ``kind`` is "text" (the rest of the line), "number" (a whole number) or "link or file" (a link,
    or a file attached to the command); ``example`` shows a reporter what to type."""

    name: str
    help: str
    kind: str = "text"
    required: bool = True
    example: str = ""


@dataclass(frozen=True)
class Command:
    """One chat command: its handler (whose docstring is its help), how a line runs it, and what the
    chat platforms declare for it. Slack, Discord, the console and /help all read this table, so a
    new command is its handler and one row here."""

    name: str
    handler: Callable[..., Reply]
    run: Runner
    read_only: Callable[[str], bool] = _always  # False: editors only, for these arguments
    slow: Callable[[str], bool] = _never  # True: chat adapters acknowledge first, then answer
    argument: Argument | None = None
    on_platforms: bool = True  # declared as a Slack and Discord command (/help is the console's)

    @property
    def usage(self) -> str:
        """The command's help line, ``/name ARGS — what it does``: its handler's first docstring line."""
        return help_line(self.handler)

    @property
    def summary(self) -> str:
        """What the command does in at most 100 characters (Discord's limit for a description):
        the help line after its dash, capitalised."""
        what = self.usage.partition(" — ")[2] or self.usage
        what = what[:1].upper() + what[1:]
        if len(what) > SUMMARY_CHARS:
            what = what[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return what

    @property
    def details(self) -> str:
        """The rest of the handler's help, shown by ``/help NAME``: the paragraphs after the first line,
        up to the ``Args:`` section (what follows documents the function, not the command).
        """
        rest = inspect.cleandoc(self.handler.__doc__ or "").partition("\n\n")[2]
        return _SECTIONS.split(rest, maxsplit=1)[0].rstrip()


SUMMARY_CHARS = 100
#: Where a handler's docstring turns from reporters (its help) to programmers (Google-style sections).
_SECTIONS = re.compile(r"^(?:Args|Returns|Raises|Yields):$", re.MULTILINE)


def help_line(handler: Callable[..., Reply]) -> str:
    """The first line of a handler's docstring: ``/name ARGS — what it does``.

    Args:
        handler: the command's handler.

    Returns:
        That line.
    """
    return inspect.cleandoc(handler.__doc__ or "").splitlines()[0]


def _split_page(args: str) -> tuple[str, int]:
    match = re.search(r"(?:^|\s)--page(?:\s+|=)(\S+)\s*$", args)
    if not match:
        if "--page" in args:
            raise UsageError(messages.PAGE_NOT_A_NUMBER())
        return args, 1
    value = match.group(1)
    page = typed_number(value)
    if page is None or page < 1:
        raise UsageError(messages.PAGE_NOT_POSITIVE(value=echoed(value)))
    return args[: match.start()].strip(), page


def with_page(line: str, page: int) -> str:
    """The command line asking for another page of a handler's answer ("/compare X --page 2").

    Args:
        line: the command as typed, with or without a ``--page`` at its end.
        page: the page wanted.

    Returns:
        The line with its ``--page`` replaced; page 1 (or less) drops it.
    """
    base = re.sub(r"(?:^|\s)--page(?:\s+|=)\S+\s*$", "", line).rstrip()
    return base if page <= 1 else f"{base} --page {page}"


def _run_who(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    query, page = _split_page(args)
    return who(ctx, _unquote(query), page=page)


def _run_compare(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    claim, page = _split_page(args)
    return compare(ctx, claim, page=page)


def _run_ingest(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return ingest(
        ctx,
        ingest_requests(args),
        posted_by=caller.user,
        posted_in=caller.channel,
        progress=progress,
    )


def _run_digest(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return digest_command(ctx, caller.where, args)


def _run_newsroom(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    words = args.split()
    if not words or words[0].lower() == "help":
        reply = help_reply(" ".join(words[1:2]))
        if not words:
            reply.sections += settings_reply(ctx, caller.where).sections
        return reply
    return newsroom_settings(ctx, caller.where, args)


def _run_story(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    query, page = _split_page(args)
    return story(ctx, _unquote(query), page=page)


def _run_watch(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return watch(ctx, caller.where, caller.user, args)


def _run_watching(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return watching(ctx, caller.where, caller.user)


def _run_unwatch(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return unwatch(ctx, caller.where, caller.user, args)


def _watches_a_claim(args: str) -> bool:
    """/watch claim … judges the claim now (a /compare), which may take a few seconds."""
    return args.strip().lower().startswith("claim ")


def _run_help(ctx: Context, args: str, caller: Caller, progress: Progress | None) -> Reply:
    return help_reply(args.strip().lstrip("/"))


def help_reply(topic: str = "") -> Reply:
    """/help [COMMAND] — list the commands, or explain one.

    Args:
        topic: a command's name without the slash; empty for the list of commands.

    Returns:
        The command's help line and details, or every command's help line; an error reply for an
        unknown command.
    """
    if topic:
        command = COMMANDS.get(topic)
        if command is None:
            return Reply.error(messages.NO_SUCH_COMMAND(topic=topic[:40]))
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
    """A chat message to ingest: its links when it is only links, else the text itself. A link the
    bot never fetches from chat (file://, ftp://) is refused by its scheme.

    Args:
        text: the message, or the words after /ingest.

    Returns:
        One request per link (refused ones carry their ``failure``), or one for the pasted text.

    Raises:
        UsageError: the message is empty.
    """
    text = text.strip()
    if not text:
        raise UsageError(messages.USAGE_INGEST())
    urls, others = find_urls(text), find_other_links(text)
    leftover = text
    for link in urls + others:
        leftover = leftover.replace(link, " ")
    if (urls or others) and len(leftover.strip(" \n\t<>|.,;")) < 20:
        return [IngestRequest(source=url) for url in urls] + [
            IngestRequest(source=link, failure=_refused_scheme(link)) for link in others
        ]
    return [IngestRequest(source="pasted", text=text)]


def _refused_scheme(link: str) -> str:
    scheme = link.split("://", 1)[0].lower()
    return messages.LINK_SCHEME_REFUSED(scheme=scheme)


COMMANDS: dict[str, Command] = {
    "who": Command("who", who, _run_who, argument=Argument("name", "A name or alias", example="Kiriyenko")),
    "compare": Command(
        "compare",
        compare,
        _run_compare,
        slow=lambda args: len(args.split()) > 12,
        argument=Argument("claim", "The claim, in a sentence", example="Musk and Putin have been in regular contact"),
    ),
    "ingest": Command(
        "ingest",
        ingest,
        _run_ingest,
        read_only=_never,
        slow=_always,
        argument=Argument("link", "A link to the article", kind="link or file", example="https://example.com/story"),
    ),
    "digest": Command(
        "digest",
        digest_command,
        _run_digest,
        read_only=digest_read_only,
        slow=digest_is_slow,
        argument=Argument(
            "words", "now, status, off, daily 08:00, weekdays 07:30 …", required=False, example="daily 08:00"
        ),
    ),
    "story": Command(
        "story",
        story,
        _run_story,
        slow=lambda args: len(args.split()) > 2,
        argument=Argument("what", "A claim, or a name", example="Musk and Putin have been in regular contact"),
    ),
    "watch": Command(
        "watch",
        watch,
        _run_watch,
        slow=_watches_a_claim,
        argument=Argument("what", "A name (Kiriyenko), or: claim Musk and Putin spoke regularly", example="Kiriyenko"),
    ),
    "watching": Command("watching", watching, _run_watching),
    "unwatch": Command(
        "unwatch",
        unwatch,
        _run_unwatch,
        argument=Argument("number", "The number /watching shows", kind="number", example="3"),
    ),
    "newsroom": Command(
        "newsroom",
        newsroom_settings,
        _run_newsroom,
        read_only=settings_read_only,
        argument=Argument("words", "settings, ingest on, tz Europe/Berlin …", required=False, example="settings"),
    ),
    "help": Command("help", help_reply, _run_help, on_platforms=False),
}


def platform_commands() -> list[Command]:
    """The commands Slack and Discord declare, in the table's order.

    Returns:
        Every command but those for the console only (/help).
    """
    return [command for command in COMMANDS.values() if command.on_platforms]


def parse_command(line: str) -> tuple[Command | None, str, str]:
    """``/who Putin`` → (the who command, "who", "Putin"); a line that is not a command gives None.

    Args:
        line: one chat input.

    Returns:
        (the command, or None when unknown or not a command; the name typed, "" when not a
        command; the arguments, or the whole line when not a command).
    """
    line = line.strip()
    if not line.startswith("/"):
        return None, "", line
    name, _, args = line[1:].partition(" ")
    return COMMANDS.get(name.lower()), name, args.strip()


def dispatch(ctx: Context, line: str, caller: Caller | None = None, progress: Progress | None = None) -> Reply:
    """Answer one chat input: a /command, or a link or text to ingest.

    Usage errors become error replies, as do unknown commands and changes a non-editor asks for.

    Args:
        ctx: the handlers' collaborators.
        line: the input as typed.
        caller: who asked, and where; None is the console's editor.
        progress: called with progress lines by slow commands (ingest), or None.

    Returns:
        The command's reply.
    """
    caller = caller or Caller()
    command, name, args = parse_command(line)
    try:
        if command is None and name:
            return Reply.error(messages.UNKNOWN_COMMAND(name=name[:40]))
        command = command or COMMANDS["ingest"]
        if not caller.editor and not command.read_only(args):
            return Reply.error(messages.EDITORS_ONLY(), refused=True)
        return command.run(ctx, args, caller, progress)
    except UsageError as exc:
        return Reply.error(str(exc))
