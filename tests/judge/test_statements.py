"""The verdict rules on hand-built statements: no parse, no store, each rule on its own."""

from __future__ import annotations

from judge.cues import Stance
from judge.statements import (
    TAKES_SIDES,
    Judged,
    judge_speech,
    judge_topic,
    number_differences,
    speaker_words,
)
from nlp.claim_shape import NOT_SAID, ClaimShape
from nlp.terms import Terms
from store.records import StatementRow


def row(text: str, outlet: str = "Fortune", speaker: str | None = None, **fields) -> StatementRow:
    values = {
        "article_id": 1,
        "outlet": outlet,
        "title": "A title",
        "source": "file",
        "url": None,
        "published": "2024-10-25",
        "sentence": text,
        "statement_id": 1,
        "kind": "attributed" if speaker else "fact",
        "text": text,
        "speaker": speaker,
        "speaker_type": "named" if speaker else None,
        "speaker_entity_id": None,
        "cue": None,
        "cue_lemma": None,
    }
    return StatementRow(**(values | fields))


def judged(stance: str, relevance: float = 0.9, **fields) -> Judged:
    return Judged(row("text", **fields), Stance(stance, "why", relevance))


def terms(*lemmas: str, names: tuple[str, ...] = ()) -> Terms:
    return Terms(frozenset(lemmas) | frozenset(names), frozenset(names))


def one_label_model(label: str) -> dict:
    """A statement model sure of one label whatever it reads."""
    return {"labels": ["unrelated", "supports", "disputes", "reports"], "weights": {label: {"bias": 9.0}}}


SURE_SUPPORTS, SURE_REPORTS, SURE_UNRELATED = (one_label_model(x) for x in ("supports", "reports", "unrelated"))


def test_an_outlet_telling_of_a_denial_reports_it_and_does_not_dispute():
    claim = terms("regular", "contact", names=("musk", "putin"))
    fact = row("Peskov denied Musk and Putin had regular contact.", kind="fact")
    said = terms("deny", "regular", "contact", names=("peskov", "musk", "putin"))
    (only,) = judge_topic(claim, "Musk and Putin had regular contact", [(fact, said)], False, {})
    assert only.stance.stance == "reports"


def test_a_statement_sharing_too_little_of_the_claim_is_left_out():
    claim = terms("regular", "contact", "rocket", "launch", "satellite", names=("musk",))
    other = row("The weather was fine.", speaker="Ann Lee")
    assert judge_topic(claim, "Musk ran a rocket launch", [(other, terms("weather", "fine"))], False, {}) == []


def test_a_quoted_speakers_denial_disputes_though_the_model_would_read_the_story():
    claim = terms("regular", "contact", names=("musk", "putin"))
    denial = row("that Musk and Putin had regular contact", speaker="Dmitry Peskov", cue="denied", cue_lemma="deny")
    said = terms("regular", "contact", names=("musk", "putin"))
    (only,) = judge_topic(claim, "Musk and Putin had regular contact", [(denial, said)], False, {}, SURE_REPORTS)
    assert only.stance.stance == "disputes" and only.rule is not None


def test_the_outlets_own_sentence_is_read_by_the_statement_model():
    claim = terms("regular", "contact", "space", names=("musk", "putin"))
    fact = row("Musk and Putin talked about space.", kind="fact")
    said = terms("talk", "space", names=("musk", "putin"))
    text = "Musk and Putin in regular contact about space"
    (only,) = judge_topic(claim, text, [(fact, said)], False, {}, SURE_SUPPORTS)
    assert only.stance.stance == "supports" and "sure" in only.stance.why
    (read,) = judge_topic(claim, text, [(fact, said)], False, {}, SURE_REPORTS)
    assert read.stance.stance == "reports"


def test_the_model_takes_no_side_on_a_sentence_carrying_little_of_the_claim():
    claim = terms("regular", "contact", "rocket", "launch", "satellite", "space", "orbit", "deal", names=("musk",))
    fact = row("Musk spoke about space.", kind="fact")
    said = terms("speak", "space", names=("musk",))
    (only,) = judge_topic(claim, "Musk rocket launch", [(fact, said)], False, {}, SURE_SUPPORTS)
    assert only.stance.relevance < TAKES_SIDES and only.stance.stance == "reports"


