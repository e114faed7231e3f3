"""A claim is read without the words that only describe whom it names."""

import pytest


def test_an_appositive_and_a_title_are_not_the_claims_words(analyzer):
    reading = analyzer.read_claim(
        "Maria Lopez, the city's longest-serving mayor and a fixture of Texas politics, "
        "has taken bribes from French developer Pierre Dubois since 2019."
    )
    assert {"lopez", "bribe", "dubois", "2019"} <= reading.terms.lemmas
    assert not {"mayor", "fixture", "politics", "french", "developer"} & reading.terms.lemmas
    assert "Texas" not in reading.actors  # a name inside the description is not one the claim is about
    assert reading.core == "Maria Lopez has taken bribes from Pierre Dubois since 2019."


def test_a_title_keeps_the_names_in_it(analyzer):
    reading = analyzer.read_claim("Apple CEO Tim Cook sold his shares in March.")
    assert {"apple", "cook", "share"} <= reading.terms.lemmas
    assert "ceo" not in reading.terms.lemmas


@pytest.mark.parametrize(
    "claim",
    [
        "The company Apple sold its shares.",  # no comma: the appositive names, it does not describe
        "President resigns",  # nothing would be left of it
    ],
)
def test_a_claim_without_a_description_reads_whole(analyzer, claim):
    reading = analyzer.read_claim(claim)
    assert reading.core == claim
