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
