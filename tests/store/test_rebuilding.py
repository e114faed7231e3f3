"""A rebuild session (``Store.rebuilding``): the handler reads, links and writes; the store keeps count."""

import pytest

from domain import Analysis, Link, LocalEntity, Mention, Sentence
from store.records import ArticleIn


def add(store, text: str, name: str) -> None:
    """Store an article naming ``name`` once, as a new entity of its own (as an older linker might)."""
    analysis = Analysis(
        text=text, sentences=[Sentence(0, len(text), text)], mentions=[Mention(name, 0, len(name), "PERSON", 0)]
    )
    analysis.entities = [LocalEntity(name, "PERSON", [name], [0])]
    store.add_article(
        ArticleIn(text=text, source=text, content_hash=text, outlet="O"), analysis, [Link(None, "PERSON", "new")], "t0"
    )


def entity_of_article(store, article_id: int) -> int:
    return store.db.execute("SELECT entity_id FROM mentions WHERE article_id = ?", [article_id]).fetchone()[0]


def test_twins_joined_during_a_rebuild_are_counted_under_the_entity_kept(store):
    add(store, "Ann Lee spoke on Monday.", "Ann Lee")
    add(store, "Ann Lee spoke on Tuesday.", "Ann Lee")
    add(store, "Bo Chen spoke on Wednesday.", "Bo Chen")
    with store.rebuilding("t1") as session:
        made = {}
        for article_id in session.article_ids():
            names = session.read(article_id)
            (made[article_id],) = session.relink(names, names.analysis.entities, [Link(None, "PERSON", "new")])
            if article_id == 2:  # the second article's entity is the first one's twin
                session.join_twins([(made[1], made[2], "same full name")])
        assert made[3] == made[2]  # the id of the twin merged away went to the next new entity
        found = session.finish()
    assert found["before"] == 3 and found["after"] == 2
    assert found["merged"] == [{"entity": "Ann Lee", "from": ["Ann Lee", "Ann Lee"]}]
    assert found["split"] == [] and found["renamed"] == []
    assert entity_of_article(store, 1) == entity_of_article(store, 2) != entity_of_article(store, 3)


def test_a_rebuild_finishes_once(store):
    add(store, "Ann Lee spoke.", "Ann Lee")
    with store.rebuilding("t1") as session:
        for article_id in session.article_ids():
            names = session.read(article_id)
            session.relink(names, names.analysis.entities, [Link(None, "PERSON", "new")])
        session.finish()
        with pytest.raises(RuntimeError):
            session.finish()
    assert store.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 1


def test_a_rebuild_that_raises_writes_nothing(store):
    add(store, "Ann Lee spoke.", "Ann Lee")
    before = store.db.execute("SELECT id, name FROM entities").fetchall()
    with pytest.raises(ValueError), store.rebuilding("t1") as session:
        names = session.read(session.article_ids()[0])
        session.relink(names, names.analysis.entities, [Link(None, "PERSON", "new")])
        raise ValueError("the linker failed")
    assert store.db.execute("SELECT id, name FROM entities").fetchall() == before
    assert store.db.execute("SELECT COUNT(*) FROM aliases").fetchone()[0] == 1


def test_an_entity_a_stated_rename_absorbs_during_a_rebuild_is_counted_under_its_heir(store):
    for n, name in enumerate(("Ann Lee", "Bo Chen", "Cy Doe", "Di Eve")):
        add(store, f"{name} spoke on day {n}.", name)
    with store.rebuilding("t1") as session:
        made = {}
        for article_id in session.article_ids():
            names = session.read(article_id)
            if article_id == 3:  # the article says Cy Doe is Ann Lee, and Bo Chen too
                link = Link(made[1], "PERSON", "renamed", absorb=(made[2],))
            else:
                link = Link(None, "PERSON", "new")
            (made[article_id],) = session.relink(names, names.analysis.entities, [link])
        assert made[4] == made[2]  # the absorbed entity's id went to the next new entity
        found = session.finish()
    assert found["merged"] == [{"entity": "Ann Lee", "from": ["Ann Lee", "Bo Chen", "Cy Doe"]}]
    renamed = sorted((r["from"], r["to"]) for r in found["renamed"])
    assert renamed == [("Bo Chen", "Ann Lee"), ("Cy Doe", "Ann Lee")] and found["after"] == 2
