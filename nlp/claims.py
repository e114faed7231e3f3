"""Statements worth comparing across outlets: what someone said, and sentences of checkable fact."""

from __future__ import annotations

import re
from bisect import bisect_left

from domain import Analysis, Statement

_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(19|20)\d\d)\b"
)
MIN_WORDS = 6


def statements_of(analysis: Analysis) -> list[Statement]:
    """Every attribution's content, then each sentence no attribution covers that states a
    checkable fact: a number, a date, or a named actor doing something."""
    found: list[Statement] = []
    covered = bytearray(len(analysis.text) + 1)  # 1 where an attribution's content stands
    mentions, numbers = _MentionIndex(analysis), _NumberIndex(analysis)
    for index, attribution in enumerate(analysis.attributions):
        start, end = attribution.content[0][0], attribution.content[-1][1]
        for s, e in attribution.content:
            covered[s:e] = b"\x01" * (e - s)
        found.append(
            Statement(
                start,
                end,
                "attributed",
                attribution.sentence,
                index,
                numbers.inside(attribution.content),
                mentions.entities_in(attribution.content),
            )
        )
    for number, sentence in enumerate(analysis.sentences):
        span = ((sentence.start, sentence.end),)
        share = covered.count(1, sentence.start, sentence.end)
        if share * 2 >= sentence.end - sentence.start or len(sentence.text.split()) < MIN_WORDS:
            continue
        figures, entities = numbers.inside(span), mentions.entities_in(span)
        if figures or entities or _DATE.search(sentence.text):
            found.append(Statement(sentence.start, sentence.end, "fact", number, None, figures, entities))
    return sorted(found, key=lambda s: (s.start, s.kind))


class _NumberIndex:
    """The figures' positions sorted by start, so that a statement finds its own by bisection (a
    long article has hundreds of statements and of figures)."""

    def __init__(self, analysis: Analysis) -> None:
        self.spans = sorted((n.start, n.end, i) for i, n in enumerate(analysis.numbers))
        self.starts = [start for start, _, _ in self.spans]

    def inside(self, pieces: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
        found = {
            i
            for s, e in pieces
            for _, end, i in self.spans[bisect_left(self.starts, s) : bisect_left(self.starts, e)]
            if end <= e
        }
        return tuple(sorted(found))


class _MentionIndex:
    """Every mention's (start, end, entity index), sorted by start: which entities a span names,
    found by bisection rather than by walking every mention for every statement."""

    def __init__(self, analysis: Analysis) -> None:
        self.owners = sorted(
            (analysis.mentions[m].start, analysis.mentions[m].end, i)
            for i, entity in enumerate(analysis.entities)
            for m in entity.mentions
        )
        self.starts = [start for start, _, _ in self.owners]

    def entities_in(self, pieces: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
        found = set()
        for s, e in pieces:
            for _, end, entity in self.owners[bisect_left(self.starts, s) : bisect_left(self.starts, e)]:
                if end <= e:
                    found.add(entity)
        return tuple(sorted(found))
