"""Numbers with their qualifiers ("some 30", "over 30", "nearly $119 million"), so outlets that
report the same figure differently can be compared."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.doctext import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "as few as",
    "no more than",
    "some",
    "over",
    "under",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "only",
    "just",
    "exactly",
    "close to",
    "upward of",
    "upwards of",
    "below",
    "above",
)
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Qualifiers saying the true figure is at or above / at or below / near the number.
DIRECTION = {
    "more than": "above",
    "over": "above",
    "at least": "above",
    "as many as": "above",
    "as much as": "above",
    "upward of": "above",
    "upwards of": "above",
    "above": "above",
    "less than": "below",
    "fewer than": "below",
    "under": "below",
    "at most": "below",
    "up to": "below",
    "no more than": "below",
    "below": "below",
    "nearly": "below",
    "almost": "below",
    "as few as": "below",
    "some": "near",
    "about": "near",
    "around": "near",
    "roughly": "near",
    "approximately": "near",
    "close to": "near",
    "only": "exact",
    "just": "exact",
    "exactly": "exact",
}


# The patterns below are compiled once, in the order they are tried: a long article has a hundred
# figures, and each tried every pattern through re's cache of compiled patterns.
_SCALE_WORDS = [(re.compile(rf"\b{word}\b"), factor) for word, factor in _SCALE.items()]
_NUMBER_WORDS = [
    (re.compile(rf"\b{word}\b"), value) for word, value in sorted(_WORDS.items(), key=lambda item: -len(item[0]))
]
#: Each qualifier, longest first, with the pattern of it ending the text before a figure.
_QUALIFIERS_BEFORE = [
    (word, re.compile(rf"\b{re.escape(word)}\s*$")) for word in sorted(QUALIFIERS, key=len, reverse=True)
]


def parse_value(text: str) -> float | None:
    lowered = text.lower().replace(",", "")
    scale = 1.0
    for pattern, factor in _SCALE_WORDS:
        if pattern.search(lowered):
            scale = factor
    digits = re.search(r"\d+(?:\.\d+)?", lowered)
    if digits:
        return float(digits.group()) * scale
    for pattern, value in _NUMBER_WORDS:
        if pattern.search(lowered):
            return value * scale
    return None


def _unit(text: str, label: str) -> str | None:
    if label == "MONEY" or "$" in text:
        return "$"
    if label == "PERCENT" or "%" in text or "percent" in text.lower():
        return "%"
    return None


def find_numbers(doc: Doc) -> list[list]:
    """[text, start, end, value, qualifier, unit, noun] for each figure, as plain data.

    ``noun`` is what is counted ("domains" in "some 30 internet domains")."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        before = text_of(doc)[max(0, start - 24) : start].lower()
        text = ent.text
        qualifier = None
        for word, ends_before in _QUALIFIERS_BEFORE:
            if text.lower().startswith(word + " "):
                qualifier = word
                break
            if ends_before.search(before):
                qualifier = word
                start -= len(before) - before.rfind(word)
                break
        counted = ent.root.head if ent.root.dep_ in ("nummod", "quantmod") else None
        if counted is None and ent.end < len(doc) and doc[ent.end].pos_ == "NOUN":
            counted = doc[ent.end]
        noun = counted.lemma_.lower() if counted is not None and counted.pos_ == "NOUN" else None
        found.append(
            [
                text_of(doc)[start:end],
                start,
                end,
                parse_value(ent.text),
                qualifier,
                _unit(ent.text, ent.label_),
                noun,
            ]
        )
    return found
