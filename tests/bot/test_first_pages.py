"""Issue 41's budgets: each answer's first page, as the console, Slack and Discord show it, fits
what a reporter reads between two calls, cites no path on the server, and names the channel."""

from __future__ import annotations

import json
import re

import pytest

from bot.discord.embeds import reply_embeds
from bot.render_text import render_text
from bot.slack.blocks import reply_blocks
from handlers.commands import Caller, dispatch
from handlers.ingest import IngestRequest, ingest
from tests.conftest import SAMPLE_MANIFEST, SAMPLES

CLAIM = "Musk and Putin have been in regular contact since late 2022"
SERVER_PATH = re.compile(r"(?:^|[\s\"·(])/(?:work|tmp|home|root|srv|var|usr|etc)/\S+")
SLACK = Caller(user="U1", channel="C0NEWS", platform="slack", channel_name="newsroom")


def _shown(reply) -> str:  # noqa: ANN001
    """Everything a reporter could see of a reply, on any platform."""
    return "\n".join(
        [
            render_text(reply),
            json.dumps(reply_blocks(reply), ensure_ascii=False),
            json.dumps([e.to_dict() for e in reply_embeds(reply)], ensure_ascii=False),
        ]
    )


@pytest.mark.parametrize(
    ("line", "budget"),
    [("/who Putin", 1_500), (f"/story {CLAIM}", 2_500), ("/story Putin", 2_500), ("/digest", 3_000)],
)
def test_the_first_page_fits_its_budget_and_cites_no_server_path(seeded_ctx, line, budget):
    reply = dispatch(seeded_ctx, line, SLACK)
    assert reply.ok
    assert len(render_text(reply)) <= budget
    assert not SERVER_PATH.findall(_shown(reply)), line
    assert re.search(r"\d{4}-\d{2}-\d{2}", render_text(reply))  # citations carry their date


def test_later_pages_hold_the_rest(seeded_ctx):
    first, second = dispatch(seeded_ctx, "/who Putin", SLACK), dispatch(seeded_ctx, "/who Putin --page 2", SLACK)
    assert first.data["page"] == 1 and first.data["pages"] > 2
    assert second.sections[0].heading.startswith("What Vladimir Putin said")


def test_the_digest_names_the_channel(seeded_ctx):
    assert dispatch(seeded_ctx, "/digest", SLACK).title.startswith("Digest for #newsroom:")
    console = dispatch(seeded_ctx, "/digest", Caller())
    assert console.title.startswith("Digest for the console:")


def test_a_day_of_ten_articles_digests_in_3000_characters(seeded_ctx):
    """Seven more articles (cut from the samples, under other outlets) make a day of ten."""
    paragraphs = [
        p for path in sorted(SAMPLES.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()
    ]
    outlets = ["Reuters", "Associated Press", "BBC", "The Guardian", "Politico", "Bloomberg", "Financial Times"]
    step = max(1, len(paragraphs) // len(outlets))
    requests = [
        IngestRequest("pasted", text="\n\n".join(paragraphs[i * step : (i + 1) * step + 2]), outlet=outlet)
        for i, outlet in enumerate(outlets)
    ]
    ingest(seeded_ctx, requests)
    assert seeded_ctx.store.article_count() == 10, SAMPLE_MANIFEST
    reply = dispatch(seeded_ctx, "/digest", SLACK)
    assert len(reply.data["articles"]) == 10
    assert len(render_text(reply)) <= 3_000
    assert not SERVER_PATH.findall(_shown(reply))


def test_a_scheduled_digest_uses_the_name_the_channel_last_gave(seeded_ctx):
    from handlers.digest import build_digest, digest_reply
    from handlers.values import Channel

    dispatch(seeded_ctx, "/digest status", SLACK)  # Slack's payload names the channel
    posted = digest_reply(build_digest(seeded_ctx, Channel("slack", "C0NEWS"), with_chart=False))
    assert posted.title.startswith("Digest for #newsroom:")
