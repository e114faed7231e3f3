"""URL recognition and canonical form, so the same article under two URLs is one article."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_URL_RE = re.compile(r"https?://[^\s<>\"'|]+", re.IGNORECASE)
_LINK_RE = re.compile(r"(?<![\w+.-])([A-Za-z][A-Za-z0-9+.-]*)://[^\s<>\"'|]*")
_TRACKING_PREFIXES = ("utm_", "mc_", "at_", "pk_")
_TRACKING_KEYS = {"fbclid", "gclid", "dclid", "msclkid", "ocid", "cmpid", "smid", "ref", "mod"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_url(text: str) -> bool:
    return bool(re.fullmatch(r"https?://\S+", text.strip(), re.IGNORECASE))


def find_urls(text: str) -> list[str]:
    """URLs in a chat message, with trailing punctuation and chat link markup removed."""
    return [m.rstrip(".,;:!?)]}>") for m in _URL_RE.findall(text)]


def find_other_links(text: str) -> list[str]:
    """Links in a chat message with a scheme the bot never fetches (file://, ftp://), trimmed as
    ``find_urls`` trims them: to be refused by name, not read as text."""
    return [
        match.group(0).rstrip(".,;:!?)]}>")
        for match in _LINK_RE.finditer(text)
        if match.group(1).lower() not in ("http", "https")
    ]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment, tracking parameters or trailing /."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS
        )
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def domain_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
