"""The stored entities an article shows to be one, once it is written: the linker's second decision.

Linking decides which stored entity each of an article's names is. Once the article is written and
the store has typed its entities again, the article can also show two stored entities to be one:
twins of one full name that an earlier reading typed apart (``twins``), and two entities it joins
by a full name and could as well have joined (``bridges``). Ingest and rebuild both ask this one
function, inside the write transaction that wrote the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from domain import KnownEntity, LocalEntity
from nlp.linker.bridges import Heads, bridges
from nlp.linker.decide import Scored
from nlp.linker.twins import twins


def joins(
    entities: Sequence[LocalEntity],
    entity_ids: Sequence[int],
    alternatives: Sequence[Sequence[Scored]],
    candidates: Sequence[KnownEntity],
    heads: Heads,
    blocked: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """(keep, absorbed, why) for each pair of stored entities the article shows to be one.

    Args:
        entities: the article's entities as written (``Linked.entities``), each with a mention.
        entity_ids: the stored entity each one became.
        alternatives: for each one, the candidates it could have joined, the chosen first
            (``Linked.alternatives``).
        candidates: the stored entities read before linking the article.
        heads: the stored (name, type) of every entity above, after the article was written.
        blocked: names reporters split off an entity; they never make a join.
    Returns:
        Pairs to merge, the older entity kept: twins first, then bridges.
    """
    pairs = twins(list(entities), list(entity_ids), list(candidates), heads, blocked)
    return pairs + bridges(entities, entity_ids, alternatives, heads, blocked)
