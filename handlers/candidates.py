"""Which entity a typed name means: the rule /who, /watch and the corrections share, and the
"which one?" lines that let the reporter pick by #ID."""

from __future__ import annotations

from handlers.context import Context
from handlers.descriptors import fold_groups
from handlers.profile import type_name
from handlers.wording import plural
from store.records import EntityMatch


def entity_id_of(query: str) -> int | None:
    """The id in "#12", else None.

    Args:
        query: what the reporter typed.

    Returns:
        The entity id when the query is ``#`` and digits, else None.
    """
    text = query.strip()
    return int(text[1:]) if text.startswith("#") and text[1:].isdigit() else None


def chosen_match(matches: list[EntityMatch]) -> EntityMatch | None:
    """The one entity a name means: its only exact match, or its only match; None when several fit.

    Args:
        matches: the store's matches for the name (``Store.find_entities``).

    Returns:
        The match, or None when the reporter must pick (or there is no match).
    """
    exact = [m for m in matches if m.how == "exact"]
    if len(exact) == 1:
        return exact[0]
    return matches[0] if len(matches) == 1 else None


def best_descriptor(ctx: Context, entity_id: int) -> str | None:
    """The entity's most telling description, to tell apart entities of one name.

    Args:
        ctx: the store.
        entity_id: the entity.

    Returns:
        The first of its most used descriptions once near-duplicates are folded, or None when it
        has none.
    """
    folded = fold_groups(ctx.store.ranked_descriptors(entity_id))
    return folded[0].text if folded else None


def candidate_json(ctx: Context, match: EntityMatch) -> dict:
    """One entity a name could mean, as a "which one?" reply lists it and its JSON carries it.

    Args:
        ctx: the store, for the entity's description.
        match: the match.

    Returns:
        ``id``, ``name``, ``type``, ``descriptor`` (or None), ``articles`` and ``matched`` (the alias).
    """
    return {
        "id": match.id,
        "name": match.name,
        "type": match.type,
        "descriptor": best_descriptor(ctx, match.id),
        "articles": match.article_count,
        "matched": match.matched,
    }


def candidate_line(candidate: dict, command: str) -> str:
    """One "which one?" line, ending with the command that picks this entity.

    Args:
        candidate: the entity, as ``candidate_json`` gives it.
        command: the command to pick it with ("who", "watch"...), without the slash.

    Returns:
        "Name (type, description), in N articles: /command #ID".
    """
    kind = type_name(candidate["type"])
    described = f", {candidate['descriptor']}" if candidate["descriptor"] else ""
    return (
        f"{candidate['name']} ({kind}{described}), in {plural(candidate['articles'], 'article')}: "
        f"/{command} #{candidate['id']}"
    )
