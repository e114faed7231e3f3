"""Writing articles with their mentions, entities and statements: one transaction each."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlite_utils import Database

from domain import SAME_NAME, Analysis, Link, LocalEntity, name_key
from store import messages
from store.corrections import add_aliases, log_link, merge_into, refresh_types
from store.records import ArticleIn, StoredArticle
from store.rows import insert_rows, next_ids
from store.settle import settle_names

_ARTICLE_COLUMNS = """a.id, a.title, o.name AS outlet, a.source, a.url, a.published, a.ingested_at"""


def _stored(row: tuple) -> StoredArticle:
    return StoredArticle(*row)


def find_duplicate(db: Database, content_hash: str, canonical_url: str | None) -> StoredArticle | None:
    """The stored article with the same normalised text or the same canonical URL, if any.

    Args:
        db: the store's database.
        content_hash: the hash of the article's normalised text.
        canonical_url: the article's canonical URL, or None when it has none.

    Returns:
        The stored article it repeats, or None.
    """
    row = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
        "WHERE a.content_hash = ? OR (? IS NOT NULL AND a.canonical_url = ?) LIMIT 1",
        [content_hash, canonical_url, canonical_url],
    ).fetchone()
    return _stored(row) if row else None


def get_article(db: Database, article_id: int) -> StoredArticle | None:
    """One stored article, with its outlet's name.

    Args:
        db: the store's database.
        article_id: the article's id.

    Returns:
        The article, or None when no article has that id.
    """
    row = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    return _stored(row) if row else None


def get_articles(db: Database, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
    """The stored articles with these ids (those that exist), by id, in one query.

    Args:
        db: the store's database.
        article_ids: the articles wanted.

    Returns:
        id → article; ids not stored are left out.
    """
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id IN ({marks})",
        list(article_ids),
    )
    return {row[0]: _stored(row) for row in rows}


def _outlet_id(db: Database, name: str | None, domain: str | None) -> int | None:
    if not name:
        return None
    db.execute("INSERT OR IGNORE INTO outlets(name, domain) VALUES (?, ?)", [name, domain])
    return db.execute("SELECT id FROM outlets WHERE name = ?", [name]).fetchone()[0]


def entity_for(db: Database, local: LocalEntity, link: Link, article_id: int, now: str) -> int:
    """The stored entity a local entity of a new article becomes, creating or updating it.

    Applies the link: merges the entities it absorbs, creates a new entity when it names none,
    and logs why the names were joined (the name itself is settled afterwards, ``store.settle``).

    Args:
        db: the store's database, inside the article's transaction.
        local: the entity as one article reads it.
        link: which stored entity it is (or None for a new one), and the entities it absorbs.
        article_id: the article being stored.
        now: the current time (ISO 8601).

    Returns:
        The entity's id.

    Raises:
        LookupError: the linked entity was merged away by a reporter meanwhile; ingest again.
    """
    for absorbed in link.absorb:
        if link.entity_id is not None:
            why = f"{local.name}: {', '.join(local.aliases)} in one article"
            merge_into(db, link.entity_id, absorbed, why, now)
    if link.entity_id is None:
        return db.execute(
            "INSERT INTO entities (name, type, created_at, first_article_id) VALUES (?, ?, ?, ?)",
            [local.name, link.label, now, article_id],
        ).lastrowid
    if db.execute("SELECT 1 FROM entities WHERE id = ?", [link.entity_id]).fetchone() is None:
        raise LookupError(messages.ENTITY_MERGED_AWAY(entity_id=link.entity_id))  # merged away meanwhile
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

    Args:
        db: the store's database.
        article: the article's text and where it came from.
        analysis: what ``nlp`` found in the text.
        links: ``links[i]`` says which stored entity ``analysis.entities[i]`` is, or that it is new.
        now: the ingest time (ISO 8601).

    Returns:
        The new article's id.

    Raises:
        ValueError: ``links`` does not hold one link per local entity.
        LookupError: a linked entity no longer exists (see ``entity_for``).
        sqlite3.IntegrityError: the same article is stored already (same hash or canonical URL).
    """
    if len(links) != len(analysis.entities):
        raise ValueError(messages.LINKS_MISMATCH(links=len(links), entities=len(analysis.entities)))
    with db.atomic():
        article_id = _insert_article_row(db, article, now)
        entity_ids = [
            entity_for(db, local, link, article_id, now) for local, link in zip(analysis.entities, links, strict=True)
        ]
        _insert_names(db, analysis, entity_ids, article_id, now)
        refresh_types(db, types_in_question(db, analysis, entity_ids))
        settle_names(db, entity_ids)
        attribution_ids = _insert_attributions(db, analysis, entity_ids, article_id)
        _insert_statements(db, analysis, entity_ids, attribution_ids, article_id)
    return article_id


