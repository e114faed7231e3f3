"""The bot's spaCy component: clean mentions and descriptors, on a guarded Doc extension."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from nlp.descriptors import find_descriptors
from nlp.mentions import Findings, find_mentions

EXTENSION = "newsroom"


@dataclass
class DocFindings:
    mentions: Findings
    descriptors: list[tuple[int, int, int, str]]


if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def findings_of(doc: Doc) -> DocFindings:
    """What the component found, computed now if the pipeline ran without it."""
    found = doc._.get(EXTENSION)
    if found is None:
        mentions = find_mentions(doc)
        found = DocFindings(mentions, find_descriptors(doc, mentions.mentions))
    return found


@Language.component("newsroom_mentions")
def newsroom_mentions(doc: Doc) -> Doc:
    """After NER and the parser: mentions cleaned, labels checked, descriptors read."""
    doc._.set(EXTENSION, None)
    doc._.set(EXTENSION, findings_of(doc))
    return doc


def add_components(nlp: Language) -> Language:
    if "newsroom_mentions" not in nlp.pipe_names:
        nlp.add_pipe("newsroom_mentions", last=True)
    return nlp
