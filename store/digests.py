"""What a digest covers: the articles after a channel's watermark, and what first appeared in them."""

from __future__ import annotations

from sqlite_utils import Database


def channel_watermark(db: Database, platform: str, channel: str) -> int:
    """The newest article a channel's digests have covered.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.

    Returns:
        That article's id, or 0 before the channel's first digest.
    """
    row = db.execute(
        "SELECT last_article_id FROM channels WHERE platform = ? AND channel = ?", [platform, channel]
    ).fetchone()
    return row[0] if row else 0


def advance_watermark(db: Database, platform: str, channel: str, article_id: int, now: str) -> None:
    """Move the watermark forward (never back) once a digest up to ``article_id`` was posted.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.
        article_id: the newest article the posted digest covered.
        now: when it was posted (ISO 8601), kept as the channel's last digest time.
    """
    with db.atomic():
        db.execute(
            "INSERT INTO channels (platform, channel, last_article_id, last_digest_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (platform, channel) DO UPDATE SET "
            "last_article_id = MAX(last_article_id, excluded.last_article_id), "
            "last_digest_at = excluded.last_digest_at",
            [platform, channel, article_id, now],
        )


def claim_window(db: Database, platform: str, channel: str, instance: str, now: str, expires_at: str) -> int | None:
    """Hold the channel's one running digest for a lease; expired leases are dropped first.

    Run inside BEGIN IMMEDIATE: the check and the claim are one step.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.
        instance: the claiming process's instance id.
        now: the current time (ISO 8601).
        expires_at: when the lease ends if it is never released.

    Returns:
        The watermark to start from, or None while another holder's lease runs.
    """
    db.execute(
        "DELETE FROM digest_windows WHERE platform = ? AND channel = ? AND expires_at <= ?", [platform, channel, now]
    )
    cursor = db.execute(
        "INSERT OR IGNORE INTO digest_windows (platform, channel, instance, claimed_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [platform, channel, instance, now, expires_at],
    )
    return channel_watermark(db, platform, channel) if cursor.rowcount == 1 else None


def release_window(
    db: Database, platform: str, channel: str, instance: str, posted_until: int | None, now: str
) -> None:
    """Let go of the channel's running digest, first advancing the watermark when the post went out.

    Args:
        db: the store's database.
        platform: the channel's platform.
        channel: the platform's channel id.
        instance: the instance that held it.
        posted_until: the newest article posted, or None when nothing was posted (the next digest
            covers the same articles).
        now: the current time (ISO 8601).
    """
    if posted_until is not None:
        advance_watermark(db, platform, channel, posted_until, now)
    db.execute(
        "DELETE FROM digest_windows WHERE platform = ? AND channel = ? AND instance = ?", [platform, channel, instance]
    )


def release_instance(db: Database, instance: str) -> int:
    """On shutdown: drop this instance's running digests and its unfinished slot claims.

    So another instance (or this one after restart) may post them.

    Args:
        db: the store's database.
        instance: the instance shutting down.

    Returns:
        How many windows and claims were released.
    """
    windows = db.execute("DELETE FROM digest_windows WHERE instance = ?", [instance]).rowcount
    slots = db.execute("DELETE FROM digest_claims WHERE instance = ? AND status = 'claimed'", [instance]).rowcount
    return windows + slots


def held_windows(db: Database) -> list[tuple[str, str, str, str]]:
    """The digests running now.

    Args:
        db: the store's database.

    Returns:
        (platform, channel, instance, expires_at) of each.
    """
    return db.execute("SELECT platform, channel, instance, expires_at FROM digest_windows ORDER BY 1, 2").fetchall()


def window_articles(db: Database, after_id: int, since: str | None, until_id: int | None) -> list[tuple]:
    """The articles in a digest's window, oldest first.

    Args:
        db: the store's database.
        after_id: the watermark; only later articles count.
        since: if given, only articles ingested at or after this time (ISO 8601).
        until_id: if given, only articles up to this id.

    Returns:
        (id, outlet, title, URL or source, published, ingested_at) of each.
    """
    clauses, params = ["a.id > ?"], [after_id]
    if since:
        clauses.append("a.ingested_at >= ?")
        params.append(since)
    if until_id is not None:
        clauses.append("a.id <= ?")
        params.append(until_id)
    return db.execute(
        f"""SELECT a.id, o.name, a.title, COALESCE(a.url, a.source), a.published, a.ingested_at
            FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
            WHERE {" AND ".join(clauses)} ORDER BY a.id""",
        params,
    ).fetchall()


