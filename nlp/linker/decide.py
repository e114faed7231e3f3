"""One entity's decision: every candidate scored, the most probable at or above the threshold wins.

A name the article ties to others (a stated rename, a handle) joins every stored entity of those
names. Otherwise names only propose; the weighed evidence decides, and the reason says which.
An acronym whose candidate's articles share nothing with the new one joins only when the model is
sure (``LinkerModel.sure``), a name that stands only inside a longer name or title is no short
form of anything, and a lone name said under a monarch's or a pope's title is no surname.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from domain import SAME_NAME, KnownEntity, Link, LocalEntity, name_key
from nlp.linker.evidence import LinkContext, features
from nlp.linker.model import LinkerModel, shipped_model
from nlp.linker.names import NEVER, SAME_NAMES, relation_to, types_agree
from nlp.linker.short_forms import regnal_name

#: Relations by which one name is a piece or a short form of the other.
PIECES = frozenset({"contained", "part_of", "surname", "acronym"})


@dataclass(frozen=True)
class Scored:
    candidate: KnownEntity
    relation: str
    probability: float
    features: dict[str, float]


def score_candidates(
    entity: LocalEntity,
    candidates: list[KnownEntity],
    context: LinkContext,
    descriptors: Iterable[str] = (),
    model: LinkerModel | None = None,
) -> list[Scored]:
    """Every candidate with a name relation that may join, most probable first."""
    model = model or shipped_model()
    ours = list(descriptors)
    related = [(k, relation_to(entity, k)) for k in candidates]
    related = [(k, r) for k, r in related if r not in NEVER and (r in SAME_NAMES or types_agree(entity, k, r))]
    if context.inside_title:  # "State" of "Secretary of State" is no short form of Islamic State
        related = [(k, r) for k, r in related if r not in PIECES and not _called_so_for_short(entity, k, r)]
    related = [(k, r) for k, r in related if not _regnal_clash(entity, k, r, context)]
    scored = []
    for k, relation in related:
        rivals = sum(1 for _, other in related if other == relation) - 1
        f = features(entity, k, relation, context, ours, rivals)
        scored.append(Scored(k, relation, model.probability(f), f))
    return sorted(scored, key=lambda s: (-s.probability, s.candidate.id))


def _called_so_for_short(entity: LocalEntity, candidate: KnownEntity, relation: str) -> bool:
    """The one word is only another name of the candidate, a short form an earlier article gave it
    ("State", once said for Islamic State), not the name the candidate goes by: for a word that
    stands inside a longer expression that is no evidence at all."""
    return relation == "same_single" and name_key(candidate.name) != name_key(entity.name)


def _regnal_clash(entity: LocalEntity, candidate: KnownEntity, relation: str, context: LinkContext) -> bool:
    """King Abdullah is not Asiya Ummi Abdullah, whichever of the two the store met first: a name
    said under a monarch's or a pope's title is no surname. Nor does it join, as the same one word,
    a person stored under a full name ending in it and never so titled: the lone name the store
    took there was a surname (the store's Asiya Ummi Abdullah, once called "Abdullah")."""
    if relation == "surname":
        return context.regnal or regnal_name(candidate.name, candidate.titles)
    if relation != "same_single" or not context.regnal or regnal_name(entity.name, candidate.titles):
        return False
    key = name_key(entity.name)
    return any(" " in full and full.rsplit(" ", 1)[1] == key for full in map(name_key, candidate.aliases))


def may_link(best: Scored, model: LinkerModel) -> bool:
    """At or above the threshold; an acronym with nothing in common with its candidate's story
    needs the model to be sure."""
    if best.features.get("apart_acronym"):
        return best.probability >= max(model.sure, model.threshold)
    return best.probability >= model.threshold


def link_entity(
    entity: LocalEntity,
    candidates: list[KnownEntity],
    descriptors: Iterable[str] = (),
    context: LinkContext | None = None,
    model: LinkerModel | None = None,
) -> Link:
    """The stored entity ``entity`` is, or a new one.

    Args:
        entity: one of the article's entities.
        candidates: stored entities its names found.
        descriptors: what the article calls it.
        context: what the article offers beyond the name.
        model: the logistic model (the shipped one by default).

    Returns:
        A Link to the chosen candidate, or to None with why none was strong enough.
    """
    return decide(entity, candidates, descriptors, context, model)[0]


def decide(
    entity: LocalEntity,
    candidates: list[KnownEntity],
    descriptors: Iterable[str] = (),
    context: LinkContext | None = None,
    model: LinkerModel | None = None,
) -> tuple[Link, tuple[Scored, ...]]:
    """``link_entity``'s Link, and every candidate that could have been chosen (at or above the
    threshold, most probable first, the chosen one first): what the article says about stored
    entities besides the one it joins, so that an article bridging two of them can join them
    (``nlp.linker.bridges``) whichever came first. A join stated in the text has none."""
    model = model or shipped_model()
    stated = any(why.startswith(("renamed", "handle")) for why in entity.reasons.values())
    if stated:
        keys = {name_key(a) for a in entity.aliases}
        exact = [k for k in candidates if keys & _keys(k)]
        if exact:
            chosen = next((k for k in exact if name_key(k.name) == name_key(entity.name)), exact[0])
            absorb = tuple(k.id for k in exact if k.id != chosen.id)
            return Link(chosen.id, chosen.type, SAME_NAME, absorb), ()
    scored = score_candidates(entity, candidates, context or LinkContext(), descriptors, model)
    linkable = [s for s in scored if may_link(s, model)]
    if not linkable:
        if scored:
            return Link(None, entity.label, f"new: {explain(scored[0])} is too weak"), ()
        return Link(None, entity.label, "new"), ()
    best = linkable[0]
    reason = SAME_NAME if best.relation in SAME_NAMES and not best.features.get("apart_acronym") else explain(best)
    return Link(best.candidate.id, best.candidate.type, reason), tuple(linkable)


def _keys(known: KnownEntity) -> set[str]:
    return {name_key(a) for a in known.aliases} | {name_key(known.name)}


_WHY = {
    "same_full": "same name as {name}",
    "variant": "spelling variant of {name}",
    "first_name_variant": "first-name variant of {name}",
    "extends": "fuller or shorter form of {name}",
    "acronym": "acronym of {name}",
    "same_single": "same name as {name}",
    "surname": "surname of {name}",
    "contained": "short form of {name}",
    "part_of": "part of the name {name}",
    "same_surname": "same surname as {name}",
}


def explain(best: Scored) -> str:
    """One line a reporter can check: the name relation and the context that carried it."""
    f = best.features
    evidence = []
    if f.get("neighbours_log"):
        shared = round(math.expm1(f["neighbours_log"]))
        evidence.append(f"{shared} other name{'s' if shared != 1 else ''} in common")
    if f.get("similar_share"):
        evidence.append("similar articles")
    if f.get("descriptors_share"):
        evidence.append("described alike")
    if any(f.get(kind) for kind in ("apart_lone_person_name", "apart_acronym", "apart_head_word", "apart_same_name")):
        evidence.append("nothing else in common")
    relation = "acronym" if f.get("apart_acronym") else best.relation
    why = _WHY.get(relation, "linked to {name}").format(name=best.candidate.name)
    tail = f"; {', '.join(evidence)}" if evidence else ""
    return f"{why}{tail} (p={best.probability:.2f})"
