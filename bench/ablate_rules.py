"""Every hand rule in stance and attribution, measured with and without it.

Usage: python bench/ablate_rules.py DATA_DIR --keep FNC_DB [--polnear-cache DIR] [--only NAME]
DATA_DIR is ../shared/eval; skipped when absent. FNC_DB is the database of FNC-1 bodies that
bench/eval_stance.py --keep builds (built here when missing).

Stance rules (nlp/stance.py) are scored on FNC-1 train in folds that share neither headlines nor
bodies: the statement stances that decide /compare's verdict and the whole-article reading, both
cross-validated with the default settings (bench/eval_stance.py also ablates the rules that decide
the outlet's own sentences, on the tuned models). The attribution rule (nlp/attributions.py) is
scored on PolNeAR dev and train. A rule is switched off by replacing its pattern or constant for the
run; nothing else changes. Reference: the same figures with every rule on (the first row).
Dropped after measuring: doubt on "(un)aware" (statements 46.1 either way; whole article 74.6
without it, 74.5 with it).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import collect, fnc_score, folds_by_story, headline_pairs  # noqa: E402
from _polnear import Predicted, read_split, score  # noqa: E402
from eval_stance import cross_validate  # noqa: E402
from train_attribution import parse_all  # noqa: E402

import judge.cues as stance  # noqa: E402
import judge.statements as verdict  # noqa: E402
import nlp.attributions as attributions  # noqa: E402

NEVER = re.compile(r"(?!)")


def _without(pattern: re.Pattern, *alternatives: str) -> re.Pattern:
    """The pattern with these alternatives (exactly as written in it) taken out."""
    text = pattern.pattern
    for alternative in alternatives:
        assert alternative in text, alternative
        text = text.replace(alternative, "")
    return re.compile(text.replace("||", "|").replace("(|", "(").replace("|)", ")"), pattern.flags)


@contextmanager
def patched(changes: dict[tuple[object, str], object]):
    saved = {key: getattr(*key) for key in changes}
    for (owner, name), value in changes.items():
        setattr(owner, name, value)
    try:
        yield
    finally:
        for (owner, name), value in saved.items():
            setattr(owner, name, value)


def _doubt(*alternatives: str) -> dict:
    weaker = _without(stance.DOUBT_TEXT, *alternatives)
    return {(stance, "DOUBT_TEXT"): weaker, (verdict, "DOUBT_TEXT"): weaker}


STANCE_RULES: dict[str, Callable[[], dict]] = {
    "all rules on": dict,
    'doubt: "should be investigated"': lambda: _doubt("should be investigated|"),
    'dispute: "only one" against "regular"': lambda: {(stance, "RESTRICTIVE"): NEVER},
}
ATTRIBUTION_RULES: dict[str, Callable[[], dict]] = {
    "all rules on": dict,
    "SPEECH_BEFORE_SPEAKER": lambda: {(attributions, "SPEECH_BEFORE_SPEAKER"): 0.0},
}


def fnc_figures(folder: Path, db: Path, cache_dir: Path, name: str) -> tuple[float, float, float, float]:
    cache = cache_dir / f"ablate-{re.sub(r'[^a-z]+', '-', name.lower()).strip('-')}.json"
    pairs = collect(folder, db, headline_pairs(folder, 0, 0), 2, cache)
    split, _ = folds_by_story(pairs, 5)
    result = cross_validate(split, tune=False)
    statements, whole = result.statements, result.articles
    return fnc_score(statements), _f1(statements, "disagree"), fnc_score(whole), _f1(whole, "disagree")


def _f1(scored: list[tuple[str, str]], label: str) -> float:
    tp = sum(1 for g, p in scored if g == p == label)
    predicted = sum(1 for _, p in scored if p == label)
    gold = sum(1 for g, _ in scored if g == label)
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def polnear_figures(data_dir: Path, split: str, cache: Path | None) -> tuple[float, float]:
    documents = read_split(data_dir / "polnear" / split)
    parsed = parse_all(documents, cache / f"{split}.spacy" if cache else None)
    results = []
    for document, doc in zip(documents, parsed, strict=True):
        chosen = [c for c, _ in attributions.select(doc)]
        predicted = [Predicted(tuple(c.content), c.cue and (c.cue,), c.source and (c.source,)) for c in chosen]
        results.append((document.attributions, predicted))
    figures = score(results)
    return figures["content_f1"], figures["source_f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--keep", type=Path, required=True, help="database of FNC-1 bodies (built when missing)")
    parser.add_argument("--polnear-cache", type=Path, help="parsed PolNeAR articles, kept between runs")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp"), help="where each variant's pairs are kept")
    parser.add_argument("--only", choices=["stance", "attribution"])
    args = parser.parse_args()
    if not (args.data_dir / "fnc1").exists() or not (args.data_dir / "polnear").exists():
        print(f"skipped: FNC-1 or PolNeAR not found under {args.data_dir}")
        return
    figures = []
    if args.only != "attribution":
        print("FNC-1 train, 5 folds sharing neither headlines nor bodies (statements / whole article):")
        for name, change in STANCE_RULES.items():
            label = name if name == "all rules on" else f"without {name}"
            with patched(change()):
                s, s_dis, w, w_dis = fnc_figures(args.data_dir / "fnc1", args.keep, args.cache_dir, label)
            print(
                f"  {label:48} statements {100 * s:.1f} (disagree F1 {s_dis:.2f}); "
                f"whole article {100 * w:.1f} (disagree F1 {w_dis:.2f})"
            )
            key = re.sub(r"[^a-z]+", "_", label.lower()).strip("_")
            figures += [f"{key}_statements={100 * s:.1f}", f"{key}_whole={100 * w:.1f}"]
    if args.only != "stance":
        print("PolNeAR (content F1 / source F1):")
        for name, change in ATTRIBUTION_RULES.items():
            label = name if name == "all rules on" else f"without {name}"
            with patched(change()):
                dev = polnear_figures(args.data_dir, "dev", args.polnear_cache)
                train = polnear_figures(args.data_dir, "train", args.polnear_cache)
            print(f"  {label:48} dev {dev[0]:.3f} / {dev[1]:.3f}; train {train[0]:.3f} / {train[1]:.3f}")
            key = re.sub(r"[^a-z]+", "_", label.lower()).strip("_")
            figures += [f"{key}_dev_source_f1={dev[1]:.3f}", f"{key}_train_source_f1={train[1]:.3f}"]
    print(" ".join(figures))


if __name__ == "__main__":
    main()
