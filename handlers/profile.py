"""An entity's profile for /who: every store query it needs, made once, as one value to render.

Kept apart from the rendering so the text reply and the JSON read the same facts, and each store
query (statements by and about the entity among them) runs once per answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from handlers.context import Context
from handlers.descriptors import Described, fold_descriptors
from store.records import Citation, EntitySummary, StatementRow

PAGE_SIZE = 8  # naming sentences per page of /who
STATEMENTS_KEPT = 50  # statements by and about the entity the JSON carries; the text shows the first few
TYPE_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "facility",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LAW": "law",
}


def type_name(entity_type: str) -> str:
    """The entity type in a reporter's words ("organisation", not "ORG").

    Args:
        entity_type: spaCy's label.

    Returns:
        The word, or the label in lower case when it has none.
    """
    return TYPE_NAMES.get(entity_type, entity_type.lower())


@dataclass(frozen=True)
class EntityProfile:
    """What the store knows of one entity, for one page of its naming sentences."""

    summary: EntitySummary
    kind: str
    described: list[Described]
    related: list[tuple[str, str, int]]  # (name, type, articles together)
    reasons: list[tuple[str, str]]  # (alias, why it joined)
    said: list[StatementRow]
    about: list[StatementRow]
    said_count: int
    naming_count: int
    sentences: list[Citation]
    page: int
    pages: int

    @property
    def other_names(self) -> list[str]:
        """The entity's aliases other than its name, longest first."""
        return [a for a in self.summary.aliases if a != self.summary.name]


def entity_profile(ctx: Context, summary: EntitySummary, page: int) -> EntityProfile:
    """The profile, with ``page`` clamped to the pages there are.

    Args:
        ctx: the store.
        summary: the entity, as ``Store.entity_summary`` gave it.
        page: the page of naming sentences wanted (``PAGE_SIZE`` each).

    Returns:
        Everything /who shows of the entity, for that page.
    """
    total = ctx.store.naming_sentence_count(summary.id)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(1, page), pages)
    said_count, naming_count = ctx.store.statement_counts(summary.id)
    return EntityProfile(
        summary=summary,
        kind=type_name(summary.type),
        described=fold_descriptors(ctx.store.entity_descriptors(summary.id)),
        related=ctx.store.related_entities(summary.id),
        reasons=ctx.store.entity_reasons(summary.id),
        said=ctx.store.statements_by(summary.id, STATEMENTS_KEPT),
        about=ctx.store.statements_about(summary.id, STATEMENTS_KEPT),
        said_count=said_count,
        naming_count=naming_count,
        sentences=ctx.store.naming_sentences(summary.id, PAGE_SIZE, (page - 1) * PAGE_SIZE),
        page=page,
        pages=pages,
    )
