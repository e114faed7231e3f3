"""Scores the linker on the hand-labelled pairs of names in two FNC-1 training bodies.

Usage: python bench/eval_linker_pairs.py DATA_DIR [--split report|tune|train|all] [--keep STORE]
                                         [--pairs bench/data/linker_pairs.jsonl] [--within]

Every one of the 1,683 training bodies is ingested through the project's ingest path
(handlers.ingest.ingest_articles, via bench/_fnc.open_bodies) into a fresh store, or STORE is
reused when it exists; a labelled pair is joined when both of its mentions ended up in one stored
entity. Precision and recall of joining (a "same" pair joined is a hit, a "different" pair joined
a wrong join, "cant_tell" pairs are left out) are printed overall and per reason, with the ratio
to the issue's targets (join precision 0.97 at recall 0.8). Pairs inside one story are left out
unless ``--within``. A mention the store does not hold (the analysis no longer finds it) counts
as not joined and is reported. Ends with one key=value line. Skips when DATA_DIR is absent.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _linker_pairs import PAIRS_FILE, REASONS, LabelledPair, load_pairs, move_span, read_bodies  # noqa: E402

TARGET_PRECISION = 0.97
TARGET_RECALL = 0.8


def stored_entity(db: sqlite3.Connection, article: int, stored: str, body: str, span) -> int | None:
    """The entity the store gave this mention: the mention at the same characters of the stored text."""
    moved = move_span(body, stored, span.start, span.end)
    if moved is None:
        return None
    row = db.execute(
        'SELECT entity_id FROM mentions WHERE article_id = ? AND start <= ? AND "end" >= ? ORDER BY "end" - start',
        (article, moved[0], moved[1]),
    ).fetchone()
    return row[0] if row else None


def joined(db_path: Path, folder: Path, pairs: list[LabelledPair]) -> tuple[list[bool], int]:
    """Whether each pair's two mentions are one stored entity, and how many mentions were not found."""
    from _fnc import open_bodies

    ctx, article_of = open_bodies(folder, db_path)
    ctx.store.close()
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    bodies = read_bodies(folder)
    texts = dict(db.execute("SELECT id, text FROM articles"))
    missing, found = 0, []
    for pair in pairs:
        ids = []
        for span in (pair.a, pair.b):
            article = article_of.get(span.body_id)
            entity = None if article is None else stored_entity(db, article, texts[article], bodies[span.body_id], span)
            missing += entity is None
            ids.append(entity)
        found.append(ids[0] is not None and ids[0] == ids[1])
    return found, missing


def scores(rows: list[tuple[str, str, bool]]) -> dict[str, float]:
    """Join precision and recall of (reason, label, joined) rows; cant_tell rows are left out."""
    hits = sum(1 for _, label, j in rows if j and label == "same")
    wrong = sum(1 for _, label, j in rows if j and label == "different")
    same = sum(1 for _, label, _ in rows if label == "same")
    return {
        "pairs": sum(1 for _, label, _ in rows if label != "cant_tell"),
        "same": same,
        "joined": hits + wrong,
        "wrong_joins": wrong,
        "precision": hits / (hits + wrong) if hits + wrong else float("nan"),
        "recall": hits / same if same else float("nan"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", default="report", choices=("train", "tune", "report", "all"))
    parser.add_argument("--keep", type=Path, help="store of the ingested bodies, reused when it exists")
    parser.add_argument("--pairs", type=Path, default=PAIRS_FILE)
    parser.add_argument("--within", action="store_true", help="score pairs inside one story instead")
    args = parser.parse_args()
    loaded = load_pairs(args.data_dir, args.pairs)
    if loaded is None:
        print(f"no FNC-1 data in {args.data_dir}: skipped")
        return 0
    pairs = [
        p
        for p, _, _ in loaded
        if p.label is not None and p.within_story == args.within and args.split in ("all", p.split)
    ]
    db_path = args.keep or Path(f"/tmp/newsroom-linker-pairs-{int(time.time())}.db")
    started = time.perf_counter()
    found, missing = joined(db_path, args.data_dir, pairs)
    where = "within" if args.within else "across"
    print(f"{len(pairs)} labelled pairs ({args.split}, {where} stories); store {db_path}")
    print(f"{missing} mentions not found in the store ({time.perf_counter() - started:.0f} s)")
    rows = [(p.reason, p.label, j) for p, j in zip(pairs, found, strict=True)]
    by_reason = defaultdict(list)
    for row in rows:
        by_reason[row[0]].append(row)
    print(f"{'reason':<14} {'pairs':>5} {'same':>5} {'joined':>6} {'wrong':>5} {'precision':>9} {'recall':>6}")
    figures = {}
    for reason in [*REASONS, "all"]:
        s = scores(rows if reason == "all" else by_reason[reason])
        figures[reason] = s
        print(
            f"{reason:<14} {s['pairs']:>5} {s['same']:>5} {s['joined']:>6} {s['wrong_joins']:>5}"
            f" {s['precision']:>9.3f} {s['recall']:>6.3f}"
        )
    total = figures["all"]
    p_ratio, r_ratio = total["precision"] / TARGET_PRECISION, total["recall"] / TARGET_RECALL
    print(
        f"join precision {total['precision']:.3f} (target {TARGET_PRECISION}, ratio {p_ratio:.3f}),"
        f" recall {total['recall']:.3f} (target {TARGET_RECALL}, ratio {r_ratio:.3f})"
    )
    per_reason = " ".join(
        f"precision_{r}={figures[r]['precision']:.3f} recall_{r}={figures[r]['recall']:.3f}" for r in REASONS
    )
    print(
        f"split={args.split} pairs={total['pairs']} precision={total['precision']:.3f} recall={total['recall']:.3f}"
        f" precision_ratio={p_ratio:.3f} recall_ratio={r_ratio:.3f}"
        f" missing_mentions={missing} {per_reason}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
