"""What a /compare query asks: speech by a named speaker, a claim, or only names."""

import pytest


@pytest.mark.parametrize(
    ("query", "kind", "speaker", "act"),
    [
        ("Peskov denied regular talks between Musk and Putin", "speech", "Peskov", "denies"),
        ("Boko Haram denies it has agreed a ceasefire", "speech", "Boko Haram", "denies"),
        ("Peskov rejected reports that Putin was ill", "speech", "Peskov", "denies"),  # any denial verb
        ("Amazon to launch a first store, report says", "claim", "", ""),  # no named speaker to look up
        ("A man says Comcast got him fired", "claim", "", ""),
        ("Man says Comcast got him fired", "claim", "", ""),  # capitalised as the line opens: no name
        ("Senator Warren says the bill will pass", "speech", "Senator Warren", "says"),
        ("Musk OR Putin", "names", "", ""),
        ("Musk and Putin have been in regular contact", "claim", "", ""),
        ("Musk was asked by Putin to avoid activating Starlink", "speech", "Putin", "says"),  # the agent spoke
        ("Musk was told to stop", "claim", "", ""),  # a passive with no agent names no speaker
        ("Pope Francis did not tell a boy that heaven has room for pets", "speech", "Pope Francis", "did not say"),
        ("Musk did not deny speaking with Putin", "speech", "Musk", "says"),  # no denial, no confirmation
    ],
)
def test_only_a_named_speaker_makes_a_claim_about_speech(analyzer, query, kind, speaker, act):
    shape = analyzer.claim_shape(query)
    assert (shape.kind, shape.speaker, shape.act) == (kind, speaker, act)


def test_a_passive_claim_about_speech_says_what_the_active_one_does(analyzer):
    active = analyzer.claim_shape("Putin asked Musk to avoid activating Starlink over Taiwan")
    passive = analyzer.claim_shape("Musk was asked by Putin to avoid activating Starlink over Taiwan")
    assert passive == active


def test_what_a_speaker_said_is_the_clause_not_where_or_when(analyzer):
    shape = analyzer.read_claim(
        "In the spring of 2021, Senator Jane Doe wrote on Facebook that Mayor Tom Smith had taken bribes"
    ).shape
    assert shape.kind == "speech"
    assert shape.content == "Mayor Tom Smith had taken bribes"


@pytest.mark.parametrize(
    ("query", "denies"),
    [
        ("No, Banksy hasn't been arrested", True),
        ("Batmobile not stolen, MTV contest prize remains unclaimed", True),
        ("Macaulay Culkin dead: actor is victim of another death hoax", True),
        ("The story about the priest is fake", True),
        ("Banksy arrested in London", False),
        ("Civil servant sacked after not turning up for work for 25 years", False),  # not the main verb
        ("Fake Fox News Twitter account emerges", False),  # describes an account, calls nothing untrue
        ("Colts are the No. 1 seed", False),
        ("The bridge did not collapse, officials say", True),  # what unnamed officials say is a denial
        ("No terrorists have crossed the border", True),  # negated by its subject
        ("Nobody was hurt in the blast", True),
        ("Reports that the mayor resigned are unfounded", True),
    ],
)
def test_a_claim_that_says_its_own_statement_is_not_so_denies(analyzer, query, denies):
    shape = analyzer.read_claim(query).shape
    assert shape.kind == "claim" and shape.denies is denies


@pytest.mark.parametrize(
    ("query", "speaker", "denies"),
    [
        ("Iraq says the arrested woman is not the wife of the leader", "Iraq", True),
        ("Senator Warren says terrorists haven't crossed the border", "Senator Warren", True),
        ("Senator Warren says the bill will pass", "Senator Warren", False),
        ("No terrorists have crossed the border, Senator Warren says", "Senator Warren", True),
        ("Peskov denied regular talks between Musk and Putin", "Peskov", False),  # the act denies, not the content
    ],
)
def test_what_a_speaker_is_said_to_have_said_can_itself_be_a_denial(analyzer, query, speaker, denies):
    shape = analyzer.read_claim(query).shape
    assert (shape.kind, shape.speaker, shape.denies) == ("speech", speaker, denies)


def test_a_headlines_lead_in_before_a_colon_is_not_the_speaker(analyzer):
    shape = analyzer.read_claim("Tom Smith: Reports about the mayor revealed to be false").shape
    assert (shape.kind, shape.denies) == ("claim", True)  # the reports are the subject, and are called false


def test_a_word_tagged_as_a_common_noun_speaks_when_the_store_knows_it_as_a_name(analyzer):
    query = "Isis claims the hostage was killed in an airstrike"
    assert analyzer.read_claim(query).shape.kind == "claim"
    shape = analyzer.read_claim(query, known_name=lambda word: word == "Isis").shape
    assert (shape.kind, shape.speaker, shape.act) == ("speech", "Isis", "says")
    unknown = analyzer.read_claim(query, known_name=lambda word: False).shape
    assert unknown.kind == "claim"


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("Pentagon Denies It Killed The Rebel Commander", "pentagon"),  # "Denies" tagged as a name
        ("Boko Haram Denies Nigeria Cease-Fire Claim", "boko haram"),  # recased, "haram" is a noun
        ("PGA Tour Denies Claim That The Golfer Failed A Drug Test", "pga tour"),
    ],
)
def test_a_headlines_speech_verb_and_speaker_are_read_through_its_capitals(analyzer, query, speaker):
    stored = {"pentagon", "boko haram", "pga tour"}
    shape = analyzer.read_claim(query, known_name=lambda name: name.lower() in stored).shape
    assert (shape.kind, shape.speaker.lower(), shape.act) == ("speech", speaker, "denies")


def test_a_proper_noun_before_a_common_one_is_a_speaker_only_as_a_name_the_store_knows(analyzer):
    query = "Despite ceasefire announcement, new Boko Haram attacks reported"
    assert analyzer.read_claim(query, known_name=lambda name: name.lower() == "boko haram").shape.kind == "claim"
    assert analyzer.read_claim(query, known_name=lambda name: True).shape.kind == "speech"  # were it a name
