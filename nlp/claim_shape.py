"""What a /compare query asks: a claim about the world, a claim about what someone said, or no
claim at all (only names).

"Peskov denied regular talks between Musk and Putin" is about a statement: it is true when Peskov
denied it, so the evidence is Peskov's own statements, judged by whether he said what the claim
says he said. "Musk OR Putin" or "Starlink Ukraine" names things and claims nothing, so no verdict
can be given on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nlp.attribution_candidates import SPEECH_LEMMAS
from nlp.person_nouns import person_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Speech verbs of denial: "Peskov denied regular talks" is a claim that he denied them.
DENIAL_VERBS = frozenset({"deny", "reject", "dispute", "refute", "dismiss", "contradict", "rebut", "debunk", "disavow"})
#: Speech verbs that confirm rather than merely say.
CONFIRM_CUES = frozenset({"confirm", "acknowledge", "admit", "concede", "verify"})
#: The verbs a claim about speech is made with: the speech verbs attributions are read by, and every
#: verb ``speech_act`` reads as a denial or a confirmation ("Pyongyang rejects reports that …" is
#: North Korea's denial, as "North Korea denies reports that …" is).
SPEECH_ACTS = SPEECH_LEMMAS | DENIAL_VERBS | CONFIRM_CUES
_CONTENT = {"dobj", "ccomp", "xcomp", "attr", "prep", "advcl", "npadvmod", "pobj"}
#: The verb's children that are what was said; a place or time before them ("on Twitter", "In the
#: fall of 2022") is not.
_WHAT_WAS_SAID = {"ccomp", "dobj", "xcomp", "attr"}
_OPERATORS = {"or", "and", "vs", "versus", "not"}


#: The act of a claim that someone did not say a thing ("Pope Francis did not tell a boy …"): his
#: own words saying it dispute the claim, and his denial of having said it supports it.
NOT_SAID = "did not say"


@dataclass(frozen=True)
class ClaimShape:
    """A claim's shape: ``kind`` is "speech", "claim" or "names"."""

    kind: str
    speaker: str = ""  # "speech": who the claim says spoke
    cue_lemma: str = ""  # "speech": the verb's lemma
    act: str = ""  # "speech": denies | confirms | says | did not say (NOT_SAID)
    content: str = ""  # "speech": what the claim says was said
    #: "claim": it says that something is not so ("No, Banksy hasn't been arrested", "Batmobile not
    #: stolen", "… a death hoax"), so that a denial of that thing agrees with it; "speech": what the
    #: speaker is said to have said is that something is not so ("Iraq says the woman is not his
    #: wife"), so that the speaker's denial of it is saying it
    denies: bool = False

    @property
    def is_claim(self) -> bool:
        return self.kind != "names"


def speech_act(cue_lemma: str, negated: bool = False) -> str:
    """denies, confirms or says; a negated confirmation ("did not confirm") confirms nothing."""
    if cue_lemma in DENIAL_VERBS:
        return "says" if negated else "denies"
    if cue_lemma in CONFIRM_CUES:
        return "says" if negated else "confirms"
    return "says"


#: Whether a word is the name of something the store knows ("Isis"): given by the caller, which
#: owns the store.
KnownName = Callable[[str], bool]


def claim_shape(doc: Doc, known_name: KnownName | None = None) -> ClaimShape:
    """Read the query's parse: names only (every content word a name and no verb: "Musk OR
    Putin", "Starlink Ukraine"), a claim about speech, or a claim ("Christian Bale Is Steve Jobs").

    Args:
        doc: the query's parse.
        known_name: tells whether a capitalised word the tagger took for a common noun is a name
            the store knows: "Isis claims …" opening a line is tagged as a noun.
    Returns:
        The shape.
    """
    content_words = [t for t in doc if t.is_alpha and not t.is_stop and t.lower_ not in _OPERATORS]
    verb = any(t.pos_ in ("VERB", "AUX") and t.lower_ not in _OPERATORS for t in doc)
    if not content_words or (all(_name_like(t) for t in content_words) and not verb):
        return ClaimShape("names")
    for token in doc:
        if token.dep_ == "ROOT" and speech_lemma(token) in SPEECH_ACTS:
            shape = _speech(doc, token, known_name)
            if shape is not None:
                return shape
    return ClaimShape("claim", denies=_denies(doc))


#: Words by which a claim calls what it is about untrue ("Pumpkin spice condoms a hoax").
DEBUNKING = frozenset(
    {
        "hoax",
        "fake",
        "false",
        "untrue",
        "fabricated",
        "fabrication",
        "myth",
        "debunk",
        "bogus",
        "incorrect",
        "inaccurate",
        "baseless",
        "unfounded",
        "groundless",
    }
)


def _denies(doc: Doc) -> bool:
    """Whether the claim says its own statement is not so: its main verb negated ("Banksy hasn't been
    arrested", "No terrorists have crossed the border"), or the verb of a clause with its own
    subject that opens the line before the main one ("Batmobile not stolen, contest prize remains
    unclaimed"), but not a negation in a clause that only adds to the main one ("sacked after not
    turning up for work"); a "No," that opens it; or a word calling the thing untrue ("… death
    hoax", "the story is fake"; "a fake account" describes a thing and calls nothing untrue)."""
    for verb in (t for t in doc if _negated(t)):
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if verb.dep_ == "ROOT" or (own_subject and verb.i < verb.head.i and verb.head.dep_ == "ROOT"):
            return True
        if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and speech_lemma(verb.head) in SPEECH_ACTS:
            return True  # "Terrorists not entering US, officials say": what is reported is a denial
    if len(doc) > 1 and doc[0].lower_ == "no" and doc[1].is_punct:
        return True
    return any(_calls_untrue(t) for t in doc)


