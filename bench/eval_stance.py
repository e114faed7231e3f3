"""Scores claim retrieval and stance the FNC-1 way, through the code /compare uses.

Usage: python bench/eval_stance.py DATA_DIR [--headlines 300] [--seed 7] [--keep DB]
DATA_DIR is ../shared/eval; skipped when absent. The article bodies of fnc1/ are ingested into a
fresh database (or --keep DB, reused when it exists); each headline of a fixed sample is run
through handlers.compare.compare_claim; a body /compare does not return is "unrelated", else its
statements' stances decide: a dispute → disagree, support → agree, otherwise discuss. Nothing is
trained on FNC-1, so no cross-validation is needed. Score: 0.25 for each pair correctly called
related or unrelated, 0.75 more for the exact label of a related pair, as a share of the best
possible. References on the competition test set: official baseline 75.2 %, best teams about 82 %;
calling everything unrelated scores about 39 %.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers import Context  # noqa: E402
from handlers.compare import article_stances, compare_claim  # noqa: E402
from handlers.ingest import IngestRequest, ingest_articles  # noqa: E402
from ingest import FetchPolicy  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

LABELS = ("agree", "disagree", "discuss", "unrelated")
STANCE_TO_LABEL = {"supports": "agree", "disputes": "disagree", "unverified": "discuss", "reports": "discuss"}


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ingest_bodies(ctx: Context, bodies: list[dict]) -> dict[str, int]:
    requests = [IngestRequest(f"fnc1-body-{b['Body ID']}", text=b["articleBody"], outlet="FNC-1") for b in bodies]
    outcomes = ingest_articles(ctx, requests)
    return {b["Body ID"]: o.article_id for b, o in zip(bodies, outcomes, strict=True) if o.article_id is not None}


def fnc_score(pairs: list[tuple[str, str]]) -> float:
    got = best = 0.0
    for gold, predicted in pairs:
        best += 0.25 if gold == "unrelated" else 1.0
        if (gold == "unrelated") == (predicted == "unrelated"):
            got += 0.25
            if gold != "unrelated" and gold == predicted:
                got += 0.75
    return got / best if best else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--headlines", type=int, default=300, help="how many headlines (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="database of ingested bodies, reused when it exists")
    args = parser.parse_args()
    folder = args.data_dir / "fnc1"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    started = time.perf_counter()
    bodies = read_csv(folder / "train_bodies.csv")
    stances = read_csv(folder / "train_stances.csv")
    db_path = args.keep or Path(f"/tmp/newsroom-fnc1-{int(time.time())}.db")
    fresh = not db_path.exists()
    ctx = Context(store=Store.open(db_path), analyzer=Analyzer(), policy=FetchPolicy(), n_process=2)
    if fresh:
        body_article = ingest_bodies(ctx, bodies)
        print(f"ingested {len(body_article)} of {len(bodies)} bodies in {time.perf_counter() - started:.0f} s")
    else:
        rows = ctx.store.db.execute("SELECT source, id FROM articles WHERE source LIKE 'fnc1-body-%'")
        by_source = dict(rows.fetchall())
        body_article = {b["Body ID"]: by_source.get(f"fnc1-body-{b['Body ID']}") for b in bodies}
        body_article = {k: v for k, v in body_article.items() if v is not None}
    headlines = sorted({s["Headline"] for s in stances})
    if args.headlines:
        headlines = sorted(random.Random(args.seed).sample(headlines, min(args.headlines, len(headlines))))
    wanted = set(headlines)
    by_headline: dict[str, list[dict]] = defaultdict(list)
    for row in stances:
        if row["Headline"] in wanted:
            by_headline[row["Headline"]].append(row)
    pairs: list[tuple[str, str]] = []
    compare_started = time.perf_counter()
    for headline in headlines:
        per_article = article_stances(compare_claim(ctx, headline).judged)
        for row in by_headline[headline]:
            article = body_article.get(row["Body ID"])
            predicted = STANCE_TO_LABEL[per_article[article]] if article in per_article else "unrelated"
            pairs.append((row["Stance"], predicted))
    per_claim = (time.perf_counter() - compare_started) / max(1, len(headlines))
    ctx.store.close()
    score = fnc_score(pairs)
    print(f"FNC-1 train: {len(headlines)} headlines, {len(pairs)} pairs, {per_claim * 1000:.0f} ms a claim")
    print(f"  FNC score {100 * score:.1f} % (baseline 75.2 %, best teams about 82 %, all-unrelated about 39 %)")
    confusion = Counter(pairs)
    print("  gold \\ predicted " + " ".join(f"{label:>10}" for label in LABELS))
    for gold in LABELS:
        print(f"  {gold:>17} " + " ".join(f"{confusion[(gold, p)]:>10}" for p in LABELS))
    figures = [f"fnc_score={100 * score:.1f}"]
    for label in LABELS:
        tp = confusion[(label, label)]
        predicted = sum(confusion[(g, label)] for g in LABELS)
        gold = sum(confusion[(label, p)] for p in LABELS)
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {label:>10}: P {p:.2f} R {r:.2f} F1 {f1:.2f}")
        figures.append(f"f1_{label}={f1:.2f}")
    related_ok = sum(1 for g, p in pairs if (g == "unrelated") == (p == "unrelated"))
    figures.append(f"relatedness_accuracy={related_ok / max(1, len(pairs)):.3f}")
    print(" ".join(figures))


if __name__ == "__main__":
    main()