def test_a_sentence_the_model_reads_as_off_the_claim_is_left_out():
    claim = terms("regular", "contact", names=("musk", "putin"))
    fact = row("Musk and Putin were both in the news.", kind="fact")
    said = terms("news", names=("musk", "putin"))
    assert judge_topic(claim, "Musk and Putin regular contact", [(fact, said)], False, {}, SURE_UNRELATED) == []


def test_a_sentence_carrying_the_whole_claim_states_it_whatever_the_model_says():
    claim = terms("regular", "contact", names=("musk", "putin"))
    fact = row("Musk and Putin have been in regular contact.", kind="fact")
    said = terms("regular", "contact", names=("musk", "putin"))
    (only,) = judge_topic(claim, "Musk and Putin in regular contact", [(fact, said)], False, {}, SURE_REPORTS)
    assert only.stance.stance == "supports"


def test_one_count_written_two_ways_is_a_number_difference():
    some = judged("supports", outlet="WSJ")
    some.numbers = [("some 30", 30, "some", None, "conversations")]
    over = judged("supports", outlet="CNN")
    over.numbers = [("over 30", 30, "over", None, "conversations")]
    (difference,) = number_differences([some, over])
    assert difference["counts"] == "conversations"
    assert {v["text"]: v["outlets"] for v in difference["variants"]} == {"some 30": ["WSJ"], "over 30": ["CNN"]}


def test_a_claimed_denial_is_supported_by_the_speakers_denial_and_disputed_by_a_confirmation():
    shape = ClaimShape("speech", speaker="Dmitry Peskov", cue_lemma="deny", act="denies", content="regular talks")
    content = terms("regular", "talk")
    denial = row("Peskov denied the two held regular talks.", speaker="Dmitry Peskov", cue="denied", cue_lemma="deny")
    confirmation = row(
        "Peskov confirmed regular talks.",
        speaker="Dmitry Peskov",
        cue="confirmed",
        cue_lemma="confirm",
        statement_id=2,
    )
    stranger = row("Ann Lee denied regular talks.", speaker="Ann Lee", cue="denied", cue_lemma="deny", statement_id=3)
    said = terms("regular", "talk")
    found = judge_speech(shape, content, [(denial, said), (confirmation, said), (stranger, said)], {})
    assert [(j.row.statement_id, j.stance.stance) for j in found] == [(1, "supports"), (2, "disputes")]


def test_the_outlet_tells_of_the_speaker_speaking_only_where_it_names_the_speaker_before_the_verb():
    shape = ClaimShape("speech", speaker="ISIS", cue_lemma="claim", act="says", content="weapons were captured")
    content = terms("weapon", "capture")
    said = terms("weapon", "capture", "deny")
    denial = row("ISIS has flatly denied that it captured the weapons.", statement_id=1, sentence="s1")
    told = "Homeland Security flatly denied a claim that ISIS fighters captured the weapons."
    someone_else = row(told, statement_id=2, sentence="s2")
    found = judge_speech(shape, content, [(denial, said), (someone_else, said)], {})
    assert [(j.row.statement_id, j.stance.stance) for j in found] == [(1, "disputes")]


def test_saying_something_is_no_confirmation_against_a_claimed_denial():
    shape = ClaimShape("speech", speaker="Boko Haram", cue_lemma="deny", act="denies", content="a ceasefire")
    content = terms("ceasefire")
    said = terms("ceasefire", "attack")
    speaking = row("Boko Haram said its fighters attacked despite the ceasefire.", sentence="s1")
    confirming = row("Boko Haram confirmed the ceasefire.", statement_id=2, sentence="s2")
    found = judge_speech(shape, content, [(speaking, said), (confirming, terms("ceasefire"))], {})
    assert [(j.row.statement_id, j.stance.stance) for j in found] == [(1, "reports"), (2, "disputes")]


