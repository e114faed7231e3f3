"""Slack end to end: signed requests into the real Bolt app over HTTP, answers into the fake Slack."""

from __future__ import annotations

import asyncio
import threading
import time

from handlers import Reply, Section
from tests.bot.slack.harness import SlackHarness, all_text, buttons
from tests.fakes.waiting import wait_for


def run(coro):
    return asyncio.run(coro)


def test_who_answers_ephemerally_with_evidence_and_a_share_button(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            status, _, _ = await slack.command("who", "Peskov")
            await wait_for(lambda: slack.fake.responses)
            return status, slack.fake.responses

    status, responses = run(scenario())
    (message,) = responses
    assert status == 200 and message["response_type"] == "ephemeral"
    header = message["blocks"][0]
    assert header["type"] == "header" and header["text"]["text"].startswith("Dmitry Peskov (person)")
    assert "Kremlin spokesman" in all_text(message) and "Share in channel" in buttons(message)


def test_compare_pages_with_buttons_and_shares_the_page_in_channel(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            await slack.command("compare", "Musk and Putin have been in regular contact since late 2022")
            await wait_for(lambda: slack.fake.responses)
            first = slack.fake.responses[0]
            await slack.click(buttons(first)["Next ▶"])
            await wait_for(lambda: len(slack.fake.responses) == 2)
            second = slack.fake.responses[1]
            await slack.click(buttons(second)["Share in channel"])
            await wait_for(lambda: len(slack.fake.responses) == 3)
            return slack.fake.responses

    first, second, shared = run(scenario())
    assert "Page 1 of" in all_text(first) and "Page 2 of" in all_text(second)
    assert second["replace_original"] is True and "◀ Previous" in buttons(second)
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert not buttons(shared)  # the channel gets the page, not the controls
    assert all(len(m["blocks"]) <= 50 for m in (first, second, shared))


def test_slow_ingest_is_acknowledged_at_once_then_answered(seeded_ctx, site):
    article = (
        "Dmitry Peskov, the Kremlin spokesman, said on Tuesday that Elon Musk and Vladimir Putin had spoken "
        "only once. The Wall Street Journal had reported regular contact since late 2022, citing officials."
    )

    released = threading.Event()

    def slow_page():
        # The page is held until the test has seen the acknowledgement and the progress line, so
        # the work outlasts the acknowledgement however slow the machine is.
        assert released.wait(timeout=60), "the test never released the page"
        return 200, {"Content-Type": "text/plain"}, article.encode()

    site.routes["/slow"] = slow_page

    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            try:
                status, body, seconds = await slack.command("ingest", site.url("/slow"))
                await wait_for(lambda: any("Reading" in all_text(r) for r in slack.fake.responses))
                assert not any("#4" in all_text(r) for r in slack.fake.responses)  # the work is still going on
            finally:
                released.set()
            await wait_for(lambda: any("#4" in all_text(r) for r in slack.fake.responses))
            return status, body, seconds, slack.fake.responses

    status, body, seconds, responses = run(scenario())
    assert status == 200 and "Working on it" in body and seconds < 1.5
    assert "#4" in all_text(responses[-1]) and seeded_ctx.store.article_count() == 4
    assert responses[0]["text"].startswith("… Reading http://127.0.0.1")  # progress while it worked


def test_digest_and_newsroom_commands(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            await slack.command("newsroom", "ingest on")
            await slack.command("digest", "")
            await slack.command("newsroom", "")
            await wait_for(lambda: len(slack.fake.responses) >= 3)
            return slack.fake.responses

    responses = run(scenario())
    texts = [all_text(r) for r in responses]
    assert any("ingest is now on" in t for t in texts)
    assert any("3 new articles" in t for t in texts)  # the preview
    assert any("/who NAME" in t and "Time zone" in t for t in texts)
    assert seeded_ctx.store.channel_settings("slack", "C1")["ingest"] is True


def test_a_bad_signature_and_an_old_timestamp_are_refused(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            forged = await slack.command("who", "Peskov", secret="not-the-secret")
            stale = await slack.command("who", "Peskov", timestamp=int(time.time()) - 6 * 60)
            await slack.settled()
            return forged[0], stale[0], slack.fake.responses

    assert run(scenario()) == (401, 401, [])


def test_a_posted_link_is_ingested_with_reactions_and_a_thread_reply_and_a_retry_is_ignored(seeded_ctx, site):
    article = (
        "Kremlin spokesman Dmitry Peskov denied on Monday that Elon Musk and Vladimir Putin were in "
        "regular contact, saying the two men had spoken only once. Ian Bremmer said Musk told him otherwise."
    )
    site.routes["/story"] = (200, {"Content-Type": "text/plain"}, article.encode())
    seeded_ctx.store.update_channel_settings("slack", "C9", {"ingest": True})
    message = {
        "type": "message",
        "channel": "C9",
        "user": "U1",
        "ts": "1700000100.000100",
        "text": f"new one <{site.url('/story')}|story>",
    }

    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            await slack.event(message, event_id="EvPOST")
            await slack.event(message, event_id="EvPOST", retry=1)  # Slack thought we were too slow
            await wait_for(lambda: slack.fake.called("chat.postMessage"))
            await slack.settled()  # the first delivery's listener has finished; the retry started none
            return slack.fake

    fake = run(scenario())
    (reply,) = fake.called("chat.postMessage")
    assert reply["channel"] == "C9" and reply["thread_ts"] == "1700000100.000100"
    assert "#4" in all_text(reply)
    assert [r["name"] for r in fake.called("reactions.add")] == ["eyes", "white_check_mark"]
    assert [r["name"] for r in fake.called("reactions.remove")] == ["eyes"]
    assert seeded_ctx.store.article_count() == 4


def test_a_shared_file_is_downloaded_with_the_token_and_ingested(seeded_ctx):
    text = (
        "John Kirby said the White House could not corroborate reports that Elon Musk had spoken with "
        "Vladimir Putin. He said officials were still looking into the matter with the Pentagon."
    )
    seeded_ctx.store.update_channel_settings("slack", "C9", {"ingest": True})

    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            slack.fake.files["kirby.txt"] = text.encode()
            file = {
                "id": "F9",
                "name": "kirby.txt",
                "mimetype": "text/plain",
                "size": len(text),
                "url_private_download": f"{slack.fake.base}/files/kirby.txt",
            }
            event = {"type": "message", "subtype": "file_share", "channel": "C9", "user": "U1", "ts": "1.2"}
            await slack.event({**event, "text": "", "files": [file]})
            await wait_for(lambda: slack.fake.called("chat.postMessage"))
            return slack.fake

    fake = run(scenario())
    (reply,) = fake.called("chat.postMessage")
    assert "#4 John Kirby said" in all_text(reply) and seeded_ctx.store.article_count() == 4


def test_the_bots_own_messages_edits_and_channels_without_ingest_are_left_alone(seeded_ctx, site):
    site.routes["/story"] = (200, {"Content-Type": "text/plain"}, b"x")
    seeded_ctx.store.update_channel_settings("slack", "C9", {"ingest": True})
    link = f"<{site.url('/story')}>"
    events = [
        {"type": "message", "channel": "C9", "user": "UBOT", "bot_id": "BBOT", "ts": "1.1", "text": link},
        {"type": "message", "subtype": "message_changed", "channel": "C9", "ts": "1.2", "message": {"text": link}},
        {"type": "message", "channel": "C1", "user": "U1", "ts": "1.3", "text": link},  # ingest is off in C1
    ]

    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            for event in events:
                assert (await slack.event(event))[0] == 200
            await slack.settled()
            return slack.fake

    fake = run(scenario())
    assert fake.called("chat.postMessage") == [] and fake.called("reactions.add") == []
    assert site.hits == []


def test_editors_only_changes_are_refused_in_one_line(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx, editors=frozenset({"UEDITOR"})) as slack:
            await slack.command("digest", "daily 08:00", user="UREADER")
            await slack.command("who", "Peskov", user="UREADER")
            await wait_for(lambda: len(slack.fake.responses) == 2)
            return slack.fake.responses

    responses = run(scenario())
    refused = next(r for r in responses if "editors" in all_text(r))
    assert refused["blocks"][0]["type"] == "header" and len(refused["blocks"]) == 1
    assert any("Dmitry Peskov" in all_text(r) for r in responses)


def test_article_text_cannot_ping_the_channel(seeded_ctx):
    text = (
        "<!channel> @everyone Dmitry Peskov, the Kremlin spokesman, told <@U0ADMIN> on Friday that the "
        "report was false & misleading, and that Elon Musk had spoken with Vladimir Putin only once."
    )

    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            await slack.command("ingest", text)
            await wait_for(lambda: any("#4" in all_text(r) for r in slack.fake.responses))
            await slack.command("who", "Peskov --page 3")
            await wait_for(lambda: any("Dmitry Peskov (person)" in all_text(r) for r in slack.fake.responses))
            return slack.fake.responses

    answer = next(r for r in run(scenario()) if "Dmitry Peskov (person)" in all_text(r))
    text = all_text(answer)
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text and "<@U0ADMIN>" not in text
    assert "@everyone" not in text and "false &amp; misleading" in text


def test_a_sixty_block_answer_is_split_and_429_is_waited_out(seeded_ctx):
    reply = Reply(title="Long", sections=[Section(heading=f"Part {i}", text=f"line {i}") for i in range(30)])

    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            slack.fake.rate_limits["chat.postMessage"] = 1
            confirmed = await slack.bot.post_digest("C1", reply)
            return confirmed, slack.fake

    confirmed, fake = run(scenario())
    posts = fake.called("chat.postMessage")
    assert confirmed and [len(p["blocks"]) for p in posts] == [50, 11]
    assert [name for name, _ in fake.calls if name.startswith("chat.postMessage")][0] == "chat.postMessage:429"
    texts = [b["text"]["text"] for p in posts for b in p["blocks"] if b["type"] == "section"]
    assert texts == [t for i in range(30) for t in (f"*Part {i}*", f"line {i}")]  # nothing lost, in order


def test_an_answer_refused_with_429_is_posted_again_after_retry_after(seeded_ctx):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            slack.fake.response_failures = [429]
            started = time.monotonic()
            await slack.command("who", "Peskov")
            await wait_for(lambda: slack.fake.responses)
            return slack.fake, time.monotonic() - started

    fake, took = run(scenario())
    assert fake.refused_responses == [429] and took >= 1.0  # Retry-After: 1 was honoured
    (message,) = fake.responses
    assert message["blocks"][0]["text"]["text"].startswith("Dmitry Peskov (person)")


def test_an_answer_the_response_url_keeps_refusing_goes_through_the_web_api(seeded_ctx, caplog):
    async def scenario():
        async with SlackHarness(seeded_ctx) as slack:
            slack.fake.response_failures = [503] * 4
            await slack.command("who", "Peskov", user="U7", channel="C9")
            await wait_for(lambda: slack.fake.called("chat.postEphemeral"))
            return slack.fake

    fake = run(scenario())
    assert fake.refused_responses == [503] * 4 and fake.responses == []
    (posted,) = fake.called("chat.postEphemeral")
    assert posted["channel"] == "C9" and posted["user"] == "U7" and "Dmitry Peskov" in all_text(posted)
    assert any("/who" in r.getMessage() and "C9" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