def types_in_question(db: Database, analysis: Analysis, entity_ids: list[int]) -> set[int]:
    """The entities whose type this article's mentions may change: those with one labelled
    otherwise than the stored type (more votes for the type an entity has never change it, and
    counting every vote again costs a scan of all its mentions).

    Args:
        db: the store's database.
        analysis: the article's analysis.
        entity_ids: the stored entity of each ``analysis.entities[i]``.

    Returns:
        The ids of the entities to recount (``corrections.refresh_types``).
    """
    marks = ",".join("?" * len(entity_ids))
    types = dict(db.execute(f"SELECT id, type FROM entities WHERE id IN ({marks})", entity_ids).fetchall())
    return {
        entity_id
        for local, entity_id in zip(analysis.entities, entity_ids, strict=True)
        if local.label != types.get(entity_id)
        or any(mention_label(analysis, local, i) != types.get(entity_id) for i in local.mentions)
    }


def mention_label(analysis: Analysis, local: LocalEntity, index: int) -> str:
    """The label a mention is stored with: the model's for a several-word name; for a lone word,
    its entity's in this article (the model reads a lone word far worse, and the article may have
    relabelled it: a word tagged PERSON it never shows to be one, ``LocalEntity.maybe_person``).

    Args:
        analysis: the article's analysis.
        local: the entity the mention belongs to in that article.
        index: the mention's index in ``analysis.mentions``.

    Returns:
        The label to store.
    """
    mention = analysis.mentions[index]
    return mention.label if " " in mention.text.strip() else local.label


def _insert_article_row(db: Database, article: ArticleIn, now: str) -> int:
    outlet_id = _outlet_id(db, article.outlet, article.outlet_domain)
    return db.execute(
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


def _insert_names(db: Database, analysis: Analysis, entity_ids: list[int], article_id: int, now: str) -> None:
    mention_rows, descriptor_rows = [], []
    names = [
        (entity_id, alias)
        for local, entity_id in zip(analysis.entities, entity_ids, strict=True)
        for alias in local.aliases
    ]
    add_aliases(db, names)
    for local, entity_id in zip(analysis.entities, entity_ids, strict=True):
        for alias in local.aliases:
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
                    mention_label(analysis, local, index),
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
        'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, sent_start, sent_end) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        mention_rows,
    )
    db.conn.executemany(
        'INSERT INTO descriptors (entity_id, article_id, text, key, kind, start, "end", sent_start, '
        "sent_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        descriptor_rows,
    )


