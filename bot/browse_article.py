"""A Datasette plugin for `newsroom browse`: the article page a reporter reads, at /-/article/ID.

Title, outlet name, date, the link (its URL, or for a file only the file's name, never a path on
the server), the text, and who is quoted in it. Datasette's own row page of the raw table shows
ids and hashes; this route reads the same read-only database and renders ``article.html``.
A module of its own because Datasette registers plugins as modules."""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from bot import messages
from handlers.statements import public_link

ARTICLE_ROUTE = r"^/-/article/(?P<id>\d+)$"


def article_path(article_id: int) -> str:
    """Where an article's page is."""
    return f"/-/article/{article_id}"


async def article_page(datasette, request):  # noqa: ANN001, ANN201 - Datasette's view signature
    db = datasette.get_database()
    article_id = int(request.url_vars["id"])
    found = await db.execute(
        """SELECT a.id, a.title, o.name, a.published, a.url, a.source, a.text FROM articles a
           LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?""",
        [article_id],
    )
    row = found.first()
    if row is None:
        raise NotFound(messages.BROWSE_NO_ARTICLE(article_id=article_id))
    quoted = await db.execute(
        """SELECT speaker, cue, act, sentence FROM statement_sources
           WHERE article_id = ? AND act != 'the outlet''s own' ORDER BY statement_id""",
        [article_id],
    )
    link = public_link(row["url"], row["source"])
    context = {
        "article": {
            "id": row["id"],
            "title": row["title"],
            "outlet": row["name"] or "unknown outlet",
            "published": row["published"] or "date unknown",
            "link": link,
            "href": row["url"] if (row["url"] or "").startswith(("http://", "https://")) else None,
            "paragraphs": [p.strip() for p in (row["text"] or "").split("\n") if p.strip()],
        },
        "quoted": [dict(r) for r in quoted.rows],
        "database": db.name,
    }
    return Response.html(await datasette.render_template("article.html", context, request=request))


@hookimpl
def register_routes(datasette):  # noqa: ANN001, ANN201 - Datasette's hook
    return [(ARTICLE_ROUTE, article_page)]
