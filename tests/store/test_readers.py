"""Reads through each thread's own connection: never queued behind a writer, never stale for it."""

import sqlite3
import threading

import pytest

from store import Store

DEADLINE_S = 30


def test_a_read_does_not_wait_for_another_threads_write_transaction(tmp_path):
    store = Store.open(tmp_path / "r.db")
    inside, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with store.write_transaction():
            store.db.execute("INSERT INTO store_meta (key, value) VALUES ('pending', 'yes')")
            inside.set()
            release.wait(DEADLINE_S)

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert inside.wait(DEADLINE_S)
        answers: list[object] = []
        reader = threading.Thread(target=lambda: answers.append((store.article_count(), store.meta("pending"))))
        reader.start()
        reader.join(DEADLINE_S)
        assert answers == [(0, None)]  # answered while the write was open, without its uncommitted row
    finally:
        release.set()
        writer.join(DEADLINE_S)
    assert store.meta("pending") == "yes"  # committed: every reader sees it now
    store.close()


def test_a_thread_inside_its_write_transaction_reads_its_own_rows(tmp_path):
    store = Store.open(tmp_path / "r.db")
    with store.write_transaction():
        store.db.execute("INSERT INTO store_meta (key, value) VALUES ('mine', 'seen')")
        assert store.meta("mine") == "seen"
    store.close()


def test_readers_cannot_write(tmp_path):
    store = Store.open(tmp_path / "r.db")
    with store._reading() as db, pytest.raises(sqlite3.OperationalError):
        db.execute("INSERT INTO store_meta (key, value) VALUES ('x', 'y')")
    store.close()
