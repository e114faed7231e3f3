"""Racing processes creating a new store: every article stored, every process exit 0.

Each round starts 2 to 10 processes at one barrier; each runs the CLI's own path
(``bot.cli.main(["--db", NEW, "ingest", FILE])``) on its own article against a database that does
not exist yet. The processes are forked after spaCy is loaded, so they reach the database within
milliseconds of each other: a harder race than separately started commands, whose model loading
spreads them out. Reference: the same articles ingested one after another, which stores all of them.
Target (issue 39): 0 articles lost in 50 rounds.

Usage: python bench/concurrent_create.py [--rounds 50] [--min 2] [--max 10] [--seed 39]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITIES = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Lisbon", "Dublin", "Oslo"]


def article(round_no: int, number: int) -> str:
    """A short news text, different for every round and process (so none is a duplicate)."""
    city = CITIES[number % len(CITIES)]
    return (
        f"The State Department said on Monday that Secretary Antony Blinken would travel to {city} "
        f"for talks in round {round_no}, meeting number {number}. A State Department spokesman, Matthew "
        f"Miller, told reporters the trip to {city} had been planned for weeks and would last two days. "
        f"Officials in {city} said they welcomed the visit and expected to discuss trade and security.\n"
    )


def _child(db: str, source: str, log: str, barrier) -> None:  # noqa: ANN001 - a multiprocessing barrier
    """One racing process: the CLI path, its stderr kept in ``log``."""
    from bot.cli import main

    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 2)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    barrier.wait(timeout=60)
    code = main(["--db", db, "ingest", source])
    sys.stderr.flush()
    os._exit(code)


def race(folder: Path, round_no: int, processes: int) -> tuple[int, list[int], list[str]]:
    """Start ``processes`` ingests of distinct articles into a new store at once.

    Returns:
        (articles stored, exit codes, the non-empty stderr of each failing process).
    """
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes)
    db = folder / "new.db"
    children = []
    for number in range(processes):
        source = folder / f"article-{number}.txt"
        source.write_text(article(round_no, number), encoding="utf-8")
        log = folder / f"stderr-{number}.txt"
        child = context.Process(target=_child, args=(str(db), str(source), str(log), barrier))
        child.start()
        children.append((child, log))
    codes, errors = [], []
    for child, log in children:
        child.join(timeout=300)
        codes.append(child.exitcode if child.exitcode is not None else -1)
        if child.exitcode != 0:
            errors.append(log.read_text(encoding="utf-8", errors="replace").strip())
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    return stored, codes, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--min", type=int, default=2, help="fewest processes in a round")
    parser.add_argument("--max", type=int, default=10, help="most processes in a round")
    parser.add_argument("--seed", type=int, default=39, help="chooses each round's number of processes")
    args = parser.parse_args()

    from bot.settings import SETTINGS
    from nlp.pipeline import load_pipeline

    model = next(s.default for s in SETTINGS if s.name == "NEWSROOM_SPACY_MODEL")
    load_pipeline(model)  # loaded once; each forked process inherits it
    rng = random.Random(args.seed)
    started = time.perf_counter()
    expected = stored_total = failed = 0
    for round_no in range(1, args.rounds + 1):
        processes = rng.randint(args.min, args.max)
        with tempfile.TemporaryDirectory(prefix="newsroom-race-") as folder:
            stored, codes, errors = race(Path(folder), round_no, processes)
        expected += processes
        stored_total += stored
        failed += sum(code != 0 for code in codes)
        lost = processes - stored
        print(f"round {round_no:2d}: {processes:2d} processes, {stored:2d} stored, {lost} lost, exit codes {codes}")
        for error in errors:
            print("   ", error.splitlines()[-1] if error else "(no message)")
    seconds = time.perf_counter() - started
    lost = expected - stored_total
    print(f"{args.rounds} rounds, {expected} racing ingests: {stored_total} stored, {lost} lost, {failed} failed")
    print(f"ratio to the reference (one after another stores all {expected}): {stored_total / expected:.3f}")
    print(
        f"rounds={args.rounds} ingests={expected} stored={stored_total} lost={lost} failed={failed} "
        f"seconds={seconds:.1f}"
    )
    return 0 if lost == 0 and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
