"""People an article describes without naming: candidates the pronoun resolver weighs beside names."""

from hypothesis import given
from hypothesis import strategies as st

from nlp.person_nouns import _Spans, person_nouns, unnamed_people

NOUNS = frozenset({"spokeswoman", "actor", "suspect"})


def found(analyzer, text: str) -> list[tuple[str, str, int, bool, bool]]:
    doc = analyzer.nlp(text)
    analysis = analyzer.analyze(text)
    names = [(m.start, m.end) for m in analysis.mentions]
    starts = [s.start for s in analysis.sentences]
    people = unnamed_people(doc, names, starts, NOUNS)
    return [(text[u.start : u.end], u.role, u.sentence, u.topic, u.plural) for u in people]


def test_definite_person_nouns_with_their_role_and_whether_they_are_the_topic(analyzer):
    text = (
        "Ann Lee won the award. The actor's new film with Lee opened on Friday. "
        "The spokeswoman said the studio was pleased. The suspects were released. "
        "Police questioned the suspect for hours."
    )
    assert found(analyzer, text) == [
        ("The actor", "poss/nsubj", 1, True, False),
        ("The spokeswoman", "nsubj/ROOT", 2, True, False),
        ("The suspects", "nsubjpass/ROOT", 3, True, True),
        ("the suspect", "dobj/ROOT", 4, False, False),
    ]


def test_named_or_indefinite_people_are_left_out(analyzer):
    text = "The actor, Tom Hanks, said he was pleased. A spokeswoman said nothing."
    assert found(analyzer, text) == []


def test_the_learned_list_holds_people_and_not_things():
    nouns = person_nouns()
    assert {"spokeswoman", "suspect", "actress"} <= nouns
    assert not {"knee", "contract", "year"} & nouns


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda s: (s[0], s[0] + s[1])), max_size=12),
    st.integers(0, 90),
)
def test_a_position_is_inside_the_spans_as_a_scan_of_them_says(spans, position):
    assert (position in _Spans(spans)) == any(start <= position < end for start, end in spans)
