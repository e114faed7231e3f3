from domain import name_key
from store import profiles


def _entity_in_articles(store, count: int) -> int:
    conn = store.db.conn
    entity = conn.execute(
        "INSERT INTO entities (name, type, created_at) VALUES ('Anan Berost', 'PERSON', '2024-01-01')"
    ).lastrowid
    conn.execute(
        "INSERT INTO aliases (entity_id, alias, key) VALUES (?, 'Anan Berost', ?)", [entity, name_key("Anan Berost")]
    )
    for number in range(count):
        article = conn.execute(
            "INSERT INTO articles (source, content_hash, text, ingested_at) VALUES (?, ?, 'Anan Berost spoke.', ?)",
            [f"a{number}.txt", f"h{number}", f"2024-01-{1 + number % 28:02d}"],
        ).lastrowid
        conn.execute(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, sent_start, sent_end) '
            "VALUES (?, ?, 0, 11, 'Anan Berost', 'PERSON', 0, 17)",
            [article, entity],
        )
        conn.execute(
            'INSERT INTO descriptors (entity_id, article_id, text, key, kind, start, "end", sent_start, sent_end) '
            "VALUES (?, ?, 'Kremlin spokesman', 'kremlin spokesman', 'title', 0, 5, 0, 17)",
            [entity, article],
        )
    conn.commit()
    return entity


def test_counts_stop_at_the_cap_and_say_so(store):
    entity = _entity_in_articles(store, 12)
    summary = profiles.entity_overview(store.db, entity, cap=5)
    assert summary.capped and summary.article_count == 5 and summary.first_article_id == 1
    exact = profiles.entity_overview(store.db, entity, cap=50)
    assert not exact.capped and exact.article_count == 12


def test_naming_sentences_read_the_latest_articles_and_count_pages(store):
    entity = _entity_in_articles(store, 12)
    first = profiles.latest_naming_sentences(store.db, entity, limit=3, offset=0)
    second = profiles.latest_naming_sentences(store.db, entity, limit=3, offset=3)
    assert [c.article_id for c in first] == [12, 11, 10] and [c.article_id for c in second] == [9, 8, 7]
    assert profiles.naming_sentences_seen(store.db, entity, articles=5) == (5, True)
    assert profiles.naming_sentences_seen(store.db, entity, articles=50) == (12, False)


def test_descriptors_are_grouped_by_key_in_sql(store):
    entity = _entity_in_articles(store, 4)
    [group] = profiles.ranked_descriptors(store.db, entity)
    assert group.text == "Kremlin spokesman" and group.article_count == 4 and group.first_article_id == 1
