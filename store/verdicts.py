"""The judge's verdicts on claims a denial answers, kept so the browser reads what the digest decided.

Judging stays in ``judge/`` (through /compare); this module only stores and reads its outcome.
"""

from __future__ import annotations

from sqlite_utils import Database


def record_verdict(db: Database, claim_id: int, denial_id: int, claim: str, verdict: str, why: str, now: str) -> None:
    """Keep (or replace) the verdict on ``claim_id`` as answered by ``denial_id``."""
    db.execute(
        "INSERT OR REPLACE INTO claim_verdicts (claim_id, denial_id, claim, verdict, why, judged_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [claim_id, denial_id, claim, verdict, why, now],
    )


def disputed(db: Database) -> list[tuple[int, int, str]]:
    """(claim statement id, denial statement id, claim) of every pair judged disputed."""
    return db.execute(
        "SELECT claim_id, denial_id, claim FROM claim_verdicts WHERE verdict = 'disputed' ORDER BY claim_id, denial_id"
    ).fetchall()
