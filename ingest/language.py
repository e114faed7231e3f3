"""Is this an English article? Language by CLD2 (pycld2), length by a floor of words and sentences.

CLD2 was chosen after ``bench/compare_language_id.py``: on 603 English news texts (FNC-1 and ECB+
train, results tables among them) and news paragraphs in eight other languages it was right on
all of them, at 0.08 ms a text, against 0.58 ms for py3langid (which called a results table not
English) and 2.8 ms for langdetect. It ships its model inside the wheel and works offline.
"""

from __future__ import annotations

import re

import pycld2

#: Fewer words than this is a name, a path or a word, not an article.
MIN_WORDS = 8
#: A single line this long is a news flash even without a full stop ("UK aid worker has reportedly
#: been tried by a Sharia court and found innocent of espionage"): no name, path or headline runs
#: to so many words. Set by hand, not tuned.
MIN_WORDS_WITHOUT_SENTENCE = 12
#: CLD2 is trusted to refuse a text only when it calls itself reliable and finds this little English.
MIN_ENGLISH_PERCENT = 30
#: A claim this long, in a language CLD2 names, is not English when at most this share of its words
#: are English function words. CLD2 alone cannot tell on a headline: it calls "Meteorite strike in
#: Nicaragua puzzles experts" Guarani and "Texas, Hold 'Em" Portuguese; an English sentence of
#: eight words with one "the", "in", "is" or "to" at most is rarer still (French and Spanish write
#: "a", "on", "he" too). Set by hand, not tuned; checked on FNC-1 train's 1,648 headlines (the two
#: in French are the two it refuses).
MIN_CLAIM_WORDS = 8
MAX_ENGLISH_SHARE = 0.1
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?:\s|$)")


def looks_english(text: str) -> bool:
    """English, or too mixed or too short for CLD2 to be sure it is not."""
    sample = text[:20_000].encode("utf-8", "replace").decode("utf-8")
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:  # bytes CLD2 cannot read: leave the decision to the other checks
        return True
    english = sum(percent for _, code, percent, _ in details if code == "en")
    top = details[0][1] if details else "un"
    return top in ("en", "un") or not reliable or english >= MIN_ENGLISH_PERCENT


def claim_language(text: str) -> str | None:
    """The language a claim is written in when it is surely not English, else None.

    Args:
        text: a claim or headline, as a reporter typed it.
    Returns:
        CLD2's name of the language ("French") for a claim of ``MIN_CLAIM_WORDS`` words or more
        at most ``MAX_ENGLISH_SHARE`` of which are English function words, when CLD2 names a
        language other than English; None otherwise (English, or too short or too mixed to be sure).
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_CLAIM_WORDS:  # a name or an id ("#12") is decided before spaCy's words load
        return None
    from spacy.lang.en.stop_words import STOP_WORDS  # a claim's reading loads spaCy anyway

    if sum(w in STOP_WORDS for w in words) > MAX_ENGLISH_SHARE * len(words):
        return None
    try:
        _, _, details = pycld2.detect(text.encode("utf-8", "replace").decode("utf-8"))
    except pycld2.error:
        return None
    name, code = (details[0][0], details[0][1]) if details else ("", "un")
    return None if code in ("en", "un") else name.title()


def looks_like_article(text: str) -> bool:
    """Enough words, and at least one sentence, two lines or a line long enough to be a flash: a
    two-sentence wire flash passes, a bare name, a path or a single word does not."""
    words = len(_WORD.findall(text[:5_000]))
    if words < MIN_WORDS:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(_SENTENCE_END.search(text[:5_000])) or len(lines) >= 2 or words >= MIN_WORDS_WITHOUT_SENTENCE
