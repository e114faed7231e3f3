"""Turning text into an Analysis: sentences and entity mentions with exact offsets."""

from __future__ import annotations

import bisect
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from domain import Analysis, Descriptor, Mention, NumberMention, Sentence, Statement
from nlp.attributions import attributions_of
from nlp.claim_core import core_text, credit_tokens, description_tokens
from nlp.claim_shape import ClaimShape, KnownName, claim_shape
from nlp.claims import statements_of
from nlp.doctext import keep_original, parse_input, remember_text, text_of
from nlp.person_nouns import unnamed_people
from nlp.resolve import group_mentions
from nlp.terms import STOP_LEMMAS, Terms
from nlp.truecase import HEADLINE_NAME_WORDS, is_headline_line, sentence_cased, truecased

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


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
    from nlp.components import findings_of  # spaCy is loaded once a Doc exists

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
    analysis.unnamed = unnamed_people(doc, [(m.start, m.end) for m in mentions], starts)
    analysis.attributions = attributions_of(
        found.attributions, text_of(doc), mentions, analysis.entities, starts, analysis.unnamed
    )
    analysis.numbers = [NumberMention(*row) for row in found.numbers]
    analysis.statements = [_with_terms(doc, analysis, s) for s in statements_of(analysis)]
    return analysis


#: Entity kinds that describe rather than name who a claim is about ("Russian", "since 2022").
NOT_ACTORS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


#: Entity types that can name where something happened rather than who did it.
PLACES = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that make a place of the name they govern ("killed in Somalia", "near the border").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "into", "inside", "outside", "over", "on", "off"})


