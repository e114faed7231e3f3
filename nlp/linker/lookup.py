"""What the handler asks the store for: the keys an article's names find candidates by, and the
words that find the stored articles most like it (its story's neighbours)."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from domain import (
    AliasKeys,
    KnownEntity,
    LocalEntity,
    acronym_key,
    hyphenated_keys,
    initials,
    name_key,
    name_words,
    skeleton,
    spacing_skeletons,
)
from nlp.linker.short_forms import with_article, without_article

#: Stored articles most like the new one that count as its story's neighbours.
SIMILAR_ARTICLES = 20
#: Words of the new article (its rarest frequent ones) that find those articles.
QUERY_TERMS = 15
#: A match scoring below this share of the best match's bm25 is another story sharing a few words.
#: 0.3: the best of 0, 0.2, 0.3, 0.4, 0.5 on ECB+ train (B-cubed 0.867 -> 0.870, the linker retrained
#: for each); kept matches from the same story 54 % -> 68 %, losing 4 % of them.
SIMILAR_FLOOR = 0.3

_TERM = re.compile(r"[a-z][a-z'-]{3,}")
_COMMON = frozenset(
    """that this with from have been were will would could should their there they them what when
    which while about after before also into more most other over said says than then these those
    through very just like only some such where your year years told last first time""".split()
)


def article_terms(text: str, limit: int = 40) -> dict[str, int]:
    """The article's most frequent content words (lower-cased), with their counts."""
    counts: dict[str, int] = {}
    for word in _TERM.findall(text.lower()):
        word = word.strip("'-")
        if word not in _COMMON and len(word) > 3:
            counts[word] = counts.get(word, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit])


def query_terms(counts: dict[str, int], df: dict[str, int], total: int) -> list[str]:
    """The words to search the stored articles with: frequent here, rare in the store (tf-idf)."""
    seen = [t for t in counts if df.get(t)]  # a word no stored article uses cannot find one
    weighted = sorted(seen, key=lambda t: (-counts[t] * math.log((total + 1) / (df[t] + 1)), t))
    return weighted[:QUERY_TERMS]


def story_neighbours(matches: list[tuple[int, float]], exclude: int | None = None) -> tuple[int, ...]:
    """The matches (article, bm25 score; best first) that are the same story: none far below the best."""
    found = [(a, score) for a, score in matches if a != exclude]
    floor = found[0][1] * SIMILAR_FLOOR if found else 0.0
    return tuple(a for a, score in found if score >= floor)[:SIMILAR_ARTICLES]


def lookup_keys(entity: LocalEntity) -> dict[str, frozenset[str]]:
    """What to ask the store for: alias keys, spelling skeletons, surnames and true acronyms.

    Two full names never meet by their initials: only an all-capitals name finds the names it
    abbreviates ("acronyms"), and a several-word name finds stored acronyms of it (its initials
    among "keys").
    """
    person = entity.label == "PERSON" or entity.maybe_person
    return dict(_lookup_keys(tuple(entity.aliases), person))


@functools.lru_cache(maxsize=1 << 14)
def _lookup_keys(aliases: tuple[str, ...], person: bool) -> tuple[tuple[str, frozenset[str]], ...]:
    """``lookup_keys`` of these names. Cached: each name is looked up twice an ingest (what to ask
    the store, then which candidates it could have found), and the same names come back often."""
    found = [AliasKeys.of(a) for a in aliases]
    full = [name_words(k.key) for k in found if " " in k.key]
    keys = {k.key for k in found} | {acronym_key(a) for a in aliases if acronym_key(a)}
    keys |= {hyphenated for k in found for hyphenated in hyphenated_keys(k.key)}
    if not person:
        keys |= {initials(a) for a in aliases if " " in name_key(a) and not acronym_key(a)} - {""}
    # Every name finds stored names with its last word: people by surname, other things by the
    # head word ("Chargers" / "San Diego Chargers") or tail ("Surgeon General" / "U.S. Surgeon General").
    surnames = {k.surname for k in found if k.surname}
    if not person:
        surnames |= {skeleton(name_key(a)) for a in aliases if " " not in name_key(a) and not acronym_key(a)}
    if person:
        keys |= {words[-1] for words in full}  # a stored lone surname ("Obama")
        keys |= {without_article(words[-1]) for words in full}  # "Baghdadi" of Abu Bakr al-Baghdadi
        surnames |= {skeleton(k.key) for k in found if " " not in k.key}
        surnames |= {skeleton(form) for k in found if " " not in k.key for form in with_article(k.key)}
    found_keys = {
        "keys": keys,
        "skeletons": {k.skeleton for k in found if k.skeleton} | {s for k in found for s in spacing_skeletons(k.key)},
        "surnames": surnames,
        "acronyms": {acronym_key(a) for a in aliases} - {""},
    }
    return tuple((kind, frozenset(values)) for kind, values in found_keys.items())


def lookup_forms(aliases: Iterable[str]) -> set[str]:
    """Every form under which the store finds these names (keys, skeletons, surnames, initials)."""
    forms: set[str] = set()
    for alias in aliases:
        forms |= _forms_of(alias)
    return forms


@functools.lru_cache(maxsize=1 << 14)
def _known_forms(aliases: tuple[str, ...], name: str) -> frozenset[str]:
    """A stored candidate's forms. Cached: the same candidates are read for each name of an article."""
    return frozenset(lookup_forms((*aliases, name)))


@functools.lru_cache(maxsize=1 << 16)
def _forms_of(alias: str) -> frozenset[str]:
    """One name's forms. Cached: every stored candidate's names are read for each name an article holds."""
    k = AliasKeys.of(alias)
    return frozenset({k.key, k.skeleton, k.surname, k.initials} - {""})


def named_alike(entity: LocalEntity, candidates: list[KnownEntity]) -> list[KnownEntity]:
    """The article's candidates this entity's own names could have found."""
    wanted = set().union(*lookup_keys(entity).values())
    return [k for k in candidates if not wanted.isdisjoint(_known_forms(k.aliases, k.name))]