def first_seen_entities(db: Database, article_ids: list[int]) -> list[tuple]:
    """People and organisations whose first article is in the window: a digest's new names.

    Args:
        db: the store's database.
        article_ids: the window's articles.

    Returns:
        (id, name, type, first_article_id, mentions) of each, people first, most named first.
    """
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    return db.execute(
        f"""SELECT e.id, e.name, e.type, e.first_article_id,
                   (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n
            FROM entities e WHERE e.first_article_id IN ({marks}) AND e.type IN ('PERSON', 'ORG')
            ORDER BY e.type = 'PERSON' DESC, n DESC, e.name""",
        article_ids,
    ).fetchall()


def window_disagreements(db: Database, article_ids: list[int]) -> list[tuple]:
    """Denials and doubts in the window: where disputed claims start.

    Args:
        db: the store's database.
        article_ids: the window's articles.

    Returns:
        (statement id, sentence) of each, in statement order.
    """
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    return db.execute(
        f"""SELECT s.id, substr(a.text, s.sent_start + 1, s.sent_end - s.sent_start)
            FROM statements s JOIN attributions t ON t.id = s.attribution_id JOIN articles a ON a.id = s.article_id
            WHERE s.article_id IN ({marks})
              AND (t.cue_lemma IN ('deny', 'reject', 'dispute', 'refute', 'dismiss', 'contradict', 'rebut')
                   OR s.text LIKE '%only one%' OR s.text LIKE '%only once%' OR s.text LIKE '%corroborate%'
                   OR s.text LIKE '%not true%' OR s.text LIKE '%false%')
            ORDER BY s.id""",
        article_ids,
    ).fetchall()


def anonymous_count(db: Database, article_ids: list[int]) -> int:
    """How many attributions in these articles quote an anonymous source.

    Args:
        db: the store's database.
        article_ids: the articles.

    Returns:
        The count (0 for no articles).
    """
    if not article_ids:
        return 0
    marks = ",".join("?" * len(article_ids))
    return db.execute(
        f"SELECT COUNT(*) FROM attributions WHERE article_id IN ({marks}) AND speaker_type = 'anonymous'", article_ids
    ).fetchone()[0]


def claims_disputed_by(db: Database, statement_id: int, limit: int = 2) -> list[tuple[int, str]]:
    """The claims a denial or doubt answers: statements naming two or more of the entities it names.

    "Peskov: only one call" answers "Musk has been in regular contact with Putin". Other denials
    are left out.

    Args:
        db: the store's database.
        statement_id: the denial or doubt (its speaker counts among the entities it names).
        limit: at most this many claims.

    Returns:
        (statement id, text) of each, those sharing the most entities first.
    """
    return db.execute(
        """WITH named AS (
               SELECT entity_id FROM statement_entities WHERE statement_id = ?
               UNION SELECT speaker_entity_id FROM attributions t JOIN statements s ON s.attribution_id = t.id
               WHERE s.id = ? AND speaker_entity_id IS NOT NULL)
           SELECT s.id, s.text FROM statement_entities se JOIN statements s ON s.id = se.statement_id
           LEFT JOIN attributions t ON t.id = s.attribution_id
           WHERE se.entity_id IN (SELECT entity_id FROM named) AND s.id != ?
             AND COALESCE(t.cue_lemma, '') NOT IN ('deny', 'reject', 'dispute', 'refute', 'dismiss')
           GROUP BY s.id HAVING COUNT(DISTINCT se.entity_id) >= 2
           ORDER BY COUNT(DISTINCT se.entity_id) DESC, s.kind = 'fact' DESC, s.id LIMIT ?""",
        [statement_id, statement_id, statement_id, limit],
    ).fetchall()


def outlet_mentions(db: Database, article_ids: list[int]) -> list[tuple[str, str, int]]:
    """People and organisations named in the window's articles, by outlet.

    Args:
        db: the store's database.
        article_ids: the window's articles.

    Returns:
        (entity name, outlet or "unknown outlet", mentions) of each pair.
    """
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    return db.execute(
        f"""SELECT e.name, COALESCE(o.name, 'unknown outlet'), COUNT(*)
            FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id
            WHERE m.article_id IN ({marks}) AND e.type IN ('PERSON', 'ORG')
            GROUP BY e.id, o.id""",
        article_ids,
    ).fetchall()
