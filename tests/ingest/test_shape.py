"""Is it an article? Prose is; a password file, a CSV, a log, code and a configuration file are not."""

import textwrap

import pytest

from ingest import FetchPolicy, IngestError, load_source, load_text
from ingest.shape import not_an_article

POLICY = FetchPolicy()

PASSWD = """\
root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
systemd-timesync:x:997:997:systemd Time Synchronization:/:/usr/sbin/nologin
newsroom:x:1000:1000:Newsroom Bot,,,:/home/newsroom:/bin/bash
"""
PRICES = """\
date,ticker,name,open,close,volume
2024-10-01,ACME,Acme Corporation,12.10,12.45,104500
2024-10-02,ACME,Acme Corporation,12.45,12.20,98200
2024-10-03,ACME,Acme Corporation,12.20,12.90,150300
2024-10-04,GLBX,Globex International,40.00,41.25,52000
2024-10-07,GLBX,Globex International,41.25,40.80,47750
"""
SERVICE_LOG = """\
2024-10-25 08:00:01 INFO starting the newsroom bot with the console and the Slack connection
2024-10-25 08:00:02 INFO loaded the spaCy model en_core_web_sm in 1.8 seconds from the cache
2024-10-25 08:03:17 WARNING the digest for the general channel is running three minutes late
2024-10-25 08:03:18 INFO posted the digest for the general channel with four new names in it
2024-10-25 08:10:44 ERROR could not fetch the page because the server answered with an error
"""
PYTHON = '''\
"""Count the words in the files given on the command line, and print the total for each of them."""

import sys
from pathlib import Path


def count_words(path: Path) -> int:
    """The number of words in the file, split on any run of white space between them."""
    return len(path.read_text(encoding="utf-8").split())


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, count_words(Path(name)))
'''
INI = """\
# Settings for the newsroom bot on the shared server in the office
[server]
host = news.example.org
port = 8080
log_level = info

# how often the digest is posted to each channel, in minutes
[digest]
interval = 60
channel = general
"""
WIRE_FLASH = "Police in Munich say a gunman opened fire at a shopping centre, killing several people."
HEADLINE_AND_FLASH = "Musk talks to Putin\nBill Nelson called for an inquiry into the reported calls."
ARTICLE = """\
Senate passes spending bill after all-night session

WASHINGTON (AP) — The Senate passed a $1.2 trillion spending bill early Saturday, hours after a midnight \
deadline, averting a lengthy government shutdown.

The vote was 74-24. The House had approved the package on Friday, and President Joe Biden said he would \
sign it as soon as it reached his desk.

"This is a good day for the country," the Senate majority leader told reporters, adding that the two \
parties had worked through the night to settle their last differences.

Photo: Reuters
"""


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        (PASSWD, "a table of values"),
        (PRICES, "a table of values"),
        (SERVICE_LOG, "a log"),
        (PYTHON, "program code"),
        (INI, "a configuration file"),
    ],
    ids=["passwd", "csv", "log", "python", "ini"],
)
def test_a_file_that_is_not_news_is_refused_saying_what_it_looks_like(text, looks_like):
    assert not_an_article(text) == looks_like
    with pytest.raises(IngestError) as refused:
        load_text(text, POLICY)
    assert str(refused.value) == f"This looks like {looks_like}, not an article [I014]"


@pytest.mark.parametrize(
    "text",
    [WIRE_FLASH, HEADLINE_AND_FLASH, ARTICLE, textwrap.fill(ARTICLE.replace("\n\n", " "), 60)],
    ids=["one-sentence flash", "headline and flash", "article", "hard-wrapped article"],
)
def test_news_is_an_article(text):
    assert not_an_article(text) is None
    assert load_text(text, POLICY).text == text.strip()


def test_a_one_sentence_flash_of_fifteen_words_is_an_article():
    assert len(WIRE_FLASH.split()) == 15
    assert load_text(WIRE_FLASH, POLICY).text == WIRE_FLASH


def test_a_password_file_given_by_path_is_refused(tmp_path):
    path = tmp_path / "passwd"
    path.write_text(PASSWD, encoding="utf-8")
    with pytest.raises(IngestError, match=r"^This looks like a table of values, not an article \[I014\]$"):
        load_source(str(path), POLICY)


def test_prose_in_a_docstring_does_not_make_a_program_an_article(tmp_path):
    documented = PYTHON.replace('"""Count', '"""Count\n\n' + ARTICLE.replace('"', "'") + "\n")
    path = tmp_path / "count.py"
    path.write_text(documented, encoding="utf-8")
    with pytest.raises(IngestError, match="looks like program code"):
        load_source(str(path), POLICY)
