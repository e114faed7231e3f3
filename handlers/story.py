"""/story: a claim or a name through time, article by article, each line cited.

For a claim: the first report and the sources it stands on, each follow-up with the outlets it
cites, the denials and who made them, and figures that changed from one report to the next. For a
name: the articles naming it in the order they came out, with what it said there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from handlers import messages
from handlers.budget import fill_pages
from handlers.candidates import candidate_json, candidate_line, chosen_match, entity_id_of
from handlers.compare import compare_claim, foreign_claim, read_claim
from handlers.comparison import Comparison
from handlers.context import Context
from handlers.outlet_names import fold_outlet
from handlers.reply import Citation, Reply, Section
from handlers.sources import plain_speakers
from handlers.statements import cite, once, shortened, statement_citation
from handlers.wording import CLAIM_ECHO_CHARS, echoed, next_page
from judge.cues import DENIAL_CUES
from judge.statements import Judged
from nlp.attributions import addressed_outlets
from store.records import StatementRow

#: A page of a story reads in under 2,500 characters: its articles' sections fill up to
#: ``PAGE_BUDGET`` (the title and the paging line take the rest), each sentence at most
#: ``SENTENCE_CHARS`` and each title ``TITLE_CHARS``; the JSON keeps every article whole.
PAGE_CHARS = 2_500
PAGE_BUDGET = 2_150
SENTENCE_CHARS = 220
TITLE_CHARS = 60
SOURCES_SHOWN = 3  # supporting sources cited under one article
DENIALS_SHOWN = 3
SAID_SHOWN = 2  # a name's own statements cited under one article
NAMING_SENTENCES = 500  # the most naming sentences a name's story reads


@dataclass
class Entry:
    """One article of a story."""

    article_id: int
    outlet: str | None
    published: str | None
    title: str | None
    link: str
    role: str  # first report | follow-up | report | named
    cites: list[str] = field(default_factory=list)
    lead: Citation | None = None
    sources: list[Citation] = field(default_factory=list)
    denials: list[Citation] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The entry's heading: date, outlet, role, and the outlets it cites."""
        when = self.published or "date unknown"
        cites = f", citing {', '.join(self.cites)}" if self.cites else ""
        return f"{when} · {self.outlet or 'unknown outlet'} · {self.role}{cites}"

    def citations(self) -> list[Citation]:
        """Each statement once: the lead is often one of the sources too ("[states it]", "[source]").

        Returns:
            The lead, then the sources, then the denials, without repeats.
        """
        return once(c for c in [self.lead, *self.sources, *self.denials] if c is not None)

    def to_json(self) -> dict:
        """The entry as the JSON output prints it, every citation whole.

        Returns:
            A dict of the entry's fields; each citation as its lead, sentence and article id.
        """

        def one(c: Citation) -> dict:
            return {"lead": c.lead, "sentence": c.sentence, "article_id": c.article_id}

        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "source": self.link,
            "role": self.role,
            "cites": self.cites,
            "lead": one(self.lead) if self.lead else None,
            "sources": [one(c) for c in self.sources],
            "denials": [one(c) for c in self.denials],
            "numbers": self.numbers,
        }


def _when(row: StatementRow) -> tuple[str, int]:
    return (row.published or row.ingested_at or "", row.article_id)


def _entry(row: StatementRow, role: str) -> Entry:
    return Entry(row.article_id, row.outlet, row.published, row.title, row.url or row.source, role)


def _cited_outlets(rows: list[StatementRow], outlets: list[str], own: str | None, citing: list[str]) -> list[str]:
    """The outlets an article relies on: those it attributes the claim to, and those its sources
    spoke to ("Nelson told Semafor" in a CNN story: CNN repeats Semafor's interview)."""
    found = list(citing)
    for row in rows:
        for named in addressed_outlets(row.sentence):
            outlet = fold_outlet(named, outlets) or named
            if outlet != own and outlet not in found:
                found.append(outlet)
    return found


