"""Whole-article search for /compare's article-level stance."""

import sqlite3

import pytest

from domain import Analysis, Sentence, Statement
from store import Store, claims
from store.records import ArticleIn


def add(store, text: str, title: str) -> int:
    article = ArticleIn(text=text, source=f"{title}.txt", content_hash=f"hash-{title}", outlet="Test", title=title)
    return store.add_article(article, Analysis(text=text), [], "2026-01-01T00:00:00+00:00")


def test_articles_rank_by_the_claims_words_and_count_them(store):
    both = add(store, "Penguins ring a bell at the zoo. The penguins learned fast.", "penguins")
    one = add(store, "The bell of the town hall rang at noon.", "bell")
    add(store, "The council approved a budget.", "budget")
    ranked = store.search_articles(["penguins", "bell"])
    assert [article_id for article_id, _ in ranked] == [both, one]
    assert ranked[0][1] > ranked[1][1] > 0
    counts, total = store.article_term_counts(["penguin", "bell", "submarine", '"odd'])
    assert counts == {"penguin": 1, "bell": 2, "submarine": 0, '"odd': 0} and total == 3
    assert store.article_texts([one]) == {one: ("bell", "The bell of the town hall rang at noon.")}
    assert store.search_articles([]) == [] and store.article_texts([]) == {}


def add_statements(store, texts: list[str]) -> dict[str, int]:
    """One article per text, each text one statement of fact; the statement id of each text."""
    for number, text in enumerate(texts):
        analysis = Analysis(
            text=text, sentences=[Sentence(0, len(text), text)], statements=[Statement(0, len(text), "fact", 0)]
        )
        article = ArticleIn(text=text, source=f"{number}.txt", content_hash=f"hash-{number}", outlet="Test")
        store.add_article(article, analysis, [], "2026-01-01T00:00:00+00:00")
    rows = store.search_statements([w for t in texts for w in t.lower().rstrip(".").split()], [], limit=100)
    return {row.text: row.statement_id for row, _ in rows}


def test_a_term_in_most_statements_does_not_change_which_are_found(store):
    """Statements searched without a term found in most of them rank as with it; when fewer than
    the limit carry the other terms, statements with only the common term fill the rest."""
    ids = add_statements(
        store,
        [
            "Putin met the envoy in Geneva.",
            "Putin spoke on television.",
            "Putin signed the decree.",
            "Putin and Musk were in regular contact.",
            "Regular meetings resumed in spring.",
        ],
    )
    both = {ids["Putin and Musk were in regular contact."], ids["Regular meetings resumed in spring."]}
    best_two = store.search_statements(["putin", "regular"], [], limit=2)
    assert {row.statement_id for row, _ in best_two} == both
    assert best_two[0][0].statement_id == ids["Putin and Musk were in regular contact."]
    best_three = store.search_statements(["putin", "regular"], [], limit=3)
    assert len(best_three) == 3 and both < {row.statement_id for row, _ in best_three}


def test_a_search_finds_what_ranking_every_term_finds_when_all_fit(store):
    """Leaving common terms out of the ranking changes nothing when every match fits the limit:
    the same statements, with the scores ranking every term gives them."""
    texts = [f"Putin spoke on television on day {n}." for n in range(6)] + ["Musk and Putin spoke."]
    ids = add_statements(store, texts)
    everything = store.db.execute(
        "SELECT rowid, bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ?",
        ['"putin" OR "musk" OR "television"'],
    ).fetchall()
    found = store.search_statements(["putin", "musk", "television"], [], limit=20)
    assert {row.statement_id: score for row, score in found} == pytest.approx({i: -rank for i, rank in everything})
    assert set(ids.values()) == {row.statement_id for row, _ in found}


def test_articles_rank_without_a_word_found_in_most_of_them(store):
    """The word "said" is in most articles: bm25 weighs it nothing, so the ranking leaves it out, and the
    articles with only "said" come after those with the claim's rarer words."""
    talk = add(store, "Musk said the talks went well. Musk praised Putin.", "talks")
    others = [add(store, f"The mayor said the budget for year {n} was approved.", f"budget {n}") for n in range(4)]
    ranked = store.search_articles(["musk", "putin", "said"], limit=3)
    assert [article_id for article_id, _ in ranked][0] == talk
    assert len(ranked) == 3 and {article_id for article_id, _ in ranked[1:]} < set(others)
    assert [article_id for article_id, _ in store.search_articles(["musk", "putin", "said"], limit=10)][0] == talk
    assert len(store.search_articles(["musk", "putin", "said"], limit=10)) == 5


def test_counts_follow_every_write(store, tmp_path):
    """Term counts are remembered between claims, and taken afresh once anything is written,
    through this store or through another connection to the same file."""
    add(store, "The council approved a budget.", "budget")
    assert store.article_term_counts(["budget"]) == ({"budget": 1}, 1)
    assert store.term_counts(["budget"]) == ({"budget": 0}, 0)
    add(store, "A second budget passed.", "second")
    assert store.article_term_counts(["budget"]) == ({"budget": 2}, 2)
    other = Store.open(tmp_path / "test.db")
    try:
        add(other, "A third budget failed.", "third")
    finally:
        other.close()
    assert store.article_term_counts(["budget"]) == ({"budget": 3}, 3)
    add_statements(store, ["The budget passed."])
    assert store.term_counts(["budget"]) == ({"budget": 1}, 1)


def test_only_a_query_full_text_search_cannot_parse_reads_as_nothing_found(store):
    assert claims.unparsable(sqlite3.OperationalError('fts5: syntax error near ""'))
    assert not claims.unparsable(sqlite3.OperationalError("database is locked"))
    add(store, "The council approved a budget.", "budget")
    store.db.execute("DROP TABLE articles_fts")  # a damaged store: the error must reach the caller
    store.db.conn.commit()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        store.search_articles(["budget"])
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        store.article_term_counts(["budget"])
