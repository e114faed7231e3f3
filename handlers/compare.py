"""Comparing coverage of a claim: who supports it, who disputes it, who could not verify it.

``compare_claim`` is fetch → judge → gather: the store's candidates go to ``judge.judge_claim``,
whose calls and verdict the answer shows as they are.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handlers.coalesce import Coalescer
from handlers.context import Context
from handlers.names_query import names_reply
from handlers.outlet_names import named_outlets
from handlers.reply import Citation, Field, Reply, Section
from handlers.statements import cite, public_link, statement_json, statement_terms
from handlers.wording import plural
from judge import CandidateArticle, Evidence, Judgement, judge_claim
from judge.article_model import WORD, ArticleEvidence, ArticleStance, ClaimWords, stop_words
from judge.calls import Call
from judge.statements import STANCE_ORDER, Judged, number_differences
from nlp.terms import Terms
from store.records import Sourced, StatementRow, StoredArticle

if TYPE_CHECKING:
    from nlp.analyze import ClaimReading

#: The first page: how many calls on each side, and how long a sentence may run there. Three a side
#: of about 250 characters keep the page under 2,000 characters, a phone screen.
FIRST_PAGE_PER_SIDE = 3
FIRST_PAGE_SENTENCE = 220
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
#: Articles full-text search puts before the article-level stance model. 60 → 90 took FNC-1 related
#: recall from 95.7 to 96.6 % with /compare's p95 within run-to-run noise; 120 neared the 300 ms
#: target (README).
CANDIDATE_ARTICLES = 90
_IN_FLIGHT: Coalescer[Comparison | None] = Coalescer()  # reporters asking the same claim at once share one answer


@dataclass
class Comparison:
    """A judged claim with what the answer shows: the judge's ``judgement`` (verdict, calls,
    readings) and, for the answer and the other commands, the figures that differ."""

    claim: str
    judgement: Judgement
    numbers: list[dict]
    anonymous_share: float | None
    claim_words: ClaimWords | None = None  # what the article-level model saw, for scoring it
    articles_by_id: dict[int, StoredArticle] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return self.judgement.verdict.label

    @property
    def why(self) -> str:
        return self.judgement.verdict.why

    @property
    def judged(self) -> list[Judged]:
        """The statements listed, each with its final stance."""
        return self.judgement.statements

    @property
    def calls(self) -> list[Call]:
        return self.judgement.calls

    @property
    def citing(self) -> dict[str, list[str]]:
        return self.judgement.citing

    @property
    def original_report(self) -> str | None:
        return self.judgement.original_report

    @property
    def articles(self) -> dict[int, ArticleStance]:
        """Every candidate article's whole-article reading."""
        return self.judgement.readings

    @property
    def evidence(self) -> dict[int, ArticleEvidence]:
        """What the article model read of each candidate article."""
        return self.judgement.seen


def _claim_entities(ctx: Context, names: tuple[str, ...]) -> list[int]:
    found = []
    for name in names:
        matches = ctx.store.find_entities(name)
        if matches:
            found.append(matches[0].id)
    return found


def _with_terms(ctx: Context, rows: list[StatementRow]) -> list[tuple[StatementRow, Terms]]:
    return list(zip(rows, statement_terms(ctx.analyzer, rows), strict=True))


def _candidate_articles(
    ctx: Context, claim: str, hit_articles: list[int]
) -> tuple[dict[str, int], int, dict[int, CandidateArticle]]:
    """How many stored articles use each claim word, how many there are, and the candidate
    articles: the best full-text matches over whole articles, and every article with a statement
    the search found."""
    words = sorted({w.lower() for w in WORD.findall(claim) if len(w) > 1})
    frequency, total = ctx.store.article_term_counts(words)
    ranked = ctx.store.search_articles([w for w in words if frequency.get(w)], CANDIDATE_ARTICLES)
    best = ranked[0][1] if ranked and ranked[0][1] > 0 else 1.0
    place = {article_id: (i + 1, score / best) for i, (article_id, score) in enumerate(ranked)}
    wanted = list(dict.fromkeys([*place, *hit_articles]))
    texts, stored = ctx.store.article_texts(wanted), ctx.store.get_articles(wanted)
    candidates = {}
    for article_id in wanted:
        if article_id in texts and article_id in stored:
            rank, share = place.get(article_id, (None, 0.0))
            title, text = texts[article_id]
            candidates[article_id] = CandidateArticle(stored[article_id], title, text, rank, share)
    return frequency, total, candidates


def gather_evidence(ctx: Context, claim: str, reading: ClaimReading) -> Evidence:
    """Everything the store holds that may bear on the claim, as the judge takes it: the
    statements full-text search and the claim's entities find, the other statements of their
    articles, and the candidate articles."""
    claim_terms, shape = reading.terms, reading.shape
    entity_ids = _claim_entities(ctx, reading.names)
    # Stop words would make the full-text search rank most of the store, and nothing that shares
    # only them with the claim is judged relevant.
    typed = {w for w in re.findall(r"[A-Za-z][\w’']+", claim.lower()) if w not in stop_words()}
    hits = [row for row, _ in ctx.store.search_statements(sorted(claim_terms.lemmas | typed), entity_ids)]
    hit_articles = sorted({r.article_id for r in hits})
    seen = {r.statement_id for r in hits}
    context = [r for r in ctx.store.article_statements(hit_articles) if r.statement_id not in seen]
    outlets = ctx.store.outlet_names()
    hits = named_outlets(hits, outlets, context)
    context = named_outlets(context, outlets, hits)
    counts, total = ctx.store.term_counts(sorted(claim_terms.lemmas))
    rarity = {term: math.log((total + 1) / (n + 1)) + 1.0 for term, n in counts.items()}
    unseen = tuple(sorted(term for term, n in counts.items() if n == 0))
    frequency, article_total, candidates = _candidate_articles(ctx, claim, hit_articles)
    content = ctx.analyzer.terms([shape.content])[0] if shape.kind == "speech" else None
    return Evidence(
        claim=claim,
        shape=shape,
        terms=claim_terms,
        hits=_with_terms(ctx, hits),
        context=_with_terms(ctx, context),
        articles=candidates,
        rarity=rarity,
        unseen=unseen,
        claim_words=ClaimWords.of(claim, sorted(claim_terms.names), frequency, article_total),
        content=content,
        names=reading.actors,
    )


