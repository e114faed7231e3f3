"""What the judge decides about one piece of evidence: a ``Call``, plain data the answer shows.

A call is a statement (someone's words, or the outlet's own sentence) or a whole article read by
the article model, with the stance it takes toward the claim and how sure the judge is of it. The
verdict is computed from the calls alone (``judge.verdict``), and the answer lists the same calls,
so the verdict line can never contradict the evidence shown under it.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The stances a call can take. "unverified": the source says it cannot corroborate the claim;
#: "unclear": the reading was below the confidence cut, so it is shown for what it is and counts
#: for nothing. Only a support or a dispute decides the verdict.
SUPPORTS, DISPUTES, UNVERIFIED, REPORTS, UNCLEAR = "supports", "disputes", "unverified", "reports", "unclear"
STANCES = (SUPPORTS, DISPUTES, UNVERIFIED, REPORTS, UNCLEAR)
#: Who takes the stance: the outlet in its own voice, a named person or body, an unnamed source,
#: another outlet the article cites, or the article as a whole (the article model's reading).
SOURCE_KINDS = ("outlet", "named", "anonymous", "another outlet", "article")


@dataclass(frozen=True)
class Call:
    """One judged piece of evidence.

    ``source`` names who takes the stance (a speaker, or the outlet itself); ``probability`` is how
    sure the judge is of ``stance``; ``relevance`` how much of the claim the evidence carries (0-1);
    ``statement_id`` is None for a whole-article reading.
    """

    article_id: int
    outlet: str
    source: str
    source_kind: str
    stance: str
    probability: float
    relevance: float
    why: str
    statement_id: int | None = None
    published: str = ""

    @property
    def counts(self) -> bool:
        """Whether the call decides anything: only a sure support or dispute does."""
        return self.stance in (SUPPORTS, DISPUTES)
