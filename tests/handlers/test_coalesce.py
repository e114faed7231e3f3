"""Identical requests at the same moment share one computation; later ones compute afresh."""

import logging
import threading

import pytest

from handlers.coalesce import Coalescer

DEADLINE_S = 30


class Joined(logging.Handler):
    """Set when a request says it is waiting for one already in flight."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.event = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if "already in flight" in record.getMessage():
            self.event.set()


def test_a_request_arriving_while_the_same_one_runs_gets_its_answer():
    joined = Joined()
    log = logging.getLogger("handlers.coalesce")
    log.addHandler(joined)
    log.setLevel(logging.DEBUG)
    coalescer: Coalescer[int] = Coalescer()
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow() -> int:
        calls.append("slow")
        started.set()
        release.wait(DEADLINE_S)
        return 42

    answers: list[int] = []
    first = threading.Thread(target=lambda: answers.append(coalescer.run("claim", slow)))
    first.start()
    assert started.wait(DEADLINE_S)
    second = threading.Thread(target=lambda: answers.append(coalescer.run("claim", lambda: calls.append("2") or 0)))
    second.start()
    other = coalescer.run("another claim", lambda: 7)  # a different question is not held up
    assert joined.event.wait(DEADLINE_S)
    release.set()
    log.removeHandler(joined)
    log.setLevel(logging.NOTSET)
    first.join(DEADLINE_S)
    second.join(DEADLINE_S)
    assert other == 7 and answers == [42, 42] and calls == ["slow"]
    assert coalescer.run("claim", lambda: 43) == 43  # nothing kept once answered


def test_a_failure_reaches_every_waiter_and_is_not_kept():
    coalescer: Coalescer[int] = Coalescer()

    def broken() -> int:
        raise RuntimeError("store is locked")

    with pytest.raises(RuntimeError):
        coalescer.run("claim", broken)
    assert coalescer.run("claim", lambda: 1) == 1
