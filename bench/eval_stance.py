"""Scores claim retrieval and stance the FNC-1 way, through the code /compare uses.

Usage: python bench/eval_stance.py DATA_DIR [--headlines 0] [--folds 5] [--keep DB] [--cache FILE]
DATA_DIR is ../shared/eval; skipped when absent. The article bodies of fnc1/ are ingested into a
fresh database (or --keep DB, reused when it exists). Each headline is run through
handlers.compare.compare_claim: its candidate articles and what the article-level stance model sees
of each. A body /compare does not return is "unrelated". The model is trained on FNC-1 itself, so
the score is cross-validated with folds split by headline: each fold is scored by a model trained
on the other folds' headlines only. Score: 0.25 for each pair correctly called related or
unrelated, 0.75 more for the exact label of a related pair, as a share of the best possible.
References on the competition test set: official baseline 75.2 %, best teams about 82 %; calling
everything unrelated scores about 39 %.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import (  # noqa: E402
    STANCE_TO_FNC,
    collect,
    database_path,
    fnc_parser,
    fnc_score,
    folds_by_headline,
    headline_pairs,
    train_model,
)

from nlp.article_stance import probabilities  # noqa: E402

FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")


def predict(model: dict, pair) -> str:
    if pair.features is None:
        return "unrelated"
    chances = probabilities(model, pair.features)
    return STANCE_TO_FNC[model["labels"][max(range(len(chances)), key=chances.__getitem__)]]


def cross_validate(pairs, folds: int) -> list[tuple[str, str]]:
    scored = []
    split = folds_by_headline(pairs, folds)
    for i, held_out in enumerate(split):
        model = train_model([p for j, fold in enumerate(split) if j != i for p in fold])
        scored += [(p.gold, predict(model, p)) for p in held_out]
    return scored


def report(scored: list[tuple[str, str]]) -> list[str]:
    confusion = Counter(scored)
    print("  gold \\ predicted " + " ".join(f"{label:>10}" for label in FNC_LABELS))
    for gold in FNC_LABELS:
        print(f"  {gold:>17} " + " ".join(f"{confusion[(gold, p)]:>10}" for p in FNC_LABELS))
    figures = []
    for label in FNC_LABELS:
        tp = confusion[(label, label)]
        predicted = sum(confusion[(g, label)] for g in FNC_LABELS)
        gold = sum(confusion[(label, p)] for p in FNC_LABELS)
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {label:>10}: P {p:.2f} R {r:.2f} F1 {f1:.2f}")
        figures.append(f"f1_{label}={f1:.2f}")
    related_ok = sum(1 for g, p in scored if (g == "unrelated") == (p == "unrelated"))
    figures.append(f"relatedness_accuracy={related_ok / max(1, len(scored)):.3f}")
    return figures


def main() -> None:
    parser = fnc_parser(__doc__)
    parser.add_argument("--headlines", type=int, default=0, help="a fixed sample of this many headlines (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    folder = args.data_dir / "fnc1"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    headlines = headline_pairs(folder, args.headlines, args.seed)
    pairs = collect(folder, database_path(args), headlines, args.workers, args.cache)
    returned = sum(1 for p in pairs if p.features is not None and p.gold != "unrelated")
    related = sum(1 for p in pairs if p.gold != "unrelated")
    print(f"FNC-1 train: {len(headlines)} headlines, {len(pairs)} pairs; /compare returned {returned} of {related}")
    print(f"  related bodies ({returned / max(1, related):.1%}); {args.folds}-fold cross-validation by headline")
    scored = cross_validate(pairs, args.folds)
    score = fnc_score(scored)
    print(f"  FNC score {100 * score:.1f} % (baseline 75.2 %, best teams about 82 %, all-unrelated about 39 %)")
    figures = [f"fnc_score={100 * score:.1f}", *report(scored), f"related_recall={returned / max(1, related):.3f}"]
    print(" ".join(figures))


if __name__ == "__main__":
    main()
