"""What the linker needs from the store, read for one article: candidates for its names, the stored
articles most like it, the names reporters split off. The decision is ``nlp.linker.link``'s.
Shared by ingest, `newsroom entities rebuild` and the trainer."""

from __future__ import annotations

from domain import Analysis, KnownEntity
from nlp.linker import (
    ArticleContext,
    Linked,
    article_terms,
    entities_to_link,
    link,
    query_terms,
    story_neighbours,
    wanted_keys,
)
from nlp.linker.lookup import SIMILAR_ARTICLES
from store import Store


def similar_articles(store: Store, text: str, exclude: int | None = None) -> tuple[int, ...]:
    """Stored articles sharing the most distinctive words of ``text``, best first, none far
    below the best: a story's neighbours, not every article that shares a word with it.

    Args:
        store: the store to search.
        text: the article's text.
        exclude: an article never to return (the article itself, when it is stored already).

    Returns:
        Up to ``SIMILAR_ARTICLES`` article ids, best first; empty when the text has no
        distinctive word or the store no article.
    """
    counts = article_terms(text)
    if not counts:
        return ()
    df, total = store.article_term_counts(list(counts))
    if not total:
        return ()
    matches = store.search_articles(query_terms(counts, df, total), limit=SIMILAR_ARTICLES + 1)
    return story_neighbours(matches, exclude)


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
        article_id: the article's own id when it is stored already (a rebuild), so it is not
            its own neighbour; None for a new article.

    Returns:
        ``(candidates, context)``: the stored entities the article's names may be, and the
        article's context (its similar stored articles, its date, the alias keys reporters split
        off). No similar articles are looked for when there is no candidate.
    """
    blocked = frozenset(store.split_alias_keys())
    candidates = store.resolution_candidates(wanted_keys(entities_to_link(analysis, blocked)))
    similar = similar_articles(store, analysis.text, article_id) if candidates else ()
    return candidates, ArticleContext(similar, published, blocked)


def resolve(store: Store, analysis: Analysis, published: str | None = None, article_id: int | None = None) -> Linked:
    """Read the inputs and link: the entities to store and the stored entity each one is.

    Args:
        store: the store to read (never written).
        analysis: what ``nlp`` found in the article.
        published: the article's publication date (ISO 8601), or None when unknown.
        article_id: the article's own id when it is stored already (a rebuild); None for a new one.

    Returns:
        The linker's answer (``nlp.linker.Linked``): the entities to store and their links.
    """
    candidates, context = link_inputs(store, analysis, published, article_id)
    return link(analysis, candidates, context)
