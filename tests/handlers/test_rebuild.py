"""`newsroom entities rebuild`: re-links every mention, keeps reporters' corrections, all or nothing."""

import pytest

from handlers import Context, entity
from handlers.ingest import IngestRequest, ingest, ingest_articles
from handlers.rebuild import rebuild
from handlers.who import who
from store import Store
from tests.handlers.test_ingest_order import requests as samples_and_written
from tests.handlers.test_ingest_order import stored_entities

#: Written for this test: an actor named by his surname alone first (the analysis reads the lone word
#: as a place), then in full in two more articles of the same story. The third joins the first, and
#: the entity the second made is then its twin: ingest joins them (``nlp.linker.twins``).
TWIN_STORY = [
    "After Leonardo DiCaprio walked away from talks with Sony to play Steve Jobs, the studio has turned back "
    "to Bale.\n\nThe news follows talks with Fox over a thriller that stalled. Sources say Fox wanted sequel "
    "options for Bale in the lead role, but Bale balked. Talks are going on with Bale without sequel options. "
    "Once DiCaprio left, Bale became the favourite to play the Apple founder in the film, which Aaron Sorkin "
    "wrote and Danny Boyle will direct.",
    "Seth Rogen is in talks to play Steve Wozniak in the Sony film about Steve Jobs, with Christian Bale in the "
    "title role. Aaron Sorkin wrote the script and Danny Boyle is directing.",
    "Christian Bale will play Steve Jobs in the film Danny Boyle is directing, screenwriter Aaron Sorkin said in "
    "an interview on Bloomberg TV. Bale was the only actor they wanted, Sorkin said. Bale will not need to "
    "audition, and Leonardo DiCaprio is out. Sony Studios has not commented on Bale or on the talks with Fox.",
]


def snapshot(ctx) -> list[tuple]:
    return ctx.store.db.execute(
        "SELECT m.id, e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.id"
    ).fetchall()


def test_a_rebuild_gives_the_entities_ingesting_article_by_article_gave_twins_included(tmp_path, analyzer):
    story = [IngestRequest(f"twin-story-{n}", text=text, outlet="Written") for n, text in enumerate(TWIN_STORY)]
    store = Store.open(tmp_path / "ingested.db")
    try:
        ctx = Context(store=store, analyzer=analyzer)
        assert all(o.status == "new" for o in ingest_articles(ctx, story + samples_and_written()))
        twins = store.db.execute("SELECT alias FROM entity_links WHERE reason LIKE 'merged: same full name%'")
        assert [alias for (alias,) in twins] == ["Christian Bale"]  # the ingest joined the twin
        ingested = stored_entities(store)
        reply = rebuild(ctx)
        assert stored_entities(store) == ingested
        assert reply.data["before"] == reply.data["after"] == len(ingested)
    finally:
        store.close()


def test_a_rebuild_of_a_store_the_linker_built_changes_nothing(seeded_ctx):
    before = snapshot(seeded_ctx)
    reply = rebuild(seeded_ctx)
    assert reply.data["merged"] == [] and reply.data["split"] == [] and reply.data["before"] == reply.data["after"]
    assert snapshot(seeded_ctx) == before


def test_reporters_corrections_survive_a_rebuild(seeded_ctx):
    assert entity.rename(seeded_ctx, "Putin", "Vladimir V. Putin").ok
    assert entity.merge(seeded_ctx, "Elon Musk", "SpaceX").ok
    assert entity.split(seeded_ctx, "Dmitry Peskov", "Dmitri Peskov").ok
    rebuild(seeded_ctx)
    assert who(seeded_ctx, "Putin").data["entity"]["name"] == "Vladimir V. Putin"
    assert who(seeded_ctx, "SpaceX").data["entity"]["name"] == "Elon Musk"
    assert (
        who(seeded_ctx, "Dmitri Peskov").data["entity"]["id"] != who(seeded_ctx, "Dmitry Peskov").data["entity"]["id"]
    )


def test_a_rebuild_failing_half_way_changes_nothing(seeded_ctx):
    db = seeded_ctx.store.db
    last = db.execute("SELECT MAX(article_id) FROM mentions").fetchone()[0]
    with seeded_ctx.store.write_transaction():  # a damaged row in the last article: a name stored as bytes
        db.execute(
            "UPDATE mentions SET text = X'FF00' WHERE id = (SELECT MAX(id) FROM mentions WHERE article_id = ?)", [last]
        )
    before = snapshot(seeded_ctx)
    aliases = db.execute("SELECT entity_id, alias FROM aliases ORDER BY id").fetchall()
    with pytest.raises(TypeError):  # after every earlier article was relinked
        rebuild(seeded_ctx)
    assert snapshot(seeded_ctx) == before
    assert db.execute("SELECT entity_id, alias FROM aliases ORDER BY id").fetchall() == aliases
    assert who(seeded_ctx, "Putin").data["entity"]["name"] == "Vladimir Putin"


def test_a_rebuild_left_unfinished_changes_nothing(seeded_ctx):
    before = snapshot(seeded_ctx)
    with pytest.raises(RuntimeError, match="finish"), seeded_ctx.store.rebuilding("2026-01-01T00:00:00") as session:
        session.article_ids()
    assert snapshot(seeded_ctx) == before


def test_a_rebuild_joins_what_an_older_linker_left_apart(seeded_ctx):
    db = seeded_ctx.store.db
    (putin,) = db.execute("SELECT id FROM entities WHERE name = 'Vladimir Putin'").fetchone()
    article = db.execute("SELECT MAX(article_id) FROM mentions WHERE entity_id = ?", [putin]).fetchone()[0]
    with seeded_ctx.store.write_transaction():  # as an older linker might have stored it: a twin in one article
        twin = db.execute(
            "INSERT INTO entities (name, type, created_at) VALUES ('Vladimir Putin', 'PERSON', 't')"
        ).lastrowid
        db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND article_id = ?", [twin, putin, article])
    reply = rebuild(seeded_ctx)
    assert any(m["entity"] == "Vladimir Putin" for m in reply.data["merged"])
    assert db.execute("SELECT COUNT(*) FROM entities WHERE name = 'Vladimir Putin'").fetchone()[0] == 1


def test_the_bot_says_when_the_store_was_linked_by_another_linker(seeded_ctx):
    from handlers.rebuild import LINKER_KEY, linker_notice

    assert linker_notice(seeded_ctx) is None  # linked by this linker from its first article
    seeded_ctx.store.set_meta(LINKER_KEY, "0-older")
    assert "newsroom entities rebuild" in linker_notice(seeded_ctx)
    rebuild(seeded_ctx)
    assert linker_notice(seeded_ctx) is None


def test_a_company_keeps_its_bare_name_through_a_rebuild(ctx):
    text = "Microsoft Corp. said on Tuesday that hackers exploited a flaw in its browser, and it issued a fix."
    ingest(ctx, [IngestRequest("microsoft.txt", text=text, outlet="Computerworld")])
    before = who(ctx, "Microsoft").data["entity"]
    rebuild(ctx)
    after = who(ctx, "Microsoft").data["entity"]
    assert before["name"] == after["name"] == "Microsoft Corp."
    assert "Microsoft" in after["aliases"]
