"""Bytes to article: safe fetching, text extraction, outlet and date. Knows nothing of the store."""

from ingest.errors import IngestError
from ingest.model import Document, FetchPolicy, content_hash
from ingest.sources import load_source, load_text

__all__ = ["Document", "FetchPolicy", "content_hash", "IngestError", "load_source", "load_text"]
