"""spaCy pipeline components the bot adds to the trained pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and embedded posts stand alone.

    Runs before the parser, which respects sentence starts already set.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_components(nlp: Language) -> Language:
    if "newline_sentences" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("newline_sentences", before=before)
    return nlp
