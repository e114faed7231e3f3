"""An entity's profile for /who: every store query it needs, made once, as one value to render.

Kept apart from the rendering so the text reply and the JSON read the same facts, and each store
query (statements by and about the entity among them) runs once per answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from handlers.co_naming import Pairing, specific_pairings
from handlers.context import Context
from handlers.descriptors import Described, fold_groups
from handlers.sources import plain_speakers
from store.records import Citation, EntitySummary, StatementRow

PAGE_SIZE = 8  # naming sentences per page of /who
#: Pages before the naming sentences: 1, the profile and its most telling sentences; 2, what the
#: entity said and what was said about it.
LEAD_PAGES = 2
STATEMENTS_LABELLED = 5  # statements by, and about, the entity whose speakers are relabelled (those shown)
PAIRED_TYPES = ("PERSON", "ORG")  # "often named with" lists people and organisations, not "American"
STATEMENTS_KEPT = 20  # statements by and about the entity the JSON carries; the text shows the first few
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
    related: list[Pairing]  # named in the same sentences, most specific pairing first
    reasons: list[tuple[str, str]]  # (alias, why it joined)
    said: list[StatementRow]
    about: list[StatementRow]
    said_count: int | None  # counted for page 2 only (up to 500)
    naming_count: int | None
    sentences: list[Citation]
    page: int
    pages: int
    sentence_page: int  # which page of naming sentences ``sentences`` holds
    more_pages: bool = False  # older articles name it too: pages past ``pages`` (counted over the latest)

    @property
    def other_names(self) -> list[str]:
        """The entity's aliases other than its name, longest first."""
        return [a for a in self.summary.aliases if a != self.summary.name]


def entity_profile(ctx: Context, summary: EntitySummary, page: int) -> EntityProfile:
    """The profile, with ``page`` clamped to the pages there are: ``LEAD_PAGES`` and then one per
    ``PAGE_SIZE`` naming sentences (page 1 carries the first of those in its JSON).

    Args:
        ctx: the store.
        summary: the entity, as ``Store.entity_summary`` gave it.
        page: the page wanted (1 and 2 are who it is and what it said; then naming sentences).

    Returns:
        Everything /who shows of the entity, for that page.
    """
    total, more = ctx.store.naming_sentences_seen(summary.id)
    pages = LEAD_PAGES + math.ceil(total / PAGE_SIZE)
    page = max(1, page) if more else min(max(1, page), pages)
    sentence_page = max(1, page - LEAD_PAGES)
    # only page 2 says how many statements there are: the count is the dearest read for a busy name
    said_count, naming_count = ctx.store.statement_counts_capped(summary.id) if page == 2 else (None, None)
    said = ctx.store.statements_by(summary.id, STATEMENTS_KEPT)
    about = ctx.store.statements_about(summary.id, STATEMENTS_KEPT)
    first = min(len(said), STATEMENTS_LABELLED)
    shown = plain_speakers(ctx, said[:first] + about[:STATEMENTS_LABELLED])
    said, about = shown[:first] + said[first:], shown[first:] + about[STATEMENTS_LABELLED:]
    pairings = specific_pairings(ctx.store.co_naming(summary.id), limit=20)
    return EntityProfile(
        summary=summary,
        kind=type_name(summary.type),
        described=fold_groups(ctx.store.ranked_descriptors(summary.id)),
        related=[p for p in pairings if p.type in PAIRED_TYPES][:5],
        reasons=ctx.store.entity_reasons(summary.id),
        said=said,
        about=about,
        said_count=said_count,
        naming_count=naming_count,
        sentences=ctx.store.latest_naming_sentences(summary.id, PAGE_SIZE, (sentence_page - 1) * PAGE_SIZE),
        page=page,
        pages=pages,
        more_pages=more,
        sentence_page=sentence_page,
    )
