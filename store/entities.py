"""Reading entities: candidates for resolution, and the /who lookups (exact, word, similar)."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from sqlite_utils import Database

from domain import KnownEntity, name_key
from store.records import SOURCE_COLUMNS, Citation, EntityMatch, EntitySummary, StatementRow

#: A candidate is described by its latest articles, this many.
PROFILE_ARTICLES = 20


def resolution_candidates(
    db: Database, keys: set[str], skeletons: set[str], surnames: set[str], acronyms: set[str]
) -> list[KnownEntity]:
    """Stored entities an article's names could be (by alias, spelling, surname or a true acronym),
    each with what the linker weighs: aliases, descriptors, latest articles and the names in them.

    Args:
        db: the store's database.
        keys: alias keys (``domain.name_key``) to match exactly.
        skeletons: spelling skeletons, to find the same name spelled another way.
        surnames: surnames, to find a full name from its surname and back.
        acronyms: initials, to find the names a true acronym stands for.

    Returns:
        One ``KnownEntity`` per stored entity matching any of them (aliases, descriptors, its
        latest ``PROFILE_ARTICLES`` articles, their count, the names in them and the latest
        date), in no set order; empty when nothing is asked for or nothing matches.
    """
    clauses, params = [], []
    for column, values in (("key", keys), ("skeleton", skeletons), ("surname", surnames), ("initials", acronyms)):
        values = {v for v in values if v}
        if values:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            params += sorted(values)
    if not clauses:
        return []
    ids = [r[0] for r in db.execute(f"SELECT DISTINCT entity_id FROM aliases WHERE {' OR '.join(clauses)}", params)]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    aliases: dict[int, set[str]] = defaultdict(set)
    for entity_id, alias in db.execute(f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks})", ids):
        aliases[entity_id].add(alias)
    descriptors: dict[int, list[str]] = defaultdict(list)
    titles: dict[int, list[str]] = defaultdict(list)
    for entity_id, text, title in db.execute(
        f"SELECT entity_id, text, MAX(kind = 'title') FROM descriptors WHERE entity_id IN ({marks})"
        " GROUP BY entity_id, key",
        ids,
    ):
        descriptors[entity_id].append(text)
        if title:
            titles[entity_id].append(text)
    profiles = _profiles(db, ids)
    return [
        KnownEntity(
            id=i,
            name=n,
            type=t,
            aliases=tuple(sorted(aliases[i])),
            descriptors=tuple(descriptors[i]),
            titles=tuple(titles[i]),
            **profiles[i],
        )
        for i, n, t in db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", ids)
    ]


def _profiles(db: Database, entity_ids: list[int]) -> dict[int, dict]:
    """Each entity's latest articles, how many it has, the names of the entities in them and the
    latest date; read for all candidates at once, since the candidates of one article share articles."""
    recent = {
        entity_id: [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?",
                [entity_id, PROFILE_ARTICLES],
            )
        ]
        for entity_id in entity_ids
    }
    marks = ",".join("?" * len(entity_ids))
    counts = dict(
        db.execute(
            f"SELECT entity_id, COUNT(DISTINCT article_id) FROM mentions WHERE entity_id IN ({marks}) "
            "GROUP BY entity_id",
            entity_ids,
        ).fetchall()
    )
    named_in: dict[int, set[int]] = defaultdict(set)
    names: dict[int, str] = {}
    published: dict[int, str] = {}
    articles = sorted({a for ids in recent.values() for a in ids})
    for chunk in (articles[i : i + 500] for i in range(0, len(articles), 500)):
        article_marks = ",".join("?" * len(chunk))
        for article_id, entity_id in db.execute(
            f"SELECT DISTINCT article_id, entity_id FROM mentions WHERE article_id IN ({article_marks})", chunk
        ):
            named_in[article_id].add(entity_id)
        published.update(
            db.execute(
                f"SELECT id, published FROM articles WHERE id IN ({article_marks}) AND published IS NOT NULL", chunk
            ).fetchall()
        )
    named_somewhere = sorted(set().union(*named_in.values()))
    for chunk in (named_somewhere[i : i + 500] for i in range(0, len(named_somewhere), 500)):
        names.update(db.execute(f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    keys = {entity_id: name_key(name) for entity_id, name in names.items()}  # once each, not once per neighbour
    # The candidates of one story share their latest articles: the names in them are read once.
    named: dict[tuple[int, ...], tuple[frozenset[str], set[str]]] = {}
    profiles = {}
    for entity_id, ids in recent.items():
        articles_of = tuple(ids)
        if articles_of not in named:
            used = Counter(keys[o] for o in set().union(*(named_in[a] for a in ids)))
            named[articles_of] = (frozenset(used), {k for k, n in used.items() if n > 1})
        every, borne_twice = named[articles_of]
        own = keys.get(entity_id)
        dates = [published[a] for a in ids if a in published]
        profiles[entity_id] = {
            "article_ids": articles_of,
            "article_count": counts.get(entity_id, 0),
            # the names of the other entities: its own stays when another entity bears it too
            "neighbours": every if own in borne_twice else every - {own},
            "latest": max(dates) if dates else None,
        }
    return profiles


def entity_descriptors(db: Database, entity_id: int) -> list[tuple[str, str | None, int]]:
    """(descriptor, outlet, article id) for every time an article described the entity.

    Args:
        db: the store's database.
        entity_id: the entity's id.

    Returns:
        ``(descriptor, outlet or None, article id)`` rows, oldest article first (by publication
        date, or the ingest date when it has none), in the order of the text within one article.
    """
    return db.execute(
        """SELECT d.text, o.name, d.article_id FROM descriptors d
           JOIN articles a ON a.id = d.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE d.entity_id = ? ORDER BY COALESCE(a.published, a.ingested_at), d.start""",
        [entity_id],
    ).fetchall()


def entity_reasons(db: Database, entity_id: int) -> list[tuple[str, str]]:
    """(alias, why it joined) for every name joined to the entity by more than its spelling.

    Args:
        db: the store's database.
        entity_id: the entity's id.

    Returns:
        ``(alias, reason)`` rows, each pair once, in the order they were first recorded.
    """
    return db.execute(
        "SELECT alias, reason FROM entity_links WHERE entity_id = ? GROUP BY alias, reason ORDER BY MIN(id)",
        [entity_id],
    ).fetchall()


def _matches(db: Database, where: str, params: list, how: str) -> list[EntityMatch]:
    rows = db.execute(
        f"""SELECT e.id, e.name, e.type, a.alias,
                   (SELECT COUNT(*) FROM (SELECT DISTINCT m.article_id FROM mentions m  -- capped: #41
                      WHERE m.entity_id = e.id ORDER BY m.article_id DESC LIMIT 500))
            FROM aliases a JOIN entities e ON e.id = a.entity_id
            WHERE {where}""",
        params,
    ).fetchall()
    best: dict[int, EntityMatch] = {}
    for entity_id, name, type_, alias, count in rows:
        best.setdefault(entity_id, EntityMatch(entity_id, name, type_, count, alias, how))
    return sorted(best.values(), key=lambda m: (-m.article_count, m.name))


def exact_matches(db: Database, query: str) -> list[EntityMatch]:
    """Entities with an alias that is the query once both are keyed (``domain.name_key``: case,
    accents and spacing folded).

    Args:
        db: the store's database.
        query: the name as typed.

    Returns:
        The matches (``how`` is ``"exact"``), the entities in most articles first (counted up
        to 500), then by name.
    """
    return _matches(db, "a.key = ?", [name_key(query)], "exact")


def _trigram_hits(db: Database, key: str, any_trigram: bool, limit: int) -> list[str]:
    """Alias keys containing ``key`` (or, with ``any_trigram``, sharing trigrams with it)."""
    if any_trigram:
        grams = {key[i : i + 3] for i in range(len(key) - 2)}
        expression = " OR ".join('"' + g.replace('"', '""') + '"' for g in sorted(grams))
    else:
        expression = '"' + key.replace('"', '""') + '"'
    if not expression:
        return []
    rows = db.execute(
        "SELECT key FROM aliases_fts WHERE aliases_fts MATCH ? ORDER BY rank LIMIT ?",
        [expression, limit],
    ).fetchall()
    return list(dict.fromkeys(row[0] for row in rows))


def word_matches(db: Database, query: str, limit: int = 20) -> list[EntityMatch]:
    """Entities with an alias containing the query as whole words ("Putin" → "Vladimir Putin").

    Args:
        db: the store's database.
        query: the name or word as typed.
        limit: the most matches to return.

    Returns:
        Up to ``limit`` matches (``how`` is ``"word"``), the entities in most articles first;
        empty for a query with no words.
    """
    key = name_key(query)
    if not key:
        return []
    if len(key) < 3:  # too short for the trigram index: the alias table is small enough to scan
        rows = db.execute("SELECT DISTINCT key FROM aliases WHERE key LIKE ? OR key LIKE ?", [f"{key} %", f"% {key}"])
        pool = [r[0] for r in rows]
    else:
        pool = _trigram_hits(db, key, False, 500)
    keys = [k for k in pool if f" {key} " in f" {k} "]
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return _matches(db, f"a.key IN ({marks})", keys, "word")[:limit]


def _ratio_over(key: str, text: str, cutoff: float) -> float:
    """difflib's ratio, or 0 when its cheap upper bounds already fall under ``cutoff`` (#41: /who
    for a typo spent most of its time here)."""
    matcher = difflib.SequenceMatcher(None, key, text)
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return 0.0
    return matcher.ratio()


def similar_matches(db: Database, query: str, limit: int = 5, cutoff: float = 0.75) -> list[EntityMatch]:
    """Entities whose alias is spelled like the query: the "did you mean" list for typos.

    Args:
        db: the store's database.
        query: the name as typed.
        limit: the most matches to return.
        cutoff: the least ``difflib`` similarity (0 to 1) between the query's key and an alias
            key, or one word of it.

    Returns:
        Up to ``limit`` matches (``how`` is ``"similar"``), the closest spelling first; empty for a
        query shorter than three characters once keyed.
    """
    key = name_key(query)
    if len(key) < 3:
        return []
    pool = _trigram_hits(db, key, True, 200)
    scored = []
    for candidate in pool:
        words = candidate.split()
        ratio = max(_ratio_over(key, text, cutoff) for text in [candidate, *words])
        if ratio >= cutoff:
            scored.append((ratio, candidate))
    keys = [k for _, k in sorted(scored, reverse=True)][: limit * 3]
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    order = {k: i for i, k in enumerate(keys)}
    found = _matches(db, f"a.key IN ({marks})", keys, "similar")
    return sorted(found, key=lambda m: order.get(name_key(m.matched), 99))[:limit]


def entity_summary(db: Database, entity_id: int) -> EntitySummary | None:
    """An entity's name, type, aliases, counts, outlets and first article, counted in full.

    Args:
        db: the store's database.
        entity_id: the entity's id.

    Returns:
        The summary (aliases longest first; outlets with most articles first, "unknown outlet"
        for articles without one), or None when there is no such entity.
    """
    head = db.execute("SELECT id, name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if head is None:
        return None
    summary = EntitySummary(id=head[0], name=head[1], type=head[2])
    summary.aliases = [
        row[0]
        for row in db.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY length(alias) DESC, alias",
            [entity_id],
        )
    ]
    outlet_rows = db.execute(
        """SELECT COALESCE(o.name, 'unknown outlet'), COUNT(DISTINCT m.article_id),
                  MIN(COALESCE(a.published, a.ingested_at))
           FROM mentions m JOIN articles a ON a.id = m.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE m.entity_id = ? GROUP BY 1 ORDER BY 2 DESC, 1""",
        [entity_id],
    ).fetchall()
    summary.outlets = [(name, count) for name, count, _ in outlet_rows]
    totals = db.execute(
        "SELECT COUNT(DISTINCT article_id), COUNT(*) FROM mentions WHERE entity_id = ?",
        [entity_id],
    ).fetchone()
    summary.article_count, summary.mention_count = totals
    first = db.execute(
        """SELECT a.id, COALESCE(a.published, a.ingested_at) AS seen, a.published IS NOT NULL FROM mentions m
           JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?
           ORDER BY seen, a.id LIMIT 1""",
        [entity_id],
    ).fetchone()
    if first:
        summary.first_article_id, summary.first_seen, published = first
        summary.first_published = bool(published)
    return summary


def naming_sentences(db: Database, entity_id: int, limit: int = 10, offset: int = 0) -> list[Citation]:
    """The sentences that name the entity, newest articles first, each sentence once.

    Args:
        db: the store's database.
        entity_id: the entity's id.
        limit: the most sentences to return.
        offset: how many sentences to skip, for the next page.

    Returns:
        The sentences with their article's source, in text order within one article.
    """
    rows = db.execute(
        f"""SELECT {SOURCE_COLUMNS}, substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start),
                  m.sent_start, m.sent_end
           FROM mentions m JOIN articles a ON a.id = m.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE m.entity_id = ?
           GROUP BY m.article_id, m.sent_start
           ORDER BY COALESCE(a.published, a.ingested_at) DESC, a.id DESC, m.sent_start
           LIMIT ? OFFSET ?""",
        [entity_id, limit, offset],
    ).fetchall()
    return [Citation(*row) for row in rows]


def naming_sentence_count(db: Database, entity_id: int) -> int:
    """How many sentences name the entity (what ``naming_sentences`` pages through).

    Args:
        db: the store's database.
        entity_id: the entity's id.

    Returns:
        The number of distinct sentences, over all its articles.
    """
    return db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM mentions WHERE entity_id = ? GROUP BY article_id, sent_start)",
        [entity_id],
    ).fetchone()[0]


def related_entities(db: Database, entity_id: int, limit: int = 5, window: int = 500) -> list[tuple[str, str, int]]:
    """Entities most often named with this one, over its latest ``window`` articles.

    Args:
        db: the store's database.
        entity_id: the entity's id.
        limit: the most entities to return.
        window: how many of its latest articles (by id) to count in.

    Returns:
        ``(name, type, articles together)`` rows, the most articles first, then by name.
    """
    return db.execute(
        """WITH recent AS (
               SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?
               ORDER BY article_id DESC LIMIT ?)
           SELECT e.name, e.type, COUNT(DISTINCT m.article_id) AS together
           FROM recent r JOIN mentions m ON m.article_id = r.article_id
           JOIN entities e ON e.id = m.entity_id
           WHERE m.entity_id != ?
           GROUP BY e.id ORDER BY together DESC, e.name LIMIT ?""",
        [entity_id, window, entity_id, limit],
    ).fetchall()


def text_search(db: Database, query: str, limit: int = 5) -> list[Citation]:
    """Sentences whose words match the query, for names no entity carries.

    Args:
        db: the store's database.
        query: the words as typed; every word must be in the sentence.
        limit: the most sentences to return.

    Returns:
        The stored statements (sentences) that match, best full-text rank first; empty for a
        query with no words.
    """
    words = [w for w in name_key(query).split() if w]
    if not words:
        return []
    expression = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = db.execute(
        f"""SELECT {SOURCE_COLUMNS}, s.text, s.start, s."end"
           FROM statements_fts f JOIN statements s ON s.id = f.rowid
           JOIN articles a ON a.id = s.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE statements_fts MATCH ? ORDER BY f.rank LIMIT ?""",
        [expression, limit],
    ).fetchall()
    return [Citation(*row) for row in rows]


STATEMENT_COLUMNS = f"""{SOURCE_COLUMNS}, substr(a.text, s.sent_start + 1, s.sent_end - s.sent_start),
    s.id, s.kind, s.text, COALESCE(speaker_entity.name, t.speaker), t.speaker_type,
    t.speaker_entity_id, t.cue, t.cue_lemma, a.ingested_at, s.lemmas, s.names, speaker_entity.type"""
STATEMENT_JOINS = """FROM statements s JOIN articles a ON a.id = s.article_id
    LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN attributions t ON t.id = s.attribution_id
    LEFT JOIN entities speaker_entity ON speaker_entity.id = t.speaker_entity_id"""


def statements_by(db: Database, entity_id: int, limit: int = 5) -> list[StatementRow]:
    """What the entity said, the attributions the scorer is surest of first.

    Args:
        db: the store's database.
        entity_id: the entity's id.
        limit: the most statements to return.

    Returns:
        The statements attributed to the entity as speaker, highest confidence first, then the
        latest.
    """
    rows = db.execute(
        f"""WITH chosen AS (
               SELECT id, confidence FROM attributions INDEXED BY attributions_speaker_confidence
               WHERE speaker_entity_id = ?
               ORDER BY confidence DESC, id DESC LIMIT ?)
            SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS} JOIN chosen ON chosen.id = s.attribution_id
            ORDER BY chosen.confidence DESC, chosen.id DESC""",
        [entity_id, limit],
    ).fetchall()
    return [StatementRow(*row) for row in rows]


def statements_about(db: Database, entity_id: int, limit: int = 5) -> list[StatementRow]:
    """What others said naming the entity, latest first; sentences of fact fill any room left.

    Args:
        db: the store's database.
        entity_id: the entity's id.
        limit: the most statements to return.

    Returns:
        Statements that name the entity and are not its own: attributed ones latest stored
        first, then unattributed sentences of fact, latest first.
    """
    found: list[StatementRow] = []
    for kind in ("attributed", "fact"):
        rows = db.execute(
            f"""WITH chosen AS (
                   SELECT se.statement_id AS id FROM statement_entities se
                   JOIN statements s ON s.id = se.statement_id
                   LEFT JOIN attributions t ON t.id = s.attribution_id
                   WHERE se.entity_id = ? AND s.kind = ?
                     AND (t.speaker_entity_id IS NULL OR t.speaker_entity_id != ?)
                   ORDER BY se.statement_id DESC LIMIT ?)
                SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS} JOIN chosen ON chosen.id = s.id
                ORDER BY s.id DESC""",
            [entity_id, kind, entity_id, limit - len(found)],
        ).fetchall()
        found += [StatementRow(*row) for row in rows]
        if len(found) >= limit:
            break
    return found


def statement_counts(db: Database, entity_id: int) -> tuple[int, int]:
    """How many statements ``statements_by`` and ``statements_about`` could page through.

    Args:
        db: the store's database.
        entity_id: the entity's id.

    Returns:
        ``(by, about)``: the attributions with the entity as speaker, and the statements of any
        kind that name it and are not its own.
    """
    by = db.execute(
        "SELECT COUNT(*) FROM attributions INDEXED BY attributions_speaker_confidence WHERE speaker_entity_id = ?",
        [entity_id],
    ).fetchone()[0]
    about = db.execute(
        """SELECT COUNT(*) FROM statement_entities se JOIN statements s ON s.id = se.statement_id
           LEFT JOIN attributions t ON t.id = s.attribution_id
           WHERE se.entity_id = ? AND (t.speaker_entity_id IS NULL OR t.speaker_entity_id != ?)""",
        [entity_id, entity_id],
    ).fetchone()[0]
    return by, about
