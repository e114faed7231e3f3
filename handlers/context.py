"""What a handler needs from the outside world, passed in rather than imported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ingest import FetchPolicy
from nlp import Analyzer
from store import Store


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Context:
    store: Store
    analyzer: Analyzer
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    clock: Callable[[], datetime] = utc_now
    n_process: int = 1  # spaCy processes for bulk ingests
