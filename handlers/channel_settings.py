"""/newsroom: help, and the settings a channel keeps (ingest on post, time zone, quiet digests)."""

from __future__ import annotations

from handlers import messages
from handlers.context import Context
from handlers.digest_commands import check_timezone
from handlers.errors import UsageError
from handlers.reply import Field, Reply, Section
from handlers.values import Channel, ScheduleSpec, typed_number

_SWITCHES = {"ingest": "ingest", "nothing-new": "nothing_new"}
_ON_OFF = {"on": True, "off": False}


def settings_reply(ctx: Context, channel: Channel, title: str = "Settings for this channel") -> Reply:
    """The channel's settings as a reply: ingest on post, digest schedule, time zone, quiet digests.

    Args:
        ctx: the store, and the bot's default time zone.
        channel: the channel.
        title: the reply's title (what just changed, when something did).

    Returns:
        The settings as fields; ``data`` holds the channel and its stored settings.
    """
    settings = ctx.store.channel_settings(channel.platform, channel.channel)
    fields = [
        Field("Ingest posted links and files", "on" if settings.get("ingest") else "off (/newsroom ingest on)"),
        Field("Digest", settings.get("schedule") or "not scheduled (/digest daily 08:00)"),
        Field("Time zone", settings.get("tz") or f"{ctx.timezone} (the default)"),
        Field("Digest when nothing is new", "one line" if settings.get("nothing_new") else "no post"),
    ]
    return Reply(title=title, sections=[Section(fields=fields)], data={"channel": str(channel), "settings": settings})


def is_read_only(args: str) -> bool:
    """Whether /newsroom with these words only reads (help, settings), so anyone may run it.

    Args:
        args: the words after /newsroom.

    Returns:
        True for no words, ``help`` or ``settings``; False for a change, which is for editors.
    """
    words = args.split()
    return not words or words[0].lower() in ("help", "settings")


def newsroom_settings(ctx: Context, channel: Channel, args: str) -> Reply:
    """/newsroom [settings|ingest on|off|nothing-new on|off|tz ZONE|forget ARTICLE] — help and this channel's settings.

    ``ingest on`` makes the bot read links and files posted in the channel; ``nothing-new on`` posts a
    one-line digest when there is nothing new; ``tz`` sets the channel's time zone for digests;
    ``forget 12`` removes article #12 and everything read from it.

    Args:
        ctx: the store, and the running schedules (a scheduled digest follows a new time zone).
        channel: the channel the command was typed in.
        args: the words after /newsroom.

    Returns:
        The channel's settings after the change, or what was forgotten; an error reply when there
        is no such article.

    Raises:
        UsageError: the words are none of the forms above, or the time zone is unknown.
    """
    words = args.split()
    verb = words[0].lower() if words else "settings"
    if verb == "settings":
        return settings_reply(ctx, channel)
    if verb in _SWITCHES and len(words) == 2 and words[1].lower() in _ON_OFF:
        ctx.store.update_channel_settings(
            channel.platform, channel.channel, {_SWITCHES[verb]: _ON_OFF[words[1].lower()] or None}
        )
        return settings_reply(ctx, channel, title=f"{verb} is now {words[1].lower()} in this channel")
    if verb == "tz" and len(words) == 2:
        timezone = check_timezone(words[1])
        settings = ctx.store.update_channel_settings(channel.platform, channel.channel, {"tz": timezone})
        if settings.get("crontab") and ctx.schedules is not None:  # the schedule follows the channel's zone
            ctx.schedules.set_schedule(channel, ScheduleSpec(settings["schedule"], settings["crontab"], timezone))
        return settings_reply(ctx, channel, title=f"Time zone set to {timezone}.")
    if verb == "forget" and len(words) == 2:
        number = typed_number(words[1].lstrip("#"))
        if number is None:
            raise UsageError(messages.USAGE_FORGET())
        if not ctx.store.delete_article(number):
            return Reply.error(messages.NO_SUCH_ARTICLE(number=number))
        return Reply(title=f"Article #{number} and everything read from it are gone.", data={"deleted": number})
    raise UsageError(messages.USAGE_NEWSROOM())
