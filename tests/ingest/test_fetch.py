"""Fetching from a real HTTP server on 127.0.0.1."""

from pathlib import Path

import pytest

from ingest import FetchPolicy, IngestError, load_source

HTML = (Path(__file__).resolve().parent.parent / "fixtures" / "article.html").read_bytes()
LOCAL_ONLY = FetchPolicy(allowed_networks=("127.0.0.0/8",))
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def test_an_html_page_is_fetched_and_extracted(site):
    site.routes["/story"] = (200, HTML_TYPE, HTML)
    document = load_source(site.url("/story"), LOCAL_ONLY)
    assert document.title == "Peskov denies regular contacts"
    assert document.url == site.url("/story")
    assert document.site_name == "Example Gazette"


def test_redirects_are_followed_up_to_the_limit(site):
    site.routes["/story"] = (200, HTML_TYPE, HTML)
    for hop in range(1, 7):
        target = "/story" if hop == 1 else f"/r{hop - 1}"
        site.routes[f"/r{hop}"] = (302, {"Location": site.url(target)}, b"")
    assert load_source(site.url("/r5"), LOCAL_ONLY).title == "Peskov denies regular contacts"
    with pytest.raises(IngestError, match="Too many redirects"):
        load_source(site.url("/r6"), LOCAL_ONLY)


def test_a_redirect_to_a_private_address_is_refused_before_connecting(site):
    site.routes["/go"] = (301, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    with pytest.raises(IngestError, match="private or local address"):
        load_source(site.url("/go"), LOCAL_ONLY)


def test_a_private_url_is_refused_by_default(site):
    site.routes["/story"] = (200, HTML_TYPE, HTML)
    with pytest.raises(IngestError, match="Refused to fetch 127.0.0.1"):
        load_source(site.url("/story"), FetchPolicy())
    assert site.hits == []


def test_a_declared_oversized_page_is_refused(site):
    site.routes["/big"] = (200, HTML_TYPE, b"<p>" + b"a" * 4096 + b"</p>")
    with pytest.raises(IngestError, match="Too large"):
        load_source(site.url("/big"), FetchPolicy(allowed_networks=("127.0.0.0/8",), max_bytes=1024))


def test_an_undeclared_oversized_page_is_cut_off_while_streaming(site):
    body = b"<p>" + b"a" * 200_000 + b"</p>"
    site.routes["/stream"] = (200, {**HTML_TYPE, "Content-Length": None}, body)
    with pytest.raises(IngestError, match="Too large"):
        load_source(site.url("/stream"), FetchPolicy(allowed_networks=("127.0.0.0/8",), max_bytes=1024))


def test_a_non_article_content_type_is_refused(site):
    site.routes["/file.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    with pytest.raises(IngestError, match="Not an article: 127.0.0.1 sent application/pdf"):
        load_source(site.url("/file.pdf"), LOCAL_ONLY)


def test_error_status_and_refused_connection(site):
    with pytest.raises(IngestError, match="answered 404"):
        load_source(site.url("/missing"), LOCAL_ONLY)
    port = site.port
    site.server.shutdown()
    site.server.server_close()
    with pytest.raises(IngestError, match="Could not reach 127.0.0.1: connection refused"):
        load_source(f"http://127.0.0.1:{port}/story", LOCAL_ONLY)


def test_a_page_without_article_text(site):
    site.routes["/empty"] = (200, HTML_TYPE, b"<html><body><nav>Home</nav></body></html>")
    with pytest.raises(IngestError, match="No article text"):
        load_source(site.url("/empty"), LOCAL_ONLY)
