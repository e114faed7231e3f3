"""Each attribution pattern on a short text written for it (real pipeline and trained scorer)."""

import pytest

from nlp.attributions import addressed_outlets


def found(analyzer, text: str) -> list[dict]:
    analysis = analyzer.analyze(text)
    return [a.to_json(text) | {"lemma": a.cue_lemma} for a in analysis.attributions]


def one(analyzer, text: str, content_part: str) -> dict:
    matches = [a for a in found(analyzer, text) if content_part in a["content"]["text"]]
    assert matches, f"no attribution containing {content_part!r} in {found(analyzer, text)}"
    return matches[0]


def test_indirect_speech_with_that(analyzer):
    a = one(
        analyzer, "Kremlin spokesman Dmitry Peskov said that Musk and Putin had spoken only once.", "spoken only once"
    )
    assert (a["speaker"], a["speaker_type"], a["kind"], a["cue"]["text"]) == (
        "Dmitry Peskov",
        "named",
        "indirect",
        "said",
    )


def test_direct_quote_with_the_speaker_after(analyzer):
    text = "“There’s no stopping Elon Musk, he’s going to do what he thinks he needs to do,” Vladimir Putin said."
    a = one(analyzer, text, "no stopping")
    assert (a["speaker"], a["kind"]) == ("Vladimir Putin", "direct")


def test_speaker_before_the_quote(analyzer):
    text = "Elon Musk said: “I do have a top-secret clearance, but most of it is boring.”"
    a = one(analyzer, text, "top-secret clearance")
    assert a["speaker"] == "Elon Musk" and a["kind"] == "direct"


def test_quote_over_several_sentences(analyzer):
    text = "“They don’t love it. The government depends on him,” the person said, referring to the contacts."
    a = one(analyzer, text, "don’t love it")
    assert a["speaker_type"] == "anonymous"


def test_according_to_an_outlet(analyzer):
    text = "Musk has maintained regular contact with Putin, according to a report by the Wall Street Journal."
    a = one(analyzer, text, "regular contact")
    assert a["speaker_type"] == "outlet" and "Wall Street Journal" in a["speaker"]


def test_inverted_speaker_who_is_anonymous(analyzer):
    text = (
        "At one point, Putin asked the billionaire to avoid activating Starlink over Taiwan, "
        "said two people briefed on the request."
    )
    a = one(analyzer, text, "Starlink over Taiwan")
    assert a["speaker_type"] == "anonymous" and "two people briefed" in a["speaker"]


def test_a_described_speaker(analyzer):
    text = "A Pentagon spokesman said the department does not comment on individual security clearances."
    a = one(analyzer, text, "does not comment")
    assert a["speaker_type"] == "described"


def test_a_pronoun_resolves_to_the_last_named_speaker(analyzer):
    text = (
        "Dmitry Peskov said the contacts were limited to one call. "
        "He said neither Putin nor Kremlin officials were holding regular conversations with Musk."
    )
    a = one(analyzer, text, "neither Putin")
    assert (a["speaker"], a["speaker_type"]) == ("Dmitry Peskov", "pronoun")


def test_denial_cue(analyzer):
    text = "Putin spokesman Dmitri Peskov denied to the paper that the two had maintained regular talks."
    a = one(analyzer, text, "regular talks")
    assert a["speaker"] == "Dmitri Peskov" and a["lemma"] == "deny"


def test_unquoted_reported_speech_before_the_speaker(analyzer):
    text = (
        "I don't know if this story is true. I think it should be investigated, Nelson told Semafor's Burgess Everett."
    )
    a = one(analyzer, text, "should be investigated")
    assert a["speaker"] == "Nelson"


@pytest.mark.parametrize("text", ["The sun rose over Moscow on a cold morning.", "Starlink terminals cost money."])
def test_no_attribution_where_nobody_speaks(analyzer, text):
    assert found(analyzer, text) == []


def test_offsets_slice_the_text(analyzer):
    text = "Ian Bremmer wrote that Musk had told him he had spoken with Putin and Kremlin officials about Ukraine."
    for a in found(analyzer, text):
        for role in ("source", "cue"):
            if a[role]:
                assert text[a[role]["start"] : a[role]["end"]] == a[role]["text"]
        for start, end in a["content"]["pieces"]:
            assert text[start:end] in a["content"]["text"]


