"""Per-headline verdicts on FNC-1 train, through the path a reporter's /compare takes.

Usage: python bench/eval_verdicts.py DATA_DIR [--keep DB] [--cache FILE] [--folds 5] [--workers 2]
DATA_DIR is ../shared/eval; skipped when absent. Every FNC-1 body is ingested into one store
(--keep DB reuses it). The headlines are split into 5 folds that share neither headlines nor bodies
(bench/_fnc.py folds_by_story). For each fold, the judge's models are trained on the other folds
(the article and statement models, bench/_fnc.py) and its cuts chosen on held-out parts of those
folds (bench/_verdicts.py choose_cuts); then each of the fold's headlines goes through
``handlers.compare.compare``, the function the CLI's ``newsroom compare`` and the chat command call
(the claim's reading and routing included), and its verdict is scored against the one the gold
pair labels imply (../shared/eval/README.md). Printed: the confusion table, each verdict's
precision and recall, the accuracy and the always-"unverified" baseline (0.41 on the competition
test set), the headlines left without a verdict, and the pair scores of the same answers (each
body labelled by the whole-article reading the answer gives of it, its JSON ``readings``; a body
the answer did not read is unrelated): over the pairs whose headline and body share a fold, and
over every labelled pair, as FNC-1 weighs them (most are unrelated pairs across two folds, whose
body the fold's models saw in training with other headlines).
--cache FILE keeps the features the models are trained on (bench/_fnc.py collect).
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import (  # noqa: E402
    Pair,
    StoryFolds,
    choose_thresholds,
    collect,
    database_path,
    fnc_parser,
    fnc_score,
    headline_pairs,
    open_bodies,
    story_folds,
    train_model,
    train_statement_model,
)
from _verdicts import DISPUTES_AT, NO_VERDICT, SUPPORTS_AT, choose_cuts, gold_verdicts, report  # noqa: E402

from handlers.compare import compare  # noqa: E402
from judge import Models  # noqa: E402

#: An article's whole-article reading as an FNC-1 label; an article the answer did not read is unrelated.
READING_TO_FNC = {"supports": "agree", "disputes": "disagree", "reports": "discuss", "unrelated": "unrelated"}
_FOLD_MODELS: list[Models] = []
_worker = None


def _start(folder: Path, db_path: Path) -> None:
    global _worker
    _worker = open_bodies(folder, db_path, n_process=1)


def _answer(task: tuple[str, int]) -> tuple[str, str, dict[int, str]]:
    """One headline through /compare with its fold's models: the verdict and the whole-article
    reading the answer gives of each candidate article."""
    headline, fold = task
    ctx, _ = _worker
    ctx.models = _FOLD_MODELS[fold]
    data = compare(ctx, headline).data
    verdict = data.get("verdict") or NO_VERDICT
    read = {r["article_id"]: r["stance"] for r in data.get("readings", [])}
    return headline, verdict, read


_FOLDS: list[StoryFolds] = []


def _fold_model(task: tuple[int, bool]) -> Models:
    """Fold ``i``'s models, trained on the other folds, cuts and thresholds chosen inside them."""
    i, tune = task
    started = time.perf_counter()
    training = _FOLDS[0].training(i)
    statements = train_statement_model(training)
    supports_at, disputes_at = choose_thresholds(training) if tune else (SUPPORTS_AT, DISPUTES_AT)
    statements.update(supports_at=supports_at, disputes_at=disputes_at)
    cuts = choose_cuts(training)
    print(f"  fold {i}: {cuts} ({time.perf_counter() - started:.0f} s)", flush=True)
    return Models(train_model(training), statements, cuts)


def fold_models(folds: StoryFolds, tune: bool, workers: int) -> list[Models]:
    """Each fold's models (``workers`` folds at a time)."""
    _FOLDS[:] = [folds]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_fold_model, [(i, tune) for i in range(len(folds.split))], chunksize=1)


