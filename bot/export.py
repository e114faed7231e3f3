"""Writing exported rows as JSON lines or CSV, one row at a time."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

FORMATS = ("jsonl", "csv")


def write_rows(rows: Iterable[dict], fields: tuple[str, ...], out: TextIO, fmt: str) -> int:
    """Write every row to ``out``; lists become " | "-joined cells in CSV. Returns the count."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: " | ".join(v) if isinstance(v, list) else v for k, v in row.items()})
            count += 1
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
