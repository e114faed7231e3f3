"""Rendering a Reply as plain text for the console and the CLI."""

from __future__ import annotations

import re
import textwrap

from handlers.reply import Citation, Reply

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x1b]")


def clean(text: str) -> str:
    """Article text may carry terminal control sequences; they are never echoed raw."""
    return _CONTROL.sub("", text)


def citation_line(c: Citation) -> str:
    where = ", ".join(part for part in (c.outlet, f"“{c.title}”" if c.title else None) if part)
    link = f" {c.link}" if c.link else ""
    lead = f"{clean(c.lead)}: " if c.lead else ""
    return f"  {lead}“{clean(c.sentence)}”\n    — {clean(where) or 'unknown outlet'} (#{c.article_id}){link}"


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
    lines += [f"Picture: {path}" for path in reply.files]
    return "\n".join(lines)
