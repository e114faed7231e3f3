from domain import Analysis, Descriptor, Link, LocalEntity, Mention, Sentence
from store.records import ArticleIn


def add(store, name: str, label: str = "PERSON", text: str | None = None, link: int | None = None) -> int:
    text = text or f"{name} spoke today."
    analysis = Analysis(
        text=text, sentences=[Sentence(0, len(text), text)], mentions=[Mention(name, 0, len(name), label, 0)]
    )
    analysis.entities = [LocalEntity(name, label, [name], [0])]
    store.add_article(
        ArticleIn(text=text, source="t", content_hash=text, outlet="O"),
        analysis,
        [Link(link, label, "same name") if link else Link(None, label, "new")],
        "2024-01-01",
    )
    return store.db.execute("SELECT id FROM entities WHERE name = ?", [name]).fetchone()[0]


def test_exact_alias_match_ignores_case_and_apostrophe_style(store):
    entity_id = add(store, "Sergei Kiriyenko")
    assert [m.id for m in store.find_entities("sergei  KIRIYENKO")] == [entity_id]


def test_a_surname_finds_the_full_name_as_a_word(store):
    entity_id = add(store, "Vladimir Putin")
    add(store, "Putinka Vodka", "PRODUCT")
    matches = store.find_entities("Putin")
    assert [m.id for m in matches] == [entity_id]
    assert matches[0].how == "word"


def test_a_typo_is_only_a_suggestion(store):
    entity_id = add(store, "Sergei Kiriyenko")
    assert store.find_entities("Kirienko") == []
    assert [m.id for m in store.similar_entities("Kirienko")] == [entity_id]
    assert store.similar_entities("Zelensky") == []


def test_summary_counts_articles_outlets_and_sentences(store):
    entity_id = add(store, "Bill Nelson")
    add(store, "Bill Nelson", text="Bill Nelson asked for an inquiry.", link=entity_id)
    summary = store.entity_summary(entity_id)
    assert (summary.article_count, summary.outlets) == (2, [("O", 2)])
    sentences = [c.sentence for c in store.naming_sentences(entity_id)]
    assert "Bill Nelson asked for an inquiry." in sentences
    assert store.naming_sentence_count(entity_id) == 2


def test_a_candidate_carries_the_titles_said_before_its_name_apart_from_its_other_descriptors(store):
    text = "King Abdullah, a trained pilot, spoke today."
    analysis = Analysis(
        text=text, sentences=[Sentence(0, len(text), text)], mentions=[Mention("Abdullah", 5, 13, "PERSON", 0)]
    )
    analysis.descriptors = [
        Descriptor("King", 0, 4, 0, "title"),
        Descriptor("a trained pilot", 15, 30, 0, "appositive"),
    ]
    analysis.entities = [LocalEntity("Abdullah", "PERSON", ["Abdullah"], [0], [0, 1])]
    store.add_article(
        ArticleIn(text=text, source="t", content_hash=text, outlet="O"),
        analysis,
        [Link(None, "PERSON", "new")],
        "2024-01-01",
    )
    [king] = store.resolution_candidates(
        {"keys": {"abdullah"}, "skeletons": set(), "surnames": set(), "acronyms": set()}
    )
    assert sorted(king.descriptors) == ["King", "a trained pilot"] and king.titles == ("King",)
