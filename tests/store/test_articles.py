import pytest

from domain import Analysis, Link, LocalEntity, Mention, NumberMention, Sentence, Statement
from store import Store
from store.errors import DuplicateArticle, NotADatabase
from store.records import ArticleIn

NEW = Link(None, "PERSON", "new")
TEXT = "Dmitry Peskov denied it. Elon Musk said nothing."


def small_analysis() -> Analysis:
    analysis = Analysis(
        text=TEXT,
        sentences=[Sentence(0, 24, TEXT[0:24]), Sentence(25, 48, TEXT[25:48])],
        mentions=[Mention("Dmitry Peskov", 0, 13, "PERSON", 0), Mention("Elon Musk", 25, 34, "PERSON", 1)],
    )
    analysis.numbers = [NumberMention("one", 0, 0, 1.0, None, None, None)]
    analysis.statements = [Statement(0, 24, "fact", 0, None, (0,), (0,)), Statement(25, 48, "fact", 1)]
    analysis.entities = [
        LocalEntity("Dmitry Peskov", "PERSON", ["Dmitry Peskov"], [0]),
        LocalEntity("Elon Musk", "PERSON", ["Elon Musk"], [1]),
    ]
    return analysis


def article(text: str = TEXT, url: str | None = None) -> ArticleIn:
    return ArticleIn(
        text=text,
        source="test.txt",
        content_hash=f"hash-{text}-{url}",
        outlet="Test Outlet",
        canonical_url=url,
        title="A test",
    )


def counts(store) -> dict[str, int]:
    return {
        t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("articles", "outlets", "entities", "aliases", "mentions", "statements")
    }


def test_an_article_is_stored_with_entities_mentions_and_statements(store):
    article_id = store.add_article(article(), small_analysis(), [NEW, NEW], "2024-10-24T00:00:00")
    assert counts(store) == {
        "articles": 1,
        "outlets": 1,
        "entities": 2,
        "aliases": 2,
        "mentions": 2,
        "statements": 2,
    }
    row = store.db.execute('SELECT start, "end", text FROM mentions WHERE text = ?', ["Elon Musk"]).fetchone()
    assert TEXT[row[0] : row[1]] == row[2]
    assert store.get_article(article_id).outlet == "Test Outlet"


def test_duplicates_are_found_by_hash_and_by_canonical_url(store):
    first = store.add_article(article(url="https://x.example/a"), small_analysis(), [NEW, NEW], "t")
    by_hash = store.find_duplicate(f"hash-{TEXT}-https://x.example/a", None)
    by_url = store.find_duplicate("other-hash", "https://x.example/a")
    assert by_hash.id == by_url.id == first
    assert store.find_duplicate("other-hash", "https://x.example/b") is None


def test_storing_an_article_twice_raises_the_stores_own_error(store):
    """A writer that lost the race learns which article won, not a driver's IntegrityError."""
    first = store.add_article(article(), small_analysis(), [NEW, NEW], "t")
    before = counts(store)
    with pytest.raises(DuplicateArticle) as raised:
        store.add_article(article(), small_analysis(), [NEW, NEW], "t")
    assert raised.value.article_id == first
    assert counts(store) == before


def test_a_file_that_is_no_database_raises_the_stores_own_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(NotADatabase):
        Store.open(path)


def test_a_failure_midway_leaves_no_rows(store):
    store.add_article(article("First article."), small_analysis(), [NEW, NEW], "t")
    before = counts(store)
    # The second local entity points at an entity that no longer exists: found after the
    # article, the outlet and the first entity with its aliases were written.
    with pytest.raises(LookupError):
        store.add_article(article("Second article."), small_analysis(), [NEW, Link(9999, "PERSON", "same name")], "t")
    assert counts(store) == before
    assert not store.db.conn.in_transaction


def test_deleting_an_article_removes_its_rows_and_search_entries(store):
    article_id = store.add_article(article(), small_analysis(), [NEW, NEW], "t")
    assert store.text_search("denied")
    store.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    assert counts(store)["mentions"] == 0
    assert store.text_search("denied") == []
    hits = store.db.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'peskov'")
    assert hits.fetchone()[0] == 0


def _one_name(text: str, label: str) -> Analysis:
    name = text.split(" s")[0].split(" l")[0]
    analysis = Analysis(
        text=text, sentences=[Sentence(0, len(text), text)], mentions=[Mention(name, 0, len(name), label, 0)]
    )
    analysis.entities = [LocalEntity(name, label, [name], [0])]
    return analysis


