"""Chooses the judge's cuts on FNC-1 train and writes judge/data/verdict_cuts.json.

Usage: python bench/train_verdict.py DATA_DIR [--keep DB] [--cache FILE] [--folds 5]
Every headline goes through /compare's retrieval over a store of every body (bench/_fnc.py
collect, the same features bench/train_stance.py trains on). Each body is read by an article model
trained on the other folds (folds share neither headlines nor bodies), and the cuts (how related an
article must be to be listed, how sure a support or a dispute must be to count) are the ones whose
per-headline verdicts, computed as the judge computes them from those held-out readings, agree
most often with the verdicts the gold pair labels imply. bench/eval_verdicts.py scores the same
recipe, choosing the cuts inside each fold's training part only.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import collect, database_path, fnc_parser, headline_pairs  # noqa: E402
from _verdicts import choose_cuts  # noqa: E402

from judge.models import CUTS_PATH  # noqa: E402


def main() -> None:
    parser = fnc_parser(__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=CUTS_PATH)
    args = parser.parse_args()
    folder = args.data_dir / "fnc1"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    pairs = collect(folder, database_path(args), headline_pairs(folder, 0, 0), args.workers, args.cache)
    started = time.perf_counter()
    cuts = choose_cuts(pairs, args.folds, verbose=True)
    document = {
        "cuts": cuts.to_json(),
        "chosen_on": (
            f"FNC-1 train_stances.csv, every headline; per-headline verdict accuracy over {args.folds} held-out "
            "folds sharing neither headlines nor bodies (bench/train_verdict.py)"
        ),
    }
    args.out.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f} s")
    print(" ".join(f"{k}={v}" for k, v in cuts.to_json().items()))


if __name__ == "__main__":
    main()
