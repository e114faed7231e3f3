"""The text of a Doc, built once: spaCy rebuilds ``doc.text`` from every token on each access."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


_KEY = "newsroom_text"


def text_of(doc: Doc) -> str:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = doc.text
    return cached


def forget_text(doc: Doc) -> None:
    """Drop the cache before the Doc is serialised (it would travel twice between processes)."""
    doc.user_data.pop(_KEY, None)
