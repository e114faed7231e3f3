"""Samples the acronym joins a store of the FNC-1 training bodies made across stories, for reading by hand.

Usage: python bench/sample_acronym_joins.py DATA_DIR --db STORE [--count 60] [--seed 40]
                                            [--out bench/data/acronym_joins.jsonl]

Reads the joins the linker logged (entity_links) whose reason is an acronym ("acronym of …"),
made in one body's article; the join is across stories when no body of that body's story (see
bench/_linker_pairs) names the entity by the other name of the pair. Each sampled join becomes a
pair of mentions: the joining name in its body, and the other name's first mention in a body of
another story (the earliest stored). Rows are written unlabelled, as bench/data/linker_pairs.jsonl
(reason "acronym"); read them with bench/read_linker_pairs.py --file. Prints how many joins of
each kind there are; ends with one key=value line.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _linker_pairs import (  # noqa: E402
    ACRONYM_FILE,
    LabelledPair,
    Span,
    assign_splits,
    move_span,
    read_bodies,
    stories,
    write_rows,
)
from audit_entities import joined_name  # noqa: E402

from domain import name_key  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=40)
    parser.add_argument("--out", type=Path, default=ACRONYM_FILE)
    args = parser.parse_args()
    if not (args.data_dir / "train_bodies.csv").exists() or not args.db.exists():
        print(f"no FNC-1 data in {args.data_dir} or no store at {args.db}: skipped")
        return 0
    bodies, story = read_bodies(args.data_dir), stories(args.data_dir)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    body_of, text_of = {}, {}
    for article, source, text in db.execute("SELECT id, source, text FROM articles WHERE source LIKE 'fnc1-body-%'"):
        body_of[article], text_of[article] = source.removeprefix("fnc1-body-"), text
    joins = db.execute(
        "SELECT entity_id, article_id, alias, reason FROM entity_links WHERE article_id IS NOT NULL"
        " AND reason LIKE 'acronym of %' ORDER BY id"
    ).fetchall()
    across = []
    for entity, article, alias, reason in joins:
        other = joined_name(reason)
        if article not in body_of or other is None:
            continue
        mentions = db.execute(
            'SELECT article_id, start, "end", text FROM mentions WHERE entity_id = ? ORDER BY article_id, start',
            (entity,),
        ).fetchall()
        own = [m for m in mentions if m[0] == article and name_key(m[3]) == name_key(alias)]
        theirs = [m for m in mentions if name_key(m[3]) == name_key(other) and m[0] in body_of]
        here = story[body_of[article]]
        if not own or not theirs or any(story[body_of[m[0]]] == here for m in theirs):
            continue  # a join inside the story, or one whose names the store no longer holds
        across.append((own[0], theirs[0]))
    print(f"{len(joins)} acronym joins logged; {len(across)} across stories")
    rng = random.Random(args.seed)
    chosen = rng.sample(across, min(args.count, len(across)))
    rows = []
    for first, second in chosen:
        spans = []
        for article, start, end, _text in (first, second):
            body = body_of[article]
            moved = move_span(text_of[article], bodies[body], start, end)
            spans.append(Span.of(body, *moved, bodies) if moved else None)
        if None in spans:
            continue
        rows.append(LabelledPair("acronym", spans[0], spans[1], None, assign_splits(story)[story[spans[0].body_id]]))
    write_rows(args.out, rows)
    print(f"acronym_joins={len(joins)} across_stories={len(across)} sampled={len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
