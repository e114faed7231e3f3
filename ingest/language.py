"""A cheap check that a text is English, so the English pipeline is not run on other languages.

English prose is roughly 40-50 % function words; other languages in Latin script share
few of them and other scripts share none. No model is needed to tell those apart.
"""

from __future__ import annotations

import re

_STOPWORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does for from
    had has have he her his how i if in into is it its just more most my no not of on one or our
    out over said says she so some such than that the their them then there these they this
    those to up was we were what when where which who will with would you""".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 30
MIN_STOPWORD_SHARE = 0.15
MAX_NON_LATIN_SHARE = 0.3


def english_share(text: str) -> tuple[float, float, int]:
    """(share of English function words, share of non-Latin letters, word count)."""
    words = _WORD_RE.findall(text[:20_000])
    if not words:
        return 0.0, 0.0, 0
    letters = "".join(words)
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    stop = sum(1 for w in words if w.lower() in _STOPWORDS)
    return stop / len(words), non_latin / len(letters), len(words)


def looks_english(text: str) -> bool:
    stop_share, non_latin_share, count = english_share(text)
    if non_latin_share > MAX_NON_LATIN_SHARE:
        return False
    return count < MIN_WORDS or stop_share >= MIN_STOPWORD_SHARE
