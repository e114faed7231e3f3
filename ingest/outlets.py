"""Naming the outlet of an article: given, else the page's site name, else its domain."""

from __future__ import annotations

from ingest.model import Document
from ingest.urls import domain_of

#: Domains whose site names pages often leave out or abbreviate.
KNOWN_OUTLETS = {
    "wsj.com": "The Wall Street Journal",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "cnn.com": "CNN",
    "edition.cnn.com": "CNN",
    "fortune.com": "Fortune",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "bloomberg.com": "Bloomberg",
    "politico.com": "Politico",
    "semafor.com": "Semafor",
}


def outlet_for(document: Document, given: str | None = None) -> str | None:
    if given and given.strip():
        return given.strip()
    if document.site_name and document.site_name.strip():
        return document.site_name.strip()
    url = document.canonical_url or document.url
    if not url:
        return None
    domain = domain_of(url)
    return KNOWN_OUTLETS.get(domain, domain or None)
