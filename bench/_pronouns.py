"""Pronoun instances from ECB+ gold chains, for training and scoring nlp.pronouns.

An instance is a gold subject pronoun (he, she, it, they, we, I) linked to a gold chain (not a
singleton) with an earlier mention; the document is analysed by the bot's own pipeline. An entity
of the analysis is right for the pronoun when one of its mentions before the pronoun overlaps a gold
mention of the pronoun's cluster; so is an unnamed person of the analysis ("the actress") whose
span overlaps one (a training label only: the bot leaves a pronoun meaning such a person
unresolved). An instance none of whose candidates is right is still counted (recall is over
every instance whose cluster the analysis found before the pronoun).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from domain import Analysis
from nlp.pronouns import FITS, candidate_features


@dataclass
class Instance:
    doc: str
    topic: int
    pronoun: str
    start: int
    sentence: int
    right: set[int]  # entities of the analysis the gold chain names before the pronoun
    candidates: list[tuple[int, int, list[str]]]
    old_rule: int | None  # what the attribution code chose before the model: the nearest fitting speaker
    right_unnamed: set[int]  # candidates -1 - i: unnamed people of the analysis in the gold chain
    nearest: int | None  # the fitting entity named last before the pronoun (a reference)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


OLD_RULE_LABEL = {"he": "PERSON", "she": "PERSON", "i": "PERSON", "it": "ORG", "they": None, "we": None}


def instances(doc: dict, analysis: Analysis) -> list[Instance]:
    owner = {m: e for e, entity in enumerate(analysis.entities) for m in entity.mentions}
    starts = [s.start for s in analysis.sentences]
    found = []
    for gold in doc["mentions"]:
        pronoun = gold["text"].lower()
        if pronoun not in FITS or gold["cluster_kind"] == "single":
            continue
        chain = [
            (g["start"], g["end"])
            for g in doc["mentions"]
            if g["cluster"] == gold["cluster"] and g["end"] <= gold["start"]
        ]
        if not chain:
            continue
        right = {
            owner[i]
            for i, m in enumerate(analysis.mentions)
            if i in owner and m.end <= gold["start"] and any(_overlaps((m.start, m.end), c) for c in chain)
        }
        sentence = max(0, bisect.bisect_right(starts, gold["start"]) - 1)
        speakers = [
            owner[a.speaker_mention]
            for a in analysis.attributions
            if a.speaker_type == "named"
            and a.speaker_mention is not None
            and a.speaker_mention in owner
            and a.source is not None
            and a.source[1] <= gold["start"]
        ]
        wanted = OLD_RULE_LABEL[pronoun]
        old_rule = next((e for e in reversed(speakers) if wanted is None or analysis.entities[e].label == wanted), None)
        candidates = candidate_features(
            pronoun,
            gold["start"],
            sentence,
            analysis.mentions,
            analysis.entities,
            analysis.unnamed,
        )
        right_unnamed = {
            -1 - i
            for i, u in enumerate(analysis.unnamed)
            if u.end <= gold["start"] and any(_overlaps((u.start, u.end), c) for c in chain)
        }
        named = [(analysis.mentions[m].start, e) for e, m, _ in candidates if e >= 0]
        nearest = max(named)[1] if named else None
        found.append(
            Instance(
                doc["doc"],
                doc["topic"],
                pronoun,
                gold["start"],
                sentence,
                right,
                candidates,
                old_rule,
                right_unnamed,
                nearest,
            )
        )
    return found


def prf(choices: list[int | None], cases: list[Instance]) -> tuple[float, float, float, int, int]:
    """Precision over the resolved, recall over every case whose chain the analysis found."""
    resolvable = [i for i, case in enumerate(cases) if case.right]
    resolved = [i for i, choice in enumerate(choices) if choice is not None]
    correct = sum(1 for i in resolved if choices[i] in cases[i].right)
    p = correct / len(resolved) if resolved else 0.0
    r = correct / len(resolvable) if resolvable else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), len(resolved), len(resolvable)
