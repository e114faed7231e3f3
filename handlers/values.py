"""Value types the handlers share with the bot: a channel, a digest schedule, the scheduler's
protocol.

A leaf of ``handlers``: it imports nothing of the project, so any handler (and the bot) can use
these types without importing the use cases that produce or consume them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

#: The most digits a number typed in chat may have: an article, watch or page number is far shorter,
#: and SQLite's integers end at 19 digits (a longer one raised OverflowError). Set by hand.
MAX_DIGITS = 9


def typed_number(text: str) -> int | None:
    """A number as a user types it, or None. ASCII digits only: ``str.isdigit`` also takes "²",
    which ``int`` refuses; at most ``MAX_DIGITS`` of them, so SQLite's integers never overflow.

    Args:
        text: what the user typed.

    Returns:
        The number, or None when the text is not a short run of ASCII digits.
    """
    if not text or len(text) > MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


@dataclass(frozen=True)
class Channel:
    """A chat channel on a platform; ``str()`` gives "platform:channel"."""

    platform: str
    channel: str
    #: The channel's own name ("newsroom") when the platform said it; not part of its identity.
    name: str | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """How an answer names the channel: "#newsroom", "the console", else "this channel"."""
        if self.name:
            return f"#{self.name.lstrip('#')}"
        return "the console" if self.platform == "console" else "this channel"

    @classmethod
    def parse(cls, text: str | None) -> Channel:
        """Parse "slack:C123" → (slack, C123); a bare name is a console channel.

        Args:
            text: "platform:channel", a bare channel name, or None for the console's.

        Returns:
            The channel.
        """
        platform, _, channel = (text or "console:console").partition(":")
        return cls(platform, channel) if channel else cls("console", platform)

    def __str__(self) -> str:
        return f"{self.platform}:{self.channel}"


@dataclass(frozen=True)
class ScheduleSpec:
    """When a channel gets its digest: a standard five-field crontab line in a time zone."""

    label: str  # as the reporter said it: "daily 08:00"
    crontab: str  # "0 8 * * *" (day of week 0 or 7 = Sunday, as in crontab)
    timezone: str


class Schedules(Protocol):
    """The scheduler as the handlers see it: the bot implements it with APScheduler."""

    def set_schedule(self, channel: Channel, spec: ScheduleSpec) -> datetime | None:
        """Store the schedule, replacing any.

        Args:
            channel: the channel.
            spec: when its digest runs.

        Returns:
            The next run, or None when the scheduler has none planned.

        Raises:
            ValueError: a bad spec.
        """

    def remove_schedule(self, channel: Channel) -> bool:
        """Stop the channel's scheduled digest.

        Args:
            channel: the channel.

        Returns:
            True when there was a schedule to remove.
        """

    def next_run(self, channel: Channel) -> datetime | None:
        """When the channel's digest runs next, for /digest status.

        Args:
            channel: the channel.

        Returns:
            The next run, or None when the channel has no schedule.
        """

    def post_now(self, channel: Channel) -> None:
        """Post the channel's digest as soon as possible, through the same exactly-once path.

        Args:
            channel: the channel.
        """
