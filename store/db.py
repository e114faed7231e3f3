"""Opening the database: pragmas for a bot that several processes may share, then migrations."""

from __future__ import annotations

import datetime
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from store import messages
from store.errors import ForeignDatabase
from store.migrations import migrations

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
#: How long to wait before trying again to switch a new store to WAL while another process holds it.
WAL_RETRY_S = 0.01
#: How many of a foreign database's tables the refusal names.
NAMED_TABLES = 3


def connect(path: str | Path, migrate: bool = True) -> Database:
    """A Database in WAL mode with foreign keys and a busy timeout, migrated to the latest schema.

    Args:
        path: the database file (its folder is created), or ``":memory:"`` for a private in-memory
            database (tests).
        migrate: apply the pending migrations; False opens the store as it is.

    Returns:
        The open database.

    Raises:
        ForeignDatabase: the file holds another application's tables; it is refused before anything
            is written to it (no schema, no WAL switch), or such tables appeared before the migration
            lock was taken.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if foreign := _foreign_tables(db):
        conn.close()
        shown = ", ".join(foreign[:NAMED_TABLES]) + (", …" if len(foreign) > NAMED_TABLES else "")
        raise ForeignDatabase(messages.FOREIGN_TABLES(tables=shown))
    if str(path) != ":memory:":
        use_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
    if migrate and migrations.pending(db):
        try:
            _migrate(db)
        except BaseException:
            conn.close()
            raise
    return db


def use_wal(
    db: Database, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic
) -> None:
    """Switch the database to WAL. A new file's switch needs the database to itself for a moment,
    and SQLite does not wait for it (the busy timeout does not apply): a process racing another to
    create the same store found it "locked" and failed. The switch is tried again until the busy
    timeout runs out.

    Args:
        db: the open database.
        sleep: waits between tries (injected by tests).
        clock: the time the busy timeout is counted on (injected by tests).

    Raises:
        sqlite3.OperationalError: still locked after the busy timeout, or any other failure.
    """
    deadline = clock() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or clock() >= deadline:
                raise
            sleep(WAL_RETRY_S)


@contextmanager
def _write_lock(db: Database) -> Iterator[None]:
    """One transaction holding SQLite's write lock from its first statement (``BEGIN IMMEDIATE``).

    A plain ``BEGIN`` takes the lock only at its first write, after its reads: two processes that
    both read "no such table" then both create it, and in WAL mode the later one fails at once
    ("database is locked", without waiting) because its snapshot is stale. Taking the lock first
    makes the check and the change one step; a second process waits (the busy timeout), then sees
    the first one's work.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _migrate(db: Database) -> None:
    """Apply the pending migrations, each in its own locked transaction with its record.

    Idempotent: every step looks again, under the lock, at what is applied, so processes racing
    to create or upgrade the same store share the work and none repeats a step another finished.
    ForeignDatabase: another application's tables appeared before the lock was taken.
    """
    with _write_lock(db):
        if foreign := _foreign_tables(db):
            raise ForeignDatabase(messages.FOREIGN_TABLES_APPEARED(tables=", ".join(foreign[:NAMED_TABLES])))
        migrations.ensure_migrations_table(db)
    applied: list[str] = []
    while True:
        with _write_lock(db):
            pending = migrations.pending(db)
            if not pending:
                break
            step = pending[0]
            step.fn(db)
            applied.append(step.name)
            db[migrations.migrations_table].insert(
                {
                    "migration_set": migrations.name,
                    "name": step.name,
                    "applied_at": str(datetime.datetime.now(datetime.UTC)),
                }
            )
    if applied:
        logger.info(messages.MIGRATED(names=", ".join(applied)))


def _foreign_tables(db: Database) -> list[str]:
    """The tables of a database that is not ours, or [] when it is ours or empty. Ours has the
    migrations table: it is the first thing a new store gets, before any of its own tables, so a
    store another process is creating right now is never taken for a stranger's. Only reads."""
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    if migrations.migrations_table in names:
        sets = {row[0] for row in db.execute(f"SELECT DISTINCT migration_set FROM [{migrations.migrations_table}]")}
        return [] if not sets or migrations.name in sets else names  # another application's migrations
    return names


def connect_reader(path: str | Path) -> Database:
    """A read-only connection to an existing, migrated database: one per reading thread, so reads
    run beside each other and beside a writer (WAL) instead of queuing behind one connection.

    Args:
        path: the database file, already created and migrated by :func:`connect`.

    Returns:
        A database on which every write fails (``PRAGMA query_only``).
    """
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA query_only = ON")
    return db
