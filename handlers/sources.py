"""Speakers in plain words, each described once: "the person" in a later sentence is the "person
familiar with the interactions" an earlier sentence of the same article introduced, and "the
newspaper" is the outlet the article names (``handlers.outlet_names``).

Used by every answer that lists statements (/who, /story, the digest) before it labels speakers.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from domain import name_key
from handlers.context import Context
from handlers.outlet_names import GENERIC, named_outlets
from nlp.attributions import ANONYMOUS_HEADS
from store.records import StatementRow

_BACK_REFERENCE = re.compile(r"^(?:the|these|those|that|this)\s+(?P<head>[a-z-]+)$", re.IGNORECASE)


def _head(description: str) -> str | None:
    words = [w for w in re.findall(r"[a-z-]+", description.lower()) if w in ANONYMOUS_HEADS]
    return words[0].rstrip("s") if words else None


def described_once(rows: Sequence[StatementRow], context: Sequence[StatementRow] = ()) -> list[StatementRow]:
    """The rows with each anonymous back-reference ("the person", "these officials") replaced by the
    fuller description of the same kind of source given earlier in its article ("a person familiar
    with the interactions"), read from ``rows`` and ``context`` (the article's other statements).

    Args:
        rows: statements to label.
        context: other statements of the same articles, in any order.

    Returns:
        The rows, changed only where an earlier fuller description exists.
    """
    earlier: dict[int, list[tuple[int, str, str]]] = defaultdict(list)  # article → (start, head, description)
    for row in [*rows, *context]:
        if row.speaker_type == "anonymous" and row.speaker and not _BACK_REFERENCE.match(row.speaker.strip()):
            if head := _head(row.speaker):
                earlier[row.article_id].append((row.statement_id, head, row.speaker.strip()))
    labelled = []
    for row in rows:
        match = _BACK_REFERENCE.match((row.speaker or "").strip()) if row.speaker_type == "anonymous" else None
        if match and (head := match.group("head").lower().rstrip("s")):
            before = [d for at, h, d in sorted(earlier[row.article_id]) if h == head and at < row.statement_id]
            if before:
                row = dataclasses.replace(row, speaker=before[-1])
        labelled.append(row)
    return labelled


def plain_speakers(ctx: Context, rows: Sequence[StatementRow]) -> list[StatementRow]:
    """``rows`` with outlets under their stored names and anonymous sources described once, reading
    the other statements of the rows' articles for context (at most a few articles' worth).

    Args:
        ctx: the handler context (its store).
        rows: the statements an answer shows.

    Returns:
        The rows relabelled, in the same order.
    """
    if not rows:
        return []
    context: list[StatementRow] = []
    if any(_needs_context(r) for r in rows):  # only "the paper", "the person": read their articles
        context = ctx.store.article_statements(sorted({r.article_id for r in rows}))
    folded = named_outlets(list(rows), ctx.store.outlet_names(), context)
    return described_once(folded, context)


def _needs_context(row: StatementRow) -> bool:
    """A speaker only the rest of its article explains: a generic outlet word or a back-reference."""
    speaker = (row.speaker or "").strip()
    if row.speaker_type == "outlet":
        return name_key(speaker) in GENERIC or name_key(speaker).startswith(("the ", "this ", "that "))
    return row.speaker_type == "anonymous" and bool(_BACK_REFERENCE.match(speaker))
