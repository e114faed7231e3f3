"""Reading PolNeAR (brat standoff) and scoring attributions the way its README describes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Span = tuple[tuple[int, int], ...]  # one or more (start, end) pieces


@dataclass
class GoldAttribution:
    content: Span
    cue: Span | None
    source: Span | None


@dataclass
class Document:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _span(offsets: str) -> Span:
    return tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))  # type: ignore[misc]


def read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, Span] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not re.match(r"[TE]\d+\t", line):
            continue  # the rest of a span's text that ran over a line break
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            _, offsets = info.split(" ", 1)
            spans[tid] = _span(offsets)
        elif line.startswith("E"):
            _, roles = line.split("\t", 1)
            relations.append(dict(role.split(":", 1) for role in roles.split()))
    found = []
    for relation in relations:
        if "Content" not in relation:
            continue
        found.append(
            GoldAttribution(
                content=spans[relation["Content"]],
                cue=spans.get(relation.get("Cue", "")),
                source=spans.get(relation.get("Source", "")),
            )
        )
    return found


def read_split(folder: Path) -> list[Document]:
    """Every article of a PolNeAR split; the first annotator's file in sorted order."""
    documents = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        documents.append(Document(text_path.stem, text_path.read_text(encoding="utf-8"), read_ann(anns[0])))
    return documents


def length(span: Span) -> int:
    return sum(end - start for start, end in span)


def overlap(a: Span, b: Span) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def content_match(a: Span, b: Span) -> bool:
    """Overlap of at least half of the shorter span."""
    shorter = min(length(a), length(b))
    return shorter > 0 and overlap(a, b) * 2 >= shorter


@dataclass
class Predicted:
    content: Span
    cue: Span | None
    source: Span | None


def score(documents: list[tuple[list[GoldAttribution], list[Predicted]]]) -> dict[str, float]:
    """Content P/R/F1 by one-to-one matching (best overlap first); source and cue correct when
    the matched pair's spans overlap."""
    gold_total = predicted_total = matched = source_ok = cue_ok = 0
    gold_sources = predicted_sources = gold_cues = predicted_cues = 0
    for gold, predicted in documents:
        gold_total += len(gold)
        predicted_total += len(predicted)
        gold_sources += sum(1 for g in gold if g.source)
        predicted_sources += sum(1 for p in predicted if p.source)
        gold_cues += sum(1 for g in gold if g.cue)
        predicted_cues += sum(1 for p in predicted if p.cue)
        pairs = sorted(
            (
                (overlap(g.content, p.content), gi, pi)
                for gi, g in enumerate(gold)
                for pi, p in enumerate(predicted)
                if content_match(g.content, p.content)
            ),
            reverse=True,
        )
        used_gold: set[int] = set()
        used_predicted: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_gold or pi in used_predicted:
                continue
            used_gold.add(gi)
            used_predicted.add(pi)
            matched += 1
            g, p = gold[gi], predicted[pi]
            if g.source and p.source and overlap(g.source, p.source) > 0:
                source_ok += 1
            if g.cue and p.cue and overlap(g.cue, p.cue) > 0:
                cue_ok += 1

    def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = correct / predicted if predicted else 0.0
        r = correct / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    figures = {}
    for name, (correct, predicted, gold) in {
        "content": (matched, predicted_total, gold_total),
        "source": (source_ok, predicted_sources, gold_sources),
        "cue": (cue_ok, predicted_cues, gold_cues),
    }.items():
        p, r, f = prf(correct, predicted, gold)
        figures.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    return figures
