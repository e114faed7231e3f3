"""Finding the statements a claim is about: full-text ranking plus the entities they name."""

from __future__ import annotations

import sqlite3
import weakref
from collections import defaultdict

from sqlite_utils import Database

from store.entities import STATEMENT_COLUMNS, STATEMENT_JOINS
from store.records import StatementRow


def unparsable(error: sqlite3.OperationalError) -> bool:
    """Whether full-text search refused the query itself.

    Only that may read as "nothing found": a locked, full or corrupt database is an error the
    caller must see.

    Args:
        error: the error SQLite raised.

    Returns:
        True for an FTS5 syntax error or an unterminated string.
    """
    message = str(error)
    return message.startswith("fts5:") or message == "unterminated string"


def _fts_expression(words: list[str]) -> str:
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_statements(
    db: Database, words: list[str], entity_ids: list[int], limit: int = 80
) -> list[tuple[StatementRow, float]]:
    """Statements matching the claim's words (bm25, best first) or naming its entities.

    Args:
        db: the store's database.
        words: the claim's search words; a statement matching any of them is found.
        entity_ids: the claim's entities; a statement naming two of them (or the one) is found.
        limit: at most this many full-text matches (and twice as many entity matches).

    Returns:
        (statement, score) pairs: the full-text score, positive, or 0 for entity-only hits.
    """
    scored: dict[int, float] = {}
    if words:
        for statement_id, rank in _ranked_statements(db, words, limit):
            scored[statement_id] = -rank
    if entity_ids:
        needed = min(2, len(entity_ids))
        marks = ",".join("?" * len(entity_ids))
        for (statement_id,) in db.execute(
            f"""SELECT statement_id FROM statement_entities WHERE entity_id IN ({marks})
                GROUP BY statement_id HAVING COUNT(DISTINCT entity_id) >= ? LIMIT ?""",
            [*entity_ids, needed, limit * 2],
        ):
            scored.setdefault(statement_id, 0.0)
    return [(row, scored[row.statement_id]) for row in statements_by_id(db, list(scored))]


def _ranked_statements(db: Database, words: list[str], limit: int) -> list[tuple[int, float]]:
    """The best ``limit`` statements for these words by bm25 (see ``_ranked``)."""
    return _ranked(db, "statements", words, limit, COMMON_STATEMENT_SHARE)


#: A term in more than this share of the statements is left out of their ranking (see ``_ranked``).
#: bm25 weighs it at most log(3) = 1.1, against 4 and more for a word in one statement in a hundred:
#: a statement that shares only such words with the claim is no better a candidate than another.
COMMON_STATEMENT_SHARE = 0.25
#: A term in more than half the articles weighs nothing in bm25, which clamps its weight to 1e-6.
COMMON_ARTICLE_SHARE = 0.5


def _ranked(
    db: Database, table: str, words: list[str], limit: int, common: float, before: int | None = None
) -> list[tuple[int, float]]:
    """The best ``limit`` rows of ``table`` for these words: (rowid, bm25 rank, negative).

    Ranking walks the whole posting list of every term, tens of milliseconds for a term in most
    rows of a large store, a hundred and more for one in nearly all of them; yet bm25 weighs such a
    term little or nothing. So a term in more than the ``common`` share of the rows is left out of
    the ranking. When the ranking finds fewer than ``limit`` rows, it found every row with a weighed
    term, and the rest are rows with only common terms: they are taken as the index gives them,
    after the ranked ones, with their own scores.
    """
    below = "" if before is None else f" AND rowid < {int(before)}"
    select = f"SELECT rowid, bm25({table}_fts) FROM {table}_fts WHERE {table}_fts MATCH ?{below} "
    ranked = select + f"ORDER BY bm25({table}_fts) LIMIT ?"
    if len(words) > 1:
        counts, total = _document_counts(db, table, words, before)
        weighing = [w for w in words if counts[w] <= common * total]
        if weighing and len(weighing) < len(words):
            found = db.execute(ranked, [_fts_expression(weighing), limit]).fetchall()
            if len(found) < limit:
                seen = {rowid for rowid, _ in found}
                rest = db.execute(select + "LIMIT ?", [_fts_expression(words), limit + len(found)]).fetchall()
                found += [row for row in rest if row[0] not in seen][: limit - len(found)]
            return found
    return db.execute(ranked, [_fts_expression(words), limit]).fetchall()


def statements_by_id(db: Database, ids: list[int]) -> list[StatementRow]:
    """The statements with these ids, each with its article and sentence.

    Args:
        db: the store's database.
        ids: the statements wanted.

    Returns:
        The statements found; ids not stored are left out.
    """
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS} WHERE s.id IN ({marks})", ids)
    return [StatementRow(*row) for row in rows]


def article_statements(db: Database, article_ids: list[int]) -> list[StatementRow]:
    """Every attributed statement of these articles (for doubts and denials that name nothing).

    Args:
        db: the store's database.
        article_ids: the articles.

    Returns:
        Their attributed statements.
    """
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        f"SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS} WHERE s.article_id IN ({marks}) AND s.kind = 'attributed'",
        article_ids,
    )
    return [StatementRow(*row) for row in rows]


