"""The answer to /compare: page 1 fits a phone screen (the verdict and why, the strongest calls on
each side, the first report), page 2 each outlet's side and the figures that differ, later pages
the rest of the evidence; the JSON document holds it all."""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict

from handlers.comparison import Comparison
from handlers.reply import Citation, Field, Reply, Section
from handlers.statements import cite, statement_json
from handlers.wording import CLAIM_ECHO_CHARS, echoed, next_page
from judge.article_model import ArticleStance
from judge.calls import Call
from judge.statements import STANCE_ORDER
from store.records import Sourced, StatementRow, StoredArticle

#: The first page: how many calls on each side, and how long a sentence may run there. Three a side
#: with their citations keep the page under 2,000 characters, a phone screen.
FIRST_PAGE_PER_SIDE = 3
FIRST_PAGE_SENTENCE = 120
SIDES = ("supports", "disputes")
#: Calls on each later page.
EVIDENCE_PER_PAGE = 6
STANCE_HEADINGS = {
    "supports": "Supports",
    "disputes": "Disputes",
    "unverified": "Cannot corroborate",
    "reports": "Only reports",
    "unclear": "Unclear",
}


def comparison_reply(result: Comparison, page: int = 1) -> Reply:
    """The answer: page 1 is what a reporter reads first (``first_page``), page 2 each outlet's
    side and the figures that differ, later pages the rest of the evidence, ``EVIDENCE_PER_PAGE``
    calls each; ``data`` is the whole comparison, whatever the page.

    Args:
        result: the judged claim.
        page: the page wanted, clamped to the pages there are.

    Returns:
        The reply, with a footer naming the next page's command when there is one.
    """
    rest = [c for c in result.calls if c not in _first_calls(result)]
    pages = 2 + math.ceil(len(rest) / EVIDENCE_PER_PAGE)
    page = min(max(page, 1), pages)
    if page == 1:
        sections = first_page(result)
    elif page == 2:
        sections = [Section(heading="By outlet", fields=outlet_fields(result))]
        sections += [_numbers_section(result.numbers)] if result.numbers else []
    else:
        sections = _stance_sections(result, rest[(page - 3) * EVIDENCE_PER_PAGE : (page - 2) * EVIDENCE_PER_PAGE])
    footer = f"Page {page} of {pages}: {next_page('compare', result.claim, page + 1)}" if page < pages else None
    data = comparison_json(result)
    data.update(page=page, pages=pages)
    title = f"“{echoed(result.claim, CLAIM_ECHO_CHARS)}”: {result.verdict}"
    return Reply(title=title, sections=sections, data=data, footer=footer)


def outlet_fields(result: Comparison) -> list[Field]:
    """Each outlet's side: its own stance (its words, or the article as a whole), the sources it
    quotes with theirs, and the outlets it cites for the claim.

    Args:
        result: the judged claim.

    Returns:
        One field per outlet, in alphabetical order.
    """
    own: dict[str, set[str]] = defaultdict(set)
    quoted: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for call in result.calls:
        if call.source_kind in ("outlet", "article"):
            own[call.outlet].add(call.stance)
        elif call.source_kind != "another outlet":
            quoted[call.outlet][call.source].add(call.stance)
    order = (*STANCE_ORDER, "unclear")
    fields = []
    for outlet in sorted(set(own) | set(quoted) | set(result.citing)):
        parts = [", ".join(s for s in order if s in own[outlet])] if own[outlet] else []
        for source, stances in quoted[outlet].items():
            parts.append(f"quotes {source} ({', '.join(s for s in order if s in stances)})")
        if cites := result.citing.get(outlet):
            parts.append(f"cites {', '.join(cites)}")
        fields.append(Field(outlet, "; ".join(parts)))
    return fields


def _first_calls(result: Comparison) -> list[Call]:
    """The strongest calls on each side, statements before whole-article readings."""
    shown = []
    for stance in SIDES:
        shown += [c for c in result.calls if c.stance == stance][:FIRST_PAGE_PER_SIDE]
    return shown


def first_page(result: Comparison) -> list[Section]:
    """What fits a phone screen: the verdict and why, the strongest statements on each side with
    speaker, outlet and sentence, and the outlet that reported the claim first.

    Args:
        result: the judged claim.

    Returns:
        The page's sections.
    """
    fields = [Field("Verdict", f"{result.verdict}. {result.why}")]
    if result.original_report:
        fields.append(Field("Reported first by", result.original_report))
    counts = [f"{n} {what}" for what, n in _stance_counts(result).items() if n]
    fields.append(Field("Evidence", ", ".join(counts) if counts else "none"))
    return [Section(fields=fields), *_stance_sections(result, _first_calls(result), short=True)]


def _stance_counts(result: Comparison) -> dict[str, int]:
    names = {
        "supports": "support it",
        "disputes": "dispute it",
        "unverified": "cannot corroborate it",
        "reports": "only report it",
        "unclear": "unclear",
    }
    found = defaultdict(int)
    for call in result.calls:
        found[names[call.stance]] += 1
    return found


