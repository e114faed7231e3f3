"""A /compare query's reading: a headline is a claim, a list of names is not."""

import pytest


@pytest.mark.parametrize(
    "query",
    [
        "Mayor Denies Taking Bribes From Developer",
        "COLTS BEAT CHIEFS IN OVERTIME",
        "Militants Behead American Journalist In Syria",
        "Musk and Putin have been in regular contact",
        "iFixit Debunks iPad Battery Swelling Claims",  # a brand in camel case is still Title Case
        "Kim Yo-jong in Charge: Kim Jong-un's Sister 'Replaces' Leader During Illness",  # hyphenated names
        "Retail Training Begins Next Month at Apple Stores",  # a verb the tagger took for a name
        "Measles Scare at Denver Airport",  # no verb, but a small word between the names
        "Jeff Bezos Dead?",  # no verb, but a question
        "Obama Resigns",  # two words, one a verb
    ],
)
def test_a_headline_or_a_sentence_is_a_claim(analyzer, query):
    assert analyzer.read_claim(query).shape.is_claim


@pytest.mark.parametrize(
    "query", [
        "Brandt OR Ocean Freight",
        "Musk OR Putin",
        "Musk and Putin",
        "Starlink Ukraine",
        "Sergei Kiriyenko",
        "Cold Turkey",
        "Bank of America",  # its small word is inside the name
        "Vladimir Putin?",  # a question about a name alone
        "Elon Musk",  # in lower case the tagger reads "musk" as a verb
        "Xi Jinping",
    ],
)
def test_only_names_claim_nothing(analyzer, query):
    assert not analyzer.read_claim(query).shape.is_claim


def test_a_headline_is_read_with_the_lemmas_of_a_sentence(analyzer):
    reading = analyzer.read_claim("Mayor Denies Taking Bribes From Developer")
    assert {"bribe", "developer"} <= reading.terms.lemmas


def test_the_actors_of_a_claim_leave_out_titles_and_nationalities(analyzer):
    reading = analyzer.read_claim("Russian President Vladimir Putin spoke with Elon Musk")
    assert "Vladimir Putin" in reading.actors and "Elon Musk" in reading.actors
    assert not any(a in ("President", "Russian") for a in reading.actors)


def test_a_place_where_something_happened_is_not_an_actor_but_a_place_that_acts_is(analyzer):
    located = analyzer.read_claim("A drone strike killed the rebel commander in Somalia")
    assert "Somalia" in located.names and "Somalia" not in located.actors
    owned = analyzer.read_claim("A meteorite left a crater in Nicaragua's capital")
    assert "Nicaragua" not in owned.actors
    acting = analyzer.read_claim("Russia denied that the rebel commander was killed")
    assert "Russia" in acting.actors
