"""On shutdown the store stops taking articles, so an abandoned ingest's user may be told it was not
stored: an article being written is finished first, and none is written after."""

import threading

import pytest

from domain import Analysis
from store.errors import IngestStopped
from store.records import ArticleIn

TEXT = "The council said on Monday that the bridge would reopen next week, officials told reporters."


def article(number: int) -> ArticleIn:
    return ArticleIn(text=f"{TEXT} {number}", source=f"s{number}", content_hash=f"h{number}", title="t")


def test_no_article_is_stored_after_stop_ingest(store):
    store.add_article(article(1), Analysis(text=TEXT), [], "2026-01-01T00:00:00")
    store.stop_ingest()
    with pytest.raises(IngestStopped):
        store.add_article(article(2), Analysis(text=TEXT), [], "2026-01-01T00:00:00")
    assert store.article_count() == 1


def test_stop_ingest_waits_for_the_article_being_written(store):
    writing, finish = threading.Event(), threading.Event()

    def write_slowly():  # as the ingest handler does: candidates read and article written in one transaction
        with store.write_transaction():
            writing.set()
            finish.wait(30)
            store.add_article(article(1), Analysis(text=TEXT), [], "2026-01-01T00:00:00")

    writer = threading.Thread(target=write_slowly)
    writer.start()
    assert writing.wait(30)
    seen_when_stopped = []

    def stop():
        store.stop_ingest()
        seen_when_stopped.append(store.article_count())

    stopper = threading.Thread(target=stop)
    stopper.start()
    finish.set()
    writer.join(30)
    stopper.join(30)
    assert seen_when_stopped == [1]  # it returned only once the article under way was committed
