"""Reading each stored statement against a claim: how much of the claim it carries, and whether it
supports, disputes or only reports it.

``judge_topic`` reads statements against an ordinary claim, ``judge_speech`` against a claim about
what someone said; the outlets each article cites, the first report and the figures that differ
come from the judged statements too. The floors (``RELEVANT``, ``CORE``) live here with where their
values come from; the wording cues (denial, doubt, hedge) are in ``judge.cues``, the statement
model in ``judge.statement_model``; ``judge.judging`` turns these readings into the calls the
verdict is computed from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from judge.article_model import probabilities
from judge.cues import (
    DENIAL_CUES,
    DENYING_RULES,
    DOUBT_TEXT,
    NEGATION,
    QUESTION,
    STATES,
    Stance,
    aimed_denial,
    asks,
    negates_claim,
    overlap,
    stance_of,
)
from judge.statement_model import load_model, statement_call, statement_features
from nlp.claim_shape import NOT_SAID, ClaimShape, speech_act
from nlp.linker.short_forms import REGNAL_TITLES
from nlp.person_nouns import person_nouns
from nlp.terms import Terms
from store.records import StatementRow

#: Weighted share of the claim's words a statement must carry to be shown. Set by hand with the
#: rule, not tuned; bench/eval_stance.py scores the statement reading that uses it (grouped FNC-1 folds).
RELEVANT = 0.2
#: ... and to count toward the verdict, so a passing mention does not decide it. Set by hand with
#: the rule, not tuned; bench/eval_stance.py scores the statement reading that uses it.
CORE = 0.35
#: Share of the claim's weight carried by words no stored statement uses, above which the store has
#: no coverage of the claim, unless a candidate article is about it in other words (judge.judging).
#: Set by hand with the rule, not tuned (no data set scores coverage).
NO_COVERAGE_SHARE = 0.4
#: Relevance of a statement that carries every weighted word of the claim: with no hedge, doubt,
#: denial or negation, it states the claim, whatever the statement model says (it learned from
#: FNC-1 bodies, where a story mostly repeats a claim it discusses). Not tuned: all of the claim.
WHOLE_CLAIM = 1.0
#: Share of the claim an outlet's sentence must carry for the statement model to call it supporting
#: or disputing: the model learned from whole stories, and would call a sentence about something
#: else in a confirming story supporting. The verdict's own floor, so it changes only the sentences
#: shown but not counted, which no data set scores (bench/eval_stance.py: no effect); not tuned.
TAKES_SIDES = CORE
META = re.compile(r"\b(report|reports|reported|reporting|story|article|allegations?|claims?|rumou?rs?)\b", re.I)
STANCE_ORDER = ("supports", "disputes", "unverified", "reports")


@dataclass
class Judged:
    """A statement with its stance toward the claim and the figures it gives; ``rule`` is the
    wording rules' reading of an ordinary claim (judge_topic)."""

    row: StatementRow
    stance: Stance
    numbers: list[tuple] = field(default_factory=list)
    rule: Stance | None = None


def is_meta(row: StatementRow, claim: Terms, statement: Terms) -> bool:
    """A doubt or denial in an article about the claim, pointing back at the reporting ("unable to
    corroborate it", "denied ... regular talks") though it names nobody in the claim."""
    doubting = bool(DOUBT_TEXT.search(row.text)) or (row.cue_lemma or "") in DENIAL_CUES
    shares_word = bool((claim.lemmas - claim.names) & statement.lemmas)
    return doubting and (bool(META.search(row.text)) or shares_word)