def statement_numbers(db: Database, ids: list[int]) -> dict[int, list[tuple]]:
    """The figures in each statement, in text order.

    Args:
        db: the store's database.
        ids: the statements.

    Returns:
        statement id → (text, value, qualifier, unit, noun) of each figure; a statement without
        figures is absent.
    """
    found: dict[int, list[tuple]] = defaultdict(list)
    if not ids:
        return found
    marks = ",".join("?" * len(ids))
    for statement_id, *figure in db.execute(
        f"SELECT statement_id, text, value, qualifier, unit, noun FROM numbers WHERE statement_id IN ({marks}) "
        "ORDER BY start",
        ids,
    ):
        found[statement_id].append(tuple(figure))
    return found


#: Counts already taken, per connection: connection → (the database's version when they were
#: taken, (table, term or None for the row total, ``before``) → count). Counting a common term
#: walks its whole posting list and the row total the whole table, some milliseconds each on a
#: large store, for every /compare; most claims share words with claims asked before.
_COUNTS: weakref.WeakKeyDictionary[Database, tuple[tuple[int, int], dict[tuple[str, str | None, int | None], int]]]
_COUNTS = weakref.WeakKeyDictionary()
_COUNTS_KEPT = 50_000  # counts kept per connection before they are dropped and taken afresh


def _counted(db: Database) -> dict[tuple[str, str | None, int | None], int]:
    """The counts taken through ``db`` while the database is unchanged since.

    ``PRAGMA data_version`` changes when another connection commits, ``total_changes`` when this
    one writes; either empties the memo.
    """
    version = (db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)
    kept = _COUNTS.get(db)
    if kept is None or kept[0] != version or len(kept[1]) > _COUNTS_KEPT:
        kept = _COUNTS[db] = (version, {})
    return kept[1]


def _document_counts(
    db: Database, table: str, terms: list[str], before: int | None = None
) -> tuple[dict[str, int], int]:
    """How many rows of ``table`` use each term (as its full-text index stems it), and how many rows
    there are; only rows whose id is below ``before`` when it is given."""
    below = "" if before is None else f" AND rowid < {int(before)}"
    memo = _counted(db)
    total = memo.get((table, None, before))
    if total is None:
        total = memo[table, None, before] = db.execute(f"SELECT COUNT(*) FROM {table} WHERE 1{below}").fetchone()[0]
    counts = {}
    for term in terms:
        count = memo.get((table, term, before))
        if count is None:
            try:
                count = db.execute(
                    f"SELECT COUNT(*) FROM {table}_fts WHERE {table}_fts MATCH ?{below}", [_fts_expression([term])]
                ).fetchone()[0]
            except sqlite3.OperationalError as error:  # a term full-text search cannot parse counts as unseen
                if not unparsable(error):
                    raise
                count = 0
            memo[table, term, before] = count
        counts[term] = count
    return counts, total


def term_counts(db: Database, terms: list[str]) -> tuple[dict[str, int], int]:
    """How many stored statements use each term, and how many statements there are.

    Args:
        db: the store's database.
        terms: the words to count, as the full-text index stems them.

    Returns:
        (term → statements using it, total statements); a term search cannot parse counts 0.
    """
    return _document_counts(db, "statements", terms)


def search_articles(
    db: Database, words: list[str], limit: int = 40, before: int | None = None
) -> list[tuple[int, float]]:
    """Articles matching any of the claim's words, best bm25 first.

    Args:
        db: the store's database.
        words: the claim's search words.
        limit: at most this many articles.
        before: only articles with a lower id (stored before that one), or None for all.

    Returns:
        (article id, score, positive) pairs; empty for no words or a query search cannot parse.
    """
    if not words:
        return []
    try:
        rows = _ranked(db, "articles", words, limit, COMMON_ARTICLE_SHARE, before)
    except sqlite3.OperationalError as error:  # a query full-text search cannot parse finds nothing
        if not unparsable(error):
            raise
        return []
    return [(article_id, -rank) for article_id, rank in rows]


def article_texts(db: Database, article_ids: list[int]) -> dict[int, tuple[str, str]]:
    """The title and text of each article.

    Args:
        db: the store's database.
        article_ids: the articles wanted.

    Returns:
        id → (title, or "" when it has none; text); ids not stored are left out.
    """
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(f"SELECT id, COALESCE(title, ''), text FROM articles WHERE id IN ({marks})", article_ids)
    return {article_id: (title, text) for article_id, title, text in rows}


def article_term_counts(db: Database, terms: list[str], before: int | None = None) -> tuple[dict[str, int], int]:
    """How many stored articles use each term, and how many articles there are.

    Args:
        db: the store's database.
        terms: the words to count, as the full-text index stems them.
        before: count only articles with a lower id (stored before that one), or None for all.

    Returns:
        (term → articles using it, total articles); a term search cannot parse counts 0.
    """
    return _document_counts(db, "articles", terms, before)
