"""Evidence: stored sentences and statements as citations and JSON, shared by /who and /compare."""

from __future__ import annotations

from typing import Protocol

from handlers.reply import Citation
from store.records import StatementRow


class Sourced(Protocol):
    """Any stored row that can cite its sentence (store Citation, StatementRow)."""

    sentence: str
    outlet: str | None
    title: str | None
    article_id: int
    url: str | None
    source: str
    published: str | None


def cite(row: Sourced, lead: str | None = None) -> Citation:
    return Citation(
        sentence=" ".join(row.sentence.split()),
        outlet=row.outlet,
        title=row.title,
        article_id=row.article_id,
        link=row.url or row.source,
        published=row.published,
        lead=lead,
    )


SPEAKER_KINDS = {
    "named": "",
    "pronoun": "",
    "described": "described, not named",
    "anonymous": "anonymous source",
    "outlet": "news outlet",
}


def speaker_label(row: StatementRow) -> str:
    if row.kind != "attributed":
        return "the outlet itself (unattributed)"
    if not row.speaker:
        return "unnamed (no source given)"
    kind = SPEAKER_KINDS.get(row.speaker_type or "", "")
    return f"{row.speaker} ({kind})" if kind else row.speaker


def statement_citation(row: StatementRow, stance: str | None = None) -> Citation:
    lead = speaker_label(row) + (f", {row.cue}" if row.cue else "")
    return cite(row, f"[{stance}] {lead}" if stance else lead)


def statement_json(row: StatementRow) -> dict:
    return {
        "speaker": row.speaker if row.kind == "attributed" else row.outlet,
        "speaker_type": row.speaker_type if row.kind == "attributed" else "outlet",
        "cue": row.cue,
        "text": row.text,
        "sentence": " ".join(row.sentence.split()),
        "outlet": row.outlet,
        "article_id": row.article_id,
        "source": row.url or row.source,
    }
