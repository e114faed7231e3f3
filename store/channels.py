"""Per-channel settings (ingest on post, digest schedule, time zone) and digest claims."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sqlite_utils import Database


def channel_settings(db: Database, platform: str, channel: str) -> dict[str, Any]:
    """A channel's settings as stored.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.

    Returns:
        The settings, or an empty dict for a channel never configured.
    """
    row = db.execute("SELECT settings FROM channels WHERE platform = ? AND channel = ?", [platform, channel]).fetchone()
    return json.loads(row[0]) if row else {}


def update_channel_settings(db: Database, platform: str, channel: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Merge ``changes`` into the channel's settings (a None value removes a key).

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.
        changes: the settings to set or (with None) remove.

    Returns:
        The channel's settings after the change.
    """
    with db.atomic():
        settings = channel_settings(db, platform, channel)
        for key, value in changes.items():
            if value is None:
                settings.pop(key, None)
            else:
                settings[key] = value
        db.execute(
            "INSERT INTO channels (platform, channel, settings) VALUES (?, ?, ?) "
            "ON CONFLICT (platform, channel) DO UPDATE SET settings = excluded.settings",
            [platform, channel, json.dumps(settings, sort_keys=True)],
        )
    return settings


def channels_with(db: Database, key: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The channels whose settings have ``key``.

    Args:
        db: the store's database.
        key: the setting's name.

    Returns:
        (platform, channel, settings) of each.
    """
    rows = db.execute(
        "SELECT platform, channel, settings FROM channels WHERE json_extract(settings, ?) IS NOT NULL",
        [f"$.{key}"],
    ).fetchall()
    return [(platform, channel, json.loads(settings)) for platform, channel, settings in rows]


def last_digest_at(db: Database, platform: str, channel: str) -> str | None:
    """When a digest was last posted to a channel.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.

    Returns:
        The time (ISO 8601), or None when none was ever posted.
    """
    row = db.execute(
        "SELECT last_digest_at FROM channels WHERE platform = ? AND channel = ?", [platform, channel]
    ).fetchone()
    return row[0] if row else None


def claim_digest(db: Database, platform: str, channel: str, slot: str, instance: str, now: str) -> bool:
    """Claim a scheduled digest slot; the unique key decides the race between instances.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.
        slot: the scheduled time the digest is for.
        instance: the claiming process's instance id.
        now: the current time (ISO 8601).

    Returns:
        True when this instance is the first to claim the slot.
    """
    try:
        with db.atomic():
            db.execute(
                "INSERT INTO digest_claims (platform, channel, slot, instance, claimed_at) VALUES (?, ?, ?, ?, ?)",
                [platform, channel, slot, instance, now],
            )
    except sqlite3.IntegrityError:
        return False
    return True


def finish_claim(
    db: Database, platform: str, channel: str, slot: str, status: str, until_article_id: int | None, now: str
) -> None:
    """Record how a claimed digest slot ended.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.
        slot: the slot claimed.
        status: how it ended: "posted", "empty", "busy" or "failed".
        until_article_id: the newest article the digest covered, or None.
        now: the current time (ISO 8601).
    """
    with db.atomic():
        db.execute(
            "UPDATE digest_claims SET status = ?, until_article_id = ?, finished_at = ? "
            "WHERE platform = ? AND channel = ? AND slot = ?",
            [status, until_article_id, now, platform, channel, slot],
        )


def digest_claims(db: Database, platform: str, channel: str) -> list[tuple[str, str, str]]:
    """A channel's digest slot claims, oldest first.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.

    Returns:
        (slot, instance, status) of each claim.
    """
    return db.execute(
        "SELECT slot, instance, status FROM digest_claims WHERE platform = ? AND channel = ? ORDER BY id",
        [platform, channel],
    ).fetchall()


def first_sight(db: Database, platform: str, event_id: str, now: str, forget_before: str) -> bool:
    """Whether an event id is new; ids older than ``forget_before`` are dropped first.

    Args:
        db: the store's database.
        platform: the platform the event came from.
        event_id: the platform's id for the event.
        now: the current time (ISO 8601), recorded as when it was seen.
        forget_before: ids seen before this time are forgotten.

    Returns:
        True the first time the id is seen; False for a repeat.
    """
    with db.atomic():
        db.execute("DELETE FROM seen_events WHERE seen_at < ?", [forget_before])
        cursor = db.execute(
            "INSERT OR IGNORE INTO seen_events (platform, event_id, seen_at) VALUES (?, ?, ?)",
            [platform, event_id, now],
        )
    return cursor.rowcount == 1
