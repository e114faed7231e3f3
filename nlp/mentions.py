"""From spaCy's entity spans to clean mentions: the name itself, nothing around it.

Fixes what en_core_web_sm gets wrong on news: possessives and titles inside names,
e-mail addresses and URLs as organisations, single words called people that the
article never introduces as people (SpaceX, Semafor, Kyiv), names missed when they
stand alone ("Musk"), renames ("X, formerly Twitter") and handles (@elonmusk).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from domain import ENTITY_LABELS, GENERATIONS, acronym_key, generation, name_key, name_words
from nlp.doctext import text_of
from nlp.headlines import (
    body_name_keys,
    headline_pieces,
    is_title_case,
    line_bounds,
    longest_line_piece,
    lower_case_stems,
)
from nlp.names import (
    HANDLE,
    LEGAL_FORMS,
    PLACE_PREPOSITIONS,
    POSSESSIVE,
    credentials_end,
    handle_matches,
    is_contact,
    is_demonym,
    is_title_word,
    strip_possessive,
    without_credentials,
)
from nlp.proper_nouns import missed_proper_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_EDGE_PUNCT = "\"'`“”‘’()[]{},;:!?—–-"
#: Lower-case words that sit between two names, never inside one.
_CLAUSE_WORDS = frozenset({"that", "told", "tells", "said", "says", "which", "who", "whose"})
#: A game's score glued to a team's name by the model ("Evansville 91-73", "Drake 65 - 53").
_TRAILING_SCORE = re.compile(r"\s+\d+\s*[-–]\s*\d+$")
_RENAME = re.compile(
    r"(?P<new>\b[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)\s*(?:,|—|–|\(|--?)\s*"
    r"(?:formerly|previously|once)\s+(?:known\s+as\s+|called\s+)?"
    r"(?P<old>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)"
)
#: What every match of _RENAME holds: a separator, then "formerly", "previously" or "once" and a space.
_RENAME_MARK = re.compile(r"(?:,|—|–|\(|-)\s*(?:formerly|previously|once)\s")


#: A span as the model gave it, trimmed: start, end, label, and the title inside it, if any.
RawSpan = tuple[int, int, str, tuple[int, int] | None]


@dataclass
class Draft:
    start: int
    end: int
    label: str
    text: str
    recovered: bool = False


@dataclass
class Findings:
    mentions: list[Draft] = field(default_factory=list)
    ties: list[tuple[int, int, str]] = field(default_factory=list)  # same entity, and why
    titles: list[tuple[int, int, int]] = field(default_factory=list)  # (mention, start, end)
    fallback: dict[str, str] = field(default_factory=dict)  # key → label if not a known person


def _parts(span: Span) -> list[tuple[list[Token], str]]:
    """A span split at a possessive inside it: "Musk’s X" names Musk, and X (not a person);
    at a word that joins two clauses ("Associated Press that Islamic State", "Mallie told
    FOX411"): two names the model read as one; and at a dash with a space on each side
    ("Computerworld - Microsoft"), punctuation between two names, never a hyphen inside one; and
    at a comma between two places ("Banstead, Surrey"), which no person's or organisation's name
    the model reads as one holds but before a suffix ("Comeaux, Jr.", "Sony, Inc.")."""
    parts: list[tuple[list[Token], str]] = []
    current: list[Token] = []
    after_possessive = False
    for token in span:
        if token.text in _CLAUSE_WORDS or _is_spaced_dash(token) or _parts_places(token, span):
            if current:
                parts.append((current, span.label_))
            current, after_possessive = [], False
            continue
        if current and POSSESSIVE.search(token.text) and token.i < span.end - 1:
            if not POSSESSIVE.fullmatch(token.text):
                current.append(token)
            parts.append((current, span.label_))
            current, after_possessive = [], True
            continue
        current.append(token)
    if current:
        label = "ORG" if after_possessive and span.label_ == "PERSON" else span.label_
        parts.append((current, label))
    return parts


def _is_spaced_dash(token: Token) -> bool:
    """A dash with a space on each side, not one between two numbers (a score: "51 - 50")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and after is not None and before.like_num and after.like_num:
        return False
    return token.text in ("-", "–", "—", "--") and bool(token.whitespace_) and bool(before and before.whitespace_)


#: Words after a comma that stay in the name: generational and legal suffixes.
_COMMA_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"}) | LEGAL_FORMS


def _parts_places(token: Token, span: Span) -> bool:
    """Is ``token`` a comma between two places of ``span`` (see ``_parts``)?"""
    if token.text != "," or span.label_ in ("PERSON", "ORG") or token.i + 1 >= span.end:
        return False
    return token.doc[token.i + 1].text.strip(".").lower() not in _COMMA_SUFFIXES


#: Tags of a sentence's first word that is no part of the name the model ran it into: an adverb
#: ("Hopefully Apple will ...") or a participle ("Addressing Obama, he said ..."). A name's own
#: first word is tagged as a proper noun ("Rolling Stone", "Led Zeppelin").
SENTENCE_OPENER_TAGS = frozenset({"RB", "VBG"})


def _opens_sentence(token: Token) -> bool:
    """First word of its sentence or of its line (the parser does not always start a sentence after
    a blank line)."""
    return bool(token.is_sent_start) or token.i == 0 or "\n" in token.doc[token.i - 1].text


def _hyphenated_name_part(token: Token) -> bool:
    """The lower-case end of a hyphenated name ("Kim Jong-un", "Kim Yo-jong"): joined by a hyphen
    with no space and tagged a proper noun, unlike a compound's word ("Obama-era", "Smith-led")."""
    doc = token.doc
    if token.i < 2 or token.tag_ not in ("NNP", "NNPS"):
        return False
    hyphen = doc[token.i - 1]
    return hyphen.text in ("-", "‐") and not hyphen.whitespace_ and not doc[token.i - 2].whitespace_


def _trim(doc: Doc, tokens: list[Token], label: str) -> tuple[int, int, tuple[int, int] | None]:
    """Character bounds of the bare name in ``tokens``, and of a title inside it, if any."""
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while len(tokens) > 1 and _opens_sentence(tokens[0]) and tokens[0].tag_ in SENTENCE_OPENER_TAGS:
        tokens = tokens[1:]
    title = None
    if label == "PERSON" and len(tokens) > 1:
        last_title = max(
            (i for i, t in enumerate(tokens[:-1]) if is_title_word(t.text) or is_demonym(t.text)), default=-1
        )
        if last_title >= 0:
            title = (tokens[0].idx, tokens[last_title].idx + len(tokens[last_title].text))
            tokens = tokens[last_title + 1 :]
    while len(tokens) > 1 and (  # a name ends on its own word, not on what it names ("SEACOM undersea cable")
        POSSESSIVE.fullmatch(tokens[-1].text)
        or tokens[-1].text in ("'", "’")
        or (
            tokens[-1].is_lower
            and (tokens[-1].is_stop or tokens[-1].is_alpha)
            and not _hyphenated_name_part(tokens[-1])
        )
    ):
        tokens = tokens[:-1]
    if not tokens:
        return 0, 0, None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    score = _TRAILING_SCORE.search(text_of(doc), start, end)
    if score and score.end() == end and score.start() > start:
        end = score.start()
    end = start + len(strip_possessive(text_of(doc)[start:end]))
    while end > start and text_of(doc)[end - 1] in _EDGE_PUNCT:
        end -= 1
    while start < end and text_of(doc)[start] in _EDGE_PUNCT:
        start += 1
    return start, end, title


def _spans(doc: Doc, common: set[str]) -> Findings:
    """The model's entities cut to bare names; ``common``: the article's ``lower_case_stems``."""
    text = text_of(doc)
    raw: list[RawSpan] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or is_contact(ent.text) or ent.text.lstrip().startswith("@"):
            continue
        for tokens, label in _parts(ent):
            start, end, title = _trim(doc, tokens, label)
            start, end = longest_line_piece(text, start, end)
            for piece_start, piece_end in _outside_parentheses(text, start, end):
                if re.search(r"[^\W\d_]", text[piece_start:piece_end]):
                    raw.append((piece_start, piece_end, label, title if piece_start == start else None))
    raw = _with_credentials(text, raw)
    body = [(s, e, label) for s, e, label, _ in raw if not _in_headline(text, s)]
    known = body_name_keys(text, [(s, e) for s, e, _ in body])
    for words in (name_words(name_key(text[s:e])) for s, e, label in body if label == "PERSON" and " " in text[s:e]):
        known |= {words[-1], " ".join(words)}  # the surname, and the name without credentials
    body_labels = {name_key(text[s:e]): label for s, e, label in body}
    people = {key for key, label in body_labels.items() if label == "PERSON"}
    people |= {name_words(key)[-1] for key in people}
    body_words: set[str] | None = None  # read only for an article with a name in a headline
    found = Findings()
    for start, end, label, title in _people_joined_by_and(text, _nicknamed_people(text, raw, people), people):
        start, label, title = _person_after_demonym(text, start, end, label, title, people)
        pieces = [(start, end)]
        if _in_headline(text, start):
            pieces = headline_pieces(text, start, end, known, common)
            body_words = _body_words(text) if body_words is None else body_words
            pieces = [p for p in pieces if _headline_name(text, p, label, known, body_words)]
            if label == "PERSON":  # a piece keeps the credentials its name was given (_with_credentials)
                pieces = [(piece_start, credentials_end(text, piece_end)) for piece_start, piece_end in pieces]
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end]
            if (
                not re.search(r"[^\W\d_]", piece)
                or name_key(piece) in GENERATIONS
                or piece.islower()
                or _after_a_digit(text, piece_start)
                or _tail_of_a_longer_name(doc, piece_start, piece_end)
            ):
                # no letter; a suffix the model read apart from its name ("W. Mark Felt, Sr."); no
                # capital anywhere, as no name is written ("jihadist", "marijuana", "n't" in the model's
                # entities; "iPhone", "al-Qaeda" and "de Blasio" have one); a unit against its number;
                # the all-capitals end of a name the model cut ("US" of "Toys R US")
                continue
            whole = (piece_start, piece_end) == (start, end)
            found.mentions.append(Draft(piece_start, piece_end, body_labels.get(name_key(piece), label), piece))
            if title and whole:
                found.titles.append((len(found.mentions) - 1, *title))
    return found


