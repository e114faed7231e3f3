"""Headlines written in Title Case or in capitals, cased as the article's body writes their words.

en_core_web_sm learned names from capitals: in "COLTS BEAT CHIEFS" it sees no name, and in
"Lindsay Lohan Checks Into Rehab" it takes the whole line for one. The tagger and the entity
model therefore read a copy of the text in which each word of such a line is written as the body
writes it mid-sentence ("Colts beat Chiefs", "Lindsay Lohan checks into rehab"); a function word,
or a word whose stem the body writes in lower case ("Restores" where it has "restored"), is written
in lower case; a word the body never writes keeps its Title Case, and in a line of
capitals it is written in lower case unless it is short enough to be an acronym. The copy has the
text's length and offsets, so every span found in it is a span of the text, and what the bot
stores and quotes is always the text itself (``nlp.doctext.text_of``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from nlp.headlines import is_title_case, lower_case_stems, stem

#: Words too common to be names, written in lower case when a headline's casing is undone.
FUNCTION_WORDS = frozenset(
    """a an and as at but by for from in into is it its of off on onto or out over the to up upon
    with without after amid before during under against about than that this these those was were
    be been are has have had will would can could may might not no nor so""".split()
)
#: In a line of capitals, a word the body never writes and no longer than this stays in capitals:
#: most such words are acronyms (NFL, MVC, NYPD); longer ones are ordinary words shouted. Set by
#: hand, as are the two below, not tuned on any data set.
ACRONYM_LETTERS = 4
#: A line of capitals: at least this many letters, almost all upper case.
SHOUTED_LETTERS = 8
SHOUTED_SHARE = 0.9

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: A word written mid-sentence: after a letter, digit or clause mark and a space.
_MID_WORD = re.compile(r"(?<=[\w,;:] )[^\W\d_][\w'’-]*")


def is_shouted(line: str) -> bool:
    upper = sum(map(str.isupper, line))  # counted in C: every line of every text is checked
    letters = upper + sum(map(str.islower, line))
    return letters >= SHOUTED_LETTERS and upper >= SHOUTED_SHARE * letters


@dataclass(frozen=True)
class _Body:
    """How the body writes words mid-sentence (by lower-case form), and the stems it writes in lower case."""

    forms: dict[str, Counter]
    common_stems: set[str]


def _body(lines: list[str], headline: list[bool]) -> _Body:
    forms: dict[str, Counter] = defaultdict(Counter)
    body = [line for line, is_headline in zip(lines, headline, strict=True) if not is_headline]
    for line in body:
        for match in _MID_WORD.finditer(line):
            forms[match.group().lower()][match.group()] += 1
    return _Body(forms, lower_case_stems("\n".join(body)))


def _cased(word: str, body: _Body, shouted: bool) -> str:
    lower = word.lower()
    seen = body.forms.get(lower)
    if seen:
        return seen.most_common(1)[0][0]
    if lower in FUNCTION_WORDS or stem(lower) in body.common_stems:  # "Restores" where the body has "restored"
        return lower
    if shouted and len(word) > ACRONYM_LETTERS:
        return lower
    return word


def _recased_line(line: str, body: _Body, shouted: bool) -> str:
    out = list(line)
    first = True
    for match in _WORD.finditer(line):
        word = match.group()
        new = _cased(word, body, shouted)
        if first:
            new = new[:1].upper() + new[1:]
            first = False
        if len(new) == len(word):  # a few letters change length when cased; leave such words
            out[match.start() : match.end()] = new
    return "".join(out)


def truecased(text: str) -> str:
    """``text`` with its headline lines cased as the body writes their words; same length."""
    lines = text.split("\n")
    shouted = [is_shouted(line) for line in lines]
    headline = [s or is_title_case(line) for line, s in zip(lines, shouted, strict=True)]
    if not any(headline) or all(headline):
        return text  # nothing to recase, or no body to learn the casing from
    body = _body(lines, headline)
    recased = [_recased_line(line, body, s) if h else line for line, h, s in zip(lines, headline, shouted, strict=True)]
    return "\n".join(recased)


#: Entities of at most this many words keep their capitals when a headline query is sentence-cased:
#: en_core_web_sm takes a whole Title-Case line for one long "name", while a real name is short.
HEADLINE_NAME_WORDS = 3


#: A search across names ("Brandt OR Ocean Freight"): a query, not a headline.
BOOLEAN_QUERY = re.compile(r"\s(?:OR|AND NOT|NOT)\s")


def is_headline_line(text: str) -> bool:
    """A one-line query written as a headline (Title Case or capitals), whose casing says nothing
    about which words are names."""
    if "\n" in text:
        return False
    if is_shouted(text):
        return True
    return is_title_case(_capitals_marked(text)) and not BOOLEAN_QUERY.search(text)


def _capitals_marked(text: str) -> str:
    """The line with each word that carries a capital seen as capitalised: a brand written in camel
    case ("iPhone", "eBay") and a hyphenated name's later part ("Yo-jong") are capitalised as
    written, not lower-case words in a Title-Case line."""
    text = _CAMEL_CASE.sub(lambda m: m.group(1).upper(), text)
    return _HYPHENATED.sub(lambda m: m.group(1) + m.group(2).upper(), text)


_CAMEL_CASE = re.compile(r"\b([a-z])(?=[a-z]*[A-Z])")
_HYPHENATED = re.compile(r"(\b[A-Z][\w’']*-)([a-z])")


def sentence_cased(text: str, names: list[tuple[int, int]]) -> str:
    """A headline written as a sentence: the first word and the words inside ``names`` (character
    spans of short entities) keep their case, every other word is lower case. Same length."""
    kept = [False] * len(text)
    for start, end in names:
        kept[start:end] = [True] * (end - start)
    out = list(text)
    first = True
    for match in _WORD.finditer(text):
        if not first and not kept[match.start()]:
            out[match.start() : match.end()] = match.group().lower()
        first = False
    return "".join(out)
