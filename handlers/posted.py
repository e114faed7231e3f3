"""Articles posted in a channel where ingesting is on: ingest them, then say what they added."""

from __future__ import annotations

from handlers.commands import Caller
from handlers.context import Context
from handlers.digest import disputed_claims, new_entities
from handlers.ingest import IngestRequest, Progress, ingest_articles, ingest_reply
from handlers.reply import Reply, Section

MAX_NAMES = 8


def ingest_posted(
    ctx: Context, requests: list[IngestRequest], caller: Caller, progress: Progress | None = None
) -> Reply:
    """The thread reply to a posted article: what was stored, new names, disputed claims it touches.

    Args:
        ctx: the handlers' collaborators.
        requests: the links and files posted.
        caller: who posted them, and where (kept with the articles).
        progress: called with progress lines, or None.

    Returns:
        The ingest's reply, with sections for the new names and disputed claims when anything
        new was stored.
    """
    outcomes = ingest_articles(ctx, requests, posted_by=caller.user, posted_in=caller.channel, progress=progress)
    reply = ingest_reply(outcomes)
    new_ids = [o.article_id for o in outcomes if o.status == "new" and o.article_id is not None]
    if not new_ids:
        return reply
    names = new_entities(ctx, new_ids)
    shown = [e for e in names if e["descriptor"]][:MAX_NAMES] or names[:MAX_NAMES]
    if shown:
        more = len(names) - len(shown)
        lines = [e["name"] + (f", {e['descriptor']}" if e["descriptor"] else "") for e in shown]
        heading = f"New names ({more} more with /digest)" if more > 0 else "New names"
        reply.sections.append(Section(heading=heading, text="\n".join(lines)))
    claims = disputed_claims(ctx, new_ids)
    for claim in claims:
        sides = [f"{s['stance']}: {s['speaker']} ({s['outlet']})" for s in claim["sides"]]
        reply.sections.append(Section(heading=f"Disputed: “{claim['claim']}”", text="\n".join(dict.fromkeys(sides))))
    reply.data = {**reply.data, "new_entities": names, "disputed_claims": claims}
    return reply
