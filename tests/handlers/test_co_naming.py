from handlers.co_naming import specific_pairings
from store.profiles import CoNamed, CoNaming


def test_pairings_rank_by_specificity_not_by_count_and_drop_chance():
    counts = CoNaming(
        sentences=100,
        own=20,
        others=[
            CoNamed("Everywhere", "GPE", together=18, sentences=90),  # named in most sentences: chance
            CoNamed("Aide", "PERSON", together=4, sentences=5),  # rarely named, mostly with it
            CoNamed("Rival", "PERSON", together=6, sentences=12),
        ],
    )
    found = specific_pairings(counts)
    assert [p.name for p in found] == ["Aide", "Rival"]
    assert found[0].pmi > found[1].pmi >= 0.5


def test_equal_specificity_is_ordered_by_sentences_together():
    counts = CoNaming(100, 10, [CoNamed("B", "ORG", 2, 4), CoNamed("A", "ORG", 4, 8)])
    assert [p.name for p in specific_pairings(counts)] == ["A", "B"]


def test_nothing_when_the_entity_is_in_no_sentence():
    assert specific_pairings(CoNaming(0, 0, [])) == []