def test_the_outlet_a_source_spoke_to_is_read_from_the_sentence():
    assert addressed_outlets("It should be investigated, Nelson told Semafor's Burgess Everett.") == ["Semafor"]
    assert addressed_outlets("Officials told the Journal they were unaware.") == ["Journal"]
    assert addressed_outlets("She told reporters on Friday.") == []


def test_a_quotation_broken_by_its_speaker_is_one_attribution_in_two_pieces(analyzer):
    text = "“We will win this case,” Brafman said, “because I have never lost one like it in thirty years.”"
    (a,) = [x for x in found(analyzer, text) if "win this case" in x["content"]["text"]]
    assert a["speaker"] == "Brafman" and a["kind"] == "direct"
    assert a["content"]["text"] == "We will win this case, … because I have never lost one like it in thirty years."


def test_candidates_after_a_topic_preposition(analyzer):
    """ "agreed with X on the issue": the phrase after the preposition is a candidate, weighed by the
    model; a phrase after "in" or "at" (a place, a time) is not offered."""
    from nlp.attribution_candidates import candidates

    text = "Many voters at his rallies agreed with Mr. Trump on the issue of trade in Iowa."
    doc = analyzer.nlp(text)
    offered = {(c.preposition, text[c.start : c.end]) for c in candidates(doc) if c.kind == "prep"}
    assert ("with", "Mr. Trump") in offered
    assert not any(p in ("in", "at") for p, _ in offered)


@pytest.mark.parametrize(
    ("text", "content_part", "not_speaker"),
    [
        ("A spokeswoman for Vladimir Putin said the talks had ended in March.", "talks had ended", "Vladimir Putin"),
        (
            "The billionaire's conversations with Vladimir Putin highlight his growing taste for geopolitics.",
            "growing taste",
            "Vladimir Putin",
        ),
    ],
)
def test_a_person_named_inside_the_speakers_phrase_is_not_the_speaker(analyzer, text, content_part, not_speaker):
    """The phrase's head word says who speaks: a spokeswoman, conversations, not the person named after it."""
    a = one(analyzer, text, content_part)
    assert a["speaker"] != not_speaker and a["speaker_type"] != "named"


def test_a_speaker_after_a_headline_the_parser_ran_into_keeps_the_name(analyzer):
    """The parser may head the subject "Musk talks to Putin\n\nNASA Director Bill Nelson" with the
    headline's "talks": the line break cuts that off, and the name left on the line speaks."""
    from nlp.attributions import attributions_of

    text = "Musk talks to Putin\n\nNASA Director Bill Nelson on Friday called for an investigation."
    analysis = analyzer.analyze(text)
    item = {
        "content": [[text.index("an investigation"), len(text) - 1]],
        "cue": [text.index("called"), text.index("called") + len("called for")],
        "source": [0, text.index(" on Friday")],
        "speaker_piece": [0, text.index(" on Friday")],
        "speaker_head": "talks",
        "cue_lemma": "call",
        "direct": False,
        "p": 0.9,
    }
    starts = [sentence.start for sentence in analysis.sentences]
    (attribution,) = attributions_of([item], text, analysis.mentions, analysis.entities, starts)
    assert (attribution.speaker, attribution.speaker_type) == ("Bill Nelson", "named")


def test_a_speaker_set_inside_the_clause_has_the_clause_around_it(analyzer):
    """ "The plan, an inside source said, is to ...": the words on both sides are the source's."""
    from nlp.attribution_candidates import candidates

    text = "The plan, an inside source said, is to have volunteers pass out reprints of the editorial."
    asides = [c for c in candidates(analyzer.nlp(text)) if c.kind == "aside"]
    assert [[text[s:e] for s, e in c.content] for c in asides] == [
        ["The plan", "is to have volunteers pass out reprints of the editorial"]
    ]
    assert text[slice(*asides[0].source)] == "an inside source"


def test_what_someone_seems_to_do_is_the_writers_reading_not_their_words(analyzer):
    from nlp.attribution_candidates import candidates

    text = "Mr. Clinton does not seem to be relishing the fight with the Republicans this year."
    seeming = [c for c in candidates(analyzer.nlp(text)) if c.cue and "seem" in text[slice(*c.cue)]]
    assert seeming and all(c.source is None for c in seeming)


def _quotations(analyzer, text: str) -> list[tuple[list[str], str | None, str | None]]:
    from nlp.attribution_candidates import candidates

    return [
        ([text[s:e] for s, e in c.content], c.cue and text[slice(*c.cue)], c.source and text[slice(*c.source)])
        for c in candidates(analyzer.nlp(text))
        if c.kind == "quote"
    ]


