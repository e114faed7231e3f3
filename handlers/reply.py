"""The Reply every handler returns and every adapter renders (console, JSON, Slack, Discord).

Text here is raw: adapters escape it for their platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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
    name: str
    value: str


@dataclass
class Section:
    heading: str | None = None
    text: str = ""
    fields: list[Field] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Reply:
    title: str
    sections: list[Section] = field(default_factory=list)
    data: dict[str, Any] | list[Any] = field(default_factory=dict)  # the --json document
    ok: bool = True  # False: the request failed (CLI exits non-zero)
    footer: str | None = None  # paging hints and the like
    files: list[Path] = field(default_factory=list)  # pictures uploaded with the answer (a digest's chart)

    @classmethod
    def error(cls, message: str, **data: Any) -> Reply:
        return cls(title=message, ok=False, data={"error": message, **data})
