"""Who is this? An entity by name or alias: type, aliases, outlets and the sentences naming it."""

from __future__ import annotations

import math

from handlers.context import Context
from handlers.descriptors import fold_descriptors
from handlers.reply import Citation, Field, Reply, Section
from handlers.statements import cite, statement_citation, statement_json
from handlers.wording import plural
from store.records import EntityMatch, EntitySummary

PAGE_SIZE = 8
STATEMENTS_SHOWN = 5
STATEMENTS_JSON = 50
TYPE_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "facility",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LAW": "law",
}


def citation_json(c: Citation) -> dict:
    return {
        "text": c.sentence,
        "outlet": c.outlet,
        "article_id": c.article_id,
        "title": c.title,
        "source": c.link,
    }


def _best_descriptor(ctx: Context, entity_id: int) -> str | None:
    folded = fold_descriptors(ctx.store.entity_descriptors(entity_id))
    return folded[0].text if folded else None


def _candidate_json(ctx: Context, match: EntityMatch) -> dict:
    return {
        "id": match.id,
        "name": match.name,
        "type": match.type,
        "descriptor": _best_descriptor(ctx, match.id),
        "articles": match.article_count,
        "matched": match.matched,
    }


def _candidate_line(candidate: dict) -> str:
    kind = TYPE_NAMES.get(candidate["type"], candidate["type"].lower())
    described = f", {candidate['descriptor']}" if candidate["descriptor"] else ""
    return (
        f"{candidate['name']} ({kind}{described}), in {plural(candidate['articles'], 'article')}: "
        f"/who #{candidate['id']}"
    )


def _entity_id(query: str) -> int | None:
    text = query.strip()
    return int(text[1:]) if text.startswith("#") and text[1:].isdigit() else None


def who(ctx: Context, query: str, page: int = 1) -> Reply:
    """/who NAME — who a person or organisation is: aliases, outlets, and the sentences naming them.

    Pick one of several matches with /who #ID; page through sentences with --page N.
    """
    query = " ".join(query.split())
    if not query:
        return Reply.error("Usage: /who NAME (for example /who Kiriyenko)", query=query, usage=True)
    wanted = _entity_id(query)
    if wanted is not None:
        summary = ctx.store.entity_summary(wanted)
        if summary is None:
            return _nobody(ctx, query)
        return _entity_reply(ctx, query, summary, page, [])
    matches = ctx.store.find_entities(query)
    if not matches:
        return _nobody(ctx, query)
    exact = [m for m in matches if m.how == "exact"]
    chosen = exact[0] if len(exact) == 1 else (matches[0] if len(matches) == 1 else None)
    if chosen is None:
        return _choose_reply(ctx, query, matches)
    summary = ctx.store.entity_summary(chosen.id)
    others = [m for m in matches if m.id != chosen.id]
    return _entity_reply(ctx, query, summary, page, others)


def _nobody(ctx: Context, query: str) -> Reply:
    similar = [_candidate_json(ctx, m) for m in ctx.store.similar_entities(query)]
    data = {"query": query, "entity": None, "candidates": similar}
    if similar:
        return Reply(
            title=f"Nobody named “{query}” in the stored articles. Did you mean:",
            sections=[Section(text="\n".join(_candidate_line(c) for c in similar))],
            data=data,
        )
    loose = [cite(row) for row in ctx.store.text_search(query)]
    if loose:
        data["sentences"] = [citation_json(c) for c in loose]
        return Reply(
            title=f"No person or organisation named “{query}”, but these sentences use the words:",
            sections=[Section(citations=loose)],
            data=data,
        )
    count = ctx.store.article_count()
    return Reply(
        title=f"Nobody named “{query}” in the {plural(count, 'stored article')}.",
        data=data,
    )


def _choose_reply(ctx: Context, query: str, matches: list[EntityMatch]) -> Reply:
    candidates = [_candidate_json(ctx, m) for m in matches]
    return Reply(
        title=f"{len(matches)} entities match “{query}”: which one?",
        sections=[Section(text="\n".join(_candidate_line(c) for c in candidates))],
        data={"query": query, "entity": None, "candidates": candidates},
    )


