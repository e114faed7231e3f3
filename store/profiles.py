"""Bounded reads for an entity's profile: its descriptors grouped and ranked in SQL, and the names
named in the same sentences as it, with the counts a specificity measure needs.

Both read a bounded amount whatever the entity: a newsroom's Putin is described thousands of times,
and folding every pair of those wordings in Python grew with the square of that number; grouping by
the stored key and keeping the best-ranked groups leaves a short list to fold.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from store.records import SOURCE_COLUMNS, Citation, EntitySummary

#: The most articles an overview counts and reads outlets from: a name in 97,000 of 100,000 articles
#: is "in 500 or more", read in a few milliseconds, not counted exactly in a second.
ARTICLES_COUNTED = 500
#: The most descriptor uses ranked, the latest first: what outlets call someone now.
DESCRIPTOR_USES = 200
#: Naming sentences are counted over the latest this many articles (the page count says "or more").
SENTENCE_ARTICLES = 200
#: Statements by and about an entity are counted up to this many.
STATEMENTS_COUNTED = 500


@dataclass(frozen=True)
class DescriptorGroup:
    """One wording (by its stored key) of what outlets call an entity."""

    text: str  # the longest spelling used for this key
    outlets: list[str]  # outlets that used it, the first to use it first
    article_count: int
    first_article_id: int


def ranked_descriptors(db: Database, entity_id: int, limit: int = 40) -> list[DescriptorGroup]:
    """The entity's descriptor wordings, most outlets first, then most articles, at most ``limit``,
    ranked over its latest ``DESCRIPTOR_USES`` descriptor uses.

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
               WHERE d.entity_id = ? ORDER BY d.id DESC LIMIT ?),
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
        [entity_id, DESCRIPTOR_USES, limit],
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


def co_naming(db: Database, entity_id: int, window: int = 25, floor: int = 2) -> CoNaming:
    """Who is named in the same sentence as the entity, over its latest ``window`` articles.

    Args:
        db: the store.
        entity_id: the profiled entity.
        window: how many of its latest articles to read (bounds the cost for the most-named).
        floor: the fewest shared sentences an entity needs to be listed.

    Returns:
        The window's sentence counts and every entity sharing at least ``floor`` sentences.
    """
    rows = db.execute(
        """WITH recent AS (
               SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?)
           SELECT DISTINCT m.article_id, m.sent_start, m.entity_id
           FROM recent r JOIN mentions m ON m.article_id = r.article_id""",
        [entity_id, window],
    ).fetchall()
    sentences: set[tuple[int, int]] = set()
    own: set[tuple[int, int]] = set()
    named: dict[int, int] = {}
    for article_id, sent_start, other in rows:
        sentences.add((article_id, sent_start))
        if other == entity_id:
            own.add((article_id, sent_start))
        else:
            named[other] = named.get(other, 0) + 1
    together: dict[int, int] = {}
    for article_id, sent_start, other in rows:
        if other != entity_id and (article_id, sent_start) in own:
            together[other] = together.get(other, 0) + 1
    kept = [other for other, n in together.items() if n >= floor]
    names = {}
    if kept:
        marks = ",".join("?" * len(kept))
        found = db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", kept)
        names = {i: (n, t) for i, n, t in found}
    others = [CoNamed(*names[o], together[o], named[o]) for o in kept if o in names]
    return CoNaming(len(sentences), len(own), others)


