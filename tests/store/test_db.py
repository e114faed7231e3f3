"""Only our databases: a SQLite file of someone else's is refused and left byte for byte as it was;
an empty or new file becomes a store."""

import hashlib
import sqlite3

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store import Store
from store.db import BUSY_TIMEOUT_MS, use_wal
from store.errors import ForeignDatabase, NotADatabase
from store.migrations import migrations


def customers_db(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ann Example')")
    conn.close()
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_database_of_other_tables_is_refused_and_left_unchanged(tmp_path):
    path = customers_db(tmp_path / "customers.db")
    before = digest(path)
    with pytest.raises(
        ForeignDatabase, match=r"^it holds other tables: customers; it was left unchanged \[S001\]$"
    ) as raised:
        Store.open(path)
    assert isinstance(raised.value, NotADatabase)  # callers that catch the wider error still do
    assert digest(path) == before
    assert not (tmp_path / "customers.db-wal").exists()  # no switch to WAL either


def test_another_applications_migrations_do_not_make_it_ours(tmp_path):
    path = tmp_path / "theirs.db"
    theirs = Migrations("crm")

    @theirs()
    def m001(db):
        db["customers"].create({"id": int, "name": str}, pk="id")

    theirs.apply(Database(path))
    before = digest(path)
    with pytest.raises(ForeignDatabase, match="customers"):
        Store.open(path)
    assert digest(path) == before


@pytest.mark.parametrize("prepare", ["new", "empty file", "empty database"])
def test_an_empty_or_new_file_becomes_a_store(tmp_path, prepare):
    path = tmp_path / "newsroom.db"
    if prepare == "empty file":
        path.write_bytes(b"")
    elif prepare == "empty database":
        sqlite3.connect(path).execute("PRAGMA user_version = 0").close()
    store = Store.open(path)
    assert store.article_count() == 0 and not migrations.pending(store.db)
    store.close()


def test_a_store_another_process_is_creating_is_ours(tmp_path):
    """The migrations table comes first; a store caught before its first migration is not foreign."""
    path = tmp_path / "newsroom.db"
    migrations.ensure_migrations_table(Database(path))
    store = Store.open(path)
    assert not migrations.pending(store.db)
    store.close()


class _LockedFor:
    """A database whose switch to WAL reports "locked" the first ``times`` tries."""

    def __init__(self, times: int) -> None:
        self.times, self.tries = times, 0

    def execute(self, sql: str) -> None:
        self.tries += 1
        if self.tries <= self.times:
            raise sqlite3.OperationalError("database is locked")


def test_the_switch_to_wal_is_tried_again_while_another_process_holds_the_new_store():
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    db = _LockedFor(3)
    use_wal(db, sleep, lambda: now[0])
    assert db.tries == 4 and len(waits) == 3
    forever = _LockedFor(10**9)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        use_wal(forever, sleep, lambda: now[0])
    assert now[0] >= BUSY_TIMEOUT_MS / 1000  # gave up only once the busy timeout ran out
