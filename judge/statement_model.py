"""How one statement stands toward a claim, learned from data: supports, reports, disputes, or not
about it at all.

The hand rules of ``judge.cues`` called a statement "supports" whenever it carried half of the
claim's words and no hedge; on FNC-1 most of those were stories only repeating the claim. This
model reads the same cues (the rules' own reading, the speech verb, who speaks, hedges, doubts,
denials, negation, the statement's words) and learns what they mean from FNC-1 train, each body's
label given to its statements that carry the claim (bench/train_stance.py). A statement counts as
supporting or disputing only when the model is sure enough; the two thresholds are chosen by
grouped cross-validation on training data and travel with the weights.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from judge.article_model import CLAIM_HEDGE, CONFIRMING, REFUTING, WORD, probabilities
from judge.article_model import load_model as load_json_model
from judge.cues import DENIAL_TEXT, DOUBT_TEXT, HEDGE, NEGATION

MODEL_PATH = Path(__file__).resolve().parent / "data" / "statement_model.json"
LABELS = ("unrelated", "supports", "disputes", "reports")
_CUES = (
    ("denial", DENIAL_TEXT),
    ("doubt", DOUBT_TEXT),
    ("hedge", HEDGE),
    ("refuting", REFUTING),
    ("confirming", CONFIRMING),
    ("negation", NEGATION),
)


@dataclass(frozen=True)
class StatementCall:
    label: str  # one of LABELS
    confidence: float  # the model's probability for it


def statement_features(
    claim: str,
    text: str,
    relevance: float,
    rule: str,
    kind: str,
    speaker_type: str | None = None,
    cue: str | None = None,
    cue_lemma: str | None = None,
) -> list[str]:
    """What the model sees of one statement judged against one claim. ``rule`` is the hand rules'
    reading (``judge.cues.stance_of``), ``relevance`` the weighted share of the claim it carries."""
    found = [
        "bias",
        f"relevance={min(1.0, int(relevance * 10) / 10):.1f}",
        f"rule={rule}",
        f"kind={kind}",
        f"speaker={speaker_type or 'none'}",
        f"cue={(cue_lemma or '-').lower()}",
    ]
    found += [f"has_{name}" for name, pattern in _CUES if pattern.search(text)]
    if cue and NEGATION.search(cue):
        found.append("negated_cue")
    if "?" in text:
        found.append("question")
    # What a hedge or a denial in the claim itself does to the reading of the statement.
    claim_cues = _claim_cues(claim)
    found += claim_cues
    own = [name for name in found if name.startswith(("has_", "kind=", "cue="))]
    found += [f"{a}&{b}" for a in claim_cues for b in own]
    found += sorted({f"w={w.lower()}" for w in WORD.findall(text) if w[0].isalpha() and len(w) > 2})
    return found


@functools.lru_cache(maxsize=256)
def _claim_cues(claim: str) -> tuple[str, ...]:
    """The claim's hedges and refuting words, the same for every statement judged against it."""
    cues = [f"claim_hedge={m.group(0).lower()}" for m in CLAIM_HEDGE.finditer(claim)] or ["claim_hedge=none"]
    cues += [f"claim_refute={m.group(0).lower()}" for m in REFUTING.finditer(claim)] or ["claim_refute=none"]
    return tuple(sorted(set(cues)))


def load_model(path: Path = MODEL_PATH) -> dict:
    return load_json_model(path)


def statement_call(model: dict, names: list[str]) -> StatementCall:
    """The model's reading: disputes or supports only above the model's thresholds (a statement that
    is neither is reporting the claim, or not about it when that is likelier)."""
    chances = dict(zip(model["labels"], probabilities(model, names), strict=True))
    return decide(chances, model.get("supports_at", 0.5), model.get("disputes_at", 0.5))


def decide(chances: dict[str, float], supports_at: float, disputes_at: float) -> StatementCall:
    if chances["disputes"] >= disputes_at and chances["disputes"] >= chances["supports"]:
        return StatementCall("disputes", chances["disputes"])
    if chances["supports"] >= supports_at:
        return StatementCall("supports", chances["supports"])
    if chances["unrelated"] > max(chances["reports"], chances["supports"], chances["disputes"]):
        return StatementCall("unrelated", chances["unrelated"])
    return StatementCall("reports", chances["reports"])
