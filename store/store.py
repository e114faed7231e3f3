"""The store's one entry point: what handlers may ask of the database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from domain import Analysis, KnownEntity, Link
from store import articles, channels, claims, corrections, digests, entities, export, rebuild, watches
from store.db import connect, connect_reader
from store.errors import DuplicateArticle, NotADatabase
from store.migrations import migrations
from store.records import (
    ArticleIn,
    Citation,
    EntityMatch,
    EntitySummary,
    Sighting,
    StatementRow,
    StoredArticle,
    WatchRow,
)
from store.settle import settle_names


class Store:
    """A thin facade over the query modules; one per database, safe to share between threads.

    Writes go through one connection behind a lock. Reads of a database file go through each
    thread's own read-only connection, so a slow /compare or a long ingest never holds up another
    thread's /who; a thread inside a write transaction reads through the writer, seeing its own
    uncommitted rows. An in-memory database has only the one connection.
    """

    def __init__(self, db: Database, path: str | Path | None = None) -> None:
        self.db = db
        self._lock = threading.RLock()
        self._file = None if path is None or str(path) == ":memory:" else str(Path(path).resolve())
        self._local = threading.local()
        self._readers: list[Database] = []
        self._readers_lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """NotADatabase: the file exists but is no SQLite database (or a damaged one)."""
        try:
            return cls(connect(path), path)
        except sqlite3.DatabaseError as exc:
            raise NotADatabase(str(exc)) from exc

    @property
    def path(self) -> str | None:
        """The database file, or None for an in-memory database."""
        return self._file

    def close(self) -> None:
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for reader in readers:
            reader.close()
        self.db.close()

    @contextmanager
    def _reading(self) -> Iterator[Database]:
        """The connection this thread reads through (see the class docstring)."""
        if self._file is None or getattr(self._local, "writing", 0):
            with self._lock:
                yield self.db
            return
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._local.reader = connect_reader(self._file)
            with self._readers_lock:
                self._readers.append(reader)
        yield reader

    def readiness(self) -> str | None:
        """None when the database answers and its schema is current; else what is wrong (/readyz)."""
        try:
            with self._reading() as db:
                db.execute("SELECT 1").fetchone()
                pending = [m.name for m in migrations.pending(db)]
        except sqlite3.Error as exc:
            return f"database unreadable: {exc}"
        return f"migrations pending: {', '.join(pending)}" if pending else None

    # articles
    def article_count(self) -> int:
        with self._reading() as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def find_duplicate(self, content_hash: str, canonical_url: str | None) -> StoredArticle | None:
        with self._reading() as db:
            return articles.find_duplicate(db, content_hash, canonical_url)

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self._reading() as db:
            return articles.get_article(db, article_id)

    def get_articles(self, article_ids: list[int]) -> dict[int, StoredArticle]:
        """The stored articles with these ids, by id; ids not stored are left out.

        Args:
            article_ids: the articles wanted.
        Returns:
            id → ``StoredArticle`` (outlet name, title, source, URL, dates).
        """
        with self._reading() as db:
            return articles.get_articles(db, article_ids)

    def add_article(
        self,
        article: ArticleIn,
        analysis: Analysis,
        links: Sequence[Link],
        now: str,
    ) -> int:
        """Store an article with the entity each of ``analysis.entities`` is (``links``). A caller
        that read the candidates holds ``write_transaction`` around the reading and this call, so
        two processes ingesting at once cannot both create the same entity.

        DuplicateArticle: another writer stored the same article first."""
        try:
            with self._lock, self.write_transaction():
                return articles.insert_article(self.db, article, analysis, links, now)
        except sqlite3.IntegrityError:
            existing = self.find_duplicate(article.content_hash, article.canonical_url)
            if existing is None:
                raise
            raise DuplicateArticle(existing.id) from None

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE: the write lock is taken before anything is read, held until commit."""
        with self._lock:
            if self.db.conn.in_transaction:
                yield
                return
            self.db.execute("BEGIN IMMEDIATE")
            self._local.writing = getattr(self._local, "writing", 0) + 1
            try:
                yield
            except BaseException:
                self.db.conn.rollback()
                raise
            finally:
                self._local.writing -= 1
            self.db.conn.commit()

    def delete_article(self, article_id: int) -> bool:
        with self._lock:
            return articles.delete_article(self.db, article_id)

    # entities
    def resolution_candidates(self, keys: dict[str, set[str]]) -> list[KnownEntity]:
        """Entities named like ``keys`` (from nlp.resolve.lookup_keys, merged over an article)."""
        with self._reading() as db:
            return entities.resolution_candidates(
                db, keys["keys"], keys["skeletons"], keys["surnames"], keys["acronyms"]
            )

    def split_alias_keys(self) -> set[str]:
        with self._reading() as db:
            return corrections.split_alias_keys(db)

    def entity_descriptors(self, entity_id: int) -> list[tuple[str, str | None, int]]:
        with self._reading() as db:
            return entities.entity_descriptors(db, entity_id)

    def entity_reasons(self, entity_id: int) -> list[tuple[str, str]]:
        with self._reading() as db:
            return entities.entity_reasons(db, entity_id)

    def statements_by(self, entity_id: int, limit: int = 5) -> list[StatementRow]:
        with self._reading() as db:
            return entities.statements_by(db, entity_id, limit)

    def statements_about(self, entity_id: int, limit: int = 5) -> list[StatementRow]:
        with self._reading() as db:
            return entities.statements_about(db, entity_id, limit)

    def statement_counts(self, entity_id: int) -> tuple[int, int]:
        with self._reading() as db:
            return entities.statement_counts(db, entity_id)

    # claims
    def search_statements(self, words: list[str], entity_ids: list[int], limit: int = 80):
        with self._reading() as db:
            return claims.search_statements(db, words, entity_ids, limit)

    def statements(self, ids: list[int]) -> list[StatementRow]:
        with self._reading() as db:
            return claims.statements_by_id(db, ids)

    def article_statements(self, article_ids: list[int]) -> list[StatementRow]:
        with self._reading() as db:
            return claims.article_statements(db, article_ids)

    def term_counts(self, terms: list[str]) -> tuple[dict[str, int], int]:
        with self._reading() as db:
            return claims.term_counts(db, terms)

    def search_articles(self, words: list[str], limit: int = 40) -> list[tuple[int, float]]:
        with self._reading() as db:
            return claims.search_articles(db, words, limit)

    def article_texts(self, article_ids: list[int]) -> dict[int, tuple[str, str]]:
        with self._reading() as db:
            return claims.article_texts(db, article_ids)

    def article_term_counts(self, terms: list[str]) -> tuple[dict[str, int], int]:
        with self._reading() as db:
            return claims.article_term_counts(db, terms)

    def statement_numbers(self, ids: list[int]) -> dict[int, list[tuple]]:
        with self._reading() as db:
            return claims.statement_numbers(db, ids)

    # digests
    def channel_watermark(self, platform: str, channel: str) -> int:
        with self._reading() as db:
            return digests.channel_watermark(db, platform, channel)

    def advance_watermark(self, platform: str, channel: str, article_id: int, now: str) -> None:
        with self._lock:
            digests.advance_watermark(self.db, platform, channel, article_id, now)

    def claim_window(self, platform: str, channel: str, instance: str, now: str, expires_at: str) -> int | None:
        with self.write_transaction():
            return digests.claim_window(self.db, platform, channel, instance, now, expires_at)

    def release_window(self, platform: str, channel: str, instance: str, posted_until: int | None, now: str) -> None:
        with self.write_transaction():
            digests.release_window(self.db, platform, channel, instance, posted_until, now)

    def release_instance(self, instance: str) -> int:
        with self.write_transaction():
            return digests.release_instance(self.db, instance)

    def held_windows(self) -> list[tuple[str, str, str, str]]:
        with self._reading() as db:
            return digests.held_windows(db)

    def window_articles(self, after_id: int, since: str | None = None, until_id: int | None = None) -> list[tuple]:
        with self._reading() as db:
            return digests.window_articles(db, after_id, since, until_id)

    def first_seen_entities(self, article_ids: list[int]) -> list[tuple]:
        with self._reading() as db:
            return digests.first_seen_entities(db, article_ids)

    def window_disagreements(self, article_ids: list[int]) -> list[tuple]:
        with self._reading() as db:
            return digests.window_disagreements(db, article_ids)

    def claims_disputed_by(self, statement_id: int, limit: int = 2) -> list[tuple[int, str]]:
        with self._reading() as db:
            return digests.claims_disputed_by(db, statement_id, limit)

    def outlet_names(self) -> list[str]:
        """Every outlet an article was stored under."""
        with self._reading() as db:
            return [r[0] for r in db.execute("SELECT name FROM outlets ORDER BY name")]

    def outlet_mentions(self, article_ids: list[int]) -> list[tuple[str, str, int]]:
        with self._reading() as db:
            return digests.outlet_mentions(db, article_ids)

    def anonymous_count(self, article_ids: list[int]) -> int:
        with self._reading() as db:
            return digests.anonymous_count(db, article_ids)

    # channels
    def channel_settings(self, platform: str, channel: str) -> dict:
        with self._reading() as db:
            return channels.channel_settings(db, platform, channel)

    def update_channel_settings(self, platform: str, channel: str, changes: dict) -> dict:
        with self._lock:
            return channels.update_channel_settings(self.db, platform, channel, changes)

    def channels_with(self, key: str) -> list[tuple[str, str, dict]]:
        with self._reading() as db:
            return channels.channels_with(db, key)

    def last_digest_at(self, platform: str, channel: str) -> str | None:
        with self._reading() as db:
            return channels.last_digest_at(db, platform, channel)

    def claim_digest(self, platform: str, channel: str, slot: str, instance: str, now: str) -> bool:
        with self._lock:
            return channels.claim_digest(self.db, platform, channel, slot, instance, now)

    def finish_claim(
        self, platform: str, channel: str, slot: str, status: str, until_article_id: int | None, now: str
    ) -> None:
        with self._lock:
            channels.finish_claim(self.db, platform, channel, slot, status, until_article_id, now)

    def digest_claims(self, platform: str, channel: str) -> list[tuple[str, str, str]]:
        with self._reading() as db:
            return channels.digest_claims(db, platform, channel)

    def first_sight(self, platform: str, event_id: str, now: str, forget_before: str) -> bool:
        with self._lock:
            return channels.first_sight(self.db, platform, event_id, now, forget_before)

    # watchlists
    def add_watch(
        self, platform: str, user: str, kind: str, entity_id: int | None, query: str, verdict: str | None, now: str
    ) -> tuple[int, bool]:
        with self._lock:
            return watches.add_watch(self.db, platform, user, kind, entity_id, query, verdict, now)

    def count_watches(self, platform: str, user: str) -> int:
        with self._reading() as db:
            return watches.count_watches(db, platform, user)

    def user_watches(self, platform: str, user: str) -> list[WatchRow]:
        with self._reading() as db:
            return watches.user_watches(db, platform, user)

    def remove_watch(self, platform: str, user: str, watch_id: int) -> WatchRow | None:
        with self._lock:
            return watches.remove_watch(self.db, platform, user, watch_id)

    def claim_watches(self, platform: str) -> list[WatchRow]:
        with self._reading() as db:
            return watches.claim_watches(db, platform)

    def sightings(self, platform: str) -> list[Sighting]:
        with self._reading() as db:
            return watches.sightings(db, platform)

    def newest_article_id(self) -> int:
        with self._reading() as db:
            return watches.newest_article_id(db)

    def claim_alert(self, watch_id: int, article_id: int, instance: str, now: str) -> bool:
        with self._lock, self.db.atomic():
            return watches.claim_alert(self.db, watch_id, article_id, instance, now)

    def release_alerts(self, pairs: list[tuple[int, int]], instance: str) -> None:
        with self._lock, self.db.atomic():
            watches.release_alerts(self.db, pairs, instance)

    def change_verdict(self, watch_id: int, told: str | None, verdict: str, checked: int) -> bool:
        with self._lock, self.db.atomic():
            return watches.change_verdict(self.db, watch_id, told, verdict, checked)

    def undo_verdict(self, watch_id: int, verdict: str, told: str | None, checked: int) -> None:
        with self._lock, self.db.atomic():
            watches.undo_verdict(self.db, watch_id, verdict, told, checked)

    def mark_checked(self, watch_id: int, checked: int) -> None:
        with self._lock, self.db.atomic():
            watches.mark_checked(self.db, watch_id, checked)

    # reporters' corrections
    def article_entity_ids(self, article_id: int, starts: Sequence[int]) -> list[int]:
        """The entity of the stored mention starting at each of ``starts`` in the article."""
        with self._reading() as db:
            rows = db.execute("SELECT start, entity_id FROM mentions WHERE article_id = ?", [article_id])
            by_start = dict(rows.fetchall())
        return [by_start[s] for s in starts]

    def entity_heads(self, entity_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """id → (name, type) of each of these entities that exists."""
        ids = sorted(set(entity_ids))
        found = {}
        with self._reading() as db:
            for at in range(0, len(ids), 500):
                chunk = ids[at : at + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", chunk)
                found.update({i: (name, type_) for i, name, type_ in rows})
        return found

    def join_twins(self, pairs: Sequence[tuple[int, int, str]], now: str) -> None:
        """Merge entities the linker found to be one (not a reporter's correction: nothing recorded)."""
        if not pairs:
            return
        heir: dict[int, int] = {}

        def final(entity_id: int) -> int:
            while entity_id in heir:
                entity_id = heir[entity_id]
            return entity_id

        with self._lock, self.write_transaction():
            for keep, absorbed, why in pairs:
                keep, absorbed = sorted((final(keep), final(absorbed)))
                if keep != absorbed:
                    corrections.merge_into(self.db, keep, absorbed, why, now)
                    heir[absorbed] = keep
            kept = sorted({final(keep) for keep, _, _ in pairs})
            corrections.refresh_types(self.db, kept)
            settle_names(self.db, kept)

    def merge_entities(self, keep: int, absorbed: int, now: str) -> None:
        with self._lock:
            corrections.merge(self.db, keep, absorbed, now)

    def split_entity(self, entity_id: int, alias: str, now: str) -> int:
        with self._lock:
            return corrections.split(self.db, entity_id, alias, now)

    def rename_entity(self, entity_id: int, name: str, now: str) -> None:
        with self._lock:
            corrections.rename(self.db, entity_id, name, now)

    def find_entities(self, query: str) -> list[EntityMatch]:
        """Exact alias matches, else whole-word matches; typos are ``similar_entities``."""
        with self._reading() as db:
            return entities.exact_matches(db, query) or entities.word_matches(db, query)

    def similar_entities(self, query: str) -> list[EntityMatch]:
        with self._reading() as db:
            return entities.similar_matches(db, query)

    def entity_summary(self, entity_id: int) -> EntitySummary | None:
        with self._reading() as db:
            return entities.entity_summary(db, entity_id)

    def naming_sentences(self, entity_id: int, limit: int = 10, offset: int = 0) -> list[Citation]:
        with self._reading() as db:
            return entities.naming_sentences(db, entity_id, limit, offset)

    def naming_sentence_count(self, entity_id: int) -> int:
        with self._reading() as db:
            return entities.naming_sentence_count(db, entity_id)

    def related_entities(self, entity_id: int, limit: int = 5) -> list[tuple[str, str, int]]:
        with self._reading() as db:
            return entities.related_entities(db, entity_id, limit)

    def text_search(self, query: str, limit: int = 5) -> list[Citation]:
        with self._reading() as db:
            return entities.text_search(db, query, limit)

    # rebuilding entities
    def rebuild_entities(
        self, resolve: Callable[[Store, rebuild.StoredArticleNames], rebuild.Relinked], now: str
    ) -> dict:
        """Re-link every stored mention in one transaction; ``resolve`` links one article's names."""
        with self._lock, self.write_transaction():
            old = rebuild.old_entities(self.db)
            types = {i: t for i, (_, t, _) in old.items()}
            rebuild.start(self.db)
            state = rebuild.Rebuild()
            for article_id in rebuild.article_ids(self.db):
                names = rebuild.read_article(self.db, article_id, types)
                linked = resolve(self, names)
                rebuild.relink_article(self.db, names, linked.entities, linked.links, now, state)
            rebuild.finish(self.db, old, state, now)
            return rebuild.changes(old, state, self.db)

    # facts about the store
    def meta(self, key: str) -> str | None:
        with self._reading() as db:
            row = db.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str, replace: bool = True) -> None:
        """Record a fact; with ``replace=False`` only when none is recorded yet."""
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        with self._lock, self.write_transaction():
            self.db.execute(f"{verb} INTO store_meta (key, value) VALUES (?, ?)", [key, value])

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the whole database at ``target`` through SQLite's online backup API,
        taken while the bot keeps reading and writing (copying the file of a WAL database is not a
        backup: committed pages may still be in the -wal file)."""
        with self._reading() as db:
            destination = sqlite3.connect(str(target))
            try:
                db.conn.backup(destination, pages=1024)
            finally:
                destination.close()

    # export
    def export_fields(self, kind: str) -> tuple[str, ...]:
        return export.FIELDS[kind]

    def export_rows(self, kind: str) -> Iterator[dict]:
        """Rows streamed from their own cursor; the store's lock is held until the last row."""
        with self._reading() as db:
            yield from export.export_rows(db, kind)
