"""Reporters correcting the bot: merge two entities, split a name off one, rename one."""

from __future__ import annotations

from handlers import messages
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
            raise Ambiguous(messages.NO_ENTITY(text=text))
        return EntityMatch(summary.id, summary.name, summary.type, summary.article_count, summary.name, "id")
    matches = ctx.store.find_entities(text)
    exact = [m for m in matches if m.how == "exact"]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise Ambiguous(messages.NOBODY_NAMED(text=text))
    listed = "; ".join(f"#{m.id} {m.name} ({m.type})" for m in matches[:6])
    raise Ambiguous(messages.SEVERAL_FIT(text=text, listed=listed))


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
        return Reply.error(messages.ALREADY_ONE(first=a.name, second=b.name, entity_id=a.id))
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
        return Reply.error(messages.NOT_WRITTEN_SO(name=entity.name, alias=alias))
    if len(summary.aliases) == 1:
        return Reply.error(messages.ONLY_NAME(alias=alias, name=entity.name))
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
        return Reply.error(messages.NO_NEW_NAME())
    try:
        entity = _one_entity(ctx, name)
    except Ambiguous as exc:
        return Reply.error(str(exc))
    taken = [m for m in ctx.store.find_entities(new_name.strip()) if m.id != entity.id and m.how == "exact"]
    if taken:
        other = taken[0]
        return Reply.error(
            messages.NAME_TAKEN(other_id=other.id, other=other.name, new_name=new_name.strip(), name=entity.name),
            entity_id=entity.id,
            taken_by=other.id,
        )
    ctx.store.rename_entity(entity.id, new_name.strip(), ctx.now_text())
    return Reply(
        title=f"#{entity.id} {entity.name} is now called {new_name.strip()}.",
        data={"entity_id": entity.id, "name": new_name.strip()},
    )
