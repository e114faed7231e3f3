"""What the linker needs from the store, read for one article: candidates for its names, the stored
articles most like it, the names reporters split off; and, once the article is written, the twins it
shows. The decision is ``nlp.linker.link``'s, called by the handler in between. Shared by ingest,
`newsroom entities rebuild` and the trainer."""

from __future__ import annotations

from collections.abc import Sequence

from domain import Analysis, KnownEntity, LocalEntity
from nlp.linker import (
    ArticleContext,
    Scored,
    article_terms,
    entities_to_link,
    joins,
    query_terms,
    story_neighbours,
    wanted_keys,
)
from nlp.linker.lookup import SIMILAR_ARTICLES
from store import Store


def similar_articles(store: Store, text: str, before: int | None = None) -> tuple[int, ...]:
    """Stored articles sharing the most distinctive words of ``text``, best first, none far
    below the best: a story's neighbours, not every article that shares a word with it.

    Args:
        store: the store to search.
        text: the article's text.
        before: the article's own id when it is stored already (a rebuild): only the articles stored
            before it are searched and counted, the store it saw when it was ingested; None for a
            new article (every stored article).

    Returns:
        Up to ``SIMILAR_ARTICLES`` article ids, best first; empty when the text has no
        distinctive word or the store no article.
    """
    counts = article_terms(text)
    if not counts:
        return ()
    df, total = store.article_term_counts(list(counts), before)
    if not total:
        return ()
    matches = store.search_articles(query_terms(counts, df, total), limit=SIMILAR_ARTICLES + 1, before=before)
    return story_neighbours(matches, before)


def link_inputs(
    store: Store, analysis: Analysis, published: str | None = None, article_id: int | None = None
) -> tuple[list[KnownEntity], ArticleContext]:
    """The candidates and context ``nlp.linker.link`` weighs for this article (read, never written).

    Call it inside the write transaction that stores the article, so no other writer adds an
    entity between the reading and the writing.

    Args:
        store: the store to read.
        analysis: what ``nlp`` found in the article.
        published: the article's publication date (ISO 8601), or None when unknown.
        article_id: the article's own id when it is stored already (a rebuild): its neighbours are
            then looked for among the articles stored before it, as when it was ingested (the later
            ones hold no rebuilt entity yet); None for a new article.

    Returns:
        ``(candidates, context)``: the stored entities the article's names may be, and the
        article's context (its similar stored articles, its date, the alias keys reporters split
        off). No similar articles are looked for when there is no candidate.
    """
    blocked = frozenset(store.split_alias_keys())
    candidates = store.resolution_candidates(wanted_keys(entities_to_link(analysis, blocked)))
    similar = similar_articles(store, analysis.text, article_id) if candidates else ()
    return candidates, ArticleContext(similar, published, blocked)


def twin_pairs(
    store: Store,
    entities: Sequence[LocalEntity],
    entity_ids: Sequence[int],
    candidates: Sequence[KnownEntity],
    alternatives: Sequence[Sequence[Scored]],
    blocked: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """The stored entities an article shows to be one (``nlp.linker.joins``), read once the article
    is written and the store has typed its entities again. Ingest and rebuild both ask it.

    Args:
        store: the store, read inside the write transaction that wrote the article.
        entities: the article's entities as written (``Linked.entities``); those with no mention
            are passed over.
        entity_ids: the stored entity each of ``entities`` became.
        candidates: the stored entities read before linking the article.
        alternatives: for each of ``entities``, the candidates it could have joined, the chosen first
            (``Linked.alternatives``).
        blocked: names reporters split off (``ArticleContext.blocked``); they never make a join.

    Returns:
        (keep, absorbed, why) for each pair to join; empty when the article had no candidate.
    """
    if not candidates:
        return []
    written = [(e, i, o) for e, i, o in zip(entities, entity_ids, alternatives, strict=True) if e.mentions]
    heads = store.entity_heads([*(i for _, i, _ in written), *(k.id for k in candidates)])
    return joins(
        [e for e, _, _ in written], [i for _, i, _ in written], [o for _, _, o in written], candidates, heads, blocked
    )
