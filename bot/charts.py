"""Pictures of a reply's grids (the digest's who-named-whom chart), drawn for chat uploads.

Drawn with matplotlib's object API (no pyplot state), large type so it reads at chat thumbnail
size. matplotlib loads only when a picture is drawn, so commands that draw none start fast.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from handlers import Context
from handlers.reply import Grid, Reply


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def draw(grid: Grid, folder: Path) -> Path:
    """Draw ``grid`` as a PNG in ``folder``, named after the grid so a redraw replaces it."""
    from matplotlib.figure import Figure

    names, outlets, counts = grid.rows, grid.columns, grid.counts
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
    axes.set_title(grid.title, fontsize=14, loc="left", pad=12)
    for side in axes.spines.values():
        side.set_visible(False)
    axes.tick_params(length=0)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{grid.name}.png"
    figure.savefig(path, format="png")
    return path


def charts_folder(charts_dir: Path | None, database: str | None) -> Path:
    """Where pictures go: the configured folder, else ``charts/`` beside the database."""
    if charts_dir is not None:
        return charts_dir
    return Path(database).parent / "charts" if database else Path(tempfile.gettempdir()) / "newsroom-charts"


def pictures(reply: Reply, folder: Path) -> list[Path]:
    """Every grid of ``reply`` drawn into ``folder``, in order."""
    return [draw(grid, folder) for grid in reply.grids]


async def drawn_pictures(reply: Reply, ctx: Context) -> list[Path]:
    """The reply's pictures for a chat upload, drawn off the event loop into the charts folder."""
    if not reply.grids:
        return []
    return await asyncio.to_thread(pictures, reply, charts_folder(ctx.charts_dir, ctx.store.path))
