"""/digest in chat: preview this channel's digest, post it now, or schedule it."""

from __future__ import annotations

import shlex
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers import messages
from handlers.context import Context
from handlers.digest import build_digest, digest_reply
from handlers.errors import UsageError
from handlers.reply import Field, Reply, Section
from handlers.schedules import parse_schedule
from handlers.values import Channel

#: Sub-commands anyone may use; the rest change what the channel receives.
READ_ONLY = ("", "preview", "status")


def _words(args: str) -> list[str]:
    """Quotes are allowed (``cron "0 8 * * 1-5"``) but carry no meaning: every field is a word."""
    try:
        quoted = shlex.split(args.replace("“", '"').replace("”", '"'))
    except ValueError as exc:
        raise UsageError(messages.DIGEST_WORDS_UNREADABLE(reason=exc)) from None
    return [word for part in quoted for word in part.split()]


def channel_timezone(ctx: Context, channel: Channel) -> str:
    """The time zone a channel's digest runs in: its own setting, else the bot's.

    Args:
        ctx: the request's context.
        channel: the channel.

    Returns:
        An IANA time zone name ("Europe/London").
    """
    return ctx.store.channel_settings(channel.platform, channel.channel).get("tz") or ctx.timezone


def check_timezone(name: str) -> str:
    """A time zone a reporter typed, checked against the time zone database.

    Args:
        name: the name typed ("America/New_York", "UTC").

    Returns:
        The same name.

    Raises:
        UsageError: no time zone has that name.
    """
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(messages.UNKNOWN_TIMEZONE(name=name[:40])) from None
    return name


def is_read_only(args: str) -> bool:
    """Whether a /digest line only reads (preview, status), so anyone in the channel may run it.

    Args:
        args: the words after /digest.

    Returns:
        True for no words, ``preview`` or ``status``; False for what changes the channel's digest.
    """
    words = args.split()
    return (words[0].lower() if words else "") in READ_ONLY


def digest_is_slow(args: str) -> bool:
    """Only the preview builds a digest (claims, chart) while the reporter waits.

    Args:
        args: the words after /digest.

    Returns:
        True for no words or ``preview``.
    """
    words = args.split()
    return not words or words[0].lower() == "preview"


def _when(moment: datetime | None, timezone: str) -> str:
    if moment is None:
        return "not scheduled"
    return moment.astimezone(ZoneInfo(timezone)).strftime("%a %d %b %Y %H:%M %Z")


def digest_status(ctx: Context, channel: Channel) -> Reply:
    """A channel's digest schedule, time zone, next and last run, and what it does when nothing is new.

    Args:
        ctx: the request's context (the store, and the scheduler when the bot runs).
        channel: the channel.

    Returns:
        The reply; its data holds the schedule, time zone and both runs (ISO 8601 or None).
    """
    settings = ctx.store.channel_settings(channel.platform, channel.channel)
    timezone = settings.get("tz") or ctx.timezone
    schedule = settings.get("schedule")
    next_run = ctx.schedules.next_run(channel) if ctx.schedules and schedule else None
    last = ctx.store.last_digest_at(channel.platform, channel.channel)
    fields = [
        Field("Schedule", schedule or "none (set one with /digest daily 08:00)"),
        Field("Time zone", timezone),
        Field("Next digest", _when(next_run, timezone) if schedule else "none"),
        Field("Last digest", _when(datetime.fromisoformat(last), timezone) if last else "never"),
        Field("When nothing is new", "a one-line note" if settings.get("nothing_new") else "no post"),
    ]
    data = {
        "channel": str(channel),
        "schedule": schedule,
        "timezone": timezone,
        "next_run": next_run.isoformat() if next_run else None,
        "last_run": last,
    }
    return Reply(
        title=f"Digest for this channel: {schedule or 'not scheduled'}", sections=[Section(fields=fields)], data=data
    )


def remember_name(ctx: Context, channel: Channel) -> None:
    """Keep the channel's own name, which only a command from the channel tells, for the digests
    the schedule posts later (their header says "Digest for #newsroom").

    Args:
        ctx: the request's context.
        channel: the channel the command came from; without a name nothing is kept.
    """
    if channel.name and ctx.store.channel_settings(channel.platform, channel.channel).get("name") != channel.name:
        ctx.store.update_channel_settings(channel.platform, channel.channel, {"name": channel.name})


def digest_command(ctx: Context, channel: Channel, args: str) -> Reply:
    """/digest [now|status|off|daily 08:00|weekdays 07:30|cron "0 8 * * 1-5"] — this channel's digest.

    With no words it previews what the next digest would say, without sending or advancing anything.
    ``now`` posts it in the channel; ``daily``, ``weekdays`` and ``cron`` schedule it in the channel's
    time zone (see /newsroom tz); ``off`` stops it; ``status`` shows the next and last run.

    Args:
        ctx: the request's context.
        channel: the channel the command came from.
        args: the words after /digest.

    Returns:
        The preview, the status, or what was posted or scheduled; an error reply when posting or
        scheduling needs the bot and it is not running.

    Raises:
        UsageError: the words cannot be read, name no schedule or time zone, or the scheduler
            refuses the schedule.
    """
    words = _words(args)
    verb = words[0].lower() if words else "preview"
    remember_name(ctx, channel)
    if verb == "preview":
        return digest_reply(build_digest(ctx, channel))
    if verb == "status":
        return digest_status(ctx, channel)
    if ctx.schedules is None:
        return Reply.error(messages.NEEDS_THE_BOT())
    if verb == "now":
        ctx.schedules.post_now(channel)
        return Reply(title="Posting this channel's digest now.", data={"channel": str(channel), "posting": True})
    if verb == "off":
        removed = ctx.schedules.remove_schedule(channel)
        ctx.store.update_channel_settings(channel.platform, channel.channel, {"schedule": None, "crontab": None})
        title = "Digest schedule removed." if removed else "This channel had no digest schedule."
        return Reply(title=title, data={"channel": str(channel), "schedule": None})
    timezone = channel_timezone(ctx, channel)
    if len(words) in (3, 7) and ("/" in words[-1] or words[-1].upper() == "UTC"):
        timezone = check_timezone(words.pop())
    spec = parse_schedule(words, timezone)
    try:
        next_run = ctx.schedules.set_schedule(channel, spec)
    except ValueError as exc:
        raise UsageError(messages.CANNOT_SCHEDULE(label=spec.label, reason=exc)) from None
    ctx.store.update_channel_settings(
        channel.platform, channel.channel, {"schedule": spec.label, "crontab": spec.crontab, "tz": timezone}
    )
    return Reply(
        title=f"Digest scheduled: {spec.label} ({timezone}); next on {_when(next_run, timezone)}.",
        data={
            "channel": str(channel),
            "schedule": spec.label,
            "timezone": timezone,
            "next_run": next_run.isoformat() if next_run else None,
        },
    )
