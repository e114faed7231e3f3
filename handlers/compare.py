"""Comparing coverage of a claim: who supports it, who disputes it, who could not verify it."""

from __future__ import annotations

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
from handlers.statements import cite, statement_citation, statement_json, statement_terms
from handlers.verdict import (
    CORE,
    NO_COVERAGE_SHARE,
    STANCE_ORDER,
    Judged,
    citing_outlets,
    in_outlets_voice,
    judge_speech,
    judge_topic,
    no_coverage_share,
    number_differences,
    original_report,
    verdict_of,
)
from handlers.wording import plural
from nlp.article_stance import WORD, ArticleEvidence, ArticleStance, ClaimWords, article_stance, stop_words
from nlp.claim_shape import ClaimShape
from nlp.stance import Terms
from store.records import Sourced, StatementRow, StoredArticle

if TYPE_CHECKING:
    from nlp.analyze import ClaimReading

SHOWN_PER_STANCE = 6
#: Articles full-text search puts before the article-level stance model. 60 → 90 took FNC-1 related
#: recall from 95.7 to 96.6 % with /compare's p95 within run-to-run noise; 120 neared the 300 ms
#: target (README).
CANDIDATE_ARTICLES = 90
_IN_FLIGHT: Coalescer[Comparison | None] = Coalescer()  # reporters asking the same claim at once share one answer


@dataclass
class Comparison:
    claim: str
    judged: list[Judged]
    verdict: str
    why: str
    original_report: str | None
    citing: dict[str, list[str]]  # outlet → outlets it cites for the claim
    numbers: list[dict]
    anonymous_share: float | None
    articles: dict[int, ArticleStance] = field(default_factory=dict)  # every candidate: the model's call
    # Related by the whole-article reading, with no statement that counts in the verdict (CORE)
    unquoted: list[tuple[StoredArticle, ArticleStance]] = field(default_factory=list)
    claim_words: ClaimWords | None = None  # what the article-level model saw, for scoring it
    evidence: dict[int, ArticleEvidence] = field(default_factory=dict)


def _claim_entities(ctx: Context, names: tuple[str, ...]) -> list[int]:
    found = []
    for name in names:
        matches = ctx.store.find_entities(name)
        if matches:
            found.append(matches[0].id)
    return found


def article_evidence(
    ctx: Context, claim: str, names: frozenset[str], judged: list[Judged]
) -> tuple[ClaimWords, dict[int, ArticleEvidence]]:
    """The candidate articles for the article-level stance: the best full-text matches over whole
    articles, and every article with a judged statement."""
    words = sorted({w.lower() for w in WORD.findall(claim) if len(w) > 1})
    frequency, total = ctx.store.article_term_counts(words)
    claim_words = ClaimWords.of(claim, sorted(names), frequency, total)
    ranked = ctx.store.search_articles([w for w in words if frequency.get(w)], CANDIDATE_ARTICLES)
    best = ranked[0][1] if ranked and ranked[0][1] > 0 else 1.0
    place = {article_id: (i + 1, score / best) for i, (article_id, score) in enumerate(ranked)}
    stances: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for item in judged:  # the model was trained on the hand rules' reading of the statements
        reading = item.rule or item.stance
        stances[item.row.article_id].append((reading.stance, reading.relevance))
    wanted = list(dict.fromkeys([*place, *stances]))
    texts = ctx.store.article_texts(wanted)
    evidence = {}
    for article_id in wanted:
        if article_id in texts:
            rank, share = place.get(article_id, (None, 0.0))
            title, text = texts[article_id]
            evidence[article_id] = ArticleEvidence(title, text, rank, share, tuple(stances[article_id]))
    return claim_words, evidence


def _with_terms(ctx: Context, rows: list[StatementRow]) -> list[tuple[StatementRow, Terms]]:
    return list(zip(rows, statement_terms(ctx.analyzer, rows), strict=True))


def _judge_speech(ctx: Context, shape: ClaimShape, hits: list[StatementRow], rarity: dict[str, float]) -> list[Judged]:
    """A claim about speech: the speaker's statements in the articles the search found."""
    articles = sorted({r.article_id for r in hits})
    rows = list({r.statement_id: r for r in [*hits, *ctx.store.article_statements(articles)]}.values())
    content = ctx.analyzer.terms([shape.content])[0]
    return judge_speech(shape, content, _with_terms(ctx, rows), rarity)


