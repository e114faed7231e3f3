"""Turning text into an Analysis: sentences and entity mentions with exact offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.attributions import attributions_of
from nlp.claim_shape import ClaimShape, claim_shape
from nlp.claims import statements_of
from nlp.components import findings_of
from nlp.doctext import text_of
from nlp.model import Analysis, Descriptor, Mention, NumberMention, Sentence, Statement
from nlp.pipeline import load_pipeline
from nlp.resolve import group_mentions
from nlp.stance import STOP_LEMMAS, Terms


def split_lines(start: int, end: int, text: str) -> list[Sentence]:
    """The parts of a sentence span between line breaks, without surrounding spaces.

    A line break always ends a sentence: headlines, datelines and embedded posts stand
    alone. (Presetting sentence starts before the parser makes it split names apart.)
    """
    parts = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line = match.group()
        left = len(line) - len(line.lstrip())
        stripped = line.strip()
        if stripped:
            begin = start + match.start() + left
            parts.append(Sentence(begin, begin + len(stripped), stripped))
    return parts


def terms_of(tokens: Iterable[Token]) -> Terms:
    """The content lemmas of some tokens, proper nouns as written (lower-cased)."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    lemmas = {t.lemma_.lower() for t in words if t.lemma_.lower() not in STOP_LEMMAS and not t.is_stop}
    names = {t.lower_ for t in words if t.pos_ == "PROPN"}
    return Terms(frozenset(lemmas | names), frozenset(names))


def _role(doc: Doc, start: int, end: int) -> str:
    """The head word's dependency label and its governor's ("nsubj/ROOT": the main clause's subject)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return f"{span.root.dep_}/{span.root.head.dep_}" if span is not None and len(span) else ""


def _with_terms(doc: Doc, analysis: Analysis, statement: Statement) -> Statement:
    """The statement with the terms of its own words (an attribution's content pieces only)."""
    if statement.attribution is not None:
        pieces = analysis.attributions[statement.attribution].content
    else:
        pieces = ((statement.start, statement.end),)
    tokens = [t for start, end in pieces if (span := doc.char_span(start, end, alignment_mode="expand")) for t in span]
    terms = terms_of(tokens)
    return replace(statement, lemmas=tuple(sorted(terms.lemmas)), names=tuple(sorted(terms.names)))


def analysis_from_doc(doc: Doc) -> Analysis:
    """Convert a parsed Doc into plain dataclasses (pure: no model calls)."""
    sentences = [part for s in doc.sents for part in split_lines(s.start_char, s.end_char, text_of(doc))]
    starts = [s.start for s in sentences]
    found = findings_of(doc)
    mentions = [
        Mention(
            text=draft.text,
            start=draft.start,
            end=draft.end,
            label=draft.label,
            sentence=max(0, bisect.bisect_right(starts, draft.start) - 1),
            role=_role(doc, draft.start, draft.end),
        )
        for draft in found.mentions.mentions
    ]
    titles = [(m, start, end, "title") for m, start, end in found.mentions.titles]
    descriptors = [
        Descriptor(text_of(doc)[start:end], start, end, mention, kind)
        for mention, start, end, kind in sorted(titles + found.descriptors, key=lambda d: (d[1], d[0]))
    ]
    analysis = Analysis(text=text_of(doc), sentences=sentences, mentions=mentions, descriptors=descriptors)
    analysis.entities = group_mentions(analysis, found.mentions.ties, found.mentions.fallback)
    analysis.attributions = attributions_of(found.attributions, text_of(doc), mentions, analysis.entities, starts)
    analysis.numbers = [NumberMention(*row) for row in found.numbers]
    analysis.statements = [_with_terms(doc, analysis, s) for s in statements_of(analysis)]
    return analysis


@dataclass(frozen=True)
class ClaimReading:
    """Everything /compare needs from its query, from one parse: its shape, its terms and the
    names in it."""

    shape: ClaimShape
    terms: Terms
    names: tuple[str, ...]


class Analyzer:
    """Owns the spaCy pipeline; one per process, shared by every handler."""

    def __init__(self, model: str | None = None, nlp: Language | None = None) -> None:
        self._model = model
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self._model)
        return self._nlp

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"

    def analyze(self, text: str) -> Analysis:
        return analysis_from_doc(self._parse(text))

    def analyze_many(self, texts: list[str], n_process: int = 1, batch_size: int = 16) -> Iterator[Analysis]:
        """Batch analysis through ``nlp.pipe``; ``n_process=2`` uses both cores on long batches."""
        self._allow_length(max((len(t) for t in texts), default=0))
        for doc in self.nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            yield analysis_from_doc(doc)

    def terms(self, texts: list[str]) -> list[Terms]:
        """Content lemmas of short texts (claims, statements), without parsing or NER."""
        skip = [name for name in self.nlp.pipe_names if name in ("parser", "ner", "newsroom_mentions")]
        return [terms_of(doc) for doc in self.nlp.pipe(texts, disable=skip, batch_size=64)]

    def claim_shape(self, text: str) -> ClaimShape:
        """Whether a query claims something, claims someone said something, or only names things."""
        return claim_shape(self._parse(text))

    def read_claim(self, text: str) -> ClaimReading:
        """A /compare query's shape, terms and names, parsed once."""
        doc = self._parse(text)
        names = tuple(entity.name for entity in analysis_from_doc(doc).entities)
        return ClaimReading(claim_shape(doc), terms_of(doc), names)

    def _parse(self, text: str) -> Doc:
        self._allow_length(len(text))
        return self.nlp(text)

    def _allow_length(self, length: int) -> None:
        # The ingest layer caps article size; spaCy's own cap must not be the stricter one.
        if length >= self.nlp.max_length:
            self.nlp.max_length = length + 1
