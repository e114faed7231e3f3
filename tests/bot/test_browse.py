"""`newsroom browse` in a real headless Chromium: the entity view, a full-text search, a link to an
article, and a write refused. Skipped, with the reason, where no Chromium is installed."""

from __future__ import annotations

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


def test_an_editor_finds_an_entity_searches_and_opens_the_article(browse, chromium, tmp_path):
    from selenium.webdriver.common.by import By

    base, db = browse
    chromium.get(f"{base}/newsroom/entity_profiles?name__contains=Kiriyenko")
    page = chromium.find_element(By.TAG_NAME, "body").text
    assert "Sergei Kiriyenko" in page and "Putin’s first deputy chief of staff" in page
    assert "People and organisations, with their other names" in page  # the view's description
    chromium.save_screenshot(str(tmp_path / "entity.png"))

    chromium.find_element(By.LINK_TEXT, "article 1").click()
    assert "The Wall Street Journal" in chromium.find_element(By.TAG_NAME, "body").text or "articles" in chromium.title

    chromium.get(f"{base}/newsroom/articles?_search=Kiriyenko")
    found = chromium.find_element(By.TAG_NAME, "body").text
    assert "2 rows where search matches" in found

    chromium.get(f"{base}/newsroom/said_by?speaker=Peskov")
    assert "Dmitry Peskov" in chromium.find_element(By.TAG_NAME, "body").text


def test_the_browser_never_writes(browse):
    base, db = browse
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert _status(f"{base}/newsroom.json?sql=DELETE+FROM+articles") == 400
    assert _status(f"{base}/newsroom.json?sql=SELECT+COUNT(*)+FROM+articles") == 200
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == before == 3
