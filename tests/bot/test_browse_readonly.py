"""`newsroom browse` refuses every write politely: 405 with the methods allowed, never a 500, and
the store unchanged. Datasette's own app with the newsroom's plugins, driven in-process."""

import asyncio
import shutil
import sqlite3

import pytest

from bot.browse import browser

WRITES = [
    ("POST", "/newsroom/articles/1/-/delete"),
    ("POST", "/newsroom/articles/1/-/update"),
    ("POST", "/newsroom/articles/-/insert"),
    ("POST", "/newsroom/articles/-/upsert"),
    ("POST", "/newsroom/articles/-/drop"),
    ("POST", "/newsroom/-/create"),
    ("POST", "/newsroom/-/query"),
    ("POST", "/newsroom/who_is"),
    ("POST", "/newsroom"),
    ("POST", "/newsroom/articles"),
    ("POST", "/-/messages"),
    ("POST", "/-/permissions"),
    ("POST", "/-/allow-debug"),
    ("POST", "/-/logout"),
    ("PUT", "/newsroom/articles/1"),
    ("PATCH", "/newsroom/articles/1"),
    ("DELETE", "/newsroom/articles/1"),
]


@pytest.fixture
def store_file(seeded_template, tmp_path):
    path = tmp_path / "newsroom.db"
    shutil.copyfile(seeded_template, path)
    return path


def count_articles(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_every_write_is_refused_with_405_and_the_store_is_unchanged(store_file):
    datasette = browser(store_file)

    async def send_all():
        await datasette.invoke_startup()
        answers = [
            await datasette.client.request(method, path, json={"row": {"title": "x"}}) for method, path in WRITES
        ]
        return answers, await datasette.client.get("/newsroom/articles.json")

    answers, read = asyncio.run(send_all())
    for (method, path), answer in zip(WRITES, answers, strict=True):
        assert answer.status_code in (403, 405), f"{method} {path}: {answer.status_code}"
        assert answer.headers["allow"] == "GET, HEAD, OPTIONS"
        assert answer.text.count("\n") == 1 and "read-only" in answer.text
    assert read.status_code == 200 and len(read.json()["rows"]) == 3
    assert count_articles(store_file) == 3
