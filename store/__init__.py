"""Persistence: SQLite through sqlite-utils. Knows the ``domain`` types, nothing of spaCy or of ``nlp``."""

from store.store import Store

__all__ = ["Store"]
