"""How a statement stands toward a claim: supports, disputes, unverified or reports.

Pure functions over lemmas and text: the lemmas come from Analyzer.terms (stored at ingest for
statements). Rules, in order: a denial (cue or wording), a question (it says nothing), doubt
("unable to corroborate", "I don't know if this story is true"), a claim of "regular" contact met
by "only one", a negation of the claim's own words; otherwise a statement that carries the claim's
words supports it, and one that only touches it reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.claim_shape import DENIAL_VERBS
from nlp.terms import Terms

#: Speech verbs of denial, as the claim's reading knows them ("Peskov denied ...").
DENIAL_CUES = DENIAL_VERBS
DENIAL_TEXT = re.compile(
    r"\b(false|untrue|not true|no truth|fake news|nonsense|absurd|baseless|fabricated|hoax|lies|"
    r"never (happened|spoke|talked|met)|did ?n[o'’]t (happen|speak|talk|meet)|denied|denies|deny)\b",
    re.IGNORECASE,
)
#: Doubt. "should be investigated" earns its place on FNC-1 (bench/ablate_rules.py, grouped folds:
#: whole-article 74.0 without it, 74.5 with it; statements unchanged); "(un)aware" did not and was dropped.
DOUBT_TEXT = re.compile(
    r"\b(unable to (corroborate|confirm|verify)|could ?n[o'’]t (independently )?(corroborate|confirm|verify)|"
    r"can ?n[o'’]t (independently )?(corroborate|confirm|verify)|not (been )?(independently )?(verified|confirmed)|"
    r"(don|do|does|did)(n[’']t| not) know (if|whether)|if (it is |it's |it’s |that's |that’s |this is |they are )?true|"
    r"should be investigated|unconfirmed|unverified|no evidence|remains? unclear|"
    r"(investigating|looking into|checking|trying to (confirm|verify)) (the )?reports?|"
    r"could not be (reached|verified|confirmed))\b",
    re.IGNORECASE,
)
#: "only one call" against a claim of repeated contact. Neutral on every data set we have (FNC-1
#: grouped folds 46.1 / 74.5 with and without it: no FNC-1 claim is about frequency, so it never fires
#: there). Kept as a general reading of quantity against frequency, not measured to help.
RESTRICTIVE = re.compile(
    r"\b(only|just|a single|solely)\b[^.;]{0,20}\b(one|once|single)\b|\bonly once\b", re.IGNORECASE
)
FREQUENCY_WORDS = {
    "regular",
    "regularly",
    "frequent",
    "frequently",
    "repeated",
    "repeatedly",
    "ongoing",
    "constant",
    "constantly",
    "often",
    "routinely",
    "multiple",
    "many",
    "continuous",
}
#: Share of the claim a statement must carry for a negation of the claim's own words to dispute it:
#: half of it, as the rule was first written (set by hand, not tuned).
NEGATION_RELEVANCE = 0.5
NEGATION = re.compile(r"\b(not|no|never|neither|nor)\b|n[’']t\b", re.IGNORECASE)
#: Verbs that report a question.
QUESTION_CUES = frozenset({"ask", "wonder", "inquire", "enquire"})
HEDGE = re.compile(
    r"\b(allegedly|reportedly|alleged|allegation|claims? that|rumou?rs?|purported(ly)?)\b", re.IGNORECASE
)


def claims_repetition(claim: Terms) -> bool:
    """Whether the claim says something happens again and again ("regular contact")."""
    return bool(claim.lemmas & FREQUENCY_WORDS)


def overlap(claim: Terms, statement: Terms, rarity: dict[str, float] | None = None) -> float:
    """Share of the claim's words found in the statement, each weighted by its ``rarity`` (inverse
    document frequency over the store; a word nobody used weighs most) and names counting double."""
    if not claim.lemmas:
        return 0.0
    rarity = rarity or {}
    weight = {lemma: (2.0 if lemma in claim.names else 1.0) * rarity.get(lemma, 1.0) for lemma in claim.lemmas}
    found = sum(w for lemma, w in weight.items() if lemma in statement.lemmas)
    return found / sum(weight.values())


@dataclass(frozen=True)
class Stance:
    stance: str  # supports | disputes | unverified | reports | unclear
    why: str
    relevance: float
    probability: float | None = None  # how sure a learned reading is; None for a reading of the wording
    rule: str = ""  # which wording rule gave it (RULES); "" for a learned reading


#: The wording rules, each a family of readings whose share-of-claim cut for taking a side is
#: chosen on its own (judge.models.Cuts.quoted_sides).
DENIAL_CUE, NEGATED_CUE, QUESTION, DOUBT, RESTRICTION, DENIAL_WORD, NEGATION_RULE, HEDGED, STATES, TOUCHES = (
    "denial cue",
    "negated cue",
    "question",
    "doubt",
    "restriction",
    "denial word",
    "negation",
    "hedge",
    "states",
    "touches",
)
RULES = (DENIAL_CUE, NEGATED_CUE, QUESTION, DOUBT, RESTRICTION, DENIAL_WORD, NEGATION_RULE, HEDGED, STATES, TOUCHES)


def stance_of(
    claim: Terms,
    statement: Terms,
    text: str,
    cue_lemma: str = "",
    cue: str = "",
    relevance: float | None = None,
    claim_denies: bool = False,
) -> Stance:
    """The stance of one statement (its ``text``, said with ``cue``) toward the claim;
    ``claim_denies``: the claim itself says something is not so (``ClaimShape.denies``)."""
    reading = _wording(claim, statement, text, cue_lemma, cue, relevance)
    return toward_a_denial(reading, text) if claim_denies else reading


#: The rules that read a statement as saying the claim's content is not so.
DENYING_RULES = frozenset({DENIAL_CUE, DENIAL_WORD, NEGATION_RULE})


def toward_a_denial(reading: Stance, text: str) -> Stance:
    """A wording rule's reading of ``text`` turned toward a claim that itself denies something: a
    denial of the same thing agrees with it, and a statement of it with no negation at all passes
    on what the claim says is not so (it neither confirms nor surely contradicts a debunk: debunks
    quote the rumour). A statement carrying the claim's words with a negation the rules did not
    pin on them ("The Batmobile wasn't stolen": "stolen" is not the lemma "steal") still states
    the claim."""
    if reading.stance == "disputes" and reading.rule in DENYING_RULES:
        return Stance("supports", f"{reading.why}, as the claim does", reading.relevance, rule=reading.rule)
    if reading.stance == "supports" and reading.rule == STATES and not NEGATION.search(text):
        why = "states what the claim says is not so"
        return Stance("reports", why, reading.relevance, rule=reading.rule)
    return reading


def _wording(
    claim: Terms, statement: Terms, text: str, cue_lemma: str, cue: str, relevance: float | None
) -> Stance:
    score = overlap(claim, statement) if relevance is None else relevance
    negated_cue = bool(NEGATION.search(cue or ""))
    if cue_lemma in DENIAL_CUES and not negated_cue:
        return Stance("disputes", f"{cue or 'denies'}", score, rule=DENIAL_CUE)
    if cue_lemma in DENIAL_CUES and negated_cue:
        return Stance("reports", f"{cue}: no denial, no confirmation", score, rule=NEGATED_CUE)
    if asks(text, cue_lemma):
        return Stance("reports", "asks it, does not say it", score, rule=QUESTION)
    if doubt := DOUBT_TEXT.search(text):
        return Stance("unverified", doubt.group(0), score, rule=DOUBT)
    if claims_repetition(claim) and (restriction := RESTRICTIVE.search(text)):
        why = f"“{restriction.group(0)}” against a claim of repeated contact"
        return Stance("disputes", why, score, rule=RESTRICTION)
    if (denial := aimed_denial(claim, text)) and score >= 0.3:
        return Stance("disputes", denial.group(0), score, rule=DENIAL_WORD)
    if NEGATION.search(text) and score >= NEGATION_RELEVANCE and negates_claim(claim, text):
        return Stance("disputes", "negates the claim's own words", score, rule=NEGATION_RULE)
    if hedge := HEDGE.search(text):
        return Stance("reports", f"passes it on: “{hedge.group(0)}”", score, rule=HEDGED)
    if score >= 0.5:
        return Stance("supports", "states it", score, rule=STATES)
    return Stance("reports", "touches on it", score, rule=TOUCHES)


def asks(text: str, cue_lemma: str = "") -> bool:
    """A question asserts nothing: "Is Kim Jong-un planning to open a restaurant in Scotland?" carries
    every word of that claim and vouches for none of it.

    Args:
        text: the statement's words.
        cue_lemma: the lemma of the verb that reports it ("ask", "wonder").
    Returns:
        Whether the statement asks rather than says.
    """
    return cue_lemma in QUESTION_CUES or text.rstrip(" \"'”’)]").endswith("?")


def negates_claim(claim: Terms, text: str) -> bool:
    """A negation within a few words of one of the claim's (non-name) words, in the same phrase:
    in "are not Muslims, they are monsters" the "not" is about Muslims, not monsters. A negation
    inside a relative clause ("dozens more that did not get caught") says something of the noun the
    clause describes, not that the claim is untrue."""
    key = {w for w in claim.lemmas if w not in claim.names}
    for phrase in PHRASE_BREAK.split(text.lower()):
        words = re.findall(r"[\w’']+", phrase)
        for i, word in enumerate(words):
            if (NEGATION.fullmatch(word) or word.endswith(("n't", "n’t"))) and not in_relative_clause(words, i):
                window = words[i + 1 : i + 7]
                if any(w.rstrip("s") in key or w in key for w in window):
                    return True
    return False


#: Pronouns that open a relative clause, and the auxiliaries that may stand between one and its
#: negation ("that did not", "who was never", "which hasn't").
_RELATIVE = frozenset({"that", "who", "which", "whom"})
_AUXILIARIES = frozenset(
    "do does did is are was were be been has have had can could will would shall should may might must".split()
)


def in_relative_clause(words: list[str], i: int) -> bool:
    """Whether the negation ``words[i]`` (lower case) opens a relative clause: right after a
    relative pronoun ("who didn't", "that never"), or after one and an auxiliary ("that did not",
    "who had never"). The clause's subject is the noun before the pronoun ("people who did not
    vote"), unlike "said that he did not", where the clause has a subject of its own."""
    word, before = words[i], words[max(0, i - 2) : i]
    right_after = bool(before) and before[-1] in _RELATIVE
    after_auxiliary = len(before) == 2 and before[0] in _RELATIVE and before[1] in _AUXILIARIES
    if word.endswith(("n't", "n’t")) or word == "never":
        return right_after or (word == "never" and after_auxiliary)
    return word == "not" and after_auxiliary


