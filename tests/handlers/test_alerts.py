"""Watch alerts built from the store: one message per watcher, each article told once, on any instance."""

from __future__ import annotations

from handlers.alerts import collect_alerts, release
from handlers.ingest import IngestRequest, ingest
from handlers.values import Channel
from handlers.watch import watch
from tests.conftest import ROOT

SLACK = Channel("slack", "C1")
DENIAL = ROOT / "tests" / "fixtures" / "kremlin_denial.txt"
CLAIM = "Musk has been in regular contact with Kiriyenko"


def _ingest_denial(ctx) -> int:
    reply = ingest(ctx, [IngestRequest(str(DENIAL), outlet="Reuters", published="2024-10-28")])
    return reply.data["articles"][0]["article_id"]


def test_a_named_entity_and_a_changed_verdict_make_one_message_told_once(seeded_ctx):
    watch(seeded_ctx, SLACK, "U1", "Kiriyenko")
    watch(seeded_ctx, SLACK, "U1", f"claim {CLAIM}")
    watch(seeded_ctx, SLACK, "U2", "Bill Nelson")  # not in the new article
    assert collect_alerts(seeded_ctx, "slack", "one") == []  # nothing new since the watches began
    article_id = _ingest_denial(seeded_ctx)
    (alert,) = collect_alerts(seeded_ctx, "slack", "one")
    assert alert.user == "U1"
    reply = alert.reply
    assert reply.title == "Your watchlist: 2 new items"
    named, changed = reply.sections
    assert named.heading == "Sergei Kiriyenko is named in a new Reuters article"
    (citation,) = named.citations
    assert citation.article_id == article_id and "Kiriyenko" in citation.sentence
    assert changed.heading == f"“{CLAIM}” is now disputed (was unverified)"
    assert changed.citations and all(c.article_id == article_id for c in changed.citations)
    assert "Peskov" in " ".join(c.lead or "" for c in changed.citations)
    assert collect_alerts(seeded_ctx, "slack", "one") == []  # told once
    assert collect_alerts(seeded_ctx, "slack", "another") == []  # by whichever instance
    assert collect_alerts(seeded_ctx, "discord", "one") == []  # and only on its platform


def test_an_alert_not_delivered_is_told_at_the_next_delivery(seeded_ctx):
    watch(seeded_ctx, SLACK, "U1", "Kiriyenko")
    watch(seeded_ctx, SLACK, "U1", f"claim {CLAIM}")
    _ingest_denial(seeded_ctx)
    (first,) = collect_alerts(seeded_ctx, "slack", "one")
    release(seeded_ctx, first, "one")
    (again,) = collect_alerts(seeded_ctx, "slack", "one")
    assert again.lines == first.lines


def test_a_duplicate_ingest_tells_nothing_new(seeded_ctx):
    watch(seeded_ctx, SLACK, "U1", "Kiriyenko")
    _ingest_denial(seeded_ctx)
    assert len(collect_alerts(seeded_ctx, "slack", "one")) == 1
    again = ingest(seeded_ctx, [IngestRequest(str(DENIAL), outlet="Reuters")])
    assert again.data["articles"][0]["status"] == "duplicate"
    assert collect_alerts(seeded_ctx, "slack", "one") == []
