"""Does `newsroom entities rebuild` give the entities ingesting article by article gave?

Usage: python bench/rebuild_parity.py FNC1_FOLDER [--bodies 300] [--work DIR]
Ingests the first N FNC-1 training bodies (``train_bodies.csv``; never the competition test set)
into a fresh store through ``handlers.ingest.ingest_articles``, copies the store, and rebuilds the
copy through ``handlers.rebuild.rebuild`` (what the CLI calls). A rebuild re-links each article in
the order it was stored, seeing the store as it was then, so with the same linker it should give the
same entities. Prints the entities of the ingest that the rebuild keeps whole (the same mentions,
name and type), the mentions they hold, the entities that differ with where their mentions went,
and the ratio to the reference (the ingest's own entities). Skips when the folder is absent.
Ends with one key=value line.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers import Context  # noqa: E402
from handlers.ingest import IngestRequest, ingest_articles  # noqa: E402
from handlers.rebuild import rebuild  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

Partition = dict[frozenset[int], tuple[str, str]]


def partition(store: Store) -> Partition:
    """Each entity as the set of its mention ids, with its name and type (mention rows survive a rebuild)."""
    rows = store.db.execute("SELECT e.id, e.name, e.type, m.id FROM mentions m JOIN entities e ON e.id = m.entity_id")
    mentions: dict[int, set[int]] = {}
    named: dict[int, tuple[str, str]] = {}
    for entity_id, name, type_, mention_id in rows:
        mentions.setdefault(entity_id, set()).add(mention_id)
        named[entity_id] = (name, type_)
    return {frozenset(m): named[e] for e, m in mentions.items()}


def ingest_bodies(folder: Path, count: int, path: Path) -> float:
    """Ingest the first ``count`` training bodies into a new store at ``path``; the seconds it took."""
    with (folder / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = list(csv.DictReader(handle))[:count]
    store = Store.open(path)
    try:
        started = time.perf_counter()
        requests = [IngestRequest(f"fnc1-body-{b['Body ID']}", text=b["articleBody"], outlet="FNC-1") for b in bodies]
        ingest_articles(Context(store=store, analyzer=Analyzer()), requests)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return time.perf_counter() - started
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the FNC-1 folder (train_bodies.csv)")
    parser.add_argument("--bodies", type=int, default=300, help="how many training bodies, from the first")
    parser.add_argument("--work", type=Path, help="where to keep the two stores (a temporary folder by default)")
    args = parser.parse_args()
    if not (args.folder / "train_bodies.csv").is_file():
        print(f"skipped: no {args.folder / 'train_bodies.csv'}")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="rebuild-parity-"))
    work.mkdir(parents=True, exist_ok=True)
    ingested_path, rebuilt_path = work / f"ingested-{args.bodies}.db", work / f"rebuilt-{args.bodies}.db"
    if not ingested_path.exists():
        print(f"ingested {args.bodies} bodies in {ingest_bodies(args.folder, args.bodies, ingested_path):.0f} s")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{rebuilt_path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(ingested_path, rebuilt_path)
    store = Store.open(rebuilt_path)
    try:
        ingested = partition(store)
        twins = store.db.execute("SELECT COUNT(*) FROM entity_links WHERE reason LIKE 'merged: same full name%'")
        twin_joins = twins.fetchone()[0]
        started = time.perf_counter()
        reply = rebuild(Context(store=store, analyzer=None))
        seconds = time.perf_counter() - started
        rebuilt = partition(store)
        entity_of = {m: e for e in rebuilt for m in e}
    finally:
        store.close()
    kept = [e for e in ingested if rebuilt.get(e) == ingested[e]]
    mentions = sum(len(e) for e in ingested)
    kept_mentions = sum(len(e) for e in kept)
    print(f"rebuild: {reply.title} ({seconds:.1f} s); twins the ingest joined: {twin_joins}")
    print(f"entities kept whole: {len(kept)} of {len(ingested)} = {len(kept) / len(ingested):.4f} of the ingest's")
    print(f"mentions in them: {kept_mentions} of {mentions} = {kept_mentions / mentions:.4f}")
    for entity in sorted(set(ingested) - set(kept), key=lambda e: (-len(e), ingested[e])):
        went = {}
        for mention in entity:
            went.setdefault(entity_of[mention], []).append(mention)
        parts = ", ".join(f"{rebuilt[e][0]} ({rebuilt[e][1]}) {len(m)} of its {len(e)}" for e, m in went.items())
        print(f"  {ingested[entity][0]} ({ingested[entity][1]}), {len(entity)} mentions -> {parts}")
    print(
        f"bodies={args.bodies} entities={len(ingested)} kept={len(kept)} kept_share={len(kept) / len(ingested):.4f} "
        f"mention_share={kept_mentions / mentions:.4f} after={len(rebuilt)} twin_joins={twin_joins} "
        f"rebuild_s={seconds:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