def judge_topic(
    claim: Terms,
    claim_text: str,
    rows: list[tuple[StatementRow, Terms]],
    in_claimed_articles: bool,
    rarity: dict[str, float],
    model: dict | None = None,
    claim_denies: bool = False,
) -> list[Judged]:
    """The statements relevant to an ordinary claim, each with its stance. ``in_claimed_articles``:
    the rows come from articles already about the claim, where a doubt or denial pointing back at
    the reporting counts though it shares few of the claim's words; ``claim_denies``: the claim
    says that something is not so (``ClaimShape.denies``), so the wording rules read a denial of
    it as agreeing (``judge.cues.toward_a_denial``).

    The outlet's own sentences are read by the statement model (``model``; judge.statement_model,
    the shipped one when None), which learned from FNC-1 what a story's own wording says of a claim.
    What a quoted speaker says is the speaker's stance, which FNC-1's labels (the story's stance)
    cannot teach: the wording rules (judge.cues) read it."""
    model = load_model() if model is None else model
    judged = []
    for row, said in rows:
        score = overlap(claim, said, rarity)
        if in_claimed_articles and is_meta(row, claim, said):
            score = max(score, CORE)
        if score < RELEVANT:
            continue
        rule = stance_of(claim, said, row.text, row.cue_lemma or "", row.cue or "", score, claim_denies)
        stance = ruled_stance(row, rule)
        told_denial = rule.stance == "disputes" or rule.rule in DENYING_RULES
        if row.kind != "attributed" and told_denial:  # the outlet tells of someone's denial
            rule = stance = Stance("reports", f"reports a denial: {rule.why}", rule.relevance)
        if stance is None and in_outlets_voice(row):
            stance = _learned_stance(rule, model_features(claim_text, row, rule), model)
        elif stance is None:
            stance = rule
        if stance is not None:
            judged.append(Judged(row, stance, rule=rule))
    return judged


def model_features(claim_text: str, row: StatementRow, rule: Stance) -> list[str]:
    """What the statement model sees of a statement and the wording rules' reading of it."""
    return statement_features(
        claim_text, row.text, rule.relevance, rule.stance, row.kind, row.speaker_type, row.cue, row.cue_lemma
    )


def in_outlets_voice(row: StatementRow) -> bool:
    """The outlet's own sentence, not a person or another outlet it quotes."""
    return row.kind != "attributed" or (row.speaker_type == "outlet" and row.speaker == row.outlet)


def ruled_stance(row: StatementRow, rule: Stance) -> Stance | None:
    """The readings the hand rules keep; None: the statement model decides. A speaker's own denial
    ("Peskov denied ...") disputes the claim, a doubt ("unable to corroborate") leaves it
    unverified and a question only reports it, whatever the story around them does; a statement
    carrying every word of the claim with no hedge, doubt, denial or negation states it
    (``WHOLE_CLAIM``). Each is measured in the README (bench/eval_stance.py)."""
    own_denial = row.kind == "attributed" and (row.cue_lemma or "") in DENIAL_CUES
    states_it = rule.stance == "supports" and rule.rule == STATES and rule.relevance >= WHOLE_CLAIM
    return rule if own_denial or states_it or rule.stance == "unverified" or rule.rule == QUESTION else None


def side_taken(label: str, relevance: float) -> str:
    """The statement model's label, as reporting when the sentence carries too little of the claim
    to support or dispute it (``TAKES_SIDES``)."""
    return "reports" if label in ("supports", "disputes") and relevance < TAKES_SIDES else label


def _learned_stance(rule: Stance, names: list[str], model: dict) -> Stance | None:
    """The statement model's reading; None when it reads the statement as not about the claim. A
    support or dispute the model leans to but is not sure of (below its thresholds) is "unclear"."""
    chances = dict(zip(model["labels"], probabilities(model, names), strict=True))
    call = statement_call(model, names)
    if call.label == "unrelated":
        return None
    leaning = max(("supports", "disputes"), key=chances.__getitem__)
    if call.label == "reports" and chances[leaning] > chances["reports"]:
        why = f"leans to “{leaning}” ({chances[leaning]:.0%}), below the cut; the wording alone: {rule.why}"
        return Stance("unclear", why, rule.relevance, chances[leaning])
    if side_taken(call.label, rule.relevance) != call.label:
        why = f"{rule.why} (too little of the claim to take a side)"
        return Stance("reports", why, rule.relevance, chances["reports"])
    sure = f"{call.confidence:.0%} sure"
    if call.label == rule.stance:
        return Stance(call.label, f"{rule.why} ({sure})", rule.relevance, call.confidence)
    reading = {"supports": "states it", "disputes": "disputes it", "reports": "reports it"}[call.label]
    return Stance(call.label, f"{reading} ({sure}; the wording alone: {rule.why})", rule.relevance, call.confidence)


def no_coverage_share(claim: Terms, unseen: list[str], rarity: dict[str, float]) -> float:
    """The share of the claim's weight in words no stored statement uses (see ``NO_COVERAGE_SHARE``)."""
    return overlap(claim, Terms(frozenset(unseen), frozenset()), rarity) if unseen else 0.0


