"""Whom a pronoun means: "He said" credited to the person the text is about, or to nobody.

The candidates are the article's entities of a fitting kind (a person for he/she, an organisation
for it) named in the pronoun's sentence before it or in the few sentences before that. Each is
scored on plain-string features (how recent, in which role it was last named, whether it was the
main subject of the sentence before, how often it is named) by a logistic model trained on ECB+
train's gold pronoun chains (bench/train_pronouns.py). The best candidate wins when the model is
sure enough; otherwise the pronoun stays unresolved, which the bot shows as such rather than guess.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from domain import LocalEntity, Mention

MODEL_PATH = Path(__file__).resolve().parent / "data" / "pronoun_model.json"
#: What each pronoun can stand for; None: any person or group.
FITS: dict[str, frozenset[str] | None] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "i": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP"}),
    "they": None,
    "we": None,
}
GROUPS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
WINDOW_SENTENCES = 3  # sentences before the pronoun's own that may hold its antecedent
_ROLES = {
    "nsubj": "subject",
    "nsubjpass": "subject",
    "dobj": "object",
    "pobj": "object",
    "dative": "object",
    "attr": "object",
    "poss": "possessor",
    "compound": "modifier",
    "appos": "apposition",
    "conj": "conjunct",
}


@dataclass(frozen=True)
class Antecedent:
    entity: int  # index into Analysis.entities
    mention: int  # its latest mention before the pronoun
    probability: float


def role_of(mention: Mention) -> str:
    """subject, main-subject (of its sentence's main verb), object, possessor, ... or other."""
    dep, _, governor = mention.role.partition("/")
    role = _ROLES.get(dep, "other")
    return "main-subject" if role == "subject" and governor == "ROOT" else role


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def candidate_features(
    pronoun: str, start: int, sentence: int, mentions: Sequence[Mention], entities: Sequence[LocalEntity]
) -> list[tuple[int, int, list[str]]]:
    """(entity, latest mention before the pronoun, features) for every entity it may mean, latest first."""
    fits = FITS.get(pronoun.lower(), GROUPS)
    owner = {m: e for e, entity in enumerate(entities) for m in entity.mentions}
    latest: dict[int, int] = {}
    counts: dict[int, int] = {}
    main_subjects: dict[int, set[int]] = {}  # sentence → entities that are its main subject
    for index, mention in enumerate(mentions):
        if mention.start >= start or index not in owner:
            continue
        entity = owner[index]
        label = entities[entity].label
        if (fits is not None and label not in fits) or label not in GROUPS:
            continue
        counts[entity] = counts.get(entity, 0) + 1
        if sentence - mention.sentence <= WINDOW_SENTENCES:
            latest[entity] = index
            if role_of(mention) == "main-subject":
                main_subjects.setdefault(mention.sentence, set()).add(entity)
    ranked = sorted(latest, key=lambda e: -mentions[latest[e]].start)
    found = []
    for rank, entity in enumerate(ranked, start=1):
        mention = mentions[latest[entity]]
        distance = sentence - mention.sentence
        names = [
            f"distance={_bucket(distance, (0, 1, 2))}",
            f"rank={_bucket(rank, (1, 2, 3))}",
            f"role={role_of(mention)}",
            f"count={_bucket(counts[entity], (1, 3))}",
            f"label={entities[entity].label}|pronoun={pronoun.lower()}",
        ]
        if entity in main_subjects.get(sentence, ()):
            names.append("main_subject_here")
        if entity in main_subjects.get(sentence - 1, ()):
            names.append("main_subject_before")
        if entities[entity].maybe_person:
            names.append("maybe_person")
        found.append((entity, latest[entity], names))
    return found


def load_model(path: Path = MODEL_PATH) -> dict:
    return _load(str(path))


@functools.lru_cache(maxsize=2)
def _load(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def probability(model: dict, names: Sequence[str]) -> float:
    score = model.get("bias", 0.0) + sum(model["weights"].get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def meant_by(
    pronoun: str,
    start: int,
    sentence: int,
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
    model: dict | None = None,
) -> Antecedent | None:
    """The entity the pronoun most likely means, or None when no candidate is likely enough."""
    model = model or load_model()
    best: Antecedent | None = None
    for entity, mention, names in candidate_features(pronoun, start, sentence, mentions, entities):
        p = probability(model, names)
        if best is None or p > best.probability:
            best = Antecedent(entity, mention, p)
    return best if best is not None and best.probability >= model["threshold"] else None
