"""Where a text might attribute something to someone: candidate (cue, source, content) triples.

Read from the dependency parse and the quotation marks, generously: a trained scorer
(nlp.attribution_model) decides which candidates are attributions.

The held-out figures in the comments below are those of the held-out tenth of PolNeAR train that
decided whether each kind of candidate stays (and chose the prepositions), so they flatter it; the
README's PolNeAR dev figures were not used to choose anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from nlp.doc_columns import matching
from nlp.doctext import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Piece = tuple[int, int]
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "parataxis")
#: A quotation in curly or straight double quotes, or between doubled apostrophes (''...''), the
#: marks The New York Times' feeds and many wire archives use. Marks pair up in order and never
#: across a blank line: a quotation running on into the next paragraph reopens there without
#: closing, and a short quotation ("distortion,") must not leave its closing mark to open the next.
#: Five folds of PolNeAR train by article, source F1: 0.672 before, 0.675 with doubled apostrophes,
#: 0.686 with marks paired in order.
_QUOTE = re.compile(r"[“\"]((?:(?!\n\s*\n)[^“”\"])+?)[”\"]|''((?:(?!''|\n\s*\n)[^“”\"])+?)''")
#: Shorter quotations are scare quotes ("distortion,"), not something said.
QUOTATION_MIN_CHARS = 12
_OPENERS = "“\"‘'"


@dataclass
class Candidate:
    kind: str  # ccomp | xcomp | dobj | parataxis | prep | aside | according | colon | quote
    content: list[Piece]
    cue: Piece | None = None
    source: Piece | None = None
    cue_token: int | None = None
    source_token: int | None = None  # head of the source phrase
    preposition: str | None = None  # a "prep" candidate's ("agreed with", "spoke about")
    features: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


def _bounds(tokens: list[Token]) -> Piece | None:
    """The characters from the first to the last word of ``tokens``, without the punctuation (but
    quotation marks), closing quotes first or a conjunction last. The ends move as indices, not by
    copying the list: a subtree can be a whole sentence."""
    kept = [t for t in tokens if not (t.is_punct and t.text not in _OPENERS + "”’") and not t.is_space]
    kept.sort(key=_INDEX)
    first, last = 0, len(kept)
    while first < last and kept[first].text in "”’":
        first += 1
    while first < last and (kept[last - 1].dep_ == "cc" or kept[last - 1].lower_ in ("and", "but", "or")):
        last -= 1
    if first == last:
        return None
    return kept[first].idx, kept[last - 1].idx + len(kept[last - 1].text)


_INDEX = attrgetter("i")


def _subtree(token: Token, without: tuple[Token, ...] = ()) -> list[Token]:
    if not without:
        return list(token.subtree)
    excluded = {t.i for w in without for t in w.subtree}
    return [t for t in token.subtree if t.i not in excluded]


#: Reported speech ends this close before its speaker ("..., Nelson told Semafor"): at most this
#: many characters, with a comma, between the content and the cue. Set by hand with the rule (one
#: clause's tail), not tuned; it only shapes a feature whose weight the attribution model learns.
SPEAKER_GAP_CHARS = 40

SPEECH_LEMMAS = frozenset(
    """say tell add write ask note explain tweet declare state insist argue claim continue recall reply
    respond warn predict suggest acknowledge admit announce boast joke quip complain concede conclude
    contend counter emphasize observe remark report reveal scoff shout stress urge vow whisper testify
    deny confirm describe post read call allege assert""".split()
)
_RELATIVE = {"who", "that", "which", "whom"}
#: How far into the sentence after a quotation its speaker's verb may stand ("Donald Trump, the
#: Republican nominee, said"); a verb further in introduces something else. Five folds of PolNeAR
#: train by article: source F1 0.685, 0.686, 0.687, 0.686 with 4, 8, 12 tokens, the whole sentence.
QUOTE_SPEAKER_WINDOW = 12
#: "Clinton does not seem to be relishing the fight": the writer's reading of Clinton, not something
#: Clinton said, so such a candidate has no source (PolNeAR's annotators give it none; on a held-out
#: tenth of its train split, source F1 0.680 -> 0.682 with this).
_RAISING = frozenset({"seem", "appear"})
#: Prepositions that name what a stance or a statement is about: "agreed with Mr. Trump on the
#: issue", "sound off on Sanders", "has been asked about a loan". PolNeAR annotates such contents;
#: a verb's phrase after one of these is a candidate, weighed by the model by verb and preposition.
#: On a held-out tenth of PolNeAR train, these seven give content F1 0.737 and source F1 0.651
#: where every preposition gives 0.733 and 0.645, and none 0.724 and 0.636.
TOPIC_PREPOSITIONS = frozenset({"about", "against", "for", "of", "on", "to", "with"})


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for ("Ian Bremmer, who wrote ..." → Bremmer)."""
    verb = token.head
    if token.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    return token


