"""Evidence: stored sentences and statements as citations and JSON, shared by /who and /compare."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from handlers.reply import Citation
from nlp.terms import Terms
from store.records import Sourced, StatementRow

if TYPE_CHECKING:
    from nlp.analyze import Analyzer


def public_link(url: str | None, source: str) -> str:
    """What an answer may show of where an article came from: its URL, or for a file only the
    file's name, never a path on the server.

    Args:
        url: the article's URL, or None.
        source: what it was ingested from (a URL, a path, "pasted", "stdin").

    Returns:
        The URL, the file's name, or ``source`` as it is.
    """
    if url:
        return url
    if source.startswith(("/", "file:", "./", "../", "~")) or "/" in source:
        return PurePath(source.removeprefix("file://")).name
    return source


def cite(row: Sourced, lead: str | None = None) -> Citation:
    """A stored sentence as a citation: outlet, article, public link and the sentence on one line.

    Args:
        row: the sentence and its article.
        lead: who said it and how, shown before the sentence, or None.

    Returns:
        The citation.
    """
    return Citation(
        sentence=" ".join(row.sentence.split()),
        outlet=row.outlet,
        title=row.title,
        article_id=row.article_id,
        link=public_link(row.url, row.source),
        published=row.published,
        lead=lead,
    )


def statement_terms(analyzer: Analyzer, rows: Sequence[StatementRow]) -> list[Terms]:
    """Each statement's terms as ingest stored them; a statement stored before terms were kept is
    parsed now (all such in one batch).

    Args:
        analyzer: parses the statements stored without terms (spaCy loads only then).
        rows: the statements.

    Returns:
        The terms of each, in the order of ``rows``.
    """
    unstored = [r.text for r in rows if r.lemmas is None]
    parsed = iter(analyzer.terms(unstored) if unstored else [])  # no spaCy load when all are stored
    return [
        next(parsed) if r.lemmas is None else Terms(frozenset(r.lemmas.split()), frozenset((r.names or "").split()))
        for r in rows
    ]


SPEAKER_KINDS = {
    "named": "",
    "pronoun": "",
    "described": "described, not named",
    "anonymous": "anonymous source",
    "outlet": "news outlet",
}


def _outlets_own(row: StatementRow) -> bool:
    """A sentence of the outlet's with no source, not even an unnamed one it cites."""
    return row.kind != "attributed" and row.speaker_type != "anonymous"


def speaker_label(row: StatementRow) -> str:
    """Who a statement is by, as an answer names them, with their kind when it is not a name.

    Args:
        row: the statement.

    Returns:
        The speaker, "Name (anonymous source)" and the like, or what stands for no speaker.
    """
    if _outlets_own(row):
        return "the outlet itself (unattributed)"
    if not row.speaker:
        return "unnamed (no source given)"
    kind = SPEAKER_KINDS.get(row.speaker_type or "", "")
    return f"{row.speaker} ({kind})" if kind else row.speaker


def statement_citation(row: StatementRow, stance: str | None = None) -> Citation:
    """A statement as a citation, led by its speaker and cue.

    Args:
        row: the statement.
        stance: its stance toward a claim, shown first in brackets, or None.

    Returns:
        The citation.
    """
    lead = speaker_label(row) + (f", {row.cue}" if row.cue else "")
    return cite(row, f"[{stance}] {lead}" if stance else lead)


def statement_json(row: StatementRow) -> dict:
    """A statement as the JSON of /who and /compare carries it.

    A sentence of the outlet's own is the outlet's, with speaker type "outlet".

    Args:
        row: the statement.

    Returns:
        Its speaker, speaker type, cue, text, sentence, outlet, article id and source.
    """
    return {
        "speaker": row.outlet if _outlets_own(row) else row.speaker,
        "speaker_type": "outlet" if _outlets_own(row) else row.speaker_type,
        "cue": row.cue,
        "text": row.text,
        "sentence": " ".join(row.sentence.split()),
        "outlet": row.outlet,
        "article_id": row.article_id,
        "source": row.url or row.source,
    }
