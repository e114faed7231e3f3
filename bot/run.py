"""Starting and stopping the bot: the chat platforms configured in the environment (else the
console), the digest scheduler and the health server on one event loop, each platform and the
scheduler supervised; SIGTERM and SIGINT stop it gracefully."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot import messages
from bot.alerts import AlertService
from bot.chat import Intake, answer, open_intake, turn
from bot.console import Console, ConsolePoster
from bot.digests import DigestService
from bot.health import Health, blocking, start_health_server
from bot.render_text import render_text
from bot.settings import Settings
from bot.supervise import supervise
from handlers import Context
from handlers.rebuild import linker_notice

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
CLOSE_SECONDS = 10.0  # after the grace period: how long delivering and closing the connections may take
#: How long the store may take to stop taking articles (an article being stored is finished first).
STOP_STORING_SECONDS = 5.0


@dataclass
class Outcome:
    code: int
    finished: bool  # False: a thread is left running (an abandoned command, or the console reading)
    abandoned: int = 0  # commands abandoned after the grace period (their users were told)


def run(ctx: Context, settings: Settings, console_only: bool = False) -> int:
    """Run until stopped. With no platform configured the bot chats on this terminal."""
    loop = asyncio.new_event_loop()
    outcome: Outcome | None = None
    try:
        outcome = loop.run_until_complete(serve(ctx, settings, console_only))
    finally:
        _settle(loop, drain=outcome is not None and outcome.finished)
        loop.close()
    if not outcome.finished:
        # A thread is still running: an abandoned command's worker, or the console waiting for a
        # line. Python would wait for a worker at exit; the grace period is over, so leave now.
        if outcome.abandoned:
            logger.warning(messages.EXITING_ABANDONED(count=outcome.abandoned))
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(outcome.code)
    return outcome.code


def _settle(loop: asyncio.AbstractEventLoop, drain: bool = False) -> None:
    """Cancel whatever a library left running on the loop and let it unwind, as ``asyncio.run`` does,
    so closing the loop destroys no pending task. With ``drain``, wait too for the work handed to
    threads (``_drain_threads``); without, a thread left running is the caller's to leave behind."""
    left = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in left:
        task.cancel()
    if left:
        loop.run_until_complete(asyncio.wait(left, timeout=CLOSE_SECONDS))
    for task in left:
        if task.done() and not task.cancelled() and task.exception() is not None:
            logger.warning(messages.ENDED_WHILE_STOPPING(task=task.get_name(), reason=task.exception()))
    loop.run_until_complete(loop.shutdown_asyncgens())
    if drain:
        loop.run_until_complete(_drain_threads(loop))


async def _drain_threads(loop: asyncio.AbstractEventLoop) -> None:
    """Wait, as ``asyncio.run`` does, for the work handed to the loop's threads (``asyncio.to_thread``)
    to end: cancelling a task that awaits such work leaves its thread running, and the store must not
    close under one of its reads. An alert being collected when /quit came crashed the process as
    the store closed the connection it was reading through."""
    try:
        await asyncio.wait_for(loop.shutdown_default_executor(), CLOSE_SECONDS)
    except TimeoutError:
        logger.warning(messages.THREADS_LEFT(seconds=CLOSE_SECONDS))


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
        abandoned = await _shut_down(ctx, settings, intake, digests, tasks)
        if server is not None:
            await server.cleanup()
        for sig in signals:
            loop.remove_signal_handler(sig)
    # code None: the console thread still waits for a line, and only leaving the process ends it.
    return Outcome(code or 0, not abandoned and code is not None, abandoned)


