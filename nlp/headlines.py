"""Names in headlines and across line breaks: only the name, never the words around it.

In a Title-Case line every word is capitalised, so the tagger takes "Lindsay Lohan Checks Into
Rehab" or "Obama To Nominate Regina Benjamin" for one name. A span in such a line keeps the
names the body of the article uses ("Lindsay Lohan"; "Obama" and "Regina Benjamin"); with no
such evidence it is cut before the first word the article also writes in lower case (a verb or a
common noun). A span never runs across a line break: the headline, dateline and body are apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from domain import name_key

#: Small words that stay inside organisation names ("Department of Justice", "Fish and Wildlife").
CONNECTORS = frozenset({"of", "and", "the", "for", "&", "de", "la", "del", "du", "von", "van"})
_FUNCTION_WORDS = frozenset(
    """a an to into in on at by with from as after before over under up down out off about against
    is are was were be been will would can could may might has have had do does did not no says
    said say while amid than then""".split()
)
_WORD = re.compile(r"\S+")
_EDGE = "\"'`“”‘’()[]{},;:!?—–-."
#: Letters a stem keeps once its inflection is off: "restores", "restored" and "restoration" meet.
STEM_LETTERS = 5

Piece = tuple[int, int]


#: Prepositions and conjunctions of four letters or more that Title Case leaves in lower case, as
#: the style guides do ("Shooter Charged with Two Counts of Murder", "Call to Overturn Rules that
#: Cut Science Out").
TITLE_SMALL_WORDS = frozenset(
    "about after against amid among before during from into near onto over past since than that till "
    "until upon versus when while with within without".split()
)


@functools.lru_cache(maxsize=512)  # asked of the same line once for each name on it; lines may be long
def is_title_case(line: str) -> bool:
    """Every word of four letters or more starts with a capital, or is a small word Title Case keeps
    in lower case: a headline, not prose."""
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
    capitalised = sum(1 for w in words if w[0].isupper())
    return (
        len(line.split()) >= 2
        and capitalised > 0
        and capitalised + sum(w in TITLE_SMALL_WORDS for w in words) == len(words)
    )


def line_bounds(text: str, position: int) -> Piece:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def longest_line_piece(text: str, start: int, end: int) -> Piece:
    """The part of ``text[start:end]`` on one line with the most letters."""
    if "\n" not in text[start:end]:
        return start, end
    pieces, offset = [], start
    for part in text[start:end].split("\n"):
        pieces.append((offset, offset + len(part)))
        offset += len(part) + 1
    best = max(pieces, key=lambda p: sum(ch.isalpha() for ch in text[p[0] : p[1]]))
    return _strip(text, *best)


def _strip(text: str, start: int, end: int) -> Piece:
    while start < end and (text[start].isspace() or text[start] in _EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE):
        end -= 1
    return start, end


#: Inflections taken off before the stem is cut, longest first: "kills", "killed" and "killing"
#: share the stem "kill", where the first five letters alone give "kills", "kille" and "killi".
_INFLECTIONS = ("ing", "ed", "es", "s")


@functools.lru_cache(maxsize=65_536)  # asked of every distinct lower-case word of every article parsed
def stem(word: str) -> str:
    word = word.lower()
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # "running" -> "run", but "calling" keeps "call"
            break
    return word[:STEM_LETTERS]


def lower_case_stems(text: str) -> set[str]:
    """Stems of the words the article writes in lower case: common words, not names. Each distinct
    word is stemmed once: an article writes most of its words many times."""
    return {stem(w) for w in set(re.findall(r"\b[a-z][a-z'-]+\b", text))}


def headline_pieces(text: str, start: int, end: int, known: set[str], common: set[str]) -> list[Piece]:
    """The names inside a span of a headline.

    ``known``: name keys the body of the article uses; ``common``: from ``lower_case_stems``.
    """
    words = [_strip(text, start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    words = [w for w in words if w[0] < w[1]]
    found: list[Piece] = []
    taken: set[int] = set()
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            span = range(i, i + size)
            if taken & set(span):
                continue
            piece = (words[i][0], words[i + size - 1][1])
            if name_key(text[piece[0] : piece[1]]) in known:
                found.append(piece)
                taken |= set(span)
    if found:
        return sorted(found)
    kept = 0
    for index, (s, e) in enumerate(words):
        word = text[s:e].lower()
        common_word = stem(word) in common and len(word) > 2
        if index and (word in _FUNCTION_WORDS or (common_word and word not in CONNECTORS)):
            break
        kept = index + 1
    while kept and text[words[kept - 1][0] : words[kept - 1][1]].lower() in CONNECTORS:
        kept -= 1
    return [(words[0][0], words[kept - 1][1])] if kept else []


def body_name_keys(text: str, spans: Iterable[Piece]) -> set[str]:
    """Name keys of the spans that stand outside headlines."""
    keys = set()
    for start, end in spans:
        line_start, line_end = line_bounds(text, start)
        if not is_title_case(text[line_start:line_end]):
            keys.add(name_key(text[start:end]))
    return keys
