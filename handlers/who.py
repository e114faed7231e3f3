"""Who is this? An entity by name or alias: type, aliases, outlets and the sentences naming it."""

from __future__ import annotations

from handlers import messages
from handlers.candidates import candidate_json, candidate_line, chosen_match, entity_id_of
from handlers.context import Context
from handlers.profile import EntityProfile, entity_profile
from handlers.reply import Citation, Field, Reply, Section
from handlers.statements import cite, once, shortened, statement_citation, statement_json
from handlers.wording import echoed, next_page, plural
from store.profiles import STATEMENTS_COUNTED
from store.records import EntityMatch, EntitySummary

STATEMENTS_SHOWN = 5  # statements by, and about, the entity on page 2
REASONS_SHOWN = 8
#: Page 1 fits 1,500 characters, a phone screen: three wordings, four outlets and names, three
#: sentences of at most 160 characters under titles of at most 60.
DESCRIPTORS_SHOWN = 3
OUTLETS_SHOWN = 4
NAMES_SHOWN = 4
OTHER_MATCHES_SHOWN = 3
TELLING = 3
FIRST_PAGE_SENTENCE = 160
FIRST_PAGE_TITLE = 60
NEXT_PAGE = {1: "What they said and what was said about them", 2: "Every sentence naming them"}


def citation_json(c: Citation) -> dict:
    """A cited sentence as the JSON output prints it.

    Args:
        c: the citation.

    Returns:
        ``text``, ``outlet``, ``article_id``, ``title``, ``published`` and ``source`` (its link).
    """
    return {
        "text": c.sentence,
        "outlet": c.outlet,
        "article_id": c.article_id,
        "title": c.title,
        "published": c.published,
        "source": c.link,
    }


def who(ctx: Context, query: str, page: int = 1) -> Reply:
    """/who NAME — who a person or organisation is: aliases, outlets, and the sentences naming them.

    Pick one of several matches with /who #ID; page through sentences with --page N.

    Args:
        ctx: the request's context.
        query: a name or alias, or an entity id ("#12").
        page: 1 for the profile, 2 for what they said and what was said about them, 3 on for
            the sentences naming them.

    Returns:
        The entity's page; the candidates when several match; when none does, similar names, or
        sentences using the words, or a "nobody named" reply; an error reply with no query.
    """
    query = " ".join(query.split())
    if not query:
        return Reply.error(messages.USAGE_WHO(), query=query, usage=True)
    wanted = entity_id_of(query)
    if wanted is not None:
        summary = ctx.store.entity_overview(wanted)
        if summary is None:
            return _nobody(ctx, query)
        return _entity_reply(ctx, query, summary, page, [])
    matches = ctx.store.find_entities(query)
    if not matches:
        return _nobody(ctx, query)
    chosen = chosen_match(matches)
    if chosen is None:
        return _choose_reply(ctx, query, matches)
    summary = ctx.store.entity_overview(chosen.id)
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
    if profile.page < profile.pages or profile.more_pages:
        what = NEXT_PAGE.get(profile.page, "More sentences")
        of = f"{profile.pages} or more" if profile.more_pages else str(profile.pages)
        footer = f"Page {profile.page} of {of}. {what}: {next_page('who', query, profile.page + 1)}"
    described = f", {profile.described[0].text}" if profile.described else ""
    read_first = telling(profile)
    if profile.page == 1:
        sections = first_page(profile, candidates, read_first)
    elif profile.page == 2:
        sections = _statement_sections(profile)
    else:
        sections = [Section(heading=f"Sentences naming {summary.name}", citations=[cite(r) for r in profile.sentences])]
    data = {
        "query": query,
        "entity": _profile_json(profile, read_first),
        "candidates": candidates,
        "page": profile.page,  # the chat adapters' buttons and pages follow these
        "pages": profile.pages,
    }
    return Reply(title=f"{summary.name} ({profile.kind}){described}", sections=sections, footer=footer, data=data)


def _described(text: str, outlets: list[str]) -> str:
    """A description with the outlets that give it; an article with no known outlet adds none."""
    return f"{text} ({', '.join(outlets[:3])})" if outlets else text


def _listed(items: list[str], shown: int) -> str:
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


