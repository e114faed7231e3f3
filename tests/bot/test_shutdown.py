"""SIGTERM keeps the README's promise: an idle bot exits 0 and logs nothing lost; a running ingest
gets its grace period; one that outlasts it is abandoned, stores nothing, and its user is told.
The real command in a subprocess (the console chat), and Slack and Discord on the local fakes."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
import sys
import threading

from bot.run import serve
from bot.settings import Settings
from tests.bot.discord.harness import EDITOR, command_data, guild_payload, interaction_payload
from tests.bot.slack.harness import SECRET
from tests.bot.test_chat import ARTICLE
from tests.conftest import ROOT
from tests.fakes.discord_api import APP_ID, FakeDiscord
from tests.fakes.discord_gateway import FakeGateway
from tests.fakes.local_server import free_port
from tests.fakes.slack_api import FakeSlack
from tests.fakes.waiting import wait_for

TRACEBACKS = ("Traceback", "Task was destroyed", "no running event loop", "was never retrieved")


def held_page(site, release: threading.Event, requested: threading.Event) -> str:
    """A page served only once the test releases it: an ingest that runs as long as the test wants."""

    def route():
        requested.set()
        release.wait(60)
        return 200, {"Content-Type": "text/html"}, ARTICLE

    site.routes["/held"] = route
    return site.url("/held")


def articles(path) -> int:
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    return count


async def console(db, cwd, grace: int = 20) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSROOM_", "SLACK_", "DISCORD_"))}
    env.update(NEWSROOM_LOG_LEVEL="INFO", NEWSROOM_SHUTDOWN_SECONDS=str(grace), NEWSROOM_ALLOW_PRIVATE_URLS="1")
    env["PYTHONPATH"] = str(ROOT)
    pipe = asyncio.subprocess.PIPE
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "--db",
        str(db),
        "console",
        stdin=pipe,
        stdout=pipe,
        stderr=pipe,
        cwd=cwd,
        env=env,
    )


async def read_until(stream: asyncio.StreamReader, text: str, timeout: float = 60) -> str:
    seen = ""
    async with asyncio.timeout(timeout):
        while text not in seen:
            line = await stream.readline()
            if not line:
                raise AssertionError(f"{text!r} never came; saw {seen!r}")
            seen += line.decode()
    return seen


def seeded_copy(seeded_template, tmp_path):
    path = tmp_path / "bot.db"
    shutil.copyfile(seeded_template, path)
    return path


def test_sigterm_while_idle_exits_0_and_logs_nothing_lost(seeded_template, tmp_path):
    db = seeded_copy(seeded_template, tmp_path)

    async def scenario():
        bot = await console(db, tmp_path)
        await read_until(bot.stdout, "articles stored")
        bot.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(bot.communicate(), 60)
        return bot.returncode, err.decode()

    code, errors = asyncio.run(scenario())
    assert code == 0, errors
    assert "SIGTERM received" in errors and "stopped" in errors
    assert "lost" not in errors and "abandon" not in errors
    assert not any(mark in errors for mark in TRACEBACKS), errors


def test_sigterm_during_an_ingest_lets_it_finish_within_the_grace_period(seeded_template, tmp_path, site):
    db = seeded_copy(seeded_template, tmp_path)
    requested, release = threading.Event(), threading.Event()
    url = held_page(site, release, requested)

    async def scenario():
        bot = await console(db, tmp_path)
        await read_until(bot.stdout, "articles stored")
        bot.stdin.write(f"/ingest {url}\n".encode())
        await asyncio.to_thread(requested.wait, 60)
        bot.send_signal(signal.SIGTERM)
        await read_until(bot.stderr, "SIGTERM received")  # the signal came while the ingest ran
        release.set()
        out, err = await asyncio.wait_for(bot.communicate(), 60)
        return bot.returncode, out.decode(), err.decode()

    code, out, errors = asyncio.run(scenario())
    assert code == 0, errors
    assert "names found" in out and "Council to vote on the bridge" in out
    assert articles(db) == 4
    assert "lost" not in errors and "abandon" not in errors
    assert not any(mark in errors for mark in TRACEBACKS), errors


def test_an_ingest_outlasting_the_grace_period_is_abandoned_its_user_told_and_nothing_stored(
    seeded_template, tmp_path, site
):
    db = seeded_copy(seeded_template, tmp_path)
    requested, release = threading.Event(), threading.Event()
    url = held_page(site, release, requested)

    async def scenario():
        bot = await console(db, tmp_path, grace=1)
        await read_until(bot.stdout, "articles stored")
        bot.stdin.write(f"/ingest {url}\n".encode())
        await asyncio.to_thread(requested.wait, 60)
        bot.send_signal(signal.SIGTERM)
        try:
            out, err = await asyncio.wait_for(bot.communicate(), 60)
        finally:
            release.set()
        return bot.returncode, out.decode(), err.decode()

    code, out, errors = asyncio.run(scenario())
    assert code == 0, errors
    assert f"The bot is restarting; your ingest of {url} was not stored, send it again." in out
    assert "1 command(s) abandoned after the grace period" in errors
    assert articles(db) == 3
    assert not any(mark in errors for mark in TRACEBACKS), errors


def slack_settings(fake: FakeSlack, port: int, grace: int) -> Settings:
    return Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "SLACK_HTTP_HOST": "127.0.0.1",
            "SLACK_HTTP_PORT": str(port),
            "NEWSROOM_SHUTDOWN_SECONDS": str(grace),
        }
    )


def test_slack_tells_the_user_whose_ingest_was_abandoned_and_stores_nothing(seeded_ctx, site):
    from tests.bot.test_run import _listening, signed_command

    requested, release = threading.Event(), threading.Event()
    url = held_page(site, release, requested)
    port = free_port()

    async def scenario():
        fake = await FakeSlack().start()
        stop = asyncio.Event()
        bot = asyncio.create_task(serve(seeded_ctx, slack_settings(fake, port, grace=1), stop=stop))
        try:
            await wait_for(lambda: _listening(port))
            events = f"http://127.0.0.1:{port}/slack/events"
            assert await signed_command(events, url, fake.response_url("ingest"), command="/ingest") == 200
            await asyncio.to_thread(requested.wait, 60)
            stop.set()
            outcome = await asyncio.wait_for(bot, 60)
        finally:
            release.set()
            await fake.stop()
        return fake, outcome

    fake, outcome = asyncio.run(scenario())
    assert outcome.abandoned == 1 and not outcome.finished
    notice = f"The bot is restarting; your ingest of {url} was not stored, send it again."
    assert notice in str(fake.responses[-1])
    assert seeded_ctx.store.article_count() == 3


def test_discord_answers_in_flight_are_delivered_before_the_connection_closes(seeded_ctx):
    health = free_port()

    async def scenario():
        discord, gateway = await FakeDiscord().start(), await FakeGateway(guild_payload()).start()
        settings = Settings.from_env(
            {
                "DISCORD_TOKEN": "discord-test",
                "DISCORD_API_URL": discord.api_url,
                "DISCORD_GATEWAY_URL": gateway.url,
                "DISCORD_GUILDS": "300",
                "NEWSROOM_HEALTH_PORT": str(health),
            }
        )
        stop = asyncio.Event()
        bot = asyncio.create_task(serve(seeded_ctx, settings, stop=stop))
        try:
            await wait_for(lambda: gateway.identified == 1, timeout=60)
            ids = [f"80{n}" for n in range(5)]
            for number, interaction in enumerate(ids):
                name = ["Kiriyenko", "Peskov", "Musk", "Putin", "Kirby"][number]
                data = command_data("who", {"name": name})
                await gateway.dispatch("INTERACTION_CREATE", interaction_payload(interaction, 2, data, EDITOR))
            await wait_for(lambda: all(discord.sent("POST", f"/interactions/{i}/") for i in ids))
            stop.set()  # the five answers are being worked out or delivered
            outcome = await asyncio.wait_for(bot, 60)
        finally:
            for fake in (discord, gateway):
                await fake.stop()
        return discord, ids, outcome

    discord, ids, outcome = asyncio.run(scenario())
    assert outcome.code == 0 and outcome.finished
    for interaction in ids:
        assert discord.sent("POST", f"/webhooks/{APP_ID}/token-{interaction}"), interaction
