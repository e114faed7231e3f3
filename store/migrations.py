"""The schema as named, ordered steps; each runs in one transaction with its record.

Statements run one ``execute`` at a time: ``executescript`` would commit mid-migration.
New steps go at the end under a new name; applied steps are never edited.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store.key_history import keys_0004, keys_0013, keys_0017, keys_0019, keys_0020

migrations = Migrations("newsroom")


def _run(db: Database, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


def _fts(db: Database, table: str, columns: list[str], tokenize: str) -> None:
    """An external-content FTS5 index kept in step with ``table`` by triggers."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    _run(
        db,
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={table}, tokenize='{tokenize}')",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    )


@migrations(name="0001_articles")
def articles(db: Database) -> None:
    """Outlets and articles (one row per stored text, unique by content hash and by canonical URL),
    with a full-text index on title and text.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            domain TEXT
        )""",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            canonical_url TEXT,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            outlet_id INTEGER REFERENCES outlets(id),
            byline TEXT,
            published TEXT,
            ingested_at TEXT NOT NULL,
            posted_by TEXT,
            posted_in TEXT,
            content_type TEXT,
            model TEXT,
            text TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL",
        "CREATE INDEX articles_outlet ON articles(outlet_id)",
    )
    _fts(db, "articles", ["title", "text"], "porter unicode61 remove_diacritics 2")


@migrations(name="0002_entities")
def entities(db: Database) -> None:
    """Entities, their aliases (unique per entity by key, with a trigram index on the key) and the
    mentions that place them in an article's text.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            created_at TEXT NOT NULL,
            first_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL
        )""",
        """CREATE TABLE aliases (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            key TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'text',
            UNIQUE (entity_id, key)
        )""",
        "CREATE INDEX aliases_key ON aliases(key)",
        """CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL
        )""",
        "CREATE INDEX mentions_entity_article ON mentions(entity_id, article_id)",
        "CREATE INDEX mentions_article ON mentions(article_id)",
    )
    _fts(db, "aliases", ["key"], "trigram")


