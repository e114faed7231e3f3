"""Text analysis: spaCy pipelines in, plain dataclasses out (the ``domain`` package).

What belongs here: reading a text (sentences, mentions, descriptors, attributions, statements,
numbers, a claim's shape), the spaCy components and models that do it, and the pure functions
that link an article's names to the candidates a handler read from the store. What does not:
fetching (``ingest``), SQL or the store (``store``), deciding a claim's verdict (``judge``), chat.
Of the project it imports only ``domain``; ``store`` and ``domain`` never import spaCy.

The package's names load lazily, so importing one of its light modules never loads spaCy: only
asking for ``Analyzer`` or ``ModelNotInstalled`` does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlp.analyze import Analyzer
    from nlp.errors import ModelNotInstalled

_HOMES = {"Analyzer": "nlp.analyze", "ModelNotInstalled": "nlp.errors"}

__all__ = ["Analyzer", "ModelNotInstalled"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
