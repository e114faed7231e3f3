"""A reporter's words for a digest schedule ("daily 08:00") parsed into a ``ScheduleSpec``.

Handlers stay free of the scheduling library: they hand the spec to the ``Schedules`` protocol
(``handlers.values``), which the bot implements with APScheduler and tests with a fake.
"""

from __future__ import annotations

import re

from handlers import messages
from handlers.errors import UsageError
from handlers.values import ScheduleSpec

_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)$")


def _clock(text: str) -> tuple[int, int]:
    match = _CLOCK.match(text.strip())
    if not match:
        raise UsageError(messages.NOT_A_TIME(text=text[:20]))
    return int(match.group(1)), int(match.group(2))


def parse_schedule(words: list[str], timezone: str) -> ScheduleSpec:
    """``daily 08:00``, ``weekdays 07:30``, ``cron "0 8 * * 1-5"`` → a ScheduleSpec.

    Args:
        words: the schedule's words, as the reporter typed them after /digest.
        timezone: the channel's time zone.

    Returns:
        The schedule: its label, crontab line and time zone.

    Raises:
        UsageError: the words are no schedule, or the time is no time of day.
    """
    kind = words[0].lower()
    if kind in ("daily", "weekdays") and len(words) == 2:
        hour, minute = _clock(words[1])
        days = "*" if kind == "daily" else "1-5"
        return ScheduleSpec(f"{kind} {hour:02d}:{minute:02d}", f"{minute} {hour} * * {days}", timezone)
    if kind == "cron" and len(words) == 6:
        crontab = " ".join(words[1:])
        return ScheduleSpec(f"cron {crontab}", crontab, timezone)
    raise UsageError(messages.USAGE_DIGEST())
