"""Streaming the store out as plain rows: entities, mentions, statements.

Each export is one SELECT read through its cursor a row at a time, so a store of any
size exports in constant memory. The field lists are the documented, stable shape.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlite_utils import Database

ENTITY_FIELDS = ("entity_id", "name", "type", "aliases", "articles", "mentions", "first_article_id", "created_at")
MENTION_FIELDS = (
    "mention_id",
    "article_id",
    "source",
    "outlet",
    "start",
    "end",
    "text",
    "entity_id",
    "entity_name",
    "type",
    "label",
)
STATEMENT_FIELDS = (
    "statement_id",
    "article_id",
    "source",
    "outlet",
    "kind",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_type",
    "speaker_entity_id",
    "cue",
    "sentence",
)

FIELDS = {"entities": ENTITY_FIELDS, "mentions": MENTION_FIELDS, "statements": STATEMENT_FIELDS}

_QUERIES = {
    "entities": """
        SELECT e.id, e.name, e.type,
               (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM aliases WHERE entity_id = e.id
                                                        ORDER BY alias)),
               (SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = e.id),
               (SELECT COUNT(*) FROM mentions WHERE entity_id = e.id),
               e.first_article_id, e.created_at
        FROM entities e ORDER BY e.id""",
    "mentions": """
        SELECT m.id, m.article_id, a.source, o.name, m.start, m."end", m.text, m.entity_id, e.name, e.type, m.label
        FROM mentions m JOIN articles a ON a.id = m.article_id
        LEFT JOIN outlets o ON o.id = a.outlet_id JOIN entities e ON e.id = m.entity_id
        ORDER BY m.article_id, m.start, m.id""",
    "statements": """
        SELECT s.id, s.article_id, a.source, o.name, s.kind, s.start, s."end", s.text,
               COALESCE(se.name, t.speaker), t.speaker_type, t.speaker_entity_id, t.cue,
               substr(a.text, s.sent_start + 1, s.sent_end - s.sent_start)
        FROM statements s JOIN articles a ON a.id = s.article_id
        LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN attributions t ON t.id = s.attribution_id
        LEFT JOIN entities se ON se.id = t.speaker_entity_id
        ORDER BY s.article_id, s.start, s.id""",
}


def export_rows(db: Database, kind: str) -> Iterator[dict]:
    """Every row of ``kind`` as a dict of ``FIELDS[kind]``, read through the cursor one at a time.

    Args:
        db: the store's database.
        kind: "entities", "mentions" or "statements".

    Yields:
        One dict per row; an entity's ``aliases`` is a list.

    Raises:
        KeyError: ``kind`` is none of those.
    """
    fields = FIELDS[kind]
    cursor = db.conn.cursor()
    try:
        cursor.execute(_QUERIES[kind])
        for row in cursor:
            item = dict(zip(fields, row, strict=True))
            if kind == "entities":
                item["aliases"] = item["aliases"].split(" | ") if item["aliases"] else []
            yield item
    finally:
        cursor.close()
