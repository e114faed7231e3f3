"""What the article says a person is: "Putin’s first deputy chief of staff", "NASA Director".

Read from the dependency parse: a role in front of the name (compounds and modifiers of
the name's head), an appositive after it ("Ian Bremmer, founder of Eurasia Group"), or
the noun the name stands in apposition to ("Donald Trump ally Elon Musk").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlp.doctext import text_of
from nlp.mentions import Draft
from nlp.names import is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PREFIX_DEPS = {"compound", "amod", "nmod", "poss", "case", "npadvmod", "punct", "nummod"}
_CUT_DEPS = {"relcl", "acl", "advcl", "punct", "cc"}
MAX_TOKENS = 16


_ROLE_SUFFIXES = (
    "er",
    "or",
    "ist",
    "man",
    "woman",
    "ant",
    "ent",
    "ian",
    "ire",
    "ee",
    "ive",
    "ate",
    "ert",
    "ess",
    "ary",
    "eon",
    "ard",
    "ier",
    "ef",
)


def _is_role(tokens: list[Token]) -> bool:
    """Some noun or title among the words; a lone lowercase word must look like a role."""
    if len(tokens) == 1 and not is_title_word(tokens[0].text):
        return tokens[0].pos_ == "NOUN" and tokens[0].lower_.endswith(_ROLE_SUFFIXES)
    return any(t.pos_ == "NOUN" or is_title_word(t.text) for t in tokens)


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


#: Forms of address: they say how to address a person, not what the person is, so they are no
#: description ("Mr." alone, "American journalist Mr" James Foley → "American journalist").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "mister"})


def _is_honorific(token: Token) -> bool:
    return token.text.rstrip(".").lower() in HONORIFICS


def _bounds(tokens: list[Token]) -> tuple[int, int] | None:
    while tokens and (
        tokens[0].dep_ in ("det", "punct", "cc", "case") or tokens[0].is_punct or _is_honorific(tokens[0])
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc" or _is_honorific(tokens[-1])):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_TOKENS or not _is_role(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return (start, end) if _balanced(text_of(tokens[0].doc)[start:end]) else None


def _prefix(span: Span) -> list[Token]:
    subtree = {t.i for t in span.root.subtree}
    tokens: list[Token] = []
    i = span.start - 1
    while i >= 0:
        token = span.doc[i]
        if token.i not in subtree or token.dep_ not in _PREFIX_DEPS or token.text in (",", ";", "(", ")"):
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _appositive(child: Token) -> list[Token]:
    cut: set[int] = set()
    for token in child.subtree:
        if token.dep_ in ("relcl", "acl", "advcl") and token.i != child.i:
            cut.update(t.i for t in token.subtree)
    tokens = [t for t in child.subtree if t.i not in cut]
    # keep the contiguous run around the head
    run = [t for t in tokens if abs(t.i - child.i) <= MAX_TOKENS]
    return run


def _head_of_apposition(span: Span) -> list[Token]:
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i > span.start:
        return []
    inside = {t.i for t in root.subtree}
    return [t for t in span.doc[head.left_edge.i : head.i + 1] if t.i not in inside]


def _same_line(doc: Doc, bounds: tuple[int, int], draft: Draft) -> bool:
    """A description and its name stand on one line: a heading above a paragraph ("The Associated
    Press update:") says nothing of the name the paragraph opens with."""
    return "\n" not in text_of(doc)[min(bounds[0], draft.start) : max(bounds[1], draft.end)]


def find_descriptors(doc: Doc, drafts: list[Draft]) -> list[tuple[int, int, int, str]]:
    """(mention index, start, end, kind) for each descriptor of a PERSON mention."""
    found: list[tuple[int, int, int, str]] = []
    for index, draft in enumerate(drafts):
        if draft.label != "PERSON" or draft.recovered:
            continue
        span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
        if span is None:
            continue
        candidates = [("title", _prefix(span)), ("role", _head_of_apposition(span))]
        candidates += [
            ("appositive", _appositive(child))
            for child in span.root.children
            if child.dep_ == "appos" and child.i > span.end - 1 and child.pos_ in ("NOUN", "PROPN")
        ]
        for kind, tokens in candidates:
            bounds = _bounds(tokens)
            if bounds and _same_line(doc, bounds, draft):
                found.append((index, *bounds, kind))
    return found
