"""Bulk import lists: a JSON manifest of files (relative to it) with outlet and date."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    outlet: str | None
    published: str | None


def read_manifest(path: Path) -> list[ManifestEntry]:
    """Entries of ``{"articles": [{"file", "outlet", "published"}]}``, files relative to it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IngestError(f"No such manifest: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(f"Manifest {path.name} is not valid JSON: {exc}") from None
    items = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise IngestError(f'Manifest {path.name} has no "articles" list')
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("file"):
            raise IngestError(f'Manifest {path.name}: entry {number} has no "file"')
        entries.append(
            ManifestEntry(
                path=(path.parent / item["file"]).resolve(),
                outlet=item.get("outlet"),
                published=item.get("published"),
            )
        )
    return entries
