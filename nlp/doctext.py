"""The text of a Doc, built once: spaCy rebuilds ``doc.text`` from every token on each access.

A Doc may be parsed from a recased copy of the text (``nlp.truecase``); it then carries the
original of each line that was recased, and ``text_of`` gives the text itself, so every span and
quote the bot keeps is the article's own wording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlp.truecase import truecased

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


_KEY = "newsroom_text"
_ORIGINAL = "newsroom_original_lines"  # [start, original line] for each line parsed recased


def text_of(doc: Doc) -> str:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.text
        for start, line in doc.user_data.get(_ORIGINAL, ()):
            cached = cached[:start] + line + cached[start + len(line) :]
        doc.user_data[_KEY] = cached
    return cached


def remember_text(doc: Doc, text: str) -> Doc:
    """Give ``doc`` the text it was parsed from, known to the caller, so that ``text_of`` need not
    rebuild it from every token (a Doc arriving from a worker process carries no cache)."""
    doc.user_data[_KEY] = text
    return doc


def forget_text(doc: Doc) -> None:
    """Drop the cache before the Doc is serialised (it would travel twice between processes)."""
    doc.user_data.pop(_KEY, None)


def parse_input(nlp: Language, text: str) -> Doc | str:
    """What ``nlp`` should parse for ``text``: a Doc tokenised from its recased copy when any line
    was recased, else the text itself (``nlp.pipe`` then tokenises it in its worker processes)."""
    cased = truecased(text)
    if cased == text:
        return text
    doc = nlp.make_doc(cased)
    keep_original(doc, text, cased)
    return doc


def keep_original(doc: Doc, text: str, cased: str) -> None:
    """Record the lines of ``text`` that ``cased`` (what ``doc`` was made from) writes otherwise."""
    if cased == text:
        return
    changed, offset = [], 0
    for line, parsed in zip(text.split("\n"), cased.split("\n"), strict=True):
        if line != parsed:
            changed.append([offset, line])
        offset += len(line) + 1
    doc.user_data[_ORIGINAL] = changed
    doc.user_data.pop(_KEY, None)