def _insert_attributions(db: Database, analysis: Analysis, entity_ids: list[int], article_id: int) -> list[int]:
    entity_of_mention = {m: entity_ids[i] for i, e in enumerate(analysis.entities) for m in e.mentions}
    text = analysis.text
    ids = next_ids(db, "attributions", len(analysis.attributions))
    rows = []
    for attribution_id, attribution in zip(ids, analysis.attributions, strict=True):
        sentence = analysis.sentences[attribution.sentence]
        cue, source = attribution.cue, attribution.source
        rows.append(
            (
                attribution_id,
                article_id,
                entity_of_mention.get(attribution.speaker_mention),
                attribution.speaker,
                attribution.speaker_type,
                attribution.kind,
                text[cue[0] : cue[1]] if cue else None,
                attribution.cue_lemma,
                cue[0] if cue else None,
                cue[1] if cue else None,
                text[source[0] : source[1]] if source else None,
                source[0] if source else None,
                source[1] if source else None,
                attribution.content[0][0],
                attribution.content[-1][1],
                json.dumps([list(p) for p in attribution.content]),
                sentence.start,
                max(sentence.end, attribution.content[-1][1]),
                attribution.confidence,
            )
        )
    insert_rows(db, "attributions", _ATTRIBUTION_COLUMNS, rows)
    return ids


_ATTRIBUTION_COLUMNS = (
    "id",
    "article_id",
    "speaker_entity_id",
    "speaker",
    "speaker_type",
    "kind",
    "cue",
    "cue_lemma",
    "cue_start",
    "cue_end",
    "source_text",
    "source_start",
    "source_end",
    "content_start",
    "content_end",
    "content_pieces",
    "sent_start",
    "sent_end",
    "confidence",
)


def _insert_statements(
    db: Database, analysis: Analysis, entity_ids: list[int], attribution_ids: list[int], article_id: int
) -> None:
    text = analysis.text
    statement_ids = next_ids(db, "statements", len(analysis.statements))
    rows: list[tuple] = []
    named: list[tuple[int, int]] = []
    numbers: list[tuple] = []
    for statement_id, statement in zip(statement_ids, analysis.statements, strict=True):
        sentence = analysis.sentences[statement.sentence]
        if statement.attribution is not None:
            body = analysis.attributions[statement.attribution].content_text(text)
            attribution_id = attribution_ids[statement.attribution]
        else:
            body, attribution_id = text[statement.start : statement.end], None
        rows.append(
            (
                statement_id,
                article_id,
                statement.kind,
                statement.start,
                statement.end,
                body,
                attribution_id,
                min(sentence.start, statement.start),
                max(sentence.end, statement.end),
                " ".join(statement.lemmas),
                " ".join(statement.names),
            )
        )
        named.extend((statement_id, entity_ids[i]) for i in statement.entities)
        numbers.extend(
            (statement_id, n.text, n.value, n.qualifier, n.unit, n.noun, n.start, n.end)
            for n in (analysis.numbers[i] for i in statement.numbers)
        )
    insert_rows(db, "statements", _STATEMENT_COLUMNS, rows)  # one full-text index segment, not one a statement
    db.conn.executemany("INSERT OR IGNORE INTO statement_entities (statement_id, entity_id) VALUES (?, ?)", named)
    db.conn.executemany(
        'INSERT INTO numbers (statement_id, text, value, qualifier, unit, noun, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        numbers,
    )


_STATEMENT_COLUMNS = (
    "id",
    "article_id",
    "kind",
    "start",
    "end",
    "text",
    "attribution_id",
    "sent_start",
    "sent_end",
    "lemmas",
    "names",
)


def delete_article(db: Database, article_id: int) -> bool:
    """Remove an article and everything read from it, in one transaction; names it alone gave go too,
    and the entities it named settle their name and type again on the articles left, as if it had
    never come (``store.settle``, ``corrections.refresh_types``).

    Args:
        db: the store's database.
        article_id: the article to remove.

    Returns:
        True when it was removed, False when no article has that id.
    """
    with db.atomic():
        if db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is None:
            return False
        named = [r[0] for r in db.execute("SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?", [article_id])]
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        db.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)")
        db.execute(
            "UPDATE entities SET first_article_id = (SELECT MIN(article_id) FROM mentions m WHERE m.entity_id = "
            "entities.id) WHERE first_article_id IS NULL"
        )
        refresh_types(db, named)  # entities no longer stored are skipped
        settle_names(db, named)
    return True
