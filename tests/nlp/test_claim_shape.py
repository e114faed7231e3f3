"""What a /compare query asks: speech by a named speaker, a claim, or only names."""

import pytest


@pytest.mark.parametrize(
    ("query", "kind", "speaker", "act"),
    [
        ("Peskov denied regular talks between Musk and Putin", "speech", "Peskov", "denies"),
        ("Boko Haram denies it has agreed a ceasefire", "speech", "Boko Haram", "denies"),
        ("Amazon to launch a first store, report says", "claim", "", ""),  # no named speaker to look up
        ("A man says Comcast got him fired", "claim", "", ""),
        ("Musk OR Putin", "names", "", ""),
        ("Musk and Putin have been in regular contact", "claim", "", ""),
    ],
)
def test_only_a_named_speaker_makes_a_claim_about_speech(analyzer, query, kind, speaker, act):
    shape = analyzer.claim_shape(query)
    assert (shape.kind, shape.speaker, shape.act) == (kind, speaker, act)
