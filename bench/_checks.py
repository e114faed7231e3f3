"""The seeds-gold evaluations' shared frame: the sample articles ingested into a fresh database,
named pass/fail checks by section, and a closing key=value line."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from handlers import Context
from handlers.ingest import IngestRequest, ingest
from ingest.manifest import read_manifest
from nlp import Analyzer
from store import Store

ROOT = Path(__file__).resolve().parent.parent

Check = tuple[str, bool, str]  # (what is checked, passed, what was found)


def report(sections: dict[str, list[Check]], extra: list[str] = ()) -> None:
    figures = []
    for section, checks in sections.items():
        print(f"== {section}")
        for name, ok, found in checks:
            print(f"  {'PASS' if ok else 'FAIL'}  {name}  [{found}]")
        passed = sum(ok for _, ok, _ in checks)
        print(f"  {passed}/{len(checks)} passed")
        figures.append(f"{section}_passed={passed} {section}_checks={len(checks)}")
    print(" ".join(figures + list(extra)))


def seeded_context(data_dir: Path, db_path: Path) -> Context:
    """A fresh store holding the three sample articles (from ../shared/corpus when it is there)."""
    manifest = data_dir.parent / "corpus" / "seeds" / "manifest.json"
    if not manifest.exists():
        manifest = ROOT / "examples" / "articles" / "manifest.json"
    ctx = Context(store=Store.open(db_path), analyzer=Analyzer())
    requests = [IngestRequest(str(e.path), outlet=e.outlet, published=e.published) for e in read_manifest(manifest)]
    ingest(ctx, requests)
    return ctx


def run_gold(usage: str, sections_of: Callable[[Context, dict], dict[str, list[Check]]]) -> int:
    """``python bench/eval_X.py DATA_DIR``: skipped when DATA_DIR has no seeds-gold.json."""
    if len(sys.argv) != 2:
        print(usage)
        return 2
    data_dir = Path(sys.argv[1])
    gold_path = data_dir / "seeds-gold.json"
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found")
        return 0
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ctx = seeded_context(data_dir, Path(folder) / "eval.db")
        sections = sections_of(ctx, gold)
        ctx.store.close()
    total = sum(ok for checks in sections.values() for _, ok, _ in checks)
    count = sum(len(checks) for checks in sections.values())
    print(f"total: {total}/{count} checks passed")
    report(sections, [f"checks_passed={total} checks={count}"])
    return 0