def test_a_quotation_between_doubled_apostrophes_is_a_quotation(analyzer):
    text = "''I would have been all in on the plan,'' Mr. Regalado, the mayor of Miami, said on Tuesday."
    assert _quotations(analyzer, text) == [
        (["I would have been all in on the plan,"], "said", "Mr. Regalado, the mayor of Miami")
    ]
    a = one(analyzer, text, "all in on the plan")
    assert (a["speaker"], a["kind"]) == ("Regalado", "direct")


def test_a_scare_quote_does_not_pair_its_closing_mark_with_the_next_quotation(analyzer):
    text = (
        'He said that is a "distortion," describing the security team as highly accomplished. '
        '"These guys were heroes to all of us," he said.'
    )
    assert _quotations(analyzer, text) == [(["These guys were heroes to all of us,"], "said", "he")]


def test_a_quotation_running_into_the_next_paragraph_reopens_there(analyzer):
    text = (
        '"We are going to fight for every vote in this state.\n\n'
        '"And we are going to win it in November," the senator said.'
    )
    contents = [content for content, _, _ in _quotations(analyzer, text)]
    assert ["And we are going to win it in November,"] in contents
    assert not any("\n" in piece for content in contents for piece in content)


def test_a_speaker_in_the_sentence_after_a_question_is_the_quotations_cue(analyzer):
    """ "Who ...?" ends its sentence for the parser; the verb of saying is the next one's, not
    one in the sentence before the quotation."""
    text = (
        "Trump reported income from an investment in the company. "
        "“Who do they think they are?” Trump said of Apple in February."
    )
    assert _quotations(analyzer, text) == [(["Who do they think they are?"], "said", "Trump")]


def test_a_quantifier_is_never_a_speaker(analyzer):
    text = "Musk wrote on X that nobody should trust Bremmer. Nobody said the deal was signed."
    assert all((a["speaker"] or "").lower() != "nobody" for a in found(analyzer, text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("MOSCOW, Oct 26 - Kremlin spokesman Dmitry Peskov said Putin had never spoken with Musk.", "Dmitry Peskov"),
        ("WASHINGTON (AP) — The Pentagon said on Monday that the strike had killed the commander.", "Pentagon"),
        (
            "MAIDUGURI, Nigeria — The leader of the group has denied that it agreed to any cease-fire.",
            "The leader of the group",
        ),
        ("NEW YORK (Reuters) - Apple said it would open a store in the city.", "Apple"),
    ],
)
def test_a_dateline_the_parser_takes_for_a_subject_is_never_the_speaker(analyzer, text, speaker):
    """The parser makes the dateline's place a second subject of the sentence's verb."""
    assert [a["speaker"] for a in found(analyzer, text)] == [speaker]


def test_a_name_in_capitals_is_no_dateline_without_its_place(analyzer):
    assert [a["speaker"] for a in found(analyzer, "NASA said the launch would be delayed by a week.")] == ["NASA"]


def test_a_definite_unnamed_source_is_the_one_named_before(analyzer):
    text = (
        "One person aware of the conversations said the government faces a dilemma. "
        "“They don’t love it,” the person said."
    )
    speakers = [a["speaker"] for a in found(analyzer, text)]
    assert speakers and all(s.startswith("One person aware") for s in speakers if s)


def test_a_nationality_or_a_place_before_an_outlet_word_is_not_the_outlet(analyzer):
    """What "French website iGen reports …" tells is told by a website, not by the French (nor a city)."""
    for text, said, place in (
        ("Citing an unnamed source, French website iGen reports Apple will price the watch at $500.", "$500", "French"),
        ("The Moscow newspaper reported that Musk and Putin had spoken twice.", "spoken twice", "Moscow"),
    ):
        analysis = analyzer.analyze(text)
        (told,) = [a for a in analysis.attributions if said in a.to_json(text)["content"]["text"]]
        assert told.speaker_type == "outlet"
        linked = analysis.mentions[told.speaker_mention].text if told.speaker_mention is not None else None
        assert linked != place, f"{text!r}: the outlet was linked to {linked!r}"
    text = "The Wall Street Journal newspaper reported that Musk and Putin had spoken twice."
    (told,) = analyzer.analyze(text).attributions
    assert told.speaker_mention is not None  # an organisation's name before the outlet word is the outlet
