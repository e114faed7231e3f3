"""How two names relate: the name evidence the linker weighs, and the bars no evidence lifts.

Names propose candidates; they never decide alone. How they relate (same full name, spelling
variant, surname, first-name variant, true acronym, ...) is one feature among the context ones
(``nlp.linker.evidence``). A few relations never join (two first names that cannot be one,
``NEVER``) and people join other kinds of thing only by an identical name. Pure functions.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Sequence

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
from nlp.linker.short_forms import short_surnames, without_article, without_honorific
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


@functools.lru_cache(maxsize=1 << 16)  # asked of every pair of full names of an article, and names recur
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
    if len(a) < 2 or len(b) < 2 or skeleton(without_article(a[-1])) != skeleton(without_article(b[-1])):
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


def _generations_differ(ours: Iterable[AliasKeys], theirs: Iterable[AliasKeys]) -> bool:
    """Whether a name of one side and a name of the other carry different generational suffixes."""
    a = {generation(" ".join(_words(k.key))) for k in ours} - {""}
    b = {generation(" ".join(_words(k.key))) for k in theirs} - {""}
    return any(x != y for x in a for y in b)


def _person_relation(ours: list[str], theirs: list[str]) -> str | None:
    if _other_generation(ours, theirs):
        return None  # father and son: Martin Luther King Sr. is not Martin Luther King Jr.
    ours, theirs = name_words(" ".join(ours)), name_words(" ".join(theirs))  # "Comeaux" of "... Comeaux Jr."
    if skeleton(without_article(ours[-1])) != skeleton(without_article(theirs[-1])) or len(ours[-1].strip(".")) < 2:
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
    never makes Reggie Bush George W. Bush, and two generations of one name never meet, whatever
    else the two sides share (a Michael Brown Sr. is not the Michael Brown also called Michael Brown
    Jr.). A legal form makes no full name and no initial: "Apple
    Inc." is the name "Apple", so a stray full alias of the other side ("Germany Apple") cannot keep
    them apart, and "AI" is not its acronym.
    """
    if not person:
        ours = [without_legal_form(a) or a for a in ours]
        theirs = [without_legal_form(a) or a for a in theirs]
    our_keys = {AliasKeys.of(a) for a in ours}
    their_keys = {AliasKeys.of(a) for a in theirs}
    shared = {k.key for k in our_keys} & {k.key for k in their_keys}
    if person and _generations_differ(our_keys, their_keys):
        return "other"  # Michael Brown Sr. is not the Michael Brown also called Michael Brown Jr.
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
    if person and {skeleton(w) for w in single} & {skeleton(s) for words in full for s in _surnames(words)}:
        return "surname"
    heads = {words[-1] for words in full if len(words) < 2 or tail_may_stand_alone(words, len(words) - 1)}
    if not person and single & heads:
        return "contained"  # the head word: "Saints" of "New Orleans Saints", not "Athens" of "Athens Acropolis"
    return "other"


def _surnames(words: list[str]) -> set[str]:
    """The words a person's full name may be shortened to: the last, the family name written first,
    the first of two Spanish surnames."""
    words = name_words(" ".join(words))
    return {words[-1]} | short_surnames(words)


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


def relation_to(entity: LocalEntity, candidate: KnownEntity) -> str:
    """How ``entity``'s names relate to the candidate's, people compared as people."""
    person = (entity.label == "PERSON" or entity.maybe_person) and candidate.type == "PERSON"
    if not person and conflicts_with_a_name_of(entity.name, candidate):
        return "other"
    ours = entity.aliases
    if person:  # "Mr Cho" is the surname Cho
        ours = [_without_honorific(a) for a in ours]
    relation = name_relation(ours, candidate.aliases + (candidate.name,), person)
    if relation == "acronym" and name_key(candidate.name) in {name_key(a) for a in ours}:
        return "same_single"  # its very name: "U.S." and the stored U.S. (also called United States)
    return relation


