"""Stored entities a new article bridges: it joins one by its full name and could as well have joined the other.

Linking is greedy: an article is linked against what the store holds when it comes. When the
lone "Navy" of one article is stored before any article names the Indian Navy, it stays apart; a
later article that writes "Indian Navy ... the Navy" joins the Indian Navy and scores the lone
"Navy" at or above the threshold too, but takes only the best. In the other order the lone "Navy"
would have joined the Indian Navy. So the partition depended on the order the articles came in.

After each article is stored, an entity it linked to E by a full name (``FULL``: the same
several-word name, or the same spelled otherwise) that also scored another stored entity E' at or
above the threshold joins E' into E when the names leave no doubt, under the types the store now
holds (one type for both):

- E' has that full name too, or the same spelled otherwise, and the two own names can be one:
  for people, not two first names that cannot be one (Saja / Mohammed al-Dulaimi); for other
  things, names that do not conflict ("Woodburn Police Department" is not "Staunton Police
  Department", whatever shorter name they share), nor any of their several-word names that
  qualify one head apart (``qualified_apart``: the Texas and the U.S. Border Patrol, both settled
  on "Border Patrol"); or
- E' was only ever called by one word (``LONE``: a surname, a head word) that the article itself
  writes for its several-word name ("Indian Navy ... the Navy"), and no other of the article's
  entities claims that lone entity.

An entity the article itself joined another of its names to is never bridged: the article keeps
its own entities apart (T.J. DiLeo beside Tony DiLeo).

A lone word that scored two several-word entities (a "Jackson" between Vincent Jackson and
another Jackson) bridges nothing: it is no evidence that the two are one. Nor does a full name
joined to a shorter one ("Academy Awards" of "79th Academy Awards"). Once joined, E' holds a
several-word name and is no longer lone, so no chain of lone words joins two full names. The
pairs are merged like twins (``store.corrections.join_twins``, the older kept): union-find, so
the partition is the same whichever of the articles came first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from domain import KnownEntity, LocalEntity, name_key
from nlp.linker.decide import Scored
from nlp.linker.names import NEVER, name_relation, names_conflict, qualified_apart

#: The stored (name, type) of entities, by id, as the store holds them after the article was written.
Heads = dict[int, tuple[str, str]]
#: Relations by which the article's names are the other entity's several-word name.
FULL = frozenset({"same_full", "variant"})
#: Relations by which a one-word name is a short form of the article's several-word name.
LONE = frozenset({"same_single", "surname", "contained"})


def _keys(known: KnownEntity) -> set[str]:
    return {name_key(a) for a in (*known.aliases, known.name)}


def _several_words(names: Sequence[str]) -> bool:
    return any(" " in name_key(a) for a in names)


def _joined_by_full_name(entity_id: int, scored: Sequence[Scored]) -> bool:
    return bool(scored) and scored[0].candidate.id == entity_id and scored[0].relation in FULL


def bridged(local: LocalEntity, linked: tuple[str, str], other: Scored, heads: Heads) -> str | None:
    """Why ``other`` (scored for ``local``, which was linked by a full name to the entity whose
    stored (name, type) is ``linked``) is that same entity, or None when the names leave room for
    doubt."""
    name, type_ = linked
    known = other.candidate
    other_name, other_type = heads[known.id]
    if type_ != other_type:
        return None
    if other.relation in FULL:
        if not _names_can_be_one(name, other_name, type_):
            return None  # "al Dulaimi" is no bridge between Saja and Mohammed al-Dulaimi
        return f"{local.name} in one article is both {name} and {other_name} ({other.relation.replace('_', ' ')})"
    theirs = [*known.aliases, known.name]
    written = {name_key(a) for a in local.aliases} & {name_key(a) for a in theirs}
    if other.relation in LONE and written and _several_words(local.aliases) and not _several_words(theirs):
        return f"{other_name}, only ever called so, is {local.name} in one article, as {name} is"
    return None


def _can_be_one(members: Sequence[tuple[str, str]]) -> bool:
    """Whether the stored (name, type) of everything one article would bridge can be one thing:
    each pair is checked, not only each against the entity the article joined, so that two
    candidates whose own names conflict are never joined through a third."""
    return all(
        _names_can_be_one(name, other_name, type_)
        for i, (name, type_) in enumerate(members)
        for other_name, _ in members[i + 1 :]
    )


def _names_can_be_one(name: str, other_name: str, type_: str) -> bool:
    """Two stored names of one type that may be one thing: for people, not two first names that
    cannot be one person's; for other things, own names that do not conflict."""
    if type_ == "PERSON":
        return name_relation([name], [other_name], person=True) not in NEVER
    return not names_conflict(name, other_name)


def bridges(
    entities: Sequence[LocalEntity],
    entity_ids: Sequence[int],
    alternatives: Sequence[Sequence[Scored]],
    heads: Heads,
    blocked: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """(keep, absorbed, why) for each pair of stored entities the article bridges.

    Args:
        entities: the article's entities as stored (``Linked.entities``).
        entity_ids: the stored entity each one became.
        alternatives: for each entity, the candidates it could have joined, the chosen one first
            (``Linked.alternatives``).
        heads: the stored (name, type) of every entity above, after the article was written.
        blocked: names reporters split off an entity; an entity holding one is never bridged.

    Returns:
        Pairs to merge, the older entity kept, each pair once.
    """
    found: dict[tuple[int, int], str] = {}
    lone_claims: dict[int, set[int]] = defaultdict(set)
    own = set(entity_ids)  # the article keeps its own entities apart: T.J. DiLeo beside Tony DiLeo
    for local, entity_id, scored in zip(entities, entity_ids, alternatives, strict=True):
        if entity_id not in heads or not _joined_by_full_name(entity_id, scored):
            continue  # a new entity, or one joined by less than a full name, bridges nothing
        joined: list[tuple[Scored, str]] = []
        for other in scored[1:]:
            known = other.candidate
            if known.id in own or known.id not in heads or _keys(known) & blocked:
                continue
            ours = (*local.aliases, *scored[0].candidate.aliases)
            if heads[entity_id][1] != "PERSON" and qualified_apart(ours, known.aliases):
                continue  # the Texas and the U.S. Border Patrol, both also "Border Patrol"
            why = bridged(local, heads[entity_id], other, heads)
            if why is not None:
                joined.append((other, why))
        if not _can_be_one([heads[entity_id], *(heads[o.candidate.id] for o, _ in joined)]):
            continue  # a generic "Police Department" scored with Staunton's and Woodburn's: no bridge
        for other, why in joined:
            if other.relation in LONE:
                lone_claims[other.candidate.id].add(entity_id)
            keep, absorbed = sorted((entity_id, other.candidate.id))
            found.setdefault((keep, absorbed), why)
    doubtful = {lone for lone, claims in lone_claims.items() if len(claims) > 1}
    return [(keep, absorbed, why) for (keep, absorbed), why in sorted(found.items()) if not {keep, absorbed} & doubtful]
