"""Re-linking a store's entities after the linker changed, keeping reporters' corrections."""

from __future__ import annotations

from handlers.context import Context
from handlers.reply import Reply, Section
from handlers.resolution import link_inputs, twin_pairs
from handlers.wording import plural
from nlp.linker import link, linker_version
from store import Store
from store.rebuilding import Rebuilding

LINKER_KEY = "linker_version"


def linker_notice(ctx: Context) -> str | None:
    """A line for the operator when the store's entities were linked by another linker.

    Args:
        ctx: the store.

    Returns:
        The line asking for ``newsroom entities rebuild``, or None when the store is empty or its
        recorded linker version is the current one.
    """
    if not ctx.store.article_count() or ctx.store.meta(LINKER_KEY) == linker_version():
        return None
    return "The entity linker changed since this store was linked: run `newsroom entities rebuild`."


def record_linker(ctx: Context, replace: bool) -> None:
    """Record the current linker's version as the one the store's entities were linked with.

    Args:
        ctx: the store.
        replace: False records it only when the store has no version yet (a new store's first ingest).
    """
    ctx.store.set_meta(LINKER_KEY, linker_version(), replace=replace)


def relink_article(store: Store, session: Rebuilding, article_id: int) -> None:
    """Re-link one stored article as an ingest links a new one: read its names and the linker's
    inputs, link, write the links, join the twins it shows; in a straight line, inside the
    rebuild's write transaction (so the entities rebuilt from earlier articles are candidates).

    Args:
        store: the store being rebuilt (read for the candidates, through the rebuild's transaction).
        session: the rebuild under way (``Store.rebuilding``).
        article_id: the article to re-link.
    """
    names = session.read(article_id)
    candidates, context = link_inputs(store, names.analysis, names.published, names.article_id)
    linked = link(names.analysis, candidates, context)
    ids = session.relink(names, linked.entities, linked.links)
    session.join_twins(twin_pairs(store, linked.entities, ids, candidates, linked.alternatives, context.blocked))


def rebuild(ctx: Context) -> Reply:
    """newsroom entities rebuild — re-link every stored mention with the current linker (no parsing).

    One transaction: it all happens or nothing does. Entity numbers (#ID) change.

    Args:
        ctx: the store.

    Returns:
        The counts before and after, and each entity merged, split or renamed; ``data`` holds the
        same, as the rebuild's ``finish`` gave it.
    """
    with ctx.store.rebuilding(ctx.now_text()) as session:
        for article_id in session.article_ids():
            relink_article(ctx.store, session, article_id)
        found = session.finish()
        record_linker(ctx, replace=True)
    lines = [f"{m['entity']}: joined {', '.join(m['from'])}" for m in found["merged"]]
    lines += [f"{s['entity']}: split into {', '.join(s['into'])}" for s in found["split"]]
    lines += [f"{r['from']} is now called {r['to']}" for r in found["renamed"]]
    title = (
        f"Entities rebuilt: {plural(found['before'], 'entity', 'entities')} before, {found['after']} after; "
        f"{len(found['merged'])} merged, {len(found['split'])} split, {len(found['renamed'])} renamed"
    )
    sections = [Section(text="\n".join(lines[i : i + 40])) for i in range(0, len(lines), 40)]
    return Reply(title=title, sections=sections, data=found)
