"""Which mentions name the same entity: within one article, then against the store.

Pure functions: the handler reads candidates from the store and passes them in. Every
join keeps its reason, so a reporter can see why two names were taken as one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from nlp.model import (
    SAME_NAME,
    AliasKeys,
    Analysis,
    KnownEntity,
    Link,
    LocalEntity,
    acronym_key,
    initials,
    name_key,
    skeleton,
)

_STOP = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "who", "is", "s", "his", "her"}


class _Groups:
    """Union-find over mention indices; the first side of a union stays the head."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, head: int, other: int) -> None:
        a, b = self.find(head), self.find(other)
        if a != b:
            self.parent[b] = a


def group_mentions(
    analysis: Analysis,
    ties: Iterable[tuple[int, int, str]] = (),
    fallback: dict[str, str] | None = None,
) -> list[LocalEntity]:
    """One LocalEntity per person or thing the article names.

    Joined: mentions of the same name; ``ties`` the text states (renames, handles); a lone
    surname and the one full name ending with it ("Putin" → "Vladimir Putin"); a short or
    acronym form of an organisation ("the Journal", "WSJ" → "Wall Street Journal").
    ``fallback`` relabels single words tagged PERSON that the article never shows to be people.
    """
    mentions = analysis.mentions
    groups = _Groups(len(mentions))
    first_by_key: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        key = name_key(mention.text)
        if key in first_by_key:
            groups.union(first_by_key[key], index)
        else:
            first_by_key[key] = index
    tied: dict[str, str] = {}
    for head, other, why in ties:
        groups.union(head, other)
        tied[name_key(mentions[other].text)] = why
    entities = _build(analysis, groups, fallback or {}, tied)
    return _fold_short_forms(entities)


def _build(analysis: Analysis, groups: _Groups, fallback: dict[str, str], tied: dict[str, str]) -> list[LocalEntity]:
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(analysis.mentions)):
        members[groups.find(index)].append(index)
    entities = []
    for head, indices in members.items():
        head_key = name_key(analysis.mentions[head].text)
        forms = Counter(analysis.mentions[i].text for i in indices)
        named = [f for f, _ in forms.most_common() if name_key(f) == head_key]
        labels = Counter(analysis.mentions[i].label for i in indices)
        label = labels.most_common(1)[0][0]
        entity = LocalEntity(name=named[0], label=label, aliases=sorted(forms), mentions=sorted(indices))
        for form in forms:
            key = name_key(form)
            entity.reasons[form] = SAME_NAME if key == head_key else tied.get(key, "tied in the text")
        if label == "PERSON" and head_key in fallback:
            entity.label, entity.maybe_person = fallback[head_key], True
        entities.append(entity)
    by_mention = {m: e for e in entities for m in e.mentions}
    for number, descriptor in enumerate(analysis.descriptors):
        by_mention[descriptor.mention].descriptors.append(number)
    return sorted(entities, key=lambda e: e.mentions[0])


def _fold_short_forms(entities: list[LocalEntity]) -> list[LocalEntity]:
    people: dict[str, list[LocalEntity]] = defaultdict(list)
    groups: dict[str, list[LocalEntity]] = defaultdict(list)
    for entity in entities:
        words = name_key(entity.name).split()
        if len(words) < 2:
            continue
        if entity.label == "PERSON":
            people[words[-1]].append(entity)
        elif entity.label in ("ORG", "GPE", "FAC", "NORP", "LOC"):
            groups[words[-1]].append(entity)
            if initials(entity.name):
                groups["acronym:" + initials(entity.name)].append(entity)
    kept = []
    for entity in entities:
        key = name_key(entity.name)
        owner, why = None, ""
        if " " not in key:
            if len(people.get(key, [])) == 1:
                owner = people[key][0]
                why = f"surname of {owner.name} in the same article"
            elif len(groups.get(key, [])) == 1 and entity.label != "PERSON":
                owner = groups[key][0]
                why = f"short form of {owner.name} in the same article"
            elif acronym_key(entity.name) and len(groups.get("acronym:" + acronym_key(entity.name), [])) == 1:
                owner = groups["acronym:" + acronym_key(entity.name)][0]
                why = f"acronym of {owner.name} in the same article"
        if owner is None:
            kept.append(entity)
            continue
        owner.aliases = sorted(set(owner.aliases) | set(entity.aliases))
        owner.mentions = sorted(owner.mentions + entity.mentions)
        owner.descriptors = sorted(owner.descriptors + entity.descriptors)
        for alias in entity.aliases:
            owner.reasons.setdefault(alias, why)
    return kept


# Across articles -----------------------------------------------------------------------


def lookup_keys(entity: LocalEntity) -> dict[str, set[str]]:
    """What to ask the store for: alias keys, spelling skeletons, surnames, initials."""
    found = [AliasKeys.of(a) for a in entity.aliases]
    lone = {k.key for k in found if " " not in k.key}
    return {
        "keys": {k.key for k in found} | {acronym_key(a) for a in entity.aliases if acronym_key(a)},
        "skeletons": {k.skeleton for k in found if k.skeleton},
        "surnames": {skeleton(k) for k in lone} if _could_be_person(entity) and len(lone) == len(found) else set(),
        "initials": {k.initials for k in found if k.initials},
    }


