"""Crontab weekdays mean what crontab says, not APScheduler 3's Monday-first numbering."""

from datetime import UTC, datetime

import pytest

from bot.cron import cron_trigger, crontab_weekdays


@pytest.mark.parametrize(
    "field, expected",
    [("1-5", "mon,tue,wed,thu,fri"), ("0", "sun"), ("7", "sun"), ("5-7", "fri,sat,sun"), ("sat,sun", "sat,sun")],
)
def test_weekday_fields(field, expected):
    assert crontab_weekdays(field) == expected


def test_weekdays_at_eight_in_berlin_fire_monday_across_the_weekend():
    trigger = cron_trigger("0 8 * * 1-5", "Europe/Berlin")
    after_friday = trigger.get_next_fire_time(None, datetime(2026, 11, 20, 9, tzinfo=UTC))
    assert after_friday.strftime("%a %H:%M %Z") == "Mon 08:00 CET"


def test_daylight_saving_keeps_the_local_hour():
    trigger = cron_trigger("0 8 * * *", "Europe/Berlin")
    before = trigger.get_next_fire_time(None, datetime(2026, 3, 27, 12, tzinfo=UTC))
    after = trigger.get_next_fire_time(None, datetime(2026, 3, 29, 12, tzinfo=UTC))
    assert (before.hour, after.hour) == (8, 8) and before.utcoffset() != after.utcoffset()


@pytest.mark.parametrize("line", ["0 8 * *", "0 25 * * *", "0 8 * * 5-2", "0 8 * * funday"])
def test_bad_lines_say_why(line):
    with pytest.raises(ValueError):
        cron_trigger(line, "UTC")
