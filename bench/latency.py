"""`/who` latency on large stores: p50 and p95 in ms at 10,000 and 100,000 synthetic articles.

Reference: the targets, p95 under 50 ms at 10,000 articles and under 200 ms at 100,000.
Usage: python bench/latency.py [--sizes 10000 100000] [--queries 300] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

from _synthetic import build_store  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.who import who  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

TARGET_P95_MS = {10_000: 50.0, 100_000: 200.0}
SAMPLE_NAMES = [
    "Putin",
    "Vladimir Putin",
    "Elon Musk",
    "Musk",
    "Kiriyenko",
    "Dmitry Peskov",
    "SpaceX",
    "Ukraine",
    "Pentagon",
    "Ian Bremmer",
]


def queries(store: Store, count: int, rng: random.Random) -> list[str]:
    """A mix a newsroom would type: famous names, stored names, surnames, typos, nobodies."""
    names = [r[0] for r in store.db.execute("SELECT name FROM entities ORDER BY random() LIMIT ?", [count])]
    mixed = []
    for number in range(count):
        kind = number % 5
        name = names[number % len(names)]
        if kind == 0:
            mixed.append(rng.choice(SAMPLE_NAMES))
        elif kind == 1:
            mixed.append(name)
        elif kind == 2:
            mixed.append(name.split()[-1])
        elif kind == 3 and len(name) > 5:
            cut = rng.randrange(1, len(name) - 1)
            mixed.append(name[:cut] + name[cut + 1 :])
        else:
            mixed.append(f"Nobody {number}")
    return mixed


def measure(path: Path, count: int, rng: random.Random) -> tuple[float, float, int]:
    store = Store.open(path)
    ctx = Context(store=store, analyzer=Analyzer())  # who never loads spaCy
    asked = queries(store, count, rng)
    for query in asked[:20]:  # warm the page cache
        who(ctx, query)
    timings = []
    for query in asked:
        started = time.perf_counter()
        who(ctx, query)
        timings.append((time.perf_counter() - started) * 1000)
    store.close()
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))], len(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures = []
    for size in args.sizes:
        path = folder / f"who-{size}.db"
        started = time.perf_counter()
        build_store(path, size)
        built = time.perf_counter() - started
        p50, p95, n = measure(path, args.queries, random.Random(size))
        target = TARGET_P95_MS.get(size)
        ratio = f", {p95 / target:.2f} of the {target:g} ms target" if target else ""
        mb = path.stat().st_size / 1e6
        print(
            f"{size:>7} articles ({mb:.0f} MB, built in {built:.0f} s): who over {n} queries "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms{ratio}"
        )
        figures += [f"who_p50_ms_{size}={p50:.1f}", f"who_p95_ms_{size}={p95:.1f}"]
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(" ".join(figures))


if __name__ == "__main__":
    main()
