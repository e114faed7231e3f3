"""Logs an operator can use: a line per command and per stored article, as text or JSON lines, with
no article text in them."""

from __future__ import annotations

import asyncio
import json
import logging

from bot import chat, logs
from handlers import Caller
from handlers.ingest import IngestRequest, ingest

TEXT = (
    "Mayor Ana Lopez said on Monday that the council would vote on the bridge budget next week, "
    "according to minutes seen by reporters. SECRETWORD appears only in the article."
)


def json_lines(caplog) -> list[dict]:
    formatter = logs.JsonLines()
    return [json.loads(formatter.format(record)) for record in caplog.records]


def test_each_command_logs_one_line_with_where_what_how_long_and_outcome(seeded_ctx, caplog):
    caplog.set_level(logging.INFO, logger="bot.chat")
    caller = Caller(user="U1", channel="C7", platform="slack")

    async def scenario():
        chat.open_intake()
        await chat.answer(seeded_ctx, "/who Kiriyenko", caller)
        await chat.answer(seeded_ctx, "/who", caller)

    asyncio.run(scenario())
    lines = [line for line in json_lines(caplog) if "command" in line]
    assert [(line["platform"], line["channel"], line["command"], line["outcome"]) for line in lines] == [
        ("slack", "C7", "/who", "ok"),
        ("slack", "C7", "/who", "failed"),
    ]
    assert all(isinstance(line["duration_ms"], int) and line["level"] == "INFO" for line in lines)
    assert {line["code"] for line in lines} == {"L401"}  # the catalogue's code, filed apart for a log shipper
    assert "Kiriyenko" not in caplog.text  # the command's name only: arguments may be a pasted article


def test_each_stored_article_logs_its_id_outlet_and_names_never_its_text(seeded_ctx, caplog):
    caplog.set_level(logging.INFO, logger="handlers.ingest")
    ingest(seeded_ctx, [IngestRequest("pasted", text=TEXT, outlet="Harbour Times")])
    (line,) = [line for line in json_lines(caplog) if "article_id" in line]
    assert line["article_id"] == 4 and line["outlet"] == "Harbour Times" and line["entities"] >= 1
    assert line["message"].startswith("ingested #4 (Harbour Times):")
    assert "SECRETWORD" not in caplog.text


def test_configure_sets_the_level_and_keeps_other_libraries_quiet():
    before = logging.getLogger().handlers[:], logging.getLogger().level
    try:
        logs.configure("INFO", "json")
        assert logging.getLogger().level == logging.INFO
        assert isinstance(logging.getLogger().handlers[0].formatter, logs.JsonLines)
        assert logging.getLogger("apscheduler").level == logging.WARNING
        logs.configure("DEBUG")
        assert logging.getLogger("apscheduler").level == logging.DEBUG
    finally:
        logging.getLogger().handlers[:], level = before
        logging.getLogger().setLevel(level)
        for name in logs.CHATTY:
            logging.getLogger(name).setLevel(logging.NOTSET)
