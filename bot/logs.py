"""Logging for the operator: INFO by default, one line per command and per ingest, plain text or
JSON lines (``NEWSROOM_LOG_FORMAT=json``).

The standard library does it: a formatter of a dozen lines gives JSON lines with the fields a log
shipper indexes (the ``extra`` of each record), and one dependency fewer to keep up to date.
Other libraries' INFO chatter (APScheduler's every run, aiohttp's access log, discord.py's gateway
notes) stays at WARNING unless the level is DEBUG.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from domain.messages import code_of

FIELDS = ("platform", "channel", "command", "outcome", "duration_ms", "article_id", "outlet", "entities")
CHATTY = ("apscheduler", "aiohttp.access", "discord", "slack_bolt", "slack_sdk", "sqlalchemy")


class JsonLines(logging.Formatter):
    """One JSON object per record: time, level, logger, message, its code, and the command or ingest fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if code := code_of(line["message"]):  # every line of ours ends with one (bot/messages.py...)
            line["code"] = code
        line.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure(level: str, form: str = "text") -> None:
    """Set up the root logger once per process (stderr)."""
    handler = logging.StreamHandler(sys.stderr)
    if form == "json":
        handler.setFormatter(JsonLines())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    quiet = logging.DEBUG if root.level <= logging.DEBUG else logging.WARNING
    for name in CHATTY:
        logging.getLogger(name).setLevel(quiet)
