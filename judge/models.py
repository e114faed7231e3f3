"""The learned parts of the judgement and the cuts chosen for them, loaded together.

Two softmax models trained on FNC-1 train (bench/train_stance.py): the whole-article reading
(``article_model.json``) and the reading of one sentence in the outlet's own voice
(``statement_model.json``). The cuts (``verdict_cuts.json``) say how sure a reading must be to be
listed and to count: chosen on held-out folds of FNC-1 train that share neither headlines nor
bodies (bench/train_verdict.py), never on the data the figures are reported on.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from judge import article_model, statement_model
from judge.statements import CORE

CUTS_PATH = Path(__file__).resolve().parent / "data" / "verdict_cuts.json"


@dataclass(frozen=True)
class Cuts:
    """How sure a reading must be. Probabilities of the whole-article model: ``related`` is
    1 - P(unrelated), the others are shares of the related mass (P(supports) / related). Shares of
    the claim a statement must carry to take a side: ``statement_sides`` for the outlet's own
    sentence, ``quoted_sides`` for what a source says, by the wording rule that read it (a rule
    not listed takes a side at ``CORE``, as written); ``statement_related``, the share that makes
    an article about the claim; ``backed_supports``, how far the whole-article reading must lean to
    support for a source it quotes to support."""

    related: float = 0.7  # an article below it is not about the claim: not listed, never counted
    supports: float = 0.6  # an article supports the claim at or above it
    disputes: float = 0.3  # an article disputes the claim at or above it (checked first)
    statement_sides: float = 0.35  # share of the claim the outlet's own sentence must carry to take a side
    quoted_sides: dict[str, float] = field(default_factory=dict)  # wording rule → share a source's words must carry
    # An article with a statement carrying at least this share of the claim is about it whatever the
    # whole-article reading says: a claim about one detail of a long story is carried by one sentence,
    # which the reading of the whole weighs little. Above 1: never (no statement carries more).
    statement_related: float = 1.01
    # What a source says supports the claim only when the article quoting it, read whole, gives
    # support at least this share of its related mass (0: always). A source stating the claim inside
    # a story that only discusses it is what the story reports, not what it vouches for.
    backed_supports: float = 0.0

    def quoted_cut(self, rule: str) -> float:
        return self.quoted_sides.get(rule, CORE)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Cuts:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        return cls(
            **{k: float(v) for k, v in values.items() if k != "quoted_sides"},
            quoted_sides={str(k): float(v) for k, v in values.get("quoted_sides", {}).items()},
        )


@dataclass(frozen=True)
class Models:
    """Everything learned that the judgement uses; the evaluation passes each fold's own."""

    article: dict
    statement: dict
    cuts: Cuts


def load_cuts(path: Path = CUTS_PATH) -> Cuts:
    """The shipped cuts; the defaults when the file is missing (a fresh training run)."""
    if not path.exists():
        return Cuts()
    return Cuts.from_json(json.loads(path.read_text(encoding="utf-8")).get("cuts", {}))


@functools.cache
def shipped_models() -> Models:
    """The models and cuts that ship in judge/data, loaded once per process."""
    return Models(article_model.load_model(), statement_model.load_model(), load_cuts())
