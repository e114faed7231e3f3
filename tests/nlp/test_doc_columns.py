"""Reading a Doc's columns (nlp/doc_columns.py) finds the same tokens as asking each Token."""

from __future__ import annotations

from nlp.doc_columns import matching, positions


def test_positions_are_the_tokens_a_token_by_token_reading_finds(analyzer):
    doc = analyzer.nlp("Peskov said: the Kremlin denied that Musk and Putin spoke, according to Reuters.")
    assert positions(doc, "POS", ["VERB", "AUX"]) == [t.i for t in doc if t.pos_ in ("VERB", "AUX")]
    assert positions(doc, "TAG", ["NNP", "NNPS"]) == [t.i for t in doc if t.tag_ in ("NNP", "NNPS")]
    assert positions(doc, "ORTH", [":"]) == [2]
    assert positions(doc, "LOWER", ["according"]) == [t.i for t in doc if t.lower_ == "according"]
    assert matching(doc, "LOWER", ["nothing like this"]).sum() == 0
