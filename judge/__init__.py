"""Judging claims: the decision the bot exists for, in one package with one entry point.

``judge_claim(evidence, models) -> Judgement``: given a claim's reading and the candidate evidence
the store gave (plain data), which statements and articles support the claim, dispute it or only
report it, how sure each reading is, and the verdict. ``/compare``, ``/story``, ``/watch`` and
the digest's disputed claims all come here (through ``handlers.compare.compare_claim``).

Every threshold, word list and weight the decision uses lives in this package: the wording cues
(``cues``), the statement readings and their floors (``statements``), the two learned models
(``article_model``, ``statement_model``, weights in ``data/``), the cuts chosen on held-out folds
(``models.Cuts``, ``data/verdict_cuts.json``) and the verdict (``verdict``).

What does not belong here: reading the store or chat (the handler hands the evidence over as
plain data, and the answer is rendered by ``handlers.compare_reply``), SQL, and any chat,
scheduling or drawing library. It imports ``nlp`` for reading text and only the row types of
``store`` (``store.records``).
"""

from judge.calls import Call
from judge.judging import CandidateArticle, Evidence, Judgement, judge_claim
from judge.models import Cuts, Models, shipped_models
from judge.verdict import Verdict, verdict_of

__all__ = [
    "Call",
    "CandidateArticle",
    "Cuts",
    "Evidence",
    "Judgement",
    "Models",
    "Verdict",
    "judge_claim",
    "shipped_models",
    "verdict_of",
]
