"""Judging one claim against the evidence the store gave: the calls and the verdict.

The handler reads the candidates (statements the full-text search found, the other statements of
their articles, the candidate articles' texts) and hands them over as an ``Evidence``; this module
decides, and returns a ``Judgement``: every call the answer lists, the verdict computed from those
calls alone, and the statements with their final stance. Nothing here reads the store or chat.

The order of the decision:

1. Each statement is read (``judge.statements``): a quoted speaker by the wording rules, the outlet's
   own sentence by the statement model, a claim about speech by what the speaker did.
2. Each candidate article is read whole by the article model (``judge.article_model``).
3. Relevance before stance: an article the model does not think is about the claim
   (``Cuts.related``, learned from FNC-1's related/unrelated labels), and none of whose statements
   carries most of it (``Cuts.statement_related``), is not listed, nor are its statements; a
   statement carrying too little of the claim (``CORE``) is not listed.
4. Stance with a probability: an article supports or disputes only above its cut; a reading that
   leans to a side below the cut is "unclear" and counts for nothing.
5. The verdict is ``judge.verdict.verdict_of`` over the listed calls.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from domain import acronym_key
from judge.article_model import ArticleEvidence, ArticleStance, ClaimWords, article_stance
from judge.calls import DISPUTES, REPORTS, SUPPORTS, UNCLEAR, Call
from judge.cues import Stance
from judge.models import Cuts, Models, shipped_models
from judge.statements import (
    CORE,
    NO_COVERAGE_SHARE,
    RELEVANT,
    STANCE_ORDER,
    Judged,
    citing_outlets,
    in_outlets_voice,
    judge_speech,
    judge_topic,
    no_coverage_share,
    said_by,
    speaker_words,
)
from judge.verdict import NO_COVERAGE, Verdict, verdict_of
from nlp.claim_shape import ClaimShape
from nlp.pronouns import FITS
from nlp.terms import Terms
from store.records import StatementRow, StoredArticle

#: The words of a name that can stand for it ("Musk" for Elon Musk); initials are too short.
NAME_WORD = re.compile(r"[^\W\d_]{2,}")
#: How an unnamed speaker is named in the verdict's line of why; and a pronoun speaker the analysis
#: could not resolve ("he said"), which is left unnamed rather than guessed.
UNNAMED = "an unnamed source"
UNRESOLVED = "someone the article does not name here"


@dataclass(frozen=True)
class CandidateArticle:
    """A candidate article: what the store knows of it, its text, and its full-text place
    (``rank``, 1-based, None when only its statements were found; ``share`` of the best bm25)."""

    article: StoredArticle
    title: str
    text: str
    rank: int | None
    share: float


@dataclass(frozen=True)
class Evidence:
    """Everything the store gave for one claim, as plain data.

    ``shape`` and ``terms`` are the claim's reading; ``content`` the terms of what a claim about
    speech says was said; ``hits`` the statements the search found and ``context`` the other
    statements of their articles, each with its terms; ``rarity`` each claim term's weight over the
    stored statements and ``unseen`` the terms no statement uses; ``claim_words`` the claim as the
    article model reads it (None: no article is read).
    """

    claim: str
    shape: ClaimShape
    terms: Terms
    hits: Sequence[tuple[StatementRow, Terms]] = ()
    context: Sequence[tuple[StatementRow, Terms]] = ()
    articles: dict[int, CandidateArticle] = field(default_factory=dict)
    rarity: dict[str, float] = field(default_factory=dict)
    unseen: Sequence[str] = ()
    claim_words: ClaimWords | None = None
    content: Terms | None = None
    names: Sequence[str] = ()  # the names the claim is about ("Elon Musk", "Kiriyenko")
    #: Other names the store knows each of ``names`` by ("ISIS": "Islamic State", "ISIL", …).
    name_forms: dict[str, Sequence[str]] = field(default_factory=dict)


@dataclass
class Judgement:
    """The decision: the verdict, the calls listed (strongest first), the listed statements with
    their final stance, every candidate article's whole-article reading, the outlets each cites
    for the claim, the outlet that reported it first, and whether the store has no coverage."""

    verdict: Verdict
    calls: list[Call]
    statements: list[Judged]
    readings: dict[int, ArticleStance]
    citing: dict[str, list[str]]
    original_report: str | None
    novel: bool = False
    seen: dict[int, ArticleEvidence] = field(default_factory=dict)  # what the article model read of each


#: A no-coverage verdict names this many of the claim's unseen words, each cut to UNSEEN_CHARS: a
#: pasted page given as a claim is not echoed back. Set by hand.
UNSEEN_SHOWN, UNSEEN_CHARS = 8, 40


def _some_words(words: list[str]) -> str:
    shown = [w if len(w) <= UNSEEN_CHARS else w[: UNSEEN_CHARS - 1] + "…" for w in words[:UNSEEN_SHOWN]]
    return ", ".join(shown) + (", …" if len(words) > UNSEEN_SHOWN else "")


def judge_claim(evidence: Evidence, models: Models | None = None) -> Judgement:
    """Judge one claim: which statements and articles support it, dispute it or only report it,
    how sure each reading is, and the verdict.

    Args:
        evidence: the claim's reading and the candidates the store gave.
        models: the learned models and cuts; the shipped ones when None.
    Returns:
        A ``Judgement`` whose verdict is a function of its ``calls`` alone.
    """
    models = models or shipped_models()
    evidence = dataclasses.replace(evidence, terms=short_form_terms(evidence.terms, evidence.names))
    speech = evidence.shape.kind == "speech"
    unseen = list(evidence.unseen)
    judged = _read_statements(evidence, models)
    seen = {} if evidence.claim_words is None else _article_inputs(evidence, judged)
    readings = {a: article_stance(evidence.claim_words, e, models.article) for a, e in seen.items()}
    related = {a for a, reading in readings.items() if reading.related >= models.cuts.related}
    related |= carried_by_statements(judged, set(readings), models.cuts.statement_related)
    mostly_unseen = not speech and no_coverage_share(evidence.terms, unseen, evidence.rarity) > NO_COVERAGE_SHARE
    if mostly_unseen and not related:
        # The claim's key words are nowhere in the store, and no stored article is about it in other
        # words ("KC" of a story that writes "Kansas City" is), so nothing stored bears on it.
        why = f"No stored statement mentions {_some_words(unseen)}."
        return Judgement(Verdict(NO_COVERAGE, why), [], [], {}, {}, None, novel=True)
    passing_on = passes_on(evidence.shape)
    speaker = speaker_words(evidence.shape.speaker) if passing_on else set()
    on_content = _read_on_content(evidence, judged, models, speaker) if passing_on else []
    listed = [j for j in judged if _listed(j, speech, readings, related)]
    if not speech:
        aimed = [_aimed(j, evidence.names, evidence.name_forms) for j in listed]
        listed = [_backed(_takes_side(j, models.cuts), readings, models.cuts) for j in aimed]
    if passing_on:
        listed = [_passed_on(j, speaker, readings, models.cuts) for j in listed]
    if on_content:
        names = content_names(evidence.names, speaker)
        kept = [j for j in on_content if _listed(j, False, readings, related)]
        listed += [
            _backed(_takes_side(_aimed(j, names, evidence.name_forms), models.cuts), readings, models.cuts)
            for j in kept
        ]
    citing = citing_outlets(listed)
    calls = [_statement_call(j) for j in listed]
    quoted = {j.row.article_id for j in listed}
    for article_id in sorted(related):
        if not speech or passing_on:
            calls.append(_article_call(evidence.articles[article_id], readings[article_id], models.cuts))
        elif article_id not in quoted:  # the model reads stances toward events, not toward speech
            calls.append(_covering_call(evidence.articles[article_id], readings[article_id]))
    calls.sort(key=_strength)
    verdict = verdict_of(calls, unsure=len(readings) - len(related))
    return Judgement(
        verdict=verdict,
        calls=calls,
        statements=sorted(listed, key=lambda j: (_order(j.stance.stance), -j.stance.relevance, j.row.article_id)),
        readings=readings,
        citing=citing,
        original_report=first_report(calls, citing),
        seen=seen,
    )


def short_form_terms(terms: Terms, names: Sequence[str]) -> Terms:
    """The claim's terms with each several-word name cut to its last word ("Elon Musk" → musk), so
    that a claim naming "Musk" and one naming "Elon Musk" carry the same weight of the same words:
    articles name a person in full once and by surname after. A name whose last word is not one of
    the claim's proper nouns is no person's full name ("Kanye Banned", a headline the tagger took
    for a name) and keeps its words: cut, the claim would be "banned", carried whole by any ban."""
    full_names = [name.lower().split() for name in names]
    dropped = {w for words in full_names if words and words[-1] in terms.names for w in words[:-1]} & terms.names
    return Terms(terms.lemmas - dropped, terms.names - dropped)


def _read_statements(evidence: Evidence, models: Models) -> list[Judged]:
    """Every candidate statement read against the claim; the context of an article counts only
    once one of its statements is about the claim (a doubt there need not repeat the claim)."""
    if evidence.shape.kind == "speech":
        rows = list({r.statement_id: (r, t) for r, t in [*evidence.hits, *evidence.context]}.values())
        return judge_speech(evidence.shape, evidence.content or evidence.terms, rows, evidence.rarity)
    denies = evidence.shape.denies
    first = judge_topic(
        evidence.terms, evidence.claim, list(evidence.hits), False, evidence.rarity, models.statement, denies
    )
    about = {j.row.article_id for j in first}
    seen = {j.row.statement_id for j in first}
    others = [*evidence.hits, *evidence.context]  # a hit not about the claim may be a doubt about it
    extra = [
        (r, t) for r, t in others if r.article_id in about and r.statement_id not in seen and r.kind == "attributed"
    ]
    return first + judge_topic(evidence.terms, evidence.claim, extra, True, evidence.rarity, models.statement, denies)


def passes_on(shape: ClaimShape) -> bool:
    """Whether a claim about speech passes on what was said ("Iraq says the woman is not his wife"):
    besides whether the speaker said it, what others say of the thing said bears on it. A claimed
    denial or a claim that someone did not say a thing is only about the speaker."""
    return shape.kind == "speech" and shape.act in ("says", "confirms") and bool(shape.content)


def _passed_on(item: Judged, speaker: set[str], readings: dict[int, ArticleStance], cuts: Cuts) -> Judged:
    """A statement on a claim that passes on what someone said, as it bears on what was said. The
    speaker saying it is the claim itself, not a confirmation of it: it supports only where the
    article quoting it leans to support, as any quoted source's (``_backed``). A person who heard
    the speaker say it ("Musk told me …") is a witness, and stands. Anyone else telling that the
    speaker said it reports the claim: an outlet, in its own voice or cited by the article, and an
    organisation, an unnamed official or a speaker the store knows no person by, who pass on what
    was said as outlets do ("Flashpoint Intelligence said the group claimed the attack"). ``speaker``:
    the words naming the speaker (``speaker_words``)."""
    if item.stance.stance != SUPPORTS:
        return item
    if item.row.kind == "attributed" and said_by(item.row, speaker):
        return _backed(item, readings, cuts)
    if in_outlets_voice(item.row) or item.row.speaker_type == "outlet":
        return _reporting(item, "an outlet tells that it was said, which does not confirm it")
    if item.row.speaker_entity_type != "PERSON":
        return _reporting(item, "tells that it was said, which does not confirm it; no person who heard it")
    return item


def content_names(names: Sequence[str], speaker: set[str]) -> list[str]:
    """The claim's ``names`` other than the speaker's (``speaker``: its ``speaker_words``): what
    others say of the thing said need not name who said it."""
    return [n for n in names if not speaker & {w.lower() for w in NAME_WORD.findall(n)}]


def _read_on_content(evidence: Evidence, by_speaker: list[Judged], models: Models, speaker: set[str]) -> list[Judged]:
    """The statements of others than the speaker (named by ``speaker``) read against what the
    speaker is said to have said, as an ordinary claim."""
    taken = {j.row.statement_id for j in by_speaker}
    rows = [(r, t) for r, t in evidence.hits if r.statement_id not in taken and not said_by(r, speaker)]
    content = evidence.content or evidence.terms
    shape = evidence.shape
    return judge_topic(content, shape.content, rows, False, evidence.rarity, models.statement, shape.denies)


def _article_inputs(evidence: Evidence, judged: list[Judged]) -> dict[int, ArticleEvidence]:
    """What the article model reads of each candidate article: its text and place, and how the
    wording rules read its statements (as the model was trained)."""
    stances: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for item in judged:
        reading = item.rule or item.stance
        stances[item.row.article_id].append((reading.stance, reading.relevance))
    return {
        article_id: ArticleEvidence(c.title, c.text, c.rank, c.share, tuple(stances[article_id]))
        for article_id, c in evidence.articles.items()
    }


def carried_by_statements(judged: Sequence[Judged], read: set[int], share: float) -> set[int]:
    """The articles read whole that are about the claim on their statements' word: one of them
    carries at least ``share`` of the claim (``Cuts.statement_related``).

    Args:
        judged: every statement read against the claim.
        read: the articles the whole-article model read.
        share: the share of the claim's weighted words a statement must carry.
    Returns:
        Those articles' ids.
    """
    return {j.row.article_id for j in judged if j.row.article_id in read and j.stance.relevance >= share}


def _listed(item: Judged, speech: bool, readings: dict[int, ArticleStance], related: set[int]) -> bool:
    """A statement is listed when it carries enough of the claim (``CORE``; a claim about speech is
    judged on the speaker's own statements, which seldom repeat the names: ``RELEVANT``) and its
    article is about the claim (or was not read whole). A claim about speech is no exception: a
    story about another death hoax that quotes the same outlet says nothing of this one."""
    if item.stance.relevance < (RELEVANT if speech else CORE):
        return False
    return item.row.article_id not in readings or item.row.article_id in related


def missing_names(
    row: StatementRow, names: Sequence[str], forms: Mapping[str, Sequence[str]] | None = None
) -> list[str]:
    """The claim's ``names`` a statement leaves out. A name counts as named when any of its words
    is in the statement or its speaker's name ("Musk" for Elon Musk, "Peskov" speaking), or when the
    statement writes another name the store knows it by (``forms``; see ``written_otherwise``).

    Args:
        row: the statement.
        names: the names the claim is about.
        forms: for each name, the other names of its stored entity.

    Returns:
        The names the statement leaves out, in the claim's order.
    """
    written = f"{row.text} {row.speaker or ''}"
    text = written.lower()
    said = set(NAME_WORD.findall(text))
    forms = forms or {}
    return [
        n
        for n in names
        if not (set(NAME_WORD.findall(n.lower())) & said or n.lower() in text)
        and not written_otherwise(written, forms.get(n, ()))
    ]


def written_otherwise(text: str, forms: Sequence[str]) -> bool:
    """Whether ``text`` writes one of an entity's other names: a name of several words, in any case
    and spacing ("Islamic State" for ISIS), or an acronym as an acronym is written, with or without
    its dots ("U.S." or "US"; "is" is no "IS", nor is anything in a text written all in capitals).
    A lone word is too loose a sign ("State" of ISIS): the claim's own words count it."""
    shouting = not any(c.islower() for c in text)
    for form in forms:
        letters = acronym_key(form)
        if letters and not shouting:
            dotted = r"\.?".join(re.escape(c) for c in letters.upper()) + r"\.?"
            if re.search(rf"(?<![\w.]){dotted}(?!\w)", text):
                return True
        elif not letters and len(form.split()) >= 2:
            spaced = r"\s+".join(re.escape(w) for w in form.split())
            if re.search(rf"(?<!\w){spaced}(?!\w)", text, re.IGNORECASE):
                return True
    return False


def _aimed(item: Judged, names: Sequence[str], forms: Mapping[str, Sequence[str]] | None = None) -> Judged:
    """The statement, reporting rather than taking a side when it leaves out one of the claim's
    names: Peskov's denial of regular talks with Putin says nothing of talks with Kiriyenko."""
    if item.stance.stance not in (SUPPORTS, DISPUTES):
        return item
    missing = missing_names(item.row, names, forms)
    if not missing:
        return item
    return _reporting(item, f"does not name {', '.join(missing)}")


def _takes_side(item: Judged, cuts: Cuts) -> Judged:
    """The statement, reporting rather than taking a side when it carries less of the claim than its
    cut: for what a source says, the cut of the wording rule that read it (``Cuts.quoted_cut``); for
    the outlet's own sentence, ``Cuts.statement_sides``. Chosen on held-out folds: in a story about
    the claim, a denial of something else is not a denial of the claim."""
    reading = item.rule or item.stance
    cut = cuts.statement_sides if in_outlets_voice(item.row) else cuts.quoted_cut(reading.rule)
    if item.stance.stance not in (SUPPORTS, DISPUTES) or item.stance.relevance >= cut:
        return item
    return _reporting(item, "carries too little of the claim to take a side")


def _backed(item: Judged, readings: dict[int, ArticleStance], cuts: Cuts) -> Judged:
    """What a source says, reporting rather than supporting when the article quoting it, read
    whole, leans to support less than ``Cuts.backed_supports``: a story that only discusses a claim
    quotes those who state it, and a claim only a quoted source makes is not confirmed. The
    outlet's own sentence is the outlet's stance and needs no backing. An article not read whole
    (beyond the articles /compare reads) gives no backing, so where the search ranked it does not
    decide whether its quote counts."""
    if item.stance.stance != SUPPORTS or in_outlets_voice(item.row) or cuts.backed_supports <= 0:
        return item
    reading = readings.get(item.row.article_id)
    if reading is None:
        return _reporting(item, "counted as reporting: the article around it was not read whole")
    backing = support_share(reading)
    if backing >= cuts.backed_supports:
        return item
    shown, needed = math.floor(backing * 100), math.ceil(cuts.backed_supports * 100)
    why = f"counted as reporting: the article around it does not itself lean to support it ({shown}%, {needed}% needed)"
    return _reporting(item, why)


def _reporting(item: Judged, reason: str) -> Judged:
    """The statement, reporting the claim rather than taking a side, with ``reason`` added to why."""
    stance = Stance(REPORTS, f"{item.stance.why}; {reason}", item.stance.relevance, item.stance.probability)
    return dataclasses.replace(item, stance=stance)


def support_share(reading: ArticleStance) -> float:
    """P(supports | related) of a whole-article reading."""
    return reading.chances.get(SUPPORTS, 0.0) / max(reading.related, 1e-9)


def _statement_call(item: Judged) -> Call:
    row = item.row
    outlet = row.outlet or "an outlet"
    if in_outlets_voice(row):
        source, kind = outlet, "outlet"
    elif row.speaker_type == "outlet":
        source, kind = row.speaker or outlet, "another outlet"
    elif row.speaker_type == "anonymous":
        source, kind = UNNAMED, "anonymous"
    elif row.speaker_type == "pronoun" and (row.speaker or "").lower() in FITS:  # never resolved
        source, kind = UNRESOLVED, "anonymous"
    else:
        source, kind = row.speaker or UNNAMED, "named" if row.speaker else "anonymous"
    stance = item.stance
    probability = stance.probability if stance.probability is not None else 1.0
    return Call(
        article_id=row.article_id,
        outlet=outlet,
        source=source,
        source_kind=kind,
        stance=stance.stance,
        probability=probability,
        relevance=stance.relevance,
        why=stance.why,
        statement_id=row.statement_id,
        published=row.published or row.ingested_at or "",
    )


def article_side(reading: ArticleStance, cuts: Cuts) -> tuple[str, float]:
    """The stance of a related article's whole-article reading, and how sure it is: disputes or
    supports only at or above its cut (shares of the related mass), "unclear" when the reading
    leans to a side below it, else "reports"."""
    related = max(reading.related, 1e-9)
    disputes = reading.chances.get(DISPUTES, 0.0) / related
    supports = support_share(reading)
    reports = reading.chances.get(REPORTS, 0.0) / related
    if disputes >= cuts.disputes:
        return DISPUTES, disputes
    if supports >= cuts.supports:
        return SUPPORTS, supports
    if max(supports, disputes) > reports:
        return UNCLEAR, max(supports, disputes)
    return REPORTS, reports


def _article_call(candidate: CandidateArticle, reading: ArticleStance, cuts: Cuts) -> Call:
    stance, probability = article_side(reading, cuts)
    why = f"{reading.why} ({probability:.0%} sure it {_verb(stance)})"
    return _whole_article(candidate, stance, probability, reading.related, why)


def _covering_call(candidate: CandidateArticle, reading: ArticleStance) -> Call:
    """An article about a claim of speech with no statement of the speaker's: it covers the claim,
    and says nothing the judge can read of what the speaker did."""
    why = f"{reading.why}; no statement of the speaker's on it"
    return _whole_article(candidate, REPORTS, reading.related, reading.related, why)


def _whole_article(candidate: CandidateArticle, stance: str, probability: float, relevance: float, why: str) -> Call:
    """A call on a whole article, in the outlet's name."""
    article = candidate.article
    outlet = article.outlet or "an outlet"
    published = article.published or article.ingested_at or ""
    return Call(article.id, outlet, outlet, "article", stance, probability, relevance, why, published=published)


def _verb(stance: str) -> str:
    return {SUPPORTS: "supports it", DISPUTES: "disputes it", REPORTS: "only reports it"}.get(stance, "takes a side")


def _order(stance: str) -> int:
    order = (*STANCE_ORDER, UNCLEAR)
    return order.index(stance) if stance in order else len(order)


def _strength(call: Call) -> tuple:
    """Strongest first: by stance, then statements before whole-article readings, then the surest
    and most relevant, then a stable tie-break."""
    return (
        _order(call.stance),
        call.statement_id is None,
        -round(call.probability * call.relevance, 6),
        call.article_id,
        call.statement_id or 0,
    )


def first_report(calls: Sequence[Call], citing: dict[str, list[str]]) -> str | None:
    """The outlet that reported the claim first: the earliest supporting it on its own sources (an
    outlet citing another for it does not count), else the outlet the others cite most."""
    own = [c for c in calls if c.stance == SUPPORTS and c.outlet not in citing]
    if own:
        return min(own, key=lambda c: (c.published, c.article_id)).outlet
    cited = [name for names in citing.values() for name in names]
    return max(sorted(set(cited)), key=cited.count) if cited else None