def _stance_sections(result: Comparison, calls: list[Call], short: bool = False) -> list[Section]:
    by_id = {j.row.statement_id: j.row for j in result.judged}
    sections = []
    for stance in (*STANCE_ORDER, "unclear"):
        chosen = [c for c in calls if c.stance == stance]
        if chosen:
            total = sum(1 for c in result.calls if c.stance == stance)
            heading = f"{STANCE_HEADINGS[stance]} ({total})"
            citations = [_call_citation(c, by_id, result.articles_by_id, result.articles, short) for c in chosen]
            sections.append(Section(heading=heading, citations=citations))
    return sections


def _call_citation(
    call: Call,
    rows: dict[int, StatementRow],
    articles: dict[int, StoredArticle],
    readings: dict[int, ArticleStance],
    short: bool,
) -> Citation:
    """A call as a citation: who takes the stance and how sure, then the sentence."""
    sure = f" ({call.probability:.0%} sure)" if call.probability < 1.0 else ""  # else read from its wording
    if call.statement_id is not None and call.statement_id in rows:
        row = rows[call.statement_id]
        lead = f"{_source_label(call)}{f', {row.cue}' if row.cue else ''}{sure}"
        where: Sourced = row
    else:
        article = articles[call.article_id]
        sentence = readings[call.article_id].sentence if call.article_id in readings else ""
        where = Sourced(
            article.id, article.outlet, article.title, article.source, article.url, article.published, sentence
        )
        lead = f"{call.outlet}, the article as a whole{sure}"
    citation = cite(where, lead)
    if short and len(citation.sentence) > FIRST_PAGE_SENTENCE:
        cut = citation.sentence[:FIRST_PAGE_SENTENCE].rsplit(" ", 1)[0]
        citation = dataclasses.replace(citation, sentence=cut + " …")
    return citation


def _source_label(call: Call) -> str:
    if call.source_kind == "outlet":
        return f"{call.outlet} (its own words)"
    if call.source_kind == "another outlet":
        return f"{call.outlet}, citing {call.source}"
    return call.source


def _numbers_section(numbers: list[dict]) -> Section:
    lines = []
    for difference in numbers:
        variants = "; ".join(f"“{v['text']}”: {', '.join(v['outlets'])}" for v in difference["variants"])
        lines.append(f"{difference['counts']}: {variants}")
    return Section(heading="Numbers that differ", text="\n".join(lines))


def comparison_json(result: Comparison) -> dict:
    """The whole comparison as one JSON document: the verdict, every call, every listed
    statement, each listed article's stance, and the whole-article reading of every candidate
    article, listed or not (documented fields kept; ``calls``, ``sides`` and ``readings`` added).

    Args:
        result: the judged claim.

    Returns:
        The document (``Reply.data`` of /compare, before its ``page`` and ``pages``).
    """
    articles: dict[int, dict] = {}
    for call in result.calls:
        article = result.articles_by_id.get(call.article_id)
        entry = articles.setdefault(
            call.article_id,
            {
                "article_id": call.article_id,
                "outlet": call.outlet,
                "title": article.title if article else None,
                "source": (article.url or article.source) if article else None,
                "stances": set(),
            },
        )
        entry["stances"].add(call.stance)
    for entry in articles.values():
        stances = entry.pop("stances")
        deciding = stances & {"supports", "disputes"}
        if len(deciding) == 2:
            entry["stance"] = "mixed"
        else:
            entry["stance"] = next(s for s in (*STANCE_ORDER, "unclear") if s in stances)
        entry["cites"] = result.citing.get(entry["outlet"], [])
    for article_id, entry in articles.items():
        if call := result.articles.get(article_id):
            entry["article_stance"] = {"stance": call.label, "confidence": round(call.confidence, 2), "why": call.why}
    verdict = result.judgement.verdict
    return {
        "claim": result.claim,
        "verdict": result.verdict,
        "why": result.why,
        "sides": verdict.sides,
        "original_report": result.original_report,
        "anonymous_share": result.anonymous_share,
        "calls": [
            {
                "stance": c.stance,
                "probability": round(c.probability, 2),
                "relevance": round(c.relevance, 2),
                "source": c.source,
                "source_kind": c.source_kind,
                "outlet": c.outlet,
                "article_id": c.article_id,
                "statement_id": c.statement_id,
                "why": c.why,
            }
            for c in result.calls
        ],
        "statements": [
            {
                "stance": j.stance.stance,
                "why": j.stance.why,
                "relevance": round(j.stance.relevance, 2),
                **statement_json(j.row),
            }
            for j in result.judged
        ],
        "numbers": result.numbers,
        "articles": list(articles.values()),
        "readings": [
            {
                "article_id": article_id,
                "stance": reading.label,
                "confidence": round(reading.confidence, 2),
                "related": round(reading.related, 2),
            }
            for article_id, reading in sorted(result.articles.items())
        ],
    }
