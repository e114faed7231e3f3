"""Who is "often named with" an entity, ranked by how specific the pairing is, not by raw counts.

Raw counts put whoever is named everywhere (the story's main names, "American", "Europe") beside
every entity, in ties sorted by spelling. Pointwise mutual information over sentences asks instead
how much more often two names share a sentence than chance would have them, within the entity's
latest articles; a floor keeps pairings seen once and pairings no likelier than chance out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from store.profiles import CoNaming

#: A pairing must be at least this much likelier than chance (PMI in bits; 0.5 bit ≈ 1.4 times).
PMI_FLOOR = 0.5
SHOWN = 5


@dataclass(frozen=True)
class Pairing:
    """Another entity often named with the profiled one, and how specific that pairing is."""

    name: str
    type: str
    together: int  # sentences naming both
    pmi: float  # bits: log2 of how much likelier than chance they share a sentence


def specific_pairings(counts: CoNaming, limit: int = SHOWN, floor: float = PMI_FLOOR) -> list[Pairing]:
    """The pairings above the floor, most specific first, then the most sentences together.

    Args:
        counts: sentence counts from ``Store.co_naming`` (already at or over its shared-sentence floor).
        limit: how many to return.
        floor: the lowest PMI, in bits, listed.

    Returns:
        Up to ``limit`` pairings; none when nothing is named with the entity more than by chance.
    """
    if not counts.sentences or not counts.own:
        return []
    found = []
    for other in counts.others:
        pmi = math.log2(other.together * counts.sentences / (counts.own * other.sentences))
        if pmi >= floor:
            found.append(Pairing(other.name, other.type, other.together, round(pmi, 2)))
    found.sort(key=lambda p: (-p.pmi, -p.together, p.name))
    return found[:limit]
