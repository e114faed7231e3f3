"""Name keys: the folded forms under which names are stored, found and compared.

Pure functions of strings, shared by the analysis (``nlp``), the store and the handlers.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form under which names are stored and looked up: case, accents and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"[^\w@'&.\- ]+", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip(" .-'")
    folded = re.sub(r"\b(\w)\. (?=\w\.)", r"\1.", folded)  # "U. S." is "U.S."
    return folded[4:] if folded.startswith("the ") else folded


_CONNECTORS = {"of", "the", "and", "for", "&", "on", "in", "de", "la"}


@functools.lru_cache(maxsize=1 << 16)  # every candidate of every article is compared by it
def skeleton(key: str) -> str:
    """A spelling-blind form of a name key: Dmitry/Dmitri, Sergei/Sergey, Kiriyenko/Kirienko meet."""
    words = [_ABBREVIATIONS.get(w, w) for w in key.split()]
    folded = " ".join(words)
    for british, american in _SPELLINGS:
        folded = re.sub(british, american, folded)
    folded = folded.replace("y", "i").replace("j", "i").replace("ck", "k").replace("ph", "f")
    folded = re.sub(r"[^a-z0-9 ]", "", folded)
    folded = re.sub(r"(?<=\w{3}[b-df-hj-np-tv-z])e\b", "", folded)  # a silent final e: Raite/Rait
    return re.sub(r"(.)\1+", r"\1", folded).strip()  # a name in another script has none


def spacing_skeletons(key: str) -> set[str]:
    """The skeletons of a several-word name written with its parts hyphenated, spaced or run
    together otherwise: "Kim Jong-un" finds "Kim Jong Un" and "Kim Yo Jong" finds "Kim Yo-jong"
    (a skeleton drops the hyphen, so "jong-un" is "iongun"). Only forms that keep two words."""
    spaced = key.replace("-", " ")
    found = {skeleton(spaced)}
    if len(spaced.split()) >= 3:
        found |= {skeleton(joined) for joined in _pairs_joined(spaced.split(), "")}
    return {form for form in found if " " in form} - {skeleton(key)}


def hyphenated_keys(key: str) -> set[str]:
    """A several-word name key with its words hyphenated, two at a time and all together: "Al
    Qaeda" finds the stored one-word "al-Qaeda", which has no skeleton to be found by."""
    words = key.split()
    if len(words) < 2:
        return set()
    return set(_pairs_joined(words, "-")) | {"-".join(words)}


def run_together(key: str) -> str:
    """A name key's skeleton with its parts run together, whether hyphenated or spaced."""
    return skeleton(key.replace("-", " ")).replace(" ", "")


def _pairs_joined(words: list[str], glue: str) -> list[str]:
    """The name with each pair of neighbouring words joined by ``glue``, one pair at a time."""
    return [" ".join(words[:i] + [words[i] + glue + words[i + 1]] + words[i + 2 :]) for i in range(len(words) - 1)]


#: British and American spellings of one name: World Health Organisation/Organization, Ministry
#: of Defence/Defense, Kennedy Centre/Center, Pearl Harbour/Harbor.
_SPELLINGS = (
    (r"isation\b", "ization"),
    (r"(?<=\w)tre\b", "ter"),
    (r"(?<=\w\w)our\b", "or"),
    (r"(?<=\w)ence\b", "ense"),
)

#: Abbreviations place names are written with either way (Mt Cook, Mount Cook).
_ABBREVIATIONS = {"mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort"}


#: Generational suffixes: written after a surname ("Arcade Joseph Comeaux Jr."), never one.
GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


#: Degrees and honours written after a name ("Regina Benjamin, MD", "Jane Roe, Ph.D., M.B.A."):
#: never a surname. A general list; forms that are also common words or places ("DO", "MA", "MS")
#: are left out.
CREDENTIALS = frozenset(
    "md phd mba jd esq rn dds dmd mph cpa llm edd psyd dphil facs facp mbbs frcs msw lcsw qc kc obe mbe cbe"
    .split()
)  # fmt: skip


def _credentials(letters: str) -> bool:
    """Whether ``letters`` is one or more credentials run together ("mdmba": MD and MBA)."""
    if not letters:
        return False
    return any(letters.startswith(c) and (c == letters or _credentials(letters[len(c) :])) for c in CREDENTIALS)


def _credential_words(words: list[str]) -> int:
    """How many of the last words are credentials, leaving at least two words of name."""
    for count in range(min(4, len(words) - 2), 0, -1):
        if _credentials(re.sub(r"[^a-z]", "", "".join(words[-count:]))):
            return count
    return 0


def bare_words(key: str) -> list[str]:
    """The words of a name key without the credentials written after it: "regina benjamin md" ->
    [regina, benjamin]; a generational suffix stays (it tells two people apart)."""
    words = key.split()
    return words[: len(words) - _credential_words(words)]


def name_words(key: str) -> list[str]:
    """The words of a name key without trailing credentials or a generational suffix, so that the
    last word is the surname: "arcade joseph comeaux jr" -> [arcade, joseph, comeaux], "regina
    benjamin md" -> [regina, benjamin]. A two-word name keeps its suffix ("Comeaux Jr." has no
    first name to stand on)."""
    words = bare_words(key)
    return words[:-1] if len(words) > 2 and words[-1] in GENERATIONS else words


def generation(key: str) -> str:
    """The generational suffix a name key ends with ("jr", "sr", "iii"), or "": Martin Luther King
    Jr. and Sr. are two people."""
    words = bare_words(key)
    return words[-1].strip(".") if len(words) > 2 and words[-1] in GENERATIONS else ""


def initials(name: str) -> str:
    """ "The Wall Street Journal" → "wsj"; a one-word name has none."""
    words = [w for w in re.split(r"[\s\-]+", name_key(name)) if w]
    significant = [w for w in words if w not in _CONNECTORS]
    return "".join(w[0] for w in significant) if len(significant) > 1 else ""


def acronym_key(text: str) -> str:
    """ "WSJ", "U.S." → "wsj", "us"; anything not written as an acronym → ""."""
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return ""


@dataclass(frozen=True)
class AliasKeys:
    """The forms an alias is stored and found under."""

    key: str  # name_key
    skeleton: str  # spelling-blind, full names only ("" for one word)
    surname: str  # spelling-blind last word of a full name ("" for one word)
    initials: str  # of a several-word name, or the acronym itself

    @classmethod
    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - a pure function of a string
    def of(cls, alias: str) -> AliasKeys:
        key = name_key(alias)
        several = " " in key
        return cls(
            key=key,
            skeleton=skeleton(key) if several else "",
            surname=skeleton(name_words(key)[-1]) if several else "",
            initials=initials(alias) or acronym_key(alias),
        )
