"""Persistence: SQLite through sqlite-utils. Knows nlp.model's dataclasses, nothing of spaCy."""

from store.store import Store

__all__ = ["Store"]
