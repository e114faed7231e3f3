"""Which stored entity an article's entity is: name evidence weighed with context, learned on ECB+.

Names propose candidates; they never decide alone. Each candidate is described by how the names
relate (same full name, spelling variant, surname, first-name variant, true acronym, ...), the
entity types, the other names the two share across their articles, whether the candidate's
articles are among the ones most like this article, descriptors, time, and how many rivals it has.
A logistic model (``data/linker_model.json``, trained by ``bench/train_linker.py`` on ECB+ train,
its threshold chosen on held-out train topics) turns that into a probability; the best candidate
at or above the threshold is the link, anything weaker starts a new entity. Pure functions.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources

from domain import (
    AliasKeys,
    KnownEntity,
    LocalEntity,
    acronym_key,
    generation,
    initials,
    name_key,
    name_words,
    run_together,
    skeleton,
)
from nlp.names import without_legal_form

#: Name relations, strongest first; a candidate takes the first that holds.
RELATIONS = (
    "same_full",  # a several-word name in common
    "variant",  # a several-word name spelled differently (Dmitry/Dmitri Peskov)
    "first_name_variant",  # same surname, first names that can be one (Jim/James, Stephen/Steven)
    "extends",  # one full name's words inside the other's (Barack Obama / Barack Hussein Obama)
    "part_of",  # an organisation's or place's name inside another's (New York / New York Times)
    "acronym",  # an all-capitals name and the initials of a several-word one (WHO)
    "same_single",  # a one-word name in common (Apple, Obama)
    "surname",  # a one-word name and the last word of a person's full name
    "contained",  # a one-word name inside an organisation's or place's name
    "same_surname",  # full names with the same surname and first names that cannot be one: strangers
    "other",
)
#: Relations that never join: a conflicting first name keeps two people apart (Anna / Dmitry Peskov).
NEVER = frozenset({"same_surname", "other"})
#: The only relations that may join a person to something else (the store corrects a label).
SAME_NAMES = frozenset({"same_full", "same_single"})

#: Common English short forms of first names: a general resource, not fitted to any sample.
NICKNAMES = {
    "jim": "james", "jimmy": "james", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "mick": "michael",
    "joe": "joseph", "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "steve": "stephen", "dave": "david", "dan": "daniel", "danny": "daniel", "chris": "christopher",
    "nick": "nicholas", "tony": "anthony", "ben": "benjamin", "alex": "alexander", "sam": "samuel",
    "matt": "matthew", "andy": "andrew", "pat": "patrick", "ed": "edward", "ted": "edward",
    "kate": "katherine", "katie": "katherine", "liz": "elizabeth", "beth": "elizabeth",
    "jen": "jennifer", "jenny": "jennifer", "sue": "susan", "peggy": "margaret", "meg": "margaret",
    "ron": "ronald", "don": "donald", "jerry": "gerald", "larry": "lawrence", "greg": "gregory",
    "fred": "frederick", "charlie": "charles", "chuck": "charles", "hank": "henry", "harry": "henry",
    "jack": "john", "johnny": "john", "pete": "peter", "zach": "zachary", "vicky": "victoria",
    "abe": "abraham", "al": "albert", "gene": "eugene", "len": "leonard", "phil": "philip",
    "ray": "raymond", "stan": "stanley", "tim": "timothy", "walt": "walter", "wes": "wesley",
}  # fmt: skip
#: Words after which the rest of a name is not its head ("Athens" of "University of Athens",
#: "Watergate" of "The Story of Watergate"), so it is no short form of it.
TAIL_CONNECTORS = frozenset({"of", "for", "and", "de", "&", "on", "in", "at"})
#: Words that make a region of a place, not a longer name for it: west London is not London, South
#: Sudan not Sudan, North Korea not Korea, so the bare place is no short form of the region's name.
REGION_WORDS = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
})  # fmt: skip


def tail_may_stand_alone(words: Sequence[str], cut: int) -> bool:
    """Whether ``words[cut:]`` of a name may be a short form of the whole: not after a connector,
    also past an article ("Workers' Party of Korea" of "Central Committee of the Workers' Party of
    Korea"), and not after a region word."""
    before = words[cut - 1]
    if before in ("the", "a", "an") and cut >= 2:
        before = words[cut - 2]
    return before not in TAIL_CONNECTORS and before not in REGION_WORDS


#: How alike two first names must be spelled to be one (Stephen/Steven 0.83, Dmitry/Dmitri 0.83).
FIRST_NAME_SIMILARITY = 0.8


@dataclass(frozen=True)
class LinkContext:
    """What the new article offers beyond the name: its other names, similar stored articles, date."""

    neighbours: frozenset[str] = frozenset()  # alias keys of the article's other entities
    similar_articles: tuple[int, ...] = ()  # stored articles most like this one, best first
    published: str | None = None


@dataclass(frozen=True)
class Scored:
    candidate: KnownEntity
    relation: str
    probability: float
    features: dict[str, float]


def _words(key: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", key) if w]


def first_names_match(a: str, b: str) -> bool:
    """Can two first names (or initials) name one person?"""
    a, b = a.strip("."), b.strip(".")
    if not a or not b:
        return False
    if _same_first_name(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    # The short form's full name may be spelled otherwise (Katie → Katherine, written Kathryn).
    pairs = {(a, b), (NICKNAMES.get(a, a), NICKNAMES.get(b, b))}
    alike = max(_similarity(x, y) for pair in pairs for x, y in (pair, (skeleton(pair[0]), skeleton(pair[1]))))
    return a[0] == b[0] and alike >= FIRST_NAME_SIMILARITY


def one_person_in_one_article(ours: str, theirs: str) -> bool:
    """Two full names that one article can only give to one person: the same surname, the same
    first name spelled otherwise or said by its nickname (Bettie / Betty Page, Jim / James Foley),
    and middle names that one of them leaves out (Barack Obama / Barack Hussein Obama, Betty Mae
    Page). Initials never do (J. Foley may be John), nor two different middle names (George W. /
    George H. W. Bush), nor a generational suffix one of them writes and the other does not (John
    Smith / John Smith Jr.: father and son are named so in one article). Credentials change nothing
    (Regina Benjamin / Regina Benjamin, MD)."""
    if generation(name_key(ours)) != generation(name_key(theirs)):
        return False
    if run_together(name_key(ours)) == run_together(name_key(theirs)):  # Kim Jong-un / Kim Jong Un
        return True
    a, b = name_words(name_key(ours)), name_words(name_key(theirs))
    if len(a) < 2 or len(b) < 2 or skeleton(a[-1]) != skeleton(b[-1]):
        return False
    given_a, given_b = a[:-1], b[:-1]
    if min(len(given_a), len(given_b)) > 1 and given_a[1:] != given_b[1:]:
        return False
    x, y = given_a[0].strip("."), given_b[0].strip(".")
    if len(x) < 2 or len(y) < 2:
        return False
    return _same_first_name(x, y)


def _same_first_name(a: str, b: str) -> bool:
    """One first name, spelled otherwise or said by its nickname (Bettie/Betty, Jim/James)."""
    return _first_name_form(a) == _first_name_form(b) or NICKNAMES.get(a, a) == NICKNAMES.get(b, b)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _first_name_form(name: str) -> str:
    """The spelling skeleton with a final -ie read as -y (Bettie/Betty, Josie/Josy)."""
    return re.sub(r"ie$", "i", skeleton(name))


def _other_generation(ours: list[str], theirs: list[str]) -> bool:
    """Both names carry a generational suffix and the suffixes differ (Jr. and Sr.)."""
    a, b = generation(" ".join(ours)), generation(" ".join(theirs))
    return bool(a and b and a != b)


def _person_relation(ours: list[str], theirs: list[str]) -> str | None:
    if _other_generation(ours, theirs):
        return None  # father and son: Martin Luther King Sr. is not Martin Luther King Jr.
    ours, theirs = name_words(" ".join(ours)), name_words(" ".join(theirs))  # "Comeaux" of "... Comeaux Jr."
    if skeleton(ours[-1]) != skeleton(theirs[-1]) or len(ours[-1].strip(".")) < 2:
        return None  # initials alone ("N. J.") are no surname
    a, b = ours[:-1], theirs[:-1]
    if set(a) <= set(b) or set(b) <= set(a):
        return "extends"
    if first_names_match(a[0], b[0]) and (len(a) == len(b) or min(len(a), len(b)) == 1):
        return "first_name_variant"
    return "same_surname"


def name_relation(ours: Iterable[str], theirs: Iterable[str], person: bool) -> str:
    """How two sets of names relate; ``person``: both sides are (or may be) people.

    When both sides have full names, the full names decide: a shared surname alias ("Bush")
    never makes Reggie Bush George W. Bush. A legal form makes no full name and no initial: "Apple
    Inc." is the name "Apple", so a stray full alias of the other side ("Germany Apple") cannot keep
    them apart, and "AI" is not its acronym.
    """
    if not person:
        ours = [without_legal_form(a) or a for a in ours]
        theirs = [without_legal_form(a) or a for a in theirs]
    our_keys = {AliasKeys.of(a) for a in ours}
    their_keys = {AliasKeys.of(a) for a in theirs}
    shared = {k.key for k in our_keys} & {k.key for k in their_keys}
    if any(" " in k for k in shared):
        return "same_full"
    if {k.skeleton for k in our_keys if k.skeleton} & {k.skeleton for k in their_keys if k.skeleton}:
        return "variant"
    if not shared and _partsrun_together(our_keys) & _partsrun_together(their_keys):
        return "variant"  # parts hyphenated or spaced: Agence France-Presse / Agence France Presse
    our_full = [_words(k.key) for k in our_keys if " " in k.key]
    their_full = [_words(k.key) for k in their_keys if " " in k.key]
    if our_full and their_full:
        found = {_full_relation(a, b, person) for a in our_full for b in their_full}
        for relation in ("extends", "first_name_variant", "part_of", "same_surname"):
            if relation in found:
                return relation
        return "other"  # two different full names: an acronym alias of one never joins them ("AP")
    if not person and (_acronym_of(ours, theirs) or _acronym_of(theirs, ours)):
        return "acronym"
    if shared:
        return "same_single"
    single = {k.key for k in (our_keys if not our_full else their_keys) if " " not in k.key}
    full = our_full or their_full
    if person and {skeleton(w) for w in single} & {skeleton(name_words(" ".join(words))[-1]) for words in full}:
        return "surname"
    heads = {words[-1] for words in full if len(words) < 2 or tail_may_stand_alone(words, len(words) - 1)}
    if not person and single & heads:
        return "contained"  # the head word: "Saints" of "New Orleans Saints", not "Athens" of "Athens Acropolis"
    return "other"


def _partsrun_together(keys: Iterable[AliasKeys]) -> set[str]:
    return {run_together(k.key) for k in keys if " " in k.key or "-" in k.key} - {""}


def _full_relation(a: list[str], b: list[str], person: bool) -> str | None:
    if person:
        return _person_relation(a, b)
    short, long = sorted((a, b), key=len)
    if len(short) < len(long) and long[-len(short) :] == short and tail_may_stand_alone(long, len(long) - len(short)):
        return "part_of"  # the tail of the longer name: "Street Journal" of "Wall Street Journal"
    return None


def _acronym_of(short: Iterable[str], long: Iterable[str]) -> bool:
    """A true acronym: an all-capitals name against the initials of a several-word name."""
    acronyms = {acronym_key(a) for a in short} - {""}
    expansions = {initials(a) for a in long if " " in name_key(a) and not acronym_key(a)} - {""}
    return bool(acronyms & expansions)


def _role_words(texts: Iterable[str]) -> set[str]:
    stop = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "who", "is", "s", "his", "her"}
    return {w for t in texts for w in re.findall(r"[a-z]+", t.lower()) if w not in stop and len(w) > 2}


def _days_apart(a: str | None, b: str | None) -> float | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def relation_to(entity: LocalEntity, candidate: KnownEntity) -> str:
    """How ``entity``'s names relate to the candidate's, people compared as people."""
    person = (entity.label == "PERSON" or entity.maybe_person) and candidate.type == "PERSON"
    if not person and _names_conflict(entity.name, candidate.name):
        return "other"
    return name_relation(entity.aliases, candidate.aliases + (candidate.name,), person)


def _names_conflict(ours: str, theirs: str) -> bool:
    """Two organisations' or places' own several-word names that differ, neither the tail of the
    other: whatever shorter name they share ("Police Department", "Daily News"), Woodburn Police
    Department is not Staunton Police Department. A shared short alias must not chain them."""
    a, b = (_words(skeleton(name_key(without_legal_form(n) or n))) for n in (ours, theirs))
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    short, long = sorted((a, b), key=len)
    return long[-len(short) :] != short


def features(
    entity: LocalEntity,
    candidate: KnownEntity,
    relation: str,
    context: LinkContext,
    descriptors: Iterable[str] = (),
    rivals: int = 0,
) -> dict[str, float]:
    """The evidence for ``entity`` being ``candidate`` (whose names relate by ``relation``), as named numbers."""
    f: dict[str, float] = {f"rel_{relation}": 1.0}
    if candidate.type == entity.label:
        f["type_same"] = 1.0
    elif "PERSON" in (candidate.type, entity.label) and not entity.maybe_person:
        f["type_person_clash"] = 1.0
    else:
        f["type_other_clash"] = 1.0
    ours, theirs = _role_words(descriptors), _role_words(candidate.descriptors)
    if ours and theirs:
        f["descriptors_share" if ours & theirs else "descriptors_conflict"] = 1.0
    shared = len(context.neighbours & candidate.neighbours)
    if context.neighbours and candidate.neighbours:
        fraction = shared / min(len(context.neighbours), len(candidate.neighbours))
        f["neighbours_log"] = math.log1p(shared)
        f["neighbours_fraction"] = fraction
        f[f"neighbours_fraction_x_{relation}"] = fraction
    else:
        f["neighbours_unknown"] = 1.0
    if context.similar_articles and candidate.article_ids:
        theirs_ids = set(candidate.article_ids)
        ranks = [rank for rank, a in enumerate(context.similar_articles) if a in theirs_ids]
        share = len(ranks) / min(len(theirs_ids), len(context.similar_articles))
        f["similar_share"] = share
        f[f"similar_share_x_{relation}"] = share
        f["similar_top"] = 1.0 / (1 + ranks[0]) if ranks else 0.0
    else:
        f["similar_unknown"] = 1.0
    if shared or f.get("similar_share"):  # a popular entity is likelier only within its story
        f["popularity_in_story_log"] = math.log1p(candidate.article_count)
    gap = _days_apart(context.published, candidate.latest)
    if gap is None:
        f["time_unknown"] = 1.0
    else:
        f["time_gap_log"] = math.log1p(gap)
    f["rivals_log"] = math.log1p(rivals)
    if all(" " not in name_key(a) for a in entity.aliases):
        f["single_word"] = 1.0
    return f


@dataclass(frozen=True)
class LinkerModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, f: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in f.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> LinkerModel:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


#: Raised when the name relations or features change, so stores linked before know to rebuild.
LINKER_CODE_VERSION = 10


def _model_text() -> str:
    return resources.files("nlp").joinpath("data/linker_model.json").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def shipped_model() -> LinkerModel:
    return LinkerModel.from_json(json.loads(_model_text()))


@functools.lru_cache(maxsize=1)
def linker_version() -> str:
    """Changes whenever the linker's code version or its trained model does."""
    digest = hashlib.sha256(_model_text().encode("utf-8")).hexdigest()[:12]
    return f"{LINKER_CODE_VERSION}-{digest}"


def score_candidates(
    entity: LocalEntity,
    candidates: list[KnownEntity],
    context: LinkContext,
    descriptors: Iterable[str] = (),
    model: LinkerModel | None = None,
) -> list[Scored]:
    """Every candidate with a name relation, most probable first."""
    model = model or shipped_model()
    ours = list(descriptors)
    related = [(k, relation_to(entity, k)) for k in candidates]
    related = [(k, r) for k, r in related if r not in NEVER and (r in SAME_NAMES or _types_agree(entity, k, r))]
    scored = []
    for k, relation in related:
        rivals = sum(1 for _, other in related if other == relation) - 1
        f = features(entity, k, relation, context, ours, rivals)
        if any(
            stranger(relation, k, context)
            for stranger in (_lone_name_in_another_story, _initials_in_another_story, _head_word_in_another_story)
        ):
            probability = 0.0
        elif _same_name_in_another_story(entity, relation, k, context):
            probability = max(model.probability(f), model.threshold)
        else:
            probability = model.probability(f)
        scored.append(Scored(k, relation, probability, f))
    return sorted(scored, key=lambda s: (-s.probability, s.candidate.id))


def _lone_name_in_another_story(relation: str, candidate: KnownEntity, context: LinkContext) -> bool:
    """A person's lone name ("Peskov", "Bush") in a story that shares no name and no similar article
    with the candidate's is someone else until the story says otherwise. The model cannot learn
    this: ECB+ train, where bench/train_linker.py keeps such candidates as "different", holds none."""
    return relation in ("surname", "same_single") and candidate.type == "PERSON" and _elsewhere(candidate, context)


def _initials_in_another_story(relation: str, candidate: KnownEntity, context: LinkContext) -> bool:
    """An acronym the candidate was never called by ("AP" under a photo; the stored Anbar Province),
    in a story that shares no name and no similar article with the candidate's, is a stranger with
    the same initials: an acronym is a short form, read through its story. ECB+ holds no such pair
    to learn from (it links within a topic only)."""
    return relation == "acronym" and _elsewhere(candidate, context)


def _head_word_in_another_story(relation: str, candidate: KnownEntity, context: LinkContext) -> bool:
    """One word of an organisation's or place's name ("Sun" of the Baltimore Sun, "Warner" of Time
    Warner), in a story that shares no name and no similar article with the candidate's, is a
    stranger: a lone word says too little across stories, as a person's lone name does. ECB+ holds no
    such pair to learn from; on the FNC-1 bodies most such joins were wrong (the Daily Star and a
    lone "Star", Pebble Time and "Time")."""
    return relation == "contained" and _elsewhere(candidate, context)


def _elsewhere(candidate: KnownEntity, context: LinkContext) -> bool:
    """The new article has a story (some stored article is like it) and it is not the candidate's."""
    return bool(context.similar_articles) and not _shares_story(candidate, context)


def _same_name_in_another_story(
    entity: LocalEntity, relation: str, candidate: KnownEntity, context: LinkContext
) -> bool:
    """The very name of an organisation, place or thing, or a person's full name, in a story that
    shares no name and no similar article with the candidate's: "Reuters" in a story about Ebola
    and in one about Apple. ECB+ links mentions within a topic only, so the model never saw such a
    pair and its probability there is a guess; the name decides, as a reader's would. A person's
    lone name is the opposite case (``_lone_name_in_another_story``)."""
    if relation not in SAME_NAMES or (candidate.type == "PERSON") != (entity.label == "PERSON"):
        return False
    if candidate.type == "PERSON" and relation != "same_full":
        return False
    return not _shares_story(candidate, context)


def _shares_story(candidate: KnownEntity, context: LinkContext) -> bool:
    return bool(context.neighbours & candidate.neighbours) or bool(
        set(context.similar_articles) & set(candidate.article_ids)
    )


def _types_agree(entity: LocalEntity, candidate: KnownEntity, relation: str) -> bool:
    """Names of people and of other things never join except by an identical name (the store
    corrects a label). Among the other types, en_core_web_sm's labels disagree often (the Chargers
    as ORG and PRODUCT), so a clash there is evidence the model weighs, not a bar; but a place is
    never a short form of something else's name (see ``may_be_short_form``)."""
    if candidate.type == entity.label or (entity.maybe_person and candidate.type == "PERSON"):
        return True
    if relation in SHORT_FORMS:
        return may_be_short_form(entity.label, candidate.type)
    return "PERSON" not in (candidate.type, entity.label)


#: Relations where one name is a piece of the other.
SHORT_FORMS = frozenset({"contained", "part_of"})


def may_be_short_form(label: str, other: str) -> bool:
    """Can a name labelled ``label`` be a short form of one labelled ``other`` (either way round)?
    Labels of organisations, works and products mix (the Chiefs as WORK_OF_ART, the Kansas City
    Chiefs as ORG); a person's is firm, and a country or city inside an organisation's name is
    the place, not the organisation ("Egypt" of "Vodafone Egypt", "France" of "Air France")."""
    return label == other or not {"PERSON", "GPE"} & {label, other}


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
    why = _WHY.get(best.relation, "linked to {name}").format(name=best.candidate.name)
    tail = f"; {', '.join(evidence)}" if evidence else ""
    return f"{why}{tail} (p={best.probability:.2f})"


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
