"""The store's one entry point: what handlers may ask of the database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from domain import Analysis, KnownEntity, Link
from store import (
    articles,
    channels,
    claims,
    corrections,
    digests,
    entities,
    export,
    messages,
    profiles,
    verdicts,
    watches,
)
from store.db import connect, connect_reader
from store.errors import DuplicateArticle, IngestStopped, NotADatabase
from store.migrations import migrations
from store.rebuilding import Rebuilding
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
        self._ingest_stopped = False

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if need be) the database file at ``path`` and migrate it to the latest schema.

        Args:
            path: the database file, or ``":memory:"`` for a private in-memory database.

        Returns:
            A store over that database.

        Raises:
            NotADatabase: the file exists but is no SQLite database (or a damaged one).
            ForeignDatabase: the file is another application's SQLite database; it is left unchanged.
        """
        try:
            return cls(connect(path), path)
        except sqlite3.DatabaseError as exc:
            raise NotADatabase(messages.NOT_SQLITE(reason=exc)) from exc

    @property
    def path(self) -> str | None:
        """The database file, or None for an in-memory database."""
        return self._file

    def close(self) -> None:
        """Close the writer and every thread's reader; the store is unusable afterwards."""
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
        """Whether the store can serve: what ``/readyz`` reports.

        Returns:
            None when the database answers and its schema is current; otherwise what is wrong
            ("database unreadable: ..." or "migrations pending: ...").
        """
        try:
            with self._reading() as db:
                db.execute("SELECT 1").fetchone()
                pending = [m.name for m in migrations.pending(db)]
        except sqlite3.Error as exc:
            return f"database unreadable: {exc}"
        return f"migrations pending: {', '.join(pending)}" if pending else None

    # articles
    def article_count(self) -> int:
        """How many articles are stored.

        Returns:
            The number of rows in ``articles``.
        """
        with self._reading() as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def find_duplicate(self, content_hash: str, canonical_url: str | None) -> StoredArticle | None:
        """The stored article that this one repeats, checked before analysing an article again.

        Args:
            content_hash: the hash of the article's normalised text (``ingest.content_hash``).
            canonical_url: the article's canonical URL, or None when it has none.

        Returns:
            The stored article with the same hash or the same canonical URL, or None.
        """
        with self._reading() as db:
            return articles.find_duplicate(db, content_hash, canonical_url)

    def get_article(self, article_id: int) -> StoredArticle | None:
        """One stored article, with its outlet's name.

        Args:
            article_id: the article's id.

        Returns:
            The article, or None when no article has that id.
        """
        with self._reading() as db:
            return articles.get_article(db, article_id)

    def get_articles(self, article_ids: list[int]) -> dict[int, StoredArticle]:
        """The stored articles with these ids, by id, in one query; ids not stored are left out.

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

        Args:
            article: the article's text and where it came from.
            analysis: what ``nlp`` found in the text.
            links: one ``Link`` per ``analysis.entities`` (an existing entity or a new one), as
                the linker (``nlp.linker.link``) chose them.
            now: the ingest time (ISO 8601), recorded on the new rows.

        Returns:
            The new article's id.

        Raises:
            DuplicateArticle: another writer stored the same article first.
            ValueError: ``links`` does not hold one link per local entity.
            LookupError: a linked entity was merged away by a reporter meanwhile; ingest again.
            IngestStopped: ``stop_ingest`` was called; nothing is written.
        """
        try:
            with self._lock, self.write_transaction():
                if self._ingest_stopped:
                    raise IngestStopped(messages.INGEST_STOPPED())
                return articles.insert_article(self.db, article, analysis, links, now)
        except sqlite3.IntegrityError:
            existing = self.find_duplicate(article.content_hash, article.canonical_url)
            if existing is None:
                raise
            raise DuplicateArticle(existing.id) from None

    def stop_ingest(self) -> None:
        """Take no more articles: every later ``add_article`` raises IngestStopped. An article being
        stored right now is finished first (this waits for the write lock), so once this returns,
        an ingest still running can no longer store anything. Shutdown calls it before telling the
        users of abandoned ingests that theirs was not stored."""
        with self._lock:
            self._ingest_stopped = True

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        """One write transaction: BEGIN IMMEDIATE takes the write lock before anything is read.

        Nested inside a transaction already open, it joins that one. Reads on this thread go through
        the writer until it ends, so they see its uncommitted rows.

        Yields:
            Nothing; the transaction commits when the block ends and rolls back if it raises.
        """
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
        """Remove an article and everything read from it; entities only it named go too, and those
        it named with others settle their name and type on the articles left.

        Args:
            article_id: the article to remove.

        Returns:
            True when it was removed, False when no article has that id.
        """
        with self._lock:
            return articles.delete_article(self.db, article_id)

    # entities
    def resolution_candidates(self, keys: dict[str, set[str]]) -> list[KnownEntity]:
        """Stored entities an article's names could be, with what the linker weighs for each.

        Args:
            keys: the lookup keys of an article's names (``nlp.resolve.lookup_keys``, merged over the
                article): sets under ``"keys"``, ``"skeletons"``, ``"surnames"`` and ``"acronyms"``.

        Returns:
            The entities matching any key, with their aliases, descriptors and latest articles.
        """
        with self._reading() as db:
            return entities.resolution_candidates(
                db, keys["keys"], keys["skeletons"], keys["surnames"], keys["acronyms"]
            )

    def split_alias_keys(self) -> set[str]:
        """The names a reporter last split off an entity, which ingests must not join again.

        Returns:
            The name keys whose latest correction (split or merge) was a split.
        """
        with self._reading() as db:
            return corrections.split_alias_keys(db)

    def entity_descriptors(self, entity_id: int) -> list[tuple[str, str | None, int]]:
        """How articles described an entity ("Putin's first deputy chief of staff"), oldest first.

        Args:
            entity_id: the entity.

        Returns:
            (descriptor, outlet or None, article id) for each description.
        """
        with self._reading() as db:
            return entities.entity_descriptors(db, entity_id)

    def ranked_descriptors(self, entity_id: int, limit: int = 40) -> list[profiles.DescriptorGroup]:
        """The entity's descriptor wordings grouped by key and ranked over its latest uses
        (``store.profiles``), so a name described thousands of times is folded in bounded time.

        Args:
            entity_id: the entity.
            limit: the most wordings returned.

        Returns:
            At most ``limit`` groups, most used first, each with its outlets and article count.
        """
        with self._reading() as db:
            return profiles.ranked_descriptors(db, entity_id, limit)

    def co_naming(self, entity_id: int, window: int = 25, floor: int = 2) -> profiles.CoNaming:
        """Who shares sentences with the entity in its latest ``window`` articles (``store.profiles``).

        Args:
            entity_id: the entity.
            window: how many of its latest articles are read.
            floor: the fewest shared sentences that count a pairing.

        Returns:
            The sentence counts a pointwise-mutual-information ranking needs.
        """
        with self._reading() as db:
            return profiles.co_naming(db, entity_id, window, floor)

    def entity_overview(self, entity_id: int) -> EntitySummary | None:
        """``entity_summary`` in bounded time: counts stop at a cap (``store.profiles``).

        Args:
            entity_id: the entity.

        Returns:
            Its summary (``capped`` says a count stopped at the cap), or None when there is no such
            entity.
        """
        with self._reading() as db:
            return profiles.entity_overview(db, entity_id)

    def latest_naming_sentences(self, entity_id: int, limit: int = 8, offset: int = 0) -> list[Citation]:
        """Sentences naming the entity, latest article first, reading only the articles needed.

        Args:
            entity_id: the entity.
            limit: the most sentences returned.
            offset: how many of the latest sentences to skip (the earlier pages).

        Returns:
            The sentences, each cited.
        """
        with self._reading() as db:
            return profiles.latest_naming_sentences(db, entity_id, limit, offset)

    def naming_sentences_seen(self, entity_id: int) -> tuple[int, bool]:
        """Sentences naming the entity in its latest articles, and whether older ones name it too.

        Args:
            entity_id: the entity.

        Returns:
            (how many sentences the latest articles hold, whether older articles name it too).
        """
        with self._reading() as db:
            return profiles.naming_sentences_seen(db, entity_id)

    def statement_counts_capped(self, entity_id: int) -> tuple[int, int]:
        """``statement_counts``, each count stopping at a cap.

        Args:
            entity_id: the entity.

        Returns:
            (statements it made, statements naming it), each at most the cap.
        """
        with self._reading() as db:
            return profiles.statement_counts_capped(db, entity_id)

    def entity_reasons(self, entity_id: int) -> list[tuple[str, str]]:
        """Why names joined an entity beyond their spelling, so ``/who`` can say why two names are one.

        Args:
            entity_id: the entity.

        Returns:
            (alias, reason) pairs, in the order they were first recorded.
        """
        with self._reading() as db:
            return entities.entity_reasons(db, entity_id)

    def statements_by(self, entity_id: int, limit: int = 5) -> list[StatementRow]:
        """What the entity said, the attributions the scorer is surest of first.

        Args:
            entity_id: the speaker.
            limit: at most this many statements.

        Returns:
            The statements, each with its article and sentence.
        """
        with self._reading() as db:
            return entities.statements_by(db, entity_id, limit)

    def statements_about(self, entity_id: int, limit: int = 5) -> list[StatementRow]:
        """What others said naming the entity, latest first; sentences of fact fill any room left.

        Args:
            entity_id: the entity named.
            limit: at most this many statements.

        Returns:
            The statements, each with its article and sentence.
        """
        with self._reading() as db:
            return entities.statements_about(db, entity_id, limit)

    def statement_counts(self, entity_id: int) -> tuple[int, int]:
        """How much the entity said and how much was said naming it (the totals behind ``/who``'s lists).

        Args:
            entity_id: the entity.

        Returns:
            (statements it made, statements of others or of fact that name it).
        """
        with self._reading() as db:
            return entities.statement_counts(db, entity_id)

    # claims
    def search_statements(self, words: list[str], entity_ids: list[int], limit: int = 80):
        """The statements a claim could be about: full-text matches of its words, or naming its entities.

        Args:
            words: the claim's search words; a statement matching any of them is found.
            entity_ids: the entities the claim names; a statement naming two of them (or the one) is found.
            limit: at most this many full-text matches (and twice as many entity matches).

        Returns:
            (statement, score) pairs: the bm25 score, positive, or 0 for a match by entities alone.
        """
        with self._reading() as db:
            return claims.search_statements(db, words, entity_ids, limit)

    def statements(self, ids: list[int]) -> list[StatementRow]:
        """The statements with these ids; ids not stored are left out.

        Args:
            ids: the statements wanted.

        Returns:
            The statements, each with its article and sentence.
        """
        with self._reading() as db:
            return claims.statements_by_id(db, ids)

    def article_statements(self, article_ids: list[int]) -> list[StatementRow]:
        """Every attributed statement of these articles (for doubts and denials that name nothing).

        Args:
            article_ids: the articles.

        Returns:
            Their attributed statements, each with its article and sentence.
        """
        with self._reading() as db:
            return claims.article_statements(db, article_ids)

    def term_counts(self, terms: list[str]) -> tuple[dict[str, int], int]:
        """Document frequencies over the statements, for weighing a claim's words.

        Args:
            terms: the words to count (as the full-text index stems them).

        Returns:
            (term → how many statements use it, how many statements there are); a term full-text
            search cannot parse counts 0.
        """
        with self._reading() as db:
            return claims.term_counts(db, terms)

    def search_articles(self, words: list[str], limit: int = 40, before: int | None = None) -> list[tuple[int, float]]:
        """Articles matching any of the claim's words, for claims no statement carries.

        Args:
            words: the claim's search words.
            limit: at most this many articles.
            before: only articles stored before this one (a lower id), as a rebuild reads the store
                each article saw when it was ingested; None for all.

        Returns:
            (article id, bm25 score, positive) pairs, best first; empty for no words or a query
            full-text search cannot parse.
        """
        with self._reading() as db:
            return claims.search_articles(db, words, limit, before)

    def article_texts(self, article_ids: list[int]) -> dict[int, tuple[str, str]]:
        """The title and text of each article, for reading a claim in whole articles.

        Args:
            article_ids: the articles wanted.

        Returns:
            id → (title, or "" when it has none; text); ids not stored are left out.
        """
        with self._reading() as db:
            return claims.article_texts(db, article_ids)

    def article_term_counts(self, terms: list[str], before: int | None = None) -> tuple[dict[str, int], int]:
        """Document frequencies over the articles, for weighing a claim's words.

        Args:
            terms: the words to count (as the full-text index stems them).
            before: count only articles stored before this one (a lower id); None for all.

        Returns:
            (term → how many articles use it, how many articles there are).
        """
        with self._reading() as db:
            return claims.article_term_counts(db, terms, before)

    def statement_numbers(self, ids: list[int]) -> dict[int, list[tuple]]:
        """The figures each statement gives ("some 30", "over 30"), for comparing numbers across outlets.

        Args:
            ids: the statements.

        Returns:
            statement id → (text, value, qualifier, unit, noun) of each figure, in text order; a
            statement without figures is absent.
        """
        with self._reading() as db:
            return claims.statement_numbers(db, ids)

    # digests
    def channel_watermark(self, platform: str, channel: str) -> int:
        """The newest article a channel's digests have covered.

        Args:
            platform: "slack", "discord" or "console".
            channel: the platform's channel id.

        Returns:
            That article's id, or 0 before the channel's first digest.
        """
        with self._reading() as db:
            return digests.channel_watermark(db, platform, channel)

    def advance_watermark(self, platform: str, channel: str, article_id: int, now: str) -> None:
        """Move a channel's watermark forward (never back) once a digest up to ``article_id`` was posted.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.
            article_id: the newest article the posted digest covered.
            now: when it was posted (ISO 8601), kept as the channel's last digest time.
        """
        with self._lock:
            digests.advance_watermark(self.db, platform, channel, article_id, now)

    def claim_window(self, platform: str, channel: str, instance: str, now: str, expires_at: str) -> int | None:
        """Become the one instance running a channel's digest, for a lease.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.
            instance: this process's instance id.
            now: the current time (ISO 8601); leases that expired by then are dropped.
            expires_at: when this instance's lease ends if it never releases it.

        Returns:
            The watermark to start the digest from, or None while another instance's lease runs.
        """
        with self.write_transaction():
            return digests.claim_window(self.db, platform, channel, instance, now, expires_at)

    def release_window(self, platform: str, channel: str, instance: str, posted_until: int | None, now: str) -> None:
        """Let go of a channel's running digest, first advancing the watermark when the post went out.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.
            instance: the instance that held it.
            posted_until: the newest article posted, or None when nothing was posted (the next
                digest covers the same articles).
            now: the current time (ISO 8601).
        """
        with self.write_transaction():
            digests.release_window(self.db, platform, channel, instance, posted_until, now)

    def release_instance(self, instance: str) -> int:
        """On shutdown: drop this instance's running digests and unfinished slot claims for others to take.

        Args:
            instance: this process's instance id.

        Returns:
            How many windows and claims were released.
        """
        with self.write_transaction():
            return digests.release_instance(self.db, instance)

    def held_windows(self) -> list[tuple[str, str, str, str]]:
        """The digests running now, and which instance holds each.

        Returns:
            (platform, channel, instance, expires_at) of each.
        """
        with self._reading() as db:
            return digests.held_windows(db)

    def window_articles(self, after_id: int, since: str | None = None, until_id: int | None = None) -> list[tuple]:
        """The articles a digest covers: those after the watermark.

        Args:
            after_id: the channel's watermark; only later articles count.
            since: if given, only articles ingested at or after this time (ISO 8601).
            until_id: if given, only articles up to this id.

        Returns:
            (id, outlet, title, URL or source, published, ingested_at) of each, oldest first.
        """
        with self._reading() as db:
            return digests.window_articles(db, after_id, since, until_id)

    def first_seen_entities(self, article_ids: list[int]) -> list[tuple]:
        """The people and organisations these articles brought in first: a digest's new names.

        Args:
            article_ids: the digest's articles.

        Returns:
            (id, name, type, first article id, mentions) of each, people first, most named first.
        """
        with self._reading() as db:
            return digests.first_seen_entities(db, article_ids)

    def window_disagreements(self, article_ids: list[int]) -> list[tuple]:
        """Denials and doubts in these articles: where a digest's disputed claims start.

        Args:
            article_ids: the digest's articles.

        Returns:
            (statement id, sentence) of each, in statement order.
        """
        with self._reading() as db:
            return digests.window_disagreements(db, article_ids)

    def claims_disputed_by(self, statement_id: int, limit: int = 2) -> list[tuple[int, str]]:
        """The claims a denial or doubt answers: statements naming at least two of the entities it names.

        Args:
            statement_id: the denial or doubt.
            limit: at most this many claims.

        Returns:
            (statement id, text) of each, those sharing the most entities first.
        """
        with self._reading() as db:
            return digests.claims_disputed_by(db, statement_id, limit)

    def outlet_names(self) -> list[str]:
        """Every outlet an article was stored under.

        Returns:
            The outlets' names, in alphabetical order.
        """
        with self._reading() as db:
            return [r[0] for r in db.execute("SELECT name FROM outlets ORDER BY name")]

    def outlet_mentions(self, article_ids: list[int]) -> list[tuple[str, str, int]]:
        """Which outlets named which people and organisations in these articles, and how often.

        Args:
            article_ids: the articles.

        Returns:
            (entity name, outlet or "unknown outlet", mentions) of each pair.
        """
        with self._reading() as db:
            return digests.outlet_mentions(db, article_ids)

    def anonymous_count(self, article_ids: list[int]) -> int:
        """How many attributions in these articles quote an anonymous source.

        Args:
            article_ids: the articles.

        Returns:
            The count (0 for no articles).
        """
        with self._reading() as db:
            return digests.anonymous_count(db, article_ids)

    # channels
    def channel_settings(self, platform: str, channel: str) -> dict:
        """A channel's settings as stored (ingest on post, digest schedule, time zone...).

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.

        Returns:
            The settings, or an empty dict for a channel never configured.
        """
        with self._reading() as db:
            return channels.channel_settings(db, platform, channel)

    def update_channel_settings(self, platform: str, channel: str, changes: dict) -> dict:
        """Merge changes into a channel's settings.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.
            changes: the settings to set; a None value removes that setting.

        Returns:
            The channel's settings after the change.
        """
        with self._lock:
            return channels.update_channel_settings(self.db, platform, channel, changes)

    def channels_with(self, key: str) -> list[tuple[str, str, dict]]:
        """The channels whose settings have a given key (e.g. every channel with a digest schedule).

        Args:
            key: the setting's name.

        Returns:
            (platform, channel, settings) of each such channel.
        """
        with self._reading() as db:
            return channels.channels_with(db, key)

    def last_digest_at(self, platform: str, channel: str) -> str | None:
        """When a digest was last posted to a channel.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.

        Returns:
            The time (ISO 8601), or None when none was ever posted.
        """
        with self._reading() as db:
            return channels.last_digest_at(db, platform, channel)

    def claim_digest(self, platform: str, channel: str, slot: str, instance: str, now: str) -> bool:
        """Claim one scheduled digest slot, so that it is posted once however many instances run.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.
            slot: the scheduled time the digest is for.
            instance: this process's instance id.
            now: the current time (ISO 8601).

        Returns:
            True when this instance claimed the slot first; False when another did.
        """
        with self._lock:
            return channels.claim_digest(self.db, platform, channel, slot, instance, now)

    def finish_claim(
        self, platform: str, channel: str, slot: str, status: str, until_article_id: int | None, now: str
    ) -> None:
        """Record how a claimed digest slot ended.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.
            slot: the slot claimed.
            status: how it ended: "posted", "empty", "busy" or "failed".
            until_article_id: the newest article the digest covered, or None.
            now: the current time (ISO 8601).
        """
        with self._lock:
            channels.finish_claim(self.db, platform, channel, slot, status, until_article_id, now)

    def digest_claims(self, platform: str, channel: str) -> list[tuple[str, str, str]]:
        """A channel's digest slot claims, oldest first: which instance took each slot and how it ended.

        Args:
            platform: the channel's platform.
            channel: the platform's channel id.

        Returns:
            (slot, instance, status) of each claim.
        """
        with self._reading() as db:
            return channels.digest_claims(db, platform, channel)

    def first_sight(self, platform: str, event_id: str, now: str, forget_before: str) -> bool:
        """Whether an event is new, so a platform's retried delivery is handled once.

        Args:
            platform: the platform the event came from.
            event_id: the platform's id for the event.
            now: the current time (ISO 8601), recorded as when it was seen.
            forget_before: ids seen before this time are forgotten first.

        Returns:
            True the first time the id is seen; False for a repeat.
        """
        with self._lock:
            return channels.first_sight(self.db, platform, event_id, now, forget_before)

    # watchlists
    def add_watch(
        self, platform: str, user: str, kind: str, entity_id: int | None, query: str, verdict: str | None, now: str
    ) -> tuple[int, bool]:
        """Start following a name or a claim for a user; watching the same thing twice keeps one watch.

        Args:
            platform: the user's platform.
            user: the platform's user id.
            kind: "entity" or "claim".
            entity_id: the watched entity (kind "entity"), else None.
            query: what the user typed.
            verdict: the claim's verdict when the watch began (kind "claim"), else None.
            now: the current time (ISO 8601).

        Returns:
            (the watch's id, True when it is new or False when the user already watched it).
        """
        with self._lock:
            return watches.add_watch(self.db, platform, user, kind, entity_id, query, verdict, now)

    def count_watches(self, platform: str, user: str) -> int:
        """How many watches a user has, to hold each user to the limit.

        Args:
            platform: the user's platform.
            user: the platform's user id.

        Returns:
            The number of the user's watches.
        """
        with self._reading() as db:
            return watches.count_watches(db, platform, user)

    def user_watches(self, platform: str, user: str) -> list[WatchRow]:
        """A user's watches, oldest first.

        Args:
            platform: the user's platform.
            user: the platform's user id.

        Returns:
            The watches.
        """
        with self._reading() as db:
            return watches.user_watches(db, platform, user)

    def remove_watch(self, platform: str, user: str, watch_id: int) -> WatchRow | None:
        """Stop one of a user's watches, with the alerts recorded for it.

        Args:
            platform: the user's platform.
            user: the platform's user id; another user's watch is never removed.
            watch_id: the watch.

        Returns:
            The watch removed, or None when this user has no such watch.
        """
        with self._lock:
            return watches.remove_watch(self.db, platform, user, watch_id)

    def claim_watches(self, platform: str) -> list[WatchRow]:
        """Every watched claim on a platform, for re-judging after an ingest.

        Args:
            platform: the platform.

        Returns:
            The claim watches.
        """
        with self._reading() as db:
            return watches.claim_watches(db, platform)

    def sightings(self, platform: str) -> list[Sighting]:
        """Watched names seen in articles stored since each watch began and not yet alerted.

        Args:
            platform: the platform whose watches are checked.

        Returns:
            One sighting per (watch, article): the first sentence naming the entity, oldest article
            first (at most 200).
        """
        with self._reading() as db:
            return watches.sightings(db, platform)

    def newest_article_id(self) -> int:
        """The id of the newest stored article.

        Returns:
            That id, or 0 for an empty store.
        """
        with self._reading() as db:
            return watches.newest_article_id(db)

    def claim_alert(self, watch_id: int, article_id: int, instance: str, now: str) -> bool:
        """Claim the alert of a watch for an article before sending it, so it is sent once.

        Args:
            watch_id: the watch.
            article_id: the article that triggered it.
            instance: this process's instance id.
            now: the current time (ISO 8601).

        Returns:
            True when this caller is the one to send it; False when it was claimed already.
        """
        with self._lock, self.db.atomic():
            return watches.claim_alert(self.db, watch_id, article_id, instance, now)

    def release_alerts(self, pairs: list[tuple[int, int]], instance: str) -> None:
        """Make alerts this instance claimed but could not deliver claimable again.

        Args:
            pairs: (watch id, article id) of each alert.
            instance: the instance that claimed them.
        """
        with self._lock, self.db.atomic():
            watches.release_alerts(self.db, pairs, instance)

    def change_verdict(self, watch_id: int, told: str | None, verdict: str, checked: int) -> bool:
        """Record a watched claim's new verdict, unless someone recorded another since it was read.

        Args:
            watch_id: the claim watch.
            told: the verdict the caller read (what the watcher was last told).
            verdict: the new verdict.
            checked: the newest article the new verdict covers.

        Returns:
            True when recorded; False when the stored verdict is no longer ``told``.
        """
        with self._lock, self.db.atomic():
            return watches.change_verdict(self.db, watch_id, told, verdict, checked)

    def undo_verdict(self, watch_id: int, verdict: str, told: str | None, checked: int) -> None:
        """Go back to the verdict the watcher had heard, when the news of ``verdict`` was not delivered.

        Args:
            watch_id: the claim watch.
            verdict: the verdict recorded but not delivered; only it is undone.
            told: the verdict to restore.
            checked: the newest article checked before the change.
        """
        with self._lock, self.db.atomic():
            watches.undo_verdict(self.db, watch_id, verdict, told, checked)

    def mark_checked(self, watch_id: int, checked: int) -> None:
        """Record that a watched claim was judged up to an article, with no change of verdict.

        Args:
            watch_id: the claim watch.
            checked: the newest article judged; the mark never moves back.
        """
        with self._lock, self.db.atomic():
            watches.mark_checked(self.db, watch_id, checked)

    # reporters' corrections
    def article_entity_ids(self, article_id: int, starts: Sequence[int]) -> list[int]:
        """The entity of the stored mention starting at each of ``starts`` in the article.

        Args:
            article_id: the article.
            starts: character offsets where its mentions start.

        Returns:
            The entity id of each, in the order of ``starts``.
        """
        with self._reading() as db:
            rows = db.execute("SELECT start, entity_id FROM mentions WHERE article_id = ?", [article_id])
            by_start = dict(rows.fetchall())
        return [by_start[s] for s in starts]

    def entity_heads(self, entity_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """The name and type of each of these entities that exists.

        Args:
            entity_ids: the entities.

        Returns:
            id → (name, type); an id with no entity is left out.
        """
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
        """Merge entities the linker found to be one (not a reporter's correction: nothing recorded).

        Args:
            pairs: (one entity, its twin, why) for each pair; the older (lower id) of each is kept.
            now: the current time (ISO 8601).
        """
        if not pairs:
            return
        with self._lock, self.write_transaction():
            corrections.join_twins(self.db, pairs, now)

    def merge_entities(self, keep: int, absorbed: int, now: str) -> None:
        """A reporter says two entities are one: ``absorbed`` joins ``keep`` and is deleted.

        Later ingests respect it: the merge undoes earlier splits of the absorbed names.

        Args:
            keep: the entity that stays.
            absorbed: the entity merged into it.
            now: the current time (ISO 8601), recorded with the correction.
        """
        with self._lock:
            corrections.merge(self.db, keep, absorbed, now)

    def split_entity(self, entity_id: int, alias: str, now: str) -> int:
        """A reporter says ``alias`` names someone else: it and its mentions become an entity of its own.

        Args:
            entity_id: the entity the alias is taken from.
            alias: the name split off.
            now: the current time (ISO 8601), recorded with the correction.

        Returns:
            The new entity's id.
        """
        with self._lock:
            return corrections.split(self.db, entity_id, alias, now)

    def rename_entity(self, entity_id: int, name: str, now: str) -> None:
        """A reporter names an entity; ingests never rename it after that.

        Args:
            entity_id: the entity.
            name: its new name (kept as an alias too).
            now: the current time (ISO 8601), recorded with the correction.
        """
        with self._lock:
            corrections.rename(self.db, entity_id, name, now)

    def find_entities(self, query: str) -> list[EntityMatch]:
        """The entities a ``/who`` query names: exact alias matches, else whole-word matches.

        Typos are left to ``similar_entities``.

        Args:
            query: the name as typed.

        Returns:
            The matches, the entities named in most articles first; empty when none.
        """
        with self._reading() as db:
            return entities.exact_matches(db, query) or entities.word_matches(db, query)

    def similar_entities(self, query: str) -> list[EntityMatch]:
        """Entities whose alias is spelled like the query: the "did you mean" list for typos.

        Args:
            query: the name as typed.

        Returns:
            At most five matches, closest spelling first; empty for a query under three letters.
        """
        with self._reading() as db:
            return entities.similar_matches(db, query)

    def entity_aliases(self, entity_id: int) -> list[str]:
        """Every name an entity is known by, as written, shortest first.

        Args:
            entity_id: the entity.

        Returns:
            Its aliases; empty when no entity has that id.
        """
        with self._reading() as db:
            rows = db.execute(
                "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY length(alias), alias", [entity_id]
            ).fetchall()
        return [alias for (alias,) in rows]

    def entity_summary(self, entity_id: int) -> EntitySummary | None:
        """What ``/who`` shows at the top: an entity's name, aliases, outlets and first sighting.

        Args:
            entity_id: the entity.

        Returns:
            The summary, or None when no entity has that id.
        """
        with self._reading() as db:
            return entities.entity_summary(db, entity_id)

    def naming_sentences(self, entity_id: int, limit: int = 10, offset: int = 0) -> list[Citation]:
        """The sentences that name an entity, newest articles first, each sentence once.

        Args:
            entity_id: the entity.
            limit: at most this many sentences.
            offset: skip this many first (for paging).

        Returns:
            The sentences, each with its article.
        """
        with self._reading() as db:
            return entities.naming_sentences(db, entity_id, limit, offset)

    def naming_sentence_count(self, entity_id: int) -> int:
        """How many distinct sentences name an entity (the total behind ``naming_sentences``' pages).

        Args:
            entity_id: the entity.

        Returns:
            The count.
        """
        with self._reading() as db:
            return entities.naming_sentence_count(db, entity_id)

    def related_entities(self, entity_id: int, limit: int = 5) -> list[tuple[str, str, int]]:
        """The entities most often named with this one, over its latest 500 articles.

        Args:
            entity_id: the entity.
            limit: at most this many.

        Returns:
            (name, type, articles naming both) of each, most shared first.
        """
        with self._reading() as db:
            return entities.related_entities(db, entity_id, limit)

    def text_search(self, query: str, limit: int = 5) -> list[Citation]:
        """Sentences whose words match the query: the last resort for names no entity carries.

        Args:
            query: the words as typed.
            limit: at most this many sentences.

        Returns:
            The matching sentences, best first, each with its article.
        """
        with self._reading() as db:
            return entities.text_search(db, query, limit)

    # rebuilding entities
    @contextmanager
    def rebuilding(self, now: str) -> Iterator[Rebuilding]:
        """Re-link every stored mention with the current linker, parsing nothing again: the caller
        reads each article's names from the session, links them (reading candidates through this
        store, which sees the entities rebuilt so far) and writes the links back, then finishes.

        All of it is one write transaction under the write lock: a rebuild that raises, or ends
        without ``finish``, leaves the store as it was. Reporters' merges, splits and renames are
        carried over to the new entities when it finishes.

        Args:
            now: the current time (ISO 8601), recorded on the new rows.

        Yields:
            The session (``store.rebuilding.Rebuilding``): ``article_ids``, ``read``, ``relink``,
            ``join_twins`` and ``finish``.

        Raises:
            RuntimeError: the block ended without calling ``finish`` (nothing is written).
        """
        with self._lock, self.write_transaction():
            session = Rebuilding(self.db, now)
            yield session
            if not session.finished:
                raise RuntimeError(messages.REBUILD_UNFINISHED())

    # facts about the store
    # the judge's verdicts, for the browser
    def record_verdict(self, claim_id: int, denial_id: int, claim: str, verdict: str, why: str, now: str) -> None:
        """Keep the judge's verdict on a claim a denial answers (``store.verdicts``), so the
        browser's ``disputed_claims`` says what the digest said.

        Args:
            claim_id: the statement that makes the claim.
            denial_id: the statement that denies it.
            claim: the claim as judged.
            verdict: the judge's verdict.
            why: the judge's line of why.
            now: when it was judged (ISO time).
        """
        with self._lock, self.write_transaction():
            verdicts.record_verdict(self.db, claim_id, denial_id, claim, verdict, why, now)

    def disputed_verdicts(self) -> list[tuple[int, int, str]]:
        """Every stored claim and denial the judge found disputed.

        Returns:
            (claim statement id, denial statement id, claim) of each.
        """
        with self._reading() as db:
            return verdicts.disputed(db)

    def table_names(self) -> list[str]:
        """The store's tables (FTS shadow tables included, views not): what a browser may hide.

        Returns:
            The table names.
        """
        with self._reading() as db:
            return db.table_names()

    def meta(self, key: str) -> str | None:
        """A fact recorded about the store (e.g. the linker version its entities were built with).

        Args:
            key: the fact's name.

        Returns:
            Its value, or None when it is not recorded.
        """
        with self._reading() as db:
            row = db.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str, replace: bool = True) -> None:
        """Record a fact about the store.

        Args:
            key: the fact's name.
            value: its value.
            replace: False records it only when no value is recorded yet.
        """
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        with self._lock, self.write_transaction():
            self.db.execute(f"{verb} INTO store_meta (key, value) VALUES (?, ?)", [key, value])

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the whole database, taken while the bot keeps reading and writing.

        It goes through SQLite's online backup API: copying the file of a WAL database is not a
        backup, since committed pages may still be in the -wal file.

        Args:
            target: the file to write the copy to.
        """
        with self._reading() as db:
            destination = sqlite3.connect(str(target))
            try:
                db.conn.backup(destination, pages=1024)
            finally:
                destination.close()

    # export
    def export_fields(self, kind: str) -> tuple[str, ...]:
        """The stable field names of one export, in order (the columns of its CSV).

        Args:
            kind: "entities", "mentions" or "statements".

        Returns:
            The field names.

        Raises:
            KeyError: ``kind`` is none of those.
        """
        return export.FIELDS[kind]

    def export_rows(self, kind: str) -> Iterator[dict]:
        """Every row of one export, streamed from its own cursor in constant memory.

        Args:
            kind: "entities", "mentions" or "statements".

        Yields:
            One dict per row, keyed by ``export_fields(kind)``; an entity's aliases are a list.

        Raises:
            KeyError: ``kind`` is none of those.
        """
        with self._reading() as db:
            yield from export.export_rows(db, kind)