#: Dashes that close a dateline.
_DASHES = frozenset({"-", "--", "–", "—"})
#: At most this many tokens between a dateline's place and its dash ("MOSCOW, Oct 26 -",
#: "MAIDUGURI, Nigeria —", "WASHINGTON (AP) —").
_DATELINE_TAIL = 8


def dateline_end(token: Token) -> int:
    """The index of the first token after the dateline opening the token's sentence, or the
    sentence's first token when it opens with none.

    A dateline is a place in capitals ("MOSCOW", "NEW YORK"), then its region, a date or the agency
    ("MAIDUGURI, Nigeria", "MOSCOW, Oct 26", "WASHINGTON (AP)"), then a dash. The parser makes the
    place the subject of the sentence's verb beside the real one ("MOSCOW, Oct 26 - Kremlin
    spokesman Dmitry Peskov said"); the place is where the story was filed, never who speaks. A
    capitalised word alone before a dash ("NASA — the agency said") is a dateline only where the
    tagger takes it for a place.
    """
    sentence = token.sent
    first = sentence.start
    i = first
    while i < sentence.end and token.doc[i].is_alpha and token.doc[i].is_upper and len(token.doc[i]) > 1:
        i += 1
    if i == first or len(token.doc[first]) < 3:
        return first
    for j in range(i, min(i + _DATELINE_TAIL + 1, sentence.end - 1)):
        if token.doc[j].text in _DASHES:
            tail = token.doc[i:j]
            bare_place = len(tail) == 0 and token.doc[first].ent_type_ in ("GPE", "LOC")
            placed = bare_place or any(t.text in (",", "(") for t in tail)
            plain = all(t.is_punct or t.is_digit or t.is_title or t.is_upper for t in tail)
            return j + 1 if placed and plain else first
    return first


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject, the agent of a passive, or the subject of the verb or noun it hangs
    from ("..., saying that" → the one who said; "a statement announcing" → the statement). A
    dateline the parser took for a subject is none (``dateline_end``)."""
    children = [(child, child.dep_) for child in verb.children]  # read once, looked through three times
    for child, dep in children:
        if dep in ("nsubj", "csubj") and child.i >= dateline_end(child):
            return child
    for child, dep in children:
        if dep == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if any(dep == "nsubjpass" for _, dep in children):
        return None  # "X was asked": X did not speak
    head = verb.head
    if head.i == verb.i or depth > 3:
        return None
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return head
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acl"):
        return subject_of(head, depth + 1)
    if verb.pos_ == "ADP":
        return subject_of(head, depth + 1)
    return None


def cue_span(verb: Token) -> Piece:
    """The cue: the verb with its auxiliaries and particles ("has said", "called for")."""
    near = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - verb.i) <= 3]
    first, last = verb.doc[min([verb.i, *near])], verb.doc[max([verb.i, *near])]
    return first.idx, last.idx + len(last.text)


def _source_piece(subject: Token | None) -> Piece | None:
    if subject is None:
        return None
    clauses = [c for c in subject.children if c.dep_ in ("relcl", "acl") and c.i > subject.i]
    cut = min((c.left_edge.i for c in clauses), default=len(subject.doc))
    opens = dateline_end(subject)  # "MOSCOW, Oct 26 - Kremlin spokesman ...": the date is no part of the speaker
    tokens = [t for t in subject.subtree if opens <= t.i < cut and abs(t.i - subject.i) <= 12]
    return _bounds(tokens)


def _inverted_subject(verb: Token) -> tuple[Token, Token] | None:
    """ "..., said two people briefed on the request": the parser makes the speaker an object, or
    the subject of a clause after the verb. Returns (speaker's head, the phrase's head)."""
    if verb.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return None
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("dobj", "npadvmod", "attr"):
            return child, child
        if child.dep_ == "ccomp" and child.tag_ in ("VBN", "VBG"):
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]
            if subjects:
                return subjects[0], child
    return None


def _stray_that_clause(verb: Token) -> Token | None:
    """ "denied to the paper that the two had ...": the parser hangs the that-clause on the noun."""
    if verb.lemma_.lower() not in SPEECH_LEMMAS or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else [c for c in child.children if c.dep_ == "pobj"]
        for obj in objects if child.dep_ in ("dobj", "prep", "dative") else []:
            for clause in obj.children:
                marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                if clause.dep_ in ("relcl", "acl") and marks and subjects and marks[0].i == clause.left_edge.i:
                    return clause
    return None


def _from_verb(verb: Token) -> list[Candidate]:
    found: list[Candidate] = []
    stray = _stray_that_clause(verb)
    if stray is None and not any(child.dep_ in _COMPLEMENTS for child in verb.children):
        return found  # most verbs: no clause or object to be content, so no subject is looked for
    subject = subject_of(verb)
    phrase = subject
    inverted = _inverted_subject(verb) if subject is None else None
    if inverted is not None:
        subject, phrase = inverted
    complements = list(verb.children) + ([stray] if stray is not None else [])
    shared: tuple[Piece, Piece | None] | None = None  # the cue and source, the same for each complement
    for child in complements:
        is_stray = stray is not None and child.i == stray.i
        if (child.dep_ not in _COMPLEMENTS and not is_stray) or (inverted is not None and child.i == phrase.i):
            continue
        piece = _bounds(_subtree(child))
        if piece is None or piece[1] - piece[0] < 4:
            continue
        if shared is None:
            shared = cue_span(verb), _verb_source(verb, subject, phrase if inverted is not None else None)
        cue, source = shared
        found.append(Candidate(child.dep_, [piece], cue, source, verb.i, subject.i if subject is not None else None))
    return found


def _verb_source(verb: Token, subject: Token | None, inverted_phrase: Token | None) -> Piece | None:
    """The source of a verb's candidates: the inverted speaker's whole phrase, else the subject's
    piece; none for a raising verb ("seem")."""
    if verb.lemma_.lower() in _RAISING:
        return None
    return _bounds(list(inverted_phrase.subtree)) if inverted_phrase is not None else _source_piece(subject)


def _prepositional(verb: Token) -> list[Candidate]:
    """ "agreed with Mr. Trump on the issue": a phrase after a topic preposition, as content."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in TOPIC_PREPOSITIONS:
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        piece = _bounds(_subtree(objects[0])) if objects else None
        if piece is None or piece[1] - piece[0] < 3:
            continue
        subject = subject_of(verb)
        found.append(
            Candidate(
                "prep",
                [piece],
                (cue_span(verb)[0], prep.idx + len(prep.text)),
                _source_piece(subject),
                verb.i,
                subject.i if subject is not None else None,
                preposition=prep.lower_,
            )
        )
    return found