def _profile_fields(profile: EntityProfile) -> list[Field]:
    """Who it is in a few lines: what outlets call it, where it is named, who it is named with."""
    summary = profile.summary
    fields = []
    if profile.described:
        shown = profile.described[:DESCRIPTORS_SHOWN]
        fields.append(Field("Described as", "; ".join(_described(d.text, d.outlets) for d in shown)))
    outlets = _listed([f"{name} ({n})" for name, n in summary.outlets], OUTLETS_SHOWN)
    counts = f"{plural(summary.article_count, 'article')} from {plural(len(summary.outlets), 'outlet')}"
    if summary.capped:
        counts = f"{summary.article_count:,} articles or more; the latest {summary.article_count:,} from "
        counts += plural(len(summary.outlets), "outlet")
    first = ""
    if summary.first_seen:  # a day is what a reporter reads; a stored date is not a publication date
        day = summary.first_seen[:10]
        first = f", first published {day}" if summary.first_published else f", first stored {day}"
    fields.append(Field("Named in", f"{counts}{first}: {outlets}"))
    if profile.other_names:
        fields.append(Field("Also written", _listed(profile.other_names, NAMES_SHOWN)))
    if profile.related:
        fields.append(
            Field(
                "Often in the same sentence as",
                ", ".join(f"{p.name} ({plural(p.together, 'time')})" for p in profile.related),
            )
        )
    return fields


def telling(profile: EntityProfile, count: int = TELLING) -> list[Citation]:
    """The sentences to read first: the entity's own words, then what others said of it, then
    sentences naming it; one outlet each before a second from the same outlet; each sentence once.

    Args:
        profile: the entity's profile.
        count: how many sentences to choose.

    Returns:
        At most ``count`` citations, shortened for the first page.
    """
    pool = [statement_citation(r) for r in profile.said[:STATEMENTS_SHOWN]]
    pool += [statement_citation(r) for r in profile.about[:STATEMENTS_SHOWN] if r.kind == "attributed"]
    pool += [cite(r) for r in profile.sentences]
    pool = once(pool)
    chosen: list[Citation] = []
    for fresh_outlets_only in (True, False):
        for citation in pool:
            if len(chosen) >= count:
                break
            seen = {c.outlet for c in chosen}
            if citation not in chosen and (not fresh_outlets_only or citation.outlet not in seen):
                chosen.append(citation)
    return [shortened(c, FIRST_PAGE_SENTENCE, FIRST_PAGE_TITLE) for c in chosen]


def first_page(profile: EntityProfile, candidates: list[dict], chosen: list[Citation]) -> list[Section]:
    """What a reporter reads in ten seconds: who it is, and three sentences from different outlets
    (``telling``).

    Args:
        profile: the entity's profile.
        candidates: the other entities the query matched (``candidate_json``), listed last.
        chosen: the sentences to read first (``telling``).

    Returns:
        The first page's sections: the profile's fields, "To read first", and "Other matches".
    """
    sections = [Section(fields=_profile_fields(profile))]
    if chosen:
        sections.append(Section(heading="To read first", citations=chosen))
    if candidates:
        lines = [candidate_line(c, "who") for c in candidates[:OTHER_MATCHES_SHOWN]]
        sections.append(Section(heading="Other matches", text="\n".join(lines)))
    return sections


def _counted(count: int | None) -> str:
    """A count the store stopped at its cap reads "500 or more"."""
    return f"{count:,} or more" if count is not None and count >= STATEMENTS_COUNTED else f"{count or 0:,}"


def _statement_sections(profile: EntityProfile) -> list[Section]:
    """Page 2: what the entity said, what others said naming it, and why its names are one; a
    sentence cited under "said" is not cited again under "said about"."""
    name = profile.summary.name
    sections = []
    said = once([statement_citation(r) for r in profile.said])[:STATEMENTS_SHOWN]
    if said:
        sections.append(Section(heading=f"What {name} said ({_counted(profile.said_count)} in all)", citations=said))
    about = once([statement_citation(r) for r in profile.about], already=said)[:STATEMENTS_SHOWN]
    if about:
        heading = f"Said about {name} (latest; {_counted(profile.naming_count)} statements name them)"
        sections.append(Section(heading=heading, citations=about))
    if profile.reasons:
        reasons = "\n".join(f"{alias}: {why}" for alias, why in profile.reasons[:REASONS_SHOWN])
        sections.append(Section(heading="Why these names are one", text=reasons))
    return sections or [Section(text=f"No stored article quotes {name}, or quotes anyone about them.")]


def _profile_json(profile: EntityProfile, read_first: list[Citation]) -> dict:
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
        "first_published": summary.first_published,  # False: first_seen is the day it was stored
        "first_article_id": summary.first_article_id,
        "statements_by": [statement_json(r) for r in profile.said],
        "statements_about": [statement_json(r) for r in profile.about],
        "related": [{"name": p.name, "type": p.type, "sentences": p.together, "pmi": p.pmi} for p in profile.related],
        "telling": [citation_json(c) for c in read_first],
        "merge_reasons": [{"alias": a, "reason": why} for a, why in profile.reasons],
        "sentences": [citation_json(cite(r)) for r in profile.sentences],
        "sentence_page": profile.sentence_page,
        "page": profile.page,
        "pages": profile.pages,
        "more_pages": profile.more_pages,
    }
