"""Labelled pairs of names in two FNC-1 training bodies, kept as ids and offsets, never as text.

``bench/data/linker_pairs.jsonl`` (sampled by ``bench/sample_linker_pairs.py``, read and labelled by
hand) holds one row per pair: the reason the linker would join the two names (acronym, surname,
head word, same one word, same name), each mention as ``{"body_id", "start", "end", "crc"}`` (FNC-1's
Body ID, character offsets into that body's ``articleBody`` as the csv gives it, and a CRC-32 of the
span so a changed copy of the data is noticed), the label (same / different / cant_tell), the split
(train / tune / report) and whether the two bodies belong to one story. ``acronym_joins.jsonl``
holds the acronym joins of the FNC-1 training store read by hand, in the same form.

A story is a connected component of FNC-1's related pairs (agree, disagree, discuss: a headline and
the bodies written about its claim), as ``bench/_fnc.folds_by_story`` groups them; a body with no
related pair is a story of its own. Splits go by story, so no body is in two splits.

The texts are rebuilt from the data folder (``../shared/eval/fnc1``), which is never copied into
the project; ``load_pairs`` checks every span against it.
"""

from __future__ import annotations

import csv
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from _components import Components

LABELS = ("same", "different", "cant_tell")
SPLITS = ("train", "tune", "report")
#: The reasons, as the brief names them, and the linker's relation for each (nlp.linker.names.RELATIONS).
REASONS = {
    "acronym": "acronym",
    "surname": "surname",
    "head_word": "contained",
    "same_one_word": "same_single",
    "same_name": "same_full",
}
PAIRS_FILE = Path(__file__).resolve().parent / "data" / "linker_pairs.jsonl"
ACRONYM_FILE = Path(__file__).resolve().parent / "data" / "acronym_joins.jsonl"


class OffsetError(ValueError):
    """A stored span does not match the data folder's text (another copy or version of FNC-1)."""


@dataclass(frozen=True)
class Span:
    """A mention: characters ``start:end`` of an FNC-1 body's ``articleBody``."""

    body_id: str
    start: int
    end: int
    crc: int

    def to_json(self) -> dict:
        return {"body_id": self.body_id, "start": self.start, "end": self.end, "crc": self.crc}

    @classmethod
    def of(cls, body_id: str, start: int, end: int, bodies: dict[str, str]) -> Span:
        return cls(body_id, start, end, span_crc(bodies[body_id][start:end]))


@dataclass(frozen=True)
class LabelledPair:
    reason: str
    a: Span
    b: Span
    label: str | None  # None: sampled, not yet read
    split: str
    within_story: bool = False

    def to_json(self) -> dict:
        row = {"reason": self.reason, "a": self.a.to_json(), "b": self.b.to_json(), "label": self.label}
        row["split"], row["within_story"] = self.split, self.within_story
        return row

    @classmethod
    def from_json(cls, row: dict) -> LabelledPair:
        a, b = (Span(str(s["body_id"]), int(s["start"]), int(s["end"]), int(s["crc"])) for s in (row["a"], row["b"]))
        return cls(row["reason"], a, b, row.get("label"), row["split"], bool(row.get("within_story", False)))


def span_crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def read_bodies(folder: Path) -> dict[str, str]:
    """FNC-1 training bodies by Body ID (the training file only: never the competition test)."""
    with (folder / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}


def stories(folder: Path) -> dict[str, str]:
    """Body ID → story id: components of the related headline/body pairs, named by their smallest
    body id (numerically); a body no headline is related to is its own story."""
    components = Components()
    with (folder / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            components.find("b:" + row["Body ID"])
            if row["Stance"] != "unrelated":
                components.join("h:" + row["Headline"], "b:" + row["Body ID"])
    members: dict[str, list[int]] = {}
    for node in list(components.parent):
        if node.startswith("b:"):
            members.setdefault(components.find(node), []).append(int(node[2:]))
    return {str(body): f"story-{min(bodies)}" for bodies in members.values() for body in bodies}


#: The share of bodies each split holds.
SHARES = {"train": 0.5, "tune": 0.25, "report": 0.25}


def assign_splits(story: dict[str, str]) -> dict[str, str]:
    """Story id → split: whole stories, largest first (ties in a fixed hashed order), each to the
    split furthest below its share of the bodies (about 50 % train, 25 % tune, 25 % report)."""
    sizes: dict[str, int] = {}
    for name in story.values():
        sizes[name] = sizes.get(name, 0) + 1
    load = dict.fromkeys(SHARES, 0)
    chosen = {}
    for name in sorted(sizes, key=lambda n: (-sizes[n], zlib.crc32(n.encode()), n)):
        split = min(SHARES, key=lambda s: ((load[s] + sizes[name]) / SHARES[s], SPLITS.index(s)))
        chosen[name] = split
        load[split] += sizes[name]
    return chosen


def check_span(span: Span, bodies: dict[str, str]) -> str:
    """The span's text, after checking it against the data folder.

    Raises:
        OffsetError: the body is missing, the offsets fall outside it, or the text's checksum differs.
    """
    body = bodies.get(span.body_id)
    if body is None:
        raise OffsetError(f"no body {span.body_id} in the data folder")
    if not 0 <= span.start < span.end <= len(body):
        raise OffsetError(f"offsets {span.start}:{span.end} outside body {span.body_id} ({len(body)} characters)")
    text = body[span.start : span.end]
    if span_crc(text) != span.crc:
        raise OffsetError(f"body {span.body_id} {span.start}:{span.end} is not the text that was labelled")
    return text


def read_rows(path: Path) -> list[LabelledPair]:
    with path.open(encoding="utf-8") as handle:
        return [LabelledPair.from_json(json.loads(line)) for line in handle if line.strip()]


def write_rows(path: Path, pairs: list[LabelledPair]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(p.to_json(), sort_keys=True) + "\n" for p in pairs), encoding="utf-8")


def load_pairs(folder: Path, path: Path = PAIRS_FILE) -> list[tuple[LabelledPair, str, str]] | None:
    """Every stored pair with the two mentions' texts rebuilt from ``folder``; None when the
    folder is absent (the data is not on this machine).

    Raises:
        OffsetError: a span does not match the folder's text.
    """
    if not (folder / "train_bodies.csv").exists():
        return None
    bodies = read_bodies(folder)
    return [(p, check_span(p.a, bodies), check_span(p.b, bodies)) for p in read_rows(path)]


def move_span(source: str, target: str, start: int, end: int) -> tuple[int, int] | None:
    """The same span in another copy of a text (the stored article is the body with its line ends
    and outer blanks normalised): the same occurrence of the same characters; None if absent."""
    if source == target:
        return start, end
    piece = source[start:end]
    occurrence, at = 0, source.find(piece)
    while at != -1 and at < start:
        occurrence += 1
        at = source.find(piece, at + 1)
    at = target.find(piece)
    for _ in range(occurrence):
        if at == -1:
            return None
        at = target.find(piece, at + 1)
    return (at, at + len(piece)) if at != -1 else None
