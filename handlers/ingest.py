"""Ingesting articles: load, skip duplicates, analyse in one batch, store each atomically."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from domain import Analysis
from handlers import messages
from handlers.context import Context
from handlers.rebuild import record_linker
from handlers.reply import Field, Reply, Section
from handlers.resolution import link_inputs, twin_pairs
from handlers.wording import plural, snippet
from ingest import Document, IngestError, content_hash, load_source, load_text
from ingest.extract import document_from_bytes
from ingest.outlets import outlet_for
from ingest.urls import domain_of
from nlp.linker import link
from store import Store
from store.errors import DuplicateArticle
from store.records import ArticleIn

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class IngestRequest:
    """One article to ingest: a path, URL or ``-`` in ``source``, or pasted ``text``."""

    source: str
    text: str | None = None
    outlet: str | None = None
    published: str | None = None
    body: bytes | None = None  # a file's bytes, as a chat platform delivered it
    content_type: str | None = None
    failure: str | None = None  # the platform could not deliver it; reported like any other failure


@dataclass
class Outcome:
    """What became of one ``IngestRequest``: stored as new, already stored, or failed (with why)."""

    source: str
    status: str  # new | duplicate | failed
    article_id: int | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    entities: int = 0
    mentions: int = 0
    error: str | None = None

    def to_json(self) -> dict:
        """The outcome as a plain dict, for ``--json`` output and ``Reply.data``.

        Returns:
            Every field of the outcome, by name.
        """
        return dict(self.__dict__)


def _load(request: IngestRequest, ctx: Context, stdin: BinaryIO | None) -> Document:
    if request.failure:
        raise IngestError(request.failure)
    if request.text is not None:
        return load_text(request.text, ctx.policy, source=request.source)
    if request.body is not None:
        return document_from_bytes(request.body, request.source, ctx.policy, request.content_type)
    return load_source(request.source, ctx.policy, stdin=stdin)


def _article_in(
    document: Document,
    request: IngestRequest,
    ctx: Context,
    posted_by: str | None,
    posted_in: str | None,
) -> ArticleIn:
    url = document.canonical_url or document.url
    return ArticleIn(
        text=document.text,
        source=document.source,
        content_hash=content_hash(document.text),
        title=document.title or snippet(document.text),
        outlet=outlet_for(document, request.outlet),
        outlet_domain=domain_of(url) if url else None,
        url=document.url,
        canonical_url=document.canonical_url,
        byline=document.author,
        published=request.published or document.published,
        posted_by=posted_by,
        posted_in=posted_in,
        content_type=document.content_type,
        model=ctx.analyzer.model_name,
    )


def _duplicate(outcome: Outcome, ctx: Context, article_id: int) -> Outcome:
    stored = ctx.store.get_article(article_id)
    outcome.status = "duplicate"
    outcome.article_id = article_id
    if stored:
        outcome.title, outcome.outlet, outcome.published = (
            stored.title,
            stored.outlet,
            stored.published,
        )
    return outcome


def ingest_articles(
    ctx: Context,
    requests: list[IngestRequest],
    posted_by: str | None = None,
    posted_in: str | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Ingest each request; one failing never stops the others or leaves half an article.

    The new articles are analysed in one batch (``ctx.n_process`` processes for more than one),
    then each is linked and stored in its own write transaction; ``ctx.after_ingest`` hears the
    ids of those stored.

    Args:
        ctx: the store, the analyzer and the ingest policy.
        requests: the articles to ingest, in order.
        posted_by: who sent them (a chat user's id), recorded on each article; None from the CLI.
        posted_in: the channel they were sent in, recorded on each article; None from the CLI.
        stdin: where a request whose source is ``-`` reads from.
        progress: called with a short line of progress ("Analysing 3 articles…"), or None.

    Returns:
        One ``Outcome`` per request, in the order of ``requests``; a request that could not be
        loaded is a ``failed`` outcome whose ``error`` says why.
    """
    outcomes: list[Outcome] = []
    pending: list[tuple[Outcome, ArticleIn]] = []
    for request in requests:
        if progress:
            progress(f"Reading {_short(request.source)}…")
        outcome = Outcome(source=request.source, status="failed")
        outcomes.append(outcome)
        try:
            article = _article_in(_load(request, ctx, stdin), request, ctx, posted_by, posted_in)
        except IngestError as exc:
            outcome.error = str(exc)
            continue
        existing = ctx.store.find_duplicate(article.content_hash, article.canonical_url)
        if existing:
            _duplicate(outcome, ctx, existing.id)
            continue
        outcome.title, outcome.outlet, outcome.published = (
            article.title,
            article.outlet,
            article.published,
        )
        pending.append((outcome, article))
    if progress and pending:
        progress(f"Analysing {plural(len(pending), 'article')}…")
    texts = [article.text for _, article in pending]
    n_process = ctx.n_process if len(texts) > 1 else 1
    analyses = ctx.analyzer.analyze_many(texts, n_process=n_process)
    started = time.perf_counter()
    for number, ((outcome, article), analysis) in enumerate(zip(pending, analyses, strict=True), 1):
        _store_one(ctx, outcome, article, analysis)
        started = _log_stored(outcome, started)
        if progress and len(pending) > 1:
            progress(f"Stored {number} of {len(pending)}")
    stored = [o.article_id for o in outcomes if o.status == "new" and o.article_id is not None]
    if stored and ctx.after_ingest is not None:
        ctx.after_ingest(stored)
    return outcomes


