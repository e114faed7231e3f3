"""One name per outlet: folding "the Journal" and "the paper" to the stored outlet."""

from __future__ import annotations

from handlers.outlet_names import fold_outlet, named_outlets
from store.records import StatementRow

OUTLETS = ["The Wall Street Journal", "CNN"]


def _row(statement_id: int, speaker: str, speaker_type: str, sentence: str) -> StatementRow:
    return StatementRow(
        1,
        "CNN",
        "t",
        "cnn.txt",
        None,
        None,
        sentence,
        statement_id,
        "attributed",
        sentence,
        speaker,
        speaker_type,
        None,
        "said",
        "say",
    )


def test_a_tail_or_initials_of_a_stored_outlet_fold_to_it_and_a_generic_word_does_not():
    assert fold_outlet("the Journal", OUTLETS) == fold_outlet("WSJ", OUTLETS) == "The Wall Street Journal"
    assert fold_outlet("the newspaper", OUTLETS) is None


def test_the_paper_is_the_outlet_the_article_names_elsewhere_even_in_a_statement_not_judged():
    """ "the newspaper cited ..." in a CNN story whose other sentence says "the Journal said": the
    newspaper is the Journal though only the first sentence was relevant to the claim."""
    judged = [_row(1, "the newspaper", "outlet", "In one instance, the newspaper cited a request.")]
    elsewhere = [_row(2, "Journal", "outlet", "The Journal said the talks were a secret.")]
    assert named_outlets(judged, OUTLETS)[0].speaker == "the newspaper"  # alone, nothing names it
    assert named_outlets(judged, OUTLETS, elsewhere)[0].speaker == "The Wall Street Journal"
