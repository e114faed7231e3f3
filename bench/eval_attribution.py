"""Scores attribution extraction on PolNeAR dev: content, source and cue P/R/F1.

Usage: python bench/eval_attribution.py DATA_DIR [--split dev] [--cache DIR]
DATA_DIR is ../shared/eval; skipped when absent. A predicted attribution matches a gold one
when their contents overlap by at least half of the shorter span (one-to-one, best overlap
first); its source and cue are correct when they overlap the matched gold ones. References
on comparable material: GenderGapTracker's rules content F1 about 0.59 and source F1 about
0.53; textacy about 0.36 and 0.35. Targets (issue 13): content F1 0.75, source F1 0.70.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _polnear import Predicted, read_split, score  # noqa: E402
from train_attribution import parse_all  # noqa: E402

from nlp.attributions import select  # noqa: E402
from nlp.pronouns import FITS  # noqa: E402

REFERENCES = {"GenderGapTracker rules": (0.59, 0.53), "textacy": (0.36, 0.35)}
TARGETS = {"content_f1": 0.75, "source_f1": 0.70}


def _pronoun(text: str, span) -> bool:
    """Whether a source span is one pronoun (the sources "He said" gives)."""
    return bool(span) and len(span) == 1 and text[span[0][0] : span[0][1]].strip().lower() in FITS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--cache", type=Path, help="keep the parsed articles here between runs")
    args = parser.parse_args()
    folder = args.data_dir / "polnear" / args.split
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    started = time.perf_counter()
    documents = read_split(folder)
    parsed = parse_all(documents, args.cache / f"{args.split}.spacy" if args.cache else None)
    results = []
    for document, doc in zip(documents, parsed, strict=True):
        chosen = [c for c, _ in select(doc)]
        predicted = [Predicted(tuple(c.content), c.cue and (c.cue,), c.source and (c.source,)) for c in chosen]
        results.append((document.attributions, predicted))
    figures = score(results)
    pronouns = score(
        [
            (
                [g for g in gold if _pronoun(document.text, g.source)],
                [p for p in predicted if _pronoun(document.text, p.source)],
            )
            for document, (gold, predicted) in zip(documents, results, strict=True)
        ]
    )
    figures["pronoun_source_f1"] = pronouns["source_f1"]
    gold = sum(len(d.attributions) for d in documents)
    print(
        f"PolNeAR {args.split}: {len(documents)} articles, {gold} gold attributions, "
        f"{sum(len(p) for _, p in results)} predicted, {time.perf_counter() - started:.0f} s"
    )
    for role in ("content", "source", "cue"):
        p, r, f = (figures[f"{role}_{m}"] for m in ("p", "r", "f1"))
        print(f"  {role:8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = (pronouns[f"source_{m}"] for m in ("p", "r", "f1"))
    print(f"  source where it is a pronoun (he, she, they ...): P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for name, (content, source) in REFERENCES.items():
        print(
            f"  vs {name}: content F1 x{figures['content_f1'] / content:.2f}, "
            f"source F1 x{figures['source_f1'] / source:.2f}"
        )
    for key, target in TARGETS.items():
        verdict = "met" if figures[key] >= target else "NOT met"
        print(f"  {key} {figures[key]:.3f} against the target {target}: {verdict}")
    print(" ".join(f"{k}={v:.3f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
