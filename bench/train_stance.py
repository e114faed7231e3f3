"""Trains the article-level stance model on FNC-1 and writes nlp/data/stance_model.json.

Usage: python bench/train_stance.py DATA_DIR [--keep DB] [--cache FILE] [--out PATH]
Every headline of fnc1/train_stances.csv goes through /compare's retrieval (handlers.compare) over
a database of every body; the bodies it returns are the training rows, labelled agree → supports,
disagree → disputes, discuss → reports, unrelated. The class weight of a disagreement and the L2
penalty are chosen by cross-validation with folds that share neither headlines nor bodies.
Training is deterministic (bench/_softmax.py), so the same data gives the same file.
bench/eval_stance.py scores the same recipe, choosing the settings inside each fold.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _fnc import choose_settings, collect, database_path, fnc_parser, headline_pairs, train_model  # noqa: E402

from nlp.article_stance import MODEL_PATH  # noqa: E402


def main() -> None:
    parser = fnc_parser(__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    folder = args.data_dir / "fnc1"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return
    pairs = collect(folder, database_path(args), headline_pairs(folder, 0, 0), args.workers, args.cache)
    started = time.perf_counter()
    settings = choose_settings(pairs)
    model = train_model(pairs, settings)
    model["trained_on"] = (
        "FNC-1 train_stances.csv, every headline (bench/train_stance.py); settings chosen by 3-fold "
        f"cross-validation with folds sharing neither headlines nor bodies: disputes weight "
        f"{settings.disputes_weight}, l2 {settings.l2:g}"
    )
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    rows = Counter(p.gold for p in pairs if p.features is not None)
    features = len({name for table in model["weights"].values() for name in table})
    size = args.out.stat().st_size
    print(f"trained on {sum(rows.values())} pairs ({dict(rows)}) in {time.perf_counter() - started:.0f} s")
    print(f"wrote {args.out}: {features} features, {size / 1024:.0f} KiB")
    print(f"pairs={sum(rows.values())} features={features} model_kib={size / 1024:.0f}")


if __name__ == "__main__":
    main()
