"""Stored entities an article shows to be one person, once the store has read both as people.

A person's full name joins the stored person of that very name (``apart_same_name`` and the
``same_full`` relation). But when the first article to name someone read the full name as an
organisation ("Barack Obama" in a headline), a later article could not join it, and a twin was
made; the type is settled again at every ingest (``store.settle``), so the twin becomes a person
beside the person. The order the articles came in decided that. After each article is stored, its
people are compared with the candidates it was linked against, under the types the store now
holds: two people with a several-word name in common are one, kept under the older entity.
"""

from __future__ import annotations

from domain import KnownEntity, LocalEntity, name_key, name_words


def twins(
    entities: list[LocalEntity], entity_ids: list[int], candidates: list[KnownEntity], types: dict[int, str]
) -> list[tuple[int, int, str]]:
    """(keep, absorbed, why) for each pair of stored people the article shows to be one.

    Args:
        entities: the article's entities as stored (``Linked.entities``).
        entity_ids: the stored entity each one became.
        candidates: the stored entities read before linking it.
        types: the stored type of every entity above, after the article was written.

    Returns:
        Pairs to merge, the older entity kept, each pair once.
    """
    found: dict[tuple[int, int], str] = {}
    for local, entity_id in zip(entities, entity_ids, strict=True):
        if types.get(entity_id) != "PERSON":
            continue
        full = {name_key(a) for a in local.aliases if len(name_words(name_key(a))) >= 2}
        for known in candidates:
            if known.id == entity_id or types.get(known.id) != "PERSON":
                continue
            shared = full & {name_key(a) for a in (*known.aliases, known.name)}
            if shared:
                keep, absorbed = sorted((entity_id, known.id))
                found.setdefault((keep, absorbed), f"same full name ({min(shared)}), both read as people")
    return [(keep, absorbed, why) for (keep, absorbed), why in sorted(found.items())]