def _after_a_digit(text: str, start: int) -> bool:
    """Whether a span starts right after a digit, inside a word: "MB" of "512MB" and "GB" of "64GB"
    are units of an amount (the tokenizer parts them from the number), never a name's start."""
    return start > 0 and text[start - 1].isdigit()


#: A single capital letter right before a space, at the end of the text looked at.
_LETTER_BEFORE = re.compile(r"(?<![\w.'’-])[A-Z] $")


def _tail_of_a_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether an all-capitals word is the end of a longer name the model cut, not a name alone:
    it follows a single capital letter with nothing but a space between ("Toys R US", where "US"
    is no country). A lone capital inside a sentence is no word ("A" and "I" open it or are no
    proper noun to the tagger), so the name runs through it. The letter is no name of its own to
    the model and does not open its sentence, and the all-capitals word is not inside a stretch of
    capitalised words (a quoted headline, where capitals say nothing). After a capitalised word
    the all-capitals one may be the name's own short form ("CES" of "the International CES trade
    show", the Consumer Electronics Show), so it stays a name there.
    """
    text = text_of(doc)
    if not acronym_key(text[start:end]) or _in_headline(text, start):
        return False
    before = _LETTER_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    following = text[end : end + 40].split()
    if following and following[0][:1].isupper():
        return False
    word = doc.char_span(before.start(), before.end() - 1)
    if word is None or len(word) != 1:
        return False
    token = word[0]
    return token.tag_ in ("NNP", "NNPS") and not token.ent_type_ and not _opens_sentence(token)


def _with_credentials(text: str, raw: list[RawSpan]) -> list[RawSpan]:
    """A person's name takes in the credentials written behind it ("Regina Benjamin, M.D., M.B.A."):
    the model reads them apart, "MD" as a place, "M.B.A." as another person. They are no names of
    their own, and the name's key reads past them (``domain.name_words``)."""
    extended: list[RawSpan] = []
    tails: list[tuple[int, int]] = []
    for start, end, label, title in raw:
        if label == "PERSON" and (past := credentials_end(text, end)) > end:
            tails.append((end, past))
            end = past
        extended.append((start, end, label, title))
    return [span for span in extended if not any(end <= span[0] < past for end, past in tails)]


