from pathlib import Path

from handlers.ingest import IngestRequest, ingest
from tests.conftest import SAMPLES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def sample(name: str, outlet: str) -> IngestRequest:
    return IngestRequest(source=str(SAMPLES / name), outlet=outlet, published="2024-10-24")


def test_articles_are_stored_with_outlets_and_reused_entities(ctx):
    reply = ingest(ctx, [sample("wsj-musk-putin.txt", "The Wall Street Journal"), sample("cnn-musk-putin.txt", "CNN")])
    assert reply.ok and reply.data["new"] == 2
    assert [a["outlet"] for a in reply.data["articles"]] == ["The Wall Street Journal", "CNN"]
    # "Elon Musk" in the second article joins the entity made from the first.
    musk = ctx.store.find_entities("Elon Musk")
    assert len(musk) == 1 and musk[0].article_count == 2


def test_the_same_article_twice_is_reported_as_a_duplicate(ctx):
    first = ingest(ctx, [sample("cnn-musk-putin.txt", "CNN")])
    again = ingest(ctx, [sample("cnn-musk-putin.txt", "CNN")])
    assert again.ok and again.data["duplicate"] == 1 and again.data["new"] == 0
    assert again.data["articles"][0]["article_id"] == first.data["articles"][0]["article_id"]
    assert "Already ingested as #1" in again.title


def test_pasted_text_twice_in_one_batch_is_stored_once(ctx):
    text = (SAMPLES / "fortune-musk-putin.txt").read_text()
    reply = ingest(ctx, [IngestRequest("pasted", text=text), IngestRequest("pasted", text=text)])
    assert [a["status"] for a in reply.data["articles"]] == ["new", "duplicate"]


def test_html_and_markdown_files(ctx):
    reply = ingest(ctx, [IngestRequest(str(FIXTURES / "article.html")), IngestRequest(str(FIXTURES / "article.md"))])
    html, markdown = reply.data["articles"]
    assert html["outlet"] == "Example Gazette" and html["published"] == "2024-10-26"
    assert markdown["title"] == "Starlink over Taiwan"
    assert ctx.store.find_entities("Dmitry Peskov")


def test_a_bad_input_fails_alone_and_stores_nothing(ctx, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    reply = ingest(ctx, [IngestRequest(str(empty)), sample("cnn-musk-putin.txt", "CNN")])
    assert not reply.ok
    assert reply.data["articles"][0] == {
        **reply.data["articles"][0],
        "status": "failed",
        "error": "Empty: there is no text to ingest [I001]",
    }
    assert reply.data["new"] == 1 and ctx.store.article_count() == 1


def test_progress_is_reported(ctx):
    notes: list[str] = []
    ingest(ctx, [sample("cnn-musk-putin.txt", "CNN")], progress=notes.append)
    assert notes[0].startswith("Reading ") and any("Analysing 1 article" in n for n in notes)


def test_posting_user_and_channel_are_kept(ctx):
    ingest(ctx, [sample("cnn-musk-putin.txt", "CNN")], posted_by="U1", posted_in="C1")
    row = ctx.store.db.execute("SELECT posted_by, posted_in FROM articles").fetchone()
    assert row == ("U1", "C1")


def test_a_file_that_is_not_an_article_is_refused_in_one_line_and_nothing_is_stored(ctx, tmp_path):
    passwd = tmp_path / "passwd"
    passwd.write_text(
        "root:x:0:0:root:/root:/bin/bash\n"
        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
        "systemd-timesync:x:997:997:systemd Time Synchronization:/:/usr/sbin/nologin\n"
        "newsroom:x:1000:1000:Newsroom Bot,,,:/home/newsroom:/bin/bash\n"
    )
    reply = ingest(ctx, [IngestRequest(str(passwd))])
    assert not reply.ok and reply.data["failed"] == 1
    assert reply.title == f"{passwd}: This looks like a table of values, not an article [I014]"
    assert not reply.sections and "\n" not in reply.title
    assert ctx.store.article_count() == 0 and not ctx.store.find_entities("Time Synchronization")
