"""The comparison of a claim as data: the judge's decision and what the answer shows beside it."""

from __future__ import annotations

from dataclasses import dataclass, field

from judge import Judgement
from judge.article_model import ArticleEvidence, ArticleStance, ClaimWords
from judge.calls import Call
from judge.statements import Judged
from store.records import StoredArticle


@dataclass
class Comparison:
    """A judged claim with what the answer shows: the judge's ``judgement`` (verdict, calls,
    readings) and, for the answer and the other commands, the figures that differ."""

    claim: str
    judgement: Judgement
    numbers: list[dict]
    anonymous_share: float | None
    claim_words: ClaimWords | None = None  # what the article-level model saw, for scoring it
    articles_by_id: dict[int, StoredArticle] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        """The verdict's label: "supported", "disputed", "unverified" or "no coverage"."""
        return self.judgement.verdict.label

    @property
    def why(self) -> str:
        """The verdict's reason, in one line."""
        return self.judgement.verdict.why

    @property
    def judged(self) -> list[Judged]:
        """The statements listed, each with its final stance."""
        return self.judgement.statements

    @property
    def calls(self) -> list[Call]:
        """Every call: who takes which stance toward the claim, strongest first."""
        return self.judgement.calls

    @property
    def citing(self) -> dict[str, list[str]]:
        """Outlet → the other outlets it attributes the claim to ("according to the Journal")."""
        return self.judgement.citing

    @property
    def original_report(self) -> str | None:
        """The outlet that reported the claim first, or None when no outlet supports or is cited for it."""
        return self.judgement.original_report

    @property
    def articles(self) -> dict[int, ArticleStance]:
        """Every candidate article's whole-article reading."""
        return self.judgement.readings

    @property
    def evidence(self) -> dict[int, ArticleEvidence]:
        """What the article model read of each candidate article."""
        return self.judgement.seen
