"""/compare on a query that names things but claims nothing ("Musk OR Putin", "Starlink Ukraine").

No verdict can be given on a name, so the answer is what the stored statements say about those
names, grouped by outlet, each cited; and a line saying how to ask for a verdict.
"""

from __future__ import annotations

import re
from collections import defaultdict

from handlers.context import Context
from handlers.reply import Reply, Section
from handlers.statements import statement_citation, statement_json
from handlers.wording import CLAIM_ECHO_CHARS, echoed, plural
from store.records import EntityMatch, StatementRow

SHOWN_PER_OUTLET = 4
LIMIT = 200  # statements read per name, by it and about it
_OPERATORS = re.compile(r"\s+(?:OR|AND|VS\.?|versus|or|and|vs\.?)\s+|[,;/|]+")


def _names(ctx: Context, query: str) -> list[str]:
    """The names in the query: spaCy's, else the query's pieces between OR/AND, else its words."""
    found = [e.name for e in ctx.analyzer.analyze(query).entities]
    pieces = [p.strip() for p in _OPERATORS.split(query) if p.strip()]
    for piece in pieces if len(pieces) > 1 else query.split():
        if not any(piece.lower() in name.lower() for name in found):
            found.append(piece)
    return list(dict.fromkeys(found))


def _entities(ctx: Context, names: list[str]) -> tuple[list[EntityMatch], list[str]]:
    found, missing = {}, []
    for name in names:
        matches = ctx.store.find_entities(name)
        if matches:
            found.setdefault(matches[0].id, matches[0])
        else:
            missing.append(name)
    return list(found.values()), missing


def names_reply(ctx: Context, query: str) -> Reply:
    """The answer to a /compare that names things but claims nothing: what was said about them.

    Args:
        ctx: the store and the analyzer (to find the names in the query).
        query: the query as typed.

    Returns:
        The statements by and about the stored entities named, grouped by outlet (a few shown
        each), with how to ask for a verdict; ``verdict`` is None in ``data``.
    """
    entities, missing = _entities(ctx, _names(ctx, query))
    how = "For a verdict, ask about a claim, for example /compare Musk and Putin have been in regular contact."
    if not entities:
        return Reply(
            title=f"“{echoed(query, CLAIM_ECHO_CHARS)}” claims nothing to check, and the store knows none of its names",
            sections=[Section(text=how)],
            data={"claim": query, "verdict": None, "names": [], "unknown": missing, "outlets": []},
        )
    by_outlet: dict[str, dict[int, StatementRow]] = defaultdict(dict)
    for entity in entities:
        rows = [*ctx.store.statements_by(entity.id, LIMIT), *ctx.store.statements_about(entity.id, LIMIT)]
        for row in rows:
            by_outlet[row.outlet or "unknown outlet"][row.statement_id] = row
    names = " and ".join(e.name for e in entities)
    sections = [Section(text=f"It names {names} but claims nothing, so there is no verdict. {how}")]
    if missing:
        sections.append(Section(text=f"Not named in any stored article: {', '.join(missing)}."))
    for outlet, rows in sorted(by_outlet.items(), key=lambda item: (-len(item[1]), item[0])):
        ordered = sorted(rows.values(), key=lambda r: (r.kind != "attributed", r.article_id, r.statement_id))
        shown = "" if len(ordered) <= SHOWN_PER_OUTLET else f", {SHOWN_PER_OUTLET} shown"
        sections.append(
            Section(
                heading=f"{outlet} ({plural(len(ordered), 'statement')}{shown})",
                citations=[statement_citation(r) for r in ordered[:SHOWN_PER_OUTLET]],
            )
        )
    return Reply(
        title=f"“{echoed(query, CLAIM_ECHO_CHARS)}”: what the store says about {names}",
        sections=sections,
        data={
            "claim": query,
            "verdict": None,
            "names": [{"id": e.id, "name": e.name} for e in entities],
            "unknown": missing,
            "outlets": [
                {"outlet": outlet, "statements": [statement_json(r) for r in rows.values()]}
                for outlet, rows in sorted(by_outlet.items())
            ],
        },
    )
