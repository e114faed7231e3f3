"""Prints stored name pairs with their sentences for a person to read, and records the labels read.

Usage: python bench/read_linker_pairs.py DATA_DIR [--file bench/data/linker_pairs.jsonl]
                                         [--start 0] [--count 20] [--unlabelled]
       python bench/read_linker_pairs.py DATA_DIR --apply LABELS

Each pair is shown with its reason, split, the two bodies' ids and a headline of each body's story
(FNC-1's related headlines say what a body is about), and each mention in brackets inside its
sentence and the one before it. LABELS is a text file of "NUMBER LABEL" lines (LABEL: same,
different, cant_tell, or s, d, c), numbers as printed; ``--apply`` writes them into the file.
The texts come from DATA_DIR and are only printed, never stored.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "bench"))

from _linker_pairs import LABELS, PAIRS_FILE, LabelledPair, Span, load_pairs, read_rows, write_rows  # noqa: E402

SHORT = {"s": "same", "d": "different", "c": "cant_tell"}
WINDOW = 320


def headlines(folder: Path) -> dict[str, str]:
    """One related headline per body (the shortest), to say which story a body tells."""
    found: dict[str, str] = {}
    with (folder / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] != "unrelated":
                best = found.get(row["Body ID"])
                if best is None or len(row["Headline"]) < len(best):
                    found[row["Body ID"]] = row["Headline"]
    return found


def in_context(body: str, span: Span) -> str:
    """The mention in brackets with the sentence it is in and the one before, on one line."""
    starts = [0] + [m.end() for m in re.finditer(r"[.!?][\"”']?\s+|\n+", body)]
    begin = max([s for s in starts if s <= span.start] or [0])
    before = max([s for s in starts if s < begin] or [0])
    after = re.search(r"[.!?][\"”']?(\s|$)|\n", body[span.end :])
    end = span.end + (after.end() if after else len(body) - span.end)
    text = body[before : span.start] + "[[" + body[span.start : span.end] + "]]" + body[span.end : end]
    if len(text) > 2 * WINDOW:
        at = span.start - before
        text = "…" + text[max(0, at - WINDOW) : at + WINDOW] + "…"
    return " ".join(text.split())


def show(folder: Path, path: Path, start: int, count: int, unlabelled: bool) -> None:
    from _linker_pairs import read_bodies

    loaded = load_pairs(folder, path) or []
    bodies, heads = read_bodies(folder), headlines(folder)
    shown = 0
    for number, (pair, text_a, text_b) in enumerate(loaded):
        if number < start or (unlabelled and pair.label is not None):
            continue
        print(
            f"## {number} {pair.reason} ({pair.split}{', within a story' if pair.within_story else ''})"
            f" label={pair.label}: {text_a!r} / {text_b!r}"
        )
        for side, span in (("A", pair.a), ("B", pair.b)):
            print(f"  {side} body {span.body_id} [{heads.get(span.body_id, 'no related headline')}]")
            print(f"    {in_context(bodies[span.body_id], span)}")
        shown += 1
        if shown >= count:
            break


def apply(path: Path, labels: Path) -> int:
    rows: list[LabelledPair] = read_rows(path)
    changed = 0
    for line in labels.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        number, label = line.split()[:2]
        label = SHORT.get(label, label)
        if label not in LABELS:
            raise SystemExit(f"unknown label {label!r} in {line!r}")
        pair = rows[int(number)]
        rows[int(number)] = LabelledPair(pair.reason, pair.a, pair.b, label, pair.split, pair.within_story)
        changed += 1
    write_rows(path, rows)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--file", type=Path, default=PAIRS_FILE)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--unlabelled", action="store_true")
    parser.add_argument("--apply", type=Path)
    args = parser.parse_args()
    if args.apply:
        print(f"labelled {apply(args.file, args.apply)} pairs in {args.file}")
        return 0
    if not (args.data_dir / "train_bodies.csv").exists():
        print(f"no FNC-1 data in {args.data_dir}: skipped")
        return 0
    show(args.data_dir, args.file, args.start, args.count, args.unlabelled)
    return 0


if __name__ == "__main__":
    sys.exit(main())
