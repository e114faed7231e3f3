"""The chat command table: how a message becomes a handler's arguments."""

from handlers.commands import dispatch


def test_a_file_link_in_chat_is_refused_by_its_scheme(ctx):
    reply = dispatch(ctx, "/ingest file:///etc/passwd")
    assert not reply.ok
    assert reply.title == (
        "file:///etc/passwd: file:// links are not accepted in chat: send an http(s) link or paste the article's text"
    )
    assert ctx.store.article_count() == 0


def test_an_ftp_link_beside_a_web_link_is_refused_alone(ctx, site):
    site.routes["/a"] = (404, {"Content-Type": "text/plain"}, b"gone")
    reply = dispatch(ctx, f"/ingest <{site.url('/a')}> ftp://files.example/story.txt")
    assert [(a["source"], a["status"]) for a in reply.data["articles"]] == [
        (site.url("/a"), "failed"),
        ("ftp://files.example/story.txt", "failed"),
    ]
    assert "ftp:// links are not accepted in chat" in reply.data["articles"][1]["error"]
