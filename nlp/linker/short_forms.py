"""Which words of a person's full name a lone word may stand for, and which words are no short form.

- The family name is the last word, except where it comes first ("Kim" of Kim Jong-un, Kim Yo
  Jong; "Moon" of Moon Jae-in: a given name written as two short syllables, hyphenated or apart),
  and the first of two Spanish surnames joined by "de" or "y" stands for the name ("Fernández" of
  Cristina Fernández de Kirchner).
- An Arabic surname goes by its article or without it: "Baghdadi" of Abu Bakr al-Baghdadi, "Sisi"
  of Abdel Fattah el-Sisi.
- A form of address is no part of the name: "Mr Cho" is the surname "Cho".
- A lone word tagged PERSON that its article also uses as a place or a company ("in Kobani", tagged
  a place elsewhere in it) is no person's surname there; one the article says nothing more of may
  still be (the store decides: ``LocalEntity.maybe_person``).
- A lone name said under a monarch's or a pope's title ("King Abdullah", "Crown Prince Hussein",
  "Pope Francis") is the given or regnal name such people go by, no surname: King Abdullah is not
  Asiya Ummi Abdullah.
- A word that stands inside a longer name or title ("State" of "Secretary of State", "England" of
  "Bank of England") is no short form of another entity; nor is a capitalised word that only
  modifies the common noun after it ("a State department official", "Watch video below").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from domain import Analysis, LocalEntity, Mention
from nlp.names import PLACE_PREPOSITIONS

#: Forms of address before a surname.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "mister", "dr", "sir", "dame", "madame"})
#: Words that open a person's surname, never a family name of its own.
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "van", "von", "la", "le", "di", "du", "del"})
#: The Arabic article hyphened to a surname ("al-Baghdadi", "el-Sisi"), which a short form may leave out.
_ARTICLE = re.compile(r"^(?:al|el)-(?=[^\W\d_]{3,}$)")
#: Words that join the two Spanish surnames.
_SURNAME_JOINS = frozenset({"de", "y"})
#: A capitalised word (or a title noun) and "of" right before a name: the name ends a longer one.
_TITLE_BEFORE = re.compile(
    r"(?:\b[A-Z][\w.'-]*|\b(?:secretary|department|ministry|minister|bank|university|office))\s+of\s+(?:the\s+)?$"
)

#: Titles of those who go by a given or regnal name, not a family name: the last word of the title.
REGNAL_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "emir", "sultan", "sheikh", "shah", "pope", "emperor", "empress"}
    | {"tsar", "czar", "caliph", "pharaoh", "maharaja", "infanta", "infante", "archduke"}
)

#: The word right after a mention, past spaces.
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def without_honorific(key: str) -> str:
    """ "mr cho" → "cho"; a name key with no form of address is returned as it is."""
    words = key.split()
    if len(words) >= 2 and words[0].rstrip(".") in HONORIFICS:
        return " ".join(words[1:])
    return key


def family_name_first(words: Sequence[str]) -> bool:
    """A name whose given name is two short syllables after the family name: Kim Jong-un, Kim Jong
    Un, Moon Jae-in, Kim Yo Jong."""
    if len(words) < 2 or words[0] in _PARTICLES or not words[0].isalpha() or len(words[0]) > 5:
        return False
    given = words[1].split("-") if len(words) == 2 else list(words[1:])
    return len(given) == 2 and all(part.isalpha() and 1 <= len(part) <= 4 for part in given)


def without_article(word: str) -> str:
    """A surname without the Arabic article hyphened to it: "al-baghdadi" → "baghdadi"; any other
    word as it is."""
    return _ARTICLE.sub("", word)


def with_article(word: str) -> set[str]:
    """The surnames a lone word may be the article-less form of: "baghdadi" → al-baghdadi, el-baghdadi."""
    return {f"al-{word}", f"el-{word}"} if word.isalpha() and len(word) >= 3 else set()


def short_surnames(words: Sequence[str]) -> set[str]:
    """The words of a person's full name (name words, lower-case) that stand for it alone besides
    the last: the last without its Arabic article, the family name written first, the first of two
    Spanish surnames."""
    found = {without_article(words[-1])} - {words[-1]} if words else set()
    if family_name_first(words):
        found.add(words[0])
    for i in range(1, len(words) - 2):
        if words[i + 1] in _SURNAME_JOINS and words[i] not in _PARTICLES:
            found.add(words[i])
    return found


def inside_title(analysis: Analysis, entity: LocalEntity) -> bool:
    """Every mention of the entity ends a longer name or title ("Secretary of State"), or, for a
    name not of a person, is one word modifying the common noun written right after it ("State
    department", "Watch video"; a person's surname so written, "the Obama administration", is
    still the person's)."""
    text = analysis.text
    modifier = entity.label != "PERSON" and not entity.maybe_person
    return bool(entity.mentions) and all(
        _TITLE_BEFORE.search(text[max(0, analysis.mentions[i].start - 40) : analysis.mentions[i].start])
        or (modifier and _modifies_common_noun(text, analysis.mentions[i]))
        for i in entity.mentions
    )


def _modifies_common_noun(text: str, mention: Mention) -> bool:
    """A one-word mention, not in capitals, that the parse reads as a modifier of a noun
    (``compound``), when the word after it is in lower case: the name is a piece of a longer
    expression, not a name standing for something of its own."""
    if mention.role.split("/")[0] != "compound" or " " in mention.text or mention.text.isupper():
        return False  # an all-capitals short form is a name wherever it stands ("FBI agents")
    after = _NEXT_WORD.match(text, mention.end)
    return after is not None and after.group(1).islower()


def used_as_place_or_company(analysis: Analysis, entity: LocalEntity) -> bool:
    """One of the entity's mentions is labelled other than PERSON, or follows a place preposition."""
    text = analysis.text
    for i in entity.mentions:
        mention = analysis.mentions[i]
        before = text[max(0, mention.start - 12) : mention.start].split()
        if mention.label != "PERSON" or (before and before[-1].lower() in PLACE_PREPOSITIONS):
            return True
    return False


def regnal_name(name: str, titles: Iterable[str]) -> bool:
    """A one-word name said under a monarch's or a pope's title ("King", "Jordanian King", "Crown
    Prince", "former Pope"): the given or regnal name its bearer goes by, no surname of anyone's.

    Args:
        name: the entity's name.
        titles: the titles said right before it (descriptors of kind "title").

    Returns:
        True when the name is one word and one of the titles ends in a word of ``REGNAL_TITLES``.
    """
    if " " in name.strip():
        return False
    return any(_last_word(title) in REGNAL_TITLES for title in titles)


def _last_word(title: str) -> str:
    words = re.findall(r"[a-z]+", title.lower().replace("’", "'").replace("'s", ""))
    return words[-1] if words else ""
