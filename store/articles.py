"""Writing articles with their mentions, entities and statements: one transaction each."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from nlp.model import SAME_NAME, Analysis, Link, LocalEntity, name_key
from store.corrections import add_alias, log_link, merge_into
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


def _maybe_upgrade_name(db: Database, entity_id: int, local_name: str) -> None:
    """A fuller form of the stored name becomes the name ("Putin" → "Vladimir Putin")."""
    row = db.execute("SELECT name, name_locked FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:  # merged away by a reporter between linking and storing
        raise LookupError(f"entity #{entity_id} no longer exists; ingest again")
    name, locked = row
    stored, offered = name_key(name), name_key(local_name)
    if not locked and len(offered.split()) > len(stored.split()) and f" {stored}" in f" {offered}":
        db.execute("UPDATE entities SET name = ? WHERE id = ?", [local_name, entity_id])


def _entity_for(db: Database, local: LocalEntity, link: Link, article_id: int, now: str) -> int:
    for absorbed in link.absorb:
        if link.entity_id is not None:
            why = f"{local.name}: {', '.join(local.aliases)} in one article"
            merge_into(db, link.entity_id, absorbed, why, now)
    if link.entity_id is None:
        return db.execute(
            "INSERT INTO entities (name, type, created_at, first_article_id) VALUES (?, ?, ?, ?)",
            [local.name, link.label, now, article_id],
        ).lastrowid
    _maybe_upgrade_name(db, link.entity_id, local.name)
    if link.reason != SAME_NAME:
        log_link(db, link.entity_id, article_id, local.name, link.reason, now)
    return link.entity_id


def insert_article(
    db: Database,
    article: ArticleIn,
    analysis: Analysis,
    links: Sequence[Link],
    now: str,
) -> int:
    """Store the article and what analysis found in it; all or nothing.

    ``links[i]`` says which stored entity ``analysis.entities[i]`` is, or that it is new.
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
        mention_rows, descriptor_rows = [], []
        for local, link in zip(analysis.entities, links, strict=True):
            entity_id = _entity_for(db, local, link, article_id, now)
            for alias in local.aliases:
                add_alias(db, entity_id, alias)
                reason = local.reasons.get(alias, SAME_NAME)
                if reason != SAME_NAME:
                    log_link(db, entity_id, article_id, alias, reason, now)
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
            for index in local.descriptors:
                descriptor = analysis.descriptors[index]
                sentence = analysis.sentences[analysis.mentions[descriptor.mention].sentence]
                descriptor_rows.append(
                    (
                        entity_id,
                        article_id,
                        descriptor.text,
                        name_key(descriptor.text),
                        descriptor.kind,
                        descriptor.start,
                        descriptor.end,
                        sentence.start,
                        sentence.end,
                    )
                )
        db.conn.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, '
            "sent_start, sent_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            mention_rows,
        )
        db.conn.executemany(
            'INSERT INTO descriptors (entity_id, article_id, text, key, kind, start, "end", sent_start, '
            "sent_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            descriptor_rows,
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