@migrations(name="0003_statements")
def statements(db: Database) -> None:
    """Statements: the checkable spans of an article's text (an attribution's content, or an
    unattributed sentence of fact), by kind and offsets, with a full-text index.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX statements_article ON statements(article_id)",
    )
    _fts(db, "statements", ["text"], "porter unicode61 remove_diacritics 2")


@migrations(name="0004_entity_resolution")
def entity_resolution(db: Database) -> None:
    """Alias lookup forms, descriptors, the reason for every join, and reporters' corrections.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        "ALTER TABLE entities ADD COLUMN name_locked INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE aliases ADD COLUMN skeleton TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE aliases ADD COLUMN surname TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE aliases ADD COLUMN initials TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX aliases_skeleton ON aliases(skeleton) WHERE skeleton != ''",
        "CREATE INDEX aliases_surname ON aliases(surname) WHERE surname != ''",
        "CREATE INDEX aliases_initials ON aliases(initials) WHERE initials != ''",
        """CREATE TABLE descriptors (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            key TEXT NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL
        )""",
        "CREATE INDEX descriptors_entity ON descriptors(entity_id)",
        """CREATE TABLE entity_links (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX entity_links_entity ON entity_links(entity_id)",
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            alias_key TEXT,
            detail TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    )
    rows = db.execute("SELECT id, alias FROM aliases").fetchall()
    for alias_id, alias in rows:
        _, skeleton, surname, initials = keys_0004(alias)
        db.execute(
            "UPDATE aliases SET skeleton = ?, surname = ?, initials = ? WHERE id = ?",
            [skeleton, surname, initials, alias_id],
        )


@migrations(name="0005_attributions")
def attributions(db: Database) -> None:
    """Who said what, the statements to compare, and the figures in them.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE attributions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            speaker TEXT,
            speaker_type TEXT,
            kind TEXT NOT NULL,
            cue TEXT,
            cue_lemma TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            source_text TEXT,
            source_start INTEGER,
            source_end INTEGER,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            content_pieces TEXT NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            confidence REAL NOT NULL
        )""",
        "CREATE INDEX attributions_article ON attributions(article_id)",
        "CREATE INDEX attributions_speaker ON attributions(speaker_entity_id)",
        "ALTER TABLE statements ADD COLUMN attribution_id INTEGER REFERENCES attributions(id) ON DELETE CASCADE",
        "ALTER TABLE statements ADD COLUMN sent_start INTEGER",
        "ALTER TABLE statements ADD COLUMN sent_end INTEGER",
        """CREATE TABLE statement_entities (
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (statement_id, entity_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX statement_entities_entity ON statement_entities(entity_id)",
        """CREATE TABLE numbers (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            value REAL,
            qualifier TEXT,
            unit TEXT,
            noun TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )""",
        "CREATE INDEX numbers_statement ON numbers(statement_id)",
        'UPDATE statements SET sent_start = start, sent_end = "end" WHERE sent_start IS NULL',
    )


@migrations(name="0006_statement_lookups")
def statement_lookups(db: Database) -> None:
    """What someone said is found from the attribution side: statements need their attribution indexed.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        "CREATE INDEX statements_attribution ON statements(attribution_id)",
        "CREATE INDEX attributions_speaker_confidence ON attributions(speaker_entity_id, confidence)",
        "DROP INDEX attributions_speaker",  # the new index serves its lookups too
    )


@migrations(name="0007_channels")
def channels(db: Database) -> None:
    """Chat channels: settings, and the watermark of the last article a digest covered.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE channels (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            channel TEXT NOT NULL,
            settings TEXT NOT NULL DEFAULT '{}',
            last_article_id INTEGER NOT NULL DEFAULT 0,
            last_digest_at TEXT,
            UNIQUE (platform, channel)
        )""",
    )


@migrations(name="0008_digest_claims")
def digest_claims(db: Database) -> None:
    """One row per scheduled digest slot: the first instance to insert it posts, any other skips.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE digest_claims (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            channel TEXT NOT NULL,
            slot TEXT NOT NULL,
            instance TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'claimed',
            until_article_id INTEGER,
            finished_at TEXT,
            UNIQUE (platform, channel, slot)
        )""",
    )


@migrations(name="0009_seen_events")
def seen_events(db: Database) -> None:
    """Platform event ids already handled: a retried delivery, on any instance, is handled once.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE seen_events (
            platform TEXT NOT NULL,
            event_id TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (platform, event_id)
        )""",
        "CREATE INDEX seen_events_at ON seen_events(seen_at)",
    )


@migrations(name="0010_store_meta")
def store_meta(db: Database) -> None:
    """Facts about the store itself, such as which linker version linked its entities.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(db, "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations(name="0011_statement_terms")
def statement_terms(db: Database) -> None:
    """Each statement's content lemmas and proper nouns (space-separated), worked out at ingest so
    /compare judges stored statements without parsing them again. NULL on statements stored before:
    they are parsed at query time until the article is ingested again.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(db, "ALTER TABLE statements ADD COLUMN lemmas TEXT", "ALTER TABLE statements ADD COLUMN names TEXT")


@migrations(name="0012_digest_windows")
def digest_windows(db: Database) -> None:
    """At most one running digest per channel: the holder reads the watermark, posts, advances it and
    lets go in one step, so no two digests (scheduled, /digest now, another instance) cover the same
    articles. A lease bounds how long a crashed holder blocks the channel.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE digest_windows (
            platform TEXT NOT NULL,
            channel TEXT NOT NULL,
            instance TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            PRIMARY KEY (platform, channel)
        )""",
    )


@migrations(name="0013_alias_keys")
def alias_keys(db: Database) -> None:
    """Every alias keyed again as the linker of 2026-11-23 keys names (``store.key_history``):
    aliases written since 0004 were keyed by whichever code was live, so a store held several
    generations. A key another alias of the same entity already has is left as it was (the
    aliases table allows one alias per key and entity; the lookup finds that one).

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    rows = db.execute("SELECT id, alias FROM aliases").fetchall()
    for alias_id, alias in rows:
        key, skeleton, surname, initials = keys_0013(alias)
        db.execute(
            "UPDATE aliases SET skeleton = ?, surname = ?, initials = ? WHERE id = ?",
            [skeleton, surname, initials, alias_id],
        )
        db.execute("UPDATE OR IGNORE aliases SET key = ? WHERE id = ? AND key != ?", [key, alias_id, key])


@migrations(name="0014_watches")
def watches(db: Database) -> None:
    """Reporters' watchlists: a name (an entity) or a claim per row, per platform user, and one row
    per alert sent, so a watcher hears of each article at most once, on any instance, after any
    restart. ``after_article_id``: only articles stored after the watch began alert; ``verdict``: a
    watched claim's verdict as last told; ``checked_article_id``: the newest article it was judged on.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE watches (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            user TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'claim')),
            entity_id INTEGER,
            query TEXT NOT NULL,
            verdict TEXT,
            after_article_id INTEGER NOT NULL,
            checked_article_id INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX watches_entity ON watches(platform, user, entity_id) WHERE kind = 'entity'",
        "CREATE UNIQUE INDEX watches_claim ON watches(platform, user, query) WHERE kind = 'claim'",
        "CREATE INDEX watches_entity_id ON watches(entity_id)",
        """CREATE TABLE watch_alerts (
            watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL,
            instance TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (watch_id, article_id)
        )""",
    )


#: The denial cues of nlp/stance.py on 2026-11-23, copied so this migration reads the same forever.
_DENIAL_CUES_0015 = ("deny", "reject", "dispute", "refute", "dismiss", "contradict", "rebut", "debunk", "disavow")


@migrations(name="0015_browse_views")
def browse_views(db: Database) -> None:
    """Views that read well in `newsroom browse` (and the sqlite3 shell): entities with their other
    names and descriptors, statements with speaker, cue, act and sentence, and the claims a denial
    answers (statements sharing two or more names with it, the digest's candidates).

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    cues = ", ".join(f"'{cue}'" for cue in _DENIAL_CUES_0015)
    _run(
        db,
        """CREATE VIEW entity_profiles AS
           SELECT e.id, e.name, e.type,
             (SELECT group_concat(alias, '; ') FROM aliases a WHERE a.entity_id = e.id AND a.alias != e.name)
               AS also_written,
             (SELECT group_concat(text, '; ') FROM
               (SELECT DISTINCT d.text FROM descriptors d WHERE d.entity_id = e.id LIMIT 5)) AS described_as,
             (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id) AS articles,
             e.first_article_id
           FROM entities e""",
        f"""CREATE VIEW statement_sources AS
           SELECT s.id AS statement_id, s.article_id, o.name AS outlet, a.published, a.title,
             COALESCE(se.name, t.speaker) AS speaker, t.speaker_type, t.cue,
             CASE WHEN t.cue_lemma IN ({cues}) THEN 'denial'
                  WHEN s.kind = 'attributed' THEN 'attributed'
                  ELSE 'the outlet''s own' END AS act,
             s.text, substr(a.text, s.sent_start + 1, s.sent_end - s.sent_start) AS sentence,
             COALESCE(a.url, a.source) AS article_source
           FROM statements s JOIN articles a ON a.id = s.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           LEFT JOIN attributions t ON t.id = s.attribution_id
           LEFT JOIN entities se ON se.id = t.speaker_entity_id""",
        """CREATE VIEW disputed_claims AS
           SELECT d.statement_id AS denial_id, d.speaker AS denied_by, d.outlet AS denial_outlet,
             d.article_id AS denial_article_id, d.sentence AS denial,
             c.statement_id AS claim_id, c.outlet AS claim_outlet, c.article_id AS claim_article_id,
             c.sentence AS claim, COUNT(DISTINCT ce.entity_id) AS shared_names
           FROM statement_sources d
           JOIN statement_entities de ON de.statement_id = d.statement_id
           JOIN statement_entities ce ON ce.entity_id = de.entity_id AND ce.statement_id != d.statement_id
           JOIN statement_sources c ON c.statement_id = ce.statement_id AND c.act != 'denial'
           WHERE d.act = 'denial'
           GROUP BY d.statement_id, c.statement_id HAVING COUNT(DISTINCT ce.entity_id) >= 2""",
    )


@migrations(name="0016_entity_types_by_mentions")
def entity_types_by_mentions(db: Database) -> None:
    """Each entity takes the label most of its several-word mentions carry, as ingests now keep it
    (``store.corrections.refresh_types``, written out here so that this step never changes):
    stores written before took the first article's reading for good. A tie, or no several-word
    mention, keeps the type.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    votes: dict[int, dict[str, int]] = {}
    rows = db.execute("SELECT entity_id, label, COUNT(*) FROM mentions WHERE instr(trim(text), ' ') > 0 GROUP BY 1, 2")
    for entity_id, label, count in rows:
        votes.setdefault(entity_id, {})[label] = count
    for entity_id, type_ in db.execute("SELECT id, type FROM entities").fetchall():
        counts = votes.get(entity_id)
        if counts and counts.get(type_, 0) < max(counts.values()):
            best = min(label for label, n in counts.items() if n == max(counts.values()))
            db.execute("UPDATE entities SET type = ? WHERE id = ?", [best, entity_id])


@migrations(name="0017_alias_keys_spellings")
def alias_keys_spellings(db: Database) -> None:
    """Aliases keyed again so that British and American spellings share a skeleton
    (``store.key_history.keys_0017``: World Health Organisation / Organization).

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    for alias_id, alias in db.execute("SELECT id, alias FROM aliases").fetchall():
        _, skeleton, surname, _ = keys_0017(alias)
        db.execute("UPDATE aliases SET skeleton = ?, surname = ? WHERE id = ?", [skeleton, surname, alias_id])


@migrations(name="0018_mentions_article_entity")
def mentions_article_entity(db: Database) -> None:
    """Which entities an article names, read from the index alone: every ingest reads this for the
    latest articles of each candidate (``store.entities._profiles``). It serves the article lookups
    the old one-column index did.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        "CREATE INDEX mentions_article_entity ON mentions(article_id, entity_id)",
        "DROP INDEX mentions_article",
    )


@migrations(name="0019_alias_keys_generations")
def alias_keys_generations(db: Database) -> None:
    """Aliases keyed again so that a name ending in a generational suffix is found by its surname
    (``store.key_history.keys_0019``: "Arcade Joseph Comeaux Jr." under "comeaux", not "ir").

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    for alias_id, alias in db.execute("SELECT id, alias FROM aliases").fetchall():
        _, _, surname, _ = keys_0019(alias)
        db.execute("UPDATE aliases SET surname = ? WHERE id = ?", [surname, alias_id])


@migrations(name="0020_alias_keys_credentials")
def alias_keys_credentials(db: Database) -> None:
    """Aliases keyed again so that a name written with credentials is found by its surname
    (``store.key_history.keys_0020``: "Regina Benjamin, MD" under "beniamin", not "md").

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    for alias_id, alias in db.execute("SELECT id, alias FROM aliases").fetchall():
        _, _, surname, _ = keys_0020(alias)
        db.execute("UPDATE aliases SET surname = ? WHERE id = ?", [surname, alias_id])


@migrations(name="0021_claim_verdicts")
def claim_verdicts(db: Database) -> None:
    """The judge's verdicts on the claims a denial answers, as digests (and `newsroom browse`)
    judged them, so the browser's ``disputed_claims`` lists what the digest and /compare call
    disputed instead of every pair of statements sharing two names. ``statement_sources`` now
    names a file by its name (``article_link``), never its path on the server, and its speaker
    column is what "What did … say?" searches.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(
        db,
        """CREATE TABLE claim_verdicts (
            claim_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            denial_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            claim TEXT NOT NULL,
            verdict TEXT NOT NULL,
            why TEXT,
            judged_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, denial_id)
        )""",
        "CREATE INDEX claim_verdicts_denial ON claim_verdicts(denial_id)",
        "DROP VIEW disputed_claims",
        "DROP VIEW statement_sources",
        f"""CREATE VIEW statement_sources AS
           SELECT s.id AS statement_id, s.article_id, o.name AS outlet, a.published, a.title,
             COALESCE(se.name, t.speaker) AS speaker, t.speaker_type, t.cue,
             CASE WHEN t.cue_lemma IN ({", ".join(f"'{cue}'" for cue in _DENIAL_CUES_0015)}) THEN 'denial'
                  WHEN s.kind = 'attributed' THEN 'attributed'
                  ELSE 'the outlet''s own' END AS act,
             s.text, substr(a.text, s.sent_start + 1, s.sent_end - s.sent_start) AS sentence,
             COALESCE(a.url, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), ''))
               AS article_link
           FROM statements s JOIN articles a ON a.id = s.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           LEFT JOIN attributions t ON t.id = s.attribution_id
           LEFT JOIN entities se ON se.id = t.speaker_entity_id""",
        """CREATE VIEW disputed_claims AS
           SELECT v.claim AS claim, v.verdict, v.why,
             d.speaker AS denied_by, d.outlet AS denial_outlet, d.article_id AS denial_article_id,
             d.sentence AS denial, c.outlet AS claim_outlet, c.article_id AS claim_article_id,
             c.sentence AS claim_sentence, v.judged_at, v.claim_id, v.denial_id
           FROM claim_verdicts v
           JOIN statement_sources d ON d.statement_id = v.denial_id
           JOIN statement_sources c ON c.statement_id = v.claim_id
           WHERE v.verdict = 'disputed'""",
    )


@migrations(name="0022_mentions_entity_text")
def mentions_entity_text(db: Database) -> None:
    """How often each form of an entity's name is written, and in how many articles, read from the
    index alone: every ingest settles the name of each entity it names from these counts
    (``store.settle``), and without it SQLite reads a table row for every mention of the entity.

    Args:
        db: the store being migrated, inside the step's transaction.
    """
    _run(db, "CREATE INDEX mentions_entity_text ON mentions(entity_id, text, article_id)")
