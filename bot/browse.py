"""`newsroom browse`: the store in the browser through Datasette, read-only.

Datasette reads a database file through ``mode=ro`` connections and runs only SELECT statements,
and every method but GET, HEAD and OPTIONS is refused with 405 (``browse_readonly``), so the browser
cannot change the store; editors' corrections stay in chat and the command line.
The views (migration 0015) read well; the canned queries answer the common questions; every
article id links to its article.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from datasette.app import Datasette
from datasette.plugins import pm

from bot import browse_links, browse_readonly


def metadata(database: str) -> dict:
    """Titles, descriptions and canned queries for the store named ``database``."""
    return {
        "title": "Newsroom store",
        "description": "What the newsroom bot has read: articles, who is named, who said what. Read-only.",
        "databases": {
            database: {
                "tables": {
                    "entity_profiles": {
                        "description": "People and organisations, with their other names and what outlets call them."
                    },
                    "statement_sources": {
                        "description": "Who said what: speaker and their kind, cue, act and sentence, per article."
                    },
                    "disputed_claims": {
                        "description": "Statements a denial answers: they share two or more names with it."
                    },
                    # The FTS tables name their content table without quotes, which Datasette's
                    # detection misses; naming them here turns on the search box.
                    "articles": {
                        "description": "Every stored article; search its title and text with the box above.",
                        "fts_table": "articles_fts",
                        "fts_pk": "id",
                    },
                    "statements": {
                        "description": "Every statement; search their words with the box above.",
                        "fts_table": "statements_fts",
                        "fts_pk": "id",
                    },
                },
                "queries": {
                    "who_is": {
                        "title": "Who is …?",
                        "description": "Entities whose name or other names contain the words.",
                        "sql": "SELECT * FROM entity_profiles WHERE name LIKE '%' || :name || '%' "
                        "OR also_written LIKE '%' || :name || '%' ORDER BY articles DESC",
                    },
                    "said_by": {
                        "title": "What did … say?",
                        "description": "Statements whose speaker contains the words, newest article first.",
                        "sql": "SELECT * FROM statement_sources WHERE speaker LIKE '%' || :speaker || '%' "
                        "ORDER BY published DESC, statement_id",
                    },
                    "denials": {
                        "title": "Denials",
                        "description": "Every statement made with a denial cue (denied, rejected, disputed …).",
                        "sql": "SELECT * FROM statement_sources WHERE act = 'denial' ORDER BY published DESC",
                    },
                    "articles_by_outlet": {
                        "title": "Articles by outlet",
                        "description": "How many articles each outlet has in the store, and the latest date.",
                        "sql": "SELECT o.name AS outlet, COUNT(*) AS articles, MAX(a.published) AS latest "
                        "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
                        "GROUP BY o.id ORDER BY articles DESC",
                    },
                },
            }
        },
    }


def browser(db_path: Path) -> Datasette:
    """A Datasette over the store, with the newsroom's titles, queries and article links, refusing writes."""
    if not pm.is_registered(browse_links):
        pm.register(browse_links, name="newsroom-article-links")
    if not pm.is_registered(browse_readonly):
        pm.register(browse_readonly, name="newsroom-read-only")
    return Datasette(
        files=[str(db_path)],
        metadata=metadata(db_path.stem),
        settings={"default_page_size": 50, "sql_time_limit_ms": 3000, "allow_download": False},
    )


def serve_browser(db_path: Path, host: str, port: int) -> None:
    """Serve until interrupted."""
    import uvicorn

    datasette = browser(db_path)
    asyncio.run(datasette.invoke_startup())
    print(f"Browse the store at http://{host}:{port}/{db_path.stem} (read-only; Ctrl-C stops)", flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
