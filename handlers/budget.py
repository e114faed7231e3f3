"""How long an answer reads: the size of its plain text, so a handler can fill a page up to a
budget (a phone screen) and leave the rest to later pages and the JSON.

An estimate of what every adapter shows (the console's text, Slack's and Discord's fields run a
few characters shorter or longer): the sentence, who said it, outlet, date, title and link.
"""

from __future__ import annotations

from handlers.reply import Citation, Section

_CITATION_FRAME = 20  # quotes, dashes, separators and the article number around a citation


def citation_size(c: Citation) -> int:
    """Characters a citation takes: its lead, sentence and where to read it.

    Args:
        c: the citation.

    Returns:
        An estimate in characters, the frame around it included.
    """
    parts = (c.lead, c.sentence, c.outlet, c.published, c.title, c.link)
    return sum(len(p) for p in parts if p) + _CITATION_FRAME


def section_size(section: Section) -> int:
    """Characters a section takes: heading, text, fields and citations.

    Args:
        section: the section.

    Returns:
        An estimate in characters.
    """
    size = len(section.heading or "") + 2 + len(section.text)
    size += sum(len(f.name) + len(f.value) + 3 for f in section.fields)
    return size + sum(citation_size(c) for c in section.citations)


def fill_pages(groups: list[list[Section]], budget: int) -> list[list[Section]]:
    """Consecutive groups (an article's sections, say) packed into pages of at most ``budget``
    characters each; a group larger than the budget gets a page of its own.

    Args:
        groups: the sections in reading order, in groups that are never split across pages.
        budget: the most characters a page should take.

    Returns:
        The pages in order, each the sections of whole groups; one empty page when there are none.
    """
    pages: list[list[Section]] = []
    current: list[Section] = []
    used = 0
    for group in groups:
        size = sum(section_size(s) for s in group)
        if current and used + size > budget:
            pages.append(current)
            current, used = [], 0
        current += group
        used += size
    if current:
        pages.append(current)
    return pages or [[]]
