"""Whole-article search for /compare's article-level stance."""

from nlp.model import Analysis
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
