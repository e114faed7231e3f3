"""Opening the database: pragmas for a bot that several processes may share, then migrations."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from store.migrations import migrations

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def connect(path: str | Path, migrate: bool = True) -> Database:
    """A Database in WAL mode with foreign keys and a busy timeout, migrated to the latest schema.

    ``":memory:"`` gives a private in-memory database (tests).
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        pending = [m.name for m in migrations.pending(db)]
        if pending:
            logger.info("applying migrations: %s", ", ".join(pending))
            migrations.apply(db)
    return db


def connect_reader(path: str | Path) -> Database:
    """A read-only connection to an existing, migrated database: one per reading thread, so reads
    run beside each other and beside a writer (WAL) instead of queuing behind one connection."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA query_only = ON")
    return db
