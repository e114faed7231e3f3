"""Folding what outlets call an entity into a short list, most informative first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_STOP = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "s", "who", "is", "its", "his", "her"}


@dataclass
class Described:
    text: str
    outlets: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        return _words(self.text)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")) if w not in _STOP}


def _near(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return a <= b or b <= a or len(a & b) / len(a | b) >= 0.6


def fold_descriptors(rows: list[tuple[str, str | None, int]]) -> list[Described]:
    """Near-duplicates ("Kremlin spokesman", "Kremlin Spokesman") become one line, keeping the
    fuller wording and every outlet and article that used either; the rest stay apart, so outlets
    that describe someone differently show as different lines."""
    folded: list[Described] = []
    for text, outlet, article_id in rows:
        words = _words(text)
        match = next((d for d in folded if _near(words, d.words)), None)
        if match is None:
            match = Described(text)
            folded.append(match)
        elif len(words) > len(match.words):
            match.text = text
        if outlet and outlet not in match.outlets:
            match.outlets.append(outlet)
        if article_id not in match.article_ids:
            match.article_ids.append(article_id)
    # Most outlets first, then most articles: the wording one article used once ("Associated Press
    # update") must not lead over the one 95 articles use ("President"); then the fuller wording.
    return sorted(folded, key=lambda d: (-len(d.outlets), -len(d.article_ids), -len(d.words), d.text))
