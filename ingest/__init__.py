"""Bytes to article: safe fetching, text extraction, outlet and date. Knows nothing of the store.

What belongs here: everything between a link, a file or pasted text and a ``Document``: the
fetch limits and the network guard, HTML, text and file extraction, language, outlet and
publication date. What does not: spaCy analysis (``nlp``), SQL or the store (``store``), chat.
It imports no other package of the project.
"""

from ingest.errors import IngestError
from ingest.model import Document, FetchPolicy, content_hash
from ingest.sources import load_source, load_text

__all__ = ["Document", "FetchPolicy", "content_hash", "IngestError", "load_source", "load_text"]
