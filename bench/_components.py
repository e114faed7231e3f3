"""Connected components of FNC-1's related pairs: a story, as near as the labels say.

Headlines and bodies joined by an agree, disagree or discuss pair are one story; the folds of the
stance benches (``_fnc.folds_by_story``) and the splits of the labelled name pairs
(``_linker_pairs.stories``) both keep a story whole, and both group it here.
"""

from __future__ import annotations


class Components:
    """A union-find over string nodes ("h:headline", "b:body id"); a root is its component's
    smallest node, so the grouping never depends on the order pairs come in."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        """The root of ``node``'s component (a node seen for the first time is its own)."""
        parent = self.parent
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(self, a: str, b: str) -> None:
        """Put ``a`` and ``b`` in one component."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)
