"""The digest's picture: which outlets named which of the window's top names, as a grid of counts.

A grid says at a glance what a list cannot: who is everywhere, and who only one outlet names. Drawn
with matplotlib's object API (no pyplot state), large type so it reads at chat thumbnail size.
"""

from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from pathlib import Path

from matplotlib.figure import Figure

TOP_NAMES = 8
MAX_OUTLETS = 6


def chart_rows(mentions: list[tuple[str, str, int]]) -> tuple[list[str], list[str], list[list[int]]]:
    """(names, outlets, counts[name][outlet]) for the most-mentioned names and the busiest outlets."""
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


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_chart(mentions: list[tuple[str, str, int]], path: Path) -> Path | None:
    """Draw the grid to ``path`` (PNG); None when fewer than two names or two outlets make a picture pointless."""
    names, outlets, counts = chart_rows(mentions)
    if len(names) < 2 or len(outlets) < 2:
        return None
    figure = Figure(figsize=(8, 1.2 + 0.55 * len(names)), dpi=100, layout="constrained")
    axes = figure.subplots()
    axes.imshow(counts, cmap="Blues", aspect="auto", vmin=0)
    axes.set_xticks(range(len(outlets)), [_short(o, 18) for o in outlets], fontsize=13)
    axes.set_yticks(range(len(names)), [_short(n, 22) for n in names], fontsize=13)
    axes.xaxis.tick_top()
    peak = max(max(row) for row in counts) or 1
    for y, row in enumerate(counts):
        for x, count in enumerate(row):
            colour = "white" if count > peak / 2 else "black"
            axes.text(x, y, str(count) if count else "–", ha="center", va="center", fontsize=14, color=colour)
    axes.set_title("Who named whom: mentions by outlet", fontsize=14, loc="left", pad=12)
    for side in axes.spines.values():
        side.set_visible(False)
    axes.tick_params(length=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path


def chart_path(charts_dir: Path | None, database: str | None, channel: str, until_article_id: int) -> Path:
    """A stable file name per channel and window end, so a re-run overwrites instead of piling up."""
    if charts_dir is None:
        charts_dir = Path(database).parent / "charts" if database else Path(tempfile.gettempdir()) / "newsroom-charts"
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", channel)
    return charts_dir / f"digest-{safe}-{until_article_id}.png"
