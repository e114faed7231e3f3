"""The verdict on a claim: a pure function of the calls the answer shows.

Rules, in order: a dispute shown makes the claim "disputed" (whoever supports it); otherwise a
support shown makes it "supported"; evidence that only reports the claim, cannot corroborate it, or
that the judge could not read surely ("unclear"), leaves it "unverified", as do articles sharing
the claim's words that the judge is not sure are about it; no evidence at all is "no coverage". The
sentence of why is built from the same calls, so it names who supports and who disputes, with
their outlets, and never says "nobody disputes" while a dispute is listed. Order does not matter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from judge.calls import DISPUTES, REPORTS, SUPPORTS, UNCLEAR, Call
from judge.calls import UNVERIFIED as CANNOT_CORROBORATE

SUPPORTED, DISPUTED, UNVERIFIED, NO_COVERAGE = "supported", "disputed", "unverified", "no coverage"
#: Names listed in the line of why before "and N more".
NAMED_IN_WHY = 3


@dataclass(frozen=True)
class Verdict:
    """The verdict, one line of why, and the sources behind each stance (source → its outlets)."""

    label: str
    why: str
    sides: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def count(self, stance: str) -> int:
        return len(self.sides.get(stance, {}))


def sides_of(calls: Sequence[Call]) -> dict[str, dict[str, list[str]]]:
    """Each stance's sources, each with the outlets that carry it, in a stable order."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for call in calls:
        found[call.stance][call.source].add(call.outlet)
    return {
        stance: {source: sorted(outlets) for source, outlets in sorted(by_source.items())}
        for stance, by_source in found.items()
    }


def _who(by_source: dict[str, list[str]]) -> str:
    """'Dmitry Peskov (Reuters, Fortune) and Elon Musk (CNN)'; the outlet alone for its own voice."""
    named = []
    for source, outlets in by_source.items():
        others = [o for o in outlets if o != source]
        named.append(f"{source} ({', '.join(others)})" if others else source)
    shown = named[:NAMED_IN_WHY]
    more = len(named) - len(shown)
    if more:
        return ", ".join(shown) + f" and {more} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def verdict_of(calls: Sequence[Call], unsure: int = 0) -> Verdict:
    """The verdict on the claim from ``calls`` (every call the answer shows).

    Args:
        calls: the judged evidence; a call's ``stance`` is final (the confidence cut already applied).
        unsure: how many articles share some of the claim's words but were not listed, as not
            clearly about it; with no call listed they make the claim unverified, not uncovered.
    Returns:
        The ``Verdict``: "disputed", "supported", "unverified" or "no coverage", with why.
    """
    sides = sides_of(calls)
    supporters, disputers = sides.get(SUPPORTS, {}), sides.get(DISPUTES, {})
    reporters, unclear = sides.get(REPORTS, {}), sides.get(UNCLEAR, {})
    doubters = sides.get(CANNOT_CORROBORATE, {})
    if disputers:
        why = f"Disputed by {_who(disputers)}"
        why += f"; supported by {_who(supporters)}." if supporters else "; nobody shown supports it."
        return Verdict(DISPUTED, why, sides)
    if supporters:
        why = f"Supported by {_who(supporters)}; nobody shown disputes it."
        return Verdict(SUPPORTED, why, sides)
    if reporters or unclear or doubters:
        parts = []
        if doubters:
            parts.append(f"{_who(doubters)} could not corroborate it")
        if reporters:
            parts.append(f"{_who(reporters)} only report it")
        if unclear:
            parts.append(f"{len(unclear)} more could not be read surely")
        return Verdict(UNVERIFIED, "Nobody shown confirms or denies it: " + "; ".join(parts) + ".", sides)
    if unsure:
        noun = "article shares" if unsure == 1 else "articles share"
        why = f"Nothing stored is clearly about it: {unsure} {noun} some of its words, none sure to be about it."
        return Verdict(UNVERIFIED, why, sides)
    return Verdict(NO_COVERAGE, "No stored article is about this claim.", sides)
