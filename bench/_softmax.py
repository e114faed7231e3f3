"""A small multinomial logistic model over string features, trained with numpy.

Deterministic: full-batch gradient descent (Adam) from zero weights, no sampling, so the same rows
give the same weights on every run. The result is the JSON shape judge.article_model reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def train_softmax(
    rows: Sequence[list[str]],
    labels: Sequence[str],
    classes: Sequence[str],
    class_weight: dict[str, float] | None = None,
    epochs: int = 400,
    rate: float = 0.05,
    l2: float = 1e-4,
    min_count: int = 2,
) -> dict:
    """Weights for each class and feature seen at least ``min_count`` times."""
    counts: dict[str, int] = {}
    for names in rows:
        for name in set(names):
            counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: i for i, name in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
    for r, names in enumerate(rows):
        for name in names:
            if name in index:
                x[r, index[name]] = 1.0
    y = np.array([classes.index(label) for label in labels])
    target = np.eye(len(classes), dtype=np.float32)[y]
    sample_weight = np.array([(class_weight or {}).get(label, 1.0) for label in labels], dtype=np.float32)
    sample_weight /= sample_weight.sum()
    w = np.zeros((len(vocabulary), len(classes)), dtype=np.float32)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, epochs + 1):
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        chances = np.exp(scores)
        chances /= chances.sum(axis=1, keepdims=True)
        gradient = x.T @ ((chances - target) * sample_weight[:, None]) + l2 * w
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {
        label: {name: round(float(w[i, c]), 4) for name, i in index.items() if abs(w[i, c]) >= 1e-4}
        for c, label in enumerate(classes)
    }
    return {"labels": list(classes), "weights": weights}
