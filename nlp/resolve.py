"""Which mentions name the same entity within one article (across articles: ``nlp.linker``).

Pure functions. Every join keeps its reason, so a reporter can see why two names were taken as one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from domain import (
    SAME_NAME,
    Analysis,
    LocalEntity,
    acronym_key,
    initials,
    name_key,
    name_words,
)
from nlp.linker.abbreviations import definitions
from nlp.linker.names import may_be_short_form, one_person_in_one_article, tail_may_stand_alone
from nlp.linker.short_forms import short_surnames, without_honorific
from nlp.linker.states import state_of
from nlp.names import without_legal_form


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
    for short, long in definitions(analysis.text):  # "the Associated Press (AP)"
        longs = [i for i, m in enumerate(mentions) if name_key(m.text) == name_key(long)]
        shorts = [i for i, m in enumerate(mentions) if name_key(m.text) == name_key(short)]
        for other in shorts if longs else ():
            groups.union(longs[0], other)
            tied.setdefault(name_key(short), f"abbreviation of {mentions[longs[0]].text} defined in the same article")
    entities = _build(analysis, groups, fallback or {}, tied)
    states = frozenset(id(e) for e in entities if state_of(analysis, e))  # "Washington, D.C." is no Daily Caller
    return _fold_short_forms(_fold_name_variants(entities), states)


def _fold_name_variants(entities: list[LocalEntity]) -> list[LocalEntity]:
    """Two full names of one person in the article (``one_person_in_one_article``) are one entity,
    under the name given first; else a lone surname after them would be taken as ambiguous between
    two people, and the two would stay apart in the store."""
    people = [e for e in entities if e.label == "PERSON" and " " in name_key(e.name)]
    folded: set[int] = set()
    for number, head in enumerate(people):
        if id(head) in folded:
            continue
        for other in people[number + 1 :]:
            if id(other) in folded or not one_person_in_one_article(head.name, other.name):
                continue
            _absorb(head, other, f"another form of {head.name} in the same article")
            folded.add(id(other))
    return [e for e in entities if id(e) not in folded]


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


def _fold_short_forms(entities: list[LocalEntity], states: frozenset[int] = frozenset()) -> list[LocalEntity]:
    """Short forms folded into the one longer name of the article they shorten; ``states`` (ids of
    entities that are a US state's abbreviation after a place, ``nlp.linker.states``) are that
    state, never the acronym of another name."""
    people: dict[str, list[LocalEntity]] = defaultdict(list)
    groups: dict[str, list[LocalEntity]] = defaultdict(list)
    for entity in entities:
        words = name_key(entity.name).split()
        if len(words) < 2:
            continue
        if entity.label == "PERSON":
            words = name_words(without_honorific(name_key(entity.name)))  # "Comeaux" of "Arcade Joseph Comeaux Jr."
            if len(words) < 2:  # "Mr Cho" is the surname Cho, no full name
                continue
            people[words[-1]].append(entity)
            for cut in range(1, len(words) - 1):  # a surname of several words: "Lo Presti", "De Niro"
                people[" ".join(words[cut:])].append(entity)
            for short in short_surnames(words):  # "Kim" of Kim Jong-un, "Fernández" of Fernández de Kirchner
                people[short].append(entity)
        elif entity.label in ("ORG", "GPE", "FAC", "NORP", "LOC"):
            for cut in range(1, len(words)):  # "Surgeon General" of "U.S. Surgeon General"
                if tail_may_stand_alone(words, cut):  # "Athens" is not short for "University of Athens"
                    groups[" ".join(words[cut:])].append(entity)
            if "of" in words[1:]:  # the head comes before "of": "Academy" of "Academy of Motion Picture…"
                groups[" ".join(words[: words.index("of", 1)])].append(entity)
            bare = without_legal_form(entity.name)
            if bare:  # "Apple" of "Apple Inc."
                groups[name_key(bare)].append(entity)
            expansion = initials(bare or entity.name)  # "Apple Inc." is no "AI"
            if expansion:
                groups["acronym:" + expansion].append(entity)
    folded_into: dict[int, LocalEntity] = {}
    emptied: set[int] = set()

    def final(entity: LocalEntity) -> LocalEntity:
        while id(entity) in folded_into:
            entity = folded_into[id(entity)]
        return entity

    def sole_owner(key: str, entity: LocalEntity) -> LocalEntity | None:
        owners = {id(final(o)): final(o) for o in groups.get(key, []) if o is not entity}
        owner = next(iter(owners.values())) if len(owners) == 1 else None
        return owner if owner is not None and owner is not entity else None

    # Longer names first, so a short form sees what its longer forms were folded into.
    for entity in sorted(entities, key=lambda e: -len(name_key(e.name).split())):
        key = name_key(entity.name)
        if entity.label == "PERSON":
            key = without_honorific(key)
        owner, why = None, ""
        surname_of = list({id(final(p)): final(p) for p in people.get(key, []) if p is not entity}.values())
        if " " not in key and len(surname_of) > 1:
            if _split_among_people(entity, surname_of):
                emptied.add(id(entity))  # every mention went to a full name
                continue
        group_owner = sole_owner(key, entity)
        acronym = acronym_key(entity.name) if " " not in key and id(entity) not in states else ""
        if (" " not in key or entity.label == "PERSON") and len(surname_of) == 1:
            owner = surname_of[0]
            why = f"surname of {owner.name} in the same article"
        elif group_owner is not None and may_be_short_form(entity.label, group_owner.label):
            owner = group_owner
            bare = without_legal_form(owner.name)
            if bare and name_key(bare) == key:
                why = f"{owner.name} without its legal form"
            else:
                why = f"short form of {owner.name} in the same article"
        elif acronym and sole_owner("acronym:" + acronym, entity) is not None:
            owner = sole_owner("acronym:" + acronym, entity)
            why = f"acronym of {owner.name} in the same article"
        if owner is None:
            continue
        owner = final(owner)
        folded_into[id(entity)] = owner
        _absorb(owner, entity, why)
    return [e for e in entities if id(e) not in folded_into and id(e) not in emptied]


def _absorb(owner: LocalEntity, entity: LocalEntity, why: str) -> None:
    """``owner`` takes ``entity``'s names, mentions and descriptors; each name keeps its first reason."""
    owner.aliases = sorted(set(owner.aliases) | set(entity.aliases))
    owner.mentions = sorted(owner.mentions + entity.mentions)
    owner.descriptors = sorted(owner.descriptors + entity.descriptors)
    for alias in entity.aliases:
        owner.reasons.setdefault(alias, why)


def _split_among_people(entity: LocalEntity, owners: list[LocalEntity]) -> bool:
    """A surname two full names share: each mention goes to the one named last before it.

    Mentions before any full name stay with ``entity`` (ambiguous). True when none are left.
    """
    left = []
    for mention in entity.mentions:
        before = [
            (max(m for m in owner.mentions if m < mention), owner)
            for owner in owners
            if any(m < mention for m in owner.mentions)
        ]
        if not before:
            left.append(mention)
            continue
        owner = max(before, key=lambda item: item[0])[1]
        owner.mentions = sorted(owner.mentions + [mention])
        owner.aliases = sorted(set(owner.aliases) | {entity.name})
        owner.reasons.setdefault(entity.name, f"surname of {owner.name}, the one named last before it")
    entity.mentions = left
    return not left
