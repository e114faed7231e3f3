"""Identical requests in flight at the same moment share one computation.

When a story breaks, many reporters ask the same /compare within seconds; each answer takes tens
of milliseconds of CPU, so twenty computed side by side on two cores take ten times as long as one.
A request that finds the same question already being answered waits for that answer instead.
Nothing is kept once the answer is out: a later request computes afresh and sees new articles.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

from handlers import messages

T = TypeVar("T")
logger = logging.getLogger(__name__)


class Coalescer(Generic[T]):
    """Runs each distinct request once at a time: a caller asking the same key waits for that answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[Hashable, Future[T]] = {}

    def run(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or the result of the identical call another thread is running now.

        Args:
            key: what makes two requests identical (e.g. the store and the claim).
            compute: computes the answer when no identical call is running.

        Returns:
            The answer, computed here or by the call already running.

        Raises:
            BaseException: whatever ``compute`` raised, in this thread and in every thread waiting on it.
        """
        with self._lock:
            running = self._running.get(key)
            if running is None:
                mine: Future[T] = Future()
                self._running[key] = mine
        if running is not None:
            logger.debug(messages.COALESCED(key=key))
            return running.result()
        try:
            result = compute()
        except BaseException as error:
            mine.set_exception(error)
            raise
        else:
            mine.set_result(result)
            return result
        finally:
            with self._lock:
                del self._running[key]
