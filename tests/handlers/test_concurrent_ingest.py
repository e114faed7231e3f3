"""Two writers ingesting at once give the same entities as one after the other."""

import threading

from handlers.ingest import store_article
from ingest import content_hash
from store import Store
from store.records import ArticleIn

TEXTS = [
    f"The State Department said on {day} that Secretary Antony Blinken would travel to {city}. "
    f"A State Department spokesman, Matthew Miller, told reporters the trip to {city} was planned weeks ago."
    for day, city in [
        ("Monday", "Paris"),
        ("Tuesday", "Berlin"),
        ("Wednesday", "Madrid"),
        ("Thursday", "Rome"),
        ("Friday", "Vienna"),
        ("Saturday", "Prague"),
        ("Sunday", "Warsaw"),
        ("Monday night", "Lisbon"),
    ]
]


def store_all(path, analyses) -> None:
    store = Store.open(path)
    try:
        for number, (text, analysis) in analyses:
            article = ArticleIn(text=text, source=f"t{number}", content_hash=content_hash(text), title=text[:20])
            store_article(store, article, analysis, "2026-01-01T00:00:00")
    finally:
        store.close()


def entity_names(path) -> list[tuple[str, int]]:
    store = Store.open(path)
    try:
        rows = store.db.execute("SELECT name, COUNT(*) FROM entities GROUP BY name ORDER BY name").fetchall()
    finally:
        store.close()
    return [(name, count) for name, count in rows]


def test_two_threads_ingesting_at_once_make_no_twins(tmp_path, analyzer):
    analyses = list(enumerate(zip(TEXTS, analyzer.analyze_many(TEXTS), strict=True)))
    store_all(tmp_path / "sequential.db", analyses)
    Store.open(tmp_path / "parallel.db").close()  # migrated before the race
    start = threading.Barrier(2)
    errors = []

    def writer(share):
        try:
            start.wait(timeout=30)
            store_all(tmp_path / "parallel.db", share)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(analyses[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    sequential, parallel = entity_names(tmp_path / "sequential.db"), entity_names(tmp_path / "parallel.db")
    assert dict(parallel)["State Department"] == 1
    assert [count for _, count in parallel if count > 1] == [count for _, count in sequential if count > 1]
    assert len(parallel) == len(sequential)
