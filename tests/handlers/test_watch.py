"""/watch, /watching and /unwatch on the sample store."""

from __future__ import annotations

from handlers.entity import merge, split
from handlers.ingest import IngestRequest, ingest
from handlers.rebuild import rebuild
from handlers.values import Channel
from handlers.watch import unwatch, watch, watching
from handlers.who import who

SLACK = Channel("slack", "C1")


def test_watching_a_name_lists_it_and_unwatching_removes_it(seeded_ctx):
    made = watch(seeded_ctx, SLACK, "U1", "Kiriyenko")
    assert made.ok and made.data["watch"]["name"] == "Sergei Kiriyenko"
    again = watch(seeded_ctx, SLACK, "U1", "Sergei Kiriyenko")
    assert again.data["watch"]["id"] == made.data["watch"]["id"] and not again.data["watch"]["new"]
    listed = watching(seeded_ctx, SLACK, "U1")
    assert [w["name"] for w in listed.data["watches"]] == ["Sergei Kiriyenko"]
    assert watching(seeded_ctx, SLACK, "U2").data["watches"] == []  # each reporter's own
    assert watching(seeded_ctx, Channel("discord", "D1"), "U1").data["watches"] == []  # and per platform
    refused = unwatch(seeded_ctx, SLACK, "U2", str(made.data["watch"]["id"]))
    assert not refused.ok and "no watch" in refused.title
    gone = unwatch(seeded_ctx, SLACK, "U1", f"#{made.data['watch']['id']}")
    assert gone.ok and "Sergei Kiriyenko" in gone.title
    assert watching(seeded_ctx, SLACK, "U1").data["watches"] == []


def test_bad_watch_input_gets_a_short_message(seeded_ctx):
    assert watch(seeded_ctx, SLACK, "U1", "  ").data["usage"]
    nobody = watch(seeded_ctx, SLACK, "U1", "Zebulon Quartermaine")
    assert not nobody.ok and "Nobody named" in nobody.title and "/watch claim" in nobody.title
    assert not unwatch(seeded_ctx, SLACK, "U1", "three").ok
    names_only = watch(seeded_ctx, SLACK, "U1", "claim Musk OR Putin")
    assert not names_only.ok and "claims nothing" in names_only.title
    french = watch(seeded_ctx, SLACK, "U1", "claim Le président Macron a démissionné hier soir après une longue crise")
    assert not french.ok and "reads as French" in french.title
    assert watching(seeded_ctx, SLACK, "U1").data["watches"] == []


def test_a_name_several_entities_fit_asks_which_one(ctx):
    text = (
        "NASA chief Bill Nelson said on Monday that the launch would go ahead. Microsoft founder Bill Gates "
        "said he would attend the launch in Florida, according to his office."
    )
    ingest(ctx, [IngestRequest("pasted", text=text)])
    reply = watch(ctx, SLACK, "U1", "Bill")
    assert reply.data["watch"] is None and "which one?" in reply.title
    assert "/watch #" in reply.sections[0].text
    picked = watch(ctx, SLACK, "U1", f"#{reply.data['candidates'][0]['id']}")
    assert picked.data["watch"]["entity_id"] == reply.data["candidates"][0]["id"]


def test_a_claim_is_watched_with_its_verdict_now(seeded_ctx):
    reply = watch(seeded_ctx, SLACK, "U1", "claim Musk has been in regular contact with Kiriyenko")
    assert reply.data["watch"]["verdict"] == "unverified"  # the Journal alone, on unnamed officials
    (listed,) = watching(seeded_ctx, SLACK, "U1").data["watches"]
    assert listed["kind"] == "claim" and listed["verdict"] == "unverified"


def test_the_watch_limit_holds(seeded_ctx):
    seeded_ctx.watch_limit = 1
    assert watch(seeded_ctx, SLACK, "U1", "Kiriyenko").ok
    refused = watch(seeded_ctx, SLACK, "U1", "Peskov")
    assert not refused.ok and "most allowed" in refused.title


def test_a_watch_follows_its_entity_through_a_merge_and_a_split(seeded_ctx):
    watch(seeded_ctx, SLACK, "U1", "Peskov")
    watch(seeded_ctx, SLACK, "U2", "Kremlin")
    merge(seeded_ctx, "Kremlin", "Peskov")  # a reporter's mistake, to be undone
    assert watching(seeded_ctx, SLACK, "U1").data["watches"][0]["name"] == "Kremlin"
    split(seeded_ctx, "Kremlin", "Dmitry Peskov")
    assert watching(seeded_ctx, SLACK, "U1").data["watches"][0]["name"] == "Dmitry Peskov"
    assert watching(seeded_ctx, SLACK, "U2").data["watches"][0]["name"] == "Kremlin"


def test_a_watch_follows_its_entity_through_a_rebuild(seeded_ctx):
    watch(seeded_ctx, SLACK, "U1", "Peskov")
    old_id = watching(seeded_ctx, SLACK, "U1").data["watches"][0]
    rebuild(seeded_ctx)
    (after,) = watching(seeded_ctx, SLACK, "U1").data["watches"]
    assert after["name"] == "Dmitry Peskov" and after["id"] == old_id["id"]
    assert seeded_ctx.store.db.execute("SELECT entity_id FROM watches").fetchone()[0] == who_id(seeded_ctx, "Peskov")


def who_id(ctx, name: str) -> int:
    return who(ctx, name).data["entity"]["id"]
