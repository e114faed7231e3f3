import sqlite3

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store.db import connect
from store.migrations import migrations

TABLES = {
    "outlets",
    "articles",
    "entities",
    "aliases",
    "mentions",
    "statements",
    "descriptors",
    "entity_links",
    "corrections",
    "attributions",
    "statement_entities",
    "numbers",
    "channels",
    "digest_claims",
    "seen_events",
    "store_meta",
    "digest_windows",
}


def test_fresh_database_has_every_table_and_index(tmp_path):
    db = connect(tmp_path / "n.db")
    names = set(db.table_names())
    assert TABLES <= names
    assert {"articles_fts", "aliases_fts", "statements_fts"} <= names
    assert [m.name for m in migrations.applied(db)] == [
        "0001_articles",
        "0002_entities",
        "0003_statements",
        "0004_entity_resolution",
        "0005_attributions",
        "0006_statement_lookups",
        "0007_channels",
        "0008_digest_claims",
        "0009_seen_events",
        "0010_store_meta",
        "0011_statement_terms",
        "0012_digest_windows",
    ]


def test_pragmas_wal_foreign_keys_busy_timeout(tmp_path):
    db = connect(tmp_path / "n.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "n.db"
    connect(path).close()
    db = connect(path)
    assert migrations.pending(db) == []
    every = migrations.pending(connect(":memory:", migrate=False))
    assert db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(every)


def test_a_failing_migration_leaves_the_schema_as_it_was(tmp_path):
    db = connect(tmp_path / "n.db")
    broken = Migrations("newsroom-test")

    @broken(name="0001_half_done")
    def half_done(db: Database) -> None:
        db.execute("CREATE TABLE half (id INTEGER PRIMARY KEY)")
        db.execute("INSERT INTO articles (source) VALUES ('x')")  # violates NOT NULL

    with pytest.raises(sqlite3.IntegrityError):
        broken.apply(db)
    assert "half" not in db.table_names()
    assert broken.pending(db)[0].name == "0001_half_done"


def test_foreign_keys_are_enforced(tmp_path):
    db = connect(tmp_path / "n.db")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, '
            "sent_start, sent_end) VALUES (99, 99, 0, 1, 'x', 'PERSON', 0, 1)"
        )


def test_alias_lookup_forms_are_backfilled(tmp_path):
    db = connect(tmp_path / "n.db", migrate=False)
    migrations.apply(db, stop_before="0004_entity_resolution")
    db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (1, 'Dmitry Peskov', 'PERSON', 't')")
    db.execute("INSERT INTO aliases (entity_id, alias, key) VALUES (1, 'Dmitry Peskov', 'dmitry peskov')")
    db.conn.commit()
    migrations.apply(db)
    row = db.execute("SELECT skeleton, surname, initials FROM aliases").fetchone()
    assert row == ("dmitri peskov", "peskov", "dp")
