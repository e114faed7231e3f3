"""Watch alerts over the real slack-bolt and discord.py clients, against the local fakes: a name and
a claim watched, an article naming the one and disputing the other, one private message each, and
nothing more after a restart and the same article again."""

from __future__ import annotations

import asyncio
import json

from bot.alerts import AlertService
from handlers import Context
from handlers.ingest import IngestRequest, ingest
from store import Store
from tests.bot.discord.harness import EDITOR, DiscordHarness
from tests.bot.slack.harness import SlackHarness, all_text
from tests.conftest import ROOT
from tests.fakes.waiting import wait_for

DENIAL = ROOT / "tests" / "fixtures" / "kremlin_denial.txt"
CLAIM = "Musk has been in regular contact with Kiriyenko"


def _restarted(ctx: Context) -> Context:
    """The same database opened afresh, as a restarted bot opens it."""
    path = ctx.store.path
    ctx.store.close()
    return Context(store=Store.open(path), analyzer=ctx.analyzer)


def _alerts(ctx: Context, instance: str, platform: str, send) -> AlertService:
    """An instance's alert service with one platform's sender, delivering after every ingest."""
    alerts = AlertService(ctx, instance=instance)
    alerts.add_sender(platform, send)
    alerts.attach()
    return alerts


async def _same_article_again(alerts: AlertService) -> int:
    """Ingest the article a second time (a duplicate), then deliver: the number of alerts sent."""
    assert await asyncio.to_thread(_ingest_denial, alerts.ctx) == ["duplicate"]
    return await alerts.deliver()


def _ingest_denial(ctx: Context) -> list[str]:
    reply = ingest(ctx, [IngestRequest(str(DENIAL), outlet="Reuters", published="2024-10-28")])
    return [a["status"] for a in reply.data["articles"]]


def test_slack_watchers_hear_once_in_a_direct_message(seeded_ctx):
    async def first_run():
        async with SlackHarness(seeded_ctx) as slack:
            alerts = _alerts(seeded_ctx, "first", "slack", slack.bot.send_private)
            await slack.command("watch", "Kiriyenko", user="U1")
            await slack.command("watch", f"claim {CLAIM}", user="U1")
            await slack.command("watch", "Bill Nelson", user="U2")
            await wait_for(lambda: len(slack.fake.responses) >= 3 and "Working" not in all_text(slack.fake.responses))
            assert await asyncio.to_thread(_ingest_denial, seeded_ctx) == ["new"]
            await wait_for(lambda: slack.fake.direct_messages("U1"))
            assert await alerts.deliver() == 0  # the delivery the ingest started has finished
            return slack.fake.direct_messages("U1"), slack.fake.direct_messages("U2"), slack.fake.responses

    (message,), to_u2, answers = asyncio.run(first_run())
    assert to_u2 == []
    assert any("Watching Sergei Kiriyenko" in all_text(a) for a in answers)
    text = json.dumps(message, ensure_ascii=False)
    assert "Sergei Kiriyenko is named in a new Reuters article" in text
    assert f"“{CLAIM}” is now disputed (was unverified)" in text
    assert "Peskov" in text

    ctx = _restarted(seeded_ctx)

    async def after_restart():
        async with SlackHarness(ctx) as slack:
            sent = await _same_article_again(_alerts(ctx, "second", "slack", slack.bot.send_private))
            return sent, slack.fake.called("chat.postMessage")

    sent, posted = asyncio.run(after_restart())
    assert sent == 0 and posted == []


def test_discord_watchers_hear_once_in_a_direct_message(seeded_ctx):
    watcher = EDITOR["user"]["id"]

    async def first_run():
        async with DiscordHarness(seeded_ctx) as discord:
            alerts = _alerts(seeded_ctx, "first", "discord", discord.client.send_private)
            named = discord.command("watch", {"what": "Kiriyenko"})
            claimed = discord.command("watch", {"what": f"claim {CLAIM}"})
            await wait_for(lambda: discord.followups(named) and discord.followups(claimed))
            assert await asyncio.to_thread(_ingest_denial, seeded_ctx) == ["new"]
            await wait_for(lambda: discord.fake.direct_messages(watcher))
            assert await alerts.deliver() == 0
            return discord.fake.direct_messages(watcher), discord.followups(named)

    (message,), (answer,) = asyncio.run(first_run())
    assert "Watching Sergei Kiriyenko" in json.dumps(answer, ensure_ascii=False)
    text = json.dumps(message, ensure_ascii=False)
    assert "Sergei Kiriyenko is named in a new Reuters article" in text
    assert f"“{CLAIM}” is now disputed (was unverified)" in text
    assert message["allowed_mentions"]["parse"] == []

    ctx = _restarted(seeded_ctx)

    async def after_restart():
        async with DiscordHarness(ctx) as discord:
            sent = await _same_article_again(_alerts(ctx, "second", "discord", discord.client.send_private))
            return sent, discord.fake.direct_messages(watcher)

    sent, messages = asyncio.run(after_restart())
    assert sent == 0 and messages == []
