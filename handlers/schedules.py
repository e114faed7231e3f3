"""What the digest commands need from a scheduler; the bot supplies one (APScheduler), tests a fake.

Handlers stay free of the scheduling library: they parse a reporter's words into a ``ScheduleSpec``
and hand it over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from handlers.digest import Channel
from handlers.errors import UsageError

_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)$")


@dataclass(frozen=True)
class ScheduleSpec:
    """When a channel gets its digest: a standard five-field crontab line in a time zone."""

    label: str  # as the reporter said it: "daily 08:00"
    crontab: str  # "0 8 * * *" (day of week 0 or 7 = Sunday, as in crontab)
    timezone: str


class Schedules(Protocol):
    def set_schedule(self, channel: Channel, spec: ScheduleSpec) -> datetime | None:
        """Store the schedule (replacing any); returns the next run. ValueError: a bad spec."""

    def remove_schedule(self, channel: Channel) -> bool:
        """True when there was a schedule to remove."""

    def next_run(self, channel: Channel) -> datetime | None: ...

    def post_now(self, channel: Channel) -> None:
        """Post the channel's digest as soon as possible, through the same exactly-once path."""


def _clock(text: str) -> tuple[int, int]:
    match = _CLOCK.match(text.strip())
    if not match:
        raise UsageError(f"“{text[:20]}” is not a time of day; write it as 08:00")
    return int(match.group(1)), int(match.group(2))


def parse_schedule(words: list[str], timezone: str) -> ScheduleSpec:
    """``daily 08:00``, ``weekdays 07:30``, ``cron "0 8 * * 1-5"`` → a ScheduleSpec."""
    kind = words[0].lower()
    if kind in ("daily", "weekdays") and len(words) == 2:
        hour, minute = _clock(words[1])
        days = "*" if kind == "daily" else "1-5"
        return ScheduleSpec(f"{kind} {hour:02d}:{minute:02d}", f"{minute} {hour} * * {days}", timezone)
    if kind == "cron" and len(words) == 6:
        crontab = " ".join(words[1:])
        return ScheduleSpec(f"cron {crontab}", crontab, timezone)
    raise UsageError(
        'Usage: /digest daily 08:00 · /digest weekdays 07:30 · /digest cron "0 8 * * 1-5" · '
        "/digest off · /digest status · /digest now"
    )
