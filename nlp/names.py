"""Pure functions on names: the keys that let spelling variants, surnames and acronyms meet."""

from __future__ import annotations

import re

from domain import CREDENTIALS, name_key

#: Capitalised words that are roles, not names ("NASA Director Bill Nelson").
TITLE_WORDS = frozenset(
    """president vice director spokesman spokeswoman spokesperson secretary minister chancellor
    senator sen sen. rep rep. representative governor gov gov. mayor judge justice chairman
    chairwoman chair ceo cfo coo founder cofounder co-founder chief general gen gen. admiral
    colonel col col. lieutenant captain commissioner ambassador envoy prime premier king queen
    prince princess pope leader speaker attorney prosecutor officer agent analyst adviser advisor
    professor prof prof. dr dr. mr mr. mrs mrs. ms ms. sir lord dame deputy head owner editor
    correspondent reporter columnist commander president-elect""".split()
)
#: Nationality words that open a person's name as a description ("American Hasim Rahman"): a
#: general list of the common demonyms, not drawn from any sample. Kept as the descriptor.
DEMONYMS = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese dutch
    belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak hungarian
    romanian bulgarian greek turkish russian ukrainian belarusian serbian croatian bosnian albanian
    georgian armenian azerbaijani kazakh uzbek chinese japanese korean taiwanese vietnamese thai
    filipino indonesian malaysian singaporean indian pakistani afghan bangladeshi iranian iraqi syrian
    lebanese israeli palestinian jordanian saudi yemeni emirati qatari kuwaiti egyptian libyan tunisian
    algerian moroccan nigerian ghanaian kenyan ethiopian somali sudanese ugandan tanzanian rwandan
    congolese angolan zimbabwean zambian canadian mexican cuban brazilian argentine argentinian
    chilean colombian venezuelan peruvian bolivian ecuadorian uruguayan paraguayan jamaican haitian
    australian zealander kiwi spaniard briton brit swede scot turk pole frenchman englishman dutchman
    irishman welshman scotsman""".split()
)
#: The words before a place name ("in Evansville"): a name after one of them is a place.
PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "across", "near", "into", "inside", "outside", "around"})
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
CONTACT = re.compile(r"@[\w-]+\.\w|https?://|www\.|\.(?:com|org|net)\b", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_]{2,15})\b(?!\.\w)")


def strip_possessive(text: str) -> str:
    """ "Trump’s" → "Trump"; "Reuters’" → "Reuters"; "Reuters" stays."""
    match = POSSESSIVE.search(text)
    if not match or match.start() == 0:
        return text
    return text[: match.start()] + ("s" if match.group().startswith("s") else "")


def is_contact(text: str) -> bool:
    """E-mail addresses and URLs are not entities."""
    return bool(CONTACT.search(text))


def handle_matches(handle: str, full_name: str) -> bool:
    """Does @handle spell this person's name ("ianbremmer", "elonmusk", "ibremmer")?"""
    words = [re.sub(r"[^a-z0-9]", "", w) for w in name_key(full_name).split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    h = handle.lower().lstrip("@").replace("_", "")
    return h in {"".join(words), words[0] + words[-1], words[0][0] + words[-1], words[-1] + words[0]}


def is_title_word(word: str) -> bool:
    return word.lower().strip(",") in TITLE_WORDS


def is_demonym(word: str) -> bool:
    return word.lower().strip(",") in DEMONYMS


#: A company's legal form, which reporters drop as often as they write it ("Microsoft Corp.").
LEGAL_FORMS = frozenset("corp corporation inc incorporated co ltd limited llc plc ag sa gmbh nv bv lp llp".split())
_LEGAL_TAIL = re.compile(r"(?:,?\s+(?:&\s+)?[A-Za-z]+\.?)$")


def without_legal_form(name: str) -> str | None:
    """ "Microsoft Corp." → "Microsoft"; None when the name has no legal form after another word."""
    match = _LEGAL_TAIL.search(name.strip())
    if not match or match.start() == 0:
        return None
    if match.group().strip(" ,&.").lower() not in LEGAL_FORMS:
        return None
    core = name.strip()[: match.start()].rstrip(" ,")
    return without_legal_form(core) or core  # "Samsung Electronics Co., Ltd."


_CREDENTIAL = "|".join(  # longest first: no credential is cut short by one it begins with
    r"\.?\s?".join(credential) + r"\.?" for credential in sorted(CREDENTIALS, key=len, reverse=True)
)
#: Credentials after a comma, each written with or without points ("MD", "M.D.", "M. D.", "Ph.D.").
_CREDENTIALS_AFTER = re.compile(rf"(?:\s*,\s*(?-i:(?=[A-Z]))(?:{_CREDENTIAL})(?![^\W\d_]))+", re.IGNORECASE)
_CREDENTIALS_AT_END = re.compile(rf"{_CREDENTIALS_AFTER.pattern}\s*$", re.IGNORECASE)


def credentials_end(text: str, end: int) -> int:
    """Where a person's name ending at ``end`` really ends: after the credentials written behind it
    ("Regina Benjamin, M.D., M.B.A."), which the model reads apart, as a place ("MD") or a person."""
    match = _CREDENTIALS_AFTER.match(text, end)
    return match.end() if match else end


def without_credentials(name: str) -> str:
    """ "Regina Benjamin, MD" → "Regina Benjamin"."""
    match = _CREDENTIALS_AT_END.search(name)
    return name[: match.start()] if match and match.start() > 0 else name
