"""Processes racing to create a new store: each ingest is stored and exits 0; a stranger's file is
refused by all of them and left as it was. Real processes, forked after spaCy is loaded so they
reach the database together, each running the CLI (``bench/concurrent_create.py`` runs 50 rounds)."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.cli import main
from nlp.pipeline import load_pipeline

FORK = multiprocessing.get_context("fork")


def article(number: int) -> str:
    city = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Lisbon", "Dublin", "Oslo"][number]
    return (
        f"The State Department said on Monday that Secretary Antony Blinken would travel to {city} "
        f"for talks, meeting number {number}. A State Department spokesman, Matthew Miller, told "
        f"reporters the trip to {city} had been planned for weeks and would last two days. Officials "
        f"in {city} said they welcomed the visit and expected to discuss trade and security.\n"
    )


def _ingest(db: str, source: str, log: str, barrier) -> None:  # noqa: ANN001 - a multiprocessing barrier
    sys.stdout, sys.stderr = open(os.devnull, "w"), open(log, "w", encoding="utf-8")  # noqa: SIM115
    barrier.wait(timeout=60)
    code = main(["--db", db, "ingest", source])
    sys.stderr.flush()
    os._exit(code)


def race(folder: Path, db: Path, processes: int) -> tuple[list[int | None], list[str]]:
    """Exit codes and stderr of ``processes`` ingests of distinct articles started together."""
    barrier = FORK.Barrier(processes)
    children = []
    for number in range(processes):
        source = folder / f"a{number}.txt"
        source.write_text(article(number), encoding="utf-8")
        log = folder / f"err{number}.txt"
        child = FORK.Process(target=_ingest, args=(str(db), str(source), str(log), barrier))
        child.start()
        children.append((child, log))
    for child, _ in children:
        child.join(timeout=120)
    return [c.exitcode for c, _ in children], [log.read_text(encoding="utf-8") for _, log in children]


@pytest.fixture(scope="module", autouse=True)
def loaded_model() -> None:
    load_pipeline("en_core_web_sm")  # the CLI's default; the forked processes inherit it


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    return tmp_path


@pytest.mark.parametrize("processes", [2, 5, 10])
def test_racing_processes_creating_a_store_all_store_their_article(here, processes):
    db = here / "new.db"
    codes, errors = race(here, db, processes)
    assert codes == [0] * processes, errors
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == processes
        applied = conn.execute("SELECT name, COUNT(*) FROM _sqlite_migrations GROUP BY name").fetchall()
    conn.close()
    assert applied and all(count == 1 for _, count in applied)  # every step once, whoever ran it


def test_racing_processes_leave_a_strangers_database_unchanged(here):
    db = here / "customers.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    codes, errors = race(here, db, 5)
    assert codes == [2] * 5
    assert all("is not a newsroom database (it holds other tables: customers" in e for e in errors)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not (here / "customers.db-wal").exists()
