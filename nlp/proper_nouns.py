"""Names the entity model missed but the tagger did not: runs of proper nouns in running text.

en_core_web_sm's NER skips many names its tagger still marks as proper nouns (NNP, NNPS):
sports teams ("the Colts", "Tar Heels"), small outlets ("told TMZ", "told People"), places
("in Evansville"). A run of such tokens in a sentence of the body is a name when none of its
words is one the article also writes in lower case (then it is a capitalised common word:
"Police", "Web"), when it does not open its sentence (where every word is capitalised) unless
the article writes it mid-sentence too, and when it is no role or calendar word. Headlines are
left to ``nlp.headlines``, whose Title Case makes every word look like a name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.doc_columns import positions
from nlp.doctext import text_of
from nlp.headlines import is_title_case, line_bounds, stem
from nlp.names import PLACE_PREPOSITIONS, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)
#: Entity types the model gives to capitalised words that are not names of things.
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_NAME_WORD = re.compile(r"[A-Z][\w.&'-]*[A-Za-z]$|[A-Z]{2,}$")


def _candidate(token: Token, common: set[str]) -> bool:
    word = token.text
    return (
        bool(_NAME_WORD.match(word))
        and token.ent_type_ not in _NOT_NAMES
        and stem(word) not in common
        and word.lower() not in _CALENDAR
        and not is_title_word(word)
    )


def _written_mid_sentence(text: str, word: str) -> bool:
    """Does the article write ``word`` after another word of the same sentence somewhere?"""
    for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
        i = match.start() - 1
        while i >= 0 and text[i] in " \t":  # look back in place: no copy of the text before it
            i -= 1
        if i >= 0 and (text[i].isalnum() or text[i] in ",;:"):
            return True
    return False


def _label(doc: Doc, first: Token) -> str:
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and is_title_word(before.text):
        return "PERSON"
    if before is not None and before.lower_ in PLACE_PREPOSITIONS:
        return "GPE"
    return "ORG"


def missed_proper_nouns(doc: Doc, taken: bytearray, common: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each proper-noun run outside every mention already found.

    ``taken`` marks characters already inside a mention; ``common`` holds the stems of the
    words the article writes in lower case (``nlp.headlines.lower_case_stems``).
    """
    text = text_of(doc)
    found: list[tuple[int, int, str]] = []
    runs: list[list[Token]] = []
    for i in positions(doc, "TAG", _PROPER_TAGS):
        token = doc[i]
        if not _candidate(token, common):
            continue
        if runs and runs[-1][-1].i == i - 1 and not token.is_sent_start:
            runs[-1].append(token)
        else:
            runs.append([token])
    for run in runs:
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        if any(taken[start:end]):
            continue
        line_start, line_end = line_bounds(text, start)
        line = text[line_start:line_end]
        if is_title_case(line) or line.isupper():
            continue
        if run[0].is_sent_start and len(run) == 1 and not _written_mid_sentence(text, run[0].text):
            continue
        found.append((start, end, _label(doc, run[0])))
    return found
