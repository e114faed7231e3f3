"""What the digest's picture shows: which outlets named which of the window's top names.

A grid says at a glance what a list cannot: who is everywhere, and who only one outlet names.
Only the choice of names and outlets lives here; ``bot/charts.py`` draws it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from handlers.reply import Grid

TOP_NAMES = 8
MAX_OUTLETS = 6
TITLE = "Who named whom: mentions by outlet"


def chart_rows(mentions: list[tuple[str, str, int]]) -> tuple[list[str], list[str], list[list[int]]]:
    """The rows and columns of the grid: the most-mentioned names and the busiest outlets.

    Args:
        mentions: ``(entity name, outlet, mentions)`` rows for the window.

    Returns:
        ``(names, outlets, counts)`` with ``counts[name][outlet]``: at most ``TOP_NAMES`` names,
        those several outlets share first, and at most ``MAX_OUTLETS`` outlets, busiest first.
    """
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    for name, outlet, count in mentions:
        by_name[name][outlet] = by_name[name].get(outlet, 0) + count
    # Names several outlets share first, then the most mentioned.
    names = sorted(by_name, key=lambda n: (-len(by_name[n]), -sum(by_name[n].values()), n))[:TOP_NAMES]
    totals: dict[str, int] = defaultdict(int)
    for name in names:
        for outlet, count in by_name[name].items():
            totals[outlet] += count
    outlets = sorted(totals, key=lambda o: (-totals[o], o))[:MAX_OUTLETS]
    return names, outlets, [[by_name[n].get(o, 0) for o in outlets] for n in names]


def who_named_whom(mentions: list[tuple[str, str, int]], channel: str, until_article_id: int) -> Grid | None:
    """The digest's who-named-whom grid for one channel's window.

    Args:
        mentions: ``(entity name, outlet, mentions)`` rows for the window's articles.
        channel: the channel the digest is for (part of the picture's file stem).
        until_article_id: the last article the window covers (the rest of the stem, so drawing
            the same window again replaces the picture).

    Returns:
        The grid, or None when fewer than two names or two outlets make a picture pointless.
    """
    names, outlets, counts = chart_rows(mentions)
    if len(names) < 2 or len(outlets) < 2:
        return None
    stem = "digest-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", channel) + f"-{until_article_id}"
    return Grid(TITLE, stem, names, outlets, counts)
