"""Crontab lines as reporters write them, turned into APScheduler 3 triggers.

APScheduler 3 counts weekdays from Monday = 0, crontab from Sunday = 0 (its own docs warn of it), so
``0 8 * * 1-5`` would fire Tuesday to Saturday. Day-of-week numbers are rewritten as names first.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from bot import messages

_DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _day(text: str) -> int:
    text = text.lower()
    if text.isdigit() and 0 <= int(text) <= 7:
        return int(text) % 7
    if text[:3] in _DAY_NAMES:
        return _DAY_NAMES.index(text[:3])
    raise ValueError(messages.NOT_A_WEEKDAY(text=text))


def _days(item: str) -> set[int]:
    span, _, step_text = item.partition("/")
    step = int(step_text) if step_text.isdigit() and int(step_text) > 0 else None
    if step_text and step is None:
        raise ValueError(messages.BAD_STEP(item=item))
    if span == "*":
        first, last = 0, 6
    elif "-" in span:
        start, end = span.split("-", 1)
        first, last = _day(start), _day(end)
        if end in ("7",):  # "5-7" is Friday to Sunday
            last = 7
    else:
        first = last = _day(span)
    if last < first:
        raise ValueError(messages.RUNS_BACKWARDS(item=item))
    return {d % 7 for d in range(first, last + 1, step or 1)}


def crontab_weekdays(field: str) -> str:
    """A crontab day-of-week field in APScheduler's words: ``1-5`` → ``mon,tue,wed,thu,fri``."""
    if field == "*":
        return "*"
    days: set[int] = set()
    for item in field.split(","):
        days |= _days(item)
    ordered = sorted(days, key=lambda d: (d - 1) % 7)  # Monday first, for readability
    return ",".join(_DAY_NAMES[d] for d in ordered)


def cron_trigger(crontab: str, timezone: str) -> CronTrigger:
    """A CronTrigger for a standard five-field line in a named zone; ValueError says what is wrong."""
    fields = crontab.split()
    if len(fields) != 5:
        raise ValueError(messages.CRON_FIELDS(count=len(fields)))
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(messages.CRON_TIMEZONE(timezone=timezone)) from None
    minute, hour, day, month, weekday = fields
    return CronTrigger(
        minute=minute, hour=hour, day=day, month=month, day_of_week=crontab_weekdays(weekday), timezone=zone
    )
