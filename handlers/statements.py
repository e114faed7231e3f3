"""Evidence: stored sentences and statements as citations and JSON, shared by /who and /compare."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
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
    "anonymous": "not named",
    "outlet": "",  # an outlet's name says what it is
}


def _outlets_own(row: StatementRow) -> bool:
    """A sentence of the outlet's with no source, not even an unnamed one it cites."""
    return row.kind != "attributed" and row.speaker_type != "anonymous"


def speaker_label(row: StatementRow) -> str:
    """Who speaks, in a reporter's words: a name, "an unnamed person familiar with …", or the
    outlet writing in its own voice.

    Args:
        row: the statement.

    Returns:
        The speaker, with their kind when it is not a name ("two officials (anonymous source)").
    """
    if _outlets_own(row):
        return f"{row.outlet}, in its own words" if row.outlet else "the outlet, in its own words"
    if not row.speaker:
        return "a source the article does not name"
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
        "published": row.published,
        "source": row.url or row.source,
        "link": public_link(row.url, row.source),
    }


def _same(a: Citation, b: Citation) -> bool:
    return a.article_id == b.article_id and a.sentence == b.sentence


def once(citations: Iterable[Citation], already: Sequence[Citation] = ()) -> list[Citation]:
    """Each sentence once per answer: a sentence holding two statements ("met and talked business
    with") or cited under two headings is kept where it first appears.

    Args:
        citations: the citations of one part of the answer, in order.
        already: the citations the answer shows before them.

    Returns:
        The citations whose sentence the answer does not show yet.
    """
    kept: list[Citation] = []
    for citation in citations:
        if not any(_same(citation, other) for other in [*already, *kept]):
            kept.append(citation)
    return kept


def _cut(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def shortened(citation: Citation, sentence_chars: int, title_chars: int) -> Citation:
    """The citation for a first page: sentence and title cut at a word, marked with an ellipsis.

    Args:
        citation: the citation.
        sentence_chars: the longest sentence kept whole.
        title_chars: the longest title kept whole.

    Returns:
        A copy with the sentence and title cut to those lengths.
    """
    return dataclasses.replace(
        citation, sentence=_cut(citation.sentence, sentence_chars), title=_cut(citation.title, title_chars)
    )
