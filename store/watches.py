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
    """The id of the newest stored article: where a new watch starts.

    Args:
        db: the store's database.

    Returns:
        That id, or 0 for an empty store.
    """
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0]


def add_watch(
    db: Database, platform: str, user: str, kind: str, entity_id: int | None, query: str, verdict: str | None, now: str
) -> tuple[int, bool]:
    """Start a watch that alerts on articles after the newest one; watching the same thing twice keeps one.

    Args:
        db: the store's database.
        platform: the user's platform.
        user: the platform's user id.
        kind: "entity" or "claim".
        entity_id: the watched entity (kind "entity"), else None.
        query: what the user typed.
        verdict: the claim's verdict when the watch began (kind "claim"), else None.
        now: the current time (ISO 8601).

    Returns:
        The watch's id, and whether it is new (False: the user already watched it).
    """
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
    """How many watches a user has.

    Args:
        db: the store's database.
        platform: the user's platform.
        user: the platform's user id.

    Returns:
        The count.
    """
    return db.execute("SELECT COUNT(*) FROM watches WHERE platform = ? AND user = ?", [platform, user]).fetchone()[0]


def user_watches(db: Database, platform: str, user: str) -> list[WatchRow]:
    """A user's watches, oldest first.

    Args:
        db: the store's database.
        platform: the user's platform.
        user: the platform's user id.

    Returns:
        The watches.
    """
    rows = db.execute(
        f"SELECT {_WATCH_COLUMNS} {_WATCH_FROM} WHERE w.platform = ? AND w.user = ? ORDER BY w.id", [platform, user]
    )
    return [WatchRow(*row) for row in rows]


def remove_watch(db: Database, platform: str, user: str, watch_id: int) -> WatchRow | None:
    """Remove one of a user's watches and the alerts recorded for it.

    Args:
        db: the store's database.
        platform: the user's platform.
        user: the platform's user id; another user's watch is never removed.
        watch_id: the watch.

    Returns:
        The watch removed, or None when this user has no such watch.
    """
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
    """Every watched claim on a platform.

    Args:
        db: the store's database.
        platform: the platform.

    Returns:
        The claim watches.
    """
    rows = db.execute(f"SELECT {_WATCH_COLUMNS} {_WATCH_FROM} WHERE w.platform = ? AND w.kind = 'claim'", [platform])
    return [WatchRow(*row) for row in rows]


def sightings(db: Database, platform: str, limit: int = 200) -> list[Sighting]:
    """Watched entities named in articles stored after their watch began and not yet alerted.

    Args:
        db: the store's database.
        platform: the platform whose watches are checked.
        limit: at most this many sightings.

    Returns:
        One per (watch, article): the first sentence naming the entity, oldest article first.
    """
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
    """Claim the alert of a watch for an article before sending it: the one insert that succeeds sends.

    Args:
        db: the store's database.
        watch_id: the watch.
        article_id: the article.
        instance: the claiming process's instance id.
        now: the current time (ISO 8601).

    Returns:
        True when this caller is the one to send the alert.
    """
    cursor = db.execute(
        "INSERT OR IGNORE INTO watch_alerts (watch_id, article_id, instance, sent_at) VALUES (?, ?, ?, ?)",
        [watch_id, article_id, instance, now],
    )
    return cursor.rowcount == 1


def release_alerts(db: Database, pairs: list[tuple[int, int]], instance: str) -> None:
    """Alerts claimed but not delivered: claimable again.

    Args:
        db: the store's database.
        pairs: (watch id, article id) of each alert.
        instance: the instance that claimed them; others' claims stay.
    """
    db.conn.executemany(
        "DELETE FROM watch_alerts WHERE watch_id = ? AND article_id = ? AND instance = ?",
        [(w, a, instance) for w, a in pairs],
    )


def change_verdict(db: Database, watch_id: int, told: str | None, verdict: str, checked: int) -> bool:
    """Record a claim's new verdict, only if nobody recorded another since ``told`` was read.

    Args:
        db: the store's database.
        watch_id: the claim watch.
        told: the verdict the caller read.
        verdict: the new verdict.
        checked: the newest article judged; the mark never moves back.

    Returns:
        True when recorded; False when the stored verdict is no longer ``told``.
    """
    cursor = db.execute(
        "UPDATE watches SET verdict = ?, checked_article_id = MAX(checked_article_id, ?) WHERE id = ? AND verdict IS ?",
        [verdict, checked, watch_id, told],
    )
    return cursor.rowcount == 1


def undo_verdict(db: Database, watch_id: int, verdict: str, told: str | None, checked: int) -> None:
    """Back to the verdict the watcher had heard, when the news of ``verdict`` was not delivered.

    Args:
        db: the store's database.
        watch_id: the claim watch.
        verdict: the verdict recorded but not delivered; only it is undone.
        told: the verdict to restore.
        checked: the newest article judged before the change.
    """
    db.execute(
        "UPDATE watches SET verdict = ?, checked_article_id = ? WHERE id = ? AND verdict IS ?",
        [told, checked, watch_id, verdict],
    )


def mark_checked(db: Database, watch_id: int, checked: int) -> None:
    """Record that a watched claim was judged up to an article.

    Args:
        db: the store's database.
        watch_id: the claim watch.
        checked: the newest article judged; the mark never moves back.
    """
    db.execute("UPDATE watches SET checked_article_id = MAX(checked_article_id, ?) WHERE id = ?", [checked, watch_id])


def _words(name: str) -> set[str]:
    return set(name_key(name).split())


def move_entity_watches(db: Database, to_entity: int, from_entity: int) -> None:
    """Watches follow an entity that merges into another. A user already watching the destination
    keeps that watch.

    Args:
        db: the store's database.
        to_entity: the entity that stays.
        from_entity: the entity merged away.
    """
    db.execute(
        "UPDATE OR IGNORE watches SET entity_id = ? WHERE kind = 'entity' AND entity_id = ?", [to_entity, from_entity]
    )
    db.execute("DELETE FROM watches WHERE kind = 'entity' AND entity_id = ?", [from_entity])


def split_entity_watches(db: Database, new_entity: int, old_entity: int, alias: str, staying: str) -> None:
    """Watches made by the name split off follow it.

    A watch moves when the watched words are all in ``alias`` and not all in the name that stays
    (a watch of "Peskov" follows "Dmitry Peskov" out of "Kremlin").

    Args:
        db: the store's database.
        new_entity: the entity split off.
        old_entity: the entity it was split from.
        alias: the name split off.
        staying: the old entity's name.
    """
    split_off, kept = _words(alias), _words(staying)
    rows = db.execute("SELECT id, query FROM watches WHERE kind = 'entity' AND entity_id = ?", [old_entity])
    for watch_id, query in rows.fetchall():
        words = _words(query)
        if words and words <= split_off and not words <= kept:
            db.execute("UPDATE OR IGNORE watches SET entity_id = ? WHERE id = ?", [new_entity, watch_id])
