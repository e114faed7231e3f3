"""Discord end to end: the real client and CommandTree, gateway payloads in, the fake REST API out."""

from __future__ import annotations

import asyncio
import json
import threading

from bot.discord.embeds import reply_embeds
from handlers import Field, Reply, Section
from handlers.commands import COMMANDS, Argument, Command, platform_commands
from tests.bot.discord.harness import CHANNEL, EDITOR, READER, DiscordHarness, member
from tests.fakes.waiting import wait_for


def text_of(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_login_syncs_every_command_of_the_table_to_the_guild(seeded_ctx):
    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            return discord.fake.sent("PUT", "/guilds/300/commands")

    (synced,) = asyncio.run(scenario())
    assert [c["name"] for c in synced] == [c.name for c in platform_commands()]
    by_name = {c["name"]: c for c in synced}
    assert by_name["who"]["description"].startswith("Who a person or organisation is")
    assert [(o["name"], o["type"], o.get("required", False)) for o in by_name["who"]["options"]] == [("name", 3, True)]
    assert [(o["name"], o["type"]) for o in by_name["unwatch"]["options"]] == [("number", 4)]  # a whole number
    assert [(o["name"], o["type"]) for o in by_name["ingest"]["options"]] == [("link", 3), ("file", 11)]
    assert not by_name["watching"].get("options")
    assert all(len(c["description"]) <= 100 for c in synced)


def echo(ctx, words: str) -> Reply:
    """/echo WORDS — say the words back, to prove a new command needs only its handler and its row."""
    return Reply(title=f"echo: {words}")


def test_a_new_command_is_its_handler_and_one_row_of_the_table(seeded_ctx, monkeypatch):
    row = Command(
        "echo", echo, lambda ctx, args, caller, progress: echo(ctx, args), argument=Argument("words", "Any words")
    )
    monkeypatch.setitem(COMMANDS, "echo", row)

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            synced = discord.fake.sent("PUT", "/guilds/300/commands")[0]
            interaction = discord.command("echo", {"words": "hello newsroom"}, who=READER)
            await wait_for(lambda: discord.followups(interaction))
            return synced, discord.followups(interaction)

    synced, (followup,) = asyncio.run(scenario())
    declared = next(c for c in synced if c["name"] == "echo")
    assert declared["description"].startswith("Say the words back")
    assert [o["name"] for o in declared["options"]] == ["words"]
    assert followup["embeds"][0]["title"] == "echo: hello newsroom"


def test_who_defers_then_follows_up_with_an_ephemeral_embed_and_buttons(seeded_ctx):
    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            interaction = discord.command("who", {"name": "Kiriyenko"}, who=READER)
            await wait_for(lambda: discord.followups(interaction))
            return discord.callbacks(interaction), discord.followups(interaction)

    (callback,), (followup,) = asyncio.run(scenario())
    assert callback["type"] == 5 and callback["data"]["flags"] == 64  # deferred, ephemeral
    embed = followup["embeds"][0]
    assert embed["title"].startswith("Sergei Kiriyenko (person)") and followup["flags"] & 64
    assert followup["allowed_mentions"] == {"parse": []}
    labels = [c["label"] for row in followup["components"] for c in row["components"]]
    assert "Post publicly" in labels


def test_a_rate_limited_then_failing_follow_up_still_arrives(seeded_ctx):
    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            discord.fake.follow_up_failures = [429, 500]  # discord.py waits retry_after, then backs off
            interaction = discord.command("who", {"name": "Kiriyenko"}, who=READER)
            await wait_for(lambda: len(discord.followups(interaction)) == 3, timeout=30)
            return discord.followups(interaction), discord.fake.follow_up_failures

    attempts, left = asyncio.run(scenario())
    assert left == [] and attempts[0] == attempts[1] == attempts[2]  # the same answer, sent until it took
    assert attempts[2]["embeds"][0]["title"].startswith("Sergei Kiriyenko (person)")


def test_an_answer_whose_interaction_expired_goes_by_direct_message(seeded_ctx, caplog):
    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            discord.fake.follow_up_failures = [404]  # Unknown Webhook: the token expired
            discord.command("who", {"name": "Kiriyenko"}, who=READER)
            await wait_for(lambda: discord.fake.direct_messages(READER["user"]["id"]))
            return discord.fake.sent("POST", "/users/@me/channels"), discord.fake.direct_messages(READER["user"]["id"])

    opened, (direct,) = asyncio.run(scenario())
    assert opened == [{"recipient_id": 12}]  # the reader who asked
    assert direct["content"] == "Your /who answer from <#400>:"
    assert direct["embeds"][0]["title"].startswith("Sergei Kiriyenko (person)")
    assert direct["allowed_mentions"] == {"parse": []}
    assert "answer to '/who Kiriyenko' in discord:400 not delivered" in caplog.text


def test_compare_digest_and_newsroom_answer(seeded_ctx):
    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            ids = [
                discord.command("compare", {"claim": "Musk and Putin have been in regular contact since late 2022"}),
                discord.command("digest", {}),
                discord.command("newsroom", {"words": "ingest on"}),
            ]
            await wait_for(lambda: all(discord.followups(i) for i in ids))
            return [discord.followups(i)[0] for i in ids]

    compare, digest, newsroom = asyncio.run(scenario())
    assert "disputed" in text_of(compare).lower() and "Peskov" in text_of(compare)
    assert "3 new articles" in text_of(digest)
    assert "ingest is now on" in text_of(newsroom)
    assert seeded_ctx.store.channel_settings("discord", CHANNEL)["ingest"] is True


def test_a_reader_is_refused_ingest_in_one_line(seeded_ctx):
    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            interaction = discord.command("ingest", {"link": "https://example.com/a"}, who=READER)
            await wait_for(lambda: discord.callbacks(interaction))
            return discord.callbacks(interaction)

    (refusal,) = asyncio.run(scenario())
    assert refusal["type"] == 4 and refusal["data"]["flags"] == 64
    assert refusal["data"]["content"].startswith("Only the newsroom's editors")
    assert seeded_ctx.store.article_count() == 3


def test_manage_server_counts_as_editor(seeded_ctx):
    boss = member("13", [], permissions=1 << 5)

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            interaction = discord.command("digest", {"words": "status"}, who=boss)
            refused = discord.command("digest", {"words": "off"}, who=READER)
            await wait_for(lambda: discord.followups(interaction) and discord.followups(refused))
            return discord.followups(interaction)[0], discord.followups(refused)[0]

    allowed, refused = asyncio.run(scenario())
    assert "not scheduled" in text_of(allowed) and "editors" in text_of(refused)


def test_a_slow_ingest_is_deferred_shows_progress_and_follows_up(seeded_ctx, site):
    article = (
        "Dmitry Peskov, the Kremlin spokesman, said on Tuesday that @everyone at the Journal was wrong, and "
        "that Elon Musk and Vladimir Putin had spoken only once. Officials had described regular contact."
    )

    released = threading.Event()

    def slow_page():
        # Held until the test has seen the deferral and the progress edit: the work outlasts
        # Discord's 3 seconds however slow the machine is.
        assert released.wait(timeout=60), "the test never released the page"
        return 200, {"Content-Type": "text/plain"}, article.encode()

    site.routes["/slow"] = slow_page

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            interaction = discord.command("ingest", {"link": site.url("/slow")})
            try:
                await wait_for(lambda: discord.callbacks(interaction), timeout=2)  # deferred well inside 3 s
                await wait_for(lambda: discord.edits(interaction))
                assert not discord.followups(interaction)  # the work is still going on
            finally:
                released.set()
            await wait_for(lambda: discord.followups(interaction))
            return discord.callbacks(interaction), discord.edits(interaction), discord.followups(interaction)

    (callback,), edits, (followup,) = asyncio.run(scenario())
    assert callback["type"] == 5
    assert edits and edits[0]["content"].startswith("… Reading http://127.0.0.1")
    assert "#4" in text_of(followup) and seeded_ctx.store.article_count() == 4


def test_a_posted_attachment_is_ingested_with_reactions_and_a_reply(seeded_ctx):
    text = (
        "John Kirby said the White House could not corroborate reports that Elon Musk had spoken with "
        "Vladimir Putin. He told @everyone at the briefing that officials were still looking into it."
    )
    seeded_ctx.store.update_channel_settings("discord", CHANNEL, {"ingest": True})

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            discord.fake.attachments["kirby.txt"] = text.encode()
            attachment = {
                "id": "800",
                "filename": "kirby.txt",
                "size": len(text),
                "url": f"{discord.fake.base}/attachments/kirby.txt",
                "proxy_url": f"{discord.fake.base}/attachments/kirby.txt",
                "content_type": "text/plain; charset=utf-8",
            }
            discord.post("here is the briefing", [attachment], who=EDITOR)
            discord.post("unrelated chatter with no article", who=EDITOR)
            await wait_for(lambda: discord.fake.sent("POST", f"/channels/{CHANNEL}/messages"))
            return discord.fake

    fake = asyncio.run(scenario())
    (reply,) = fake.sent("POST", f"/channels/{CHANNEL}/messages")
    assert "#4 John Kirby said" in text_of(reply) and reply["message_reference"]
    assert reply["allowed_mentions"] == {"parse": [], "replied_user": False}
    reactions = [path for method, path, _ in fake.calls if "reactions" in path]
    assert len(reactions) == 3  # working, removed, done
    assert seeded_ctx.store.article_count() == 4


def test_everyone_in_article_text_is_delivered_without_a_mention(seeded_ctx):
    text = (
        "@everyone Dmitry Peskov, the Kremlin spokesman, told <@&501> and @here on Friday that the report "
        "was false, and that Elon Musk had spoken with Vladimir Putin only once, by telephone."
    )

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            from handlers.ingest import IngestRequest, ingest

            await asyncio.to_thread(ingest, seeded_ctx, [IngestRequest("pasted", text=text)])
            interaction = discord.command("who", {"name": "Peskov --page 3"})  # the newest article leads page 3
            await wait_for(lambda: discord.followups(interaction))
            return discord.followups(interaction)[0]

    followup = asyncio.run(scenario())
    body = text_of(followup)
    assert followup["allowed_mentions"] == {"parse": []}
    assert "@everyone" not in body and "@here" not in body and "@\u200beveryone" in body


def test_a_7000_character_answer_is_split_into_valid_embeds():
    reply = Reply(
        title="Long",
        sections=[Section(fields=[Field(f"Field {i}", "word " * 200) for i in range(7)])],
        footer="the end",
    )
    embeds = reply_embeds(reply)
    assert len(embeds) == 2 and sum(len(e) for e in embeds) > 7000
    for embed in embeds:
        assert len(embed) <= 6000 and len(embed.fields) <= 25
        assert all(len(f.value) <= 1024 and len(f.name) <= 256 for f in embed.fields)
    values = "".join(f.value for e in embeds for f in e.fields)
    assert values.count("word") == 7 * 200  # nothing cut


def test_paging_buttons_turn_the_page(seeded_ctx):
    long = Reply(title="Long", sections=[Section(fields=[Field(f"F{i}", "word " * 200) for i in range(14)])])

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            from bot.discord.views import PagerView

            view = PagerView(reply_embeds(long))
            message = discord.fake.message(CHANNEL, {"content": ""})
            discord.client._connection.store_view(view, int(message["id"]))
            next_id = view.next.custom_id
            interaction = discord.click(next_id, message)
            await wait_for(lambda: discord.callbacks(interaction))
            return discord.callbacks(interaction)[0], view

    callback, view = asyncio.run(scenario())
    assert callback["type"] == 7  # the message is edited in place
    assert view.page == 1 and "Page 2 of" in callback["data"]["embeds"][0]["footer"]["text"]


def test_a_scheduled_digest_is_posted_with_its_chart(seeded_ctx):
    from datetime import UTC, datetime, timedelta

    from apscheduler.triggers.date import DateTrigger

    from bot.digests import DigestService
    from handlers.values import Channel

    async def scenario():
        async with DiscordHarness(seeded_ctx) as discord:
            service = DigestService(seeded_ctx)
            service.add_poster("discord", discord.client)
            service.start()
            service.schedule(Channel("discord", CHANNEL), DateTrigger(datetime.now(UTC) + timedelta(seconds=0.3)))
            await wait_for(lambda: service.history)
            service.shutdown()
            return discord.fake.sent("POST", f"/channels/{CHANNEL}/messages"), service.history

    posts, history = asyncio.run(scenario())
    assert [status for _, _, status in history] == ["posted"]
    assert "Digest for this channel" in text_of(posts[0]["embeds"])
    ((name, png),) = posts[-1]["files"]
    assert name.endswith(".png") and png[:4] == b"\x89PNG"
    assert seeded_ctx.store.channel_watermark("discord", CHANNEL) == 3
