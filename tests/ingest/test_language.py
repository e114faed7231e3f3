"""Language and length: CLD2 decides the language, a floor of words and sentences the length."""

import pytest

from ingest import FetchPolicy, IngestError, load_text
from ingest.language import claim_language, looks_english, looks_like_article

POLICY = FetchPolicy()
WIRE_FLASH = "WASHINGTON (AP) — The Senate passed the spending bill 52-48 on Tuesday. It now goes to the House."
RESULTS = (
    "Results: Men's 100m final\n1. Noah Lyles (USA) 9.79\n2. Kishane Thompson (JAM) 9.79\n"
    "3. Fred Kerley (USA) 9.81\n4. Akani Simbine (RSA) 9.82\n5. Marcell Jacobs (ITA) 9.85"
)
STANDINGS = (
    "Premier League table after Saturday's games\nTeam P W D L GD Pts\nArsenal 12 9 2 1 +18 29\n"
    "Liverpool 12 8 3 1 +15 27\nManchester City 12 8 2 2 +20 26\nChelsea 12 7 3 2 +10 24"
)


HEADLINE = "Senate passes the spending bill after a long night"


@pytest.mark.parametrize("text", ["x", "/etc/passwd", "Vladimir Putin", "Breaking news", HEADLINE])
def test_a_word_a_path_or_a_bare_name_is_too_short(text):
    assert not looks_like_article(text)
    with pytest.raises(IngestError, match="Too short to be an article"):
        load_text(text, POLICY)


def test_a_two_sentence_wire_flash_is_an_article():
    assert load_text(WIRE_FLASH, POLICY).text == WIRE_FLASH


def test_a_long_line_without_a_full_stop_is_a_flash():
    flash = "UK aid worker has reportedly been tried by a Sharia court in Syria and found innocent of espionage"
    assert load_text(flash, POLICY).text == flash


@pytest.mark.parametrize("table", [RESULTS, STANDINGS])
def test_english_tables_of_results_are_english(table):
    assert looks_like_article(table) and looks_english(table)
    assert load_text(table, POLICY).text == table


def test_french_news_is_not_english():
    french = (
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites. Les syndicats ont appelé à la "
        "grève dans les transports publics, et le Premier ministre a déclaré qu'il recevrait leurs représentants."
    )
    with pytest.raises(IngestError, match="Not English"):
        load_text(french, POLICY)


@pytest.mark.parametrize(
    ("claim", "language"),
    [
        ("Le président Macron a démissionné hier soir après une longue crise", "French"),
        ("El presidente anunció ayer un nuevo plan de infraestructura", "Spanish"),
        ("Meteorite strike in Nicaragua puzzles experts", None),  # CLD2 alone calls it Guarani
        ("Tim Cook Reportedly Reveals Apple Watch Waterproofing Has Improved", None),
        ("Erdogan visited Ankara, Merkel visited Berlin, Macron visited Paris", None),
        ("Musk and Putin have been in regular contact since late 2022", None),
    ],
)
def test_a_claim_is_taken_for_another_language_only_when_long_and_without_english_words(claim, language):
    assert claim_language(claim) == language
