"""Judging the claims the browser has not seen judged: what `newsroom browse` runs before serving,
so its ``disputed_claims`` holds what a digest over the same articles would call disputed.

The judging itself is the digest's (``handlers.digest.disputed_claims``, through the judge); this
only walks the articles stored since the last time, in windows, and remembers how far it got.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.digest import disputed_claims

#: The store_meta key holding the last article whose claims were judged for the browser.
JUDGED_UNTIL = "verdicts_judged_until"
#: Articles judged at a time: a digest's window of a day or so.
WINDOW = 50


def judge_new_articles(ctx: Context) -> int:
    """Judge the claims denials answer in articles stored since the last call; returns how many
    articles were read. Safe to stop at any point: the mark moves after each window.

    Args:
        ctx: the handler context (store, analyzer and the judge's models).

    Returns:
        The number of articles newly read.
    """
    after = int(ctx.store.meta(JUDGED_UNTIL) or 0)
    ids = [r[0] for r in ctx.store.window_articles(after, None)]
    for start in range(0, len(ids), WINDOW):
        window = ids[start : start + WINDOW]
        disputed_claims(ctx, window)
        ctx.store.set_meta(JUDGED_UNTIL, str(window[-1]))
    return len(ids)
