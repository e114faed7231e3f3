"""Re-linking every stored mention with the current linker, without parsing anything again.

The steps of ``store.rebuilding.Rebuilding``, the session ``Store.rebuilding`` gives a handler inside
one write transaction around the whole rebuild. Mentions keep their rows; only
which entity they belong to changes. Within an article, the mentions of one old entity stay one
local entity (the article's own reading is kept); across articles the linker decides again.
Reporters' renames, merges and splits are carried over to the new entities.
"""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from domain import Analysis, Descriptor, Link, LocalEntity, Mention, Sentence
from store.articles import entity_for, types_in_question
from store.corrections import add_alias, merge_into, refresh_types
from store.settle import settle_names
from store.watches import move_entity_watches


@dataclass
class StoredArticleNames:
    """One article's mentions grouped by the entity they were stored under, as an Analysis."""

    article_id: int
    published: str | None
    analysis: Analysis
    mention_ids: list[int]  # row id of analysis.mentions[i]
    old_entities: list[int]  # old entity of analysis.entities[i]


@dataclass
class Rebuild:
    """Which new entities the old ones' mentions went to, counted both ways as the rebuild goes."""

    old_of_new: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))
    new_of_old: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def joined(self, heir: dict[int, int]) -> None:
        """Count the mentions of new entities merged away (twins) under the entity that holds them now.

        At once, not at the end: a merged-away id may be given to the next new entity.

        Args:
            heir: merged-away new entity → the new entity that absorbed it.
        """
        for absorbed, keep in heir.items():
            self.old_of_new[keep].update(self.old_of_new.pop(absorbed, Counter()))
            for news in self.new_of_old.values():
                if absorbed in news:
                    news[keep] += news.pop(absorbed)


def article_ids(db: Database) -> list[int]:
    """Every stored article's id, in order: the articles a rebuild walks.

    Args:
        db: the store's database.

    Returns:
        The ids, lowest first.
    """
    return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]


def old_entities(db: Database) -> dict[int, tuple[str, str, int]]:
    """The entities before the rebuild, to carry reporters' work over and report what changed.

    Args:
        db: the store's database.

    Returns:
        id → (name, type, name_locked).
    """
    return {i: (n, t, locked) for i, n, t, locked in db.execute("SELECT id, name, type, name_locked FROM entities")}


def start(db: Database) -> None:
    """Forget the old entities' names as lookup keys: candidates come from rebuilt entities only.

    Args:
        db: the store's database.
    """
    db.execute("DELETE FROM aliases")


def read_article(db: Database, article_id: int, types: dict[int, str]) -> StoredArticleNames:
    """One article's stored mentions and descriptors, grouped by the entity they were stored under.

    Each old entity becomes one local entity named by its fullest, most used form, so the linker
    sees the article as an ingest would, without parsing it again.

    Args:
        db: the store's database.
        article_id: the article.
        types: each old entity's type.

    Returns:
        The article's names as an ``Analysis``, with the mention rows and old entities behind them.
    """
    text, published = db.execute("SELECT text, published FROM articles WHERE id = ?", [article_id]).fetchone()
    rows = db.execute(
        'SELECT id, entity_id, start, "end", text, label, sent_start, sent_end FROM mentions '
        "WHERE article_id = ? ORDER BY start, id",
        [article_id],
    ).fetchall()
    sentences: dict[tuple[int, int], int] = {}
    mentions, groups = [], defaultdict(list)
    for index, (_, entity_id, s, e, mention_text, label, sent_start, sent_end) in enumerate(rows):
        sentence = sentences.setdefault((sent_start, sent_end), len(sentences))
        mentions.append(Mention(mention_text, s, e, label, sentence))
        groups[entity_id].append(index)
    analysis = Analysis(
        text=text,
        sentences=[Sentence(s, e, text[s:e]) for (s, e) in sentences],
        mentions=mentions,
    )
    for d_text, d_start, d_end, kind, entity_id in db.execute(
        'SELECT text, start, "end", kind, entity_id FROM descriptors WHERE article_id = ? ORDER BY start',
        [article_id],
    ):
        if entity_id in groups:
            analysis.descriptors.append(Descriptor(d_text, d_start, d_end, groups[entity_id][0], kind))
    old = []
    for entity_id, indices in groups.items():
        forms = Counter(mentions[i].text for i in indices)
        name = max(forms, key=lambda f: (len(f.split()), forms[f], len(f)))
        local = LocalEntity(name=name, label=types[entity_id], aliases=sorted(forms), mentions=indices)
        local.descriptors = [n for n, d in enumerate(analysis.descriptors) if d.mention in indices]
        analysis.entities.append(local)
        old.append(entity_id)
    return StoredArticleNames(article_id, published, analysis, [r[0] for r in rows], old)


