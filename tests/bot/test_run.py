"""`newsroom run` wiring: settings pick Slack's HTTP mode, the scheduler shares the loop, and
/digest now in Slack posts through the scheduler's exactly-once path."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import socket
import sys
import threading

import aiohttp

from bot.run import _settle, serve
from bot.settings import Settings
from tests.bot.discord.harness import READER, command_data, guild_payload, interaction_payload
from tests.bot.slack.harness import SECRET
from tests.conftest import ROOT
from tests.fakes.discord_api import APP_ID, FakeDiscord
from tests.fakes.discord_gateway import FakeGateway
from tests.fakes.local_server import free_port
from tests.fakes.slack_api import FakeSlack, signed_headers, slash_form
from tests.fakes.waiting import wait_for


async def signed_command(url: str, text: str, response_url: str, command: str = "/digest") -> int:
    form = slash_form(command, text, response_url, channel="CNEWS")
    headers = signed_headers(SECRET, form, "application/x-www-form-urlencoded")
    async with aiohttp.ClientSession() as session, session.post(url, data=form, headers=headers) as response:
        return response.status


def test_run_serves_slack_and_posts_a_digest_now(seeded_ctx):
    port = free_port()

    async def scenario():
        fake = await FakeSlack().start()
        settings = Settings.from_env(
            {
                "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": fake.api_url,
                "SLACK_HTTP_HOST": "127.0.0.1",
                "SLACK_HTTP_PORT": str(port),
            }
        )
        stop = asyncio.Event()
        bot = asyncio.create_task(serve(seeded_ctx, settings, stop=stop))
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            await wait_for(lambda: _listening(port))
            assert await signed_command(url, "now", fake.response_url()) == 200
            await wait_for(lambda: fake.called("chat.postMessage") and fake.uploads)
        finally:
            stop.set()
            outcome = await bot
            await fake.stop()
        return fake, outcome

    fake, outcome = asyncio.run(scenario())
    assert outcome.code == 0 and outcome.finished
    assert not _listening(port)
    assert all(p["channel"] == "CNEWS" for p in fake.called("chat.postMessage"))
    assert any("Posting this channel's digest now" in str(r) for r in fake.responses)
    assert seeded_ctx.store.channel_watermark("slack", "CNEWS") == 3


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def both_platforms(slack: FakeSlack, discord: FakeDiscord, gateway: FakeGateway, port: int, health: int) -> dict:
    return {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        "SLACK_HTTP_HOST": "127.0.0.1",
        "SLACK_HTTP_PORT": str(port),
        "DISCORD_TOKEN": "discord-test",
        "DISCORD_API_URL": discord.api_url,
        "DISCORD_GATEWAY_URL": gateway.url,
        "DISCORD_GUILDS": "300",
        "NEWSROOM_HEALTH_PORT": str(health),
    }


async def readiness(port: int) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/readyz") as response:
        return response.status, await response.json()


async def ready(port: int) -> bool:
    try:
        return (await readiness(port))[0] == 200
    except aiohttp.ClientError:
        return False


async def wait_until(check, timeout: float = 30.0) -> None:
    """wait_for for an async condition."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting")
        await asyncio.sleep(0.05)


def test_a_payload_that_crashes_discord_leaves_slack_answering_and_discord_comes_back(seeded_ctx):
    port, health = free_port(), free_port()

    async def scenario():
        slack, discord = await FakeSlack().start(), await FakeDiscord().start()
        gateway = await FakeGateway(guild_payload()).start()
        stop = asyncio.Event()
        bot = asyncio.create_task(
            serve(seeded_ctx, Settings.from_env(both_platforms(slack, discord, gateway, port, health)), stop=stop)
        )
        try:
            await wait_until(lambda: ready(health))
            await gateway.send_raw("{this is not json")  # discord.py cannot parse it and raises
            await wait_for(lambda: gateway.closed == 1)
            status, report = await readiness(health)
            assert status == 503 and report["checks"]["discord"].startswith("restarting after it crashed")
            assert report["checks"]["slack"] == "ok"
            url = f"http://127.0.0.1:{port}/slack/events"
            assert await signed_command(url, "Kiriyenko", slack.response_url("who"), command="/who") == 200
            await wait_for(lambda: slack.responses)
            await wait_for(lambda: gateway.identified == 2)  # Discord started again
            await wait_until(lambda: ready(health))
            await gateway.dispatch(
                "INTERACTION_CREATE", interaction_payload("7001", 2, command_data("who", {"name": "Kiriyenko"}), READER)
            )
            await wait_for(lambda: discord.sent("POST", f"/webhooks/{APP_ID}/token-7001"))
        finally:
            stop.set()
            outcome = await bot
            for fake in (slack, discord, gateway):
                await fake.stop()
        return slack, discord, gateway, outcome

    slack, discord, gateway, outcome = asyncio.run(scenario())
    assert "Sergei Kiriyenko" in str(slack.responses[-1])
    (followup,) = discord.sent("POST", f"/webhooks/{APP_ID}/token-7001")
    assert followup["embeds"][0]["title"].startswith("Sergei Kiriyenko (person)")
    assert outcome.code == 0 and outcome.finished
    assert gateway.closed == 2  # the crashed connection, then the one closed on shutdown
    assert not _listening(port) and not _listening(health)


