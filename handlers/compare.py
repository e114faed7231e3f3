"""Comparing coverage of a claim: who supports it, who disputes it, who could not verify it.

``compare_claim`` is fetch → judge → gather: the store's candidates go to ``judge.judge_claim``,
whose calls and verdict the answer shows as they are (``handlers.compare_reply`` renders them).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from domain import name_key
from handlers import messages
from handlers.coalesce import Coalescer
from handlers.compare_reply import comparison_reply
from handlers.comparison import Comparison
from handlers.context import Context
from handlers.names_query import names_reply
from handlers.outlet_names import named_outlets
from handlers.reply import Reply
from handlers.sources import described_once
from handlers.statements import statement_terms
from ingest.language import claim_language
from judge import CandidateArticle, Evidence, judge_claim
from judge.article_model import WORD, ClaimWords, stop_words
from judge.statements import number_differences
from nlp.claim_shape import SPEAKER_TYPES
from nlp.terms import Terms, word_forms
from nlp.truecase import is_headline_line
from store.records import EntityMatch, StatementRow

if TYPE_CHECKING:
    from nlp.analyze import ClaimReading

#: Articles full-text search puts before the article-level stance model. 60 → 90 took FNC-1 related
#: recall from 95.7 to 96.6 % with /compare's p95 within run-to-run noise; 120 neared the 300 ms
#: target (docs/performance.md).
CANDIDATE_ARTICLES = 90
#: The articles of the best statement hits that are read whole, and whose other statements are read
#: too (a doubt or denial there need not repeat the claim), beside the full-text candidates. Every
#: hit's article (up to 80) doubled the articles read and took /compare's p95 at 10,000 articles to
#: about 590 ms (bench/compare_latency.py); set by hand.
HIT_ARTICLES = 20
_IN_FLIGHT: Coalescer[Comparison | None] = Coalescer()  # reporters asking the same claim at once share one answer


def _entity_matches(ctx: Context, names: Iterable[str]) -> dict[str, list[EntityMatch]]:
    """The stored entities each name may mean (``Store.find_entities``), each name looked up once."""
    return {name: ctx.store.find_entities(name) for name in dict.fromkeys(names)}


def _claim_entities(matches: dict[str, list[EntityMatch]], names: tuple[str, ...]) -> list[int]:
    return [matches[name][0].id for name in names if matches[name]]


def other_names(
    ctx: Context, names: tuple[str, ...], matches: dict[str, list[EntityMatch]] | None = None
) -> dict[str, tuple[str, ...]]:
    """For each name the claim is about, the other names of the stored entities it is a name of
    (exactly, as an alias): a statement about the Islamic State names ISIS.

    Args:
        ctx: the store.
        names: the names the claim is about (``ClaimReading.actors``).
        matches: the entities each name may mean, when already looked up (``_entity_matches``).

    Returns:
        Each name's other forms (none for a name the store does not hold).
    """
    matches = matches if matches is not None else _entity_matches(ctx, names)
    found = {}
    for name in names:
        exact = [m.id for m in matches[name] if m.how == "exact"]
        aliases = dict.fromkeys(a for entity_id in exact for a in ctx.store.entity_aliases(entity_id))
        found[name] = tuple(a for a in aliases if name_key(a) != name_key(name))
    return found


def _nowhere(ctx: Context, terms: list[str]) -> tuple[str, ...]:
    """The claim words no stored article uses in any of their forms (``nlp.terms.word_forms``): a
    word no statement carries may still be in a story's text ("spoken" in a sentence that is no
    one's statement), and then the store is not silent on it."""
    forms = {term: word_forms(term) for term in terms}
    counts, _ = ctx.store.article_term_counts(sorted({form for found in forms.values() for form in found}))
    return tuple(sorted(term for term, found in forms.items() if not any(counts.get(form) for form in found)))


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
    """Everything the store holds that may bear on the claim, as the judge takes it.

    The statements full-text search and the claim's entities find, the other statements of their
    articles, and the candidate articles.

    Args:
        ctx: the store and the analyzer.
        claim: the claim as the reporter wrote it.
        reading: the claim's reading (``Analyzer.read_claim``): its terms, shape and names.

    Returns:
        The evidence, with each statement's terms and the claim words' rarity in the store.
    """
    claim_terms, shape = reading.terms, reading.shape
    matches = _entity_matches(ctx, (*reading.names, *reading.actors))
    entity_ids = _claim_entities(matches, reading.names)
    # Stop words would make the full-text search rank most of the store, and nothing that shares
    # only them with the claim is judged relevant.
    typed = {w for w in re.findall(r"[A-Za-z][\w’']+", claim.lower()) if w not in stop_words()}
    hits = [row for row, _ in ctx.store.search_statements(sorted(claim_terms.lemmas | typed), entity_ids)]
    hit_articles = sorted(list(dict.fromkeys(r.article_id for r in hits))[:HIT_ARTICLES])  # best hits first
    seen = {r.statement_id for r in hits}
    context = [r for r in ctx.store.article_statements(hit_articles) if r.statement_id not in seen]
    outlets = ctx.store.outlet_names()
    # each outlet under its stored name, and "the person" as the source its article described first
    hits = described_once(named_outlets(hits, outlets, context), context)
    context = described_once(named_outlets(context, outlets, hits), hits)
    counts, total = ctx.store.term_counts(sorted(claim_terms.lemmas))
    rarity = {term: math.log((total + 1) / (n + 1)) + 1.0 for term, n in counts.items()}
    unseen = _nowhere(ctx, [term for term, n in counts.items() if n == 0])
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
        claim_words=ClaimWords.of(reading.core or claim, sorted(claim_terms.names), frequency, article_total),
        content=content,
        names=reading.actors,
        name_forms=other_names(ctx, reading.actors, matches),
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
    reading = reading or read_claim(ctx, claim)
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
    the outlet that reported it first; --page N shows the rest of the evidence.

    Args:
        ctx: the store, the analyzer and the judging models.
        claim: the claim as typed (quotes around it are dropped).
        page: the page of the answer, clamped to the pages there are.

    Returns:
        The comparison's page; for a query that only names things, what the store says about
        those names; an error reply with the usage for an empty claim, and a refusal for a claim
        surely written in another language than English.
    """
    claim = " ".join(claim.split()).strip("\"'“”")
    if not claim:
        return Reply.error(messages.USAGE_COMPARE(), usage=True)
    refusal = foreign_claim(claim)
    if refusal is not None:
        return refusal
    result = _IN_FLIGHT.run((ctx.store.path or id(ctx.store), claim), lambda: _comparison(ctx, claim))
    return names_reply(ctx, claim) if result is None else comparison_reply(result, page)


def foreign_claim(claim: str) -> Reply | None:
    """The one-line refusal for a claim surely written in another language than English, else None.
    ``/compare``, ``/story`` and ``/watch claim`` all ask it first: judged against English stories on
    the names it shares with them, such a claim would get a guess, and watched, it would never meet
    an article about it.

    Args:
        claim: the claim as the reporter typed it.
    Returns:
        The refusal (``ingest.language.claim_language`` names the language), or None.
    """
    language = claim_language(claim)
    return None if language is None else Reply.error(messages.CLAIM_NOT_ENGLISH(language=language), refused=True)


def _comparison(ctx: Context, claim: str) -> Comparison | None:
    """The comparison, or None when the query claims nothing (it only names things, or is written
    in Title Case and is the name of something stored). A claim in sentence case is never taken
    for a stored name: a body's headline line the tagger stored as one long "name" made an FNC-1
    headline ("… discovered a spider had burrowed under his skin …") a names query."""
    reading = read_claim(ctx, claim)
    if not reading.shape.is_claim or (is_headline_line(claim) and _a_name(ctx, claim)):
        return None
    return compare_claim(ctx, claim, reading=reading)


def read_claim(ctx: Context, claim: str) -> ClaimReading:
    """The claim's reading, knowing the names the store holds: "Isis claims …" opening a line is
    tagged as a common noun, and is the speaker the store knows as ISIS.

    Args:
        ctx: the store and the analyzer.
        claim: the claim as the reporter wrote it.
    Returns:
        The reading (``Analyzer.read_claim``).
    """

    def known_name(word: str) -> bool:
        return any(m.how == "exact" and m.type in SPEAKER_TYPES for m in ctx.store.find_entities(word))

    return ctx.analyzer.read_claim(claim, known_name=known_name)


def _a_name(ctx: Context, query: str) -> bool:
    """Whether the query is the name of a stored entity ("Ocean Freight"): in Title Case a company's
    name reads as a headline, but the store knows better."""
    matches = ctx.store.find_entities(query)
    return bool(matches) and matches[0].how == "exact" and matches[0].matched.lower() == query.lower()