def test_an_entity_takes_the_type_most_of_its_mentions_carry(store):
    """One headline read as an organisation does not make a person an organisation for good."""
    first = store.add_article(
        article("Barack Obama speaks."), _one_name("Barack Obama speaks.", "ORG"), [Link(None, "ORG", "new")], "t"
    )
    (entity_id,) = store.db.execute("SELECT entity_id FROM mentions WHERE article_id = ?", [first]).fetchone()
    same = Link(entity_id, "PERSON", "same name")

    def type_now() -> str:
        return store.db.execute("SELECT type FROM entities WHERE id = ?", [entity_id]).fetchone()[0]

    store.add_article(article("Barack Obama said so."), _one_name("Barack Obama said so.", "PERSON"), [same], "t")
    assert type_now() == "ORG"  # one reading each way: the first stays
    for text in ("Obama said so.", "Obama left."):  # a lone word is read worse: it never votes
        store.add_article(article(text), _one_name(text, "PERSON"), [same], "t")
    assert type_now() == "ORG"
    store.add_article(article("Barack Obama left."), _one_name("Barack Obama left.", "PERSON"), [same], "t")
    assert type_now() == "PERSON"


def _named(text: str, name: str, label: str = "ORG") -> Analysis:
    start = text.index(name)
    analysis = Analysis(
        text=text,
        sentences=[Sentence(0, len(text), text)],
        mentions=[Mention(name, start, start + len(name), label, 0)],
    )
    analysis.entities = [LocalEntity(name, label, [name], [0])]
    return analysis


def test_one_misread_span_does_not_rename_an_entity_of_several_articles(store):
    def add(text: str, name: str, link: Link) -> int:
        article_id = store.add_article(article(text), _named(text, name), [link], "t")
        return store.db.execute("SELECT entity_id FROM mentions WHERE article_id = ?", [article_id]).fetchone()[0]

    entity_id = add("Apple sold phones.", "Apple", Link(None, "ORG", "new"))
    same = Link(entity_id, "ORG", "same name")
    add("Apple sold watches.", "Apple", same)
    add("On a trip to Germany Apple staff spoke.", "Germany Apple", same)

    def name() -> str:
        return store.db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()[0]

    assert name() == "Apple"
    add("Later, Germany Apple staff spoke again.", "Germany Apple", same)  # now half the articles write it
    assert name() == "Germany Apple"


def test_a_young_entity_takes_the_first_full_name_it_is_given(store):
    first = store.add_article(article("Putin spoke."), _named("Putin spoke.", "Putin", "PERSON"), [NEW], "t")
    (entity_id,) = store.db.execute("SELECT entity_id FROM mentions WHERE article_id = ?", [first]).fetchone()
    text = "Vladimir Putin spoke again."
    store.add_article(article(text), _named(text, "Vladimir Putin", "PERSON"), [Link(entity_id, "PERSON", "x")], "t")
    assert store.db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()[0] == "Vladimir Putin"


@pytest.mark.parametrize(
    ("fuller", "renamed"),
    [("Martin Luther King Jr.", True), ("Martin Luther King, PhD", False)],
)
def test_a_suffix_makes_a_fuller_name_and_credentials_do_not(store, fuller, renamed):
    text = "Martin Luther King spoke."
    first = store.add_article(article(text), _named(text, "Martin Luther King", "PERSON"), [NEW], "t")
    (entity_id,) = store.db.execute("SELECT entity_id FROM mentions WHERE article_id = ?", [first]).fetchone()
    for text in (f"{fuller} spoke again.", f"{fuller} spoke once more."):  # most articles write it
        store.add_article(article(text), _named(text, fuller, "PERSON"), [Link(entity_id, "PERSON", "x")], "t")
    name = store.db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()[0]
    assert name == (fuller if renamed else "Martin Luther King")


def test_forgetting_an_article_settles_the_names_and_types_it_gave_as_if_it_never_came(tmp_path):
    store = Store.open(tmp_path / "f.db")
    first = _named("Okoro spoke on Monday.", "Okoro", "ORG")
    store.add_article(article(first.text), first, [Link(None, "ORG", "new")], "t")
    entity_id = store.db.execute("SELECT id FROM entities").fetchone()[0]
    second = _named("Wanda Okoro spoke again.", "Wanda Okoro", "PERSON")
    later = store.add_article(article(second.text), second, [Link(entity_id, "PERSON", "fuller form")], "t")
    assert store.db.execute("SELECT name, type FROM entities").fetchone() == ("Wanda Okoro", "PERSON")
    assert store.delete_article(later)
    assert store.db.execute("SELECT name, type FROM entities").fetchall() == [("Okoro", "ORG")]
