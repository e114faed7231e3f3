"""The linker's logistic model: weights, bias and threshold from ``nlp/data/linker_model.json``."""

from __future__ import annotations

import functools
import hashlib
import json
import math
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class LinkerModel:
    """A logistic model over named features; ``threshold`` is the least probability that links.

    ``sure`` is the probability above which the model alone may join an acronym to a stored entity
    whose articles share nothing with the new one (issue 40: "or the model is sure")."""

    weights: dict[str, float]
    bias: float
    threshold: float
    sure: float = 0.9

    def probability(self, f: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in f.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> LinkerModel:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), float(data.get("sure", 0.9)))


#: Raised when the name relations or features change, so stores linked before know to rebuild.
LINKER_CODE_VERSION = 18


def _model_text() -> str:
    return resources.files("nlp").joinpath("data/linker_model.json").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def shipped_model() -> LinkerModel:
    return LinkerModel.from_json(json.loads(_model_text()))


@functools.lru_cache(maxsize=1)
def linker_version() -> str:
    """Changes whenever the linker's code version or its trained model does."""
    digest = hashlib.sha256(_model_text().encode("utf-8")).hexdigest()[:12]
    return f"{LINKER_CODE_VERSION}-{digest}"
