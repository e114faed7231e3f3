"""Scores the entity sections of seeds-gold.json through the real ingest and /who.

Usage: python bench/eval_entities.py DATA_DIR   (DATA_DIR is ../shared/eval; skipped when absent)
Ingests the three sample articles into a fresh database, asks /who for each expectation,
prints every check with PASS or FAIL, and ends with a key=value line of the totals.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _checks import run_gold  # noqa: E402

from domain import name_key  # noqa: E402
from handlers import Context  # noqa: E402
from handlers.who import who  # noqa: E402


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


def sections_of(ctx: Context, gold: dict) -> dict[str, list[tuple[str, bool, str]]]:
    return {
        "entities": [c for item in gold["entities"] for c in entity_checks(ctx, item)],
        "never_person": [never_person(ctx, n) for n in gold["never_person"]],
        "no_possessive_names": [no_possessive(ctx, n) for n in gold["no_possessive_names"]],
    }


if __name__ == "__main__":
    sys.exit(run_gold(__doc__, sections_of))
