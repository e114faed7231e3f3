"""Each stance rule on short statements written for it."""

import pytest

from judge.cues import negates_claim, stance_of
from nlp.terms import Terms

CLAIM = Terms(frozenset({"musk", "putin", "regular", "contact", "2022"}), frozenset({"musk", "putin"}))


def terms(*words: str, names: tuple[str, ...] = ("musk", "putin")) -> Terms:
    return Terms(frozenset(words), frozenset(n for n in names if n in words))


def test_a_denial_cue_disputes():
    result = stance_of(
        CLAIM, terms("musk", "putin", "talk"), "that the two had maintained regular talks", "deny", "denied"
    )
    assert result.stance == "disputes"


def test_a_negated_denial_only_reports():
    result = stance_of(CLAIM, terms("musk"), "the claim", "deny", "did not explicitly deny")
    assert result.stance == "reports"


def test_doubt_is_unverified():
    text = "that the White House was unable to corroborate it"
    assert stance_of(CLAIM, terms("house"), text, "say", "said", relevance=0.5).stance == "unverified"
    text = "I don't know if this story is true"
    assert stance_of(CLAIM, terms("story"), text, relevance=0.5).stance == "unverified"
    text = "it was looking into reports that Musk and Putin had been in regular contact"  # not yet confirmed
    assert stance_of(CLAIM, terms("musk", "putin", "regular", "contact"), text, "say", "said").stance == "unverified"


def test_only_one_call_disputes_a_claim_of_regular_contact():
    text = "that Musk and Putin had only one phone call"
    assert stance_of(CLAIM, terms("musk", "putin", "phone", "call"), text, "add", "added").stance == "disputes"


def test_negating_the_claims_words_disputes():
    text = "neither Putin nor Kremlin officials were holding regular conversations with Musk"
    result = stance_of(CLAIM, terms("putin", "musk", "regular", "conversation", "kremlin"), text, "say", "said")
    assert result.stance == "disputes"


def test_stating_it_supports_and_passing_it_on_reports():
    text = "Musk has been in regular contact with Putin since late 2022"
    assert stance_of(CLAIM, terms("musk", "putin", "regular", "contact", "2022"), text).stance == "supports"
    text = "a report which claims that Musk and Putin have been in regular contact since late 2022"
    assert stance_of(CLAIM, terms("musk", "putin", "regular", "contact", "2022"), text).stance == "reports"


@pytest.mark.parametrize(
    ("text", "cue_lemma"),
    [
        ("Is Musk in regular contact with Putin?", "say"),
        ("whether Musk had been in regular contact with Putin", "ask"),
        ("Has Musk been in regular contact with Putin?”", ""),
    ],
)
def test_a_question_asserts_nothing(text, cue_lemma):
    result = stance_of(CLAIM, terms("musk", "putin", "regular", "contact"), text, cue_lemma, cue_lemma, relevance=1.0)
    assert result.stance == "reports"


def test_toward_a_claim_that_denies_something_a_denial_of_it_agrees_and_a_statement_of_it_does_not():
    claim = Terms(frozenset({"banksy", "arrest"}), frozenset({"banksy"}))
    said = Terms(frozenset({"banksy", "arrest", "hoax"}), frozenset({"banksy"}))
    debunk, rumour = "The Banksy arrest is a hoax.", "Banksy was arrested in London."
    assert stance_of(claim, said, debunk, relevance=1.0).stance == "disputes"
    assert stance_of(claim, said, debunk, relevance=1.0, claim_denies=True).stance == "supports"
    assert stance_of(claim, said, rumour, relevance=1.0).stance == "supports"
    assert stance_of(claim, said, rumour, relevance=1.0, claim_denies=True).stance == "reports"
    police = stance_of(claim, said, "that Banksy was arrested", "deny", "denied", 1.0, claim_denies=True)
    assert police.stance == "supports"
    negated = stance_of(claim, said, "Banksy wasn't arrested.", relevance=1.0, claim_denies=True)
    assert negated.stance == "supports"  # the claim's own negation, whichever word it stands by
    asked = stance_of(claim, said, "Was Banksy arrested?", relevance=1.0, claim_denies=True)
    assert asked.stance == "reports"  # a question still says nothing


def test_a_denial_word_about_something_else_does_not_dispute():
    claim = Terms(frozenset({"mayor", "bribe", "take"}), frozenset({"mayor"}))
    said = Terms(frozenset({"mayor", "bribe", "take", "report", "false"}), frozenset({"mayor"}))
    describing = "The mayor took bribes, and an aide who filed a false report was fired."
    assert stance_of(claim, said, describing, relevance=0.8).stance == "supports"
    elsewhere = "The mayor took bribes from the builder, a claim his office called false."
    assert stance_of(claim, said, elsewhere, relevance=0.8).stance == "supports"
    aimed = "That the mayor took bribes is false, his office said."
    assert stance_of(claim, said, aimed, relevance=0.8).stance == "disputes"
    one_clause = "The story is false."
    assert stance_of(claim, said, one_clause, relevance=0.8).stance == "disputes"


def test_a_negation_in_another_clause_does_not_negate_the_claim():
    claim = Terms(frozenset({"minister", "resign"}), frozenset({"minister"}))
    said = Terms(frozenset({"minister", "resign", "talk"}), frozenset({"minister"}))
    other_clause = "The minister did not take questions, resigning on Monday."
    assert stance_of(claim, said, other_clause, relevance=0.8).stance == "supports"
    same_clause = "The minister did not resign."
    assert stance_of(claim, said, same_clause, relevance=0.8).stance == "disputes"


def test_a_negation_in_a_relative_clause_describes_its_noun_and_does_not_negate_the_claim():
    claim = Terms(frozenset({"fighter", "catch", "border"}), frozenset())
    said = Terms(frozenset({"fighter", "catch", "border", "dozen"}), frozenset())
    relative = "Ten fighters were caught at the border, and dozens more that did not get caught are inside."
    assert negates_claim(claim, relative) is False
    assert negates_claim(claim, "Dozens who didn't get caught at the border remain.") is False
    own_subject = "He said that the fighters did not get caught at the border."
    assert negates_claim(claim, own_subject) is True
    assert stance_of(claim, said, own_subject, relevance=0.8).stance == "disputes"
