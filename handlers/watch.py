"""Watchlists: /watch a name or a claim, /watching to list them, /unwatch to stop.

Each reporter's own, per platform. The alerts they lead to are built in handlers/alerts.py.
"""

from __future__ import annotations

from handlers import messages
from handlers.candidates import candidate_json, candidate_line, chosen_match, entity_id_of
from handlers.compare import compare_claim, foreign_claim, read_claim
from handlers.context import Context
from handlers.profile import type_name
from handlers.reply import Reply, Section
from handlers.values import Channel, typed_number
from handlers.wording import snippet

CLAIM_WORD = "claim"
LONGEST_CLAIM = 300  # characters: a claim is a sentence, not an article


def watcher(where: Channel, user: str | None) -> str:
    """The user a watch belongs to; the console has one user.

    Args:
        where: the channel asked in.
        user: the platform's user id, or None on the console.

    Returns:
        The user id, or the platform's name for the console's one user.
    """
    return user or where.platform


def watch(ctx: Context, where: Channel, user: str | None, args: str) -> Reply:
    """/watch NAME | /watch claim CLAIM — hear privately of new articles naming them, or of a new verdict.

    A name is resolved like /who (pick one of several with /watch #ID). Alerts come once per
    article, as a direct message; /watching lists what you watch, /unwatch N stops one.

    Args:
        ctx: the store, the analyzer (a claim is judged now) and the watch limit.
        where: the channel asked in.
        user: who asked, or None on the console.
        args: a name, ``#ID``, or ``claim`` and the claim.

    Returns:
        The watch made (or already held); a "which one?" list when several entities fit; an error
        reply when nothing fits, the limit is reached, or the claim claims nothing.
    """
    text = " ".join(args.split()).strip("\"'“”")
    if not text:
        return Reply.error(messages.USAGE_WATCH(), usage=True)
    owner = watcher(where, user)
    held = ctx.store.count_watches(where.platform, owner)
    if held >= ctx.watch_limit:
        return Reply.error(
            messages.WATCH_LIMIT(held=held),
            limit=ctx.watch_limit,
        )
    first, _, rest = text.partition(" ")
    if first.lower() == CLAIM_WORD and rest.strip():
        return _watch_claim(ctx, where, owner, rest.strip().strip("\"'“”"))
    return _watch_entity(ctx, where, owner, text)


def _watch_entity(ctx: Context, where: Channel, owner: str, name: str) -> Reply:
    wanted = entity_id_of(name)
    if wanted is not None:
        summary = ctx.store.entity_summary(wanted)
        if summary is None:
            return Reply.error(messages.WATCH_NO_ENTITY(entity_id=wanted))
        entity_id, entity_name, entity_type, query = summary.id, summary.name, summary.type, summary.name
    else:
        matches = ctx.store.find_entities(name)
        if not matches:
            return Reply.error(messages.WATCH_NOBODY(name=snippet(name, 80)))
        chosen = chosen_match(matches)
        if chosen is None:
            candidates = [candidate_json(ctx, m) for m in matches]
            return Reply(
                title=f"{len(matches)} entities match “{name}”: which one?",
                sections=[Section(text="\n".join(candidate_line(c, "watch") for c in candidates))],
                data={"watch": None, "candidates": candidates},
            )
        entity_id, entity_name, entity_type, query = chosen.id, chosen.name, chosen.type, name
    watch_id, new = ctx.store.add_watch(where.platform, owner, "entity", entity_id, query, None, ctx.now_text())
    already = "" if new else "You already watch them. "
    return Reply(
        title=f"{already}Watching {entity_name} ({type_name(entity_type)}) as #{watch_id}.",
        sections=[Section(text="You will hear privately, once per article, when a new article names them.")],
        data={"watch": {"id": watch_id, "kind": "entity", "entity_id": entity_id, "name": entity_name, "new": new}},
    )


def _watch_claim(ctx: Context, where: Channel, owner: str, claim: str) -> Reply:
    if len(claim) > LONGEST_CLAIM:
        return Reply.error(messages.WATCH_CLAIM_TOO_LONG(chars=len(claim)))
    refusal = foreign_claim(claim)
    if refusal is not None:
        return refusal
    reading = read_claim(ctx, claim)
    if not reading.shape.is_claim:
        return Reply.error(messages.WATCH_NOT_A_CLAIM(claim=snippet(claim, 80)))
    verdict = compare_claim(ctx, claim, reading=reading).verdict
    watch_id, new = ctx.store.add_watch(where.platform, owner, "claim", None, claim, verdict, ctx.now_text())
    already = "You already watch it. " if not new else ""
    return Reply(
        title=f"{already}Watching the claim “{claim}” as #{watch_id}; it stands {verdict} now.",
        sections=[Section(text="You will hear privately when a new article changes its verdict.")],
        data={"watch": {"id": watch_id, "kind": "claim", "claim": claim, "verdict": verdict, "new": new}},
    )


def watching(ctx: Context, where: Channel, user: str | None) -> Reply:
    """/watching — the names and claims you watch, each with the number /unwatch takes.

    Args:
        ctx: the store, and the watch limit.
        where: the channel asked in.
        user: who asked, or None on the console.

    Returns:
        The user's watches, oldest first, with a claim's verdict as last told.
    """
    rows = ctx.store.user_watches(where.platform, watcher(where, user))
    if not rows:
        return Reply(
            title="You watch nothing yet: /watch NAME or /watch claim CLAIM.",
            data={"watches": []},
        )
    lines = []
    for row in rows:
        if row.kind == "claim":
            lines.append(f"#{row.id} claim “{row.query}”: {row.verdict or 'no verdict yet'}")
        elif row.name is None:
            lines.append(f"#{row.id} {row.query} (no longer stored under this name; /unwatch {row.id})")
        else:
            lines.append(f"#{row.id} {row.name}")
    data = [
        {"id": r.id, "kind": r.kind, "name": r.name, "query": r.query, "verdict": r.verdict, "since": r.created_at}
        for r in rows
    ]
    return Reply(
        title=f"You watch {len(rows)} of at most {ctx.watch_limit}:",
        sections=[Section(text="\n".join(lines))],
        footer="Stop one with /unwatch N.",
        data={"watches": data},
    )


def unwatch(ctx: Context, where: Channel, user: str | None, args: str) -> Reply:
    """/unwatch N — stop watching #N (the number /watching shows).

    Args:
        ctx: the store.
        where: the channel asked in.
        user: who asked, or None on the console; only their own watches are removed.
        args: the watch's number, with or without ``#``.

    Returns:
        What is no longer watched; an error reply for no number or no such watch of theirs.
    """
    number = typed_number(args.strip().lstrip("#"))
    if number is None:
        return Reply.error(messages.USAGE_UNWATCH(), usage=True)
    removed = ctx.store.remove_watch(where.platform, watcher(where, user), number)
    if removed is None:
        return Reply.error(messages.NO_SUCH_WATCH(number=number))
    what = f"the claim “{removed.query}”" if removed.kind == "claim" else (removed.name or removed.query)
    return Reply(title=f"Stopped watching {what} (#{removed.id}).", data={"removed": removed.id})