def compare_claim(
    ctx: Context,
    claim: str,
    stance_model: dict | None = None,
    reading: ClaimReading | None = None,
    statement_model: dict | None = None,
) -> Comparison:
    """The comparison of one claim; ``reading`` (from Analyzer.read_claim) when the caller has it.
    ``stance_model`` and ``statement_model``: the whole-article and statement models (the shipped
    ones when None; the evaluation passes its own)."""
    reading = reading or ctx.analyzer.read_claim(claim)
    claim_terms, shape = reading.terms, reading.shape
    entity_ids = _claim_entities(ctx, reading.names)
    # Stop words would make the full-text search rank most of the store, and nothing that shares
    # only them with the claim is judged relevant.
    typed = {w for w in re.findall(r"[A-Za-z][\w’']+", claim.lower()) if w not in stop_words()}
    words = sorted(claim_terms.lemmas | typed)
    hits = [row for row, _ in ctx.store.search_statements(words, entity_ids)]
    counts, total = ctx.store.term_counts(sorted(claim_terms.lemmas))
    rarity = {term: math.log((total + 1) / (n + 1)) + 1.0 for term, n in counts.items()}
    unseen = sorted(term for term, n in counts.items() if n == 0)
    speech = shape.kind == "speech"  # judged on the speaker's statements
    context: list[StatementRow] = []  # the judged articles' other statements: which outlets they name
    if speech:
        judged = _judge_speech(ctx, shape, hits, rarity)
        context = ctx.store.article_statements(sorted({j.row.article_id for j in judged}))
    else:
        first = judge_topic(claim_terms, claim, _with_terms(ctx, hits), False, rarity, statement_model)
        articles = sorted({j.row.article_id for j in first})
        seen = {j.row.statement_id for j in first}
        extra = [r for r in ctx.store.article_statements(articles) if r.statement_id not in seen]
        judged = first + judge_topic(claim_terms, claim, _with_terms(ctx, extra), True, rarity, statement_model)
        context = extra
    rows = named_outlets([j.row for j in judged], ctx.store.outlet_names(), context)
    for item, row in zip(judged, rows, strict=True):
        item.row = row
    figures = ctx.store.statement_numbers([j.row.statement_id for j in judged])
    for item in judged:
        item.numbers = figures.get(item.row.statement_id, [])
    judged.sort(key=lambda j: (STANCE_ORDER.index(j.stance.stance), -j.stance.relevance, j.row.article_id))
    citing = citing_outlets(judged)
    novel = not speech and no_coverage_share(claim_terms, unseen, rarity) > NO_COVERAGE_SHARE
    supporters = [j for j in judged if j.stance.stance == "supports"]
    anonymous = sum(1 for j in supporters if j.row.speaker_type == "anonymous")
    claim_words, evidence = None, {}
    if not novel:  # with its key words nowhere in the store, no article can be about it
        claim_words, evidence = article_evidence(ctx, claim, claim_terms.names, judged)
    calls = {article_id: article_stance(claim_words, e, stance_model) for article_id, e in evidence.items()}
    quoted = {j.row.article_id for j in judged if j.stance.relevance >= CORE}  # what counts in the verdict
    unquoted = []
    for article_id, call in sorted(calls.items(), key=lambda item: -item[1].related):
        if call.label != "unrelated" and article_id not in quoted and (article := ctx.store.get_article(article_id)):
            unquoted.append((article, call))
    readings = [] if speech else [(article.outlet or "an outlet", call.label) for article, call in unquoted]
    verdict, why = verdict_of(judged, readings)
    if novel:
        verdict = "no coverage"
        why = f"No stored statement mentions {', '.join(unseen)}; anything shown only shares the claim's other words."
    if unquoted and verdict == "no coverage":  # a claim about speech: the articles are shown, not counted
        why += f" {plural(len(unquoted), 'article')} cover it in their own words (the whole-article reading below)."
    return Comparison(
        claim=claim,
        judged=judged,
        verdict=verdict,
        why=why,
        original_report=original_report(judged, citing),
        citing=citing,
        numbers=number_differences(judged),
        anonymous_share=anonymous / len(supporters) if supporters else None,
        articles=calls,
        unquoted=unquoted,
        claim_words=claim_words,
        evidence=evidence,
    )


def compare(ctx: Context, claim: str) -> Reply:
    """/compare CLAIM — who supports, disputes or cannot verify a claim, grouped by outlet, with evidence."""
    claim = " ".join(claim.split()).strip("\"'“”")
    if not claim:
        return Reply.error(
            "Usage: /compare CLAIM (for example /compare Musk and Putin have been in regular contact)", usage=True
        )
    result = _IN_FLIGHT.run((ctx.store.path or id(ctx.store), claim), lambda: _comparison(ctx, claim))
    return names_reply(ctx, claim) if result is None else comparison_reply(result)


def _comparison(ctx: Context, claim: str) -> Comparison | None:
    """The comparison, or None when the query claims nothing (it only names things)."""
    reading = ctx.analyzer.read_claim(claim)
    return compare_claim(ctx, claim, reading=reading) if reading.shape.is_claim else None