def pair_figures(scored: list[tuple[str, str]]) -> tuple[float, float, float, float]:
    """The FNC score (percent) of (gold, given) labels, and disagreement's precision, recall and F1."""
    confusion = Counter(scored)
    hit = confusion[("disagree", "disagree")]
    said = sum(n for (_, given), n in confusion.items() if given == "disagree")
    truly = sum(n for (gold, _), n in confusion.items() if gold == "disagree")
    return 100 * fnc_score(scored), hit / max(1, said), hit / max(1, truly), 2 * hit / max(1, said + truly)


def main() -> None:
    parser = fnc_parser(__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--tune", action="store_true", help="choose the statement thresholds per fold too (slow)")
    args = parser.parse_args()
    folder = args.data_dir / "fnc1"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    db_path = database_path(args)
    pairs = collect(folder, db_path, headline_pairs(folder, 0, 0), args.workers, args.cache)
    folds = story_folds(pairs, args.folds)
    split, dropped = folds.split, sum(len(fold) for fold in folds.across)
    print(
        f"FNC-1 train: {len(pairs)} pairs in {args.folds} grouped folds ({dropped} straddling pairs "
        "only read when cuts are chosen)"
    )
    _FOLD_MODELS.extend(fold_models(folds, args.tune, args.workers))
    gold = gold_verdicts(p for fold in split for p in fold)
    fold_of = {p.headline: i for i, fold in enumerate(split) for p in fold if p.headline in gold}
    tasks = sorted(fold_of.items())
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.workers, _start, (folder, db_path)) as pool:
        answers = {h: (v, read) for h, v, read in pool.imap_unordered(_answer, tasks, chunksize=8)}
    took = time.perf_counter() - started
    print(f"ran {len(tasks)} headlines through compare() in {took:.0f} s ({1000 * took / len(tasks):.0f} ms each)")

    _, body_article = open_bodies(folder, db_path)
    print(f"\nper-headline verdicts ({len(tasks)} headlines):")
    figures = report([(gold[h], answers[h][0]) for h, _ in tasks])
    print(
        f'  accuracy {figures["accuracy"]:.3f}; always "unverified" {figures["baseline_unverified"]:.3f} '
        f"(competition test: 0.41); ratio {figures['accuracy'] / max(figures['baseline_unverified'], 1e-9):.2f}"
    )
    print(f"  headlines without a verdict: {figures['no_verdict']:.0f}")

    def labels(pairs: list[Pair]) -> list[tuple[str, str]]:
        """Each pair's gold label beside the reading the answer gave of its body."""
        found = []
        for pair in pairs:
            read = answers.get(pair.headline, (None, {}))[1]
            found.append((pair.gold, READING_TO_FNC.get(read.get(body_article.get(pair.body_id), ""), "unrelated")))
        return found

    scored = labels([p for fold in split for p in fold if p.labelled])
    pair_score, precision, recall, f1 = pair_figures(scored)
    print(f"\npairs ({len(scored)}): FNC score {pair_score:.1f} % (competition test: baseline 75.2 %, best 82 %)")
    print(f"  disagree: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    every = labels([p for fold in (*split, *folds.across) for p in fold if p.labelled])
    all_score, _, _, all_f1 = pair_figures(every)
    print(
        f"  every labelled pair ({len(every)}, FNC-1's own share of unrelated ones; the body of a pair across "
        f"two folds was seen in training with other headlines): FNC score {all_score:.1f} %, disagree F1 {all_f1:.3f}"
    )
    line = {k: round(v, 3) for k, v in figures.items()}
    line.update(
        pair_fnc_score=round(pair_score, 1), pair_f1_disagree=round(f1, 3), every_pair_fnc_score=round(all_score, 1)
    )
    line.update(headlines=len(tasks))
    print(" ".join(f"{k}={v}" for k, v in line.items()))


if __name__ == "__main__":
    main()