def citing_outlets(judged: list[Judged]) -> dict[str, list[str]]:
    """Outlets that attribute the claim to another outlet ("according to the Journal")."""
    found: dict[str, list[str]] = defaultdict(list)
    for item in judged:
        row = item.row
        if (
            row.speaker_type == "outlet"
            and row.speaker
            and row.outlet
            and item.stance.stance in ("supports", "reports")
        ):
            if row.speaker.lower() not in row.outlet.lower() and row.speaker not in found[row.outlet]:
                found[row.outlet].append(row.speaker)
    return dict(found)


def number_differences(judged: list[Judged]) -> list[dict]:
    """Figures counting the same thing written differently ("some 30" vs "over 30")."""
    by_noun: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for item in judged:
        for text, _value, _qualifier, unit, noun in item.numbers:
            key = noun or unit or ""
            if key:
                by_noun[key][text].add(item.row.outlet or "unknown outlet")
    found = []
    for noun, variants in by_noun.items():
        if len(variants) > 1:
            found.append({"counts": noun, "variants": [{"text": t, "outlets": sorted(o)} for t, o in variants.items()]})
    return found


# Claims about speech ("Peskov denied regular talks between Musk and Putin") are true when the
# speaker said it: the evidence is the speaker's own statements (and sentences that report them),
# judged by whether they are the statement the claim describes. A denial by Peskov of regular talks
# supports "Peskov denied regular talks"; it would dispute "Musk and Putin were in regular contact",
# which is the ordinary reading ``judge_topic`` gives.

#: A denial told as something the speaker did ("Peskov denied"); "false" or "a hoax" near the
#: speaker's name is no act of theirs ("an impostor website posted a false report").
_DENIAL_VERB_TEXT = re.compile(
    r"\b(den(y|ies|ied|ying)|reject(s|ed|ing)?|refut(e|es|ed|ing)|dismiss(es|ed|ing)?|rebut(s|ted|ting)?)\b",
    re.IGNORECASE,
)
_CONFIRM_TEXT = re.compile(r"\b(confirm(s|ed)?|acknowledg(e|es|ed)|admit(s|ted)?|conceded?)\b", re.IGNORECASE)
_SPEECH_TEXT = re.compile(r"\b(said|says|told|tells|stated|claimed|wrote|insisted|assured)\b", re.IGNORECASE)
_NOT_NAMES = {"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr"}


def speaker_words(speaker: str) -> set[str]:
    """The words that name the speaker ("Dmitry Peskov" → dmitry, peskov; "The Kremlin" → kremlin),
    without the titles before a name: "Pope Francis" is Francis, and Pope Benedict XVI is not he."""
    words = {w.lower() for w in re.findall(r"[A-Z][\w’'-]+", speaker) if w.lower() not in _NOT_NAMES}
    named = words - person_nouns() - REGNAL_TITLES
    return named or words


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'-]+", text)}


def said_by(row: StatementRow, names: set[str]) -> bool:
    """Whether the statement's speaker is named by one of ``names`` (``speaker_words``)."""
    return bool(row.speaker) and bool(names & _words(row.speaker))


#: How many words before a speech word the speaker's name may stand for the outlet's own sentence
#: to tell of that speaker speaking: "Peskov denied", "Boko Haram has flatly denied", "the Kremlin's
#: spokesman, Dmitry Peskov, told reporters". A name further back, or after a clause break, is
#: seldom the verb's subject ("The Department of Homeland Security flatly denied a claim from a
#: congressman that ISIS …" is no denial by ISIS). Set by hand with the rule, not tuned.
SUBJECT_WINDOW = 6
_CLAUSE_BREAK = re.compile(r"[.;:!?]|\bthat\b|\bwho\b|\bwhich\b", re.IGNORECASE)


def _told_act(text: str, names: set[str], content: Terms) -> str | None:
    """What an outlet's sentence tells the speaker doing, when it names the speaker right before a
    speech word ("Peskov denied …", "Musk told Bremmer …"): denies, confirms or says; None when it
    tells no speech of theirs. Saying, or confirming, that the claimed content is not so is denying
    it ("The PGA Tour has confirmed that there is no truth to these claims")."""
    found = []
    for pattern, act in ((_DENIAL_VERB_TEXT, "denies"), (_CONFIRM_TEXT, "confirms"), (_SPEECH_TEXT, "says")):
        for match in pattern.finditer(text):
            before = _CLAUSE_BREAK.split(text[: match.start()])[-1]
            words = list(re.finditer(r"\S+", before))[-SUBJECT_WINDOW:]
            if words and names & _words(" ".join(w.group(0) for w in words)):
                found.append((match.start(), act, match.start() - len(before) + words[0].start()))
    if not found:
        return None
    _, act, subject = min(found)  # the speaker's first speech verb: what was said follows it
    said = text[subject:]  # from the speaker's name: "Francis never said …" keeps its "never"
    return "denies" if act != "denies" and (negates_claim(content, said) or aimed_denial(content, said)) else act


