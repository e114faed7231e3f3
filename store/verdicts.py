"""The judge's verdicts on claims a denial answers, kept so the browser reads what the digest decided.

Judging stays in ``judge/`` (through /compare); this module only stores and reads its outcome.
"""

from __future__ import annotations

from sqlite_utils import Database


def record_verdict(db: Database, claim_id: int, denial_id: int, claim: str, verdict: str, why: str, now: str) -> None:
    """Keep (or replace) the verdict on ``claim_id`` as answered by ``denial_id``.

    Args:
        db: the store's database.
        claim_id: the statement id of the claim.
        denial_id: the statement id of the denial that answers it.
        claim: the claim as it was judged (the part of it the denial answers).
        verdict: the judge's verdict ("disputed" or another of its verdicts).
        why: the judge's reason, as shown to people.
        now: when it was judged (ISO 8601 text, from the context's clock).
    """
    db.execute(
        "INSERT OR REPLACE INTO claim_verdicts (claim_id, denial_id, claim, verdict, why, judged_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [claim_id, denial_id, claim, verdict, why, now],
    )


def disputed(db: Database) -> list[tuple[int, int, str]]:
    """Every claim and denial pair judged disputed.

    Args:
        db: the store's database.

    Returns:
        ``(claim statement id, denial statement id, claim)`` rows, ordered by claim then denial.
    """
    return db.execute(
        "SELECT claim_id, denial_id, claim FROM claim_verdicts WHERE verdict = 'disputed' ORDER BY claim_id, denial_id"
    ).fetchall()