def entity_overview(db: Database, entity_id: int, cap: int = ARTICLES_COUNTED) -> EntitySummary | None:
    """Who the entity is in counts a reporter reads, each read in bounded time: its names, how
    many articles name it (up to ``cap``), the outlets of its latest ``cap`` articles, and the
    earliest of them (by publication date, else the date it was stored) with the first stored.
    ``capped`` says when a count stopped at the cap.

    Args:
        db: the store.
        entity_id: the entity.
        cap: the most articles counted.

    Returns:
        The summary, or None when there is no such entity.
    """
    head = db.execute("SELECT id, name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if head is None:
        return None
    summary = EntitySummary(id=head[0], name=head[1], type=head[2])
    summary.aliases = [
        row[0]
        for row in db.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY length(alias) DESC, alias", [entity_id]
        )
    ]
    recent = """SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?"""
    articles = db.execute(f"SELECT COUNT(*) FROM ({recent})", [entity_id, cap + 1]).fetchone()[0]
    summary.capped = articles > cap
    summary.article_count = min(articles, cap)
    summary.mention_count = db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM mentions WHERE entity_id = ? LIMIT ?)", [entity_id, cap * 10]
    ).fetchone()[0]
    summary.outlets = db.execute(
        f"""WITH recent AS ({recent})
            SELECT COALESCE(o.name, 'unknown outlet'), COUNT(*) FROM recent r JOIN articles a ON a.id = r.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id GROUP BY 1 ORDER BY 2 DESC, 1""",
        [entity_id, cap],
    ).fetchall()
    # The earliest date among the first article stored and the latest ``cap``: every article when
    # the count is not capped; bounded when it is (an outlet's back catalogue ingested late still
    # counts when it is among the latest stored).
    first = db.execute(
        f"""WITH recent AS ({recent}),
                 chosen AS (SELECT article_id FROM recent
                            UNION SELECT MIN(article_id) FROM mentions WHERE entity_id = ?)
            SELECT a.id, COALESCE(a.published, a.ingested_at) AS seen, a.published IS NOT NULL
            FROM chosen c JOIN articles a ON a.id = c.article_id ORDER BY seen, a.id LIMIT 1""",
        [entity_id, cap, entity_id],
    ).fetchone()
    if first:
        summary.first_article_id, summary.first_seen, published = first
        summary.first_published = bool(published)
    return summary


def latest_naming_sentences(db: Database, entity_id: int, limit: int = 8, offset: int = 0) -> list[Citation]:
    """The sentences naming the entity, latest article first, each once, reading only the
    ``offset + limit`` latest articles naming it (each has at least one such sentence).

    Args:
        db: the store.
        entity_id: the entity named.
        limit: how many sentences to return (a page).
        offset: how many of the latest sentences to skip (the pages before).

    Returns:
        The sentences with their sources, latest article first, in text order within an article.
    """
    rows = db.execute(
        f"""WITH recent AS (
               SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?)
           SELECT {SOURCE_COLUMNS}, substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start),
                  m.sent_start, m.sent_end
           FROM recent r JOIN mentions m ON m.article_id = r.article_id AND m.entity_id = ?
           JOIN articles a ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
           GROUP BY m.article_id, m.sent_start
           ORDER BY m.article_id DESC, m.sent_start
           LIMIT ? OFFSET ?""",
        [entity_id, offset + limit, entity_id, limit, offset],
    ).fetchall()
    return [Citation(*row) for row in rows]


def naming_sentences_seen(db: Database, entity_id: int, articles: int = SENTENCE_ARTICLES) -> tuple[int, bool]:
    """How many sentences name the entity in its latest ``articles`` articles, and whether older
    articles name it too (then there are more).

    Args:
        db: the store.
        entity_id: the entity named.
        articles: how many of its latest articles to count over.

    Returns:
        ``(sentences counted, whether older articles name it too)``.
    """
    count, more = db.execute(
        """WITH seen AS (
               SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?),
           recent AS (SELECT article_id FROM seen ORDER BY article_id DESC LIMIT ?)
           SELECT (SELECT COUNT(*) FROM (
                      SELECT 1 FROM recent r JOIN mentions m ON m.article_id = r.article_id AND m.entity_id = ?
                      GROUP BY m.article_id, m.sent_start)),
                  (SELECT COUNT(*) FROM seen) > ?""",
        [entity_id, articles + 1, articles, entity_id, articles],
    ).fetchone()
    return count, bool(more)


def statement_counts_capped(db: Database, entity_id: int, cap: int = STATEMENTS_COUNTED) -> tuple[int, int]:
    """How many statements the entity made and how many others made naming it, each up to ``cap``.

    Args:
        db: the store.
        entity_id: the entity.
        cap: the most statements counted on each side (bounds the cost for the most-quoted).

    Returns:
        ``(statements by the entity, statements naming it by others or by no one named)``.
    """
    by = db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM attributions WHERE speaker_entity_id = ? LIMIT ?)", [entity_id, cap]
    ).fetchone()[0]
    about = db.execute(
        """SELECT COUNT(*) FROM (
               SELECT 1 FROM statement_entities se JOIN statements s ON s.id = se.statement_id
               LEFT JOIN attributions t ON t.id = s.attribution_id
               WHERE se.entity_id = ? AND (t.speaker_entity_id IS NULL OR t.speaker_entity_id != ?) LIMIT ?)""",
        [entity_id, entity_id, cap],
    ).fetchone()[0]
    return by, about