def test_a_claim_that_someone_did_not_say_it_is_disputed_by_their_saying_it_and_supported_by_their_denial():
    claimed = "heaven has room for pets"
    shape = ClaimShape("speech", speaker="Pope Francis", cue_lemma="tell", act=NOT_SAID, content=claimed)
    content = terms("heaven", "room", "pet")
    said = terms("heaven", "pet")
    saying = row("Heaven is open to all God's creatures, pets too.", speaker="Francis", cue="said", cue_lemma="say")
    denial = row("Francis never said heaven has room for pets.", statement_id=2, sentence="s2")
    other_pope = row("Heaven has no room for pets.", speaker="Pope Benedict XVI", statement_id=3, sentence="s3")
    asked = row("Is there room in heaven for pets?", speaker="Francis", statement_id=4, sentence="s4")
    found = judge_speech(shape, content, [(saying, said), (denial, said), (other_pope, said), (asked, said)], {})
    stances = sorted((j.row.statement_id, j.stance.stance) for j in found)
    assert stances == [(1, "disputes"), (2, "supports"), (4, "reports")]  # a question says nothing
    assert speaker_words("Pope Francis") == {"francis"} and speaker_words("The Kremlin") == {"kremlin"}
    assert speaker_words("President") == {"president"}  # a title alone still names whom it can


def test_a_denial_the_speakers_sentence_adds_about_someone_else_is_not_the_speakers():
    shape = ClaimShape("speech", speaker="Ann Lee", cue_lemma="claim", act="says", content="ten smugglers were caught")
    content = terms("smuggler", "catch")
    said = terms("smuggler", "catch", "false")
    claimed = row(
        "that ten smugglers were caught at the border, a claim the agency said was false",
        speaker="Ann Lee",
        cue="said",
        cue_lemma="say",
    )
    own = row("The report that smugglers were caught is false.", speaker="Ann Lee", statement_id=2, sentence="s2")
    found = judge_speech(shape, content, [(claimed, said), (own, said)], {})
    assert [(j.row.statement_id, j.stance.stance) for j in found] == [(1, "supports"), (2, "disputes")]


def test_a_word_calling_something_false_near_the_speakers_name_is_no_act_of_theirs():
    shape = ClaimShape("speech", speaker="Ann Lee", cue_lemma="say", act="says", content="the bridge will close")
    content = terms("bridge", "close")
    said = terms("bridge", "close", "false")
    posted = row("A website posing as Ann Lee posted a false report that the bridge will close.", sentence="s1")
    denial = row("Ann Lee denied that the bridge will close.", statement_id=2, sentence="s2")
    found = judge_speech(shape, content, [(posted, said), (denial, said)], {})
    assert [(j.row.statement_id, j.stance.stance) for j in found] == [(2, "disputes")]


def test_the_speakers_denial_supports_a_claim_that_they_said_something_is_not_so():
    claimed = "the woman is not his wife"
    shape = ClaimShape("speech", speaker="Iraq", cue_lemma="say", act="says", content=claimed, denies=True)
    content = terms("woman", "wife")
    said = terms("woman", "wife")
    denial = row("that the woman is his wife", speaker="Iraq", cue="denied", cue_lemma="deny")
    found = judge_speech(shape, content, [(denial, said)], {})
    assert [j.stance.stance for j in found] == ["supports"]
    positive = ClaimShape("speech", speaker="Iraq", cue_lemma="say", act="says", content="the woman is his wife")
    assert [j.stance.stance for j in judge_speech(positive, content, [(denial, said)], {})] == ["disputes"]


def test_confirming_that_the_claimed_content_is_not_so_is_denying_it():
    shape = ClaimShape("speech", speaker="The Tour", cue_lemma="deny", act="denies", content="the golfer failed a test")
    content = terms("golfer", "fail", "test")
    said = terms("golfer", "fail", "test", "truth")
    told = row("The Tour has confirmed that there is no truth to claims the golfer failed a test.", sentence="s1")
    own = row(
        "that there is no truth to claims the golfer failed a test",
        speaker="The Tour",
        cue="confirmed",
        cue_lemma="confirm",
        statement_id=2,
        sentence="s2",
    )
    found = judge_speech(shape, content, [(told, said), (own, said)], {})
    assert [(j.row.statement_id, j.stance.stance) for j in found] == [(2, "supports"), (1, "supports")]