def test_sigterm_lets_work_finish_releases_an_unposted_digest_closes_everything_and_exits_0(seeded_ctx):
    port, health = free_port(), free_port()
    path = seeded_ctx.store.path

    async def scenario():
        slack, discord = await FakeSlack().start(), await FakeDiscord().start()
        gateway = await FakeGateway(guild_payload()).start()
        slack.held["chat.postMessage"] = asyncio.Event()  # Slack never confirms the digest's post
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("NEWSROOM_", "SLACK_", "DISCORD_"))},
            **both_platforms(slack, discord, gateway, port, health),
            "NEWSROOM_SHUTDOWN_SECONDS": "3",
        }
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "--db", path, "run", env=env, cwd=ROOT, stderr=asyncio.subprocess.PIPE
        )
        try:
            await wait_until(lambda: ready(health), timeout=60)
            url = f"http://127.0.0.1:{port}/slack/events"
            assert await signed_command(url, "now", slack.response_url()) == 200
            await wait_for(lambda: slack.called("chat.postMessage"), timeout=60)  # the digest is being posted
            bot.send_signal(signal.SIGTERM)
            _, errors = await asyncio.wait_for(bot.communicate(), timeout=60)
        finally:
            if bot.returncode is None:
                bot.kill()
            slack.held["chat.postMessage"].set()
            for fake in (slack, discord, gateway):
                await fake.stop()
        return bot.returncode, errors.decode(), gateway

    code, errors, gateway = asyncio.run(scenario())
    assert code == 0, errors
    assert "SIGTERM received" in errors, errors
    assert "1 digest(s) not finished in time: stopped unposted" in errors, errors
    assert "exiting with work unfinished" not in errors
    assert gateway.closed == 1 and not _listening(port) and not _listening(health)
    store = seeded_ctx.store
    assert store.held_windows() == []
    assert "claimed" not in {status for _, _, status in store.digest_claims("slack", "CNEWS")}
    assert store.channel_watermark("slack", "CNEWS") == 0  # not posted, so not marked: the next digest has it


def test_socket_mode_reports_ready_once_connected_and_closes_on_stop(seeded_ctx):
    health = free_port()

    async def scenario():
        slack = await FakeSlack().start()
        settings = Settings.from_env(
            {
                "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_APP_TOKEN": "xapp-test",
                "SLACK_API_URL": slack.api_url,
                "NEWSROOM_HEALTH_PORT": str(health),
            }
        )
        stop = asyncio.Event()
        bot = asyncio.create_task(serve(seeded_ctx, settings, stop=stop))
        try:
            await wait_until(lambda: ready(health))
            report = await readiness(health)
        finally:
            stop.set()
            outcome = await bot
            await slack.stop()
        return report, outcome, slack

    (status, report), outcome, slack = asyncio.run(scenario())
    assert status == 200 and report["checks"] == {"database": "ok", "scheduler": "ok", "slack": "ok"}
    assert slack.called("apps.connections.open") and outcome.code == 0 and not _listening(health)


class _ReleasingExecutor(concurrent.futures.ThreadPoolExecutor):
    """A default executor whose shutdown releases the work it holds: the work ends only when
    the loop is drained, so whether stopping waited for it is seen without a race."""

    def __init__(self, release: threading.Event) -> None:
        super().__init__(max_workers=1)
        self.release = release

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.release.set()
        super().shutdown(wait=wait, cancel_futures=cancel_futures)


def test_stopping_waits_for_work_handed_to_threads_before_the_store_closes():
    """A cancelled await on ``asyncio.to_thread`` leaves its thread running (an alert being
    collected when /quit comes); the store closes after ``_settle``, so it must wait for it."""
    for drain in (False, True):
        release, ended = threading.Event(), threading.Event()

        def read_the_store(release=release, ended=ended) -> None:
            assert release.wait(timeout=30)
            ended.set()

        loop = asyncio.new_event_loop()
        executor = _ReleasingExecutor(release)
        loop.set_default_executor(executor)
        task = loop.create_task(asyncio.to_thread(read_the_store))
        loop.run_until_complete(asyncio.sleep(0))  # the work is handed to its thread
        _settle(loop, drain=drain)
        assert ended.is_set() == drain
        assert task.done()
        loop.close()
        executor.shutdown(wait=True)  # the undrained loop's thread ends too
        assert ended.is_set()
