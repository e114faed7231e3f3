"""Where articles come from: a file path, standard input, pasted text or an http(s) URL."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from ingest import messages
from ingest.errors import IngestError
from ingest.extract import check_text, document_from_bytes, from_plain, looks_like_html
from ingest.fetch import fetch
from ingest.model import Document, FetchPolicy
from ingest.urls import is_url

#: Standard input over the limit is read on, uncounted, to this many bytes so the refusal can say
#: how large it was; past it, "more than". Reading a pipe this far takes about a second.
STDIN_COUNTED_BYTES = 1024 * 1024 * 1024
_CHUNK_BYTES = 1024 * 1024


def load_source(spec: str, policy: FetchPolicy, stdin: BinaryIO | None = None) -> Document:
    """A Document from ``spec``: ``-`` reads standard input, a URL is fetched, else a file path."""
    if spec == "-":
        return document_from_bytes(_read_stdin(stdin or sys.stdin.buffer, policy), "stdin", policy)
    if scheme := _other_scheme(spec):
        raise IngestError(messages.OTHER_SCHEME(scheme=scheme))
    if is_url(spec):
        page = fetch(spec.strip(), policy)
        return document_from_bytes(page.body, spec.strip(), policy, page.content_type, page.charset, url=page.url)
    return load_file(Path(spec), policy)


def _read_stdin(stream: BinaryIO, policy: FetchPolicy) -> bytes:
    """Standard input up to the limit; over it, refused with its real size (read on and dropped)."""
    body = stream.read(policy.max_bytes + 1)
    if len(body) <= policy.max_bytes:
        return body
    size = len(body)
    while size < STDIN_COUNTED_BYTES and (chunk := stream.read(_CHUNK_BYTES)):
        size += len(chunk)
    entry = messages.TOO_LARGE_STDIN_OVER if size >= STDIN_COUNTED_BYTES else messages.TOO_LARGE_STDIN
    raise IngestError(entry(size_mb=size / 1024 / 1024, limit_mb=policy.max_bytes / 1024 / 1024))


def _other_scheme(spec: str) -> str | None:
    """The scheme of a link we do not fetch (file://, ftp://, ...), or None."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", spec.strip())
    return match.group(1).lower() if match and match.group(1).lower() not in ("http", "https") else None


def load_file(path: Path, policy: FetchPolicy) -> Document:
    if not path.exists():
        raise IngestError(messages.NO_SUCH_FILE(path=path))
    if not path.is_file():
        raise IngestError(messages.NOT_A_FILE(path=path))
    size = path.stat().st_size
    if size > policy.max_bytes:
        raise IngestError(
            messages.TOO_LARGE_FILE(name=path.name, size_mb=size / 1024 / 1024, limit_mb=policy.max_bytes / 1024 / 1024)
        )
    return document_from_bytes(path.read_bytes(), str(path), policy)


def load_text(text: str, policy: FetchPolicy, source: str = "pasted") -> Document:
    """Text typed or pasted into chat; HTML pasted as text is still extracted."""
    if looks_like_html(text):
        return document_from_bytes(text.encode("utf-8"), source, policy, "text/html")
    if len(text.encode("utf-8")) > policy.max_bytes:
        return document_from_bytes(text.encode("utf-8"), source, policy)
    return check_text(from_plain(text.strip(), source), policy)
