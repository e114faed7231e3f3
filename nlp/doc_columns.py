"""Which tokens of a Doc hold a given tag, word or part of speech, read from its columns.

The bot's component runs over every word of every article ingested. Asked token by token ("is this
a verb?"), each question makes a spaCy ``Token`` object, which costs more than the test itself;
read from the Doc's columns (``doc.to_array``), it is one comparison over the whole article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numpy import ndarray
    from spacy.tokens import Doc


def matching(doc: Doc, column: str, values: Iterable[str]) -> ndarray:
    """For each token, whether its ``column`` ("POS", "TAG", "ORTH", "LOWER") is one of ``values``.

    Args:
        doc: the parsed article.
        column: a spaCy token attribute, by name.
        values: the strings wanted ("VERB", "NNP", ":").

    Returns:
        A boolean array, one entry per token.
    """
    strings = doc.vocab.strings
    found = doc.to_array(column)
    wanted = [strings[value] for value in values]
    hits = found == wanted[0]
    for value in wanted[1:]:
        hits |= found == value
    return hits


def positions(doc: Doc, column: str, values: Iterable[str]) -> list[int]:
    """The indices, in order, of the tokens whose ``column`` is one of ``values`` (see ``matching``)."""
    return matching(doc, column, values).nonzero()[0].tolist()
