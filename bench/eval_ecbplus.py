"""Scores who-is-who across articles on ECB+, through the real ingest and `newsroom export`.

Usage: python bench/eval_ecbplus.py DATA_DIR [--split dev] [--keep DB]
DATA_DIR is ../shared/eval; skipped when it has no ecbplus/. Every document of the split is
ingested into ONE fresh database (each its own outlet, no gold topics given), the stored mentions
are read back with the export handler, and the named gold mentions are scored by the rule in
ecbplus/README.md: detection recall, B-cubed, MUC, pairwise and cross-document pairwise P/R/F1,
the same for the exact-string, head-word (within the gold topic) and singleton baselines on the
same mentions, and the wrongly merged pairs across topics. The split is then ingested again in
``--orders`` random orders (seeded 1..N, each into a fresh database) and the spread of B-cubed F1
over them is printed: the entities should not depend on the order the articles came in.
Detection recall is given twice: by the rule, and without the headline words the document itself
writes in lower case (common nouns the rule counts as named because every word of a Title-Case
headline is capitalised). Ends with one key=value line.
Only train and dev exist here; the test topics (36-45) are held out and never read.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _ecbplus import align, gold_of_split, read_split, scores  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.export import export  # noqa: E402
from handlers.ingest import IngestRequest, ingest_articles  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

#: Issue 40's targets on dev.
TARGET_BCUBED = 0.93
TARGET_SPREAD = 0.003


def ingest_split(docs: list[dict], db_path: Path, workers: int) -> tuple[Context, float]:
    ctx = Context(store=Store.open(db_path), analyzer=Analyzer(), n_process=workers)
    began = time.perf_counter()
    if not ctx.store.article_count():
        requests = [IngestRequest(source=d["doc"], text=d["text"], outlet=d["doc"]) for d in docs]
        outcomes = ingest_articles(ctx, requests)
        refused = [o for o in outcomes if o.status != "new"]
        for o in refused:
            print(f"  not stored: {o.source} ({o.status}: {o.error})")
    return ctx, time.perf_counter() - began


def stored_mentions(ctx: Context) -> dict[str, list[dict]]:
    fields, rows = export(ctx, "mentions")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_doc[row["source"]].append(row)
    return by_doc


def print_table(figures: dict[str, float]) -> None:
    print(
        f"named gold mentions {figures['named']:.0f}, aligned {figures['aligned']:.0f}, "
        f"detection recall {figures['detection_recall']:.3f}"
    )
    print(
        f"  without the {figures['headline_words']:.0f} Title-Case headline words the text writes in "
        f"lower case elsewhere: {figures['detection_recall_names']:.3f}"
    )
    print(
        f"  {'':10} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'MUC F1':>7} {'pair F1':>8} "
        f"{'xdoc P':>7} {'xdoc R':>7} {'xdoc F1':>8} {'wrong x-topic pairs':>20} {'by name rule':>13}"
    )
    for name in ("system", "exact", "head", "singleton"):
        row = {metric.removeprefix(name + "_"): value for metric, value in figures.items()}
        print(
            f"  {name:10} {row['bcubed_p']:6.3f} {row['bcubed_r']:6.3f} {row['bcubed_f1']:6.3f} "
            f"{row['muc_f1']:7.3f} {row['pairwise_f1']:8.3f} {row['crossdoc_p']:7.3f} {row['crossdoc_r']:7.3f} "
            f"{row['crossdoc_f1']:8.3f} {row['wrong_cross_topic_pairs']:20.0f} "
            f"{row['wrong_cross_topic_name_rule']:13.0f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--keep", type=Path, help="database of the ingested split, reused when it exists")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--orders", type=int, default=5, help="random ingest orders to measure the spread over")
    args = parser.parse_args()
    if not (args.data_dir / "ecbplus").is_dir():
        print(f"skipped: {args.data_dir / 'ecbplus'} not found")
        return 0
    docs = read_split(args.data_dir, args.split)
    with tempfile.TemporaryDirectory() as folder:
        ctx, seconds = ingest_split(docs, args.keep or Path(folder) / "ecbplus.db", args.workers)
        stored = stored_mentions(ctx)
        ctx.store.close()
    gold = gold_of_split(docs)
    texts = {d["doc"]: d["text"] for d in docs}
    figures = scores(gold, align(gold, stored, texts))
    print(f"ECB+ {args.split}: {len(docs)} documents ingested in {seconds:.0f} s")
    print_table(figures)
    by_order = []
    for seed in range(1, args.orders + 1):  # the same documents in other orders: the entities should not move
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        with tempfile.TemporaryDirectory() as folder:
            ctx, _ = ingest_split(shuffled, Path(folder) / "ecbplus.db", args.workers)
            stored = stored_mentions(ctx)
            ctx.store.close()
        by_order.append(scores(gold, align(gold, stored, texts))["system_bcubed_f1"])
        print(f"  order {seed} (shuffled with seed {seed}): B-cubed F1 {by_order[-1]:.3f}")
    spread = max(by_order) - min(by_order) if by_order else 0.0
    if by_order:
        print(
            f"B-cubed F1 over {len(by_order)} random orders: {min(by_order):.3f} to {max(by_order):.3f}, "
            f"spread {spread:.3f} (target at most {TARGET_SPREAD}, ratio {spread / TARGET_SPREAD:.2f})"
        )
    print(
        f"B-cubed F1 {figures['system_bcubed_f1']:.3f} against the target {TARGET_BCUBED} "
        f"(ratio {figures['system_bcubed_f1'] / TARGET_BCUBED:.3f})"
    )
    keys = [
        "detection_recall",
        "detection_recall_names",
        "system_bcubed_f1",
        "system_muc_f1",
        "system_pairwise_f1",
        "system_crossdoc_f1",
        "system_wrong_cross_topic_pairs",
        "system_wrong_cross_topic_name_rule",
        "exact_bcubed_f1",
        "head_bcubed_f1",
        "singleton_bcubed_f1",
    ]
    line = [f"split={args.split}"] + [
        f"{k}={figures[k]:.3f}" if figures[k] % 1 else f"{k}={figures[k]:.0f}" for k in keys
    ]
    line.append(f"bcubed_vs_exact={figures['system_bcubed_f1'] - figures['exact_bcubed_f1']:+.3f}")
    if by_order:
        line.append(f"orders={len(by_order)} bcubed_order_min={min(by_order):.3f} bcubed_order_spread={spread:.3f}")
    print(" ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
