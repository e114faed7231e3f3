"""Bulk import lists: a JSON manifest of files (relative to it) with outlet and date."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ingest import messages
from ingest.errors import IngestError


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    outlet: str | None
    published: str | None


def _date(value: object, name: str, number: int) -> str | None:
    """A manifest date read as --published reads one: an ISO date, kept as YYYY-MM-DD."""
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value)).date().isoformat()
    except ValueError:
        raise IngestError(messages.MANIFEST_BAD_DATE(name=name, number=number, value=str(value)[:40])) from None


def read_manifest(path: Path, root: Path | None = None) -> list[ManifestEntry]:
    """Entries of ``{"articles": [{"file", "outlet", "published"}]}``, files relative to it.

    Files must lie inside ``root`` (default: the manifest's own folder): a manifest from elsewhere
    must not reach ``../../`` or ``/etc/passwd``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IngestError(messages.NO_SUCH_MANIFEST(path=path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(messages.MANIFEST_NOT_JSON(name=path.name, reason=exc)) from None
    items = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise IngestError(messages.MANIFEST_NO_LIST(name=path.name))
    allowed = (root or path.parent).resolve()
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("file"):
            raise IngestError(messages.MANIFEST_NO_FILE(name=path.name, number=number))
        file = (path.parent / str(item["file"])).resolve()
        if not file.is_relative_to(allowed):
            raise IngestError(
                messages.MANIFEST_OUTSIDE(name=path.name, number=number, file=str(item["file"])[:80], allowed=allowed)
            )
        entries.append(
            ManifestEntry(
                path=file, outlet=item.get("outlet"), published=_date(item.get("published"), path.name, number)
            )
        )
    return entries
