"""Starting and stopping the bot: the chat platforms configured in the environment (else the
console), the digest scheduler and the health server on one event loop, each platform and the
scheduler supervised; SIGTERM and SIGINT stop it gracefully."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.alerts import AlertService
from bot.chat import Intake, open_intake
from bot.console import Console, ConsolePoster
from bot.digests import DigestService
from bot.health import Health, blocking, start_health_server
from bot.settings import Settings
from bot.supervise import supervise
from handlers import Context
from handlers.rebuild import linker_notice

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
CLOSE_SECONDS = 10.0  # after the grace period: how long closing the connections may take


@dataclass
class Outcome:
    code: int
    finished: bool  # False: a command still running in a worker thread when the grace period ran out


def run(ctx: Context, settings: Settings, console_only: bool = False) -> int:
    """Run until stopped. With no platform configured the bot chats on this terminal."""
    loop = asyncio.new_event_loop()
    try:
        outcome = loop.run_until_complete(serve(ctx, settings, console_only))
    finally:
        loop.close()
    if not outcome.finished:
        # A worker thread still runs (a long ingest, or the console waiting for a line). Python
        # would wait for it at exit; the grace period is over, so leave now. An unfinished ingest
        # is one SQLite transaction, rolled back: nothing half-written stays.
        logger.warning("exiting with work unfinished; it was not committed and is lost")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(outcome.code)
    return outcome.code


Part = Callable[[], Awaitable[None]]


def platforms(
    ctx: Context, settings: Settings, digests: DigestService, health: Health, alerts: AlertService | None = None
) -> dict[str, Part]:
    """How to start each chat platform whose credentials are set (again, after a crash)."""
    parts: dict[str, Part] = {}
    if settings.get("SLACK_BOT_TOKEN"):
        from bot.slack.runner import run_slack

        parts["slack"] = lambda: run_slack(ctx, settings, digests, health, alerts)
    if settings.get("DISCORD_TOKEN"):
        from bot.discord.runner import run_discord

        parts["discord"] = lambda: run_discord(ctx, settings, digests, health, alerts)
    return parts


async def serve(
    ctx: Context, settings: Settings, console_only: bool = False, stop: asyncio.Event | None = None
) -> Outcome:
    """Serve until ``stop`` is set (SIGTERM, SIGINT), the console's input ends, or cancelled; then
    refuse new commands, give running work NEWSROOM_SHUTDOWN_SECONDS, release unfinished digest
    claims and close the platforms, the scheduler and the health server."""
    notice = linker_notice(ctx)
    if notice:
        logger.warning(notice)
        print(notice, file=sys.stderr)
    loop = asyncio.get_running_loop()
    stop = stop or asyncio.Event()
    signals = _catch_signals(loop, stop)
    intake = open_intake()
    health = Health()
    health.set("database", blocking(ctx.store.readiness))
    digests = DigestService(ctx, grace_seconds=settings.integer("NEWSROOM_DIGEST_GRACE_MINUTES") * 60)
    ctx.schedules = digests
    digests.start()
    health.set("scheduler", digests.problem)
    tasks = [asyncio.create_task(supervise("scheduler", digests.watch, health), name="scheduler")]
    alerts = AlertService(ctx, instance=digests.instance)
    alerts.attach()
    every = max(1, settings.integer("NEWSROOM_ALERT_MINUTES")) * 60
    tasks.append(asyncio.create_task(supervise("alerts", lambda: alerts.watch(every), health), name="alerts"))
    server = None
    code: int | None = 0
    try:
        if settings.get("NEWSROOM_HEALTH_PORT"):
            server = await start_health_server(
                health, settings.get("NEWSROOM_HEALTH_HOST"), settings.integer("NEWSROOM_HEALTH_PORT")
            )
        parts = {} if console_only else platforms(ctx, settings, digests, health, alerts)
        for name, start in parts.items():
            health.down(name, "starting")
            tasks.append(asyncio.create_task(supervise(name, start, health), name=name))
        if parts:
            await stop.wait()
        else:
            code = await _console(ctx, digests, alerts, stop)
    finally:
        finished = await _shut_down(settings, intake, digests, tasks)
        if server is not None:
            await server.cleanup()
        for sig in signals:
            loop.remove_signal_handler(sig)
    # code None: the console thread still waits for a line, and only leaving the process ends it.
    return Outcome(code or 0, finished and code is not None)


async def _console(ctx: Context, digests: DigestService, alerts: AlertService, stop: asyncio.Event) -> int | None:
    prompt = "newsroom> " if sys.stdin.isatty() else ""
    console = Console(ctx, sys.stdout, prompt=prompt)
    poster = ConsolePoster(console)
    digests.add_poster("console", poster)
    alerts.add_sender("console", poster.send_private)
    chatting = asyncio.create_task(asyncio.to_thread(console.run, sys.stdin))
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({chatting, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not chatting.done():
        return None  # stopped by a signal while the console waits for a line
    return 1 if chatting.result() and not sys.stdin.isatty() else 0


async def _shut_down(settings: Settings, intake: Intake, digests: DigestService, tasks: list[asyncio.Task]) -> bool:
    loop = asyncio.get_running_loop()
    grace = settings.integer("NEWSROOM_SHUTDOWN_SECONDS")
    deadline = loop.time() + grace
    logger.info("shutting down: %d commands running, %d s to finish", intake.running, grace)
    commands_done = await intake.close(deadline - loop.time())
    if not commands_done:
        logger.warning("%d commands still running after %d s", intake.running, grace)
    await digests.drain(deadline - loop.time())  # a digest cut short is released, never half-marked
    for task in tasks:
        task.cancel()
    _, stuck = await asyncio.wait(tasks, timeout=CLOSE_SECONDS)
    for task in stuck:
        logger.warning("%s did not close within %.0f s", task.get_name(), CLOSE_SECONDS)
    logger.info("stopped")
    return commands_done


def _catch_signals(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> list[signal.Signals]:
    """SIGTERM and SIGINT set ``stop`` (only the main thread may install handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return []
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, _stop_once, stop, sig)
    return list(STOP_SIGNALS)


def _stop_once(stop: asyncio.Event, sig: signal.Signals) -> None:
    if not stop.is_set():
        logger.warning("%s received: finishing running work, then stopping", sig.name)
    stop.set()
