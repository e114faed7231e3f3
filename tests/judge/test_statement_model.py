"""The statement model: what it sees of a statement, how its thresholds decide, the shipped weights."""

from judge.statement_model import LABELS, decide, load_model, statement_call, statement_features

CLAIM = "Musk and Putin have reportedly been in regular contact"


def test_it_sees_the_wording_the_voice_and_the_claims_own_hedge():
    seen = statement_features(
        CLAIM,
        "The Kremlin denied it was true, and it is unconfirmed.",
        0.6,
        "disputes",
        "attributed",
        "outlet",
        "denied",
        "deny",
    )
    assert {"rule=disputes", "kind=attributed", "speaker=outlet", "cue=deny", "has_denial", "has_doubt"} <= set(seen)
    assert "claim_hedge=reportedly" in seen and "claim_hedge=reportedly&has_denial" in seen
    assert "relevance=0.6" in seen and "w=kremlin" in seen


def test_a_side_is_taken_only_past_its_threshold():
    leaning = {"unrelated": 0.1, "supports": 0.55, "disputes": 0.05, "reports": 0.3}
    assert decide(leaning, supports_at=0.5, disputes_at=0.6).label == "supports"
    assert decide(leaning, supports_at=0.6, disputes_at=0.6).label == "reports"
    denying = {"unrelated": 0.1, "supports": 0.1, "disputes": 0.45, "reports": 0.35}
    assert decide(denying, supports_at=0.6, disputes_at=0.4).label == "disputes"
    off = {"unrelated": 0.5, "supports": 0.2, "disputes": 0.1, "reports": 0.2}
    assert decide(off, supports_at=0.6, disputes_at=0.6).label == "unrelated"


def test_the_shipped_model_carries_its_thresholds_and_where_it_was_trained():
    model = load_model()
    assert tuple(model["labels"]) == LABELS
    assert 0 < model["supports_at"] < 1 and 0 < model["disputes_at"] < 1
    assert "FNC-1" in model["trained_on"]
    said = statement_features(CLAIM, "Musk and Putin have been in regular contact.", 1.0, "supports", "fact")
    assert statement_call(model, said).label in LABELS
