"""The words of a claim that describe the people and organisations it names, rather than claim.

A reporter often pastes a whole sentence: "Elon Musk, the world's richest man and a linchpin of
U.S. space efforts, has been in regular contact with Russian President Vladimir Putin since late
2022." The claim is that Musk and Putin are in regular contact. The appositive ("the world's
richest man and …") and the title before a name ("Russian President") say who the people are; an
article disputing the contact seldom repeats them, so counted as the claim's words they make the
denial look as if it carried too little of the claim, and a name inside them ("U.S.") looks like
one the denial leaves out. Judging reads the claim without them.

Nor is the credit a headline puts after its last colon part of the claim: "Kim had ankle surgery:
source", "Airdrop fell into ISIS hands: Pentagon". It says who tells it, as "Police say …" does;
an article about the surgery need not name the source, so it is no name the evidence must repeat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Entities a description is about: people, organisations, places and facilities.
DESCRIBED = frozenset({"PERSON", "ORG", "GPE", "FAC"})
#: Entities a title keeps as the claim's own words ("Apple" of "Apple CEO Tim Cook").
KEPT_IN_TITLES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Title words: nouns and adjectives ("Russian President"; a nationality is no entity kept).
TITLE_POS = frozenset({"NOUN", "ADJ", "PROPN"})
#: A claim keeps its descriptions when what is left of it would carry fewer content words than this.
MIN_CORE_WORDS = 2


def description_tokens(doc: Doc) -> set[int]:
    """The indices of the tokens that describe a named person or organisation: an appositive
    attached to the name ("Elon Musk, the world's richest man, …"), and the title words before it
    ("Russian President" of "Russian President Vladimir Putin"), other names kept.

    Args:
        doc: the claim's parse.
    Returns:
        The token indices to leave out of the claim's words; empty when too little would be left.
    """
    named = [e for e in doc.ents if e.label_ in DESCRIBED]
    inside = {t.i for e in named for t in e}
    kept = {t.i for e in doc.ents if e.label_ in KEPT_IN_TITLES for t in e}
    dropped: set[int] = set()
    for token in doc:
        if token.dep_ == "appos" and token.head.i in inside and token.i not in inside and _set_off(token):
            dropped |= _with_its_commas(token)
    for entity in named:
        dropped |= {i for i in _title_before(entity) if i not in kept}
    content = [t for t in doc if t.i not in dropped and (t.is_alpha or t.like_num) and not t.is_stop]
    return dropped if len(content) >= MIN_CORE_WORDS else set()


#: The most words a headline's credit after its last colon holds ("Reports", "Jerusalem Post",
#: "Shia MP"); a longer tail is a claim of its own.
CREDIT_WORDS = 3
#: Entities a credit names: who tells the claim ("…: Pentagon", "…: Jerusalem Post", "…: Shia MP").
CREDIT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Nouns a credit is made of when it names no one: the kinds of source headlines credit.
SOURCE_NOUNS = frozenset(
    {
        "report", "source", "official", "police", "cop", "witness", "monitor", "analyst", "family",
        "attorney", "lawyer", "spokesman", "spokeswoman", "spokesperson", "aide", "insider", "expert",
        "study", "survey", "poll", "media", "government", "ministry", "army", "military", "authority",
    }
)  # fmt: skip
#: Words that make a tail a verdict on the claim, never its credit ("…: not true", "…: false").
VERDICT_WORDS = frozenset({"not", "no", "never", "true", "false", "untrue", "fake", "hoax", "confirmed", "denied"})


def credit_tokens(doc: Doc) -> set[int]:
    """The indices of a headline's credit: the words after its last colon when they are a short
    phrase with no verb that names who tells the claim (an entity, or a source noun such as
    "Reports" or "Cops") and the words before the colon claim something on their own. A tail that
    answers or judges the claim ("…: not true", "…: pilot error", "…: $3bn") is the claim's own.

    Args:
        doc: the claim's parse.
    Returns:
        The token indices of the colon and the credit; empty when the line has none.
    """
    colons = [t.i for t in doc if t.text == ":"]
    if not colons:
        return set()
    colon = colons[-1]
    tail = [t for t in doc[colon + 1 :] if not t.is_punct]
    before = [t for t in doc[:colon] if (t.is_alpha or t.like_num) and not t.is_stop]
    if not 1 <= len(tail) <= CREDIT_WORDS or len(before) < MIN_CORE_WORDS:
        return set()
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in VERDICT_WORDS for t in tail):
        return set()
    names_a_source = any(t.ent_type_ in CREDIT_ENTITIES for t in tail)
    if not names_a_source and tail[-1].lemma_.lower() not in SOURCE_NOUNS and tail[-1].lower_ not in SOURCE_NOUNS:
        return set()
    return set(range(colon, len(doc)))


def _set_off(appositive: Token) -> bool:
    """An appositive set off by a comma ("Musk, the world's richest man,"): a description, not a
    restrictive one that names ("the company Apple")."""
    first = min(t.i for t in appositive.subtree)
    return first > 0 and appositive.doc[first - 1].text in {",", "(", "—", "–"}


def _with_its_commas(appositive: Token) -> set[int]:
    """The appositive's tokens with the comma (or brackets) that set it off on each side."""
    words = {t.i for t in appositive.subtree}
    first, last = min(words), max(words)
    words.add(first - 1)
    after = appositive.doc[last + 1] if last + 1 < len(appositive.doc) else None
    if after is not None and after.text in {",", ")", "—", "–"}:
        words.add(after.i)
    return words


def _title_before(entity: Span) -> set[int]:
    """The words before a name that hang on it inside its noun phrase: its title and what
    qualifies the title ("Russian President", "political scientist", "SpaceX founder")."""
    root = entity.root
    found: set[int] = set()
    for child in root.lefts:
        if child.i >= entity.start or child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        words = [t for t in child.subtree if t.i < entity.start]
        if words and all(t.pos_ in TITLE_POS or t.is_punct or t.dep_ in ("case", "det") for t in words):
            found |= {t.i for t in words}
    return found


def core_text(doc: Doc, dropped: set[int]) -> str:
    """The claim's text without the ``dropped`` tokens, a space left where a gap closes.

    Args:
        doc: the claim's parse.
        dropped: token indices to leave out (``description_tokens``).
    Returns:
        The text, stripped.
    """
    parts: list[str] = []
    kept = [t for t in doc if t.i not in dropped]
    for token, following in zip(kept, [*kept[1:], None], strict=True):
        gap = following is not None and following.i != token.i + 1 and not token.whitespace_
        parts.append(token.text_with_ws + (" " if gap else ""))
    return "".join(parts).strip()
