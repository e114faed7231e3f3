"""Trains the article-level and statement stance models on FNC-1: judge/data/article_model.json and
judge/data/statement_model.json.

Usage: python bench/train_stance.py DATA_DIR [--keep DB] [--cache FILE] [--out PATH] [--statements-out PATH]
Every headline of fnc1/train_stances.csv goes through /compare's retrieval (handlers.compare) over
a database of every body; the bodies it returns are the training rows, labelled agree → supports,
disagree → disputes, discuss → reports, unrelated. The class weight of a disagreement and the L2
penalty are chosen by cross-validation with folds that share neither headlines nor bodies. The
statement model learns from the judged statements of those bodies, each labelled with its body's
label; its two thresholds are chosen by the same kind of cross-validation.
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

from _fnc import (  # noqa: E402
    choose_settings,
    choose_thresholds,
    collect,
    database_path,
    fnc_parser,
    headline_pairs,
    train_model,
    train_statement_model,
)

from judge.article_model import MODEL_PATH  # noqa: E402
from judge.statement_model import MODEL_PATH as STATEMENT_MODEL_PATH  # noqa: E402


def write_model(model: dict, path: Path) -> None:
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    features = len({name for table in model["weights"].values() for name in table})
    print(f"wrote {path}: {features} features, {path.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    parser = fnc_parser(__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--statements-out", type=Path, default=STATEMENT_MODEL_PATH)
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
    write_model(model, args.out)
    supports_at, disputes_at = choose_thresholds(pairs)
    statements = train_statement_model(pairs)
    statements.update(supports_at=supports_at, disputes_at=disputes_at)
    statements["trained_on"] = (
        "FNC-1 train_stances.csv, the judged statements of every body /compare returned, each labelled "
        "with its body's label (bench/train_stance.py); thresholds chosen by 3-fold cross-validation with "
        f"folds sharing neither headlines nor bodies: supports at {supports_at}, disputes at {disputes_at}"
    )
    write_model(statements, args.statements_out)
    rows = Counter(p.gold for p in pairs if p.features is not None)
    counted = sum(1 for p in pairs for row in p.statement_rows or () if row[2] is None)
    print(f"trained on {sum(rows.values())} pairs ({dict(rows)}) and {counted} statements")
    took = time.perf_counter() - started
    print(f"took {took:.0f} s; statement thresholds: supports {supports_at}, disputes {disputes_at}")
    print(f"pairs={sum(rows.values())} statements={counted} supports_at={supports_at} disputes_at={disputes_at}")


if __name__ == "__main__":
    main()
