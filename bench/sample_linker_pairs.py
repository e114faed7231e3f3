"""Samples pairs of names in two FNC-1 training bodies that the linker would consider joining, by reason.

Usage: python bench/sample_linker_pairs.py DATA_DIR --db STORE [--per-reason 80] [--acronyms 80]
                                           [--within 0] [--seed 40] [--out bench/data/linker_pairs.jsonl]

STORE holds the 1,683 training bodies, ingested through the project's path (bench/_fnc.open_bodies
builds it when absent). Each body's names are its mentions grouped by stored entity; two names in
bodies of different stories that fall in the same split (bench/_linker_pairs: stories and splits)
are a candidate when the linker's own name relation (nlp.linker.names.relation_to, with its type rule)
gives one of the five reasons. The "new" side is drawn uniformly over every name of every body, as
the linker meets them one article at a time, and its partner uniformly among its candidates of that
reason; a name key is used at most three times per reason, so a few frequent names do not fill the
sample. ``--within`` also samples that many pairs per reason inside one story. New rows are written
unlabelled (label null), rows already in the file keep their labels; labels are added by hand
(bench/read_linker_pairs.py). Fixed seed: the same store gives the same sample.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _linker_pairs import PAIRS_FILE, REASONS, LabelledPair, Span, assign_splits, move_span, read_bodies, stories  # noqa: E402

from domain import KnownEntity, LocalEntity, acronym_key, initials, name_key, name_words  # noqa: E402
from nlp.linker.names import NEVER, SAME_NAMES, SHORT_FORMS, may_be_short_form, relation_to  # noqa: E402

RELATION_REASON = {relation: reason for reason, relation in REASONS.items()}
MAX_PER_NAME = 3


@dataclass
class Name:
    """One entity as one body names it: its forms there and their mentions (body offsets)."""

    body_id: str
    story: str
    split: str
    label: str
    forms: dict[str, list[tuple[int, int]]]  # mention text → its (start, end) in the body

    @property
    def name(self) -> str:
        return max(self.forms, key=lambda f: (len(f.split()), len(f), f))

    def local(self) -> LocalEntity:
        return LocalEntity(name=self.name, label=self.label, aliases=sorted(self.forms), mentions=[])

    def known(self) -> KnownEntity:
        return KnownEntity(id=0, name=self.name, type=self.label, aliases=tuple(sorted(self.forms)))

    def keys(self) -> set[str]:
        """What finds, and is found by, another name: keys, acronyms, initials, last words."""
        found = set()
        for form in self.forms:
            key = name_key(form)
            found |= {key, acronym_key(form), initials(form)}
            if " " in key:
                found.add(name_words(key)[-1])
        return found - {""}


def types_agree(ours: Name, theirs: Name, relation: str) -> bool:
    """nlp.linker.names.types_agree: people and other things join only by one name."""
    if relation in SAME_NAMES or ours.label == theirs.label:
        return True
    if relation in SHORT_FORMS:
        return may_be_short_form(ours.label, theirs.label)
    return "PERSON" not in (ours.label, theirs.label)


def reason_of(ours: Name, theirs: Name) -> str | None:
    relation = relation_to(ours.local(), theirs.known())
    if relation in NEVER or not types_agree(ours, theirs, relation):
        return None
    return RELATION_REASON.get(relation)


def witness(name: Name, other: Name, reason: str) -> str:
    """The form of ``name`` that makes the relation (the acronym, the lone word, the full name)."""
    other_keys = {name_key(f) for f in other.forms}
    other_words = {w for f in other.forms for w in name_key(f).split()}
    other_acronyms = {acronym_key(f) for f in other.forms} - {""}
    other_initials = {initials(f) for f in other.forms} - {""}

    def score(form: str) -> tuple:
        key = name_key(form)
        hits = (
            key in other_keys,
            bool(acronym_key(form)) and acronym_key(form) in other_initials,
            bool(initials(form)) and initials(form) in other_acronyms,
            " " in key and name_words(key)[-1] in other_keys,
            " " not in key and key in other_words,
        )
        wanted = {"same_name": (0,), "same_one_word": (0,), "acronym": (1, 2), "surname": (3, 4), "head_word": (3, 4)}
        return (any(hits[i] for i in wanted[reason]), len(name.forms[form]), form)

    return max(name.forms, key=score)


def read_names(db_path: Path, bodies: dict[str, str], story: dict[str, str]) -> list[Name]:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    articles = {
        article: (source.removeprefix("fnc1-body-"), text)
        for article, source, text in db.execute("SELECT id, source, text FROM articles WHERE source LIKE 'fnc1-body-%'")
    }
    split = assign_splits(story)
    grouped: dict[tuple[int, int], list[tuple[int, int, str, str]]] = defaultdict(list)
    for article, entity, start, end, text, label in db.execute(
        'SELECT article_id, entity_id, start, "end", text, label FROM mentions ORDER BY article_id, start'
    ):
        grouped[article, entity].append((start, end, text, label))
    names = []
    for (article, _entity), mentions in sorted(grouped.items()):
        if article not in articles:
            continue
        body_id, stored = articles[article]
        forms: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end, text, _label in mentions:
            moved = move_span(stored, bodies[body_id], start, end)
            if moved is not None and bodies[body_id][moved[0] : moved[1]] == text:
                forms[text].append(moved)
        if forms:
            label = Counter(m[3] for m in mentions).most_common(1)[0][0]
            names.append(Name(body_id, story[body_id], split[story[body_id]], label, dict(forms)))
    return names


def sample(names: list[Name], reason: str, count: int, within: bool, rng: random.Random, used: Counter) -> list:
    index: dict[str, list[int]] = defaultdict(list)
    for number, name in enumerate(names):
        for key in name.keys():
            index[key].append(number)
    order = list(range(len(names)))
    rng.shuffle(order)
    found = []
    for number in order:
        ours = names[number]
        partners = sorted({p for key in ours.keys() for p in index[key]})
        rng.shuffle(partners)
        for partner in partners:
            theirs = names[partner]
            same_story = theirs.story == ours.story
            if theirs.body_id == ours.body_id or same_story != within:
                continue
            if theirs.split != ours.split or reason_of(ours, theirs) != reason:
                continue
            a, b = witness(ours, theirs, reason), witness(theirs, ours, reason)
            if used[reason, name_key(a)] >= MAX_PER_NAME or used[reason, name_key(b)] >= MAX_PER_NAME:
                continue
            used[reason, name_key(a)] += 1
            used[reason, name_key(b)] += 1
            found.append((ours, a, theirs, b))
            break
        if len(found) >= count:
            break
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--per-reason", type=int, default=80)
    parser.add_argument("--acronyms", type=int, default=80)
    parser.add_argument("--within", type=int, default=0)
    parser.add_argument("--seed", type=int, default=40)
    parser.add_argument("--out", type=Path, default=PAIRS_FILE)
    args = parser.parse_args()
    if not (args.data_dir / "train_bodies.csv").exists():
        print(f"no FNC-1 data in {args.data_dir}: skipped")
        return 0
    if not args.db.exists():
        from _fnc import open_bodies

        open_bodies(args.data_dir, args.db)[0].store.close()
    bodies, story = read_bodies(args.data_dir), stories(args.data_dir)
    names = read_names(args.db, bodies, story)
    print(f"{len(names)} names in {len({n.body_id for n in names})} bodies, {len(set(story.values()))} stories")
    rows = []
    for within, per_reason in ((False, None), (True, args.within)):
        used: Counter = Counter()
        for reason in REASONS:
            count = per_reason if per_reason is not None else args.acronyms if reason == "acronym" else args.per_reason
            if not count:
                continue
            rng = random.Random(f"{args.seed}:{reason}:{within}")
            found = sample(names, reason, count, within, rng, used)
            print(f"{'within' if within else 'across'} stories, {reason}: {len(found)}")
            for ours, a, theirs, b in found:
                first_a, first_b = ours.forms[a][0], theirs.forms[b][0]
                rows.append(
                    LabelledPair(
                        reason,
                        Span.of(ours.body_id, *first_a, bodies),
                        Span.of(theirs.body_id, *first_b, bodies),
                        None,
                        ours.split,
                        within,
                    )
                )
    from _linker_pairs import read_rows, write_rows

    if args.out.exists():  # a sample drawn again keeps the labels already read
        read = {(p.reason, p.a, p.b, p.within_story): p.label for p in read_rows(args.out)}
        rows = [replace(p, label=read.get((p.reason, p.a, p.b, p.within_story))) for p in rows]
    write_rows(args.out, rows)
    splits = Counter(r.split for r in rows)
    print(f"pairs={len(rows)} " + " ".join(f"{s}={splits[s]}" for s in ("train", "tune", "report")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
