"""A Reply as Discord embeds, inside Discord's limits, split across messages rather than cut.

Limits: title 256, description 4096, 25 fields (name 256, value 1024), 6000 characters an embed
(and a message), footer 2048. Mentions are defused twice: ``allowed_mentions`` is none everywhere,
and ``@everyone``-style text gets a zero-width space so it does not even look like one.
"""

from __future__ import annotations

import discord

from bot.text import chunks
from handlers.reply import Citation, Reply

TITLE, DESCRIPTION, FIELDS, NAME, VALUE, FOOTER = 256, 4096, 25, 256, 1024, 2048
MESSAGE_CHARS = 5800  # under 6000, leaving room for the page note
BLANK = "\u200b"
OK_COLOUR, ERROR_COLOUR = discord.Colour.blurple(), discord.Colour.red()


def escape(text: str) -> str:
    return discord.utils.escape_mentions(text)


def _fields(name: str, value: str) -> list[tuple[str, str]]:
    """One logical field as Discord fields: the name shortened only in its label, the value whole."""
    label = escape(name) or BLANK
    label = label if len(label) <= NAME else label[: NAME - 1] + "…"
    return [(label if i == 0 else BLANK, piece) for i, piece in enumerate(chunks(escape(value), VALUE) or [BLANK])]


def _citation(c: Citation) -> list[tuple[str, str]]:
    title = escape(c.title or f"article #{c.article_id}").replace("]", ")")
    link = f"[{title}]({c.link})" if c.link and c.link.startswith(("http://", "https://")) else title
    date = f", {c.published}" if c.published else ""
    file = f" · {escape(c.link)}" if c.link and not c.link.startswith(("http://", "https://")) else ""
    where = f"— {escape(c.outlet or 'unknown outlet')}{date}, {link}{file} (#{c.article_id})"
    name = c.lead or c.outlet or "Evidence"
    return [(f, v) for f, v in _fields(name, f"“{c.sentence}”")] + [(BLANK, where)]


def reply_fields(reply: Reply) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for section in reply.sections:
        if section.heading or section.text:
            fields += _fields(section.heading or BLANK, section.text or BLANK)
        for field in section.fields:
            fields += _fields(field.name, field.value)
        for citation in section.citations:
            fields += _citation(citation)
    return fields


def reply_embeds(reply: Reply) -> list[discord.Embed]:
    """One embed per message, each within every limit; together they hold the whole reply."""
    title = escape(reply.title)
    colour = OK_COLOUR if reply.ok else ERROR_COLOUR
    head = title if len(title) <= TITLE else "Answer"
    description = None if len(title) <= TITLE else title[:DESCRIPTION]
    embeds = [discord.Embed(title=head, description=description, colour=colour)]
    size = len(head) + len(description or "")
    for name, value in reply_fields(reply):
        cost = len(name) + len(value)
        if len(embeds[-1].fields) >= FIELDS or size + cost > MESSAGE_CHARS:
            embeds.append(discord.Embed(title=f"{head[: TITLE - 12]} (continued)", colour=colour))
            size = len(embeds[-1].title or "")
        embeds[-1].add_field(name=name, value=value, inline=False)
        size += cost
    if reply.footer:
        footer = escape(reply.footer)[:FOOTER]
        if size + len(footer) > MESSAGE_CHARS:
            embeds.append(discord.Embed(title=f"{head[: TITLE - 12]} (continued)", colour=colour))
        embeds[-1].set_footer(text=footer)
    return embeds
