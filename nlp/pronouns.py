"""Whom a pronoun means: "He said" credited to the person the text is about, or to nobody.

The candidates are the article's entities of a fitting kind (a person for he/she, an organisation
for it) named in the pronoun's sentence before it or in the few sentences before that, and the
people it describes there without a name ("the spokeswoman", "The billionaire's talks"; see
nlp.person_nouns). Each is scored on plain-string features (how recent, its rank with the latest
sentence first and within a sentence its topic first, in which role it was last named, whether it
was the main subject of the sentence before, how often it is named) by a logistic model trained on
ECB+ train's gold pronoun chains (bench/train_pronouns.py). The best candidate wins when the model
is sure enough and has a name; otherwise the pronoun stays unresolved, which the bot shows as such
rather than guess.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from domain import LocalEntity, Mention, UnnamedPerson

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
#: Which unnamed people ("the spokeswoman", "the suspects") the pronoun may mean: one person for
#: he and she, several for they; none for it, we or I.
PLURAL: dict[str, bool] = {"he": False, "she": False, "they": True}
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
    entity: int  # index into Analysis.entities (never an unnamed person: those leave it unresolved)
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


def _unnamed_fits(pronoun: str, person: UnnamedPerson) -> bool:
    plural = PLURAL.get(pronoun.lower())
    return plural is not None and person.plural == plural


def _salience(role: str, topic: bool) -> int:
    """Within one sentence, who a reader takes up first: its topic (main subject or the main
    subject's possessor), then any subject, then the rest (centering's ranking by role)."""
    if topic or role == "main-subject":
        return 0
    return 1 if role == "subject" else 2


def candidate_features(
    pronoun: str,
    start: int,
    sentence: int,
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
    unnamed: Sequence[UnnamedPerson] = (),
) -> list[tuple[int, int, list[str]]]:
    """(candidate, latest mention before the pronoun, features) for everyone the pronoun may mean,
    the likeliest first by recency (the latest sentence first, within a sentence its topic first).

    Args:
        pronoun: the pronoun as written ("He").
        start: its character offset.
        sentence: the index of its sentence.
        mentions, entities: the analysis's mentions and the entities grouping them.
        unnamed: the analysis's people described but not named (Analysis.unnamed); each that fits
            is a candidate too, numbered ``-1 - i`` for ``unnamed[i]`` with mention -1.

    Returns:
        One (entity index or ``-1 - i``, mention index or -1, feature names) for each candidate.
    """
    fits = FITS.get(pronoun.lower(), GROUPS)
    owner = {m: e for e, entity in enumerate(entities) for m in entity.mentions}
    latest: dict[int, int] = {}
    counts: dict[int, int] = {}
    main_subjects: dict[int, set[int]] = {}  # sentence → candidates that are its main subject
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
    # (candidate, mention, start, sentence, role, topic)
    pool = [(e, m, mentions[m].start, mentions[m].sentence, role_of(mentions[m]), False) for e, m in latest.items()]
    for i, person in enumerate(unnamed):
        if (
            person.end <= start
            and 0 <= sentence - person.sentence <= WINDOW_SENTENCES
            and _unnamed_fits(pronoun, person)
        ):
            role = role_of(Mention("", person.start, person.end, "PERSON", person.sentence, person.role))
            pool.append((-1 - i, -1, person.start, person.sentence, role, person.topic))
            if person.topic:
                main_subjects.setdefault(person.sentence, set()).add(-1 - i)
    pool.sort(key=lambda c: (-c[3], _salience(c[4], c[5]), -c[2]))
    found = []
    for rank, (candidate, mention, _, said, role, topic) in enumerate(pool, start=1):
        names = [
            f"distance={_bucket(sentence - said, (0, 1, 2))}",
            f"rank={_bucket(rank, (1, 2, 3))}",
            f"role={role}",
        ]
        if candidate >= 0:
            names += [
                f"count={_bucket(counts[candidate], (1, 3))}",
                f"label={entities[candidate].label}|pronoun={pronoun.lower()}",
            ]
            if entities[candidate].maybe_person:
                names.append("maybe_person")
        else:
            names += [f"label=UNNAMED|pronoun={pronoun.lower()}"] + (["topic"] if topic else [])
        if candidate in main_subjects.get(sentence, ()):
            names.append("main_subject_here")
        if candidate in main_subjects.get(sentence - 1, ()):
            names.append("main_subject_before")
        found.append((candidate, mention, names))
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
    unnamed: Sequence[UnnamedPerson] = (),
) -> Antecedent | None:
    """The entity the pronoun most likely means, or None when no candidate is likely enough (an
    unnamed person before it, "the spokeswoman", is one reason: the bot then names nobody)."""
    model = model or load_model()
    best: Antecedent | None = None
    for entity, mention, names in candidate_features(pronoun, start, sentence, mentions, entities, unnamed):
        p = probability(model, names)
        if best is None or p > best.probability:
            best = Antecedent(entity, mention, p)
    if best is None or best.entity < 0 or best.probability < model["threshold"]:
        return None  # nobody likely enough, or a person the article does not name here
    return best