#: A person's name with a nickname in quotes between given name and surname: Vincent "The Chin"
#: Gigante, Joaquin 'El Chapo' Guzman, Earvin "Magic" Johnson.
_NICKNAMED = re.compile(
    r"\b[A-Z][\w.-]*(?: [A-Z][\w.-]*)? [\"“'‘](?:[Tt]he )?[A-Z][\w .-]{0,30}?[\"”'’] (?P<surname>[A-Z][\w-]*[a-z])\b"
)


def _nicknamed_people(text: str, raw: list[RawSpan], people: set[str]) -> list[RawSpan]:
    """A nickname in quotes inside a person's name is part of it: the model reads 'Vincent "The
    Chin" Gigante' as "Vincent" and a title, 'Chin" Gigante'. Only where the article names a person
    by that surname, and outside headlines (where a quoted title looks the same)."""
    found = [
        (match.start(), match.end())
        for match in _NICKNAMED.finditer(text)
        if name_key(match.group("surname")) in people and not _in_headline(text, match.start())
    ]
    if not found:
        return raw
    kept = [span for span in raw if not any(span[0] < end and start < span[1] for start, end in found)]
    return sorted(kept + [(start, end, "PERSON", None) for start, end in found], key=lambda span: span[0])


_AND = re.compile(r"\s+(?:and|&)\s+")


