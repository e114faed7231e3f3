"""Plain rows going into and coming out of the store."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleIn:
    """An article ready to store: text plus everything known about where it came from."""

    text: str
    source: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    outlet_domain: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    byline: str | None = None
    published: str | None = None
    posted_by: str | None = None
    posted_in: str | None = None
    content_type: str | None = None
    model: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: where it came from and when, with its outlet's name (its text stays
    in the store)."""

    id: int
    title: str | None
    outlet: str | None
    source: str
    url: str | None
    published: str | None
    ingested_at: str


@dataclass(frozen=True)
class Sourced:
    """A sentence with the article it stands in: what every piece of evidence carries, so any
    answer can cite outlet, article and sentence the same way."""

    article_id: int
    outlet: str | None
    title: str | None
    source: str
    url: str | None
    published: str | None
    sentence: str


#: The columns of a ``Sourced`` in order, before the sentence (aliases ``a`` for articles, ``o`` outlets).
SOURCE_COLUMNS = "a.id, o.name, a.title, a.source, a.url, a.published"


@dataclass(frozen=True)
class Citation(Sourced):
    """A sentence of an article, as evidence for an answer, with where it stands in the text."""

    start: int
    end: int


@dataclass
class EntitySummary:
    """Who an entity is in counts: its names, how many articles and mentions name it, from which
    outlets, and where it was first named."""

    id: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    article_count: int = 0
    mention_count: int = 0
    outlets: list[tuple[str, int]] = field(default_factory=list)
    first_seen: str | None = None
    first_article_id: int | None = None
    #: True when ``first_seen`` is a publication date; False when it is the date the article was stored.
    first_published: bool = False
    #: True when the counts stop at a cap (``store.profiles.entity_overview``): "1,000 or more articles".
    capped: bool = False


@dataclass(frozen=True)
class EntityMatch:
    """An entity a query could mean, with how it matched."""

    id: int
    name: str
    type: str
    article_count: int
    matched: str  # the alias that matched
    how: str  # exact | word | similar


@dataclass(frozen=True)
class StatementRow(Sourced):
    """What someone said (or a sentence of fact), with the article and sentence it is in."""

    statement_id: int
    kind: str  # attributed | fact
    text: str
    speaker: str | None
    speaker_type: str | None
    speaker_entity_id: int | None
    cue: str | None
    cue_lemma: str | None
    ingested_at: str | None = None
    lemmas: str | None = None  # space-separated content lemmas; None when stored before they were kept
    names: str | None = None  # ... and its proper nouns
    speaker_entity_type: str | None = None  # the speaker's entity type (PERSON, ORG, ...); None when not linked


@dataclass(frozen=True)
class WatchRow:
    """A name or a claim a reporter follows; ``name`` is the watched entity's name now (None when
    it is a claim, or the entity is no longer stored)."""

    id: int
    platform: str
    user: str
    kind: str  # entity | claim
    entity_id: int | None
    name: str | None
    query: str
    verdict: str | None
    after_article_id: int
    checked_article_id: int
    created_at: str


@dataclass(frozen=True)
class Sighting(Sourced):
    """A watched entity named in an article stored after the watch began: the first sentence naming it."""

    watch_id: int
    user: str
    name: str
