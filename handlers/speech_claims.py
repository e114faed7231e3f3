"""Judging a claim about speech ("Peskov denied regular talks between Musk and Putin").

Such a claim is true when the speaker said it: the evidence is the speaker's own statements (and
sentences that report them), judged by whether they are the statement the claim describes. A
denial by Peskov of regular talks supports "Peskov denied regular talks"; it would dispute
"Musk and Putin were in regular contact", which is the ordinary reading handlers.compare gives.
"""

from __future__ import annotations

import re

from nlp.claim_shape import ClaimShape, speech_act
from nlp.stance import DENIAL_TEXT, NEGATION, Stance, Terms, negates_claim, overlap
from store.records import StatementRow

_CONFIRM_TEXT = re.compile(r"\b(confirm(s|ed)?|acknowledg(e|es|ed)|admit(s|ted)?|conceded?)\b", re.IGNORECASE)
_SPEECH_TEXT = re.compile(r"\b(said|says|told|tells|stated|claimed|wrote|insisted|assured)\b", re.IGNORECASE)
_NOT_NAMES = {"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr"}


def speaker_words(speaker: str) -> set[str]:
    """The words that name the speaker ("Dmitry Peskov" → dmitry, peskov; "The Kremlin" → kremlin)."""
    return {w.lower() for w in re.findall(r"[A-Z][\w’'-]+", speaker) if w.lower() not in _NOT_NAMES}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'-]+", text)}


def _said_by(row: StatementRow, names: set[str]) -> bool:
    return bool(row.speaker) and bool(names & _words(row.speaker))


def _reports_speech(row: StatementRow, names: set[str]) -> bool:
    """A sentence that names the speaker speaking ("Peskov denied ...", Bremmer: "Musk told me ...")."""
    spoke = DENIAL_TEXT.search(row.text) or _CONFIRM_TEXT.search(row.text) or _SPEECH_TEXT.search(row.text)
    return bool(names & _words(row.text)) and bool(spoke)


def _act_of(row: StatementRow, by_speaker: bool, content: Terms) -> str:
    """What the row shows the speaker doing; saying the claimed content is not so is denying it."""
    if by_speaker and row.cue_lemma:
        act = speech_act(row.cue_lemma, bool(NEGATION.search(row.cue or "")))
        if act != "says":
            return act
    if DENIAL_TEXT.search(row.text) or negates_claim(content, row.text):
        return "denies"
    return "confirms" if _CONFIRM_TEXT.search(row.text) else "says"


def _agrees(claimed: str, found: str) -> bool:
    """A denial is only matched by a denial; saying and confirming match each other."""
    return (claimed == "denies") == (found == "denies")


def judge_speech(
    shape: ClaimShape, content: Terms, rows: list[tuple[StatementRow, Terms]], rarity: dict[str, float], least: float
) -> list[tuple[StatementRow, Stance]]:
    """The speaker's statements about the claimed content, each supporting the claim when it is
    the statement claimed (the same act: a denial for "denied") and disputing it otherwise.

    Relevance is measured on the content's words other than names: the speaker seldom repeats the
    names ("denied that the two had maintained regular talks").
    """
    names = speaker_words(shape.speaker)
    words = Terms(content.lemmas - content.names, frozenset()) if content.lemmas - content.names else content
    judged = []
    # Attributed statements first: a sentence of the outlet's own that repeats one adds nothing.
    ordered = sorted(rows, key=lambda item: item[0].kind != "attributed")
    taken: set[tuple[int, str]] = set()
    for row, terms in ordered:
        by_speaker = _said_by(row, names)
        if not by_speaker and not _reports_speech(row, names):
            continue
        if row.kind != "attributed" and (row.article_id, row.sentence) in taken:
            continue
        relevance = overlap(words, terms, rarity)
        if relevance < least:
            continue
        taken.add((row.article_id, row.sentence))
        act = _act_of(row, by_speaker, words)
        who = row.speaker if by_speaker else f"{row.speaker or row.outlet or 'the outlet'} says {shape.speaker}"
        if _agrees(shape.act, act):
            judged.append((row, Stance("supports", f"{who} {act} it, as the claim says", relevance)))
        else:
            why = f"{who} {act} it; the claim says {shape.speaker} {shape.act} it"
            judged.append((row, Stance("disputes", why, relevance)))
    return judged
