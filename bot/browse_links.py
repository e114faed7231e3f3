"""A Datasette plugin for `newsroom browse`: an article id in any view or query links to the
article's page (``browse_article``), and a file path never shows, only the file's name.

A module of its own because Datasette registers plugins as modules."""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape

from bot.browse_article import article_path

ARTICLE_COLUMNS = {"article_id", "first_article_id", "denial_article_id", "claim_article_id"}


@hookimpl
def render_cell(value, column, table, database, datasette):  # noqa: ANN001, ANN201 - Datasette's hook
    if column in ARTICLE_COLUMNS and isinstance(value, int) and table != "articles":
        path = datasette.urls.path(article_path(value))
        return Markup(f'<a href="{escape(path)}">article {value}</a>')
    return None