def _number_changes(result: Comparison) -> tuple[list[dict], dict[int, list[str]]]:
    """Each figure's versions in the order they appeared, and per article the versions it gave."""
    changes, by_article = [], defaultdict(list)
    for difference in result.numbers:
        seen: dict[str, tuple[tuple[str, int], StatementRow]] = {}
        for item in result.judged:
            for text, _value, _qualifier, unit, noun in item.numbers:
                if (noun or unit or "") == difference["counts"] and text not in seen:
                    seen[text] = (_when(item.row), item.row)
        ordered = sorted(seen.items(), key=lambda pair: pair[1][0])
        for text, (_, row) in ordered:
            by_article[row.article_id].append(f"“{text}” {difference['counts']}")
        steps = [
            {"text": text, "outlet": row.outlet, "published": row.published, "article_id": row.article_id}
            for text, (_, row) in ordered
        ]
        if len(steps) > 1:
            changes.append({"counts": difference["counts"], "steps": steps})
    return changes, by_article


def claim_story(ctx: Context, claim: str, result: Comparison) -> tuple[list[Entry], list[dict]]:
    """A claim's story from the judge's comparison: one entry per article, oldest first, the first
    report marked as such (the original report, supporting the claim, citing no one), then the
    follow-ups, each with the outlets it cites, its named sources, its denials and its figures.

    Args:
        ctx: the request's context.
        claim: the claim as asked; the story is read from ``result``.
        result: the judge's comparison of the claim (``compare_claim``).

    Returns:
        ``(entries, changes)``: the articles in time order, and each figure that changed from one
        report to the next with its versions in order (``counts`` and ``steps``).
    """
    by_article: dict[int, list[Judged]] = defaultdict(list)
    for item in result.judged:
        by_article[item.row.article_id].append(item)
    outlets = ctx.store.outlet_names()
    attributed: dict[int, list[StatementRow]] = defaultdict(list)
    for row in ctx.store.article_statements(sorted(by_article)):
        attributed[row.article_id].append(row)
    changes, numbers = _number_changes(result)
    entries, first_told = [], False
    for article_id in sorted(by_article, key=lambda a: _when(by_article[a][0].row)):
        items = by_article[article_id]
        row = items[0].row
        supports = [j for j in items if j.stance.stance == "supports"]
        citing = result.citing.get(row.outlet or "", [])
        is_first = not first_told and bool(supports) and row.outlet == result.original_report and not citing
        role = "first report" if is_first else ("follow-up" if first_told else "report")
        first_told = first_told or is_first
        entry = _entry(row, role)
        entry.cites = _cited_outlets(attributed[article_id], outlets, row.outlet, citing)
        best = max(items, key=lambda j: (j.stance.stance == "supports", j.stance.relevance))
        entry.lead = statement_citation(best.row, best.stance.why)
        named_sources = [j for j in supports if j.row.kind == "attributed" and j.row.speaker_type != "outlet"]
        entry.sources = [statement_citation(j.row, "source") for j in named_sources[:SOURCES_SHOWN]]
        denials = [j for j in items if j.stance.stance == "disputes" and j.row.kind == "attributed"]
        entry.denials = [
            statement_citation(j.row, "denies it")  # the lead names the speaker
            for j in denials[:DENIALS_SHOWN]
        ]
        entry.numbers = numbers.get(article_id, [])
        entries.append(entry)
    return entries, changes


def name_story(ctx: Context, entity_id: int) -> list[Entry]:
    """The articles naming an entity, oldest first: the first sentence naming it, what it said.

    Args:
        ctx: the request's context.
        entity_id: the entity.

    Returns:
        One entry per article among its latest ``NAMING_SENTENCES`` naming sentences, oldest first;
        the first is marked "first named".
    """
    sentences = ctx.store.naming_sentences(entity_id, NAMING_SENTENCES, 0)
    said: dict[int, list[StatementRow]] = defaultdict(list)
    for row in plain_speakers(ctx, ctx.store.statements_by(entity_id, NAMING_SENTENCES)):
        said[row.article_id].append(row)
    first: dict[int, Citation] = {}
    for row in sorted(sentences, key=lambda r: (r.article_id, r.start)):
        first.setdefault(row.article_id, row)
    entries = []
    for article_id, row in sorted(first.items(), key=lambda pair: (pair[1].published or "", pair[0])):
        entry = Entry(article_id, row.outlet, row.published, row.title, row.url or row.source, "named")
        entry.lead = cite(row, "first named here")
        own = said[article_id]
        entry.sources = [statement_citation(r) for r in own if (r.cue_lemma or "") not in DENIAL_CUES][:SAID_SHOWN]
        entry.denials = [statement_citation(r, "denies") for r in own if (r.cue_lemma or "") in DENIAL_CUES]
        entries.append(entry)
    if entries:
        entries[0].role = "first named"
    return entries


