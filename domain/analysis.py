"""Plain results of analysis: what ``nlp`` produces, what the store keeps, what every answer cites.

Offsets are Python string indices into the article text exactly as analysed, so
``text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: The reason recorded when a name joins its entity by being that entity's name.
SAME_NAME = "same name"

#: Entity labels the bot tracks as people, organisations and places.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One span of text naming an entity."""

    text: str
    start: int
    end: int
    label: str
    sentence: int  # index into Analysis.sentences
    role: str = ""  # dependency labels of its head word and that word's governor ("nsubj/ROOT")


@dataclass(frozen=True)
class UnnamedPerson:
    """A person the article describes without naming: a definite noun phrase headed by a noun that
    describes a person ("The spokeswoman said ...", "The billionaire's conversations with ..."). A
    pronoun after it ("She added") may mean that person rather than any name before it."""

    start: int
    end: int  # the noun phrase up to its head noun ("The spokeswoman", not "for the campaign")
    sentence: int  # index into Analysis.sentences
    role: str  # dependency labels of its head noun and that word's governor, as Mention.role
    topic: bool = False  # the main subject of its sentence, or that subject's possessor
    plural: bool = False


@dataclass(frozen=True)
class Descriptor:
    """What the article calls a person: "Putin’s first deputy chief of staff"."""

    text: str
    start: int
    end: int
    mention: int  # index into Analysis.mentions of the name it describes
    kind: str  # title | appositive | role


@dataclass
class LocalEntity:
    """One entity within one article: the mentions that name it and the forms they use."""

    name: str
    label: str
    aliases: list[str]
    mentions: list[int]  # indices into Analysis.mentions
    descriptors: list[int] = field(default_factory=list)  # indices into Analysis.descriptors
    reasons: dict[str, str] = field(default_factory=dict)  # alias → why it names this entity
    maybe_person: bool = False  # tagged PERSON, relabelled for want of evidence in the article


@dataclass(frozen=True)
class KnownEntity:
    """An entity the store already holds, as a candidate for cross-article resolution."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()  # its latest articles, newest first
    article_count: int = 0
    neighbours: frozenset[str] = frozenset()  # alias keys of entities named in those articles
    latest: str | None = None  # date of its latest article, when known
    titles: tuple[str, ...] = ()  # the descriptors said as a title right before its name ("King")


@dataclass(frozen=True)
class Attribution:
    """Someone (or some unnamed source) said, wrote or reported something.

    Spans are character offsets into the article; ``content`` may be discontinuous.
    """

    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str  # direct | indirect
    speaker_type: str | None  # named | pronoun | described | anonymous | outlet (None: no source)
    speaker: str | None  # the entity's name, a resolved pronoun, or the description as written
    speaker_mention: int | None  # index into Analysis.mentions of a named speaker
    cue_lemma: str
    sentence: int  # index into Analysis.sentences where the content starts
    confidence: float  # the scorer's probability

    def content_text(self, text: str) -> str:
        return " … ".join(text[s:e] for s, e in self.content)

    def to_json(self, text: str) -> dict:
        def span(piece: tuple[int, int] | None) -> dict | None:
            return {"text": text[piece[0] : piece[1]], "start": piece[0], "end": piece[1]} if piece else None

        content = span((self.content[0][0], self.content[-1][1]))
        content["text"] = self.content_text(text)
        content["pieces"] = [list(p) for p in self.content]
        return {
            "source": span(self.source),
            "cue": span(self.cue),
            "content": content,
            "kind": self.kind,
            "speaker_type": self.speaker_type,
            "speaker": self.speaker,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class NumberMention:
    """A figure as written, with its qualifier: "some 30" (value 30, qualifier "some")."""

    text: str
    start: int
    end: int
    value: float | None
    qualifier: str | None
    unit: str | None  # "$", "%" or None
    noun: str | None  # what is counted, lemmatised ("domain")


@dataclass(frozen=True)
class Statement:
    """A checkable statement: an attribution's content, or an unattributed sentence of fact."""

    start: int
    end: int
    kind: str  # attributed | fact
    sentence: int
    attribution: int | None = None  # index into Analysis.attributions
    numbers: tuple[int, ...] = ()  # indices into Analysis.numbers
    entities: tuple[int, ...] = ()  # indices into Analysis.entities
    lemmas: tuple[str, ...] = ()  # content lemmas, worked out at ingest so /compare need not parse again
    names: tuple[str, ...] = ()  # the lemmas that are proper nouns


@dataclass(frozen=True)
class Link:
    """The stored entity a local one is (None: a new entity), its type, and why.

    ``absorb`` lists stored entities the article shows to be this one too (a rename stated
    in the text joins "Twitter" to "X" even if they were stored apart).
    """

    entity_id: int | None
    label: str
    reason: str
    absorb: tuple[int, ...] = ()


@dataclass
class Analysis:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    unnamed: list[UnnamedPerson] = field(default_factory=list)  # people described, not named

    def to_json(self) -> dict:
        return {
            "chars": len(self.text),
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(m) for m in self.mentions],
            "grouped": [asdict(e) for e in self.entities],
            "descriptors": [asdict(d) for d in self.descriptors],
            "attributions": [a.to_json(self.text) for a in self.attributions],
            "numbers": [asdict(n) for n in self.numbers],
            "statements": [{**asdict(s), "text": self.text[s.start : s.end]} for s in self.statements],
        }
