"""Do paraphrases agree? The same claim in other words should get the same verdict and sides.

Usage: python bench/eval_paraphrases.py DATA_DIR [--keep DB]
Two sets, written for this project (bench/data/): claims about the sample articles
(``paraphrases_samples.json``, judged over a store of examples/articles), and paraphrases of FNC-1
train headlines (``paraphrases_fnc1.json``, the original named by its row in train_stances.csv and
never copied; judged over a store of every FNC-1 body, --keep DB reuses one; skipped when DATA_DIR
is absent). Both sides of each pair go through ``handlers.compare.compare``, the function the CLI
and the chat command call, with the shipped models. A pair agrees on its verdict when both get the
same one, and on its sides when, besides, the same outlets support and the same outlets dispute.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import open_bodies  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.compare import compare  # noqa: E402
from handlers.ingest import IngestRequest, ingest_articles  # noqa: E402
from ingest import FetchPolicy  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

DATA = ROOT / "bench" / "data"
SAMPLES = ROOT / "examples" / "articles"


def answer(ctx: Context, claim: str) -> tuple[str, dict[str, list[str]]]:
    """The verdict and, for each deciding stance, the outlets that take it."""
    data = compare(ctx, claim).data
    sides: dict[str, set[str]] = {"supports": set(), "disputes": set()}
    for call in data.get("calls", []):
        if call["stance"] in sides:
            sides[call["stance"]].add(call["outlet"])
    return data.get("verdict") or "no verdict", {k: sorted(v) for k, v in sides.items()}


def score(ctx: Context, pairs: list[tuple[str, str, str]], name: str) -> tuple[int, int, int]:
    """Prints each disagreeing pair; returns (pairs, verdicts agreeing, verdicts and sides agreeing)."""
    verdicts = sides = 0
    for kind, original, paraphrase in pairs:
        first, second = answer(ctx, original), answer(ctx, paraphrase)
        verdicts += first[0] == second[0]
        sides += first == second
        if first != second:
            print(f"  [{name}, {kind}] {first[0]} {first[1]} / {second[0]} {second[1]}: “{paraphrase}”")
    return len(pairs), verdicts, sides


def samples_store(folder: Path) -> Context:
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    ctx = Context(store=Store.open(folder / "samples.db"), analyzer=Analyzer(), policy=FetchPolicy())
    requests = [
        IngestRequest(str(SAMPLES / item["file"]), outlet=item.get("outlet"), published=item.get("published"))
        for item in manifest["articles"]
    ]
    ingest_articles(ctx, requests)
    return ctx


def fnc_pairs(data_dir: Path) -> list[tuple[str, str, str]]:
    rows = list(csv.DictReader((data_dir / "fnc1" / "train_stances.csv").open(encoding="utf-8", newline="")))
    written = json.loads((DATA / "paraphrases_fnc1.json").read_text(encoding="utf-8"))["pairs"]
    return [(p["kind"], rows[p["row"]]["Headline"], p["paraphrase"]) for p in written]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--keep", type=Path, help="database of ingested FNC-1 bodies, reused when it exists")
    args = parser.parse_args()
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as folder:
        ctx = samples_store(Path(folder))
        written = json.loads((DATA / "paraphrases_samples.json").read_text(encoding="utf-8"))["pairs"]
        found = score(ctx, [(p["kind"], p["original"], p["paraphrase"]) for p in written], "samples")
        print(f"samples: {found[0]} pairs, verdicts agree {found[1]}, verdicts and sides agree {found[2]}")
        totals = [a + b for a, b in zip(totals, found, strict=True)]
        ctx.store.close()
    if (args.data_dir / "fnc1").exists():
        keep = args.keep or Path(tempfile.gettempdir()) / "newsroom-fnc1-paraphrases.db"
        ctx, _ = open_bodies(args.data_dir / "fnc1", keep)
        found = score(ctx, fnc_pairs(args.data_dir), "FNC-1")
        print(f"FNC-1 train headlines: {found[0]} pairs, verdicts agree {found[1]}, and sides too {found[2]}")
        totals = [a + b for a, b in zip(totals, found, strict=True)]
    else:
        print(f"FNC-1 part skipped: {args.data_dir / 'fnc1'} not found")
    pairs, verdicts, sides = totals
    print(f"all: {pairs} pairs; verdicts agree {verdicts / pairs:.1%}, verdicts and sides agree {sides / pairs:.1%}")
    print(f"pairs={pairs} verdict_agreement={verdicts / pairs:.3f} sides_agreement={sides / pairs:.3f}")


if __name__ == "__main__":
    main()