def story(ctx: Context, query: str, page: int = 1) -> Reply:
    """/story CLAIM|NAME — the story in time order: first report, follow-ups and who they cite, denials.

    Each line is cited; page with --page N. A name gives the articles naming it, oldest first.

    Args:
        ctx: the request's context.
        query: a claim, a name, or an entity id ("#12").
        page: the page wanted (clamped to the pages there are).

    Returns:
        The page of the story; the candidates when several entities match the name; an error reply
        with no query or when nothing matches.
    """
    query = " ".join(query.split()).strip("\"'“”")
    if not query:
        return Reply.error(messages.USAGE_STORY(), usage=True)
    refusal = foreign_claim(query)  # no name runs to eight words without an English word among them
    if refusal is not None:
        return refusal
    wanted = entity_id_of(query)
    if wanted is None:
        reading = read_claim(ctx, query)
        if reading.shape.is_claim:
            result = compare_claim(ctx, query, reading=reading)
            entries, changes = claim_story(ctx, query, result)
            return _reply(query, "claim", entries, changes, page, f"verdict: {result.verdict}")
        matches = ctx.store.find_entities(query)
        chosen = chosen_match(matches)
        if chosen is None and matches:
            candidates = [candidate_json(ctx, m) for m in matches]
            return Reply(
                title=f"{len(matches)} entities match “{echoed(query)}”: which one?",
                sections=[Section(text="\n".join(candidate_line(c, "story") for c in candidates))],
                data={"query": query, "kind": None, "candidates": candidates},
            )
        wanted = chosen.id if chosen else None
    summary = ctx.store.entity_summary(wanted) if wanted is not None else None
    if summary is None:
        return Reply.error(messages.STORY_NOTHING(query=echoed(query)))
    return _reply(query, "entity", name_story(ctx, summary.id), [], page, summary.name)


def _entry_section(entry: Entry) -> Section:
    citations = [shortened(c, SENTENCE_CHARS, TITLE_CHARS) for c in entry.citations()]
    return Section(heading=entry.heading, text="\n".join(entry.numbers), citations=citations)


def _reply(query: str, kind: str, entries: list[Entry], changes: list[dict], page: int, about: str) -> Reply:
    groups = [[_entry_section(e)] for e in entries]
    for change in changes:
        steps = " → ".join(
            f"“{s['text']}” ({s['outlet']}, {s['published'] or 'date unknown'})" for s in change["steps"]
        )
        groups.append([Section(heading=f"The figure changed: {change['counts']}", text=steps)])
    filled = fill_pages(groups, PAGE_BUDGET)
    pages = len(filled)
    page = min(max(1, page), pages)
    sections = filled[page - 1]
    footer = f"Page {page} of {pages}: {next_page('story', query, page + 1)}" if page < pages else None
    quoted = echoed(query, CLAIM_ECHO_CHARS)
    title = f"The story of “{quoted}” ({about}): {len(entries)} article{'s' if len(entries) != 1 else ''}"
    if not entries:
        title = f"No stored article tells the story of “{quoted}” ({about})."
    return Reply(
        title=title,
        sections=sections,
        footer=footer,
        data={
            "query": query,
            "kind": kind,
            "entries": [e.to_json() for e in entries],
            "number_changes": changes,
            "page": page,
            "pages": pages,
        },
    )
