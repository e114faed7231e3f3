"""Bytes to text: decoding, refusing binaries, and pulling the article out of HTML or Markdown."""

from __future__ import annotations

import re

from ingest import messages
from ingest.errors import IngestError
from ingest.language import looks_english, looks_like_article
from ingest.model import Document, FetchPolicy
from ingest.shape import not_an_article
from ingest.urls import canonical_url

#: Fewer words than this on a page is navigation or a paywall stub, not an article.
MIN_ARTICLE_WORDS = 25

_MAGIC = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}


def decode(body: bytes, charset: str | None = None) -> str:
    """Text from bytes; refuses empty and binary input with a message naming what it looks like."""
    if not body.strip():
        raise IngestError(messages.EMPTY())
    for magic, what in _MAGIC.items():
        if body.startswith(magic):
            raise IngestError(messages.BINARY_KIND(what=what))
    if b"\x00" in body[:8192]:
        raise IngestError(messages.BINARY())
    for encoding in (charset, "utf-8-sig", "cp1252"):
        if not encoding:
            continue
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        break
    else:
        raise IngestError(messages.NO_ENCODING())
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise IngestError(messages.BINARY())
    return text  # unchanged, so offsets into it are offsets into the file


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def from_html(html: str, source: str, url: str | None = None) -> Document:
    """Main text and metadata of an HTML page through trafilatura (imported here: it takes about
    0.2 s, which commands that read no page should not pay)."""
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = normalise_newlines(getattr(result, "text", None) or "") if result else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(messages.NO_ARTICLE_TEXT())
    canonical = getattr(result, "url", None) or url
    return Document(
        text=text,
        source=source,
        title=getattr(result, "title", None),
        author=getattr(result, "author", None),
        published=getattr(result, "date", None),
        site_name=getattr(result, "sitename", None),
        url=url,
        canonical_url=canonical_url(canonical) if canonical else None,
        content_type="text/html",
    )


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_MD_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^#{1,6}\s*", re.MULTILINE), ""),  # heading marks
    (re.compile(r"^\s*>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+", re.MULTILINE), ""),  # bullets
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"^```.*$", re.MULTILINE), ""),  # code fences
]


def from_markdown(markdown: str, source: str) -> Document:
    """Markdown to plain prose; front matter and the first heading give title, author and date."""
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(markdown)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        markdown = markdown[match.end() :]
    heading = re.search(r"^#\s+(.+)$", markdown, re.MULTILINE)
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    text = re.sub(r"\n{3,}", "\n\n", normalise_newlines(text)).strip()
    return Document(
        text=text,
        source=source,
        title=meta.get("title") or (heading.group(1).strip() if heading else None),
        author=meta.get("author"),
        published=meta.get("date") or meta.get("published"),
        site_name=meta.get("outlet") or meta.get("site"),
        content_type="text/markdown",
    )


def from_plain(text: str, source: str) -> Document:
    first = text.split("\n", 1)[0].strip()
    title = first if len(first) <= 120 and not first.endswith((".", '"', "”")) else None
    return Document(text=text, source=source, title=title, content_type="text/plain")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(html|head|body|article|p)[\s>]", head))


def document_from_bytes(
    body: bytes,
    source: str,
    policy: FetchPolicy,
    content_type: str | None = None,
    charset: str | None = None,
    url: str | None = None,
) -> Document:
    """Any supported input to a checked Document: the single road from bytes to text."""
    if len(body) > policy.max_bytes:
        raise IngestError(messages.TOO_LARGE(size_mb=len(body) / 1024 / 1024, limit_mb=policy.max_bytes / 1024 / 1024))
    text = decode(body, charset)
    kind = content_type or _kind_from_name(source)
    if kind in ("text/html", "application/xhtml+xml") or (kind is None and looks_like_html(text)):
        document = from_html(text, source, url)
    elif kind == "text/markdown":
        document = from_markdown(text, source)
    else:
        document = from_plain(text, source)
    if url and not document.canonical_url:
        document.canonical_url = canonical_url(url)
    document.url = document.url or url
    return check_text(document, policy)


def check_text(document: Document, policy: FetchPolicy) -> Document:
    """Refuse texts the analysis cannot serve: empty, too long, too short, not English, not prose (a
    file of fields, code, a log or a table: the analysis would store its lines as names and claims)."""
    if not document.text.strip():
        raise IngestError(messages.EMPTY())
    if len(document.text) > policy.max_chars:
        raise IngestError(messages.TOO_LONG(chars=len(document.text), limit=policy.max_chars))
    if not looks_like_article(document.text):
        raise IngestError(messages.TOO_SHORT())
    if not looks_english(document.text):
        raise IngestError(messages.NOT_ENGLISH())
    if looks_like := not_an_article(document.text):
        raise IngestError(messages.LOOKS_LIKE(looks_like=looks_like))
    return document


def _kind_from_name(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return "text/html"
    if lowered.endswith((".md", ".markdown")):
        return "text/markdown"
    if lowered.endswith(".txt"):
        return "text/plain"
    return None