def _aside(verb: Token) -> Candidate | None:
    """ "The plan, an inside source said, is to ...": a verb of saying set into the clause it
    reports (the parser's parataxis) has that clause, around it, as its content. On a held-out
    tenth of PolNeAR train: content F1 0.755 -> 0.756, source F1 0.671 -> 0.680 with it."""
    if verb.dep_ != "parataxis" or verb.lemma_.lower() not in SPEECH_LEMMAS or verb.head.i == verb.i:
        return None
    if any(c.dep_ in _COMPLEMENTS for c in verb.children):
        return None  # it has content of its own
    aside = {t.i for t in verb.subtree}
    kept = [t for t in verb.head.subtree if t.i not in aside]
    before = _bounds([t for t in kept if t.i < verb.left_edge.i])
    after = _bounds([t for t in kept if t.i > verb.right_edge.i])
    pieces = [piece for piece in (before, after) if piece is not None and piece[1] - piece[0] >= 4]
    if not pieces:
        return None
    subject = subject_of(verb)
    return Candidate(
        "aside", pieces, cue_span(verb), _source_piece(subject), verb.i, subject.i if subject is not None else None
    )


def _according_to(doc: Doc, token: Token) -> Candidate | None:
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    piece = _bounds(_subtree(clause, without=(token,)))
    objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
    source = objects[0] if objects else None
    if piece is None:
        return None
    return Candidate(
        "according",
        [piece],
        (token.idx, doc[token.i + 1].idx + 2),
        _source_piece(source),
        token.i,
        source.i if source is not None else None,
    )


def _colon(doc: Doc, token: Token) -> Candidate | None:
    """ "X said: ..." with the content after the colon, or in the next paragraph."""
    if token.text != ":" or token.i == 0:
        return None
    after = [t for t in token.sent if t.i > token.i and not t.is_space]
    if len(after) < 3 and token.sent.end < len(doc):
        after = [t for t in doc[token.sent.end].sent if not t.is_space]
    piece = _bounds(after)
    if piece is None:
        return None
    before = doc[token.i - 1]
    if before.i == before.sent.start or (before.i - 1 >= 0 and doc[before.i - 1].text in "\n"):
        if before.pos_ in ("PROPN", "NOUN"):  # a transcript: "PENCE: Well, ..."
            return Candidate(
                "colon",
                [piece],
                (token.idx, token.idx + 1),
                (before.idx, before.idx + len(before.text)),
                token.i,
                before.i,
            )
    verb = before if before.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        verb = None
    subject = subject_of(verb) if verb is not None else None
    cue = cue_span(verb) if verb is not None else (token.idx, token.idx + 1)
    return Candidate(
        "colon",
        [piece],
        cue,
        _source_piece(subject),
        verb.i if verb is not None else token.i,
        subject.i if subject is not None else None,
    )