def _could_be_person(entity: LocalEntity) -> bool:
    return entity.label == "PERSON" or entity.maybe_person


def _role_words(texts: Iterable[str]) -> set[str]:
    words = set()
    for text in texts:
        words |= {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}
    return words


def descriptors_conflict(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """Both sides describe the person and share no word: likely two different people."""
    a, b = _role_words(ours), _role_words(theirs)
    return bool(a) and bool(b) and not (a & b)


def link_entity(entity: LocalEntity, candidates: list[KnownEntity], descriptors: Iterable[str] = ()) -> Link:
    """The stored entity ``entity`` is, by the first rule that finds exactly one candidate.

    Rules, strongest first: an alias in common; a spelling variant of a full name
    (Dmitry/Dmitri Peskov); a lone surname with one person of that surname; an acronym
    and its expansion. A shared first name is never enough (Dmitri Alperovitch is not
    Dmitri Peskov), and a surname does not join a person described differently.
    """
    ours = list(descriptors)
    keys = lookup_keys(entity)
    single_word = all(" " not in name_key(a) for a in entity.aliases)
    full_person = entity.label == "PERSON" and not single_word
    # A full name meets stored names by full name: a surname it shares says nothing
    # (Anna Peskov is not Dmitry Peskov, whose surname alias is "Peskov").
    exact_keys = {k for k in keys["keys"] if " " in k or k.startswith("@")} if full_person else keys["keys"]
    exact = [
        k
        for k in candidates
        if exact_keys & _keys(k)
        and (k.type == entity.label or entity.maybe_person or single_word)
        and not (single_word and k.type == "PERSON" and descriptors_conflict(ours, k.descriptors))
    ]
    if exact:
        return _exact_link(entity, exact)
    variants = [
        k
        for k in candidates
        if k.type == entity.label
        and keys["skeletons"] & {AliasKeys.of(a).skeleton for a in k.aliases}
        and not descriptors_conflict(ours, k.descriptors)
    ]
    if len(variants) == 1:
        return Link(variants[0].id, variants[0].type, f"spelling variant of {variants[0].name}")
    people = [
        k
        for k in candidates
        if k.type == "PERSON"
        and keys["surnames"] & {AliasKeys.of(a).surname for a in k.aliases}
        and not descriptors_conflict(ours, k.descriptors)
    ]
    if len(people) == 1:
        return Link(people[0].id, "PERSON", f"surname of {people[0].name}, the only one stored")
    if full_person:
        surname = skeleton(name_key(entity.name).split()[-1])
        lone = [
            k
            for k in candidates
            if k.type == "PERSON"
            and all(" " not in a for a in _keys(k) if not a.startswith("@"))
            and surname in {skeleton(a) for a in _keys(k)}
            and not descriptors_conflict(ours, k.descriptors)
        ]
        if len(lone) == 1:
            return Link(lone[0].id, "PERSON", f"full name of {lone[0].name}, stored by surname only")
    expansions = [
        k
        for k in candidates
        if k.type != "PERSON" and keys["initials"] & ({AliasKeys.of(a).initials for a in k.aliases} | _keys(k))
    ]
    if len(expansions) == 1:
        return Link(expansions[0].id, expansions[0].type, f"acronym of {expansions[0].name}")
    return Link(None, entity.label, "new")


def _exact_link(entity: LocalEntity, exact: list[KnownEntity]) -> Link:
    chosen = _one(exact, entity)
    stated = any(why.startswith(("renamed", "handle")) for why in entity.reasons.values())
    if chosen is None and stated:
        chosen = next((k for k in exact if name_key(k.name) == name_key(entity.name)), exact[0])
    if chosen is None:
        return Link(None, entity.label, "new: the name fits several stored entities")
    absorb = tuple(k.id for k in exact if k.id != chosen.id) if stated else ()
    return Link(chosen.id, chosen.type, SAME_NAME, absorb)


def _keys(known: KnownEntity) -> set[str]:
    return {name_key(a) for a in known.aliases} | {name_key(known.name)}


def _one(found: list[KnownEntity], entity: LocalEntity) -> KnownEntity | None:
    if len(found) == 1:
        return found[0]
    same_type = [k for k in found if k.type == entity.label] or found
    if len(same_type) == 1:
        return same_type[0]
    named = [k for k in same_type if name_key(k.name) == name_key(entity.name)]
    return named[0] if len(named) == 1 else None


def separate_blocked(analysis: Analysis, blocked: set[str]) -> None:
    """Names a reporter split off an entity stand alone again in later articles."""
    result = []
    for entity in analysis.entities:
        keys = {name_key(a) for a in entity.aliases}
        split = keys & blocked
        if not split or split == keys:
            result.append(entity)
            continue
        for alias_key in sorted(split):
            forms = [a for a in entity.aliases if name_key(a) == alias_key]
            moved = [i for i in entity.mentions if name_key(analysis.mentions[i].text) == alias_key]
            result.append(
                LocalEntity(
                    name=forms[0],
                    label=entity.label,
                    aliases=forms,
                    mentions=moved,
                    reasons={f: "split off by a reporter" for f in forms},
                )
            )
            entity.mentions = [i for i in entity.mentions if i not in moved]
        entity.aliases = [a for a in entity.aliases if name_key(a) not in split]
        result.append(entity)
    analysis.entities = result
