"""Trains the pronoun resolver (nlp/data/pronoun_model.json) on ECB+ train.

Usage: python bench/train_pronouns.py DATA_DIR [--cache FILE] [--out nlp/data/pronoun_model.json]
DATA_DIR is ../shared/eval. Instances come from bench/_pronouns.py. Every candidate, named or
an unnamed person ("the actress"), is a row (right or not); a logistic model (bench/_softmax.py,
two classes) weighs the features. Topics are split: three quarters train the weights, the
held-out quarter chooses the threshold below which the pronoun stays unresolved: the one with the
best F0.5 (a statement under the wrong person does more harm than one left unresolved). The
weights are then trained again on all of train. The dev split is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _ecbplus import read_split  # noqa: E402
from _pronouns import Instance, instances, prf  # noqa: E402
from _softmax import train_softmax  # noqa: E402
from train_linker import analyses  # noqa: E402

from nlp.pronouns import MODEL_PATH, probability  # noqa: E402

HELD_OUT_EVERY = 4  # every fourth topic chooses the threshold
BETA = 0.5  # precision weighs double: a wrong speaker is worse than none


def fit(cases: list[Instance]) -> dict:
    rows = [names + ["bias"] for case in cases for _, _, names in case.candidates]
    labels = [
        "yes" if entity in case.right or entity in case.right_unnamed else "no"
        for case in cases
        for entity, _, _ in case.candidates
    ]
    trained = train_softmax(rows, labels, ["no", "yes"], epochs=300, l2=1e-3)
    no, yes = trained["weights"]["no"], trained["weights"]["yes"]
    weights = {name: round(yes.get(name, 0.0) - no.get(name, 0.0), 4) for name in set(no) | set(yes)}
    bias = weights.pop("bias", 0.0)
    return {"bias": bias, "weights": dict(sorted(weights.items())), "threshold": 0.5}


def choose(model: dict, case: Instance, threshold: float) -> int | None:
    scored = [(probability(model, names), entity) for entity, _, names in case.candidates]
    if not scored:
        return None
    p, entity = max(scored)
    return entity if p >= threshold and entity >= 0 else None  # an unnamed person: left unresolved


def f_beta(p: float, r: float) -> float:
    return (1 + BETA**2) * p * r / (BETA**2 * p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, help="keep the analysed train documents here")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    if not (args.data_dir / "ecbplus").exists():
        print(f"skipped: {args.data_dir / 'ecbplus'} not found")
        return
    docs = read_split(args.data_dir, "train")
    cases = [
        case
        for doc, analysis in zip(docs, analyses([d["text"] for d in docs], args.cache), strict=True)
        for case in instances(doc, analysis)
    ]
    topics = sorted({case.topic for case in cases})
    held_topics = set(topics[HELD_OUT_EVERY - 1 :: HELD_OUT_EVERY])
    learn = [case for case in cases if case.topic not in held_topics]
    held = [case for case in cases if case.topic in held_topics]
    model = fit(learn)
    best = (-1.0, 0.5)
    for step in range(5, 96, 5):
        threshold = step / 100
        p, r, _, _, _ = prf([choose(model, case, threshold) for case in held], held)
        best = max(best, (f_beta(p, r), threshold))
    threshold = best[1]
    p, r, f, resolved, resolvable = prf([choose(model, case, threshold) for case in held], held)
    old = prf([case.old_rule for case in held], held)
    print(f"{len(cases)} pronoun instances on train ({len(held)} held out, topics {sorted(held_topics)})")
    print(f"held-out: threshold {threshold:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f} ({resolved} resolved of {resolvable})")
    print(f"held-out, nearest earlier speaker (the rule before): P {old[0]:.3f} R {old[1]:.3f} F1 {old[2]:.3f}")
    final = fit(cases)
    final["threshold"] = threshold
    final["trained_on"] = (
        f"ECB+ train, {len(cases)} gold pronouns; threshold from held-out topics {sorted(held_topics)}"
    )
    args.out.write_text(json.dumps(final, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    print(f"pronoun_heldout_p={p:.3f} pronoun_heldout_r={r:.3f} threshold={threshold:.2f}")


if __name__ == "__main__":
    main()
