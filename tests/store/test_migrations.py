import dataclasses
import sqlite3

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from domain import AliasKeys
from store.db import connect
from store.key_history import keys_0020
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
    "watches",
    "watch_alerts",
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
        "0013_alias_keys",
        "0014_watches",
        "0015_browse_views",
        "0016_entity_types_by_mentions",
        "0017_alias_keys_spellings",
        "0018_mentions_article_entity",
        "0019_alias_keys_generations",
        "0020_alias_keys_credentials",
        "0021_claim_verdicts",
        "0022_mentions_entity_text",
    ]


def query_plan(db, sql: str) -> str:
    """SQLite's plan for ``sql``, its steps joined in one line."""
    return " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_the_entities_an_article_names_are_read_from_the_index_alone(tmp_path):
    db = connect(tmp_path / "n.db")
    plan = query_plan(db, "SELECT DISTINCT article_id, entity_id FROM mentions WHERE article_id IN (1, 2)")
    assert "COVERING INDEX mentions_article_entity" in plan
    assert "mentions_article" not in {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }


def test_the_forms_an_entity_is_named_by_are_counted_from_the_index_alone(tmp_path):
    db = connect(tmp_path / "n.db")
    plan = query_plan(
        db,
        "SELECT entity_id, text, COUNT(DISTINCT article_id), COUNT(*) FROM mentions "
        "WHERE entity_id IN (1, 2) GROUP BY entity_id, text",
    )
    assert "COVERING INDEX mentions_entity_text" in plan


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


ALIASES = [(1, "Mt Cook", "mt cook"), (2, "U. S. Army", "u. s. army"), (3, "Tony Raite", "tony raite")]


def _store_before(name: str, tmp_path):
    db = connect(tmp_path / "n.db", migrate=False)
    migrations.apply(db, stop_before=name)
    for entity_id, alias, key in ALIASES:
        db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (?, ?, 'ORG', 't')", [entity_id, alias])
        db.execute("INSERT INTO aliases (entity_id, alias, key) VALUES (?, ?, ?)", [entity_id, alias, key])
    db.conn.commit()
    return db


def test_migration_0004_gives_the_keys_it_always_gave(tmp_path):
    """0004 keys with its own frozen copy of the key code, so replaying it on an old store gives
    these keys whatever the live code has become since."""
    db = _store_before("0004_entity_resolution", tmp_path)
    migrations.apply(db, stop_before="0005_attributions")
    rows = db.execute("SELECT key, skeleton, surname, initials FROM aliases ORDER BY id").fetchall()
    assert rows == [
        ("mt cook", "mt cok", "cok", "mc"),
        ("u. s. army", "u s armi", "armi", "usa"),
        ("tony raite", "toni raite", "raite", "tr"),
    ]


def test_migration_0013_keys_every_alias_as_the_live_code_does(tmp_path):
    db = _store_before("0004_entity_resolution", tmp_path)
    migrations.apply(db)
    rows = db.execute("SELECT alias, key, skeleton, surname, initials FROM aliases ORDER BY id").fetchall()
    assert rows == [(a, *dataclasses.astuple(AliasKeys.of(a))) for _, a, _ in ALIASES]
    assert rows[0][2] == "mount cok" and rows[1][1] == "u.s. army" and rows[2][3] == "rait"


def test_migration_0019_finds_a_name_with_a_generational_suffix_by_its_surname(tmp_path):
    db = connect(tmp_path / "n.db", migrate=False)
    migrations.apply(db, stop_before="0019_alias_keys_generations")
    db.execute(
        "INSERT INTO entities (id, name, type, created_at) VALUES (1, 'Arcade Joseph Comeaux Jr.', 'PERSON', 't')"
    )
    db.execute(
        "INSERT INTO aliases (entity_id, alias, key, skeleton, surname, initials) "
        "VALUES (1, 'Arcade Joseph Comeaux Jr.', 'arcade joseph comeaux jr', 'arcad iosef comeaux ir', 'ir', 'ajcj')"
    )
    db.conn.commit()
    migrations.apply(db)
    assert db.execute("SELECT surname, skeleton FROM aliases").fetchone() == ("comeaux", "arcad iosef comeaux ir")


