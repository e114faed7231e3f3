"""Headline lines recased as the body writes their words, for the tagger and the entity model only."""

from nlp.truecase import is_shouted, truecased

BODY = "The Colts beat the Chiefs on Sunday and clinched a berth in the NFL playoffs at Arrowhead."


def test_a_line_of_capitals_is_cased_as_the_body_writes_its_words():
    text = f"COLTS BEAT CHIEFS 20-13 TO CLINCH PLAYOFF BERTH IN MVC\n{BODY}"
    cased = truecased(text)
    assert cased.split("\n")[0] == "Colts beat Chiefs 20-13 to clinch playoff berth in MVC"
    assert len(cased) == len(text) and cased.endswith(BODY)


def test_a_title_case_line_keeps_the_capitals_of_words_the_body_never_writes():
    text = "Lindsay Lohan Checks Into Rehab After Court Hearing\nShe checked into rehab on Friday, a court heard."
    assert truecased(text).split("\n")[0] == "Lindsay Lohan checks into rehab after court Hearing"


def test_prose_and_a_text_that_is_all_headline_are_left_alone():
    assert truecased(BODY) == BODY
    assert truecased("COLTS BEAT CHIEFS\nREACH PLAYOFFS") == "COLTS BEAT CHIEFS\nREACH PLAYOFFS"
    assert not is_shouted("NFL playoffs") and is_shouted("COLTS BEAT CHIEFS")


def test_names_in_a_headline_of_capitals_are_found_and_kept_as_written(analyzer):
    text = f"WLADIMIR KLITSCHKO RETAINS HIS TITLE AGAINST THE COLTS\nWladimir Klitschko kept his belts. {BODY}"
    analysis = analyzer.analyze(text)
    assert analysis.text == text
    headline = [m.text for m in analysis.mentions if m.start < text.index("\n")]
    assert "WLADIMIR KLITSCHKO" in headline
    for mention in analysis.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_a_headline_word_the_body_never_writes_is_no_name(analyzer):
    text = "Iran Villagers Shelter In Tents After Killer Quake\nVillagers in Iran slept in tents after the quake."
    names = {m.text for m in analyzer.analyze(text).mentions}
    assert "Iran" in names and "Killer" not in names


def test_a_batch_gives_back_each_text_as_written_with_the_same_names(analyzer):
    """analyze_many hands each parsed Doc the text it was given: the original, not the recased copy."""
    texts = [f"WLADIMIR KLITSCHKO RETAINS HIS TITLE AGAINST THE COLTS\nWladimir Klitschko kept his belts. {BODY}", BODY]
    batch = list(analyzer.analyze_many(texts, batch_size=1))
    assert [a.text for a in batch] == texts
    assert [a.mentions for a in batch] == [analyzer.analyze(t).mentions for t in texts]
