"""Rendering a Reply as one JSON document (``--json``)."""

from __future__ import annotations

import json

from handlers.reply import Reply


def render_json(reply: Reply) -> str:
    return json.dumps(reply.data, ensure_ascii=False, indent=2, default=str)