def test_migration_0020_finds_a_name_written_with_credentials_by_its_surname(tmp_path):
    db = connect(tmp_path / "n.db", migrate=False)
    migrations.apply(db, stop_before="0020_alias_keys_credentials")
    db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (1, 'Regina Benjamin', 'PERSON', 't')")
    db.execute(
        "INSERT INTO aliases (entity_id, alias, key, skeleton, surname, initials) "
        "VALUES (1, 'Regina Benjamin, MD', 'regina benjamin md', 'regina beniamin md', 'md', 'rbm')"
    )
    db.conn.commit()
    migrations.apply(db)
    assert db.execute("SELECT surname, skeleton FROM aliases").fetchone() == ("beniamin", "regina beniamin md")


def test_the_newest_frozen_keys_are_the_live_keys():
    """When this fails, the key code in domain/name_keys.py changed: stores hold keys of the old
    code. Add a migration that re-keys the aliases with a new frozen copy in store/key_history.py."""
    names = [
        "Dmitry Peskov",
        "The Wall Street Journal",
        "U. S. Army",
        "Mt Cook",
        "WSJ",
        "Sergei Kiriyenko",
        "Tony Raite",
        "José Álvarez-Ruiz",
        "O'Brien",
        "بشار الأسد",
        "Kenneth P. Thompson",
        "World Health Organisation",
        "Ministry of Defence",
        "Arcade Joseph Comeaux Jr.",
        "Mark Felt, Sr.",
        "Regina Benjamin, M. D., M. B. A.",
        "Jane Roe, Ph.D.",
        "Ayo Obe",
        "Martin Luther King Jr., PhD",
        "X",
    ]
    assert [keys_0020(n) for n in names] == [dataclasses.astuple(AliasKeys.of(n)) for n in names]


SAMPLE_TABLES = ("articles", "entities", "aliases", "mentions", "statements", "attributions")


def _rows(db: Database) -> dict[str, list]:
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in SAMPLE_TABLES}


def _sample_store(seeded_template, tmp_path) -> Database:
    path = tmp_path / "n.db"
    path.write_bytes(seeded_template.read_bytes())
    return connect(path, migrate=False)


def _forget(db: Database, name: str) -> None:
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])
    db.conn.commit()


def test_the_newest_data_migration_replays_over_real_rows_and_changes_nothing(seeded_template, tmp_path):
    """0013 re-keys every alias with a frozen copy of the key code: replayed over the sample store,
    it gives the keys the current code wrote."""
    db = _sample_store(seeded_template, tmp_path)
    before = _rows(db)
    _forget(db, "0013_alias_keys")
    assert [m.name for m in migrations.pending(db)] == ["0013_alias_keys"]
    migrations.apply(db)
    assert migrations.pending(db) == [] and _rows(db) == before


def test_the_watch_tables_arrive_on_a_full_store_of_the_previous_release(seeded_template, tmp_path):
    """The sample store as the release before 0014 left it (no watch tables), then upgraded."""
    db = _sample_store(seeded_template, tmp_path)
    before = _rows(db)
    db.execute("DROP TABLE watch_alerts")
    db.execute("DROP TABLE watches")
    _forget(db, "0014_watches")
    migrations.apply(db)
    assert migrations.pending(db) == [] and _rows(db) == before
    assert db.execute("SELECT COUNT(*) FROM watches").fetchone()[0] == 0


def test_an_entity_created_from_one_misread_article_takes_its_mentions_type(tmp_path):
    db = connect(tmp_path / "n.db", migrate=False)
    migrations.apply(db, stop_before="0016_entity_types_by_mentions")
    db.execute("INSERT INTO articles (id, source, content_hash, ingested_at, text) VALUES (1, 'a', 'h', 't', 'x')")
    db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (1, 'Barack Obama', 'ORG', 't')")
    db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (2, 'Apple', 'ORG', 't')")
    labels = [(1, "Barack Obama", "ORG"), (1, "Barack Obama", "PERSON"), (1, "Barack Obama", "PERSON")]
    labels += [(1, "Obama", "ORG"), (1, "Obama", "ORG"), (2, "Apple Inc", "ORG"), (2, "Apple Inc", "PERSON")]
    for entity_id, text, label in labels:
        db.execute(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, sent_start, sent_end) '
            "VALUES (1, ?, 0, 1, ?, ?, 0, 1)",
            [entity_id, text, label],
        )
    db.conn.commit()
    migrations.apply(db)
    types = dict(db.execute("SELECT id, type FROM entities").fetchall())
    assert types == {1: "PERSON", 2: "ORG"}  # a tie keeps the type it had
