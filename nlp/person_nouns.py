"""People an article describes without naming: "The spokeswoman said ...", "The actor's film ...".

A pronoun may mean such a person rather than any name before it ("The billionaire's talks with
the president ... He has met ..." is not the president), so they are candidates for nlp.pronouns
beside the named ones. The nouns that describe a person ("spokeswoman", "suspect", "actor") are
learned from training text by bench/learn_person_nouns.py (nlp/data/person_nouns.json); this
module finds the definite noun phrases headed by one of them that hold no name, with their role
and whether they are their sentence's topic (its main subject, or that subject's possessor).
"""

from __future__ import annotations

import bisect
import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from domain import UnnamedPerson
from nlp.doc_columns import positions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_NOUNS_PATH = Path(__file__).resolve().parent / "data" / "person_nouns.json"
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@functools.lru_cache(maxsize=2)
def person_nouns(path: Path = PERSON_NOUNS_PATH) -> frozenset[str]:
    """The learned lemmas of nouns that describe a person; empty when the file is absent (the
    resolver then sees no unnamed person, as before the list existed)."""
    if not path.exists():
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["nouns"])


def head_lemma(doc: Doc, start: int, end: int, titles: bool = False) -> str | None:
    """The lower-case lemma of the head of the span if it is a common noun (with ``titles``, a
    capitalised title too: "Russian President"), else None.

    Args:
        doc: the parsed document.
        start, end: character offsets of the span.
        titles: also accept a proper-noun head (a title written with a capital).

    Returns:
        The lemma, or None for a name, a pronoun or a span the tokens do not cover.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.pos_ == "NOUN" or (titles and root.pos_ == "PROPN" and root.is_alpha):
        return root.lemma_.lower()
    return None


def _topic(token: Token) -> bool:
    """Whether the noun is the subject of its sentence's main verb, or owns that subject ("The
    actor's film opened")."""
    if token.dep_ in _SUBJECTS and token.head.dep_ == "ROOT":
        return True
    return token.dep_ == "poss" and token.head.dep_ in _SUBJECTS and token.head.head.dep_ == "ROOT"


class _Spans:
    """Whether a position falls inside any of some character spans, in a binary search: an
    article has hundreds of mentions and every person noun is looked up."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans starting at or before each one
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __contains__(self, position: int) -> bool:
        last = bisect.bisect_right(self.starts, position) - 1
        return last >= 0 and self.reach[last] > position


def unnamed_people(
    doc: Doc, names: Sequence[tuple[int, int]], sentence_starts: Sequence[int], nouns: frozenset[str] | None = None
) -> list[UnnamedPerson]:
    """Definite noun phrases headed by a person noun, with no name.

    Args:
        doc: the parsed document.
        names: character spans of the article's entity mentions; a noun inside one, or with a
            name in apposition ("the actor, Tom Hanks"), is named and left out.
        sentence_starts: where each of the analysis's sentences starts.
        nouns: the person nouns (default: the learned list).

    Returns:
        One UnnamedPerson per such phrase, in text order.
    """
    nouns = person_nouns() if nouns is None else nouns
    named = _Spans(names)
    found = []
    for token in (doc[i] for i in positions(doc, "POS", ["NOUN"])):
        if token.lemma_.lower() not in nouns or token.idx in named:
            continue
        if not any(child.dep_ == "det" and child.lower_ in DEFINITE for child in token.children):
            continue
        if any(child.dep_ == "appos" and child.idx in named for child in token.children):
            continue
        start, end = token.left_edge.idx, token.idx + len(token.text)
        sentence = max(0, bisect.bisect_right(sentence_starts, token.idx) - 1)
        role = f"{token.dep_}/{token.head.dep_}"
        plural = token.tag_ in ("NNS", "NNPS")
        found.append(UnnamedPerson(start, end, sentence, role, _topic(token), plural))
    return found
