"""Fetching a URL with limits: time, size, redirects, content type and address checks.

Each hop is resolved once, checked (ingest.netguard) and then connected to by that
checked address, so a DNS answer cannot change between the check and the connection.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from ingest import messages
from ingest.errors import IngestError
from ingest.model import FetchPolicy
from ingest.netguard import checked_address

logger = logging.getLogger(__name__)

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    content_type: str
    charset: str | None
    body: bytes


def _pinned_request(client: httpx.Client, url: str, policy: FetchPolicy) -> httpx.Request:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(messages.NOT_HTTP(url=url[:80]))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    ip = checked_address(parts.hostname, port, policy.allow_private, policy.allowed_networks)
    host_part = f"[{ip}]" if ip.version == 6 else str(ip)
    pinned = urlunsplit((parts.scheme, f"{host_part}:{port}", parts.path or "/", parts.query, ""))
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": policy.user_agent}
    extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
    return client.build_request("GET", pinned, headers=headers, extensions=extensions)


def _read_limited(response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise IngestError(_too_large(int(declared), policy))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise IngestError(_too_large(size, policy, at_least=True))
        if time.monotonic() > deadline:
            raise IngestError(messages.TIMED_OUT_READING(timeout_s=policy.timeout_s))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, policy: FetchPolicy, at_least: bool = False) -> str:
    limit_mb = policy.max_bytes / 1024 / 1024
    if at_least:  # the body was cut off at the limit: its size is not known
        return messages.TOO_LARGE_PAGE_OVER(limit_mb=limit_mb)
    return messages.TOO_LARGE_PAGE(size_mb=size / 1024 / 1024, limit_mb=limit_mb)


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    raw = response.headers.get("content-type", "")
    mime = raw.split(";", 1)[0].strip().lower()
    charset = None
    for param in raw.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return mime, charset


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """GET an article page, following at most ``policy.max_redirects`` checked redirects."""
    deadline = time.monotonic() + policy.timeout_s
    timeout = httpx.Timeout(policy.timeout_s, connect=min(5.0, policy.timeout_s))
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        current = url
        for _hop in range(policy.max_redirects + 1):
            request = _pinned_request(client, current, policy)
            try:
                response = client.send(request, stream=True)
                try:
                    location = _redirect(response)
                    if location is None:
                        return _accept(response, current, policy, deadline)
                finally:
                    response.close()
            except httpx.TimeoutException:
                raise IngestError(messages.NO_ANSWER(host=_host(current))) from None
            except httpx.HTTPError as exc:
                raise IngestError(messages.UNREACHABLE(host=_host(current), reason=_reason(exc))) from None
            current = urljoin(current, location)
            logger.debug(messages.REDIRECT(url=current))
    raise IngestError(messages.TOO_MANY_REDIRECTS(limit=policy.max_redirects, url=url[:80]))


def _redirect(response: httpx.Response) -> str | None:
    if response.status_code in _REDIRECTS and "location" in response.headers:
        return response.headers["location"]
    return None


def _accept(response: httpx.Response, url: str, policy: FetchPolicy, deadline: float) -> Fetched:
    if response.status_code >= 400:
        reason = response.reason_phrase or ""
        raise IngestError(messages.HTTP_STATUS(host=_host(url), status=f"{response.status_code} {reason}".rstrip()))
    mime, charset = _content_type(response)
    if mime not in ARTICLE_TYPES:
        raise IngestError(messages.NOT_ARTICLE_TYPE(host=_host(url), mime=mime or "no content type"))
    body = _read_limited(response, policy, deadline)
    return Fetched(url=url, content_type=mime, charset=charset, body=body)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url[:60]


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc) or type(exc).__name__
    if "refused" in text.lower():
        return "connection refused"
    return text.splitlines()[0][:120]
