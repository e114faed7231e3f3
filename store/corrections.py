"""Changing entities: merges found at ingest, and reporters' merge, split and rename.

Each change is logged with its reason (entity_links, corrections), so answers can say
why two names are one and later ingests respect what a reporter decided.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlite_utils import Database

from domain import AliasKeys, name_key
from store.rows import insert_rows
from store.settle import settle_names
from store.watches import move_entity_watches, split_entity_watches


def add_alias(db: Database, entity_id: int, alias: str, origin: str = "text") -> None:
    """Give an entity a name, with the keys lookups match it by; a name it has already is left as is.

    Args:
        db: the store's database.
        entity_id: the entity.
        alias: the name as written.
        origin: where it came from: "text", "merged" or "correction".
    """
    add_aliases(db, [(entity_id, alias)], origin)


def add_aliases(db: Database, names: Iterable[tuple[int, str]], origin: str = "text") -> None:
    """Give entities names, with the keys lookups match them by, for many (entity, name) pairs in
    order, in one statement: the aliases' full-text index then writes one segment, not one a name
    (``store.rows``). A name an entity has already is left as is.

    Args:
        db: the store's database.
        names: (entity id, name as written) pairs.
        origin: where they came from: "text", "merged" or "correction".
    """
    rows = []
    for entity_id, alias in names:
        keys = AliasKeys.of(alias)
        rows.append((entity_id, alias, keys.key, origin, keys.skeleton, keys.surname, keys.initials))
    insert_rows(db, "aliases", _ALIAS_COLUMNS, rows, "INSERT OR IGNORE")


_ALIAS_COLUMNS = ("entity_id", "alias", "key", "origin", "skeleton", "surname", "initials")


def log_link(db: Database, entity_id: int, article_id: int | None, alias: str, reason: str, now: str) -> None:
    """Record why a name was joined to an entity, so answers can say why two names are one.

    Args:
        db: the store's database.
        entity_id: the entity.
        article_id: the article where it happened, or None for a merge or a reporter's correction.
        alias: the name joined.
        reason: why, in words a reporter reads.
        now: the current time (ISO 8601).
    """
    db.execute(
        "INSERT INTO entity_links (entity_id, article_id, alias, reason, created_at) VALUES (?, ?, ?, ?, ?)",
        [entity_id, article_id, alias, reason, now],
    )


def merge_into(db: Database, keep: int, absorbed: int, reason: str, now: str) -> None:
    """Move everything of ``absorbed`` (names, mentions, descriptors, links, corrections, watches)
    to ``keep`` and delete it. Nothing happens when they are the same or ``absorbed`` is gone.

    Args:
        db: the store's database.
        keep: the entity that stays.
        absorbed: the entity merged into it.
        reason: why, logged with the merge.
        now: the current time (ISO 8601).
    """
    if keep == absorbed:
        return
    name = db.execute("SELECT name FROM entities WHERE id = ?", [absorbed]).fetchone()
    if name is None:
        return
    for (alias,) in db.execute("SELECT alias FROM aliases WHERE entity_id = ?", [absorbed]).fetchall():
        add_alias(db, keep, alias, "merged")
    for table in ("mentions", "descriptors", "entity_links"):
        db.execute(f"UPDATE {table} SET entity_id = ? WHERE entity_id = ?", [keep, absorbed])
    db.execute("UPDATE corrections SET entity_id = ? WHERE entity_id = ?", [keep, absorbed])
    move_entity_watches(db, keep, absorbed)
    _refresh_first_article(db, keep)
    refresh_types(db, [keep])
    db.execute("DELETE FROM entities WHERE id = ?", [absorbed])
    log_link(db, keep, None, name[0], f"merged: {reason}", now)


def join_twins(db: Database, pairs: Iterable[tuple[int, int, str]], now: str) -> dict[int, int]:
    """Merge entities the linker found to be one (``nlp.linker.twins``), the older of each pair kept.

    Not a reporter's correction: nothing is recorded in ``corrections``, only the merge's reason in
    ``entity_links``. A pair whose entity was absorbed by an earlier pair joins that one's heir.

    Args:
        db: the store's database, inside the caller's write transaction.
        pairs: (one entity, its twin, why) for each pair.
        now: the current time (ISO 8601).

    Returns:
        absorbed entity → the entity that holds its mentions now, for each entity merged away.
    """
    heir: dict[int, int] = {}

    def final(entity_id: int) -> int:
        while entity_id in heir:
            entity_id = heir[entity_id]
        return entity_id

    kept = set()
    for one, other, why in pairs:
        keep, absorbed = sorted((final(one), final(other)))
        kept.add(keep)
        if keep != absorbed:
            merge_into(db, keep, absorbed, why, now)
            heir[absorbed] = keep
    kept = sorted({final(k) for k in kept})
    refresh_types(db, kept)
    settle_names(db, kept)
    return {absorbed: final(absorbed) for absorbed in heir}


def refresh_types(db: Database, entity_ids: Iterable[int]) -> None:
    """Each entity's type is the label its several-word mentions carry most, settled again as they come.

    The type an entity was created with is one article's reading, and the model mislabels names
    often enough ("Barack Obama" as ORG in a headline) that a first reading must not stay the
    type: the type decides whether names are compared as people's when the next article is linked.
    Only several-word mentions vote: the model reads a lone word far worse than a full name
    ("Teixeira" as ORG, "Klitschko" as NORP, beside "Mark Teixeira" as PERSON), and the analysis
    may have overruled a lone word's tag already (a word tagged PERSON that its article never shows
    to be a person: nlp.mentions._fallback_labels). An entity with no several-word mention is
    typed by all its mentions (a relabelled lone word votes as its article read it); a tie goes
    to the first label alphabetically, so the type never depends on which article came first.

    Args:
        db: the store's database.
        entity_ids: the entities to settle again.
    """
    ids = sorted(set(entity_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        current = dict(db.execute(f"SELECT id, type FROM entities WHERE id IN ({marks})", chunk).fetchall())
        votes: dict[int, Counter] = {}
        rows = db.execute(
            f"""SELECT entity_id, label, COUNT(*) FROM mentions
                WHERE entity_id IN ({marks}) AND instr(trim(text), ' ') > 0 GROUP BY 1, 2""",
            chunk,
        )
        for entity_id, label, count in rows:
            votes.setdefault(entity_id, Counter())[label] = count
        changed = []
        lone = db.execute(  # an entity no several-word mention names: all its mentions vote
            f"""SELECT entity_id, label, COUNT(*) FROM mentions WHERE entity_id IN ({marks})
                AND entity_id NOT IN (SELECT entity_id FROM mentions WHERE entity_id IN ({marks})
                                      AND instr(trim(text), ' ') > 0) GROUP BY 1, 2""",
            chunk + chunk,
        )
        for entity_id, label, count in lone:
            votes.setdefault(entity_id, Counter())[label] = count
        for entity_id, counts in votes.items():
            best = max(counts.values())
            settled = min(label for label, n in counts.items() if n == best)
            if entity_id in current and settled != current[entity_id]:
                changed.append((settled, entity_id))
        db.conn.executemany("UPDATE entities SET type = ? WHERE id = ?", changed)


def _refresh_first_article(db: Database, entity_id: int) -> None:
    db.execute(
        "UPDATE entities SET first_article_id = "
        "(SELECT MIN(article_id) FROM mentions WHERE entity_id = ?) WHERE id = ?",
        [entity_id, entity_id],
    )


def record(db: Database, kind: str, entity_id: int | None, alias_key: str | None, detail: str, now: str) -> None:
    """Log a reporter's correction, which later ingests and rebuilds respect.

    Args:
        db: the store's database.
        kind: "merge", "split" or "rename".
        entity_id: the entity corrected.
        alias_key: the name key the correction is about, if one.
        detail: what the reporter said, in words.
        now: the current time (ISO 8601).
    """
    db.execute(
        "INSERT INTO corrections (kind, entity_id, alias_key, detail, created_at) VALUES (?, ?, ?, ?, ?)",
        [kind, entity_id, alias_key, detail, now],
    )


def merge(db: Database, keep: int, absorbed: int, now: str) -> None:
    """A reporter says two entities are one; the merge undoes earlier splits of the absorbed names.

    Args:
        db: the store's database.
        keep: the entity that stays.
        absorbed: the entity merged into it.
        now: the current time (ISO 8601).
    """
    with db.atomic():
        rows = db.execute("SELECT id, name FROM entities WHERE id IN (?, ?)", [keep, absorbed])
        names = dict(rows.fetchall())
        detail = f"{names.get(absorbed)} is {names.get(keep)}"
        keys = [r[0] for r in db.execute("SELECT DISTINCT key FROM aliases WHERE entity_id = ?", [absorbed])]
        merge_into(db, keep, absorbed, f"a reporter said {detail}", now)
        for key in keys:  # a merge undoes earlier splits of these names
            record(db, "merge", keep, key, detail, now)


def split(db: Database, entity_id: int, alias: str, now: str) -> int:
    """A reporter says ``alias`` names someone else: it becomes an entity of its own.

    Its spellings and mentions move to the new entity, whose name no ingest will change; watches
    of that name follow it.

    Args:
        db: the store's database.
        entity_id: the entity the alias is taken from.
        alias: the name split off.
        now: the current time (ISO 8601).

    Returns:
        The new entity's id.
    """
    key = name_key(alias)
    with db.atomic():
        name, type_ = db.execute("SELECT name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
        rows = db.execute("SELECT alias FROM aliases WHERE entity_id = ? AND key = ?", [entity_id, key])
        forms = [r[0] for r in rows]
        new_id = db.execute(
            "INSERT INTO entities (name, type, created_at, name_locked) VALUES (?, ?, ?, 1)",
            [forms[0] if forms else alias, type_, now],
        ).lastrowid
        db.execute("DELETE FROM aliases WHERE entity_id = ? AND key = ?", [entity_id, key])
        for form in forms or [alias]:
            add_alias(db, new_id, form, "correction")
        mentions = db.execute("SELECT id, text FROM mentions WHERE entity_id = ?", [entity_id])
        moved = [mention_id for mention_id, text in mentions if name_key(text) == key]
        db.conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", [(new_id, m) for m in moved])
        _refresh_first_article(db, new_id)
        refresh_types(db, [entity_id, new_id])
        split_entity_watches(db, new_id, entity_id, alias, name)
        record(db, "split", entity_id, key, f"{alias} is not {name}", now)
        log_link(db, new_id, None, alias, f"split off {name} by a reporter", now)
    return new_id


def rename(db: Database, entity_id: int, new_name: str, now: str) -> None:
    """A reporter names the entity; ingests never rename it after that.

    Args:
        db: the store's database.
        entity_id: the entity.
        new_name: its name from now on (kept as an alias too).
        now: the current time (ISO 8601).
    """
    with db.atomic():
        (old,) = db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()
        db.execute("UPDATE entities SET name = ?, name_locked = 1 WHERE id = ?", [new_name, entity_id])
        add_alias(db, entity_id, new_name, "correction")
        record(db, "rename", entity_id, name_key(new_name), f"{old} renamed {new_name}", now)


def split_alias_keys(db: Database) -> set[str]:
    """Names whose latest correction split them off an entity: ingests must not join them again.

    Args:
        db: the store's database.

    Returns:
        Their name keys.
    """
    rows = db.execute(
        """SELECT alias_key, kind FROM corrections c
           WHERE kind IN ('split', 'merge') AND alias_key IS NOT NULL
             AND id = (SELECT MAX(id) FROM corrections WHERE alias_key = c.alias_key
                       AND kind IN ('split', 'merge'))"""
    )
    return {key for key, kind in rows if kind == "split"}
