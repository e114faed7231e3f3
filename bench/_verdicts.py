"""Per-headline verdicts on FNC-1 train, shared by eval_verdicts.py and train_verdict.py: the gold
verdict a headline's pair labels imply, the held-out article readings of grouped folds, choosing
the judge's cuts on them, and the confusion table.

A headline's gold verdict (../shared/eval/README.md): "disputed" when any of its bodies disagrees,
"supported" when one agrees and none disagrees, "unverified" when its bodies only discuss it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from _fnc import Pair, folds_by_story, train_model

from judge import Call, Cuts, verdict_of
from judge.article_model import ArticleStance, probabilities
from judge.judging import article_side

VERDICTS = ("supported", "disputed", "unverified")
NO_VERDICT = "no verdict"
#: The cuts tried when choosing them on held-out folds of the training part.
RELATED_CUTS = (0.5, 0.6, 0.7, 0.8, 0.9)
SUPPORTS_CUTS = (0.4, 0.5, 0.6, 0.7, 0.8)
DISPUTES_CUTS = (0.2, 0.3, 0.4, 0.5, 0.6)


def gold_verdict(labels: Iterable[str]) -> str | None:
    """The verdict a headline's FNC-1 pair labels imply; None with no related body."""
    found = set(labels)
    if "disagree" in found:
        return "disputed"
    if "agree" in found:
        return "supported"
    if "discuss" in found:
        return "unverified"
    return None


def gold_verdicts(pairs: Iterable[Pair]) -> dict[str, str]:
    by_headline: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        by_headline[pair.headline].append(pair.gold)
    return {h: v for h, labels in by_headline.items() if (v := gold_verdict(labels)) is not None}


Readings = dict[str, list[tuple[int, dict[str, float]]]]  # headline → (body index, article chances)


def held_out_readings(pairs: list[Pair], folds: int) -> Readings:
    """Each headline's retrieved bodies read by an article model trained on the other folds
    (folds share neither headlines nor bodies)."""
    split, _ = folds_by_story(pairs, folds)
    readings: Readings = defaultdict(list)
    for i, held_out in enumerate(split):
        model = train_model([p for j, fold in enumerate(split) if j != i for p in fold])
        for index, pair in enumerate(held_out):
            if pair.features is not None:
                chances = dict(zip(model["labels"], probabilities(model, pair.features), strict=True))
                readings[pair.headline].append((index, chances))
    return readings


def article_verdict(chances: Sequence[dict[str, float]], cuts: Cuts) -> str:
    """The verdict the judge gives from these whole-article readings alone (judge.judging's
    article calls and judge.verdict), for choosing the cuts without running /compare again."""
    calls = []
    for index, chance in enumerate(chances):
        reading = ArticleStance("", 0.0, 1.0 - chance["unrelated"], "", "", chance)
        if reading.related < cuts.related:
            continue
        stance, probability = article_side(reading, cuts)
        calls.append(Call(index, "outlet", "outlet", "article", stance, probability, reading.related, ""))
    label = verdict_of(calls).label
    return "unverified" if label == "no coverage" else label


def accuracy(scored: Iterable[tuple[str, str]]) -> float:
    scored = list(scored)
    return sum(g == p for g, p in scored) / max(1, len(scored))


def choose_cuts(pairs: list[Pair], folds: int = 3) -> Cuts:
    """The cuts with the best per-headline accuracy over held-out folds of ``pairs`` alone; ties
    go to the surer cuts (higher related, supports and disputes cuts)."""
    readings = held_out_readings(pairs, folds)
    gold = gold_verdicts(pairs)
    headlines = [h for h in gold if h in readings]
    best: tuple[float, Cuts] | None = None
    for related in RELATED_CUTS:
        for supports in SUPPORTS_CUTS:
            for disputes in DISPUTES_CUTS:
                cuts = Cuts(related=related, supports=supports, disputes=disputes)
                score = accuracy(
                    (gold[h], article_verdict([c for _, c in readings[h]], cuts)) for h in headlines
                )
                if best is None or score > best[0] + 1e-12:
                    best = (score, cuts)
    return best[1] if best else Cuts()


def report(scored: list[tuple[str, str]]) -> dict[str, float]:
    """Prints the confusion table (gold by row) and each verdict's precision and recall; returns
    the figures."""
    confusion = Counter(scored)
    columns = (*VERDICTS, "no coverage", NO_VERDICT)
    print("  gold \\ verdict " + " ".join(f"{c:>12}" for c in columns))
    for gold in VERDICTS:
        print(f"  {gold:>15} " + " ".join(f"{confusion[(gold, c)]:>12}" for c in columns))
    figures: dict[str, float] = {}
    for verdict in VERDICTS:
        tp = confusion[(verdict, verdict)]
        said = sum(confusion[(g, verdict)] for g in VERDICTS)
        truly = sum(confusion[(verdict, c)] for c in columns)
        precision, recall = tp / max(1, said), tp / max(1, truly)
        print(f"  {verdict:>11}: precision {precision:.3f} ({tp} of {said}), recall {recall:.3f} ({tp} of {truly})")
        figures[f"precision_{verdict}"] = precision
        figures[f"recall_{verdict}"] = recall
    figures["accuracy"] = accuracy(scored)
    figures["baseline_unverified"] = accuracy((g, "unverified") for g, _ in scored)
    figures["no_verdict"] = sum(1 for _, p in scored if p in (NO_VERDICT, "no coverage"))
    return figures
