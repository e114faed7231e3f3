"""Which stored entity each of an article's entities is: candidates and context from the store,
the decision from nlp's linker. Shared by ingest, `newsroom entities rebuild` and the trainer."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from domain import AliasKeys, Analysis, KnownEntity, Link, LocalEntity, name_key
from nlp.linking import LinkContext, article_terms
from nlp.resolve import add_bare_company_names, link_entity, lookup_keys, separate_blocked
from store import Store

#: Stored articles most like the new one that count as its story's neighbours.
SIMILAR_ARTICLES = 20
#: Words of the new article (its rarest frequent ones) that find those articles.
QUERY_TERMS = 15
#: A match scoring below this share of the best match's bm25 is another story sharing a few words.
#: 0.3: the best of 0, 0.2, 0.3, 0.4, 0.5 on ECB+ train (B-cubed 0.867 -> 0.870, the linker retrained
#: for each); kept matches from the same story 54 % -> 68 %, losing 4 % of them.
SIMILAR_FLOOR = 0.3

Decide = Callable[[LocalEntity, list[KnownEntity], list[str], LinkContext], Link]


def similar_articles(store: Store, text: str, exclude: int | None = None) -> tuple[int, ...]:
    """Stored articles sharing the most distinctive words of ``text``, best first, none far
    below the best: a story's neighbours, not every article that shares a word with it."""
    counts = article_terms(text)
    if not counts:
        return ()
    df, total = store.article_term_counts(list(counts))
    if not total:
        return ()
    seen = [t for t in counts if df.get(t)]  # a word no stored article uses cannot find one
    weighted = sorted(seen, key=lambda t: (-counts[t] * _idf(df[t], total), t))
    matches = store.search_articles(weighted[:QUERY_TERMS], limit=SIMILAR_ARTICLES + 1)
    found = [(a, score) for a, score in matches if a != exclude]
    floor = found[0][1] * SIMILAR_FLOOR if found else 0.0
    return tuple(a for a, score in found if score >= floor)[:SIMILAR_ARTICLES]


def _idf(df: int, total: int) -> float:
    return math.log((total + 1) / (df + 1))


def _lookup_forms(aliases: Iterable[str]) -> set[str]:
    """Every form under which the store finds these names (keys, skeletons, surnames, initials)."""
    forms = set()
    for alias in aliases:
        k = AliasKeys.of(alias)
        forms |= {k.key, k.skeleton, k.surname, k.initials} - {""}
    return forms


def _named_alike(entity: LocalEntity, candidates: list[KnownEntity], forms: dict[int, set[str]]) -> list[KnownEntity]:
    """The article's candidates this entity's own names could have found."""
    wanted = set().union(*lookup_keys(entity).values())
    return [k for k in candidates if wanted & forms[k.id]]


def entity_keys(entities: Iterable[LocalEntity]) -> list[frozenset[str]]:
    return [frozenset(name_key(a) for a in e.aliases) for e in entities]


def resolve_links(
    store: Store,
    analysis: Analysis,
    published: str | None = None,
    article_id: int | None = None,
    decide: Decide | None = None,
) -> list[Link]:
    """One Link per ``analysis.entities``, reporters' splits respected.

    ``decide`` replaces the linker (the trainer records features and follows the gold answer).
    """
    blocked = store.split_alias_keys()
    separate_blocked(analysis, blocked)
    add_bare_company_names(analysis, blocked)
    wanted: dict[str, set[str]] = {"keys": set(), "skeletons": set(), "surnames": set(), "acronyms": set()}
    for entity in analysis.entities:
        for kind, values in lookup_keys(entity).items():
            wanted[kind] |= values
    candidates = store.resolution_candidates(wanted)
    similar = similar_articles(store, analysis.text, article_id) if candidates else ()
    candidate_keys = {k.id: _lookup_forms(k.aliases + (k.name,)) for k in candidates}
    keys = entity_keys(analysis.entities)
    everything = frozenset().union(*keys) if keys else frozenset()
    links = []
    for entity, own in zip(analysis.entities, keys, strict=True):
        context = LinkContext(everything - own, similar, published)
        descriptors = [analysis.descriptors[i].text for i in entity.descriptors]
        mine = _named_alike(entity, candidates, candidate_keys)
        if own & blocked:  # a name a reporter split off joins only an entity of that very name
            mine = [k for k in candidates if own & {name_key(a) for a in k.aliases}]
        if decide is not None:
            links.append(decide(entity, mine, descriptors, context))
        else:
            links.append(link_entity(entity, mine, descriptors, context))
    return links
