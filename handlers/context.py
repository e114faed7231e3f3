"""What a handler needs from the outside world, passed in rather than imported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from handlers.values import Schedules
from ingest import FetchPolicy
from store import Store

if TYPE_CHECKING:
    from judge import Models
    from nlp.analyze import Analyzer


def utc_now() -> datetime:
    """The wall clock, in UTC: the default of ``Context.clock`` (tests pass their own).

    Returns:
        The current time, time-zone aware.
    """
    return datetime.now(UTC)


@dataclass
class Context:
    """What a handler needs from the outside world: the store, the analyzer, the clock and the settings.

    Built once by the bot or the CLI and passed to every handler; tests build one on a fresh database.
    """

    store: Store
    analyzer: Analyzer
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    clock: Callable[[], datetime] = utc_now
    n_process: int = 1  # spaCy processes for bulk ingests
    schedules: Schedules | None = None  # set when the bot runs; the one-shot CLI has none
    timezone: str = "UTC"  # digest times when a channel has not chosen its own
    charts_dir: Path | None = None  # where digest charts go; None: next to the database
    watch_limit: int = 20  # names and claims one reporter may watch (NEWSROOM_WATCH_LIMIT)
    # Called with the new article ids after an ingest stores any (the running bot sends watch alerts).
    after_ingest: Callable[[list[int]], None] | None = None
    # The judging models and cuts; None: the shipped ones (the evaluation passes each fold's own).
    models: Models | None = None

    def now_text(self) -> str:
        """The clock's time as the store keeps it (ISO 8601, to the second).

        Returns:
            E.g. "2026-12-06T21:40:00+00:00".
        """
        return self.clock().isoformat(timespec="seconds")
