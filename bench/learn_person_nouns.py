"""Learns which common nouns describe a person (nlp/data/person_nouns.json) from training text.

Usage: python bench/learn_person_nouns.py DATA_DIR [--polnear N] [--out nlp/data/person_nouns.json]
DATA_DIR is ../shared/eval; skipped when ECB+ is absent. Two kinds of evidence, both from training
splits only (ECB+ train; PolNeAR train when --polnear N > 0, its first N articles in sorted order):

- ECB+ train's gold entity mentions whose head is a common noun ("the actress", "the suspect"):
  each counts for its head's lemma as a person (HUMAN_PART_PER) or as something else (an
  organisation, a place, a vehicle ...);
- the descriptors the bot's own parse finds for PERSON names ("billionaire Elon Musk", "Ian
  Bremmer, founder of Eurasia Group"): each counts for its head's lemma as a person, but only for
  a lemma the parse also finds as the head of a speaker ("the billionaire said"). Descriptors
  alone are noisy: a parse that reads "Reggie Bush (knee)" or "an eight-year contract" as a
  description would make "knee" and "contract" people; a knee never speaks. Nor does a lemma
  count from descriptors when they are under DESCRIBED_SHARE of its uses as a noun: "53 percent
  said" speaks and a parse may read "percent" as a description, but most of its uses are figures.

A lemma is a person noun when it was seen as one (a gold person mention's head, or a counted
description) at least MIN_SEEN times, and those are at least PURITY of all its sightings (the
others: heads of gold mentions that are not people). The resolver (nlp.pronouns) uses the list to see that the sentence
before a pronoun is about an unnamed person ("The spokeswoman said ... She added ...").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _ecbplus import read_split  # noqa: E402

from nlp.components import findings_of  # noqa: E402
from nlp.doctext import parse_input, remember_text  # noqa: E402
from nlp.person_nouns import PERSON_NOUNS_PATH, head_lemma  # noqa: E402
from nlp.pipeline import load_pipeline  # noqa: E402

MIN_SEEN = 2  # a lemma seen once as a person may be a slip of the annotation or the parse
PURITY = 0.75  # of the lemma's sightings (as a person, or as the head of a gold non-person), this share at least
#: Descriptor evidence counts for a lemma only when this share of its uses as a noun are
#: descriptors of a name: "senator", "billionaire" mostly are; "year", "book", "vote" are not.
DESCRIBED_SHARE = 0.05


def _count(nlp, texts: list[str], gold: list[list[dict]], counts: dict[str, Counter]) -> None:
    """Adds each text's evidence to the counters (kind -> lemma -> times seen)."""
    people, others, described, spoke, nouns = (counts[k] for k in ("people", "others", "described", "spoke", "nouns"))
    inputs = (parse_input(nlp, text) for text in texts)
    for text, mentions, doc in zip(texts, gold, nlp.pipe(inputs, batch_size=8), strict=True):
        remember_text(doc, text)
        nouns.update(t.lemma_.lower() for t in doc if t.pos_ == "NOUN")
        for mention in mentions:
            lemma = head_lemma(doc, mention["start"], mention["end"])
            if lemma:
                (people if mention["type"] == "HUMAN_PART_PER" else others)[lemma] += 1
        found = findings_of(doc)
        for _, start, end, _ in found.descriptors:
            lemma = head_lemma(doc, start, end, titles=True)
            if lemma:
                described[lemma] += 1
        for item in found.attributions:
            lemma = head_lemma(doc, *item["speaker_piece"]) if item["speaker_piece"] else None
            if lemma:
                spoke[lemma] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--polnear", type=int, default=0, help="also read this many PolNeAR train articles")
    parser.add_argument("--out", type=Path, default=PERSON_NOUNS_PATH)
    parser.add_argument("--counts", type=Path, help="keep the counts here between runs")
    args = parser.parse_args()
    if not (args.data_dir / "ecbplus").exists():
        print(f"skipped: {args.data_dir / 'ecbplus'} not found")
        return
    docs = read_split(args.data_dir, "train")
    polnear = sorted((args.data_dir / "polnear" / "train" / "text").glob("*.txt"))[: args.polnear]
    if args.counts and args.counts.exists():
        counts = {k: Counter(v) for k, v in json.loads(args.counts.read_text(encoding="utf-8")).items()}
    else:
        nlp = load_pipeline(None)
        counts = {k: Counter() for k in ("people", "others", "described", "spoke", "nouns")}
        _count(nlp, [d["text"] for d in docs], [d["mentions"] for d in docs], counts)
        texts = [path.read_text(encoding="utf-8") for path in polnear]
        _count(nlp, texts, [[] for _ in texts], counts)
        if args.counts:
            args.counts.write_text(json.dumps(counts), encoding="utf-8")
    people, others, described, spoke, used = (counts[k] for k in ("people", "others", "described", "spoke", "nouns"))
    nouns = {}
    for lemma in sorted(set(people) | set(described)):
        share = described[lemma] / max(used[lemma], described[lemma], 1)
        seen = people[lemma] + (described[lemma] if spoke[lemma] and share >= DESCRIBED_SHARE else 0)
        if seen >= MIN_SEEN and seen / (seen + others[lemma]) >= PURITY:
            nouns[lemma] = [people[lemma], described[lemma], spoke[lemma], others[lemma], used[lemma]]
    sources = f"ECB+ train ({len(docs)} documents)" + (f", PolNeAR train ({len(polnear)} articles)" if polnear else "")
    out = {
        "trained_on": (
            f"{sources}; seen as a person >= {MIN_SEEN}, person share >= {PURITY}, "
            f"descriptor share >= {DESCRIBED_SHARE}"
        ),
        "columns": [
            "gold person mentions",
            "descriptors of PERSON names",
            "speaker heads",
            "gold other mentions",
            "uses as a noun",
        ],
        "nouns": nouns,
    }
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(nouns)} person nouns from {sources}; wrote {args.out}")
    print(f"person_nouns={len(nouns)} gold_person_lemmas={len(people)} descriptor_lemmas={len(described)}")


if __name__ == "__main__":
    main()
