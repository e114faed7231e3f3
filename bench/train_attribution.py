"""Trains the attribution scorer on PolNeAR's train split and writes nlp/data/attribution_model.json.

Usage: python bench/train_attribution.py DATA_DIR [--epochs 8]
Candidates come from nlp.attribution_candidates; a candidate is positive when it is matched
to a gold attribution (content overlap of at least half the shorter span, one-to-one, best
overlap first) and, when the gold one names a source, its source overlaps it: a reading with
the right words and the wrong speaker is a negative, so the scorer learns to prefer the reading
with the right speaker. Logistic regression by plain SGD with a fixed seed: the same data gives the
same file. The threshold is chosen on train alone (never on dev): each article is scored by a model fitted on
the other four fifths of train, and the threshold is the best source F1 over all those out-of-fold
scores whose content F1 stays at or above 0.70. A single held-out tenth (84 articles), used before,
chose 0.30 and 0.26 for two variants of the candidates that the five folds score within 0.001 of
each other (and give 0.34). The model shipped is then refitted on the whole of train with that
threshold.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _polnear import Predicted, content_match, overlap, read_split, score  # noqa: E402

from nlp.attribution_candidates import candidates  # noqa: E402
from nlp.attribution_model import MODEL_PATH, features, nesting  # noqa: E402
from nlp.attributions import choose, score_candidates  # noqa: E402
from nlp.pipeline import load_pipeline  # noqa: E402

CONTENT_FLOOR = 0.70
FOLDS = 5


def labelled(doc, gold) -> list[tuple[list[str], int]]:
    found = candidates(doc)
    pairs = sorted(
        (
            (overlap(tuple(c.content), g.content), ci, gi)
            for ci, c in enumerate(found)
            for gi, g in enumerate(gold)
            if content_match(tuple(c.content), g.content)
        ),
        reverse=True,
    )
    positive, used = set(), set()
    for _, ci, gi in pairs:
        if ci in positive or gi in used:
            continue
        wanted, offered = gold[gi].source, found[ci].source
        if wanted and not (offered and overlap(wanted, (offered,)) > 0):
            continue  # the right words from the wrong speaker: teach the scorer to prefer another reading
        positive.add(ci)
        used.add(gi)
    nested = nesting(found)
    return [(features(doc, c, nested[i]), int(i in positive)) for i, c in enumerate(found)]


def parse_all(documents, cache: Path | None) -> list:
    """spaCy parses of the articles, from ``cache`` when it holds them."""
    from spacy.tokens import DocBin  # noqa: PLC0415

    nlp = load_pipeline(None)
    if cache and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    parsed = list(nlp.pipe((d.text for d in documents), n_process=2, batch_size=8))
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in parsed:
            bin_.add(doc)
        bin_.to_disk(cache)
    return parsed


def train(rows: list[tuple[list[str], int]], epochs: int, rate: float = 0.1, l2: float = 1e-5) -> dict:
    counts = Counter(f for names, _ in rows for f in names)
    vocabulary = {f for f, n in counts.items() if n >= 2}
    weights: dict[str, float] = dict.fromkeys(vocabulary, 0.0)
    squares: dict[str, float] = dict.fromkeys(vocabulary, 1e-8)
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(rows)))
    rng = random.Random(13)
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            names, label = rows[index]
            active = [f for f in names if f in weights]
            z = bias + sum(weights[f] for f in active)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = p - label
            bias_square += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_square)
            for f in active:
                g = gradient + l2 * weights[f]
                squares[f] += g * g
                weights[f] -= rate * g / math.sqrt(squares[f])
    return {"bias": bias, "weights": {f: round(w, 5) for f, w in sorted(weights.items()) if abs(w) > 1e-4}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--cache", type=Path, help="keep the parsed articles here between runs")
    args = parser.parse_args()
    folder = args.data_dir / "polnear" / "train"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    started = time.perf_counter()
    documents = read_split(folder)
    parsed = parse_all(documents, args.cache / "train.spacy" if args.cache else None)
    print(f"parsed {len(documents)} articles in {time.perf_counter() - started:.0f} s")
    rows = [labelled(doc, document.attributions) for document, doc in zip(documents, parsed, strict=True)]
    print(f"{sum(map(len, rows))} candidates, {sum(label for r in rows for _, label in r)} positive")
    thresholds = [x / 100 for x in range(20, 80, 2)]
    pooled: dict[float, list] = {t: [] for t in thresholds}
    for fold in range(FOLDS):  # each article's scores come from a model that never saw it
        model = train([row for i, r in enumerate(rows) if i % FOLDS != fold for row in r], args.epochs)
        for i, (document, doc) in enumerate(zip(documents, parsed, strict=True)):
            if i % FOLDS != fold:
                continue
            pairs = score_candidates(doc, model)
            for threshold in thresholds:
                chosen = [c for c, _ in choose(pairs, threshold)]
                predicted = [Predicted(tuple(c.content), c.cue and (c.cue,), c.source and (c.source,)) for c in chosen]
                pooled[threshold].append((document.attributions, predicted))
    best = (0.0, 0.5)
    for threshold in thresholds:
        figures = score(pooled[threshold])
        # Who said it is the weaker side: the best source F1 that keeps content F1 above its floor.
        if figures["content_f1"] >= CONTENT_FLOOR and figures["source_f1"] > best[0]:
            best = (figures["source_f1"], threshold)
    model = train([row for r in rows for row in r], args.epochs)  # the threshold is chosen; learn from all
    model["threshold"] = best[1]
    model["about"] = (
        f"Logistic attribution scorer trained on PolNeAR train ({len(documents)} articles), threshold "
        f"{best[1]} chosen on the out-of-fold scores of {FOLDS} folds of train by article (source F1 "
        f"{best[0]:.3f}, content F1 at least {CONTENT_FLOOR})."
    )
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"threshold {best[1]}: out-of-fold source F1 {best[0]:.3f}; {len(model['weights'])} weights "
        f"written to {MODEL_PATH} in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
