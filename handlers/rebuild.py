"""Re-linking a store's entities after the linker changed, keeping reporters' corrections."""

from __future__ import annotations

from handlers.context import Context
from handlers.reply import Reply, Section
from handlers.resolution import resolve
from handlers.wording import plural
from nlp.linker import linker_version

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


def rebuild(ctx: Context) -> Reply:
    """newsroom entities rebuild — re-link every stored mention with the current linker (no parsing).

    One transaction: it all happens or nothing does. Entity numbers (#ID) change.

    Args:
        ctx: the store.

    Returns:
        The counts before and after, and each entity merged, split or renamed; ``data`` holds the
        same, as ``Store.rebuild_entities`` gave it.
    """
    now = ctx.now_text()
    found = ctx.store.rebuild_entities(
        lambda store, names: resolve(store, names.analysis, names.published, names.article_id), now
    )
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
