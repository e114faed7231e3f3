"""What ingest hands to the rest of the bot: an extracted document and the fetch limits."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for reading input; the defaults are the documented settings' defaults."""

    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    timeout_s: float = 10.0
    max_chars: int = 300_000
    allow_private: bool = False  # every address allowed (tests with a local server)
    allowed_networks: tuple[str, ...] = ()  # or just these non-public networks, e.g. "127.0.0.0/8"
    user_agent: str = "newsroom-bot/0.1 (+https://github.com/)"


@dataclass
class Document:
    """An article's text and metadata, before analysis."""

    text: str
    source: str  # the path, URL, "stdin" or "pasted" it came from
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date when known
    site_name: str | None = None
    url: str | None = None  # the final URL after redirects
    canonical_url: str | None = None
    content_type: str = "text/plain"


def content_hash(text: str) -> str:
    """Hash of the text with case, quote styles and spacing folded: the same story pasted twice
    or fetched from two URLs hashes the same."""
    folded = text.casefold()
    for curly, straight in _QUOTES:  # str.replace, not str.translate: translate looks up every character
        folded = folded.replace(curly, straight)
    return hashlib.sha256(" ".join(folded.split()).encode("utf-8")).hexdigest()


_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))