def _log_stored(outcome: Outcome, started: float) -> float:
    """One INFO line per article stored (its id, outlet and names; never its text). The time is
    the article's analysis and storing: in a batch, analyses come one at a time from nlp.pipe."""
    now = time.perf_counter()
    if outcome.status == "new":
        took = round((now - started) * 1000)
        logger.info(
            messages.INGESTED(
                article_id=outcome.article_id,
                outlet=outcome.outlet or "no outlet",
                entities=outcome.entities,
                duration_ms=took,
            ),
            extra={
                "article_id": outcome.article_id,
                "outlet": outcome.outlet,
                "entities": outcome.entities,
                "duration_ms": took,
            },
        )
    return now


def _short(source: str) -> str:
    return source if len(source) <= 80 else source[:77] + "…"


def store_article(store: Store, article: ArticleIn, analysis: Analysis, now: str) -> int:
    """Read the linker's inputs, link, write: in a straight line inside one write transaction, so
    no other writer adds an entity in between (two processes cannot both create one entity).

    Args:
        store: the store to write to.
        article: the article's text and where it came from.
        analysis: what ``nlp`` found in the text, before linking.
        now: the ingest time (ISO 8601), recorded on the new rows.

    Returns:
        The stored article's id.

    Raises:
        DuplicateArticle: another writer stored the same article first.
        IngestStopped: the bot is stopping; nothing was written.
    """
    with store.write_transaction():
        candidates, context = link_inputs(store, analysis, article.published)
        linked = link(analysis, candidates, context)
        article_id = store.add_article(article, linked.analysis(analysis), linked.links, now)
        if candidates:  # entities the article shows to be one, now that the store has typed them
            written = [(e, o) for e, o in zip(linked.entities, linked.alternatives, strict=True) if e.mentions]
            entities, alternatives = [e for e, _ in written], [o for _, o in written]
            ids = store.article_entity_ids(article_id, [analysis.mentions[e.mentions[0]].start for e in entities])
            store.join_twins(twin_pairs(store, entities, ids, candidates, alternatives, context.blocked), now)
        return article_id


def _store_one(ctx: Context, outcome: Outcome, article: ArticleIn, analysis: Analysis) -> None:
    # Checked again: the same text may come twice in one batch.
    existing = ctx.store.find_duplicate(article.content_hash, article.canonical_url)
    if existing:
        _duplicate(outcome, ctx, existing.id)
        return
    try:
        now = ctx.now_text()
        outcome.article_id = store_article(ctx.store, article, analysis, now)
    except DuplicateArticle as duplicate:
        _duplicate(outcome, ctx, duplicate.article_id)
        return
    outcome.status = "new"
    if ctx.store.article_count() == 1:  # a fresh store: linked by this linker from its first article
        record_linker(ctx, replace=False)
    outcome.entities = len(analysis.entities)
    outcome.mentions = len(analysis.mentions)


def ingest(ctx: Context, requests: list[IngestRequest], **options) -> Reply:
    """/ingest URL|TEXT — add an article (a link, pasted text or a file) to the store.

    The same article twice is reported as already ingested, with the stored one.

    Args:
        ctx: the store, the analyzer and the ingest policy.
        requests: the articles to ingest (one from chat; several from the CLI).
        **options: passed to ``ingest_articles`` (``posted_by``, ``posted_in``, ``stdin``,
            ``progress``).

    Returns:
        The reply of ``ingest_reply``: what became of each article.
    """
    outcomes = ingest_articles(ctx, requests, **options)
    return ingest_reply(outcomes)


def _describe(outcome: Outcome) -> str:
    title = outcome.title or outcome.source
    where = f" ({outcome.outlet})" if outcome.outlet else ""
    if outcome.status == "new":
        return f"#{outcome.article_id} {title}{where}: {outcome.entities} names found"
    if outcome.status == "duplicate":
        return f"Already ingested as #{outcome.article_id}: {title}{where}"
    return f"{outcome.source}: {outcome.error}"


def ingest_reply(outcomes: list[Outcome]) -> Reply:
    """Say what became of the articles: one line for one, a count and a line each for several.

    Args:
        outcomes: what ``ingest_articles`` returned.

    Returns:
        A reply that is ``ok`` only when none failed; its data holds each outcome and the counts
        of ``new``, ``duplicate`` and ``failed``.
    """
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("new", "duplicate", "failed")}
    parts = [
        f"{n} {label}"
        for label, n in (
            ("new", counts["new"]),
            ("already ingested", counts["duplicate"]),
            ("failed", counts["failed"]),
        )
        if n
    ]
    if len(outcomes) == 1:
        title = _describe(outcomes[0])
    else:
        title = f"Ingested {len(outcomes)} articles: " + ", ".join(parts)
    sections = []
    if len(outcomes) > 1:
        sections.append(Section(fields=[Field(o.status, _describe(o)) for o in outcomes]))
    return Reply(
        title=title,
        sections=sections,
        ok=counts["failed"] == 0,
        data={"articles": [o.to_json() for o in outcomes], **counts},
    )
