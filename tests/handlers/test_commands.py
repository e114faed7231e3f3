"""The chat command table: how a message becomes a handler's arguments."""

from handlers.commands import dispatch
from handlers.compare import compare


def test_a_file_link_in_chat_is_refused_by_its_scheme(ctx):
    reply = dispatch(ctx, "/ingest file:///etc/passwd")
    assert not reply.ok
    assert reply.title == (
        "file:///etc/passwd: file:// links are not accepted in chat: send an http(s) link or paste the article's text"
        " [H038]"
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


def test_help_on_a_command_shows_its_help_and_not_its_programmers_sections(ctx):
    reply = dispatch(ctx, "/help compare")
    shown = reply.title + "\n" + "\n".join(s.text for s in reply.sections)
    assert reply.title.startswith("/compare CLAIM — ")
    assert "--page N shows the rest of the evidence" in shown
    for section in ("Args:", "Returns:", "Raises:", "ctx:"):
        assert section not in shown
    assert "Args:" in (compare.__doc__ or "")  # the docstring documents the function all the same


def test_help_on_a_command_whose_docstring_is_one_line_and_sections_has_no_details(ctx):
    reply = dispatch(ctx, "/help watching")
    assert reply.title.startswith("/watching — ")
    assert reply.sections == []
