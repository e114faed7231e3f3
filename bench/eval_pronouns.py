"""Scores the pronoun resolver on ECB+ dev: whom "he", "she", "it", "they" mean.

Usage: python bench/eval_pronouns.py DATA_DIR [--split dev] [--cache FILE]
DATA_DIR is ../shared/eval; skipped when absent. Instances and scoring as bench/_pronouns.py says:
precision over the pronouns resolved, recall over every pronoun whose gold chain the analysis found
before it. References on the same instances: the rule the attribution code used before (the
nearest earlier named speaker of a fitting kind) and the nearest fitting entity named before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _ecbplus import read_split  # noqa: E402
from _pronouns import instances, prf  # noqa: E402
from train_linker import analyses  # noqa: E402
from train_pronouns import choose  # noqa: E402

from nlp.pronouns import load_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--cache", type=Path, help="keep the analysed documents here between runs")
    args = parser.parse_args()
    if not (args.data_dir / "ecbplus").exists():
        print(f"skipped: {args.data_dir / 'ecbplus'} not found")
        return
    docs = read_split(args.data_dir, args.split)
    cases = [
        c
        for doc, analysis in zip(docs, analyses([d["text"] for d in docs], args.cache), strict=True)
        for c in instances(doc, analysis)
    ]
    model = load_model()
    rows = {
        "model": [choose(model, case, model["threshold"]) for case in cases],
        "nearest earlier speaker (before)": [case.old_rule for case in cases],
        "nearest fitting entity": [case.nearest for case in cases],
    }
    print(f"ECB+ {args.split}: {len(cases)} gold pronouns in chains")
    figures = {}
    for name, choices in rows.items():
        p, r, f, resolved, resolvable = prf(choices, cases)
        print(f"  {name:34} P {p:.3f} R {r:.3f} F1 {f:.3f} ({resolved} resolved, {resolvable} resolvable)")
        figures[name] = (p, r, f)
    p, r, f = figures["model"]
    old = figures["nearest earlier speaker (before)"]
    print(f"pronoun_p={p:.3f} pronoun_r={r:.3f} pronoun_f1={f:.3f} before_p={old[0]:.3f} before_r={old[1]:.3f}")


if __name__ == "__main__":
    main()
