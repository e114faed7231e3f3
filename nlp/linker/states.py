"""A US state's abbreviation after a place or a party: "ELON, N.C.", "Breaux Bridge, LA", "(R-NY)".

After a capitalised place and a comma, or after a party's letter and a hyphen ("Rep. Peter King
(R-NY)"), a state's postal code or its AP-style abbreviation names that state, not whatever
several-word name shares its initials: "N.C." there is North Carolina, never the Nobel Committee,
and "LA" is Louisiana, not Los Angeles. The table is the closed, public list of the 50 states' and
the District of Columbia's USPS codes and AP Stylebook abbreviations (AP writes Alaska, Hawaii,
Idaho, Iowa, Maine, Ohio, Texas and Utah in full). The state of Washington is named "Washington
State", as reporters tell it from the capital. Pure functions.
"""

from __future__ import annotations

import re

from domain import Analysis, LocalEntity, name_key

#: State → (USPS code, AP abbreviation or None).
STATES: dict[str, tuple[str, str | None]] = {
    "Alabama": ("AL", "Ala."), "Alaska": ("AK", None), "Arizona": ("AZ", "Ariz."),
    "Arkansas": ("AR", "Ark."), "California": ("CA", "Calif."), "Colorado": ("CO", "Colo."),
    "Connecticut": ("CT", "Conn."), "Delaware": ("DE", "Del."), "Florida": ("FL", "Fla."),
    "Georgia": ("GA", "Ga."), "Hawaii": ("HI", None), "Idaho": ("ID", None),
    "Illinois": ("IL", "Ill."), "Indiana": ("IN", "Ind."), "Iowa": ("IA", None),
    "Kansas": ("KS", "Kan."), "Kentucky": ("KY", "Ky."), "Louisiana": ("LA", "La."),
    "Maine": ("ME", None), "Maryland": ("MD", "Md."), "Massachusetts": ("MA", "Mass."),
    "Michigan": ("MI", "Mich."), "Minnesota": ("MN", "Minn."), "Mississippi": ("MS", "Miss."),
    "Missouri": ("MO", "Mo."), "Montana": ("MT", "Mont."), "Nebraska": ("NE", "Neb."),
    "Nevada": ("NV", "Nev."), "New Hampshire": ("NH", "N.H."), "New Jersey": ("NJ", "N.J."),
    "New Mexico": ("NM", "N.M."), "New York": ("NY", "N.Y."), "North Carolina": ("NC", "N.C."),
    "North Dakota": ("ND", "N.D."), "Ohio": ("OH", None), "Oklahoma": ("OK", "Okla."),
    "Oregon": ("OR", "Ore."), "Pennsylvania": ("PA", "Pa."), "Rhode Island": ("RI", "R.I."),
    "South Carolina": ("SC", "S.C."), "South Dakota": ("SD", "S.D."), "Tennessee": ("TN", "Tenn."),
    "Texas": ("TX", None), "Utah": ("UT", None), "Vermont": ("VT", "Vt."), "Virginia": ("VA", "Va."),
    "Washington State": ("WA", "Wash."), "West Virginia": ("WV", "W.Va."), "Wisconsin": ("WI", "Wis."),
    "Wyoming": ("WY", "Wyo."), "District of Columbia": ("DC", "D.C."),
}  # fmt: skip

#: Why the state's name is an alias of the abbreviation ("N.C. names the state").
STATE_REASON = "names the state"
#: Each abbreviation written without its dots (case kept: "NC", "Calif", "WVa") → the state.
_STATE_OF = {form.replace(".", ""): state for state, forms in STATES.items() for form in forms if form is not None}
#: Labels a mention of the place before the comma may carry (a person or a company is no place:
#: "Getty Images, PA" credits the Press Association).
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A capitalised word right before the comma (the place's last word).
_PLACE_WORD = re.compile(r"\b[A-Z][\w'’-]*\.?$")
#: A party's letter and a hyphen right before the state: "(R-NY)", "D-Calif.".
_PARTY = re.compile(r"(?<![\w.-])[RDI]-$")


def state_abbreviation(text: str) -> str | None:
    """The state an abbreviation stands for ("N.C." → North Carolina), or None."""
    return _STATE_OF.get(text.strip().replace(".", "").replace(" ", ""))


def state_after_place(analysis: Analysis, mention: int) -> str | None:
    """The state a mention names when it is a state's abbreviation written after a place and a
    comma ("ELON, N.C.") or after a party's letter ("(R-NY)"), else None.

    Args:
        analysis: the article as analysed.
        mention: the index of one of its mentions.

    Returns:
        The state's name ("North Carolina"), or None.
    """
    found = analysis.mentions[mention]
    state = state_abbreviation(found.text)
    if state is None:
        return None
    before = analysis.text[max(0, found.start - 60) : found.start]
    if _PARTY.search(before):
        return state
    comma = before.rstrip()
    if not comma.endswith(",") or len(before) - len(comma) > 1:
        return None
    place = comma[:-1]
    if not _PLACE_WORD.search(place):
        return None
    comma_at = found.start - (len(before) - len(place))
    ending = [other for other in analysis.mentions if other.end == comma_at]
    if any(other.label not in _PLACE_LABELS for other in ending):
        return None
    word = _PLACE_WORD.search(place)
    if not ending and not word.group(0).isupper() and _opens_sentence(place[: word.start()]):
        return None  # "Meanwhile, LA officials …": a sentence's first word, no place (a dateline is in capitals)
    return state


def _opens_sentence(before_word: str) -> bool:
    """Whether a word with this text before it starts its sentence (or the text, or a line)."""
    rest = before_word.rstrip(" \t")
    return not rest or rest.endswith(("\n", ".", "!", "?", "“", '"'))


def state_of(analysis: Analysis, entity: LocalEntity) -> str | None:
    """The state an entity names when one of its mentions is a state's abbreviation after a place."""
    for i in entity.mentions:
        state = state_after_place(analysis, i)
        if state is not None:
            return state
    return None


def names_state(names: list[str] | tuple[str, ...], state: str) -> bool:
    """Whether one of ``names`` is the state's own name."""
    return name_key(state) in {name_key(n) for n in names}
