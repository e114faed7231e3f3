"""The bot's spaCy component: clean mentions and descriptors, on a guarded Doc extension."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from nlp.attributions import find_attributions
from nlp.descriptors import find_descriptors
from nlp.doctext import forget_text
from nlp.mentions import Draft, Findings, find_mentions
from nlp.numbers import find_numbers

EXTENSION = "newsroom"


@dataclass
class DocFindings:
    mentions: Findings
    descriptors: list[tuple[int, int, int, str]]
    attributions: list[dict]
    numbers: list[list]

    def to_plain(self) -> dict:
        """Lists and dicts only: Doc extensions cross process boundaries as msgpack."""
        m = self.mentions
        return {
            "mentions": [[d.start, d.end, d.label, d.text, d.recovered] for d in m.mentions],
            "ties": [list(t) for t in m.ties],
            "titles": [list(t) for t in m.titles],
            "fallback": dict(m.fallback),
            "descriptors": [list(d) for d in self.descriptors],
            "attributions": self.attributions,
            "numbers": self.numbers,
        }

    @classmethod
    def from_plain(cls, data: dict) -> DocFindings:
        found = Findings(
            mentions=[Draft(*row) for row in data["mentions"]],
            ties=[tuple(t) for t in data["ties"]],
            titles=[tuple(t) for t in data["titles"]],
            fallback=dict(data["fallback"]),
        )
        return cls(found, [tuple(d) for d in data["descriptors"]], data["attributions"], data["numbers"])


if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def findings_of(doc: Doc) -> DocFindings:
    """What the component found, computed now if the pipeline ran without it."""
    stored = doc._.get(EXTENSION)
    if stored is not None:
        return DocFindings.from_plain(stored)
    mentions = find_mentions(doc)
    return DocFindings(mentions, find_descriptors(doc, mentions.mentions), find_attributions(doc), find_numbers(doc))


@Language.component("newsroom_mentions")
def newsroom_mentions(doc: Doc) -> Doc:
    """After NER and the parser: mentions cleaned, labels checked, descriptors and attributions read."""
    doc._.set(EXTENSION, None)
    doc._.set(EXTENSION, findings_of(doc).to_plain())
    forget_text(doc)
    # The tagger's tensor (96 floats a token) is three quarters of a Doc's bytes and nothing after
    # this component reads it: dropped, a Doc parsed in a worker process crosses to the writer in a
    # quarter of the bytes.
    doc.tensor = doc.tensor[:0]
    return doc


def add_components(nlp: Language) -> Language:
    if "newsroom_mentions" not in nlp.pipe_names:
        nlp.add_pipe("newsroom_mentions", last=True)
    return nlp
