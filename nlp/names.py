"""Pure functions on names: the keys that let spelling variants, surnames and acronyms meet."""

from __future__ import annotations

import re

from domain import name_key

#: Capitalised words that are roles, not names ("NASA Director Bill Nelson").
TITLE_WORDS = frozenset(
    """president vice director spokesman spokeswoman spokesperson secretary minister chancellor
    senator sen sen. rep rep. representative governor gov gov. mayor judge justice chairman
    chairwoman chair ceo cfo coo founder cofounder co-founder chief general gen gen. admiral
    colonel col col. lieutenant captain commissioner ambassador envoy prime premier king queen
    prince princess pope leader speaker attorney prosecutor officer agent analyst adviser advisor
    professor prof prof. dr dr. mr mr. mrs mrs. ms ms. sir lord dame deputy head owner editor
    correspondent reporter columnist commander president-elect""".split()
)
#: The words before a place name ("in Evansville"): a name after one of them is a place.
PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "across", "near", "into", "inside", "outside", "around"})
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
CONTACT = re.compile(r"@[\w-]+\.\w|https?://|www\.|\.(?:com|org|net)\b", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_]{2,15})\b(?!\.\w)")


def strip_possessive(text: str) -> str:
    """ "Trump’s" → "Trump"; "Reuters’" → "Reuters"; "Reuters" stays."""
    match = POSSESSIVE.search(text)
    if not match or match.start() == 0:
        return text
    return text[: match.start()] + ("s" if match.group().startswith("s") else "")


def is_contact(text: str) -> bool:
    """E-mail addresses and URLs are not entities."""
    return bool(CONTACT.search(text))


def handle_matches(handle: str, full_name: str) -> bool:
    """Does @handle spell this person's name ("ianbremmer", "elonmusk", "ibremmer")?"""
    words = [re.sub(r"[^a-z0-9]", "", w) for w in name_key(full_name).split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    h = handle.lower().lstrip("@").replace("_", "")
    return h in {"".join(words), words[0] + words[-1], words[0][0] + words[-1], words[-1] + words[0]}


def is_title_word(word: str) -> bool:
    return word.lower().strip(",") in TITLE_WORDS
