"""Reporters correcting the bot: merge two entities, split a name off one, rename one."""

from __future__ import annotations

from handlers.context import Context
from handlers.reply import Reply
from handlers.values import typed_number
from store.records import EntityMatch


class Ambiguous(ValueError):
    """The name given fits no entity or several; the message says which."""


def _one_entity(ctx: Context, name: str) -> EntityMatch:
    text = name.strip()
    if text.startswith("#") and (number := typed_number(text[1:])) is not None:
        summary = ctx.store.entity_summary(number)
        if summary is None:
            raise Ambiguous(f"No entity {text}.")
        return EntityMatch(summary.id, summary.name, summary.type, summary.article_count, summary.name, "id")
    matches = ctx.store.find_entities(text)
    exact = [m for m in matches if m.how == "exact"]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise Ambiguous(f"Nobody named “{text}”.")
    listed = "; ".join(f"#{m.id} {m.name} ({m.type})" for m in matches[:6])
    raise Ambiguous(f"“{text}” fits several entities: {listed}. Name one by #ID.")


def merge(ctx: Context, keep: str, absorbed: str) -> Reply:
    """newsroom entity merge A B — B is the same as A: B's names, mentions and descriptors move to A.

    Args:
        ctx: the store.
        keep: the entity that stays, by name or ``#ID``.
        absorbed: the entity merged into it, by name or ``#ID``.

    Returns:
        What was merged; an error reply when a name fits no entity or several, or both are one.
    """
    try:
        a, b = _one_entity(ctx, keep), _one_entity(ctx, absorbed)
    except Ambiguous as exc:
        return Reply.error(str(exc))
    if a.id == b.id:
        return Reply.error(f"{a.name} and {b.name} are already one entity (#{a.id}).")
    ctx.store.merge_entities(a.id, b.id, ctx.now_text())
    return Reply(
        title=f"Merged {b.name} (#{b.id}) into {a.name} (#{a.id}); later articles follow.",
        data={"entity_id": a.id, "merged": b.id},
    )


def split(ctx: Context, name: str, alias: str) -> Reply:
    """newsroom entity split NAME ALIAS — ALIAS names someone else: it leaves NAME's entity for good.

    Args:
        ctx: the store.
        name: the entity, by name or ``#ID``.
        alias: one of its names, which becomes an entity of its own.

    Returns:
        The new entity's number; an error reply when the name is ambiguous, the entity is never
        written so, or the alias is its only name.
    """
    try:
        entity = _one_entity(ctx, name)
    except Ambiguous as exc:
        return Reply.error(str(exc))
    summary = ctx.store.entity_summary(entity.id)
    if summary is None or alias.casefold() not in {a.casefold() for a in summary.aliases}:
        return Reply.error(f"{entity.name} is not written “{alias}” anywhere; nothing to split.")
    if len(summary.aliases) == 1:
        return Reply.error(f"“{alias}” is {entity.name}'s only name; rename it instead.")
    new_id = ctx.store.split_entity(entity.id, alias, ctx.now_text())
    return Reply(
        title=f"“{alias}” is now entity #{new_id}, apart from {entity.name} (#{entity.id}); "
        "later articles keep them apart.",
        data={"entity_id": entity.id, "new_entity_id": new_id},
    )


def rename(ctx: Context, name: str, new_name: str) -> Reply:
    """newsroom entity rename NAME NEW — call the entity NEW from now on; ingests never rename it.

    Args:
        ctx: the store.
        name: the entity, by name or ``#ID``.
        new_name: what to call it.

    Returns:
        The new name; an error reply when the name is ambiguous, the new name is empty, or
        another entity is called that already (the reply suggests merging them).
    """
    if not new_name.strip():
        return Reply.error("Give the new name.")
    try:
        entity = _one_entity(ctx, name)
    except Ambiguous as exc:
        return Reply.error(str(exc))
    taken = [m for m in ctx.store.find_entities(new_name.strip()) if m.id != entity.id and m.how == "exact"]
    if taken:
        other = taken[0]
        return Reply.error(
            f"#{other.id} {other.name} is already called {new_name.strip()}. If they are the same, "
            f'merge them: newsroom entity merge "{entity.name}" "{other.name}".',
            entity_id=entity.id,
            taken_by=other.id,
        )
    ctx.store.rename_entity(entity.id, new_name.strip(), ctx.now_text())
    return Reply(
        title=f"#{entity.id} {entity.name} is now called {new_name.strip()}.",
        data={"entity_id": entity.id, "name": new_name.strip()},
    )
