"""Plain results of analysis: what the store keeps and what every answer cites.

Offsets are Python string indices into the article text exactly as analysed, so
``text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
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


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@functools.lru_cache(maxsize=1 << 16)
@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form under which names are stored and looked up: case, accents and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"[^\w@'&.\- ]+", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip(" .-'")
    folded = re.sub(r"\b(\w)\. (?=\w\.)", r"\1.", folded)  # "U. S." is "U.S."
    return folded[4:] if folded.startswith("the ") else folded


_CONNECTORS = {"of", "the", "and", "for", "&", "on", "in", "de", "la"}


def skeleton(key: str) -> str:
    """A spelling-blind form of a name key: Dmitry/Dmitri, Sergei/Sergey, Kiriyenko/Kirienko meet."""
    words = [_ABBREVIATIONS.get(w, w) for w in key.split()]
    folded = " ".join(words).replace("y", "i").replace("j", "i").replace("ck", "k").replace("ph", "f")
    folded = re.sub(r"[^a-z0-9 ]", "", folded)
    folded = re.sub(r"(?<=\w{3}[b-df-hj-np-tv-z])e\b", "", folded)  # a silent final e: Raite/Rait
    return re.sub(r"(.)\1+", r"\1", folded).strip()  # a name in another script has none


#: Abbreviations place names are written with either way (Mt Cook, Mount Cook).
_ABBREVIATIONS = {"mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort"}


def initials(name: str) -> str:
    """ "The Wall Street Journal" → "wsj"; a one-word name has none."""
    words = [w for w in re.split(r"[\s\-]+", name_key(name)) if w]
    significant = [w for w in words if w not in _CONNECTORS]
    return "".join(w[0] for w in significant) if len(significant) > 1 else ""


def acronym_key(text: str) -> str:
    """ "WSJ", "U.S." → "wsj", "us"; anything not written as an acronym → ""."""
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return ""


@dataclass(frozen=True)
class AliasKeys:
    """The forms an alias is stored and found under."""

    key: str  # name_key
    skeleton: str  # spelling-blind, full names only ("" for one word)
    surname: str  # spelling-blind last word of a full name ("" for one word)
    initials: str  # of a several-word name, or the acronym itself

    @classmethod
    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - a pure function of a string
    def of(cls, alias: str) -> AliasKeys:
        key = name_key(alias)
        words = key.split()
        several = len(words) > 1
        return cls(
            key=key,
            skeleton=skeleton(key) if several else "",
            surname=skeleton(words[-1]) if several else "",
            initials=initials(alias) or acronym_key(alias),
        )
