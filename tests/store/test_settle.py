from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

import store.settle
from domain import bare_words, name_key
from store.settle import FormCount, settle_names, settled_name


def one_by_one(rows: list[tuple[int, str]]) -> str | None:
    """The settling rule read mention by mention (the store counts in SQL instead): the oracle."""
    articles: dict[tuple, set] = defaultdict(set)
    uses: Counter = Counter()
    forms: dict[tuple, Counter] = defaultdict(Counter)
    every = set()
    for article_id, text in rows:
        words = tuple(bare_words(name_key(text))) or (name_key(text),)
        articles[words].add(article_id)
        uses[words] += 1
        forms[words][text.strip()] += 1
        every.add(article_id)
    if not articles:
        return None

    def rank(words):
        return (len(articles[words]), uses[words], len(words), [-ord(c) for c in " ".join(words)])

    full = [w for w in articles if len(w) >= 2 and 2 * len(articles[w]) >= len(every)]
    best = max(full or list(articles), key=rank)
    return min(forms[best], key=lambda f: (len(f.split()), -forms[best][f], f))


def small_store(rows: list[tuple[int, str]], name: str = "?", locked: bool = False, entities: int = 1) -> Database:
    """Entities 1..``entities``; ``rows`` are entity 1's mentions (see ``add_mentions`` for others)."""
    db = Database(memory=True)
    db.execute("CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT, name_locked INTEGER)")
    db.execute("CREATE TABLE mentions (id INTEGER PRIMARY KEY, article_id INTEGER, entity_id INTEGER, text TEXT)")
    for entity_id in range(1, entities + 1):
        db.execute("INSERT INTO entities VALUES (?, ?, ?)", [entity_id, name, int(locked)])
    add_mentions(db, 1, rows)
    return db


def add_mentions(db: Database, entity_id: int, rows: list[tuple[int, str]]) -> None:
    for article_id, text in rows:
        db.execute("INSERT INTO mentions (article_id, entity_id, text) VALUES (?, ?, ?)", [article_id, entity_id, text])


def name_of(db: Database, entity_id: int = 1) -> str:
    return db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()[0]


def test_a_full_name_written_in_half_the_articles_wins_over_a_more_frequent_surname():
    rows = [(1, "Wanda Okoro"), (1, "Okoro"), (2, "Okoro"), (2, "Okoro")]
    db = small_store(rows)
    settle_names(db, [1])
    assert name_of(db) == "Wanda Okoro"


def test_two_spellings_of_one_name_count_an_article_they_share_once():
    # Each spelling is in article 1 only: one article of four, so the full name is not in half of
    # them and the surname, written in all four, names the entity. Counted twice, it would be two.
    forms = [FormCount("Regina Okoro", 1, 1), FormCount("Regina Okoro, MD", 1, 1), FormCount("Okoro", 4, 4)]
    asked = []

    def articles_of(texts: list[str]) -> int:
        asked.append(sorted(texts))
        return 1

    assert settled_name(forms, articles_of, every=4) == "Okoro"
    assert asked == [["Regina Okoro", "Regina Okoro, MD"]]


def test_no_forms_settle_on_nothing():
    assert settled_name([], lambda texts: 0, every=0) is None


def test_a_name_a_reporter_set_stays():
    db = small_store([(1, "Wanda Okoro"), (2, "Wanda Okoro")], name="W. Okoro", locked=True)
    settle_names(db, [1, 1, 7])
    assert name_of(db) == "W. Okoro"


FORMS = st.sampled_from(["Wanda Okoro", "Okoro", "Wanda Okoro, MD", "Dr Wanda Okoro", "Okoro ", "W. Okoro", "Wanda"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), FORMS), min_size=1, max_size=25))
def test_counting_in_sql_settles_as_counting_mention_by_mention(rows):
    db = small_store(rows)
    settle_names(db, [1])
    assert name_of(db) == one_by_one(rows)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(1, 6), FORMS), max_size=8), min_size=1, max_size=5))
def test_entities_settled_together_and_in_chunks_settle_as_each_alone(mentions):
    db = small_store([], entities=len(mentions))
    for entity_id, rows in enumerate(mentions, 1):
        add_mentions(db, entity_id, rows)
    chunk, store.settle.CHUNK = store.settle.CHUNK, 2  # several chunks, several entities each
    try:
        settle_names(db, range(1, len(mentions) + 1))
    finally:
        store.settle.CHUNK = chunk
    for entity_id, rows in enumerate(mentions, 1):
        assert name_of(db, entity_id) == (one_by_one(rows) or "?")  # an entity with no mentions keeps its name
