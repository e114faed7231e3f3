"""Scores the entity sections of seeds-gold.json through the real ingest and /who.

Usage: python bench/eval_entities.py DATA_DIR   (DATA_DIR is ../shared/eval; skipped when absent)
Ingests the three sample articles into a fresh database, asks /who for each expectation,
prints every check with PASS or FAIL, and ends with a key=value line of the totals.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _checks import report  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.ingest import IngestRequest, ingest  # noqa: E402
from handlers.who import who  # noqa: E402
from ingest.manifest import read_manifest  # noqa: E402
from nlp import Analyzer  # noqa: E402
from nlp.model import name_key  # noqa: E402
from store import Store  # noqa: E402


def seeded_context(data_dir: Path, db_path: Path) -> Context:
    manifest = data_dir.parent / "corpus" / "seeds" / "manifest.json"
    if not manifest.exists():
        manifest = ROOT / "examples" / "articles" / "manifest.json"
    ctx = Context(store=Store.open(db_path), analyzer=Analyzer())
    requests = [IngestRequest(str(e.path), outlet=e.outlet, published=e.published) for e in read_manifest(manifest)]
    ingest(ctx, requests)
    return ctx


def same(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def entity_checks(ctx: Context, item: dict) -> list[tuple[str, bool, str]]:
    """(check, passed, what was found) for one expectation of the "entities" section."""
    query = item["query"]
    entity = who(ctx, query).data["entity"]
    if "same_entity_as" in item:
        other = who(ctx, item["same_entity_as"]).data["entity"]
        ok = bool(entity and other and entity["id"] == other["id"])
        found = f"{entity and entity['name']} / {other and other['name']}"
        return [(f"{query} is {item['same_entity_as']}", ok, found)]
    if entity is None:
        return [(f"{query} found", False, "no entity")]
    checks = []
    names = [item["canonical"]] if "canonical" in item else item.get("canonical_any", [])
    if names:
        checks.append((f"{query} canonical", any(same(entity["name"], n) for n in names), entity["name"]))
    if "type" in item:
        checks.append((f"{query} type", entity["type"] == item["type"], entity["type"]))
    for alias in item.get("aliases_all", []):
        ok = any(same(alias, a) for a in entity["aliases"])
        checks.append((f"{query} alias {alias}", ok, ", ".join(entity["aliases"])))
    if "descriptors_any" in item:
        texts = [d["text"].lower() for d in entity["descriptors"]]
        ok = any(want.lower() in text for want in item["descriptors_any"] for text in texts)
        checks.append((f"{query} descriptor", ok, "; ".join(texts) or "none"))
    for outlet in item.get("outlets_all", []):
        checks.append((f"{query} named in {outlet}", outlet in entity["outlets"], ", ".join(entity["outlets"])))
    if "min_statements_by" in item:
        count = len(entity["statements_by"])
        checks.append(
            (
                f"{query} at least {item['min_statements_by']} statements",
                count >= item["min_statements_by"],
                str(count),
            )
        )
    return checks


def never_person(ctx: Context, name: str) -> tuple[str, bool, str]:
    rows = ctx.store.db.execute(
        "SELECT DISTINCT e.name, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.key = ?",
        [name_key(name)],
    ).fetchall()
    ok = all(type_ != "PERSON" for _, type_ in rows)
    return f"{name} is never a person", ok, ", ".join(f"{n} ({t})" for n, t in rows) or "no entity"


def no_possessive(ctx: Context, name: str) -> tuple[str, bool, str]:
    key = name_key(name)
    rows = ctx.store.db.execute(
        "SELECT alias FROM aliases WHERE key = ? UNION SELECT name FROM entities", [key]
    ).fetchall()
    found = [r[0] for r in rows if name_key(r[0]) == key]
    return f"no name “{name}”", not found, ", ".join(found) or "none"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    data_dir = Path(sys.argv[1])
    gold_path = data_dir / "seeds-gold.json"
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found")
        return 0
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ctx = seeded_context(data_dir, Path(folder) / "eval.db")
        sections = {
            "entities": [c for item in gold["entities"] for c in entity_checks(ctx, item)],
            "never_person": [never_person(ctx, n) for n in gold["never_person"]],
            "no_possessive_names": [no_possessive(ctx, n) for n in gold["no_possessive_names"]],
        }
        ctx.store.close()
    total = sum(ok for checks in sections.values() for _, ok, _ in checks)
    count = sum(len(checks) for checks in sections.values())
    print(f"total: {total}/{count} checks passed")
    report(sections, [f"entity_checks_passed={total} entity_checks={count}"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
