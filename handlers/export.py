"""Exporting the store for data teams and evaluation scripts: stable fields, streamed rows."""

from __future__ import annotations

from collections.abc import Iterator

from handlers import messages
from handlers.context import Context

KINDS = ("entities", "mentions", "statements")


def export(ctx: Context, kind: str) -> tuple[tuple[str, ...], Iterator[dict]]:
    """newsroom export entities|mentions|statements — every row of one kind, in a stable order.

    Nothing is held in memory: the rows stream from the store.

    Args:
        ctx: the store.
        kind: "entities", "mentions" or "statements".

    Returns:
        The field names, and an iterator over the rows (dicts keyed by those names).

    Raises:
        ValueError: ``kind`` is none of those.
    """
    if kind not in KINDS:
        raise ValueError(messages.UNKNOWN_EXPORT(kind=kind, kinds=", ".join(KINDS)))
    return ctx.store.export_fields(kind), ctx.store.export_rows(kind)
