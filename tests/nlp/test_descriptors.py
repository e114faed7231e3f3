"""Descriptors read from the parse, each pattern on a short text written for it."""


def described(analyzer, text: str, name: str) -> list[str]:
    analysis = analyzer.analyze(text)
    entity = next(e for e in analysis.entities if e.name == name)
    return [analysis.descriptors[i].text for i in entity.descriptors]


def test_appositive(analyzer):
    text = "The officials included Sergei Kiriyenko, Putin’s first deputy chief of staff, who denied it."
    assert described(analyzer, text, "Sergei Kiriyenko") == ["Putin’s first deputy chief of staff"]


def test_title_prefix(analyzer):
    assert described(analyzer, "NASA Director Bill Nelson called for an inquiry.", "Bill Nelson") == ["NASA Director"]


def test_a_form_of_address_is_no_description(analyzer):
    text = "American journalist Mr James Foley was killed in Syria. Mr. Sanders said the plan would fail."
    assert described(analyzer, text, "James Foley") == ["American journalist"]
    assert described(analyzer, text, "Sanders") == []


def test_x_comma_a_y(analyzer):
    text = "Dmitri Alperovitch, a Russia expert, said it was essential."
    assert described(analyzer, text, "Dmitri Alperovitch") == ["Russia expert"]


def test_founder_of(analyzer):
    text = "Political scientist Ian Bremmer, founder of consulting firm Eurasia Group, wrote on Friday."
    assert "founder of consulting firm Eurasia Group" in described(analyzer, text, "Ian Bremmer")


def test_descriptor_offsets_slice_the_text(analyzer):
    analysis = analyzer.analyze("Kremlin spokesman Dmitry Peskov said so. Chinese leader Xi Jinping agreed.")
    assert analysis.descriptors
    for descriptor in analysis.descriptors:
        assert analysis.text[descriptor.start : descriptor.end] == descriptor.text


def test_a_verb_before_a_name_is_not_a_descriptor(analyzer):
    text = "His fortune is helping fund Donald Trump’s campaign."
    assert described(analyzer, text, "Donald Trump") == []


def test_a_heading_above_a_paragraph_does_not_describe_its_first_name(analyzer):
    text = (
        "The Associated Press update:\n\nObama, Putin discuss Ukraine, missile treaty\n\n"
        "WASHINGTON (AP) — Capping a week of talks, President Barack Obama spoke."
    )
    assert described(analyzer, text, "Barack Obama") == ["President"]
