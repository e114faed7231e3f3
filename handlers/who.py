"""Who is this? An entity by name or alias: type, aliases, outlets and the sentences naming it."""

from __future__ import annotations

from handlers.candidates import candidate_json, candidate_line, chosen_match, entity_id_of
from handlers.context import Context
from handlers.profile import EntityProfile, entity_profile
from handlers.reply import Citation, Field, Reply, Section
from handlers.statements import cite, statement_citation, statement_json
from handlers.wording import echoed, next_page, plural
from store.records import EntityMatch, EntitySummary

STATEMENTS_SHOWN = 5  # statements by, and about, the entity in the text reply
REASONS_SHOWN = 8
DESCRIPTORS_SHOWN = 5


def citation_json(c: Citation) -> dict:
    return {
        "text": c.sentence,
        "outlet": c.outlet,
        "article_id": c.article_id,
        "title": c.title,
        "source": c.link,
    }


def who(ctx: Context, query: str, page: int = 1) -> Reply:
    """/who NAME — who a person or organisation is: aliases, outlets, and the sentences naming them.

    Pick one of several matches with /who #ID; page through sentences with --page N.
    """
    query = " ".join(query.split())
    if not query:
        return Reply.error("Usage: /who NAME (for example /who Kiriyenko)", query=query, usage=True)
    wanted = entity_id_of(query)
    if wanted is not None:
        summary = ctx.store.entity_summary(wanted)
        if summary is None:
            return _nobody(ctx, query)
        return _entity_reply(ctx, query, summary, page, [])
    matches = ctx.store.find_entities(query)
    if not matches:
        return _nobody(ctx, query)
    chosen = chosen_match(matches)
    if chosen is None:
        return _choose_reply(ctx, query, matches)
    summary = ctx.store.entity_summary(chosen.id)
    others = [m for m in matches if m.id != chosen.id]
    return _entity_reply(ctx, query, summary, page, others)


def _nobody(ctx: Context, query: str) -> Reply:
    similar = [candidate_json(ctx, m) for m in ctx.store.similar_entities(query)]
    data = {"query": query, "entity": None, "candidates": similar}
    if similar:
        return Reply(
            title=f"Nobody named “{echoed(query)}” in the stored articles. Did you mean:",
            sections=[Section(text="\n".join(candidate_line(c, "who") for c in similar))],
            data=data,
        )
    loose = [cite(row) for row in ctx.store.text_search(query)]
    if loose:
        data["sentences"] = [citation_json(c) for c in loose]
        return Reply(
            title=f"No person or organisation named “{echoed(query)}”, but these sentences use the words:",
            sections=[Section(citations=loose)],
            data=data,
        )
    count = ctx.store.article_count()
    return Reply(
        title=f"Nobody named “{echoed(query)}” in the {plural(count, 'stored article')}.",
        data=data,
    )


def _choose_reply(ctx: Context, query: str, matches: list[EntityMatch]) -> Reply:
    candidates = [candidate_json(ctx, m) for m in matches]
    return Reply(
        title=f"{len(matches)} entities match “{echoed(query)}”: which one?",
        sections=[Section(text="\n".join(candidate_line(c, "who") for c in candidates))],
        data={"query": query, "entity": None, "candidates": candidates},
    )


def _entity_reply(ctx: Context, query: str, summary: EntitySummary, page: int, others: list[EntityMatch]) -> Reply:
    profile = entity_profile(ctx, summary, page)
    candidates = [candidate_json(ctx, m) for m in others]
    footer = None
    if profile.page < profile.pages:
        footer = f"Page {profile.page} of {profile.pages}: {next_page('who', query, profile.page + 1)}"
    described = f", {profile.described[0].text}" if profile.described else ""
    return Reply(
        title=f"{summary.name} ({profile.kind}){described}",
        sections=_profile_sections(profile, candidates),
        footer=footer,
        data={"query": query, "entity": _profile_json(profile), "candidates": candidates},
    )


def _profile_fields(profile: EntityProfile) -> list[Field]:
    summary = profile.summary
    fields = [Field("Type", profile.kind)]
    if profile.other_names:
        fields.append(Field("Also written", ", ".join(profile.other_names)))
    if profile.described:
        shown = profile.described[:DESCRIPTORS_SHOWN]
        fields.append(Field("Described as", "; ".join(f"{d.text} ({', '.join(d.outlets)})" for d in shown)))
    outlets = ", ".join(f"{name} ({n})" for name, n in summary.outlets)
    counts = f"{plural(summary.article_count, 'article')} from {plural(len(summary.outlets), 'outlet')}"
    fields.append(Field("Named in", f"{counts}: {outlets}"))
    if summary.first_seen:
        fields.append(Field("First seen", f"{summary.first_seen} (article #{summary.first_article_id})"))
    if profile.related:
        fields.append(Field("Often named with", ", ".join(f"{n} ({c})" for n, _, c in profile.related)))
    return fields


def _profile_sections(profile: EntityProfile, candidates: list[dict]) -> list[Section]:
    name = profile.summary.name
    sections = [Section(fields=_profile_fields(profile))]
    if profile.reasons:
        reasons = "\n".join(f"{alias}: {why}" for alias, why in profile.reasons[:REASONS_SHOWN])
        sections.append(Section(heading="Why these names are one", text=reasons))
    if profile.said:
        sections.append(
            Section(
                heading=f"What {name} said ({profile.said_count} in all)",
                citations=[statement_citation(r) for r in profile.said[:STATEMENTS_SHOWN]],
            )
        )
    if profile.about:
        sections.append(
            Section(
                heading=f"Said about {name} (latest; {profile.naming_count} statements name them)",
                citations=[statement_citation(r) for r in profile.about[:STATEMENTS_SHOWN]],
            )
        )
    sections.append(Section(heading=f"Sentences naming {name}", citations=[cite(r) for r in profile.sentences]))
    if candidates:
        sections.append(Section(heading="Other matches", text="\n".join(candidate_line(c, "who") for c in candidates)))
    return sections


def _profile_json(profile: EntityProfile) -> dict:
    summary = profile.summary
    return {
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
            for d in profile.described
        ],
        "outlets": [name for name, _ in summary.outlets],
        "outlet_articles": dict(summary.outlets),
        "articles": summary.article_count,
        "mentions": summary.mention_count,
        "first_seen": summary.first_seen,
        "first_article_id": summary.first_article_id,
        "statements_by": [statement_json(r) for r in profile.said],
        "statements_about": [statement_json(r) for r in profile.about],
        "related": [{"name": n, "type": t, "articles": c} for n, t, c in profile.related],
        "merge_reasons": [{"alias": a, "reason": why} for a, why in profile.reasons],
        "sentences": [citation_json(cite(r)) for r in profile.sentences],
        "page": profile.page,
        "pages": profile.pages,
    }
