"""One name per outlet: "Wall Street Journal", "the Journal", "WSJ" and "the paper" are all The Wall
Street Journal when the store holds it, so answers never list one outlet three times or credit
a claim to "the newspaper"."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from domain import initials, name_key
from nlp.attributions import unnamed_source
from store.records import StatementRow

#: Words that point back at an outlet named elsewhere in the same article.
GENERIC = frozenset(
    {"paper", "newspaper", "outlet", "news outlet", "publication", "magazine", "report", "site", "website", "daily"}
)


def fold_outlet(name: str, outlets: list[str]) -> str | None:
    """The stored outlet ``name`` means: the same name, a tail of it ("Journal", "Street Journal"),
    or its initials ("WSJ"); None when no stored outlet, or more than one, fits.

    Args:
        name: the outlet as a sentence names it.
        outlets: every stored outlet's name.

    Returns:
        The stored outlet's name, or None (always for a generic word such as "the paper").
    """
    key = name_key(name)
    if not key or key in GENERIC:
        return None
    found = set()
    for outlet in outlets:
        theirs = name_key(outlet)
        if key == theirs or theirs.endswith(" " + key) or (" " not in key and key == initials(outlet)):
            found.add(outlet)
    return found.pop() if len(found) == 1 else None


def named_outlets(
    rows: list[StatementRow], outlets: list[str], context: Sequence[StatementRow] = ()
) -> list[StatementRow]:
    """The rows with each outlet speaker under its stored name; "the paper" becomes the one outlet
    its article names as a source (in ``rows`` or in ``context``, the article's other statements),
    when there is exactly one; and a sentence of the outlet's that cites an unnamed source ("a
    person familiar with the talks said") is that source's, not the outlet's.

    Args:
        rows: the statements to rename.
        outlets: every stored outlet's name.
        context: the other statements of the same articles, read for the outlets they name.

    Returns:
        ``rows`` in order; a copy where the speaker was renamed or found to be an unnamed source.
    """
    folded = {
        row.statement_id: fold_outlet(row.speaker, outlets)
        for row in [*rows, *context]
        if row.speaker and row.speaker_type != "anonymous"
    }
    cited: dict[int, set[str]] = defaultdict(set)
    for row in [*rows, *context]:
        if (outlet := folded.get(row.statement_id)) and outlet != row.outlet:
            cited[row.article_id].add(outlet)
    named = []
    for row in rows:
        outlet = folded.get(row.statement_id)
        if row.kind != "attributed" and (source := unnamed_source(row.sentence)):
            row = dataclasses.replace(row, speaker=source, speaker_type="anonymous")
        elif row.statement_id in folded:
            generic = row.speaker_type == "outlet" and name_key(row.speaker) in GENERIC
            if outlet is None and generic and len(cited[row.article_id]) == 1:
                outlet = next(iter(cited[row.article_id]))
            if outlet:
                row = dataclasses.replace(row, speaker=outlet, speaker_type="outlet")
        named.append(row)
    return named
