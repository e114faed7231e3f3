from pathlib import Path

import pytest

from ingest import FetchPolicy, IngestError, content_hash, load_source, load_text
from ingest.language import looks_english

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POLICY = FetchPolicy()
ENGLISH = (
    "Kremlin spokesman Dmitry Peskov said there had been only one telephone call "
    "between the two men, and that they had discussed space and technologies of the future. "
    "The White House said it could not confirm the report, which was published on Thursday."
)


def test_plain_text_file_is_kept_exactly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("  " + ENGLISH + "\r\n", encoding="utf-8")
    document = load_source(str(path), POLICY)
    assert document.text == "  " + ENGLISH + "\r\n"
    assert document.content_type == "text/plain"


def test_html_file_gives_main_text_and_metadata():
    document = load_source(str(FIXTURES / "article.html"), POLICY)
    assert "Dmitry Peskov said on Friday" in document.text
    assert "Copyright" not in document.text and "Home" not in document.text
    assert document.title == "Peskov denies regular contacts"
    assert document.author == "Jane Roe"
    assert document.published == "2024-10-26"
    assert document.site_name == "Example Gazette"
    assert document.canonical_url == "https://gazette.example/world/peskov-denies"


def test_markdown_file_loses_its_markup_and_keeps_front_matter():
    document = load_source(str(FIXTURES / "article.md"), POLICY)
    assert document.title == "Starlink over Taiwan"
    assert document.published == "2024-10-27"
    assert "Vladimir Putin asked Elon Musk to avoid" in document.text
    assert "**" not in document.text and "](" not in document.text and "\n>" not in document.text


def test_stdin(tmp_path):
    import io

    document = load_source("-", POLICY, stdin=io.BytesIO(ENGLISH.encode()))
    assert document.source == "stdin" and document.text == ENGLISH


def test_pasted_html_is_extracted():
    html = (FIXTURES / "article.html").read_text()
    assert "Dmitry Peskov said on Friday" in load_text(html, POLICY).text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "Empty"),
        (b"   \n\t ", "Empty"),
        (b"%PDF-1.7 binary stuff", "looks like a PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"abc\x00def" * 10, "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_empty_and_binary_files_are_refused(tmp_path, body, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(body)
    with pytest.raises(IngestError, match=message):
        load_source(str(path), POLICY)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(IngestError, match="Too large"):
        load_source(str(path), FetchPolicy(max_bytes=1024))


def test_too_long_text_is_refused():
    with pytest.raises(IngestError, match="Too long"):
        load_text(ENGLISH * 10, FetchPolicy(max_chars=100))


def test_missing_file():
    with pytest.raises(IngestError, match="No such file"):
        load_source("/nonexistent/article.txt", POLICY)


def test_non_english_text_is_refused():
    german = (
        "Der Sprecher des Kremls sagte am Freitag, dass es nur ein einziges Telefonat "
        "zwischen den beiden Männern gegeben habe. Die Zeitung berief sich auf mehrere "
        "aktuelle und ehemalige Beamte aus den Vereinigten Staaten und Europa."
    )
    russian = "Пресс-секретарь Кремля Дмитрий Песков заявил, что был только один телефонный звонок."
    assert not looks_english(german) and not looks_english(russian)
    assert looks_english(ENGLISH)
    with pytest.raises(IngestError, match="Not English"):
        load_text(german, POLICY)


def test_content_hash_folds_case_spacing_and_quote_style():
    assert content_hash("He said “no”.\n\nIt’s over.") == content_hash('he said "no". it\'s   over.')
    assert content_hash("‘Yes’") == content_hash("'yes'")
    assert content_hash("one text") != content_hash("another text")


def test_standard_input_over_the_limit_is_refused_with_its_real_size():
    import io

    with pytest.raises(IngestError) as refused:
        load_source("-", POLICY, stdin=io.BytesIO(b"news " * (10 * 1024 * 1024)))  # 50 MB
    assert str(refused.value) == "Too large: 50.0 MB on standard input; the limit is 5 MB [I009]"
