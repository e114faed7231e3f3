"""Names in headlines are the names the body uses; no name runs across a line break."""

from nlp.headlines import headline_pieces, is_title_case, longest_line_piece, lower_case_stems, stem


def pieces(text: str, span: str, known: set[str]) -> list[str]:
    start = text.index(span)
    found = headline_pieces(text, start, start + len(span), known, lower_case_stems(text))
    return [text[s:e] for s, e in found]


def test_a_headline_keeps_the_names_the_body_uses():
    text = "Obama To Nominate Regina Benjamin As Surgeon General\nThe president will nominate her."
    assert pieces(text, "Obama To Nominate Regina Benjamin", {"obama", "regina benjamin"}) == [
        "Obama",
        "Regina Benjamin",
    ]


def test_without_evidence_a_headline_name_stops_at_a_common_word():
    text = "Paris Store Hit By Jewelry Heist\nThe store was hit on Monday."
    assert pieces(text, "Paris Store Hit", set()) == ["Paris"]


def test_title_case_and_line_pieces():
    assert is_title_case("Lindsay Lohan Checks Into Rehab")
    assert not is_title_case("Lindsay Lohan checked into rehab on Friday.")
    assert is_title_case("Shooter Charged with Two Counts of Murder")  # small words stay lower case
    assert not is_title_case("with that from into")
    text = "in Evansville\nNorth Carolina won"
    start, end = longest_line_piece(text, text.index("Evansville"), text.index(" won"))
    assert text[start:end] == "North Carolina"


def test_a_headline_verb_the_body_writes_in_another_inflection_is_a_common_word():
    """ "Kills" where the body writes "killing": the first five letters ("kills", "killi") differ,
    the stems ("kill") do not."""
    text = "Storm Kills Ten Along Coast\nThe storm hit on Monday, killing ten people."
    assert pieces(text, "Storm Kills Ten", set()) == ["Storm"]
    assert stem("kills") == stem("killed") == stem("killing") == "kill"
    assert stem("running") == "run" and stem("calling") == "call" and stem("checks") == "check"


def test_a_name_the_body_writes_as_a_name_keeps_its_case_in_the_headline(analyzer):
    """A common-word stem never lowers a word the body writes as a name mid-sentence."""
    text = "Bush Vetoes Bill\nThe president, George Bush, said on Monday that the bushes were trimmed."
    assert "Bush" in [m.text for m in analyzer.analyze(text).mentions if m.start < text.index("\n")]