def actors_of(doc: Doc) -> tuple[str, ...]:
    """The names a claim is about: its entities (not nationalities or figures, nor a place where
    something happened: "Somalia" of "killed in an airstrike in Somalia", while "Russia denies …"
    is an actor), and each run of proper nouns the entity model missed ("Musk" in "Musk has been in
    contact with Kiriyenko") but a title right before a name ("President" of "Russian President
    Vladimir Putin")."""
    found = [e.text for e in doc.ents if e.label_ not in NOT_ACTORS and not _a_location(e)]
    covered = {t.i for e in doc.ents for t in e}
    run: list[str] = []
    for token in [*doc, None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in covered:
            run.append(token.text)
            continue
        if run and not (token is not None and token.i in covered):  # not a title before a name
            found.append(" ".join(run))
        run = []
    return tuple(dict.fromkeys(found))


def _a_location(entity: Span) -> bool:
    """Whether a place's name says where, not who: the object of a locative preposition, or the
    name of a place that object belongs to ("in Nicaragua's capital")."""
    head = entity.root
    while head.dep_ in ("poss", "compound") and head.head is not head:
        head = head.head
    return entity.label_ in PLACES and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS


@dataclass(frozen=True)
class ClaimReading:
    """Everything /compare needs from its query, from one parse: its shape, its terms and the
    names in it."""

    shape: ClaimShape
    terms: Terms
    names: tuple[str, ...]
    actors: tuple[str, ...] = ()  # the names of people and organisations, who the claim is about
    core: str = ""  # the claim without the words that only describe whom it names (nlp.claim_core)


class Analyzer:
    """Owns the spaCy pipeline; one per process, shared by every handler. Building one loads
    nothing: spaCy and the pipeline load on the first parse, so commands that never parse
    (``newsroom who``, ``newsroom digest`` on stored terms) start fast."""

    def __init__(self, model: str | None = None, nlp: Language | None = None, piece_chars: int | None = None) -> None:
        self._model = model
        self._nlp = nlp
        self.piece_chars = piece_chars or PIECE_CHARS  # texts longer than this are parsed in pieces

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from nlp.pipeline import load_pipeline  # spaCy loads here, on the first parse

            self._nlp = load_pipeline(self._model)
        return self._nlp

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"

    def analyze(self, text: str) -> Analysis:
        return analysis_from_doc(self._parse(text))

    def analyze_many(self, texts: list[str], n_process: int = 1, batch_size: int = 16) -> Iterator[Analysis]:
        """Batch analysis through ``nlp.pipe``; ``n_process=2`` uses both cores on long batches.
        A text longer than ``piece_chars`` is parsed in pieces (see ``_parse``), in its place in the order."""
        short = [t for t in texts if len(t) <= self.piece_chars]
        longest = max(map(len, short), default=1)
        batch = max(1, min(batch_size, BATCH_CHARS // max(longest, 1)))
        inputs = (parse_input(self.nlp, t) for t in short)
        ours_before = {child.pid for child in multiprocessing.active_children()}
        parsed = self.nlp.pipe(inputs, n_process=n_process, batch_size=batch)
        done = 0
        try:
            for text in texts:
                doc = remember_text(next(parsed), text) if len(text) <= self.piece_chars else self._parse(text)
                yield analysis_from_doc(doc)
                done += 1
        finally:
            if done < len(texts):
                _stop_workers(ours_before)
            parsed.close()

    def terms(self, texts: list[str]) -> list[Terms]:
        """Content lemmas of short texts (claims, statements), without parsing or NER."""
        skip = [name for name in self.nlp.pipe_names if name in ("parser", "ner", "newsroom_mentions")]
        return [terms_of(doc) for doc in self.nlp.pipe(texts, disable=skip, batch_size=64)]

    def claim_shape(self, text: str) -> ClaimShape:
        """Whether a query claims something, claims someone said something, or only names things."""
        return claim_shape(self._parse(text))

    def read_claim(self, text: str, known_name: KnownName | None = None) -> ClaimReading:
        """A /compare query's shape, terms and names, parsed once; ``known_name`` tells whether a
        word is the name of something stored (``claim_shape``)."""
        doc = self._parse(text)
        if is_headline_line(text):
            doc = self._as_sentence(doc)
        dropped = description_tokens(doc) | credit_tokens(doc)
        described = {e.text for e in doc.ents if all(t.i in dropped for t in e)}
        names = tuple(entity.name for entity in analysis_from_doc(doc).entities if entity.name not in described)
        actors = tuple(name for name in actors_of(doc) if name not in described)
        core = [t for t in doc if t.i not in dropped]
        return ClaimReading(claim_shape(doc, known_name), terms_of(core), names, actors, core_text(doc, dropped))

    def _as_sentence(self, doc: Doc) -> Doc:
        """A headline query ("Mayor Denies Taking Bribes From Developer", "COLTS BEAT CHIEFS")
        parsed again as a sentence: capitals there mark every word, so the parse of the line as
        written takes verbs and nouns for names and the claim for a list of names. The words of
        short entities keep their capitals; the rest are written in lower case. A line that still
        claims nothing once so written is a list of names, and keeps its own parse."""
        # The capitals kept, from most to fewest: the tagger's short entities, then its one-word
        # ones, then none, for it takes a headline's verb for a name too ("Small Meteorite Strikes
        # in …"). Fewer capitals must find that verb: lower case alone would make a claim of any
        # name ("Elon musk"), unless the line is worded as a headline without one: a small word
        # between names ("Ebola Scare in Kansas City") or a question ("Macaulay Culkin Dead?").
        verbless = _verbless_headline(doc)
        words = [t for t in doc if t.is_alpha]
        if len(words) == 2 and all(t.pos_ == "PROPN" for t in words) and not verbless:
            # "Elon Musk", "Xi Jinping": two proper nouns are a name, though written in lower case
            # the tagger reads "musk" as a verb; a two-word claim shows its verb ("Obama Resigns")
            return doc
        for longest in (HEADLINE_NAME_WORDS, 1, 0):
            kept = [(e.start_char, e.end_char) for e in doc.ents if len(e) <= longest]
            sentence = self._parse(sentence_cased(doc.text, kept))
            found_verb = longest == HEADLINE_NAME_WORDS or verbless or any(t.pos_ == "VERB" for t in sentence)
            if found_verb and claim_shape(sentence).is_claim:
                return sentence
        # A line that claims nothing however it is cased names things: its own parse stands.
        return doc

    def _parse(self, text: str) -> Doc:
        """One Doc for ``text``. A long text is parsed piece by piece and the pieces joined, so the
        parser's working memory stays that of one piece; the bot's own component then reads the
        whole Doc, so names and quotes still connect across pieces."""
        if len(text) <= self.piece_chars:
            return self.nlp(parse_input(self.nlp, text))
        from spacy.tokens import Doc

        cased = truecased(text)
        docs = list(self.nlp.pipe(pieces_of(cased, self.piece_chars), disable=[OWN_COMPONENT], batch_size=1))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        keep_original(doc, text, cased)
        return self.nlp.get_pipe(OWN_COMPONENT)(doc)


#: Small words a Title-Case headline leaves in lower case and a list of names does not hold outside
#: its names: a line with one of them outside every name the tagger found is worded as a headline.
HEADLINE_LINKS = frozenset({"in", "of", "as", "at", "on", "for", "to", "from", "with", "by", "after", "over"})


def _verbless_headline(doc: Doc) -> bool:
    """Whether a line with no verb still reads as a headline rather than a list of names: it has a
    lower-case small word outside every name ("… Scare in Kansas City"; "Bank of America" does not
    count, its "of" is inside the name), or it asks a question of three words or more ("Macaulay
    Culkin Dead?": a name and what is asked of it; the tagger often takes the last word into the
    name). "Musk and Putin", "Elon Musk" and "Vladimir Putin?" stay lists of names."""
    in_names = {t.i for e in doc.ents for t in e}
    linked = any(t.text in HEADLINE_LINKS and t.i not in in_names for t in doc)
    words = [t for t in doc if t.is_alpha]
    asked = doc.text.rstrip().endswith("?") and len(words) >= 3
    return linked or asked


def _stop_workers(before: set[int | None]) -> None:
    """Ends the worker processes ``nlp.pipe`` started (those not in ``before``) when its caller
    stops early or fails. spaCy would ask them to finish and wait, but a worker blocked sending a
    batch nobody reads never sees the request (its siblings keep the channel open), so the
    process would never exit."""
    for child in multiprocessing.active_children():
        if child.pid not in before:
            child.terminate()


# spaCy's parser and NER need working memory in proportion to the text parsed at once (spaCy's note
# on nlp.max_length: about 1 GB per 100,000 characters; here a 250,000-character report in one Doc,
# or in one batch, took the process from 210 MB to 1.05 GB). A long text goes in pieces of this size
# one at a time (peak 300 MB for that report), and a batch holds about BATCH_CHARS characters.
PIECE_CHARS = 20_000
BATCH_CHARS = 60_000
OWN_COMPONENT = "newsroom_mentions"


def pieces_of(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Consecutive pieces that join back into ``text``, each at most ``limit`` characters (plus the
    whitespace after its cut), cut at a paragraph break, else a line break, else after a sentence,
    else at a space: the places where cutting changes the parse least."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for mark in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(mark)
            if cut >= limit // 4:
                end = start + cut + len(mark.rstrip())
                break
        else:
            end = start + limit
        end = max(end, start + 1)
        while end < len(text) and text[end].isspace():
            end += 1
        pieces.append(text[start:end])
        start = end
    if start < len(text):
        pieces.append(text[start:])
    return pieces
