"""Bounded reads for an entity's profile: its descriptors grouped and ranked in SQL, and the names
named in the same sentences as it, with the counts a specificity measure needs.

Both read a bounded amount whatever the entity: a newsroom's Putin is described thousands of times,
and folding every pair of those wordings in Python grew with the square of that number; grouping by
the stored key and keeping the best-ranked groups leaves a short list to fold.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class DescriptorGroup:
    """One wording (by its stored key) of what outlets call an entity."""

    text: str  # the longest spelling used for this key
    outlets: list[str]  # outlets that used it, the first to use it first
    article_count: int
    first_article_id: int


def ranked_descriptors(db: Database, entity_id: int, limit: int = 40) -> list[DescriptorGroup]:
    """The entity's descriptor wordings, most outlets first, then most articles, at most ``limit``.

    Args:
        db: the store.
        entity_id: the entity described.
        limit: how many wordings to return; the rest are the rarest.

    Returns:
        Groups in rank order (ties broken by the earliest use, never by spelling).
    """
    rows = db.execute(
        """WITH uses AS (
               SELECT d.key, d.text, d.article_id, a.outlet_id,
                      COALESCE(a.published, a.ingested_at) AS seen
               FROM descriptors d JOIN articles a ON a.id = d.article_id
               WHERE d.entity_id = ?),
           ranked AS (
               SELECT key, COUNT(DISTINCT outlet_id) AS outlets, COUNT(DISTINCT article_id) AS articles,
                      MIN(seen) AS first_seen, MIN(article_id) AS first_article
               FROM uses GROUP BY key
               ORDER BY outlets DESC, articles DESC, first_seen, first_article LIMIT ?)
           SELECT r.key, r.articles, r.first_article,
                  (SELECT u.text FROM uses u WHERE u.key = r.key ORDER BY length(u.text) DESC, u.text LIMIT 1),
                  (SELECT group_concat(name, char(31)) FROM (
                      SELECT o.name, MIN(u.seen) AS s FROM uses u JOIN outlets o ON o.id = u.outlet_id
                      WHERE u.key = r.key GROUP BY o.id ORDER BY s, o.id))
           FROM ranked r ORDER BY r.outlets DESC, r.articles DESC, r.first_seen, r.first_article""",
        [entity_id, limit],
    ).fetchall()
    return [
        DescriptorGroup(text, outlets.split("\x1f") if outlets else [], articles, first)
        for _key, articles, first, text, outlets in rows
    ]


@dataclass(frozen=True)
class CoNamed:
    """Another entity named in the same sentences as the profiled one, within its latest articles."""

    name: str
    type: str
    together: int  # sentences naming both
    sentences: int  # sentences naming this one


@dataclass(frozen=True)
class CoNaming:
    """Sentence counts over the profiled entity's latest articles: enough to compute how specific
    each pairing is (pointwise mutual information) without reading the whole store."""

    sentences: int  # sentences naming anyone, in the window
    own: int  # sentences naming the profiled entity
    others: list[CoNamed]


def co_naming(db: Database, entity_id: int, window: int = 300, floor: int = 2) -> CoNaming:
    """Who is named in the same sentence as the entity, over its latest ``window`` articles.

    Args:
        db: the store.
        entity_id: the profiled entity.
        window: how many of its latest articles to read (bounds the cost for the most-named).
        floor: the fewest shared sentences an entity needs to be listed.

    Returns:
        The window's sentence counts and every entity sharing at least ``floor`` sentences.
    """
    totals = db.execute(
        """WITH recent AS (
               SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?)
           SELECT COUNT(DISTINCT m.article_id || ':' || m.sent_start),
                  COUNT(DISTINCT CASE WHEN m.entity_id = ? THEN m.article_id || ':' || m.sent_start END)
           FROM recent r JOIN mentions m ON m.article_id = r.article_id""",
        [entity_id, window, entity_id],
    ).fetchone()
    rows = db.execute(
        """WITH recent AS (
               SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?),
           named AS (
               SELECT DISTINCT m.article_id, m.sent_start, m.entity_id
               FROM recent r JOIN mentions m ON m.article_id = r.article_id),
           own AS (SELECT article_id, sent_start FROM named WHERE entity_id = ?)
           SELECT e.name, e.type, COUNT(o.article_id) AS together, COUNT(*) AS sentences
           FROM named n JOIN entities e ON e.id = n.entity_id
           LEFT JOIN own o ON o.article_id = n.article_id AND o.sent_start = n.sent_start
           WHERE n.entity_id != ?
           GROUP BY n.entity_id HAVING together >= ?""",
        [entity_id, window, entity_id, entity_id, floor],
    ).fetchall()
    return CoNaming(totals[0], totals[1], [CoNamed(*row) for row in rows])
