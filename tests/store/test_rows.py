import pytest

from store import Store, rows
from store.corrections import add_alias, add_aliases
from store.rows import insert_rows, next_ids


def test_rows_inserted_together_are_the_rows_inserted_one_by_one(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rows, "CHUNK_ROWS", 2)  # three statements for five rows
    db = store.db
    db.execute("CREATE TABLE one (id INTEGER PRIMARY KEY, word TEXT UNIQUE)")
    db.execute("CREATE TABLE many (id INTEGER PRIMARY KEY, word TEXT UNIQUE)")
    words = ["a", "b", "a", "c", "d"]
    with db.conn:
        for word in words:
            db.execute("INSERT OR IGNORE INTO one (word) VALUES (?)", [word])
        insert_rows(db, "many", ["word"], [(w,) for w in words], "INSERT OR IGNORE")
    assert db.execute("SELECT id, word FROM many").fetchall() == db.execute("SELECT id, word FROM one").fetchall()
    assert db.execute("SELECT COUNT(*) FROM many").fetchone()[0] == 4


def test_next_ids_are_the_ids_sqlite_would_give(store: Store):
    db = store.db
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, word TEXT)")
    assert next_ids(db, "t", 2) == [1, 2]
    db.execute("INSERT INTO t (word) VALUES ('a'), ('b'), ('c')")
    db.execute("DELETE FROM t WHERE id = 2")
    expected = next_ids(db, "t", 2)
    db.execute("INSERT INTO t (word) VALUES ('d')")
    db.execute("INSERT INTO t (word) VALUES ('e')")
    assert [r[0] for r in db.execute("SELECT id FROM t WHERE word IN ('d', 'e') ORDER BY id")] == expected == [4, 5]


def test_add_aliases_writes_what_add_alias_writes_name_by_name(store: Store):
    db = store.db
    with db.conn:
        ids = [
            db.execute("INSERT INTO entities (name, type, created_at) VALUES (?, 'PERSON', 'now')", [n]).lastrowid
            for n in ("Elon Musk", "Vladimir Putin")
        ]
    names = [(ids[0], "Elon Musk"), (ids[0], "Musk"), (ids[1], "Putin"), (ids[0], "MUSK"), (ids[1], "Vladimir Putin")]
    with db.conn:
        for entity_id, name in names:
            add_alias(db, entity_id, name)
    one_by_one = db.execute("SELECT * FROM aliases ORDER BY id").fetchall()
    found = db.execute("SELECT rowid FROM aliases_fts WHERE aliases_fts MATCH 'usk' ORDER BY rowid").fetchall()
    with db.conn:
        db.execute("DELETE FROM aliases")
        add_aliases(db, names)
    assert db.execute("SELECT * FROM aliases ORDER BY id").fetchall() == one_by_one
    assert db.execute("SELECT rowid FROM aliases_fts WHERE aliases_fts MATCH 'usk' ORDER BY rowid").fetchall() == found
