"""Rendering a Reply as plain text for the console and the CLI."""

from __future__ import annotations

import re
import textwrap

from handlers.reply import Citation, Grid, Reply

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x1b]")


def clean(text: str) -> str:
    """Article text may carry terminal control sequences; they are never echoed raw."""
    return _CONTROL.sub("", text)


def citation_line(c: Citation) -> str:
    """The sentence, then where to read it: outlet, date, title and link (a URL, or a file's name)."""
    parts = (c.outlet or "unknown outlet", c.published, f"“{c.title}”" if c.title else None)
    where = ", ".join(part for part in parts if part)
    link = f" · {c.link}" if c.link else ""
    lead = f"{clean(c.lead)}: " if c.lead else ""
    return f"  {lead}“{clean(c.sentence)}”\n    — {clean(where)}{clean(link)} (#{c.article_id})"


def render_text(reply: Reply, width: int = 100) -> str:
    lines = [clean(reply.title)]
    for section in reply.sections:
        lines.append("")
        if section.heading:
            lines.append(clean(section.heading) + ":")
        if section.text:
            lines.extend(clean(section.text).splitlines())
        for field in section.fields:
            lines.append(textwrap.fill(clean(f"{field.name}: {field.value}"), width=width, subsequent_indent="    "))
        lines.extend(citation_line(c) for c in section.citations)
    if reply.footer:
        lines += ["", clean(reply.footer)]
    for grid in reply.grids:
        lines += ["", *grid_lines(grid)]
    return "\n".join(lines)


def grid_lines(grid: Grid) -> list[str]:
    """A grid as a text table, for the terminal where no picture is shown."""
    rows = [clean(r) for r in grid.rows]
    columns = [clean(c) for c in grid.columns]
    first = max(len(r) for r in rows)
    widths = [max(len(c), *(len(str(row[i])) for row in grid.counts)) for i, c in enumerate(columns)]
    header = "  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True))
    lines = [clean(grid.title) + ":", " " * first + "  " + header]
    for name, counts in zip(rows, grid.counts, strict=True):
        cells = "  ".join((str(n) if n else "–").rjust(w) for n, w in zip(counts, widths, strict=True))
        lines.append(name.ljust(first) + "  " + cells)
    return lines
