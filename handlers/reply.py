"""The Reply every handler returns and every adapter renders (console, JSON, Slack, Discord).

Text here is raw: adapters escape it for their platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from domain.messages import code_of


@dataclass(frozen=True)
class Citation:
    """Where a line of an answer comes from: outlet, article and the sentence itself."""

    sentence: str
    outlet: str | None
    title: str | None
    article_id: int
    link: str | None = None  # URL, or the path the article was ingested from
    published: str | None = None
    lead: str | None = None  # who said it and how, shown before the sentence ("Dmitry Peskov, said")


@dataclass(frozen=True)
class Field:
    """One name and value of a section, shown as a pair (a Slack field, a Discord embed field)."""

    name: str
    value: str


@dataclass
class Section:
    """A part of a reply: an optional heading, then text, fields and citations, in that order."""

    heading: str | None = None
    text: str = ""
    fields: list[Field] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class Grid:
    """A table of counts that an adapter draws as a picture (the digest's who-named-whom chart);
    handlers choose what to show, the presentation side decides how it looks."""

    title: str
    name: str  # a stable file stem: drawing the same window again replaces the old picture
    rows: list[str]
    columns: list[str]
    counts: list[list[int]]  # counts[row][column]


@dataclass
class Reply:
    """What a handler answers: a title, sections, and the data the ``--json`` output prints.

    Every adapter renders it its own way; ``ok`` False makes the CLI exit non-zero.
    """

    title: str
    sections: list[Section] = field(default_factory=list)
    data: dict[str, Any] | list[Any] = field(default_factory=dict)  # the --json document
    ok: bool = True  # False: the request failed (CLI exits non-zero)
    footer: str | None = None  # paging hints and the like
    grids: list[Grid] = field(default_factory=list)  # drawn and uploaded as pictures by chat adapters

    @classmethod
    def error(cls, message: str, **data: Any) -> Reply:
        """A failed request's reply: the message as its title, in ``data`` under ``error``, and its
        code (``domain/messages.py``) under ``code`` so a ``--json`` reader need not parse it.

        Args:
            message: what went wrong, for the reader.
            **data: more keys for ``data`` (e.g. ``usage=True``, ``refused=True``).

        Returns:
            The reply, with ``ok`` False.
        """
        coded = {"code": code} if (code := code_of(message)) else {}
        return cls(title=message, ok=False, data={"error": message, **coded, **data})