def _act_of(row: StatementRow, by_speaker: bool, content: Terms) -> str:
    """What the speaker's own statement does; saying, or confirming, that the claimed content is not
    so is denying it."""
    cue_act = speech_act(row.cue_lemma, bool(NEGATION.search(row.cue or ""))) if by_speaker and row.cue_lemma else ""
    if cue_act == "denies" or aimed_denial(content, row.text) or negates_claim(content, row.text):
        return "denies"
    return "confirms" if cue_act == "confirms" or _CONFIRM_TEXT.search(row.text) else "says"


def _stance_of_act(claimed: str, found: str, content_denies: bool = False) -> str:
    """How a speech found stands to the speech claimed: the same act supports (saying and confirming
    match each other); a denial against a claimed saying or confirmation disputes, and so does a
    confirmation against a claimed denial. Merely saying something, where a denial was claimed,
    contradicts nothing: "Boko Haram says …" does not show it did not deny the ceasefire. Where the
    claim is that the speaker did not say it (``NOT_SAID``), a denial of it supports and the
    speaker saying it disputes. Where what the speaker is said to have said is itself that
    something is not so (``content_denies``: "Iraq says the woman is not his wife"), the speaker's
    denial of that thing is saying it, and supports."""
    if content_denies and claimed in ("says", "confirms") and found == "denies":
        return "supports"
    if claimed == NOT_SAID:
        return "supports" if found == "denies" else "disputes"
    if (claimed == "denies") == (found == "denies"):
        return "supports"
    if claimed == "denies" and found == "says":
        return "reports"
    return "disputes"


def judge_speech(
    shape: ClaimShape, content: Terms, rows: list[tuple[StatementRow, Terms]], rarity: dict[str, float]
) -> list[Judged]:
    """The speaker's statements about the claimed content, and the outlet's sentences that tell of
    the speaker speaking (``_told_act``), each read against the act claimed (``_stance_of_act``:
    the same act supports, a contrary one disputes, a question says nothing).

    Relevance is measured on the content's words other than names: the speaker seldom repeats the
    names ("denied that the two had maintained regular talks").
    """
    names = speaker_words(shape.speaker)
    words = Terms(content.lemmas - content.names, frozenset()) if content.lemmas - content.names else content
    judged: list[Judged] = []
    # Attributed statements first: a sentence of the outlet's own that repeats one adds nothing.
    ordered = sorted(rows, key=lambda item: item[0].kind != "attributed")
    taken: set[tuple[int, str]] = set()
    for row, terms in ordered:
        by_speaker = said_by(row, names)
        told = None if by_speaker else _told_act(row.text, names, words)
        if not by_speaker and told is None:
            continue
        if row.kind != "attributed" and (row.article_id, row.sentence) in taken:
            continue
        relevance = overlap(words, terms, rarity)
        if relevance < RELEVANT:
            continue
        taken.add((row.article_id, row.sentence))
        act = _act_of(row, by_speaker, words) if by_speaker else told
        who = row.speaker if by_speaker else f"{row.speaker or row.outlet or 'the outlet'} says {shape.speaker}"
        if asks(row.text, row.cue_lemma or ""):  # "What does Pope Francis think about pets?" says nothing
            judged.append(Judged(row, Stance("reports", f"{who} asks of it, does not say it", relevance)))
            continue
        stance = _stance_of_act(shape.act, act, shape.denies)
        if stance == "supports":
            judged.append(Judged(row, Stance("supports", f"{who} {act} it, as the claim says", relevance)))
        elif stance == "disputes":
            why = f"{who} {act} it; the claim says {shape.speaker} {shape.act} it"
            judged.append(Judged(row, Stance("disputes", why, relevance)))
        else:
            why = f"{who} speaks of it without denying it; the claim says {shape.speaker} {shape.act} it"
            judged.append(Judged(row, Stance("reports", why, relevance)))
    return judged
