"""Folding what outlets call an entity into a short list, most informative first.

The fold compares wordings pairwise, so it only ever sees a bounded, ranked list: the store groups
an entity's descriptors by their key and ranks the groups (``Store.ranked_descriptors``), and rows
given here are grouped the same way first. A name described ten thousand times costs what one
described forty times does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.profiles import DescriptorGroup

_STOP = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "s", "who", "is", "its", "his", "her"}
#: The most wordings the pairwise fold reads; the rest are the rarest (fewest outlets and articles).
FOLDED_AT_MOST = 40


@dataclass
class Described:
    """One line of what outlets call an entity: a wording and the near-duplicates folded into it."""

    text: str
    outlets: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)  # the first article of each folded wording
    article_count: int = 0  # articles using any folded wording (wordings rarely share an article)

    @property
    def words(self) -> set[str]:
        """The wording's content words, lower-cased, without stop words."""
        return _words(self.text)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")) if w not in _STOP}


def _near(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return a <= b or b <= a or len(a & b) / len(a | b) >= 0.6


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def group_rows(rows: Iterable[tuple[str, str | None, int]]) -> list[DescriptorGroup]:
    """(text, outlet, article id) rows as ranked groups, as the store ranks them: most outlets,
    then most articles, then the earliest use; each group keeps its longest spelling.

    Args:
        rows: ``(descriptor text, outlet or None, article id)`` in order of use (ties go to the first).

    Returns:
        One group per wording (case and spacing aside), in rank order.
    """
    groups: dict[str, dict] = {}
    for order, (text, outlet, article_id) in enumerate(rows):
        group = groups.setdefault(_key(text), {"text": text, "outlets": [], "articles": set(), "order": order})
        if len(text) > len(group["text"]):
            group["text"] = text
        if outlet and outlet not in group["outlets"]:
            group["outlets"].append(outlet)
        group["articles"].add(article_id)
    ranked = sorted(groups.values(), key=lambda g: (-len(g["outlets"]), -len(g["articles"]), g["order"]))
    return [DescriptorGroup(g["text"], g["outlets"], len(g["articles"]), min(g["articles"])) for g in ranked]


def fold_groups(groups: list[DescriptorGroup]) -> list[Described]:
    """Near-duplicates ("Kremlin spokesman", "spokesman for the Kremlin") become one line, keeping
    the fuller wording and every outlet that used either; the rest stay apart, so outlets that
    describe someone differently show as different lines. Reads at most ``FOLDED_AT_MOST`` groups.

    Args:
        groups: the wordings in rank order (``Store.ranked_descriptors`` or ``group_rows``).

    Returns:
        The folded lines, most outlets first, then most articles, then the fuller wording.
    """
    folded: list[Described] = []
    for group in groups[:FOLDED_AT_MOST]:
        words = _words(group.text)
        match = next((d for d in folded if _near(words, d.words)), None)
        if match is None:
            match = Described(group.text)
            folded.append(match)
        elif len(words) > len(match.words):
            match.text = group.text
        match.outlets += [o for o in group.outlets if o not in match.outlets]
        match.article_ids.append(group.first_article_id)
        match.article_count += group.article_count
    # Most outlets first, then most articles: the wording one article used once ("Associated Press
    # update") must not lead over the one 95 articles use ("President"); then the fuller wording.
    return sorted(folded, key=lambda d: (-len(d.outlets), -d.article_count, -len(d.words), d.text))


def fold_descriptors(rows: list[tuple[str, str | None, int]]) -> list[Described]:
    """``fold_groups`` over (text, outlet, article id) rows, grouped and ranked first.

    Args:
        rows: ``(descriptor text, outlet or None, article id)`` in order of use (ties go to the first).

    Returns:
        The folded lines, as ``fold_groups`` gives them.
    """
    return fold_groups(group_rows(rows))
