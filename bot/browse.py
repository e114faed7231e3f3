"""`newsroom browse`: the store in the browser through Datasette, read-only.

Datasette reads a database file through ``mode=ro`` connections and runs only SELECT statements,
and every method but GET, HEAD and OPTIONS is refused with 405 (``browse_readonly``), so the browser
cannot change the store; editors' corrections stay in chat and the command line.
The front page (``browse_templates/index.html``) offers a reporter's questions and views; the raw
tables are hidden; the views (migrations 0015, 0021) read well; the canned queries answer the common
questions; every article id links to the article's page (``browse_article``): title, outlet, date,
link and text.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from datasette.app import Datasette
from datasette.plugins import pm

from bot import browse_article, browse_links, browse_readonly
from store import Store

TEMPLATES = Path(__file__).with_name("browse_templates")
#: The reporter's views (migrations 0015 and 0021); every other table is hidden from the front page.
VIEWS = ("entity_profiles", "statement_sources", "disputed_claims")


def raw_tables(db_path: Path) -> list[str]:
    """Every table of the store (the views aside)."""
    store = Store.open(db_path)
    try:
        return store.table_names()
    finally:
        store.close()


def metadata(database: str, hidden: list[str] = ()) -> dict:
    """Titles, descriptions and canned queries for the store named ``database``; ``hidden`` tables
    stay out of sight (the database page lists them under "hidden tables")."""
    tables: dict[str, dict] = {name: {"hidden": True} for name in hidden}
    tables.update(
        {
            "entity_profiles": {
                "title": "People and organisations",
                "description": "People and organisations, with their other names and what outlets call them.",
            },
            "statement_sources": {
                "title": "Who said what",
                "description": "Who said what: speaker and their kind, cue, act and sentence, per article. "
                "To find a speaker's statements, use “What did … say?” or the statement search.",
                "facets": ["outlet", "act"],
            },
            "disputed_claims": {
                "title": "Disputed claims",
                "description": "Claims the judge calls disputed (as the digest and /compare do), each with the "
                "denial that answers it: who denied it, in which outlet, and the sentences.",
            },
            # The FTS tables name their content table without quotes, which Datasette's
            # detection misses; naming them here turns on the search box.
            "articles": {
                "hidden": True,
                "description": "Every stored article; search its title and text with the box above.",
                "fts_table": "articles_fts",
                "fts_pk": "id",
            },
            "statements": {
                "hidden": True,
                "description": "Every statement; search their words with the box above.",
                "fts_table": "statements_fts",
                "fts_pk": "id",
            },
        }
    )
    return {
        "title": "Newsroom store",
        "description": "What the newsroom bot has read: articles, who is named, who said what. Read-only.",
        "databases": {
            database: {
                "tables": tables,
                "queries": {
                    "who_is": {
                        "title": "Who is …?",
                        "description": "People and organisations whose name or other names contain the words.",
                        "sql": "SELECT * FROM entity_profiles WHERE name LIKE '%' || :name || '%' "
                        "OR also_written LIKE '%' || :name || '%' ORDER BY articles DESC",
                    },
                    "said_by": {
                        "title": "What did … say?",
                        "description": "Statements whose speaker's name contains the words, newest article first.",
                        "sql": "SELECT speaker, cue, act, sentence, outlet, published, article_id "
                        "FROM statement_sources WHERE speaker LIKE '%' || :speaker || '%' "
                        "ORDER BY published DESC, statement_id",
                    },
                    "search_statements": {
                        "title": "Search statements",
                        "description": "Statements whose speaker is named so, or whose words match.",
                        "sql": "SELECT speaker, cue, act, sentence, outlet, published, article_id "
                        "FROM statement_sources WHERE speaker LIKE '%' || :q || '%' "
                        "OR statement_id IN (SELECT rowid FROM statements_fts "
                        "WHERE statements_fts MATCH '\"' || replace(:q, '\"', '\"\"') || '\"') "
                        "ORDER BY published DESC, statement_id",
                    },
                    "denials": {
                        "title": "Denials",
                        "description": "Every statement made with a denial cue (denied, rejected, disputed …).",
                        "sql": "SELECT speaker, cue, sentence, outlet, published, article_id "
                        "FROM statement_sources WHERE act = 'denial' ORDER BY published DESC",
                    },
                    "disputed": {
                        "title": "Disputed claims",
                        "description": "The claims the judge calls disputed, and who denies them.",
                        "sql": "SELECT claim, denied_by, denial_outlet, denial, claim_outlet, claim_article_id, "
                        "denial_article_id FROM disputed_claims ORDER BY claim_id, denial_id",
                    },
                    "articles_by_outlet": {
                        "title": "Articles by outlet",
                        "description": "Every article of the outlets whose name contains the words (all when empty), "
                        "newest first, with its date and link.",
                        "sql": "SELECT o.name AS outlet, a.published, a.title, a.id AS article_id, "
                        "COALESCE(a.url, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), '')) AS link "
                        "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
                        "WHERE COALESCE(o.name, '') LIKE '%' || :outlet || '%' "
                        "ORDER BY o.name, a.published DESC, a.id DESC",
                    },
                },
            }
        },
    }


def browser(db_path: Path) -> Datasette:
    """A Datasette over the store, with the newsroom's front page, article pages, titles, queries
    and article links, refusing writes."""
    for module, name in (
        (browse_links, "newsroom-article-links"),
        (browse_article, "newsroom-article-page"),
        (browse_readonly, "newsroom-read-only"),
    ):
        if not pm.is_registered(module):
            pm.register(module, name=name)
    hidden = [t for t in raw_tables(db_path) if t not in VIEWS]
    return Datasette(
        files=[str(db_path)],
        metadata=metadata(db_path.stem, hidden),
        template_dir=str(TEMPLATES),
        settings={"default_page_size": 50, "sql_time_limit_ms": 3000, "allow_download": False},
    )


def serve_browser(db_path: Path, host: str, port: int) -> None:
    """Serve until interrupted."""
    import uvicorn

    datasette = browser(db_path)
    asyncio.run(datasette.invoke_startup())
    print(f"Browse the store at http://{host}:{port}/{db_path.stem} (read-only; Ctrl-C stops)", flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
