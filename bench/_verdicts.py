"""Per-headline verdicts on FNC-1 train, shared by eval_verdicts.py and train_verdict.py: the gold
verdict a headline's pair labels imply, the held-out article readings of grouped folds, choosing
the judge's cuts on them, and the confusion table.

A headline's gold verdict (../shared/eval/README.md): "disputed" when any of its bodies disagrees,
"supported" when one agrees and none disagrees, "unverified" when its bodies only discuss it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from _fnc import Pair, folds_by_story, train_model, train_statement_model

from judge import Call, Cuts, verdict_of
from judge.article_model import ArticleStance, probabilities
from judge.judging import article_side
from judge.statement_model import statement_call
from judge.statements import CORE

VERDICTS = ("supported", "disputed", "unverified")
NO_VERDICT = "no verdict"
#: The cuts tried when choosing them on held-out folds of the training part.
RELATED_CUTS = (0.95, 0.9, 0.8, 0.7, 0.6, 0.5)
SUPPORTS_CUTS = (0.8, 0.7, 0.6, 0.5, 0.4)
DISPUTES_CUTS = (0.6, 0.5, 0.4, 0.3, 0.2)
STATEMENT_CUTS = (1.01, 0.9, 0.7, 0.5, 0.35)
#: The statement model's thresholds during the choice (those bench/train_stance.py chose and ships).
SUPPORTS_AT, DISPUTES_AT = 0.7, 0.6


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


@dataclass(frozen=True)
class Reading:
    """One candidate body of a headline as held-out models read it: the article model's chances,
    and its statements that count (relevance, stance before the cuts, in the outlet's voice)."""

    chances: dict[str, float]
    statements: tuple[tuple[float, str], ...]


def held_out_readings(pairs: list[Pair], folds: int) -> dict[str, list[Reading]]:
    """Each headline's retrieved bodies (paired or not) read by models trained on the other folds
    (folds share neither headlines nor bodies)."""
    split, _ = folds_by_story(pairs, folds)
    readings: dict[str, list[Reading]] = defaultdict(list)
    for i, held_out in enumerate(split):
        training = [p for j, fold in enumerate(split) if j != i for p in fold]
        model, statements = train_model(training), train_statement_model(training)
        statements.update(supports_at=SUPPORTS_AT, disputes_at=DISPUTES_AT)
        for pair in held_out:
            if pair.features is not None:
                chances = dict(zip(model["labels"], probabilities(model, pair.features), strict=True))
                readings[pair.headline].append(Reading(chances, _statement_stances(statements, pair)))
    return readings


def _statement_stances(model: dict, pair: Pair) -> tuple[tuple[float, str], ...]:
    """The stance of each of the pair's statements that counts (``CORE``), as judge_topic gives it:
    a kept rule's, the wording rules' for a quoted speaker, the statement model's for the outlet's
    own sentence."""
    found = []
    for names, relevance, ruled, own, rule in pair.statement_rows or ():
        if relevance < CORE:
            continue
        if ruled:
            stance = ruled
        elif own:
            stance = statement_call(model, names).label
        else:
            stance = rule
        if stance != "unrelated":
            found.append((relevance, stance))
    return tuple(found)


def simulated_verdict(readings: Sequence[Reading], cuts: Cuts) -> str:
    """The verdict the judge gives from these readings (judge.judging's calls and judge.verdict),
    for choosing the cuts without running /compare again. It leaves out what the cache does not
    keep: whether a statement names the claim's names."""
    calls = []
    for index, reading in enumerate(readings):
        article = ArticleStance("", 0.0, 1.0 - reading.chances["unrelated"], "", "", reading.chances)
        if article.related < cuts.related:
            continue
        stance, probability = article_side(article, cuts)
        calls.append(Call(index, "outlet", "outlet", "article", stance, probability, article.related, ""))
        for relevance, said in reading.statements:
            taken = "reports" if said in ("supports", "disputes") and relevance < cuts.statement_sides else said
            calls.append(Call(index, "outlet", "source", "named", taken, 1.0, relevance, ""))
    label = verdict_of(calls).label
    return "unverified" if label == "no coverage" else label


def accuracy(scored: Iterable[tuple[str, str]]) -> float:
    scored = list(scored)
    return sum(g == p for g, p in scored) / max(1, len(scored))


def choose_cuts(pairs: list[Pair], folds: int = 3) -> Cuts:
    """The cuts with the best per-headline accuracy over held-out folds of ``pairs`` alone; ties
    go to the surer cuts (the first in the grid's order, which runs from sure to lenient)."""
    readings = held_out_readings(pairs, folds)
    gold = gold_verdicts(pairs)
    headlines = [h for h in gold if h in readings]
    best: tuple[float, Cuts] | None = None
    for related in RELATED_CUTS:
        for supports in SUPPORTS_CUTS:
            for disputes in DISPUTES_CUTS:
                for sides in STATEMENT_CUTS:
                    cuts = Cuts(related=related, supports=supports, disputes=disputes, statement_sides=sides)
                    score = accuracy((gold[h], simulated_verdict(readings[h], cuts)) for h in headlines)
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
