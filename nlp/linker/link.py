"""The one entry point: ``link(analysis, candidates, context) -> Linked``. Plain data in and out.

The handler reads what the store offers (candidates for every name, the stored articles most like
this one, the names reporters split off) and calls ``link``; it writes what comes back. The
``Analysis`` is never changed: the entities to store are copies, with names a reporter split off
standing alone again and a company's name without its legal form added as an alias.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from domain import Analysis, KnownEntity, Link, LocalEntity, name_key
from nlp.linker.decide import Scored, decide
from nlp.linker.evidence import LinkContext
from nlp.linker.lookup import lookup_keys, named_alike
from nlp.linker.model import LinkerModel
from nlp.linker.short_forms import inside_title, regnal_name, used_as_place_or_company
from nlp.linker.states import STATE_REASON, names_state, state_of
from nlp.names import without_legal_form


@dataclass(frozen=True)
class ArticleContext:
    """What the store says about the article beyond the candidates."""

    similar_articles: tuple[int, ...] = ()  # stored articles most like it, best first
    published: str | None = None
    blocked: frozenset[str] = frozenset()  # alias keys a reporter split off an entity


@dataclass
class Linked:
    """The entities to store (``entities[i]`` replaces ``analysis.entities[i]``, split-offs after
    them) and the stored entity each one is (``links[i]``)."""

    entities: list[LocalEntity] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    #: For each entity, the stored entities it could have been, the chosen one first (``decide``).
    alternatives: list[tuple[Scored, ...]] = field(default_factory=list)

    def analysis(self, analysis: Analysis) -> Analysis:
        """A shallow copy of ``analysis`` holding these entities (statements keep their indices)."""
        result = copy.copy(analysis)
        result.entities = self.entities
        return result


def _copy_entity(entity: LocalEntity) -> LocalEntity:
    """A copy whose lists and dict the linker may change (its fields hold only strings and ints,
    so copying the containers is a deep copy, at a tenth of ``copy.deepcopy``'s cost)."""
    return replace(
        entity,
        aliases=list(entity.aliases),
        mentions=list(entity.mentions),
        descriptors=list(entity.descriptors),
        reasons=dict(entity.reasons),
    )


def entities_to_link(analysis: Analysis, blocked: Iterable[str] = ()) -> list[LocalEntity]:
    """Copies of the article's entities as they will be linked and stored: names a reporter split
    off (``blocked``) stand alone again, appended after the others so statement indices still hold,
    the bare name of a company ("Microsoft" of "Microsoft Corp.") is an alias of it, a state's
    abbreviation after a place ("ELON, N.C.") has the state's name as an alias, and a lone word
    the article uses as a place or company is no longer taken for a possible person."""
    blocked = set(blocked)
    entities = [_copy_entity(e) for e in analysis.entities]
    split_off = []
    for entity in entities:
        keys = {name_key(a) for a in entity.aliases}
        split = keys & blocked
        if not split or split == keys:
            continue
        for alias_key in sorted(split):
            forms = [a for a in entity.aliases if name_key(a) == alias_key]
            moved = [i for i in entity.mentions if name_key(analysis.mentions[i].text) == alias_key]
            split_off.append(
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
    entities += split_off
    for entity in entities:
        if entity.maybe_person and used_as_place_or_company(analysis, entity):
            entity.maybe_person = False  # "in Kobani": the article reads it as a place, no one's surname
        state = state_of(analysis, entity)
        if state is not None and not names_state(entity.aliases, state):
            entity.aliases.append(state)
            entity.reasons[state] = f"{entity.name} {STATE_REASON}"
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
    return entities


def wanted_keys(entities: Iterable[LocalEntity]) -> dict[str, set[str]]:
    """Every key the store is asked for, over the article's entities."""
    wanted: dict[str, set[str]] = {"keys": set(), "skeletons": set(), "surnames": set(), "acronyms": set()}
    for entity in entities:
        for kind, values in lookup_keys(entity).items():
            wanted[kind] |= values
    return wanted


@dataclass(frozen=True)
class Request:
    """One entity's question to the linker: its candidates, descriptors and context."""

    entity: LocalEntity
    candidates: list[KnownEntity]
    descriptors: list[str]
    context: LinkContext


def requests(entities: list[LocalEntity], analysis: Analysis, candidates: list[KnownEntity], context: ArticleContext):
    """One Request per entity (``entities_to_link``), as ``link`` asks them; the trainer asks the same."""
    keys = [frozenset(name_key(a) for a in e.aliases) for e in entities]
    everything = frozenset().union(*keys) if keys else frozenset()
    for entity, own in zip(entities, keys, strict=True):
        titles = [analysis.descriptors[i].text for i in entity.descriptors if analysis.descriptors[i].kind == "title"]
        local = LinkContext(
            everything - own,
            context.similar_articles,
            context.published,
            inside_title(analysis, entity),
            regnal_name(entity.name, titles),
        )
        mine = named_alike(entity, candidates)
        if own & context.blocked:  # a name a reporter split off joins only an entity of that very name
            mine = [k for k in candidates if own & {name_key(a) for a in k.aliases}]
        state = state_of(analysis, entity)
        if state is not None:  # "Breaux Bridge, LA": Louisiana, whatever else is called LA
            mine = [k for k in mine if names_state(k.aliases + (k.name,), state)]
        yield Request(entity, mine, [analysis.descriptors[i].text for i in entity.descriptors], local)


def link(
    analysis: Analysis,
    candidates: list[KnownEntity],
    context: ArticleContext,
    model: LinkerModel | None = None,
) -> Linked:
    """Which stored entity each of the article's entities is.

    Args:
        analysis: the article as analysed (never changed).
        candidates: stored entities the article's names find (``wanted_keys`` of ``entities_to_link``).
        context: similar stored articles, the date, names reporters split off.
        model: the logistic model (the shipped one by default).

    Returns:
        The entities to store, one Link each, and the stored entities each could have been.
    """
    entities = entities_to_link(analysis, context.blocked)
    decided = [
        decide(r.entity, r.candidates, r.descriptors, r.context, model)
        for r in requests(entities, analysis, candidates, context)
    ]
    return Linked(entities, [d[0] for d in decided], [d[1] for d in decided])
