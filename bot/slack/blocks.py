"""A Reply as Slack Block Kit, inside Slack's limits, with every piece of text escaped.

Escaping ``&``, ``<`` and ``>`` means no article or user text can form ``<!channel>``, ``<@U123>`` or
a link; ``@here`` and friends written plainly get a zero-width joiner so no client turns them into
a mention either. Long answers are split into several messages (or pages), never cut.
"""

from __future__ import annotations

import re
from typing import Any

from bot.text import chunks
from handlers.reply import Citation, Reply

MAX_BLOCKS = 50
SECTION_CHARS = 3000
FIELD_CHARS = 2000
FIELDS_PER_SECTION = 10
HEADER_CHARS = 150
CONTEXT_ELEMENTS = 10
PAGE_BLOCKS = 40  # blocks per page of a command's answer, leaving room for the buttons

Block = dict[str, Any]

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)


def escape(text: str) -> str:
    """Text Slack shows as written: no mentions, no links, no broadcasts."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u2060\\1", text)


def _section(markdown: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": piece}} for piece in chunks(markdown, SECTION_CHARS)]


def _link(url: str | None, label: str) -> str:
    if url and url.startswith(("http://", "https://")):
        return f"<{url.replace('|', '%7C').replace('>', '%3E')}|{escape(label)}>"
    return escape(label)


def citation_blocks(c: Citation) -> list[Block]:
    lead = f"{escape(c.lead)}: " if c.lead else ""
    blocks = _section(f"{lead}“{escape(c.sentence)}”")
    where = [escape(c.outlet or "unknown outlet")]
    if c.published:
        where.append(escape(c.published))
    where.append(_link(c.link, c.title or f"article #{c.article_id}"))
    if c.link and not c.link.startswith(("http://", "https://")):
        where.append(escape(c.link))
    where.append(f"#{c.article_id}")
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(where)}]})
    return blocks


def reply_blocks(reply: Reply) -> list[Block]:
    """Every block of the answer, in order; splitting into messages comes after."""
    title = reply.title if reply.ok else f"⚠️ {reply.title}"
    if len(title) <= HEADER_CHARS:
        blocks: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": title, "emoji": True}}]
    else:
        blocks = _section(f"*{escape(title)}*")
    for section in reply.sections:
        if section.heading:
            blocks += _section(f"*{escape(section.heading)}*")
        if section.text:
            blocks += _section(escape(section.text))
        fields = [
            {"type": "mrkdwn", "text": piece}
            for f in section.fields
            for piece in chunks(f"*{escape(f.name)}*\n{escape(f.value)}", FIELD_CHARS)
        ]
        for start in range(0, len(fields), FIELDS_PER_SECTION):
            blocks.append({"type": "section", "fields": fields[start : start + FIELDS_PER_SECTION]})
        for citation in section.citations:
            blocks += citation_blocks(citation)
    if reply.footer:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(reply.footer)}]})
    return blocks


def split(blocks: list[Block], size: int = MAX_BLOCKS) -> list[list[Block]]:
    """Consecutive runs of at most ``size`` blocks; a citation's sentence stays with its source line."""
    groups: list[list[Block]] = []
    current: list[Block] = []
    for index, block in enumerate(blocks):
        keep_with_next = (
            index + 1 < len(blocks) and blocks[index + 1]["type"] == "context" and block["type"] == "section"
        )
        if len(current) + (2 if keep_with_next else 1) > size and current:
            groups.append(current)
            current = []
        current.append(block)
    if current:
        groups.append(current)
    return groups


def fallback_text(reply: Reply) -> str:
    """The notification text Slack shows where blocks cannot be shown."""
    return escape(reply.title)[:3000]
