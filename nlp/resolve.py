"""Which mentions name the same entity: within one article, then against the store.

Pure functions: the handler reads candidates from the store and passes them in. Every
join keeps its reason, so a reporter can see why two names were taken as one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from domain import (
    SAME_NAME,
    AliasKeys,
    Analysis,
    KnownEntity,
    Link,
    LocalEntity,
    acronym_key,
    hyphenated_keys,
    initials,
    name_key,
    name_words,
    skeleton,
    spacing_skeletons,
)
from nlp.linking import (
    LinkContext,
    LinkerModel,
    explain,
    may_be_short_form,
    one_person_in_one_article,
    score_candidates,
    shipped_model,
    tail_may_stand_alone,
)
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
    entities = _build(analysis, groups, fallback or {}, tied)
    return _fold_short_forms(_fold_name_variants(entities))


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


def _fold_short_forms(entities: list[LocalEntity]) -> list[LocalEntity]:
    people: dict[str, list[LocalEntity]] = defaultdict(list)
    groups: dict[str, list[LocalEntity]] = defaultdict(list)
    for entity in entities:
        words = name_key(entity.name).split()
        if len(words) < 2:
            continue
        if entity.label == "PERSON":
            words = name_words(name_key(entity.name))  # "Comeaux" of "Arcade Joseph Comeaux Jr."
            people[words[-1]].append(entity)
            for cut in range(1, len(words) - 1):  # a surname of several words: "Lo Presti", "De Niro"
                people[" ".join(words[cut:])].append(entity)
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
        owner, why = None, ""
        surname_of = list({id(final(p)): final(p) for p in people.get(key, []) if p is not entity}.values())
        if " " not in key and len(surname_of) > 1:
            if _split_among_people(entity, surname_of):
                emptied.add(id(entity))  # every mention went to a full name
                continue
        group_owner = sole_owner(key, entity)
        acronym = acronym_key(entity.name) if " " not in key else ""
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


# Across articles -----------------------------------------------------------------------


def lookup_keys(entity: LocalEntity) -> dict[str, set[str]]:
    """What to ask the store for: alias keys, spelling skeletons, surnames and true acronyms.

    Two full names never meet by their initials: only an all-capitals name finds the names it
    abbreviates ("acronyms"), and a several-word name finds stored acronyms of it (its initials
    among "keys").
    """
    found = [AliasKeys.of(a) for a in entity.aliases]
    full = [name_words(k.key) for k in found if " " in k.key]
    person = _could_be_person(entity)
    keys = {k.key for k in found} | {acronym_key(a) for a in entity.aliases if acronym_key(a)}
    keys |= {hyphenated for k in found for hyphenated in hyphenated_keys(k.key)}
    if not person:
        keys |= {initials(a) for a in entity.aliases if " " in name_key(a) and not acronym_key(a)} - {""}
    # Every name finds stored names with its last word: people by surname, other things by the
    # head word ("Chargers" / "San Diego Chargers") or tail ("Surgeon General" / "U.S. Surgeon General").
    surnames = {k.surname for k in found if k.surname}
    if not person:
        surnames |= {skeleton(name_key(a)) for a in entity.aliases if " " not in name_key(a) and not acronym_key(a)}
    if person:
        keys |= {words[-1] for words in full}  # a stored lone surname ("Obama")
        surnames |= {skeleton(k.key) for k in found if " " not in k.key}
    return {
        "keys": keys,
        "skeletons": {k.skeleton for k in found if k.skeleton} | {s for k in found for s in spacing_skeletons(k.key)},
        "surnames": surnames,
        "acronyms": {acronym_key(a) for a in entity.aliases} - {""},
    }


def _could_be_person(entity: LocalEntity) -> bool:
    return entity.label == "PERSON" or entity.maybe_person


def link_entity(
    entity: LocalEntity,
    candidates: list[KnownEntity],
    descriptors: Iterable[str] = (),
    context: LinkContext | None = None,
    model: LinkerModel | None = None,
) -> Link:
    """The stored entity ``entity`` is: the most probable candidate at or above the model's threshold.

    A name the article itself ties to others (a stated rename, a handle) joins every stored entity
    of those names. Otherwise names only propose; the weighed evidence decides, and the reason
    says which.
    """
    ours = list(descriptors)
    stated = any(why.startswith(("renamed", "handle")) for why in entity.reasons.values())
    if stated:
        keys = {name_key(a) for a in entity.aliases}
        exact = [k for k in candidates if keys & _keys(k)]
        if exact:
            chosen = next((k for k in exact if name_key(k.name) == name_key(entity.name)), exact[0])
            absorb = tuple(k.id for k in exact if k.id != chosen.id)
            return Link(chosen.id, chosen.type, SAME_NAME, absorb)
    scored = score_candidates(entity, candidates, context or LinkContext(), ours, model)
    threshold = (model or shipped_model()).threshold
    if not scored or scored[0].probability < threshold:
        if scored:
            return Link(None, entity.label, f"new: {explain(scored[0])} is too weak")
        return Link(None, entity.label, "new")
    best = scored[0]
    reason = SAME_NAME if best.relation in ("same_full", "same_single") else explain(best)
    return Link(best.candidate.id, best.candidate.type, reason)


def _keys(known: KnownEntity) -> set[str]:
    return {name_key(a) for a in known.aliases} | {name_key(known.name)}


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


def add_bare_company_names(analysis: Analysis, blocked: set[str]) -> None:
    """ "Microsoft Corp." is also "Microsoft": the bare name becomes an alias of everything but a
    person, so articles that drop the legal form find it (and it finds them). Done where ingest and
    rebuild both pass (handlers.resolution), never for a name a reporter split off (``blocked``)."""
    for entity in analysis.entities:
        if entity.label == "PERSON":
            continue
        known = {name_key(a) for a in entity.aliases}
        for form in list(entity.aliases):
            bare = without_legal_form(form)
            if bare and name_key(bare) not in known | blocked:
                known.add(name_key(bare))
                entity.aliases.append(bare)
                entity.reasons[bare] = f"{form} without its legal form"
        entity.aliases.sort()