def compare_claim(ctx: Context, claim: str, reading: ClaimReading | None = None) -> Comparison:
    """The comparison of one claim: fetch the evidence, judge it (``judge.judge_claim``, with the
    context's models), and gather what the answer shows beside the verdict.

    Args:
        ctx: the store, the analyzer and the judging models (``ctx.models``; shipped when None).
        claim: the claim as the reporter wrote it.
        reading: the claim's reading (``Analyzer.read_claim``) when the caller has it.
    Returns:
        The ``Comparison``; its verdict follows from the calls it lists.
    """
    reading = reading or ctx.analyzer.read_claim(claim)
    evidence = gather_evidence(ctx, claim, reading)
    judgement = judge_claim(evidence, ctx.models)
    figures = ctx.store.statement_numbers([j.row.statement_id for j in judgement.statements])
    for item in judgement.statements:
        item.numbers = figures.get(item.row.statement_id, [])
    supporters = [c for c in judgement.calls if c.stance == "supports" and c.statement_id is not None]
    anonymous = sum(1 for c in supporters if c.source_kind == "anonymous")
    return Comparison(
        claim=claim,
        judgement=judgement,
        numbers=number_differences(judgement.statements),
        anonymous_share=anonymous / len(supporters) if supporters else None,
        claim_words=evidence.claim_words,
        articles_by_id={a: c.article for a, c in evidence.articles.items()},
    )


def compare(ctx: Context, claim: str, page: int = 1) -> Reply:
    """/compare CLAIM — who supports, disputes or cannot verify a claim, grouped by outlet, with evidence.

    The first page holds the verdict, one line of why, the strongest statements on each side and
    the outlet that reported it first; --page N shows the rest of the evidence."""
    claim = " ".join(claim.split()).strip("\"'“”")
    if not claim:
        return Reply.error(
            "Usage: /compare CLAIM (for example /compare Musk and Putin have been in regular contact)", usage=True
        )
    result = _IN_FLIGHT.run((ctx.store.path or id(ctx.store), claim), lambda: _comparison(ctx, claim))
    return names_reply(ctx, claim) if result is None else comparison_reply(result, page)


def _comparison(ctx: Context, claim: str) -> Comparison | None:
    """The comparison, or None when the query claims nothing (it only names things)."""
    reading = ctx.analyzer.read_claim(claim)
    return compare_claim(ctx, claim, reading=reading) if reading.shape.is_claim else None


def comparison_reply(result: Comparison, page: int = 1) -> Reply:
    """The answer: page 1 is what a reporter reads first (``first_page``), page 2 each outlet's
    side and the figures that differ, later pages the rest of the evidence, ``EVIDENCE_PER_PAGE``
    calls each; ``data`` is the whole comparison, whatever the page."""
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
    footer = f"Page {page} of {pages}: /compare {result.claim} --page {page + 1}" if page < pages else None
    data = comparison_json(result)
    data.update(page=page, pages=pages)
    return Reply(title=f"“{result.claim}”: {result.verdict}", sections=sections, data=data, footer=footer)


def outlet_fields(result: Comparison) -> list[Field]:
    """Each outlet's side: its own stance (its words, or the article as a whole), the sources it
    quotes with theirs, and the outlets it cites for the claim."""
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
    speaker, outlet and sentence, and the outlet that reported the claim first."""
    fields = [Field("Verdict", f"{result.verdict}. {result.why}")]
    if result.original_report:
        fields.append(Field("Reported first by", result.original_report))
    counts = [f"{plural(n, s_)}" for s_, n in _stance_counts(result).items() if n]
    fields.append(Field("Evidence", ", ".join(counts) if counts else "none"))
    return [Section(fields=fields), *_stance_sections(result, _first_calls(result), short=True)]


def _stance_counts(result: Comparison) -> dict[str, int]:
    names = {
        "supports": "supporting call",
        "disputes": "disputing call",
        "unverified": "call that cannot corroborate it",
        "reports": "report",
        "unclear": "unclear reading",
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
    sure = f"{call.probability:.0%} sure" if call.probability < 1.0 else "by its wording"
    if call.statement_id is not None and call.statement_id in rows:
        row = rows[call.statement_id]
        lead = f"{_source_label(call)}{f', {row.cue}' if row.cue else ''} ({sure})"
        where: Sourced = row
    else:
        article = articles[call.article_id]
        sentence = readings[call.article_id].sentence if call.article_id in readings else ""
        where = Sourced(
            article.id, article.outlet, article.title, article.source, article.url, article.published, sentence
        )
        lead = f"{call.outlet}, the article as a whole ({sure})"
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
    statement, and each article's stance (documented fields kept; ``calls`` and ``sides`` added)."""
    articles: dict[int, dict] = {}
    for call in result.calls:
        article = result.articles_by_id.get(call.article_id)
        entry = articles.setdefault(
            call.article_id,
            {
                "article_id": call.article_id,
                "outlet": call.outlet,
                "title": article.title if article else None,
                "source": public_link(article.url, article.source) if article else None,
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
    }
