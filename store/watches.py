"""Watchlists: the names and claims each reporter follows, and the alerts already sent for them.

An alert is claimed by inserting its (watch, article) row before it is sent: the one insert that
succeeds, on whichever instance, sends it; a send that fails releases its rows for a later try.
"""

from __future__ import annotations

from sqlite_utils import Database

from domain import name_key
from store.records import SOURCE_COLUMNS, Sighting, WatchRow

_WATCH_COLUMNS = """w.id, w.platform, w.user, w.kind, w.entity_id, e.name, w.query, w.verdict,
    w.after_article_id, w.checked_article_id, w.created_at"""
_WATCH_FROM = "FROM watches w LEFT JOIN entities e ON e.id = w.entity_id"


def newest_article_id(db: Database) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0]


def add_watch(
    db: Database, platform: str, user: str, kind: str, entity_id: int | None, query: str, verdict: str | None, now: str
) -> tuple[int, bool]:
    """The watch's id, and whether it is new (False: the user already watched it)."""
    with db.atomic():
        newest = newest_article_id(db)
        cursor = db.execute(
            """INSERT OR IGNORE INTO watches (platform, user, kind, entity_id, query, verdict, after_article_id,
                   checked_article_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [platform, user, kind, entity_id, query, verdict, newest, newest, now],
        )
        if cursor.rowcount == 1:
            return cursor.lastrowid, True
        same = "entity_id = ?" if kind == "entity" else "query = ?"
        row = db.execute(
            f"SELECT id FROM watches WHERE platform = ? AND user = ? AND kind = ? AND {same}",
            [platform, user, kind, entity_id if kind == "entity" else query],
        ).fetchone()
        return row[0], False


def count_watches(db: Database, platform: str, user: str) -> int:
    return db.execute("SELECT COUNT(*) FROM watches WHERE platform = ? AND user = ?", [platform, user]).fetchone()[0]


def user_watches(db: Database, platform: str, user: str) -> list[WatchRow]:
    rows = db.execute(
        f"SELECT {_WATCH_COLUMNS} {_WATCH_FROM} WHERE w.platform = ? AND w.user = ? ORDER BY w.id", [platform, user]
    )
    return [WatchRow(*row) for row in rows]


def remove_watch(db: Database, platform: str, user: str, watch_id: int) -> WatchRow | None:
    """The watch removed, or None when this user has no such watch."""
    with db.atomic():
        row = db.execute(
            f"SELECT {_WATCH_COLUMNS} {_WATCH_FROM} WHERE w.id = ? AND w.platform = ? AND w.user = ?",
            [watch_id, platform, user],
        ).fetchone()
        if row is None:
            return None
        db.execute("DELETE FROM watch_alerts WHERE watch_id = ?", [watch_id])
        db.execute("DELETE FROM watches WHERE id = ?", [watch_id])
    return WatchRow(*row)


def claim_watches(db: Database, platform: str) -> list[WatchRow]:
    rows = db.execute(f"SELECT {_WATCH_COLUMNS} {_WATCH_FROM} WHERE w.platform = ? AND w.kind = 'claim'", [platform])
    return [WatchRow(*row) for row in rows]


def sightings(db: Database, platform: str, limit: int = 200) -> list[Sighting]:
    """Watched entities named in articles stored after their watch began and not yet alerted:
    the first sentence naming each, oldest article first."""
    rows = db.execute(
        f"""WITH first AS (
               SELECT w.id AS watch_id, w.user, m.article_id, MIN(m.sent_start) AS sent_start
               FROM watches w JOIN mentions m ON m.entity_id = w.entity_id
               WHERE w.platform = ? AND w.kind = 'entity' AND m.article_id > w.after_article_id
                 AND NOT EXISTS (SELECT 1 FROM watch_alerts x
                                 WHERE x.watch_id = w.id AND x.article_id = m.article_id)
               GROUP BY w.id, m.article_id)
           SELECT {SOURCE_COLUMNS}, substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start),
                  first.watch_id, first.user, e.name
           FROM first JOIN watches w ON w.id = first.watch_id JOIN entities e ON e.id = w.entity_id
           JOIN articles a ON a.id = first.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
           JOIN mentions m ON m.article_id = first.article_id AND m.entity_id = w.entity_id
                AND m.sent_start = first.sent_start
           GROUP BY first.watch_id, first.article_id
           ORDER BY first.article_id, first.watch_id LIMIT ?""",
        [platform, limit],
    )
    return [Sighting(*row) for row in rows]


def claim_alert(db: Database, watch_id: int, article_id: int, instance: str, now: str) -> bool:
    """True when this caller is the one to send the alert of this watch for this article."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO watch_alerts (watch_id, article_id, instance, sent_at) VALUES (?, ?, ?, ?)",
        [watch_id, article_id, instance, now],
    )
    return cursor.rowcount == 1


def release_alerts(db: Database, pairs: list[tuple[int, int]], instance: str) -> None:
    """Alerts claimed but not delivered: claimable again."""
    db.conn.executemany(
        "DELETE FROM watch_alerts WHERE watch_id = ? AND article_id = ? AND instance = ?",
        [(w, a, instance) for w, a in pairs],
    )


def change_verdict(db: Database, watch_id: int, told: str | None, verdict: str, checked: int) -> bool:
    """Record a claim's new verdict, only if nobody recorded another since ``told`` was read."""
    cursor = db.execute(
        "UPDATE watches SET verdict = ?, checked_article_id = MAX(checked_article_id, ?) WHERE id = ? AND verdict IS ?",
        [verdict, checked, watch_id, told],
    )
    return cursor.rowcount == 1


def undo_verdict(db: Database, watch_id: int, verdict: str, told: str | None, checked: int) -> None:
    """Back to the verdict the watcher had heard, when the news of ``verdict`` was not delivered."""
    db.execute(
        "UPDATE watches SET verdict = ?, checked_article_id = ? WHERE id = ? AND verdict IS ?",
        [told, checked, watch_id, verdict],
    )


def mark_checked(db: Database, watch_id: int, checked: int) -> None:
    db.execute("UPDATE watches SET checked_article_id = MAX(checked_article_id, ?) WHERE id = ?", [checked, watch_id])


def _words(name: str) -> set[str]:
    return set(name_key(name).split())


def move_entity_watches(db: Database, to_entity: int, from_entity: int) -> None:
    """Watches follow an entity that merges into another. A user already watching the destination
    keeps that watch."""
    db.execute(
        "UPDATE OR IGNORE watches SET entity_id = ? WHERE kind = 'entity' AND entity_id = ?", [to_entity, from_entity]
    )
    db.execute("DELETE FROM watches WHERE kind = 'entity' AND entity_id = ?", [from_entity])


def split_entity_watches(db: Database, new_entity: int, old_entity: int, alias: str, staying: str) -> None:
    """Watches made by the name split off follow it: the watched words are all in ``alias`` and not
    all in the name that stays (a watch of "Peskov" follows "Dmitry Peskov" out of "Kremlin")."""
    split_off, kept = _words(alias), _words(staying)
    rows = db.execute("SELECT id, query FROM watches WHERE kind = 'entity' AND entity_id = ?", [old_entity])
    for watch_id, query in rows.fetchall():
        words = _words(query)
        if words and words <= split_off and not words <= kept:
            db.execute("UPDATE OR IGNORE watches SET entity_id = ? WHERE id = ?", [new_entity, watch_id])
