"""The digest: what is new since a channel's watermark; nothing is sent or advanced unless asked."""

import pytest

from handlers.digest import build_digest, digest
from handlers.ingest import IngestRequest, ingest
from handlers.values import Channel


@pytest.fixture
def seeded(seeded_ctx):
    return seeded_ctx


def test_the_first_digest_has_new_names_and_disputed_claims(seeded):
    data = build_digest(seeded, Channel.parse("slack:C1"))
    names = {e["name"] for e in data["new_entities"]}
    assert {"Sergei Kiriyenko", "Ian Bremmer", "Xi Jinping"} <= names
    assert len(data["disputed_claims"]) >= 2
    claim = data["disputed_claims"][0]
    assert {s["stance"] for s in claim["sides"]} == {"supports", "disputes"}
    assert [a["outlet"] for a in data["articles"]] == ["The Wall Street Journal", "Fortune", "CNN"]


def test_the_watermark_moves_only_when_asked_and_then_nothing_is_new(seeded):
    assert digest(seeded, "slack:C1").data["articles"]  # printing does not advance
    assert len(digest(seeded, "slack:C1", mark_sent=True).data["articles"]) == 3
    again = digest(seeded, "slack:C1")
    assert again.title == "Nothing new since the last digest." and again.data["articles"] == []
    assert len(digest(seeded, "slack:C2").data["articles"]) == 3  # each channel has its own watermark


def test_an_article_after_the_watermark_is_in_the_next_digest_only(seeded):
    digest(seeded, "console:desk", mark_sent=True)
    ingest(
        seeded,
        [
            IngestRequest(
                "pasted",
                text="Dmitri Alperovitch said on Monday that Starlink remained essential "
                "for Ukraine, and that Russian forces were still using its terminals.",
            )
        ],
    )
    data = digest(seeded, "console:desk", mark_sent=True).data
    assert [a["article_id"] for a in data["articles"]] == [4]
    assert digest(seeded, "console:desk").data["articles"] == []


def test_marking_sent_while_the_bot_posts_that_channel_is_refused_and_moves_nothing(seeded):
    assert seeded.store.claim_window("console", "desk", "bot", "2026-11-23T07:00:00", "2999-01-01T00:00:00") == 0
    reply = digest(seeded, "console:desk", mark_sent=True)
    assert (
        not reply.ok
        and reply.title == "A digest for console:desk is being posted right now; try again in a minute. [H020]"
    )
    assert seeded.store.channel_watermark("console", "desk") == 0
    assert len(digest(seeded, "console:other", mark_sent=True).data["articles"]) == 3  # other channels go on
    assert [w[:3] for w in seeded.store.held_windows()] == [("console", "desk", "bot")]


def test_channel_names():
    assert str(Channel.parse("discord:123")) == "discord:123"
    assert str(Channel.parse("desk")) == "console:desk"
    assert str(Channel.parse(None)) == "console:console"
