"""Abbreviations an article defines: "the Associated Press (AP)", "AP (Associated Press)".

The Schwartz-Hearst rule (A. Schwartz and M. Hearst, "A simple algorithm for identifying
abbreviation definitions in biomedical text", PSB 2003): a short form in parentheses right after
a long form, or the other way round, is defined by it when every character of the short form is
found in the long form, in order, read from the end, the first one at the start of a word. The
long form is taken as at most min(|A| + 5, 2|A|) words before the parenthesis.
"""

from __future__ import annotations

import re

from domain import acronym_key

_PARENTHESIS = re.compile(r"\(\s*([^()]{1,80}?)\s*\)")


def defines(short: str, long: str) -> bool:
    """Does ``long`` spell out ``short`` by the Schwartz-Hearst character match?"""
    s, lf = short.lower(), long.lower()
    si, li = len(s) - 1, len(lf) - 1
    while si >= 0:
        ch = s[si]
        if not ch.isalnum():
            si -= 1
            continue
        while li >= 0 and (lf[li] != ch or (si == 0 and li > 0 and lf[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        si -= 1
        li -= 1
    return True


def definitions(text: str) -> list[tuple[str, str]]:
    """(short form, long form) for each abbreviation the text defines in parentheses."""
    found = []
    for match in _PARENTHESIS.finditer(text):
        inside = match.group(1)
        before = text[max(0, match.start() - 200) : match.start()].rstrip()
        if acronym_key(inside):  # the long form, then the short: "the Associated Press (AP)"
            words = before.split()
            limit = min(len(inside.replace(".", "")) + 5, 2 * len(inside.replace(".", "")))
            candidates = words[-limit:]
            for cut in reversed(range(len(candidates))):  # the shortest long form that spells it
                long = " ".join(candidates[cut:]).strip(",;:")
                if long and long[0].isupper() and defines(inside, long):
                    found.append((inside, _trim(long)))
                    break
        else:  # the short form, then the long: "AP (Associated Press)"
            last = before.split()[-1].strip(",;:") if before.split() else ""
            if acronym_key(last) and defines(last, inside):
                found.append((last, _trim(inside)))
    return found


def _trim(long: str) -> str:
    words = long.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
