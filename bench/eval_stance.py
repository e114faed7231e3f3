"""Scores claim retrieval and stance the FNC-1 way, through the code /compare uses.

Usage: python bench/eval_stance.py DATA_DIR [--headlines 0] [--folds 5] [--keep DB] [--cache FILE] [--no-tune]
DATA_DIR is ../shared/eval; skipped when absent. The article bodies of fnc1/ are ingested into a
fresh database (or --keep DB, reused when it exists). Each headline is run through
handlers.compare.compare_claim: its candidate articles and what the article-level stance model sees
of each. A body /compare does not return is "unrelated". The model is trained on FNC-1 itself, so
the score is cross-validated with folds that share neither headlines nor bodies (stories kept
whole, as ../shared/eval/README.md says), and each fold's training settings are chosen by grouped
cross-validation inside its training folds only. Also printed: the statement stances that decide
/compare's verdict, read as /compare's summary gives an outlet's stance (bench/_fnc.py,
statement_label; the statement model trained and given its thresholds inside the training folds),
and the old headline-only split for comparison. Score: 0.25 for each pair correctly called related
or unrelated, 0.75 more for the exact label of a related pair, as a share of the best possible.
References on the competition test set: official baseline 75.2 %, best teams about 82 %; calling
everything unrelated scores about 39 %.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import (  # noqa: E402
    OWN_VOICE_RULES,
    Pair,
    Settings,
    choose_settings,
    choose_thresholds,
    collect,
    database_path,
    fnc_parser,
    fnc_score,
    folds_by_headline,
    folds_by_story,
    headline_pairs,
    predict,
    statement_chances,
    statement_label,
    train_model,
    train_statement_model,
)

FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")


@dataclass
class CrossValidation:
    """(gold, predicted) of every held-out pair, by the whole-article reading and by the statements."""

    articles: list[tuple[str, str]] = field(default_factory=list)
    statements: list[tuple[str, str]] = field(default_factory=list)
    settings: list[Settings] = field(default_factory=list)
    thresholds: list[tuple[float, float]] = field(default_factory=list)
    # Each fold: its held-out pairs, the statement model trained without them, and their article calls.
    folds: list[tuple[list[Pair], dict, list[str]]] = field(default_factory=list)

    def statements_with(self, **change) -> list[tuple[str, str]]:
        """The statement reading again, with a kept rule or the model's floor changed (ablation)."""
        floor = change.pop("floor", True)
        scored = []
        for (held_out, model, articles), at in zip(self.folds, self.thresholds, strict=True):
            for pair, article in zip(held_out, articles, strict=True):
                chances = statement_chances(model, pair, **change)
                scored.append((pair.gold, statement_label(chances, *at, article, floor=floor)))
        return scored


def cross_validate(split: list[list[Pair]], tune: bool, statements: bool = True) -> CrossValidation:
    """Each fold scored by models trained on the other folds; with ``tune``, the article model's
    settings and the statement model's thresholds are chosen by grouped cross-validation inside
    those training folds only."""
    result = CrossValidation()
    for i, held_out in enumerate(split):
        training = [p for j, fold in enumerate(split) if j != i for p in fold]
        settings = choose_settings(training) if tune else Settings()
        result.settings.append(settings)
        model = train_model(training, settings)
        held_out = [p for p in held_out if p.labelled]  # scored on FNC-1's own pairs only
        articles = [predict(model, p) for p in held_out]
        result.articles += [(p.gold, label) for p, label in zip(held_out, articles, strict=True)]
        if statements:
            at = choose_thresholds(training) if tune else (0.5, 0.5)
            result.thresholds.append(at)
            statement_model = train_statement_model(training)
            result.folds.append((held_out, statement_model, articles))
            result.statements += [
                (p.gold, statement_label(statement_chances(statement_model, p), *at, label))
                for p, label in zip(held_out, articles, strict=True)
            ]
    return result


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
    parser.add_argument("--no-tune", action="store_true", help="fixed settings instead of choosing them per fold")
    args = parser.parse_args()
    folder = args.data_dir / "fnc1"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    headlines = headline_pairs(folder, args.headlines, args.seed)
    pairs = collect(folder, database_path(args), headlines, args.workers, args.cache)
    returned = sum(1 for p in pairs if p.features is not None and p.gold != "unrelated")
    related = sum(1 for p in pairs if p.gold != "unrelated")
    extra = sum(1 for p in pairs if not p.labelled)
    scored_pairs = len(pairs) - extra
    print(f"FNC-1 train: {len(headlines)} headlines, {scored_pairs} pairs; /compare returned {returned} of {related}")
    print(f"  (and {extra} unpaired candidates it read, trained on as unrelated, never scored)")
    print(f"  related bodies ({returned / max(1, related):.1%})")

    split, dropped = folds_by_story(pairs, args.folds)
    kept = [p for fold in split for p in fold if p.labelled]
    print(
        f"\n{args.folds} folds sharing neither headlines nor bodies (stories kept whole; {dropped} unrelated "
        f"pairs straddling two folds left out, {len(kept)} scored)"
    )
    result = cross_validate(split, tune=not args.no_tune)
    scored = result.articles
    score = fnc_score(scored)
    settings = ", ".join(f"disputes x{c.disputes_weight} l2 {c.l2:g}" for c in result.settings)
    print(f"  settings chosen inside each fold's training part: {settings}")
    thresholds = ", ".join(f"supports at {s:g}, disputes at {d:g}" for s, d in result.thresholds)
    print(f"  statement thresholds chosen the same way: {thresholds}")
    print(f"  whole-article reading: FNC score {100 * score:.1f} % (competition test: baseline 75.2 %, best 82 %)")
    figures = [f"fnc_score={100 * score:.1f}", *report(scored)]
    statement_scored = result.statements
    statement_score = fnc_score(statement_scored)
    print(f"  statement stances that decide the verdict: FNC score {100 * statement_score:.1f} %")
    statement_figures = report(statement_scored)
    figures += [f"statements_fnc_score={100 * statement_score:.1f}"]
    figures += ["statements_" + f for f in statement_figures if f.startswith("f1_disagree")]
    print("  the same statement reading with one part taken out (same folds, models and thresholds):")
    rules = frozenset(OWN_VOICE_RULES.values())
    for name, change in (
        ("the wording rules alone, no statement model", {"rules_only": True}),
        *((f"without the '{rule}' rule on the outlet's sentences", {"kept": rules - {rule}}) for rule in sorted(rules)),
        ("without the model's floor (TAKES_SIDES)", {"floor": False}),
    ):
        print(f"    {name}: FNC score {100 * fnc_score(result.statements_with(**change)):.1f} %")

    by_headline = cross_validate(folds_by_headline(pairs, args.folds), tune=False, statements=False)
    old = fnc_score(by_headline.articles)
    print(f"\nfor comparison, folds by headline only (every body in every fold; flatters): FNC score {100 * old:.1f} %")
    figures += [f"by_headline_fnc_score={100 * old:.1f}", f"related_recall={returned / max(1, related):.3f}"]
    print(" ".join(figures))


if __name__ == "__main__":
    main()
