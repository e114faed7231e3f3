"""The store's own errors, so callers never catch a database driver's exceptions."""

from __future__ import annotations

from store import messages


class StoreError(Exception):
    """Something the store could not do; the message says what."""


class NotADatabase(StoreError):
    """The file is not a SQLite database the bot can open (another file, or a damaged one)."""


class ForeignDatabase(NotADatabase):
    """The file is a SQLite database of something else: it has tables and no newsroom migrations.
    It is left as it was, byte for byte."""


class DuplicateArticle(StoreError):
    """The article is already stored (same content hash or canonical URL), perhaps by another
    process between the caller's check and its write."""

    def __init__(self, article_id: int) -> None:
        super().__init__(messages.DUPLICATE(article_id=article_id))
        self.article_id = article_id


class IngestStopped(StoreError):
    """The bot is stopping and takes no more articles (``Store.stop_ingest``): an ingest abandoned
    after the shutdown grace period must not be stored once its user was told it was not."""
