"""Persistence: SQLite through sqlite-utils. Knows the ``domain`` types, nothing of spaCy or of ``nlp``.

What belongs here: the schema and its migrations, every SQL statement and full-text search, and
the ``Store`` facade the handlers call. It is the only package that imports ``sqlite3`` or
``sqlite_utils``: the others catch the store's own errors (``store.errors``). What does not:
spaCy, fetching, chat, and what an answer means; rows go in and out as plain dataclasses
(``store.records``, ``domain``).
"""

from store.store import Store

__all__ = ["Store"]
