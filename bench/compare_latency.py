"""`/compare` latency on a large store, alone and 20 at once.

Reference: the targets, p95 under 300 ms for one /compare on 10,000 synthetic articles, and 20
concurrent /compares (each on its own thread, as the chat adapters run them) all answered within
3 times the median time of one. Two concurrency figures are printed: 20 reporters asking the same
claim (the case of a story everyone is chasing) and 20 different claims. On this 2-core machine
20 different claims cannot finish faster than 10 single answers back to back; that figure shows
they do not queue behind one lock (its ratio to the 20 answers run one after the other).

Usage: python bench/compare_latency.py [--size 10000] [--queries 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

from _synthetic import build_store  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.compare import compare  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

TARGET_P95_MS = 300.0
TARGET_CONCURRENT_RATIO = 3.0
CONCURRENT = 20
SAMPLE_CLAIMS = [
    "Musk and Putin in regular contact",
    "Peskov denied regular talks between Musk and Putin",
    "Starlink was switched off near Crimea",
    "Musk asked Putin for a favor",
    "The Pentagon bought Starlink terminals for Ukraine",
]


def claims(store: Store, count: int, rng: random.Random) -> list[str]:
    """Sample claims, stored statements cut to a claim's length, and claims about nobody stored."""
    rows = store.db.execute(
        "SELECT text FROM statements WHERE length(text) > 40 ORDER BY random() LIMIT ?", [count]
    ).fetchall()
    mixed = []
    for number in range(count):
        kind = number % 4
        if kind == 0:
            mixed.append(rng.choice(SAMPLE_CLAIMS))
        elif kind == 3:
            mixed.append(f"Nobody {number} denied meeting the minister of {rng.choice(['Ruritania', 'Freedonia'])}")
        else:
            words = rows[number % len(rows)][0].split()
            mixed.append(" ".join(words[: rng.randint(6, 12)]))
    return mixed


def timed(ask: Callable[[], object]) -> float:
    started = time.perf_counter()
    ask()
    return (time.perf_counter() - started) * 1000


def all_at_once(ctx: Context, asked: list[str]) -> float:
    """Wall time in ms until every one of ``asked`` is answered, each on its own thread."""
    start = threading.Barrier(len(asked) + 1)
    errors: list[BaseException] = []

    def ask(claim: str) -> None:
        start.wait()
        try:
            compare(ctx, claim)
        except BaseException as error:  # noqa: BLE001 - reported below, the benchmark must not hang
            errors.append(error)

    threads = [threading.Thread(target=ask, args=(claim,)) for claim in asked]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"compare-{args.size}.db"
    if not path.exists():
        started = time.perf_counter()
        build_store(path, args.size)
        print(f"built {args.size} synthetic articles in {time.perf_counter() - started:.0f} s")
    store = Store.open(path)
    ctx = Context(store=store, analyzer=Analyzer())
    rng = random.Random(args.size)
    asked = claims(store, args.queries, rng)
    for claim in asked[:10]:  # load spaCy, warm the page cache
        compare(ctx, claim)
    timings = sorted(timed(lambda claim=claim: compare(ctx, claim)) for claim in asked)
    p50, p95 = statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]
    print(
        f"{args.size} articles: one /compare over {len(timings)} claims p50 {p50:.0f} ms, p95 {p95:.0f} ms "
        f"({p95 / TARGET_P95_MS:.2f} of the {TARGET_P95_MS:g} ms target)"
    )

    same_claim = SAMPLE_CLAIMS[0]
    alone = statistics.median(timed(lambda: compare(ctx, same_claim)) for _ in range(5))
    same = all_at_once(ctx, [same_claim] * CONCURRENT)
    print(
        f"{CONCURRENT} at once, one claim: all answered in {same:.0f} ms, {same / alone:.1f}x one /compare "
        f"({alone:.0f} ms; target {TARGET_CONCURRENT_RATIO:g}x)"
    )
    different = asked[:CONCURRENT]
    in_turn = sum(timed(lambda claim=claim: compare(ctx, claim)) for claim in different)
    together = all_at_once(ctx, different)
    print(
        f"{CONCURRENT} at once, different claims: all answered in {together:.0f} ms, {together / in_turn:.2f} of "
        f"the {in_turn:.0f} ms they take one after another, {together / p50:.1f}x the median /compare"
    )
    store.close()
    print(
        f"compare_p50_ms={p50:.1f} compare_p95_ms={p95:.1f} concurrent_same_ratio={same / alone:.2f} "
        f"concurrent_different_ms={together:.0f} concurrent_vs_serial={together / in_turn:.2f}"
    )


if __name__ == "__main__":
    main()
