"""Many rows in one INSERT statement, for the tables an article writes many rows to.

Inside a transaction SQLite opens a savepoint for every writing statement, and an FTS5 index
writes the terms it holds pending to a new segment of its own at each savepoint. Rows inserted one
statement each into a table with a full-text index (statements, aliases) therefore cost one index
segment each, and the merging of all those segments; inserted by one statement, they are one
segment. ``executemany`` does not help: each of its rows is a statement of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

#: Rows per statement, well below SQLite's limit on the parameters of one statement (32,766 by
#: default) for the widest table written this way (18 columns).
CHUNK_ROWS = 500


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence], verb: str = "INSERT"
) -> None:
    """Insert ``rows`` in order, ``CHUNK_ROWS`` to a statement: the same rows, ids and trigger
    effects as one INSERT each, with each full-text index written once per statement.

    Args:
        db: the store's database, inside a transaction.
        table: the table.
        columns: the columns given, in the order of each row's values.
        rows: the rows, each a sequence of values in the order of ``columns``.
        verb: "INSERT" or "INSERT OR IGNORE" (a row that would break a unique constraint is skipped,
            also when an earlier row of the same statement holds its key).
    """
    names = ", ".join(f'"{c}"' for c in columns)
    marks = "(" + ", ".join("?" * len(columns)) + ")"
    for at in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[at : at + CHUNK_ROWS]
        values = ", ".join([marks] * len(chunk))
        db.conn.execute(f"{verb} INTO {table} ({names}) VALUES {values}", [v for row in chunk for v in row])


def next_ids(db: Database, table: str, count: int) -> list[int]:
    """The ids SQLite would give ``count`` rows inserted into ``table`` one after another now: one
    more than the largest id, and up (an ``INTEGER PRIMARY KEY`` without ``AUTOINCREMENT``), so rows
    inserted many to a statement (``insert_rows``) can carry their ids and be referred to.

    Args:
        db: the store's database, inside the write transaction that inserts the rows.
        table: a table whose ``id`` is an ``INTEGER PRIMARY KEY`` without ``AUTOINCREMENT``.
        count: how many rows will be inserted.

    Returns:
        The ids, in order.
    """
    first = db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]
    return list(range(first, first + count))