def _people_joined_by_and(text: str, raw: list[RawSpan], people: set[str]) -> list[RawSpan]:
    """ "Lopez and Carrasquillo", read by the model as one organisation, is two people when the
    article names each of them as a person elsewhere. One name twice ("Johnson & Johnson", in an
    article that also names Boris Johnson) is a firm's and stays whole."""
    result = []
    for start, end, label, title in raw:
        pieces = _AND.split(text[start:end])
        keys = [name_key(p) for p in pieces]
        named = all(k and _a_person(k, people) for k in keys)
        if len(pieces) < 2 or len(set(keys)) < len(keys) or not named:
            result.append((start, end, label, title))
            continue
        at = start
        for piece in pieces:
            at = text.index(piece, at)
            result.append((at, at + len(piece), "PERSON", None))
            at += len(piece)
    return result


def _a_person(key: str, people: set[str]) -> bool:
    """Whether the article names a person so, in full or by the surname."""
    return key in people or key.split()[-1] in people


def _person_after_demonym(
    text: str, start: int, end: int, label: str, title: tuple[int, int] | None, people: set[str]
) -> tuple[int, str, tuple[int, int] | None]:
    """ "American Hasim Rahman", read by the model as one organisation's name, is a nationality
    before a person the article names elsewhere: the name starts after the nationality, as it does
    for spans the model calls people. "American Airlines" keeps its first word: no person is
    called Airlines."""
    first = re.match(r"\S+\s+", text[start:end])
    if label == "PERSON" or not first or not is_demonym(first.group().strip()):
        return start, label, title
    rest = name_key(text[start + first.end() : end])
    if not rest or not _a_person(rest, people):
        return start, label, title
    return start + first.end(), "PERSON", (start, start + len(first.group().rstrip()))


#: Labels of the one-word names a headline may hold without the body writing them (a dateline place).
_HEADLINE_ONLY_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _body_words(text: str) -> set[str]:
    lines = text.split("\n")
    return {w.lower() for line in lines if not is_title_case(line) for w in re.findall(r"[^\W\d_]+", line)}


def _headline_name(text: str, piece: tuple[int, int], label: str, known: set[str], body_words: set[str]) -> bool:
    """A one-word piece of a headline that the body never writes is a headline word ("Dies",
    "Destroys"), not a name, unless it names a place."""
    words = re.findall(r"[^\W\d_]+", text[piece[0] : piece[1]])
    if len(words) != 1 or name_key(text[piece[0] : piece[1]]) in known or label in _HEADLINE_ONLY_LABELS:
        return True
    return words[0].lower() in body_words