def _sentence_after(doc: Doc, quote: Span) -> list[Token]:
    """The opening words of the sentence that begins just after a quotation on the same line:
    ' "Who do they think they are?" Trump said ' is parsed as two sentences, and the one before
    the quote may hold some other verb of saying (five folds of PolNeAR train by article, source
    F1 0.6707 -> 0.6718, content F1 0.731 -> 0.736)."""
    following = [t for t in doc[quote.end : quote.end + 3] if not t.is_punct and not t.is_space]
    if not following or following[0].sent == quote[-1].sent:
        return []
    if "\n" in text_of(doc)[quote.end_char : following[0].idx]:
        return []
    return list(following[0].sent[:QUOTE_SPEAKER_WINDOW])


def _quote_cue(doc: Doc, start: int, end: int) -> Token | None:
    """The verb introducing a quotation: a verb of saying beside it (in the sentences where the
    quote starts and ends, then the opening of the sentence right after it, then the one before),
    else the nearest verb in its first sentence."""
    quote = doc.char_span(start, end, alignment_mode="expand")
    if quote is None:
        return None
    sentences = [quote[0].sent]
    if quote[-1].sent != quote[0].sent:
        sentences.append(quote[-1].sent)
    sentences.append(_sentence_after(doc, quote))
    if quote[0].sent.start > 0:
        sentences.append(doc[quote[0].sent.start - 1].sent)
    outside = [
        [t for t in sentence if t.pos_ == "VERB" and not (start <= t.idx < end) and subject_of(t) is not None]
        for sentence in sentences
    ]

    def nearest(verbs: list[Token]) -> Token:
        return min(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))

    for verbs in outside:
        spoken = [t for t in verbs if t.lemma_.lower() in SPEECH_LEMMAS]
        if spoken:
            return nearest(spoken)
    return nearest(outside[0]) if outside[0] else None


def _quotes(doc: Doc) -> list[Candidate]:
    """One candidate per quotation, except that quotations sharing the verb that introduces them
    are one: ' "We will win this case," Brafman said, "because I have never lost one." ' is one
    attribution in two pieces (as PolNeAR annotates it; on a held-out tenth of its train split,
    content F1 0.737 -> 0.751 and source F1 0.651 -> 0.668 with the merge)."""
    found: list[Candidate] = []
    by_cue: dict[int, Candidate] = {}
    for match in _QUOTE.finditer(text_of(doc)):
        start, end = match.span(1 if match.group(1) is not None else 2)
        if end - start < QUOTATION_MIN_CHARS:
            continue
        verb = _quote_cue(doc, start, end)
        if verb is not None and verb.i in by_cue:
            by_cue[verb.i].content.append((start, end))
            continue
        subject = subject_of(verb) if verb is not None else None
        candidate = Candidate(
            "quote",
            [(start, end)],
            cue_span(verb) if verb is not None else None,
            _source_piece(subject),
            verb.i if verb is not None else None,
            subject.i if subject is not None else None,
        )
        found.append(candidate)
        if verb is not None:
            by_cue[verb.i] = candidate
    return found


def _cue_positions(doc: Doc) -> list[int]:
    """Indices of the tokens ``candidates`` reads ("according", verbs and auxiliaries, colons), found
    in the Doc's columns: a Token object for each word of the article cost more than the reading."""
    wanted = matching(doc, "LOWER", ["according"]) | matching(doc, "POS", ["VERB", "AUX"])
    wanted |= matching(doc, "ORTH", [":"])
    return wanted.nonzero()[0].tolist()


def candidates(doc: Doc) -> list[Candidate]:
    found: list[Candidate] = []
    for token in (doc[i] for i in _cue_positions(doc)):
        if token.lower_ == "according":
            candidate = _according_to(doc, token)
            if candidate:
                found.append(candidate)
        elif token.pos_ in ("VERB", "AUX"):
            found += _from_verb(token)
            if token.pos_ == "VERB":
                found += _prepositional(token)
            if aside := _aside(token):
                found.append(aside)
        elif token.text == ":":
            candidate = _colon(doc, token)
            if candidate:
                found.append(candidate)
    return found + _quotes(doc)