def _calls_untrue(token: Token) -> bool:
    """A word calling what it is about untrue ("… a hoax", "the reports are false"), not one describing
    a thing ("a fake account")."""
    return (token.lower_ in DEBUNKING or token.lemma_.lower() in DEBUNKING) and token.dep_ not in ("amod", "compound")


#: Subjects that make their verb say that something is not so ("Nobody has crossed the border").
NEGATIVE_SUBJECTS = frozenset({"nobody", "nothing", "none", "noone"})


def _negated(verb: Token) -> bool:
    """Whether the verb is negated: by a negation of its own ("has not crossed"), or by its subject
    ("No terrorists have crossed", "Nobody has crossed")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(
        s.lower_ in NEGATIVE_SUBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children) for s in subjects
    )


def speech_lemma(token: Token) -> str:
    """The verb's lemma, also where a headline's capital made the tagger take it for a name
    ("Pentagon Denies It Killed …": "Denies" is its own lemma as a proper noun)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "PROPN" or lemma in SPEECH_ACTS:
        return lemma
    word = token.lower_
    for ending, replacement in (("ies", "y"), ("ied", "y"), ("s", ""), ("ed", ""), ("d", "")):
        if word.endswith(ending) and word[: -len(ending)] + replacement in SPEECH_ACTS:
            return word[: -len(ending)] + replacement
    return lemma


def _name_like(token: Token) -> bool:
    """A proper noun, a named entity, or a capitalised word that is not a verb ("Zanzibar")."""
    return token.pos_ == "PROPN" or bool(token.ent_type_) or (token.text[:1].isupper() and token.pos_ != "VERB")


#: The entity types a speaker's name can have: a word the tagger took for a common noun is such a
#: name when the store holds it as one of these (``known_name``).
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named(subject: Token, known_name: KnownName | None = None) -> bool:
    """A speaker whose own statements can be looked up: the subject's head word is a name. A word
    that describes a person, capitalised because it opens the line ("Man says …"), is no name
    though the tagger reads it as one: "A man says …" is a claim, and so is "Man says …". A word
    the tagger took for a common noun is a name when it is written as one (capitals) and
    ``known_name`` knows it ("Isis claims …"), and so is a name the tagger split into a proper noun
    and a common one, when ``known_name`` knows the two together ("Boko haram denies …")."""
    if not subject.ent_type_ and {subject.lower_, subject.lemma_.lower()} & person_nouns():
        return False
    if subject.pos_ == "PROPN" or subject.ent_type_ in SPEAKER_TYPES:
        return True
    if known_name is None:
        return False
    if subject.text[:1].isupper() and subject.is_alpha and known_name(subject.text):
        return True
    # "Boko haram", "PGA tour": a name the headline's recasing left half in lower case; "Boko Haram
    # attacks" is no name, and the store does not know it as one
    compound = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return bool(compound) and known_name(subject.doc[compound[0].i : subject.i + 1].text)


def _speaker_of(verb: Token) -> Token | None:
    """Who spoke: the subject of an active verb, the agent of a passive one ("Musk was asked by
    Putin": Putin asked); a passive with no agent names no speaker. Of two subjects the tagger gave
    a verb, the nearer is the speaker ("ISIS Border Crisis: DHS Chief Says …")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return None


def _speech(doc: Doc, verb: Token, known_name: KnownName | None = None) -> ClaimShape | None:
    subject = _speaker_of(verb)
    if subject is None or not _named(subject, known_name):
        return None  # "report says", "a man says": no stored speaker to read the statements of
    said = [c for c in verb.children if c.dep_ in _CONTENT]
    if not said:
        return None
    what = next((c for c in said if c.dep_ in _WHAT_WAS_SAID), None)
    if what is not None:  # "wrote on Twitter that …", "In 2022, … said that …": what, not where or when
        said = [c for c in said if c.i >= what.i]
    start = min(t.i for c in said for t in c.subtree)
    end = max(t.i for c in said for t in c.subtree) + 1
    content = doc[start:end].text.strip()
    for lead in ("that ", "That "):
        content = content.removeprefix(lead)
    addressee = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if addressee is not None:  # "Musk was asked by Putin to …" says what "Putin asked Musk to …" does
        content = f"{doc[addressee.left_edge.i : addressee.right_edge.i + 1].text} {content}"
    negated = any(c.dep_ == "neg" for c in verb.children)
    speaker = _speaker_span(doc, subject)
    lemma = speech_lemma(verb)
    plain = lemma not in DENIAL_VERBS and lemma not in CONFIRM_CUES
    act = NOT_SAID if negated and plain else speech_act(lemma, negated)
    return ClaimShape("speech", speaker, lemma, act, content, denies=_says_not(said))


def _speaker_span(doc: Doc, subject: Token) -> str:
    """The speaker's words: the subject's phrase, up to a colon on either side of its head ("Macaulay
    Culkin: Death claims about …" names Macaulay Culkin)."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    colons = [t.i for t in doc[start:end] if t.text == ":"]
    start = max([start, *(i + 1 for i in colons if i < subject.i)])
    end = min([end, *(i for i in colons if i > subject.i)])
    return doc[start:end].text


def _says_not(said: list[Token]) -> bool:
    """Whether what the speaker is said to have said is that something is not so: its own verb
    negated ("Iraq says the woman is not his wife", "DHS says no terrorists have crossed"), or a word
    calling a thing untrue as its predicate ("… says the reports are false")."""
    for head in said:
        if _negated(head):
            return True
        if any(_calls_untrue(t) for t in head.subtree):
            return True
    return False