def _outside_parentheses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "World Health Organization (WHO" is two names: the name, and the acronym in brackets."""
    cut = text.find("(", start, end)
    if cut < 0:
        return [(start, end)]
    inner_start, inner_end = cut + 1, end
    close = text.find(")", inner_start, end)
    if close >= 0:
        inner_end = close
    pieces = [(start, cut), (inner_start, inner_end)]
    return [(s, e) for s, e in (_bare_piece(text, s, e) for s, e in pieces) if s < e]


def _bare_piece(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
        end -= 1
    return start, end


def _in_headline(text: str, position: int) -> bool:
    start, end = line_bounds(text, position)
    return is_title_case(text[start:end])


def _covered(found: Findings, start: int, end: int) -> int | None:
    for index, draft in enumerate(found.mentions):
        if draft.start < end and start < draft.end:
            return index
    return None


def _renames(doc: Doc, found: Findings) -> None:
    if not _RENAME_MARK.search(text_of(doc)):
        return  # no rename written: the full pattern, tried at every capital of the text, cannot match
    for match in _RENAME.finditer(text_of(doc)):
        sides = []
        for group in ("new", "old"):
            start, end = match.span(group)
            index = _covered(found, start, end)
            if index is None:
                found.mentions.append(Draft(start, end, "ORG", text_of(doc)[start:end], recovered=True))
                index = len(found.mentions) - 1
            sides.append(index)
        new, old = sides
        label = found.mentions[new].label if found.mentions[new].label != "PERSON" else "ORG"
        for index in sides:
            found.mentions[index].label = label
        found.ties.append((new, old, f"renamed: {match.group('new')}, formerly {match.group('old')}"))


def _handles(doc: Doc, found: Findings) -> None:
    if "@" not in text_of(doc):
        return  # no handle: HANDLE, which opens on a look-behind, is tried at every position
    people = [i for i, d in enumerate(found.mentions) if d.label == "PERSON" and " " in d.text]
    for match in HANDLE.finditer(text_of(doc)):
        handle = match.group(1)
        owners = {found.mentions[i].text: i for i in people if handle_matches(handle, found.mentions[i].text)}
        if len(owners) != 1:
            continue  # a handle the text does not tie to one person is not kept
        owner = next(iter(owners.values()))
        found.mentions.append(Draft(match.start(), match.end(), "PERSON", match.group(), recovered=True))
        found.ties.append((owner, len(found.mentions) - 1, f"handle of {found.mentions[owner].text}"))


def _fallback_labels(doc: Doc, found: Findings) -> None:
    """Single words called PERSON that the article never shows to be people get another label.

    A word is a person when it is the surname of a full name in the article, follows a title,
    or (decided later, against the store) is a person the store already knows.
    """
    surnames = {name_words(name_key(d.text))[-1] for d in found.mentions if d.label == "PERSON" and " " in d.text}
    by_key: dict[str, list[Draft]] = defaultdict(list)
    for draft in found.mentions:
        by_key[name_key(draft.text)].append(draft)
    for key, drafts in by_key.items():
        labels = Counter(d.label for d in drafts)
        if " " in key or labels.most_common(1)[0][0] != "PERSON" or key in surnames:
            continue
        befores = [_word_before(doc, d.start) for d in drafts]
        camel = bool(re.search(r"[a-z][A-Z]", drafts[0].text))
        if not camel and any(is_title_word(w) for w in befores):
            continue
        others = Counter({label: n for label, n in labels.items() if label != "PERSON"})
        if others:
            found.fallback[key] = others.most_common(1)[0][0]
        elif any(w.lower() in PLACE_PREPOSITIONS for w in befores):
            found.fallback[key] = "GPE"
        else:
            found.fallback[key] = "ORG"


def _word_before(doc: Doc, start: int) -> str:
    words = text_of(doc)[max(0, start - 40) : start].split()
    return words[-1].strip(",.;:") if words else ""


def _recover(doc: Doc, found: Findings, sources: list[Draft] | None = None) -> None:
    """Names the article already uses, where the model missed them: a person's surname standing
    alone, a one-word name, and any several-word name written again ("Surgeon General").
    ``sources``: the mentions whose names are looked for (all found so far when None)."""
    text = text_of(doc)
    names: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for draft in found.mentions if sources is None else sources:
        words = draft.text.split()
        if draft.label == "PERSON" and len(words) > 1:
            name = without_credentials(draft.text).split()
            surname = name[-2] if generation(name_key(draft.text)) else name[-1]
            names.setdefault(surname.rstrip(","), "PERSON")
        if len(words) > 1 and "\n" not in draft.text:
            phrases.setdefault(draft.text, draft.label)
        elif len(words) == 1 and not draft.text.startswith("@"):
            names.setdefault(draft.text, draft.label)
    taken = bytearray(len(text))  # 1 where a mention already stands
    for draft in found.mentions:
        taken[draft.start : draft.end] = b"\x01" * (draft.end - draft.start)

    def add(start: int, end: int, label: str) -> None:
        if any(taken[start:end]) or _tail_of_a_longer_name(doc, start, end):
            return
        found.mentions.append(Draft(start, end, label, text[start:end], recovered=True))
        taken[start:end] = b"\x01" * (end - start)

    for phrase, label in sorted(phrases.items(), key=lambda item: -len(item[0])):
        for start in _standing_alone(phrase, text):
            add(start, start + len(phrase), label)
    if names:  # with no name to look for, no token is read
        for start, word in _tokens_naming(doc, names):
            add(start, start + len(word), names[word])


def _tokens_naming(doc: Doc, names: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, word) of each token, in text order, that is one of ``names`` once its possessive is
    off, as parsed (a capitals headline's "SOX" was read as "Sox"). Read from the ORTH column: each
    distinct word is looked at once, and only the tokens that match become Python objects, where a
    list of two Python ints for every token was made twice an article."""
    import numpy  # loaded with spaCy, which made the Doc

    orths = doc.to_array("ORTH")
    wanted: dict[int, str] = {}
    for orth in numpy.unique(orths).tolist():
        written = doc.vocab.strings[orth]
        if not written[:1].isupper():
            continue  # a possessive is cut off a word's end, never its first letter, which a name capitalises
        word = strip_possessive(written)
        if word in names:
            wanted[orth] = word
    if not wanted:
        return []
    at = numpy.flatnonzero(numpy.isin(orths, numpy.fromiter(wanted, dtype=orths.dtype, count=len(wanted))))
    starts = doc.to_array("IDX")[at].tolist()
    return [(start, wanted[orth]) for start, orth in zip(starts, orths[at].tolist(), strict=True)]


