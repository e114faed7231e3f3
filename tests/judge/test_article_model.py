"""The article-level stance: what it sees of an article, and the shipped model's calls."""

import math

from judge.article_model import (
    ArticleEvidence,
    ClaimWords,
    article_stance,
    content_keys,
    features,
    probabilities,
    word_key,
)

CLAIM = "Musk and Putin have been in regular contact since late 2022"


def claim_words(text: str = CLAIM, names=("musk", "putin")) -> ClaimWords:
    return ClaimWords.of(text, names, {"musk": 3, "putin": 5, "contact": 20}, 100)


def evidence(text: str, rank: int | None = 1, share: float = 1.0, stances=()) -> ArticleEvidence:
    return ArticleEvidence("", text, rank, share, tuple(stances))


def test_stems_meet_across_plurals_and_possessives():
    assert word_key("contacts") == word_key("contact")
    assert word_key("Russia’s") == word_key("Russia")
    assert content_keys("The talks have been regular") == [word_key("talks"), word_key("regular")]


def test_rare_words_and_names_weigh_most():
    claim = claim_words()
    assert claim.rarity["musk"] > claim.rarity["contac"]
    carried = features(claim, evidence("Musk and Putin spoke."))
    passing = features(claim, evidence("They stayed in regular contact since 2022."))
    assert "names=1.00" in carried and "names=0.00" in passing

    def cover(seen: list[str]) -> float:
        return next(float(f.split("=")[1]) for f in seen if f.startswith("cover="))

    assert cover(carried) > cover(passing)  # two names outweigh three common words


def test_hedges_denials_and_doubts_near_the_claim_are_seen():
    claim = claim_words()
    hedged = features(claim, evidence("Musk and Putin have reportedly been in regular contact, people said."))
    denied = features(claim, evidence("The Kremlin denied that Musk and Putin were in regular contact."))
    doubted = features(claim, evidence("Officials were unable to corroborate that Musk and Putin spoke."))
    assert "near_hedge" in hedged and "near_denial" in denied and "near_doubt" in doubted
    assert not {"near_hedge", "near_denial", "near_doubt"} & set(features(claim, evidence("Musk and Putin talk.")))


def test_the_claims_own_hedges_and_statement_stances_are_features():
    claim = claim_words("Musk reportedly talks to Putin?", ("musk", "putin"))
    seen = features(claim, evidence("Musk talks to Putin.", stances=[("disputes", 0.6), ("supports", 0.4)]))
    assert {"claim_hedge=reportedly", "claim_hedge=?", "stmt_disputes=1", "stmt_supports_best=0.25"} <= set(seen)
    assert "stmt_none" in features(claim, evidence("Musk talks to Putin."))


def test_the_shipped_model_tells_coverage_from_an_unrelated_article():
    claim = claim_words()
    on_it = article_stance(
        claim,
        evidence(
            "Elon Musk and Vladimir Putin have been in regular contact since late 2022, according to "
            "current and former officials. Musk and Putin discussed business and geopolitics."
        ),
    )
    off_it = article_stance(
        claim, evidence("The city council approved a budget for new bicycle lanes on Tuesday.", rank=None, share=0)
    )
    assert on_it.label != "unrelated" and on_it.related > 0.5
    assert off_it.label == "unrelated" and off_it.related < 0.5
    assert "Putin" in on_it.sentence and "carries" in on_it.why
    assert 0 < on_it.confidence <= 1


def test_whole_text_counts_read_lower_cased_text_as_the_case_blind_patterns_do():
    from judge.article_model import _COUNTED, REFUTING
    from judge.cues import DENIAL_TEXT, DOUBT_TEXT, HEDGE

    text = "He DENIED it. It was False, UNCONFIRMED and Not True; Reportedly a Hoax. We Could Not Verify it."
    blind = {"refuting": REFUTING, "hedges": HEDGE, "doubt": DOUBT_TEXT, "denial": DENIAL_TEXT}
    for name, pattern in _COUNTED:
        assert len(pattern.findall(text.lower())) == len(blind[name].findall(text)) > 0


def test_probabilities_add_each_labels_weights_and_ignore_unweighed_features():
    model = {"labels": ["a", "b"], "weights": {"a": {"x": 1.0, "y": 0.5}, "b": {"y": 2.0}}}
    chances = probabilities(model, ["x", "y", "never weighed"])
    assert math.isclose(chances[0], 1 / (1 + math.exp(2.0 - 1.5)))
    assert math.isclose(sum(chances), 1.0)
    model["weights"] = {"a": {}, "b": {"x": 3.0}}  # a new model object is read afresh
    assert probabilities({**model}, ["x"])[1] > 0.9
