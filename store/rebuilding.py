"""A rebuild of the entities under way: the steps a handler takes in a straight line, read → link → write.

The store knows nothing of the linker, and the handler passes the store nothing to call back: the
handler reads an article's names here, reads the linker's candidates through the store as an ingest
does (the same write transaction, so the entities rebuilt from earlier articles are seen), calls the
linker itself, and writes its answer here. ``Store.rebuilding`` holds the write lock and one write
transaction around the session, so the rebuild happens whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from domain import Link, LocalEntity
from store import messages, rebuild
from store.corrections import join_twins
from store.rebuild import StoredArticleNames


class Rebuilding:
    """One rebuild's state between its steps: the entities before it and where their mentions went.

    Made by ``Store.rebuilding`` once the old entities' names are forgotten as lookup keys, so the
    candidates read during the rebuild are rebuilt entities only.
    """

    def __init__(self, db: Database, now: str) -> None:
        self._db = db
        self._now = now
        self._old = rebuild.old_entities(db)
        self._types = {entity_id: type_ for entity_id, (_, type_, _) in self._old.items()}
        self._state = rebuild.Rebuild()
        self._finished = False
        rebuild.start(db)

    def article_ids(self) -> list[int]:
        """Every stored article, in the order the rebuild walks them (the order they were stored).

        Returns:
            The article ids, lowest first.
        """
        return rebuild.article_ids(self._db)

    def read(self, article_id: int) -> StoredArticleNames:
        """One article's stored names, as an ``Analysis`` the linker reads like an ingest's.

        Args:
            article_id: the article.

        Returns:
            Its mentions grouped by the entity they were stored under (``rebuild.read_article``).
        """
        return rebuild.read_article(self._db, article_id, self._types)

    def relink(self, names: StoredArticleNames, entities: Sequence[LocalEntity], links: Sequence[Link]) -> list[int]:
        """Point the article's mentions, descriptors and statements at the entities the linker chose.

        Args:
            names: the article's names, as ``read`` gave them.
            entities: the article's entities as the linker read them (``Linked.entities``).
            links: one link per entity of ``entities`` (``Linked.links``).

        Returns:
            The new entity each of ``entities`` became.
        """
        return rebuild.relink_article(self._db, names, list(entities), list(links), self._now, self._state)

    def join_twins(self, pairs: Sequence[tuple[int, int, str]]) -> None:
        """Merge rebuilt entities an article shows to be one (``nlp.linker.twins``), as an ingest does.

        Args:
            pairs: (one entity, its twin, why) for each pair; the older of each is kept.
        """
        if pairs:
            self._state.joined(join_twins(self._db, pairs, self._now))

    def finish(self) -> dict:
        """Carry reporters' merges, renames, corrections and watches over; drop the old entities.

        Returns:
            What changed: entity counts ``before`` and ``after``, and the entities ``merged``,
            ``split`` and ``renamed``, by name.

        Raises:
            RuntimeError: the rebuild was finished already.
        """
        if self._finished:
            raise RuntimeError(messages.REBUILD_FINISHED())
        self._finished = True
        rebuild.finish(self._db, self._old, self._state, self._now)
        return rebuild.changes(self._old, self._state, self._db)

    @property
    def finished(self) -> bool:
        """Whether ``finish`` ran: a rebuild left unfinished is rolled back."""
        return self._finished