def _standing_alone(phrase: str, text: str) -> Iterator[int]:
    """Where ``phrase`` stands in ``text`` as words of its own (no letter, digit, "_" or "-" touching
    it), left to right and never overlapping: ``str.find`` with a look at each end, since a pattern
    opening on a look-behind is tried at every position of the text."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if not (_joins(text, start - 1) or _joins(text, end)):
            yield start
            start = text.find(phrase, end)
        else:
            start = text.find(phrase, start + 1)


def _joins(text: str, at: int) -> bool:
    """Whether the character at ``at`` would make a word of what touches it (regex ``[\\w-]``)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "_-")


def _proper_nouns(doc: Doc, found: Findings, common: set[str]) -> None:
    """Proper-noun runs the entity model skipped and the article's known names do not cover
    (``nlp.proper_nouns``), then their other occurrences; ``common`` as for ``_spans``."""
    text = text_of(doc)
    taken = bytearray(len(text))
    for draft in found.mentions:
        taken[draft.start : draft.end] = b"\x01" * (draft.end - draft.start)
    added = [
        Draft(start, end, label, text[start:end], recovered=True)
        for start, end, label in missed_proper_nouns(doc, taken, common)
        if name_key(text[start:end]) not in GENERATIONS  # "Sr." after "W. Mark Felt," is no name
        and not _after_a_digit(text, start)  # "GB" of "64GB"
        and not _tail_of_a_longer_name(doc, start, end)  # "US" of "Toys R US"
    ]
    found.mentions.extend(added)
    _recover(doc, found, added)


def find_mentions(doc: Doc) -> Findings:
    common = lower_case_stems(text_of(doc))  # read twice below, and it reads every word of the text
    found = _spans(doc, common)
    _renames(doc, found)
    _handles(doc, found)
    _recover(doc, found)
    _proper_nouns(doc, found, common)
    _fallback_labels(doc, found)
    order = sorted(range(len(found.mentions)), key=lambda i: found.mentions[i].start)
    position = {old: new for new, old in enumerate(order)}
    found.mentions = [found.mentions[i] for i in order]
    found.ties = [(position[a], position[b], why) for a, b, why in found.ties]
    found.titles = [(position[m], s, e) for m, s, e in found.titles]
    return found
