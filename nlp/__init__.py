"""Text analysis: spaCy pipelines in, plain dataclasses out (see nlp.model).

The package's names load lazily, so importing its plain data types (``nlp.model``, as the store
does) never loads spaCy: only asking for ``Analyzer`` or ``ModelNotInstalled`` does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlp.analyze import Analyzer
    from nlp.model import Analysis, Mention, Sentence
    from nlp.pipeline import ModelNotInstalled

_HOMES = {
    "Analyzer": "nlp.analyze",
    "ModelNotInstalled": "nlp.pipeline",
    "Analysis": "nlp.model",
    "Mention": "nlp.model",
    "Sentence": "nlp.model",
}

__all__ = ["Analysis", "Analyzer", "Mention", "ModelNotInstalled", "Sentence"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
