"""Shared fixtures: a fresh database per test, one spaCy pipeline per session, a local web server."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from handlers import Context
from ingest import FetchPolicy
from nlp import Analyzer
from store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "articles"
SAMPLE_MANIFEST = SAMPLES / "manifest.json"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's settings."""
    for name in list(os.environ):
        if name.startswith(("NEWSROOM_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    analyzer = Analyzer()
    analyzer.nlp  # noqa: B018 - load once for the whole session
    return analyzer


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture
def ctx(store: Store, analyzer: Analyzer) -> Context:
    return Context(store=store, analyzer=analyzer, policy=FetchPolicy(allow_private=True))


Route = tuple[int, dict[str, str | None], bytes]


class LocalSite:
    """A web server on 127.0.0.1 answering from a table of path → (status, headers, body).

    HTTP/1.0, so a body without Content-Length (header given as None) ends when the
    connection closes."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.hits.append(self.path)
                route = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"nope"))
                status, headers, body = route() if callable(route) else route
                self.send_response(status)
                for key, value in headers.items():
                    if value is not None:  # None: leave the header out
                        self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Path:
    """A database file holding the three sample articles, built once and copied per test."""
    from handlers.ingest import IngestRequest, ingest
    from ingest.manifest import read_manifest

    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    store = Store.open(path)
    requests = [
        IngestRequest(str(e.path), outlet=e.outlet, published=e.published) for e in read_manifest(SAMPLE_MANIFEST)
    ]
    ingest(Context(store=store, analyzer=analyzer), requests)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def seeded_ctx(seeded_template: Path, tmp_path: Path, analyzer: Analyzer) -> Iterator[Context]:
    """A fresh copy of the sample database, with local URLs allowed and charts under tmp_path."""
    import shutil

    path = tmp_path / "newsroom.db"
    shutil.copyfile(seeded_template, path)
    store = Store.open(path)
    yield Context(
        store=store, analyzer=analyzer, policy=FetchPolicy(allow_private=True), charts_dir=tmp_path / "charts"
    )
    store.close()
