"""Per-channel settings (ingest on post, digest schedule, time zone) and digest claims."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sqlite_utils import Database


def channel_settings(db: Database, platform: str, channel: str) -> dict[str, Any]:
    row = db.execute("SELECT settings FROM channels WHERE platform = ? AND channel = ?", [platform, channel]).fetchone()
    return json.loads(row[0]) if row else {}


def update_channel_settings(db: Database, platform: str, channel: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Merge ``changes`` into the channel's settings (a None value removes a key); returns the result."""
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
    """(platform, channel, settings) of channels whose settings have ``key``."""
    rows = db.execute(
        "SELECT platform, channel, settings FROM channels WHERE json_extract(settings, ?) IS NOT NULL",
        [f"$.{key}"],
    ).fetchall()
    return [(platform, channel, json.loads(settings)) for platform, channel, settings in rows]


def last_digest_at(db: Database, platform: str, channel: str) -> str | None:
    row = db.execute(
        "SELECT last_digest_at FROM channels WHERE platform = ? AND channel = ?", [platform, channel]
    ).fetchone()
    return row[0] if row else None


def claim_digest(db: Database, platform: str, channel: str, slot: str, instance: str, now: str) -> bool:
    """True when this instance is the first to claim the slot; the unique key decides the race."""
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
    with db.atomic():
        db.execute(
            "UPDATE digest_claims SET status = ?, until_article_id = ?, finished_at = ? "
            "WHERE platform = ? AND channel = ? AND slot = ?",
            [status, until_article_id, now, platform, channel, slot],
        )


def digest_claims(db: Database, platform: str, channel: str) -> list[tuple[str, str, str]]:
    """(slot, instance, status) of a channel's claims, oldest first."""
    return db.execute(
        "SELECT slot, instance, status FROM digest_claims WHERE platform = ? AND channel = ? ORDER BY id",
        [platform, channel],
    ).fetchall()


def first_sight(db: Database, platform: str, event_id: str, now: str, forget_before: str) -> bool:
    """True the first time an event id is seen; ids older than ``forget_before`` are dropped."""
    with db.atomic():
        db.execute("DELETE FROM seen_events WHERE seen_at < ?", [forget_before])
        cursor = db.execute(
            "INSERT OR IGNORE INTO seen_events (platform, event_id, seen_at) VALUES (?, ?, ?)",
            [platform, event_id, now],
        )
    return cursor.rowcount == 1