def _entity_reply(ctx: Context, query: str, summary: EntitySummary, page: int, others: list[EntityMatch]) -> Reply:
    total = ctx.store.naming_sentence_count(summary.id)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(1, page), pages)
    rows = ctx.store.naming_sentences(summary.id, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    sentences = [cite(r) for r in rows]
    related = ctx.store.related_entities(summary.id)
    described = fold_descriptors(ctx.store.entity_descriptors(summary.id))
    reasons = [(alias, why) for alias, why in ctx.store.entity_reasons(summary.id)]
    kind = TYPE_NAMES.get(summary.type, summary.type.lower())
    outlets = ", ".join(f"{name} ({n})" for name, n in summary.outlets)
    fields = [Field("Type", kind)]
    other_names = [a for a in summary.aliases if a != summary.name]
    if other_names:
        fields.append(Field("Also written", ", ".join(other_names)))
    if described:
        fields.append(Field("Described as", "; ".join(f"{d.text} ({', '.join(d.outlets)})" for d in described[:5])))
    counts = f"{plural(summary.article_count, 'article')} from {plural(len(summary.outlets), 'outlet')}"
    fields.append(Field("Named in", f"{counts}: {outlets}"))
    if summary.first_seen:
        fields.append(Field("First seen", f"{summary.first_seen} (article #{summary.first_article_id})"))
    if related:
        fields.append(Field("Often named with", ", ".join(f"{n} ({c})" for n, _, c in related)))
    sections = [Section(fields=fields)]
    if reasons:
        sections.append(
            Section(heading="Why these names are one", text="\n".join(f"{a}: {why}" for a, why in reasons[:8]))
        )
    said = ctx.store.statements_by(summary.id, STATEMENTS_SHOWN)
    about = ctx.store.statements_about(summary.id, STATEMENTS_SHOWN)
    said_count, naming_count = ctx.store.statement_counts(summary.id)
    if said:
        sections.append(
            Section(
                heading=f"What {summary.name} said ({said_count} in all)",
                citations=[statement_citation(r) for r in said],
            )
        )
    if about:
        sections.append(
            Section(
                heading=f"Said about {summary.name} (latest; {naming_count} statements name them)",
                citations=[statement_citation(r) for r in about],
            )
        )
    sections.append(Section(heading=f"Sentences naming {summary.name}", citations=sentences))
    candidates = [_candidate_json(ctx, m) for m in others]
    if candidates:
        sections.append(Section(heading="Other matches", text="\n".join(_candidate_line(c) for c in candidates)))
    footer = f"Page {page} of {pages}: /who {query} --page {page + 1}" if page < pages else None
    headline = f"{summary.name} ({kind})" + (f", {described[0].text}" if described else "")
    entity = {
        "id": summary.id,
        "name": summary.name,
        "type": summary.type,
        "aliases": summary.aliases,
        "descriptors": [
            {
                "text": d.text,
                "outlet": d.outlets[0] if d.outlets else None,
                "article_id": d.article_ids[0],
                "outlets": d.outlets,
            }
            for d in described
        ],
        "outlets": [name for name, _ in summary.outlets],
        "outlet_articles": dict(summary.outlets),
        "articles": summary.article_count,
        "mentions": summary.mention_count,
        "first_seen": summary.first_seen,
        "first_article_id": summary.first_article_id,
        "statements_by": [statement_json(r) for r in ctx.store.statements_by(summary.id, STATEMENTS_JSON)],
        "statements_about": [statement_json(r) for r in ctx.store.statements_about(summary.id, STATEMENTS_JSON)],
        "related": [{"name": n, "type": t, "articles": c} for n, t, c in related],
        "merge_reasons": [{"alias": a, "reason": why} for a, why in reasons],
        "sentences": [citation_json(c) for c in sentences],
        "page": page,
        "pages": pages,
    }
    return Reply(
        title=headline,
        sections=sections,
        footer=footer,
        data={"query": query, "entity": entity, "candidates": candidates},
    )