def only_a_piece_of(ours: Sequence[str], candidate: KnownEntity) -> bool:
    """Every name ``ours`` shares with the candidate is one word of the candidate's own several-word
    name, an alias it took as a short form, never its name ("Sun", which the Baltimore Sun took in
    its own article). Short forms are read through their article; shared with another story they
    are the head word they are (``nlp.linker.evidence.apart``)."""
    theirs = {name_key(a) for a in candidate.aliases} | {name_key(candidate.name)}
    own = _words(name_key(without_legal_form(candidate.name) or candidate.name))
    shared = [a for a in ours if name_key(a) in theirs]
    if len(own) < 2 or not shared or any(name_key(a) == name_key(candidate.name) for a in shared):
        return False
    return all(" " not in name_key(a) and not acronym_key(a) and name_key(a) in own for a in shared)


def _without_honorific(alias: str) -> str:
    """ "Mr Cho" → "Cho", "Mr. Cho" → "Cho"; other names as written."""
    words = alias.split()
    if len(words) >= 2 and without_honorific(name_key(alias)) != name_key(alias):
        return " ".join(words[1:])
    return alias


@functools.lru_cache(maxsize=1 << 16)
def _spelled_words(name: str) -> tuple[str, ...]:
    """A name's words as its spelling skeleton writes them, without a legal form. Cached: every
    stored candidate's names are compared with every name of an article."""
    return tuple(_words(skeleton(name_key(without_legal_form(name) or name))))


def names_conflict(ours: str, theirs: str) -> bool:
    """Two organisations' or places' own several-word names that differ, neither the tail of the
    other: whatever shorter name they share ("Police Department", "Daily News"), Woodburn Police
    Department is not Staunton Police Department. A shared short alias must not chain them."""
    a, b = _spelled_words(ours), _spelled_words(theirs)
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    short, long = sorted((a, b), key=len)
    return long[-len(short) :] != short


def conflicts_with_a_name_of(name: str, candidate: KnownEntity) -> bool:
    """Whether ``name`` conflicts with the candidate's name (``names_conflict``), or qualifies the
    head of one of its several-word names otherwise (``qualifiers_differ``), unless the candidate is
    called by ``name`` already. The name a stored entity settles on may be a short form ("Air
    Force") that fits other full names: the Syrian Air Force is not the Air Force also called the
    U.S. Air Force."""
    if name_key(name) in {name_key(other) for other in (candidate.name, *candidate.aliases)}:
        return False
    return names_conflict(name, candidate.name) or any(qualifiers_differ(name, other) for other in candidate.aliases)


def qualifiers_differ(ours: str, theirs: str) -> bool:
    """Two several-word names that end alike and open with words they share none of: "Syrian Air
    Force" and "U.S. Air Force", "Old State House" and "Massachusetts State House". Names that end
    differently ("Islamic State group", "Islamic State of Iraq") or share a qualifying word ("Royal
    Jordanian Air Force", "Jordanian Air Force"; "New York City Police Department", "New York Police
    Department") may still be one."""
    a, b = _spelled_words(ours), _spelled_words(theirs)
    shared = 0
    while shared < min(len(a), len(b)) and a[len(a) - 1 - shared] == b[len(b) - 1 - shared]:
        shared += 1
    before_a, before_b = a[: len(a) - shared], b[: len(b) - shared]
    return shared > 0 and bool(before_a) and bool(before_b) and not set(before_a) & set(before_b)


def qualified_apart(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether a several-word name of one side and one of the other qualify one head apart
    (``qualifiers_differ``): the linker keeps such entities apart, and neither a short name both
    settled on ("Border Patrol") nor an article writing only that name may join them afterwards."""
    theirs = list(theirs)
    return any(qualifiers_differ(a, b) for a in ours for b in theirs)


def types_agree(entity: LocalEntity, candidate: KnownEntity, relation: str) -> bool:
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