def relink_article(
    db: Database, names: StoredArticleNames, entities: list[LocalEntity], links: list[Link], now: str, state: Rebuild
) -> list[int]:
    """Point the article's mentions, descriptors and statements at the entities ``links`` chose.

    Args:
        db: the store's database.
        names: the article's names, as ``read_article`` gave them.
        entities: the article's entities as the linker read them (a name split off by a reporter
            stands alone), each from the old entity of its first mention.
        links: one link per entity of ``entities``.
        now: the current time (ISO 8601).
        state: the rebuild's counts, updated here.

    Returns:
        The new entity each of ``entities`` became.
    """
    pairs = zip(names.analysis.entities, names.old_entities, strict=True)
    old_of_mention = {m: old for e, old in pairs for m in e.mentions}
    olds = [old_of_mention[e.mentions[0]] if e.mentions else names.old_entities[i] for i, e in enumerate(entities)]
    chosen = []
    for local, link, old in zip(entities, links, olds, strict=True):
        new = entity_for(db, local, link, names.article_id, now)
        state.joined({absorbed: new for absorbed in link.absorb if absorbed != new})  # a rename the text states
        chosen.append(new)
        for alias in local.aliases:
            add_alias(db, new, alias, "text")
        ids = [names.mention_ids[i] for i in local.mentions]
        db.conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", [(new, m) for m in ids])
        args = [new, names.article_id, old]
        db.execute("UPDATE descriptors SET entity_id = ? WHERE article_id = ? AND entity_id = ?", args)
        db.execute("UPDATE attributions SET speaker_entity_id = ? WHERE article_id = ? AND speaker_entity_id = ?", args)
        db.execute(
            "UPDATE OR IGNORE statement_entities SET entity_id = ? WHERE entity_id = ? AND statement_id IN "
            "(SELECT id FROM statements WHERE article_id = ?)",
            [new, old, names.article_id],
        )
        state.old_of_new[new][old] += len(ids)
        state.new_of_old[old][new] += len(ids)
    # Counted once per article, and only for entities whose type its mentions may change: a full
    # count for every entity of every article made a rebuild scan each big entity's mentions anew.
    analysis = copy.copy(names.analysis)
    analysis.entities = entities
    refresh_types(db, types_in_question(db, analysis, chosen))
    settle_names(db, chosen)
    return chosen


def finish(db: Database, old: dict[int, tuple[str, str, int]], state: Rebuild, now: str) -> None:
    """Carry reporters' work over, then drop the old entities (nothing points at them any more).

    A reporter's merge stays merged, a reporter's name stays, and corrections and watches follow
    each old entity to the new one holding most of its mentions.

    Args:
        db: the store's database.
        old: the entities before the rebuild (``old_entities``).
        state: the rebuild's counts.
        now: the current time (ISO 8601).
    """
    heir = {o: news.most_common(1)[0][0] for o, news in state.new_of_old.items()}
    merged_by_reporter = {r[0] for r in db.execute("SELECT DISTINCT entity_id FROM corrections WHERE kind = 'merge'")}
    for old_id in sorted(merged_by_reporter & set(heir)):
        keep = heir[old_id]
        for other in sorted(state.new_of_old[old_id]):
            if other != keep and db.execute("SELECT 1 FROM entities WHERE id = ?", [other]).fetchone():
                merge_into(db, keep, other, "a reporter's merge, kept through a rebuild", now)
                state.old_of_new[keep].update(state.old_of_new.pop(other, Counter()))
    for old_id, (name, _, locked) in old.items():
        if locked and old_id in heir:
            db.execute("UPDATE entities SET name = ?, name_locked = 1 WHERE id = ?", [name, heir[old_id]])
            add_alias(db, heir[old_id], name, "correction")
    for old_id, new_id in heir.items():
        db.execute("UPDATE corrections SET entity_id = ? WHERE entity_id = ?", [new_id, old_id])
    # Watches follow each old entity to the new one holding most of its mentions; new ids never
    # equal old ones (the old rows still exist), so one pass cannot move a watch twice.
    for old_id, new_id in heir.items():
        move_entity_watches(db, new_id, old_id)
    marks = ",".join("?" * len(old))
    if old:
        db.execute(f"DELETE FROM entities WHERE id IN ({marks})", list(old))
    db.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)")
    for new_id in state.old_of_new:
        db.execute(
            "UPDATE entities SET first_article_id = (SELECT MIN(article_id) FROM mentions WHERE entity_id = ?) "
            "WHERE id = ?",
            [new_id, new_id],
        )


def changes(old: dict[int, tuple[str, str, int]], state: Rebuild, db: Database) -> dict:
    """What the rebuild changed: entities merged, split and renamed, by name.

    Args:
        old: the entities before the rebuild (``old_entities``).
        state: the rebuild's counts.
        db: the store's database, rebuilt.

    Returns:
        ``before`` and ``after`` (entity counts), ``merged`` (entity, from), ``split`` (entity,
        into) and ``renamed`` (from, to).
    """
    names = dict(db.execute("SELECT id, name FROM entities").fetchall())
    merged = [
        {"entity": names[new], "from": sorted(old[o][0] for o in olds)}
        for new, olds in state.old_of_new.items()
        if new in names and len(olds) > 1
    ]
    split = [
        {"entity": old[o][0], "into": sorted({names[n] for n in news if n in names})}
        for o, news in state.new_of_old.items()
        if len({n for n in news if n in names}) > 1
    ]
    renamed = [
        {"from": old[o][0], "to": names[news.most_common(1)[0][0]]}
        for o, news in state.new_of_old.items()
        if len(news) == 1 and news.most_common(1)[0][0] in names and names[news.most_common(1)[0][0]] != old[o][0]
    ]
    before, after = len(old), len(names)
    return {"before": before, "after": after, "merged": merged, "split": split, "renamed": renamed}
