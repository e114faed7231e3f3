"""`/who` latency on large stores: p50, p95, p99 and the maximum in ms at 10,000 and 100,000
synthetic articles, and the time for the most-described entity (the worst case of descriptor
folding, asked by its name and counted among the queries).

Reference: the targets, p95 under 50 ms at 10,000 articles; at 100,000, p95 under 30 ms and the
maximum under 200 ms.
Usage: python bench/latency.py [--sizes 10000 100000] [--queries 300] [--keep DIR [--reuse]]
(--reuse measures a store already kept in DIR instead of building it again: the 100,000-article
build takes about ten minutes.)
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

from _synthetic import build_store  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.who import who  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

TARGET_P95_MS = {10_000: 50.0, 100_000: 30.0}
TARGET_MAX_MS = {100_000: 200.0}
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


def most_described(store: Store) -> tuple[str, int]:
    """The entity outlets describe most often, as "#ID" (its name may be shared), and how often."""
    entity_id, uses = store.db.execute(
        "SELECT entity_id, COUNT(*) AS n FROM descriptors GROUP BY entity_id ORDER BY n DESC LIMIT 1"
    ).fetchone()
    return f"#{entity_id}", uses


@dataclass
class Figures:
    p50: float
    p95: float
    p99: float
    worst: float
    worst_query: str
    described: str
    described_uses: int
    described_ms: float
    count: int


def measure(path: Path, count: int, rng: random.Random) -> Figures:
    store = Store.open(path)
    ctx = Context(store=store, analyzer=Analyzer())  # who never loads spaCy
    described, uses = most_described(store)
    asked = [*queries(store, count - 1, rng), described]
    for query in asked[:20]:  # warm the page cache
        who(ctx, query)
    timings = []
    for query in asked:
        started = time.perf_counter()
        who(ctx, query)
        timings.append(((time.perf_counter() - started) * 1000, query))
    store.close()
    described_ms = timings[-1][0]
    timings.sort()
    ms = [t for t, _ in timings]

    def at(share: float) -> float:
        return ms[int(share * (len(ms) - 1))]

    return Figures(
        statistics.median(ms), at(0.95), at(0.99), ms[-1], timings[-1][1], described, uses, described_ms, len(ms)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    parser.add_argument("--reuse", action="store_true", help="measure the stores already kept in --keep")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures = []
    for size in args.sizes:
        path = folder / f"who-{size}.db"
        started = time.perf_counter()
        if not (args.reuse and args.keep and path.exists()):
            build_store(path, size)
        built = time.perf_counter() - started
        f = measure(path, args.queries, random.Random(size))
        target, target_max = TARGET_P95_MS.get(size), TARGET_MAX_MS.get(size)
        ratio = f", {f.p95 / target:.2f} of the {target:g} ms target" if target else ""
        ratio_max = f", {f.worst / target_max:.2f} of the {target_max:g} ms target" if target_max else ""
        mb = path.stat().st_size / 1e6
        print(
            f"{size:>7} articles ({mb:.0f} MB, built in {built:.0f} s): who over {f.count} queries "
            f"p50 {f.p50:.1f} ms, p95 {f.p95:.1f} ms{ratio}, p99 {f.p99:.1f} ms, "
            f"max {f.worst:.1f} ms ({f.worst_query!r}){ratio_max}; most-described entity {f.described} "
            f"({f.described_uses} descriptors) {f.described_ms:.1f} ms"
        )
        figures += [
            f"who_p50_ms_{size}={f.p50:.1f}",
            f"who_p95_ms_{size}={f.p95:.1f}",
            f"who_p99_ms_{size}={f.p99:.1f}",
            f"who_max_ms_{size}={f.worst:.1f}",
            f"who_most_described_ms_{size}={f.described_ms:.1f}",
        ]
        if not args.keep:  # a kept store stays for --reuse
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(" ".join(figures))


if __name__ == "__main__":
    main()