#: Where a phrase ends inside a sentence (a comma, a colon, a dash, a bracket): a denial or a negation
#: on one side of it is seldom about the words on the other ("… apprehended at the border, a claim DHS said was false").
PHRASE_BREAK = re.compile(r"[,;:()\[\]]|\s[-–—]{1,2}\s|--")
#: A determiner right before a denial adjective makes it describe a thing ("a false report", "the
#: fabricated story"), not call the claim untrue.
_ATTRIBUTIVE = re.compile(r"\b(a|an|the|this|that|these|those|its|his|her|their|our|any|another)\s+$", re.IGNORECASE)
#: The denial words that can describe a thing; "a hoax", "a lie" after a determiner still call it untrue.
_ADJECTIVES = frozenset({"false", "untrue", "fabricated", "baseless", "absurd"})
#: Letters of a lemma a word must begin with to be taken for it: "apprehended" meets "apprehend",
#: "bribes" meets "bribe"; a shorter lemma must be the word itself.
_STEM = 4


def _carries(words: list[str], lemmas: set[str]) -> bool:
    """Whether any of ``words`` (lower case) is, or begins with, one of the claim's ``lemmas``."""
    stems = tuple(lemma for lemma in lemmas if len(lemma) >= _STEM)
    return any(w in lemmas or w.startswith(stems) for w in words)


