"""Plain results of analysis: what the store keeps and what every answer cites.

Offsets are Python string indices into the article text exactly as analysed, so
``text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field

#: Entity labels the bot tracks as people, organisations and places.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


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


@dataclass
class LocalEntity:
    """One entity within one article: the mentions that name it and the forms they use."""

    name: str
    label: str
    aliases: list[str]
    mentions: list[int]  # indices into Analysis.mentions


@dataclass(frozen=True)
class KnownEntity:
    """An entity the store already holds, as a candidate for cross-article resolution."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass
class Analysis:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)

    def sentence_of(self, mention: Mention) -> Sentence:
        return self.sentences[mention.sentence]

    def to_json(self) -> dict:
        return {
            "chars": len(self.text),
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(m) for m in self.mentions],
            "grouped": [asdict(e) for e in self.entities],
        }


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def name_key(name: str) -> str:
    """The form under which names are stored and looked up: case, accents and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"[^\w@'&.\- ]+", " ", folded)
    return re.sub(r"\s+", " ", folded).strip(" .-'")
