"""Writing articles with their mentions, entities and statements: one transaction each."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from nlp.model import Analysis, name_key
from store.records import ArticleIn, StoredArticle

_ARTICLE_COLUMNS = """a.id, a.title, o.name AS outlet, a.source, a.url, a.published, a.ingested_at"""


def _stored(row: tuple) -> StoredArticle:
    return StoredArticle(*row)


def find_duplicate(db: Database, content_hash: str, canonical_url: str | None) -> StoredArticle | None:
    """The stored article with the same normalised text or the same canonical URL, if any."""
    row = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
        "WHERE a.content_hash = ? OR (? IS NOT NULL AND a.canonical_url = ?) LIMIT 1",
        [content_hash, canonical_url, canonical_url],
    ).fetchone()
    return _stored(row) if row else None


def get_article(db: Database, article_id: int) -> StoredArticle | None:
    row = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    return _stored(row) if row else None


def _outlet_id(db: Database, name: str | None, domain: str | None) -> int | None:
    if not name:
        return None
    db.execute("INSERT OR IGNORE INTO outlets(name, domain) VALUES (?, ?)", [name, domain])
    return db.execute("SELECT id FROM outlets WHERE name = ?", [name]).fetchone()[0]


def insert_article(
    db: Database,
    article: ArticleIn,
    analysis: Analysis,
    links: Sequence[int | None],
    now: str,
) -> int:
    """Store the article and what analysis found in it; all or nothing.

    ``links[i]`` is the stored entity that ``analysis.entities[i]`` is, or None for a new one.
    """
    if len(links) != len(analysis.entities):
        raise ValueError("one link per local entity is needed")
    with db.atomic():
        outlet_id = _outlet_id(db, article.outlet, article.outlet_domain)
        article_id = db.execute(
            """INSERT INTO articles (source, url, canonical_url, content_hash, title, outlet_id,
                byline, published, ingested_at, posted_by, posted_in, content_type, model, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                article.source,
                article.url,
                article.canonical_url,
                article.content_hash,
                article.title,
                outlet_id,
                article.byline,
                article.published,
                now,
                article.posted_by,
                article.posted_in,
                article.content_type,
                article.model,
                article.text,
            ],
        ).lastrowid
        mention_rows = []
        for local, link in zip(analysis.entities, links, strict=True):
            entity_id = link
            if entity_id is None:
                entity_id = db.execute(
                    "INSERT INTO entities (name, type, created_at, first_article_id) VALUES (?, ?, ?, ?)",
                    [local.name, local.label, now, article_id],
                ).lastrowid
            for alias in local.aliases:
                db.execute(
                    "INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES (?, ?, ?)",
                    [entity_id, alias, name_key(alias)],
                )
            for index in local.mentions:
                mention = analysis.mentions[index]
                sentence = analysis.sentences[mention.sentence]
                mention_rows.append(
                    (
                        article_id,
                        entity_id,
                        mention.start,
                        mention.end,
                        mention.text,
                        mention.label,
                        sentence.start,
                        sentence.end,
                    )
                )
        db.conn.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, '
            "sent_start, sent_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            mention_rows,
        )
        named = {analysis.mentions[i].sentence for e in analysis.entities for i in e.mentions}
        db.conn.executemany(
            'INSERT INTO statements (article_id, kind, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [
                (article_id, "sentence", s.start, s.end, s.text)
                for number, s in enumerate(analysis.sentences)
                if number in named
            ],
        )
    return article_id
