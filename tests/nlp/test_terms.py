"""The forms a claim's word may take in a story."""

import pytest

from nlp.terms import word_forms


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("regularly", ("regularly", "regular")),
        ("happily", ("happily", "happy")),
        ("speak", ("speak",)),
        ("fly", ("fly",)),  # too short to be an adverb's -ly
    ],
)
def test_an_adverb_also_stands_as_its_adjective(lemma, forms):
    assert word_forms(lemma) == forms
