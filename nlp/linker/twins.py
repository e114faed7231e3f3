"""Stored entities an article shows to be one, once the store has read both as one type.

A person's full name joins the stored person of that very name (``apart_same_name`` and the
``same_full`` relation). But when the first article to name someone read the full name as an
organisation ("Barack Obama" in a headline), a later article could not join it, and a twin was
made; the type is settled again at every ingest (``store.settle``), so the twin becomes a person
beside the person. The order the articles came in decided that. After each article is stored, its
people are compared with the candidates it was linked against, under the types the store now
holds: two people with a several-word name in common are one, and so are two entities of one other
type with the same several-word name, unless other full names of theirs qualify that name apart
(the Texas and the U.S. Border Patrol, both also "Border Patrol"); the older entity is kept.
"""

from __future__ import annotations

from domain import KnownEntity, LocalEntity, name_key, name_words
from nlp.linker.names import qualified_apart


def twins(
    entities: list[LocalEntity],
    entity_ids: list[int],
    candidates: list[KnownEntity],
    heads: dict[int, tuple[str, str]],
    blocked: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """(keep, absorbed, why) for each pair of stored entities the article shows to be one.

    Two people with a several-word name in common; two entities of one other type whose own
    several-word names are the same (a place read as FAC in one order and ORG in another).

    Args:
        entities: the article's entities as stored (``Linked.entities``).
        entity_ids: the stored entity each one became.
        candidates: the stored entities read before linking it.
        heads: the stored (name, type) of every entity above, after the article was written.
        blocked: names reporters split off an entity; they never make twins.

    Returns:
        Pairs to merge, the older entity kept, each pair once.
    """
    found: dict[tuple[int, int], str] = {}
    stored = {known.id: known.aliases for known in candidates}
    for local, entity_id in zip(entities, entity_ids, strict=True):
        if entity_id not in heads:
            continue
        name, type_ = heads[entity_id]
        own = (*local.aliases, *stored.get(entity_id, ()))  # and the names it had before this article
        full = {name_key(a) for a in local.aliases if len(name_words(name_key(a))) >= 2}
        for known in candidates:
            if known.id == entity_id or known.id not in heads or heads[known.id][1] != type_:
                continue
            if type_ == "PERSON":
                shared = full & {name_key(a) for a in (*known.aliases, known.name)}
            else:
                shared = {name_key(name)} & {name_key(heads[known.id][0])} & full
            shared -= blocked
            if shared and type_ != "PERSON" and qualified_apart(own, known.aliases):
                continue  # the Texas Border Patrol, also "Border Patrol", is not the U.S. Border Patrol
            if shared:
                keep, absorbed = sorted((entity_id, known.id))
                found.setdefault((keep, absorbed), f"same full name ({min(shared)}), both read as {type_}")
    return [(keep, absorbed, why) for (keep, absorbed), why in sorted(found.items())]
