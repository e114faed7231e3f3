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


@pytest.mark.parametrize(
    ("headline", "credit", "core"),
    [
        ("Harbour bridge closed after crack found: Officials", "officials", "Harbour bridge closed after crack found"),
        ("Mayor Ortiz resigned over housing fraud: Daily Herald", "herald", "Ortiz resigned over housing fraud"),
    ],
)
def test_a_headlines_credit_after_its_colon_is_not_the_claim(analyzer, headline, credit, core):
    """Who tells it is not what is told: the evidence need not name the source, as with "Officials
    say …"."""
    reading = analyzer.read_claim(headline)
    assert reading.core == core
    assert credit not in reading.terms.lemmas
    assert not any(credit in name.lower() for name in reading.names)


@pytest.mark.parametrize(
    "claim",
    [
        "Update: the harbour bridge reopened after repairs",  # the words after the colon are the claim
        "Ortiz: resigned",  # too little before the colon to claim anything
        "The harbour bridge is closed: not true",  # the tail judges the claim
        "Cause of the harbour bridge crack found: poor welding",  # the tail answers it, naming no source
    ],
)
def test_a_colon_without_a_credit_leaves_the_claim_whole(analyzer, claim):
    assert analyzer.read_claim(claim).core == claim
