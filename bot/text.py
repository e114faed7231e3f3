"""Splitting text for chat limits: never cut, only broken at line ends or spaces when possible."""

from __future__ import annotations


def chunks(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, broken at line ends, then spaces, when possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = text.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n ")
    if text:
        pieces.append(text)
    return pieces
