"""The verdict is a pure function of the calls the answer shows: properties over generated calls."""

from hypothesis import given, settings
from hypothesis import strategies as st

from judge.calls import STANCES, Call
from judge.verdict import verdict_of

SOURCES = ["Dmitry Peskov", "The Wall Street Journal", "Elon Musk", "an unnamed source", "Reuters"]
OUTLETS = ["The Wall Street Journal", "Fortune", "CNN", "Reuters"]

calls = st.builds(
    Call,
    article_id=st.integers(1, 6),
    outlet=st.sampled_from(OUTLETS),
    source=st.sampled_from(SOURCES),
    source_kind=st.sampled_from(["outlet", "named", "anonymous", "article"]),
    stance=st.sampled_from(STANCES),
    probability=st.floats(0.0, 1.0),
    relevance=st.floats(0.0, 1.0),
    why=st.just("read"),
)
evidence = st.lists(calls, max_size=12)


@settings(max_examples=300, deadline=None)
@given(evidence)
def test_never_says_nobody_disputes_while_a_dispute_is_listed(shown):
    verdict = verdict_of(shown)
    if any(c.stance == "disputes" for c in shown):
        assert verdict.label == "disputed"
        assert "nobody shown disputes" not in verdict.why
    else:
        assert verdict.label != "disputed"


@settings(max_examples=300, deadline=None)
@given(evidence)
def test_supported_needs_a_support_listed_and_no_dispute(shown):
    if verdict_of(shown).label == "supported":
        assert any(c.stance == "supports" for c in shown)
        assert not any(c.stance == "disputes" for c in shown)


@settings(max_examples=300, deadline=None)
@given(st.lists(calls.filter(lambda c: c.stance not in ("supports", "disputes")), min_size=1, max_size=12))
def test_evidence_that_only_reports_leaves_the_claim_unverified(shown):
    assert verdict_of(shown).label == "unverified"


@settings(max_examples=300, deadline=None)
@given(evidence, st.randoms(use_true_random=False))
def test_reordering_the_evidence_never_changes_the_verdict(shown, random):
    reordered = list(shown)
    random.shuffle(reordered)
    assert verdict_of(reordered) == verdict_of(shown)


@settings(max_examples=200, deadline=None)
@given(evidence)
def test_the_why_names_every_side_that_decides(shown):
    verdict = verdict_of(shown)
    for stance, word in (("supports", "upported by"), ("disputes", "isputed by")):
        if any(c.stance == stance for c in shown):
            assert word in verdict.why


def test_no_evidence_is_no_coverage():
    assert verdict_of([]).label == "no coverage"


def test_the_why_gives_each_source_with_the_outlets_that_carry_it():
    def call(source, outlet, stance, kind="named"):
        return Call(1, outlet, source, kind, stance, 0.9, 1.0, "read")

    shown = [
        call("Dmitry Peskov", "Reuters", "disputes"),
        call("Dmitry Peskov", "Fortune", "disputes"),
        call("The Wall Street Journal", "The Wall Street Journal", "supports", "outlet"),
    ]
    verdict = verdict_of(shown)
    assert verdict.label == "disputed"
    assert "Dmitry Peskov (Fortune, Reuters)" in verdict.why
    assert "supported by The Wall Street Journal" in verdict.why
    assert verdict.count("disputes") == 1
