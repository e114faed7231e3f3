"""Lists a store's cross-article joins by reason, with seeded random samples of each, for a person to read.

Usage: python bench/audit_entities.py DB [--sample 10] [--seed 1]
Reads the joins the linker logged (entity_links: the name, the entity it joined, why), groups
them by the kind of name relation, and prints how many of each with a random sample (the same
sample for the same seed). It also lists every join of two several-word names that share no word
(compared through their spelling skeletons) and are not a true acronym: the kind of join that
should never happen. The pair is the alias and the stored name its reason says it joined.
Ends with one key=value line.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain import acronym_key, name_key, skeleton  # noqa: E402
from nlp.linker.states import STATE_REASON  # noqa: E402
from nlp.names import without_legal_form  # noqa: E402

LEGAL_FORM = "without its legal form"
STATE = STATE_REASON  # "N.C. names the state": a state's abbreviation after a place took its name


def kind_of(reason: str) -> str:
    """The relation named at the start of a logged reason ("surname of X; ..." → "surname")."""
    if reason.endswith(LEGAL_FORM):  # "Cisco Systems Inc. without its legal form"
        return LEGAL_FORM
    if reason.endswith(STATE):
        return STATE
    head = re.split(r" of | as |;|\(", reason, maxsplit=1)[0].strip()
    return head or reason


def joined_name(reason: str) -> str | None:
    """The stored name a logged reason says the alias was joined to ("surname of X; ..." → "X")."""
    found = re.match(r"(?:[^;(]*? of (?:the name )?|same (?:sur)?name as )(.+?)(?:;| \(p=|$)", reason)
    return found.group(1).strip() if found else None


def _words(name: str) -> tuple[int, set[str]]:
    """How many words the name has, and their skeletons: a hyphenated word both whole and in its
    parts (al-Dulaimi / Dulaimi, Abdul-Rahman / Abdulrahman). A legal form is no word of the name,
    as the linker reads it: "KFC Corporation" is the acronym KFC."""
    words = name_key(without_legal_form(name) or name).split()
    forms = {w.replace("-", "") for w in words} | {part for w in words for part in w.split("-")}
    return len(words), {skeleton(f) for f in forms if f}


def disjoint_full_names(alias: str, names: list[str]) -> bool:
    """Two several-word names that share no word, even spelled otherwise (Gaddafi / Gadhafi share one);
    a hyphenated word shares its parts."""
    count, words = _words(alias)
    if count < 2 or acronym_key(alias):
        return False
    for name in names:
        their_count, theirs = _words(name)
        if their_count >= 2 and not words & theirs:
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no database at {args.db}")
        return 2
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = db.execute(
        """SELECT l.entity_id, e.name, l.alias, l.reason, l.article_id FROM entity_links l
           JOIN entities e ON e.id = l.entity_id WHERE l.article_id IS NOT NULL
             AND l.reason NOT LIKE '%in the same article%' ORDER BY l.id"""
    ).fetchall()
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[kind_of(row[3])].append(row)
    rng = random.Random(args.seed)
    print(f"{len(rows)} cross-article joins in {args.db}")
    for kind, joins in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        print(f"\n== {kind}: {len(joins)}")
        for entity_id, name, alias, reason, article_id in rng.sample(joins, min(args.sample, len(joins))):
            print(f"  #{entity_id} {name!r} <- {alias!r} (article {article_id}): {reason}")
    disjoint = [r for r in rows if disjoint_full_names(r[2], [joined_name(r[3]) or r[1]])]
    print(f"\n== several-word names joined sharing no word (not an acronym): {len(disjoint)}")
    for entity_id, name, alias, reason, _ in disjoint[:50]:
        print(f"  #{entity_id} {name!r} <- {alias!r}: {reason}")
    kinds = " ".join(f"joins_{re.sub(r'[^a-z]+', '_', k.lower()).strip('_')}={len(v)}" for k, v in by_kind.items())
    print(f"joins={len(rows)} disjoint_full_name_joins={len(disjoint)} {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
