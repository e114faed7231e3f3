"""Frozen copies of the name-key functions, one per migration that wrote keys into the store.

A migration must give the same result whenever it runs, so it never calls the live key code in
``domain.name_keys``, which changes as the linker improves. When that code changes, add a migration
with a new frozen copy here that re-keys the aliases (as ``0013_alias_keys`` does), and point the
test that compares the newest copy with the live code (tests/store/test_migrations.py) at it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Keys = tuple[str, str, str, str]  # key, skeleton, surname, initials

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_CONNECTORS = {"of", "the", "and", "for", "&", "on", "in", "de", "la"}


def _acronym(text: str) -> str:
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return ""


def _fold(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"[^\w@'&.\- ]+", " ", folded)
    return re.sub(r"\s+", " ", folded).strip(" .-'")


def _initials(key: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", key) if w]
    significant = [w for w in words if w not in _CONNECTORS]
    return "".join(w[0] for w in significant) if len(significant) > 1 else ""


def _keys(alias: str, name_key: Callable[[str], str], skeleton: Callable[[str], str]) -> Keys:
    key = name_key(alias)
    words = key.split()
    several = len(words) > 1
    return (
        key,
        skeleton(key) if several else "",
        skeleton(words[-1]) if several else "",
        _initials(key) or _acronym(alias),
    )


# As written for migration 0004 (2026-11-22) -----------------------------------------------------


def _name_key_0004(name: str) -> str:
    folded = _fold(name)
    return folded[4:] if folded.startswith("the ") else folded


def _skeleton_0004(key: str) -> str:
    folded = key.replace("y", "i").replace("j", "i").replace("ck", "k").replace("ph", "f")
    folded = re.sub(r"[^a-z0-9 ]", "", folded)
    return re.sub(r"(.)\1+", r"\1", folded)


def keys_0004(alias: str) -> Keys:
    """An alias's keys as migration 0004 wrote them.

    Args:
        alias: the name as written.

    Returns:
        (key, skeleton, surname, initials).
    """
    return _keys(alias, _name_key_0004, _skeleton_0004)


# As written for migration 0013 (2026-11-23): "U. S." is "U.S.", Mt is Mount, a silent final e,
# and a name in another script has no skeleton -------------------------------------------------

_ABBREVIATIONS_0013 = {"mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort"}


def _name_key_0013(name: str) -> str:
    folded = re.sub(r"\b(\w)\. (?=\w\.)", r"\1.", _fold(name))
    return folded[4:] if folded.startswith("the ") else folded


def _skeleton_0013(key: str) -> str:
    words = [_ABBREVIATIONS_0013.get(w, w) for w in key.split()]
    folded = " ".join(words).replace("y", "i").replace("j", "i").replace("ck", "k").replace("ph", "f")
    folded = re.sub(r"[^a-z0-9 ]", "", folded)
    folded = re.sub(r"(?<=\w{3}[b-df-hj-np-tv-z])e\b", "", folded)
    return re.sub(r"(.)\1+", r"\1", folded).strip()


def keys_0013(alias: str) -> Keys:
    """An alias's keys as migration 0013 wrote them ("U. S." is "U.S.", Mt is Mount, a silent final e).

    Args:
        alias: the name as written.

    Returns:
        (key, skeleton, surname, initials).
    """
    return _keys(alias, _name_key_0013, _skeleton_0013)


# As written for migration 0017 (2026-11-24): British and American spellings meet ------------------

_SPELLINGS_0017 = (
    (r"isation\b", "ization"),
    (r"(?<=\w)tre\b", "ter"),
    (r"(?<=\w\w)our\b", "or"),
    (r"(?<=\w)ence\b", "ense"),
)


def _skeleton_0017(key: str) -> str:
    folded = " ".join(_ABBREVIATIONS_0013.get(w, w) for w in key.split())
    for british, american in _SPELLINGS_0017:
        folded = re.sub(british, american, folded)
    folded = folded.replace("y", "i").replace("j", "i").replace("ck", "k").replace("ph", "f")
    folded = re.sub(r"[^a-z0-9 ]", "", folded)
    folded = re.sub(r"(?<=\w{3}[b-df-hj-np-tv-z])e\b", "", folded)
    return re.sub(r"(.)\1+", r"\1", folded).strip()


def keys_0017(alias: str) -> Keys:
    """An alias's keys as migration 0017 wrote them (British and American spellings meet).

    Args:
        alias: the name as written.

    Returns:
        (key, skeleton, surname, initials).
    """
    return _keys(alias, _name_key_0013, _skeleton_0017)


# As written for migration 0019 (2026-11-24): a generational suffix is not the surname ----------

_GENERATIONS_0019 = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def keys_0019(alias: str) -> Keys:
    """An alias's keys as migration 0019 wrote them (a generational suffix is not the surname).

    Args:
        alias: the name as written.

    Returns:
        (key, skeleton, surname, initials).
    """
    key, skeleton, surname, initials = _keys(alias, _name_key_0013, _skeleton_0017)
    words = key.split()
    if len(words) > 2 and words[-1] in _GENERATIONS_0019:
        surname = _skeleton_0017(words[-2])
    return key, skeleton, surname, initials


# As written for migration 0020 (2026-11-24): credentials are not the surname either -------------

_CREDENTIALS_0020 = frozenset(
    "md phd mba jd esq rn dds dmd mph cpa llm edd psyd dphil facs facp mbbs frcs msw lcsw qc kc obe mbe cbe"
    .split()
)  # fmt: skip


def _credentials_0020(letters: str) -> bool:
    if not letters:
        return False
    return any(
        letters.startswith(c) and (c == letters or _credentials_0020(letters[len(c) :])) for c in _CREDENTIALS_0020
    )


def keys_0020(alias: str) -> Keys:
    """An alias's keys as migration 0020 wrote them (credentials are not the surname either).

    Args:
        alias: the name as written.

    Returns:
        (key, skeleton, surname, initials).
    """
    key, skeleton, surname, initials = _keys(alias, _name_key_0013, _skeleton_0017)
    words = key.split()
    for count in range(min(4, len(words) - 2), 0, -1):
        if _credentials_0020(re.sub(r"[^a-z]", "", "".join(words[-count:]))):
            words = words[:-count]
            break
    if len(words) > 2 and words[-1] in _GENERATIONS_0019:
        words = words[:-1]
    if len(words) > 1:
        surname = _skeleton_0017(words[-1])
    return key, skeleton, surname, initials