def comparison_reply(result: Comparison) -> Reply:
    sections = [Section(fields=_summary_fields(result))]
    for stance in STANCE_ORDER:
        items = [j for j in result.judged if j.stance.stance == stance]
        if items:
            shown = "" if len(items) <= SHOWN_PER_STANCE else f", the {SHOWN_PER_STANCE} most relevant shown"
            sections.append(
                Section(
                    heading=f"{stance.capitalize()} ({len(items)}{shown})",
                    citations=[statement_citation(j.row, j.stance.why) for j in items[:SHOWN_PER_STANCE]],
                )
            )
    if result.unquoted:
        shown = "" if len(result.unquoted) <= SHOWN_PER_STANCE else f", the {SHOWN_PER_STANCE} most likely shown"
        sections.append(
            Section(
                heading=f"Covering it with no statement that carries it ({len(result.unquoted)}{shown})",
                citations=[_article_citation(a, call) for a, call in result.unquoted[:SHOWN_PER_STANCE]],
            )
        )
    for difference in result.numbers:
        sections.append(
            Section(
                heading=f"Numbers differ: {difference['counts']}",
                text="\n".join(f"“{v['text']}”: {', '.join(v['outlets'])}" for v in difference["variants"]),
            )
        )
    return Reply(
        title=f"“{result.claim}”: {result.verdict}",
        sections=sections,
        data=comparison_json(result),
    )


def _article_citation(article: StoredArticle, call: ArticleStance) -> Citation:
    where = Sourced(
        article.id, article.outlet, article.title, article.source, article.url, article.published, call.sentence
    )
    return cite(where, f"[{call.label}, {call.confidence:.0%} sure] {call.why}")


def _summary_fields(result: Comparison) -> list[Field]:
    fields = [Field("Verdict", f"{result.verdict}. {result.why}")]
    own: dict[str, set[str]] = defaultdict(set)  # the outlet's own voice, or an outlet it cites
    quoted: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # outlet → speaker → stances
    for item in result.judged:
        outlet = item.row.outlet or "unknown outlet"
        if in_outlets_voice(item.row):
            own[outlet].add(item.stance.stance)
        else:
            quoted[outlet][_source_name(item.row)].add(item.stance.stance)
    for article, call in result.unquoted:
        own[article.outlet or "unknown outlet"].add(call.label)
    for outlet in sorted(set(own) | set(quoted)):
        parts = [", ".join(s for s in STANCE_ORDER if s in own[outlet])] if own[outlet] else []
        for source, stances in quoted[outlet].items():
            parts.append(f"{source} ({', '.join(s for s in STANCE_ORDER if s in stances)})")
        cited = {source.removeprefix("cites ") for source in quoted[outlet]}
        if cites := [c for c in result.citing.get(outlet, []) if c not in cited]:
            parts.append(f"cites {', '.join(cites)}")
        fields.append(Field(outlet, "; ".join(parts)))
    if result.original_report:
        fields.append(Field("Reported first by", result.original_report))
    if result.anonymous_share is not None:
        share = round(100 * result.anonymous_share)
        fields.append(Field("Anonymous sources", f"{share}% of the supporting statements rest on unnamed sources"))
    fields.append(Field("Evidence", plural(len(result.judged), "statement")))
    return fields


def _source_name(row: StatementRow) -> str:
    """How the summary names a source an outlet relies on: "cites X" for an outlet, else "quotes X"."""
    if row.speaker_type == "outlet":
        return f"cites {row.speaker}"
    return f"quotes {_speaker(row)}"


def _speaker(row: StatementRow) -> str:
    if row.speaker_type == "anonymous":
        return f"an unnamed source ({row.speaker})" if row.speaker else "an unnamed source"
    return row.speaker or "someone unnamed"


def comparison_json(result: Comparison) -> dict:
    articles: dict[int, dict] = {}
    for item in result.judged:
        row = item.row
        entry = articles.setdefault(
            row.article_id,
            {
                "article_id": row.article_id,
                "outlet": row.outlet,
                "title": row.title,
                "source": row.url or row.source,
                "stances": set(),
            },
        )
        entry["stances"].add(item.stance.stance)
    for entry in articles.values():
        stances = entry.pop("stances")
        entry["stance"] = (
            next(s for s in STANCE_ORDER if s in stances)
            if len(stances) == 1
            else ("disputes" if "disputes" in stances and "supports" not in stances else "mixed")
        )
        entry["cites"] = result.citing.get(entry["outlet"], [])
    for article, call in result.unquoted:
        articles[article.id] = {
            "article_id": article.id,
            "outlet": article.outlet,
            "title": article.title,
            "source": article.url or article.source,
            "stance": call.label,
            "cites": [],
        }
    for article_id, entry in articles.items():
        if call := result.articles.get(article_id):
            entry["article_stance"] = {"stance": call.label, "confidence": round(call.confidence, 2), "why": call.why}
    return {
        "claim": result.claim,
        "verdict": result.verdict,
        "why": result.why,
        "original_report": result.original_report,
        "anonymous_share": result.anonymous_share,
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
