"""What scoring attribution candidates asks of many spans of one Doc, read once from its arrays.

An article has hundreds of candidates, each asking of its content "is there a verb?", "is there a
quotation mark?", and of its cue and speaker "same sentence?". Asked token by token, each question
makes a spaCy ``Token`` for every word of the content (a quotation, a whole clause) or walks the
sentence; read from the Doc's columns once, each is a subtraction or a list look-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nlp.doc_columns import matching

if TYPE_CHECKING:
    from numpy import ndarray
    from spacy.tokens import Doc

#: Quotation marks as tokens: curly, straight, and the doubled apostrophe ('') some feeds use.
QUOTE_MARKS = frozenset({"“", "”", '"', "''"})
VERB_TAGS = ("VERB", "AUX")


@dataclass(frozen=True)
class TokenCounts:
    """Running counts over a Doc's tokens: ``verbs[i]`` and ``quote_marks[i]`` count the tokens
    before token ``i``; ``sentence_start[i]`` is the index of the first token of ``i``'s sentence."""

    verbs: list[int]
    quote_marks: list[int]
    sentence_start: list[int]

    def any_verb(self, start: int, end: int) -> bool:
        """Whether tokens ``start`` to ``end`` (exclusive) hold a VERB or an AUX."""
        return self.verbs[end] > self.verbs[start]

    def any_quote_mark(self, start: int, end: int) -> bool:
        """Whether tokens ``start`` to ``end`` (exclusive) hold one of ``QUOTE_MARKS``."""
        return self.quote_marks[end] > self.quote_marks[start]


def token_counts(doc: Doc) -> TokenCounts:
    """The counts of ``doc``, from its POS, ORTH and SENT_START columns. A sentence starts where
    spaCy's ``Span.sent`` finds one: at the last token flagged as a start, else at the first token."""
    import numpy  # loaded with spaCy, which made the Doc

    verbs = matching(doc, "POS", VERB_TAGS)
    marks = matching(doc, "ORTH", QUOTE_MARKS)
    flagged = doc.to_array("SENT_START") == 1
    starts = numpy.maximum.accumulate(numpy.where(flagged, numpy.arange(len(flagged)), 0)) if len(doc) else flagged
    return TokenCounts(_running(verbs), _running(marks), starts.tolist())


def _running(flags: ndarray) -> list[int]:
    """``[0, f0, f0 + f1, ...]``: how many flags are set before each position, and in all."""
    return [0, *flags.cumsum().tolist()]