async def _console(ctx: Context, digests: DigestService, alerts: AlertService, stop: asyncio.Event) -> int | None:
    """Chat on this terminal until its input ends (the exit code) or ``stop`` is set (None).

    The console reads lines in a daemon thread, which a process may leave while it waits for a
    line; each command runs on the event loop like a platform's, through the intake, so a
    shutdown gives it the grace period and prints its answer (or that it was abandoned)."""
    loop = asyncio.get_running_loop()
    prompt = "newsroom> " if sys.stdin.isatty() else ""
    console = Console(ctx, sys.stdout, prompt=prompt)

    async def one_turn(line: str) -> bool:
        async with turn():

            async def note(text: str) -> None:
                console.say(f"… {text}")

            reply = await answer(ctx, line, console.caller, note)
            console.say(render_text(reply))
            return reply.ok

    def ask(line: str) -> bool:  # in the console's thread
        try:
            return asyncio.run_coroutine_threadsafe(one_turn(line), loop).result()
        except (RuntimeError, concurrent.futures.CancelledError):  # the loop closed or is closing
            raise _ConsoleStopped from None

    console.ask = ask
    poster = ConsolePoster(console)
    digests.add_poster("console", poster)
    alerts.add_sender("console", poster.send_private)
    chatted: asyncio.Future[int] = loop.create_future()

    def chat() -> None:
        try:
            failures = console.run(sys.stdin)
        except _ConsoleStopped:
            return  # the bot stopped while this line was waiting for its turn
        try:
            loop.call_soon_threadsafe(_settle_future, chatted, failures)
        except RuntimeError:  # the loop closed first: the bot stopped while this thread waited
            pass

    threading.Thread(target=chat, name="console", daemon=True).start()
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait({chatted, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not chatted.done():
        chatted.cancel()
        return None  # stopped by a signal while the console waits for a line
    return 1 if chatted.result() and not sys.stdin.isatty() else 0


class _ConsoleStopped(Exception):
    """The bot stopped: the console's thread stops reading."""


def _settle_future(future: asyncio.Future, value: object) -> None:
    if not future.done():
        future.set_result(value)


async def _shut_down(
    ctx: Context, settings: Settings, intake: Intake, digests: DigestService, tasks: list[asyncio.Task]
) -> int:
    """Stop in order: refuse new commands, give running ones the grace period, abandon the rest
    (their users are told), let answers in flight be delivered, release unfinished digests, close
    the platforms and the scheduler. Returns how many commands were abandoned."""
    loop = asyncio.get_running_loop()
    grace = settings.integer("NEWSROOM_SHUTDOWN_SECONDS")
    deadline = loop.time() + grace
    logger.info(messages.SHUTTING_DOWN(running=intake.running, grace=grace))
    abandoned = 0
    if not await intake.close(deadline - loop.time()):
        logger.warning(messages.ABANDONING(running=intake.running, grace=grace))
        abandoned = intake.abandon(await _stop_storing(ctx))
    cut = await intake.finish_turns(CLOSE_SECONDS)
    if cut:
        logger.warning(messages.ANSWERS_CUT(count=cut, seconds=CLOSE_SECONDS))
    await digests.drain(deadline - loop.time())  # a digest cut short is released, never half-marked
    for task in tasks:
        task.cancel()
    _, stuck = await asyncio.wait(tasks, timeout=CLOSE_SECONDS)
    for task in stuck:
        logger.warning(messages.NOT_CLOSED(task=task.get_name(), seconds=CLOSE_SECONDS))
    logger.info(messages.STOPPED())
    return abandoned


async def _stop_storing(ctx: Context) -> bool:
    """True once the store takes no more articles, so an abandoned ingest is surely not stored."""
    try:
        await asyncio.wait_for(asyncio.to_thread(ctx.store.stop_ingest), STOP_STORING_SECONDS)
    except TimeoutError:
        logger.warning(messages.STORE_NOT_STOPPED(seconds=STOP_STORING_SECONDS))
        return False
    return True


def _catch_signals(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> list[signal.Signals]:
    """SIGTERM and SIGINT set ``stop`` (only the main thread may install handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return []
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, _stop_once, stop, sig)
    return list(STOP_SIGNALS)


def _stop_once(stop: asyncio.Event, sig: signal.Signals) -> None:
    if not stop.is_set():
        logger.warning(messages.SIGNAL_RECEIVED(signal=sig.name))
    stop.set()