def _phrase_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each phrase of ``text`` between ``PHRASE_BREAK`` marks."""
    spans, start = [], 0
    for mark in PHRASE_BREAK.finditer(text):
        spans.append((start, mark.start()))
        start = mark.end()
    spans.append((start, len(text) + 1))
    return [(a, b) for a, b in spans if text[a:b].strip()] or [(0, len(text) + 1)]


def aimed_denial(claim: Terms, text: str) -> re.Match[str] | None:
    """The first denial word of ``text`` that is aimed at the claim: not one describing a thing ("a
    false report"), and, in a statement of several phrases, one whose phrase carries some of the
    claim's words other than names, so that a denial added about something else ("…, a claim DHS
    said was false", "-- a claim that his agent denies") is not read as this one.

    Args:
        claim: the claim's lemmas and names.
        text: the statement's words.
    Returns:
        The denial word's match, or None.
    """
    key = {w for w in claim.lemmas if w not in claim.names} or set(claim.lemmas)
    phrases = _phrase_spans(text)
    for match in DENIAL_TEXT.finditer(text):
        if match.group(0).lower() in _ADJECTIVES and _ATTRIBUTIVE.search(text[: match.start()]):
            continue
        if len(phrases) == 1:
            return match
        start, end = next((a, b) for a, b in phrases if a <= match.start() < b)
        if _carries(re.findall(r"[\w’']+", text[start:end].lower()), key):
            return match
    return None
