"""`newsroom browse` in a real headless Chromium: the front page a reporter sees, a speaker search,
an article's page, the entity view, the disputed claims, and a write refused. Skipped, with the
reason, where no Chromium is installed. With $BROWSE_SCREENSHOTS set, the screenshots land there too
(docs/ holds the ones made so)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.fakes.local_server import free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
NEWSROOM = Path(sys.executable).with_name("newsroom")
STARTUP_SECONDS = 60  # a loaded 2-core machine can be slow to import Datasette

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="no Chromium here: `apt-get install chromium chromium-driver` (CI installs them)",
)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


@pytest.fixture
def browse(seeded_template, tmp_path):
    """`newsroom browse` on a copy of the sample store; yields its base URL."""
    db = tmp_path / "newsroom.db"
    shutil.copyfile(seeded_template, db)
    port = free_port()
    server = subprocess.Popen(
        [str(NEWSROOM), "--db", str(db), "browse", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while _status(f"{base}/-/versions.json") != 200:
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"newsroom browse did not start: {server.communicate()[0].decode()[-2000:]}")
        time.sleep(0.1)
    yield base, db
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def chromium(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium'}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _shot(driver, tmp_path, name: str) -> None:
    """A screenshot in tmp_path, and in $BROWSE_SCREENSHOTS when set (how docs/ gets its pictures)."""
    driver.save_screenshot(str(tmp_path / name))
    if folder := os.environ.get("BROWSE_SCREENSHOTS"):
        driver.save_screenshot(str(Path(folder) / name))


def test_the_front_page_offers_the_reporters_questions_not_the_raw_tables(browse, chromium, tmp_path):
    from selenium.webdriver.common.by import By

    base, db = browse
    chromium.get(base)
    page = chromium.find_element(By.TAG_NAME, "body").text
    for offered in ("Who is", "What did", "Denials", "Disputed claims", "Articles by outlet", "Who said what"):
        assert offered in page
    for raw in ("mentions", "statement_entities", "aliases", "_sqlite_migrations", "apscheduler_jobs"):
        assert raw not in page
    assert page.index("Ask the store") < page.index("raw tables")
    _shot(chromium, tmp_path, "browse-front.png")


def test_a_speaker_search_finds_peskov_and_his_article_page_reads_well(browse, chromium, tmp_path):
    from selenium.webdriver.common.by import By

    base, db = browse
    chromium.get(base)
    box = chromium.find_element(By.CSS_SELECTOR, "form[action$='/search_statements'] input[name=q]")
    box.send_keys("Peskov")
    box.submit()
    found = chromium.find_element(By.TAG_NAME, "body").text
    assert "Dmitry Peskov" in found and "denied to" in found
    _shot(chromium, tmp_path, "browse-speaker-search.png")

    chromium.find_element(By.LINK_TEXT, "article 2").click()
    article = chromium.find_element(By.TAG_NAME, "body").text
    assert chromium.find_element(By.CSS_SELECTOR, "h1.article-title").text.startswith("Elon Musk, whose estimated")
    assert chromium.find_element(By.CSS_SELECTOR, ".article-outlet").text == "Fortune"
    assert chromium.find_element(By.CSS_SELECTOR, ".article-date").text == "2024-10-25"
    assert chromium.find_element(By.CSS_SELECTOR, ".article-link").text == "fortune-musk-putin.txt"
    assert "Putin spokesman Dmitri Peskov denied to the paper" in article  # the text, and who is quoted
    assert not re.search(r"\b[0-9a-f]{64}\b", article) and "/examples/" not in article  # no hash, no path
    _shot(chromium, tmp_path, "browse-article.png")


def test_an_editor_finds_an_entity_and_the_disputed_claims_the_digest_finds(browse, chromium, tmp_path):
    from selenium.webdriver.common.by import By

    base, db = browse
    chromium.get(f"{base}/newsroom/entity_profiles?name__contains=Kiriyenko")
    page = chromium.find_element(By.TAG_NAME, "body").text
    assert "Sergei Kiriyenko" in page and "Putin’s first deputy chief of staff" in page
    assert "People and organisations, with their other names" in page  # the view's description

    chromium.get(f"{base}/newsroom/articles?_search=Kiriyenko")
    assert "2 rows where search matches" in chromium.find_element(By.TAG_NAME, "body").text

    chromium.get(f"{base}/newsroom/disputed_claims")
    disputed = chromium.find_element(By.TAG_NAME, "body").text
    assert "Dmitry Peskov" in disputed  # his denial, which /compare and the digest show
    _shot(chromium, tmp_path, "browse-disputed.png")


def test_the_browser_never_writes(browse):
    base, db = browse
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert _status(f"{base}/newsroom.json?sql=DELETE+FROM+articles") == 400
    assert _status(f"{base}/newsroom.json?sql=SELECT+COUNT(*)+FROM+articles") == 200
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == before == 3
