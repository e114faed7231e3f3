"""Scores the attributions, compare and digest_after_all_three sections of seeds-gold.json through
the real ingest, the stored attributions, /compare and the digest.

Usage: python bench/eval_seeds.py DATA_DIR   (DATA_DIR is ../shared/eval; skipped when absent)
Prints every check with PASS or FAIL and ends with a key=value line of the totals.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _checks import run_gold  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.compare import compare  # noqa: E402
from handlers.digest import digest  # noqa: E402


def _has(value: str | None, wanted: str) -> bool:
    return bool(value) and wanted.lower() in value.lower()


def attribution_check(ctx: Context, item: dict) -> tuple[str, bool, str]:
    rows = ctx.store.db.execute(
        """SELECT COALESCE(e.name, t.speaker), t.speaker_type, t.cue, t.kind, s.text, t.source_text
           FROM attributions t JOIN statements s ON s.attribution_id = t.id
           JOIN articles a ON a.id = t.article_id JOIN outlets o ON o.id = a.outlet_id
           LEFT JOIN entities e ON e.id = t.speaker_entity_id WHERE o.name = ?""",
        [item["outlet"]],
    ).fetchall()
    candidates = [r for r in rows if _has(r[4], item["content_contains"])]
    name = f"{item['outlet']}: “{item['content_contains']}”"

    def fits(row: tuple) -> bool:
        speaker, speaker_type, cue, kind, _, source = row
        if "speaker" in item and not _has(speaker, item["speaker"]):
            return False
        if "speaker_any" in item and not any(_has(speaker, s) for s in item["speaker_any"]):
            return False
        if "speaker_contains" in item and not (
            _has(speaker, item["speaker_contains"]) or _has(source, item["speaker_contains"])
        ):
            return False
        if item.get("speaker_anonymous") and speaker_type != "anonymous":
            return False
        if "cue_any" in item and not any(_has(cue, c) for c in item["cue_any"]):
            return False
        return not ("kind" in item and kind != item["kind"])

    found = "; ".join(f"{r[0]} [{r[1]}] {r[2]} ({r[3]})" for r in candidates) or "no attribution with that content"
    return name, any(fits(r) for r in candidates), found


def compare_checks(ctx: Context, item: dict) -> list[tuple[str, bool, str]]:
    data = compare(ctx, item["claim"]).data
    claim = item["claim"][:40] + "…"
    by_stance: dict[str, list[str]] = {}
    for statement in data["statements"]:
        by_stance.setdefault(statement["stance"], []).append(statement["speaker"] or "")
    outlets = {a["outlet"] for a in data["articles"]}
    checks = []
    if "verdict" in item:
        checks.append((f"{claim} verdict", data["verdict"] == item["verdict"], data["verdict"]))
    for stance in ("supports", "disputes", "unverified"):
        speakers = by_stance.get(stance, [])
        if f"{stance}_any_speaker" in item:
            ok = any(_has(s, w) for w in item[f"{stance}_any_speaker"] for s in speakers)
            checks.append((f"{claim} {stance} any of {item[f'{stance}_any_speaker']}", ok, ", ".join(speakers)))
        if f"{stance}_all_speaker" in item:
            ok = all(any(_has(s, w) for s in speakers) for w in item[f"{stance}_all_speaker"])
            checks.append((f"{claim} {stance} all of {item[f'{stance}_all_speaker']}", ok, ", ".join(speakers)))
    for outlet in item.get("outlets_all", []):
        checks.append((f"{claim} covers {outlet}", outlet in outlets, ", ".join(sorted(outlets))))
    if "original_report" in item:
        ok = _has(data["original_report"], item["original_report"])
        checks.append((f"{claim} original report", ok, str(data["original_report"])))
    if "number_variants_all" in item:
        variants = {v["text"].lower() for d in data["numbers"] for v in d["variants"]}
        ok = all(w.lower() in variants for w in item["number_variants_all"])
        checks.append((f"{claim} numbers {item['number_variants_all']}", ok, ", ".join(sorted(variants))))
    return checks


def digest_checks(ctx: Context, gold: dict) -> list[tuple[str, bool, str]]:
    first = digest(ctx, "eval:desk", mark_sent=True).data
    names = [e["name"] for e in first["new_entities"]]
    checks = [(f"new entity {name}", name in names, ", ".join(names[:12])) for name in gold["new_entities_all"]]
    count = len(first["disputed_claims"])
    checks.append(
        (f"at least {gold['disputed_claims_min']} disputed claims", count >= gold["disputed_claims_min"], str(count))
    )
    second = digest(ctx, "eval:desk")
    checks.append(("second digest has nothing new", not second.data["articles"], second.title))
    return checks


def sections_of(ctx: Context, gold: dict) -> dict[str, list[tuple[str, bool, str]]]:
    return {
        "attributions": [attribution_check(ctx, item) for item in gold["attributions"]],
        "compare": [c for item in gold["compare"] for c in compare_checks(ctx, item)],
        "digest_after_all_three": digest_checks(ctx, gold["digest_after_all_three"]),
    }


if __name__ == "__main__":
    sys.exit(run_gold(__doc__, sections_of))
