"""Repeated start, burst of commands, SIGTERM: tracebacks and lost answers in each mode's logs.

Each run starts the real bot in a subprocess on a copy of the sample store: ``newsroom console``
(commands on its standard input), or ``newsroom run`` against the local fake Slack (HTTP mode,
signed slash commands) or the fake Discord REST API and gateway (application commands). Once it
is ready, a burst of questions is sent and SIGTERM follows at once, while their answers are being
worked out or delivered. Counted in each run's stderr: tracebacks, "Task was destroyed but it is
pending", "no running event loop", unretrieved exceptions and "lost" lines; and the exit code and
the answers the fakes (or the terminal) received. Reference: issue 39's target, 0 of each; run it
with ``--code DIR`` on an older checkout for the figures before a change.

Mode ``ingest10`` instead sends SIGTERM one second into a console ingest whose page takes 10 s to
arrive: the ingest should complete within the 20 s grace period, and the bot exit 0.

Usage: python bench/shutdown_runs.py [--runs 20] [--modes console,slack,discord,ingest10] [--code DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from tests.fakes.discord_api import APP_ID, FakeDiscord  # noqa: E402
from tests.fakes.discord_gateway import FakeGateway  # noqa: E402
from tests.fakes.local_server import free_port  # noqa: E402
from tests.fakes.slack_api import FakeSlack, signed_headers, slash_form  # noqa: E402

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
QUESTIONS = ["/who Putin", "/who Kiriyenko", "/compare Musk spoke with Putin", "/story Putin", "/who Peskov"]
MARKS = {
    "tracebacks": "Traceback",
    "destroyed": "Task was destroyed",
    "no_loop": "no running event loop",
    "unretrieved": "was never retrieved",
    "lost": " lost",
}
GUILD = "300"


@dataclass
class Run:
    code: int | None
    stderr: str
    sent: int
    answered: int
    counts: dict[str, int] = field(default_factory=dict)


def environment(code_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSROOM_", "SLACK_", "DISCORD_"))}
    env.update(PYTHONPATH=str(code_dir), NEWSROOM_LOG_LEVEL="INFO", **extra)
    return env


async def start(code_dir: Path, db: Path, command: str, extra: dict[str, str]) -> asyncio.subprocess.Process:
    pipe = asyncio.subprocess.PIPE
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "--db",
        str(db),
        command,
        stdin=pipe,
        stdout=pipe,
        stderr=pipe,
        cwd=db.parent,
        env=environment(code_dir, extra),
    )


async def ready(port: int, bot: asyncio.subprocess.Process, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline and bot.returncode is None:
            try:
                async with session.get(f"http://127.0.0.1:{port}/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the bot did not become ready")


async def stop(bot: asyncio.subprocess.Process) -> tuple[int | None, str, str]:
    bot.send_signal(signal.SIGTERM)
    try:
        out, err = await asyncio.wait_for(bot.communicate(), 90)
    except TimeoutError:
        bot.kill()
        out, err = await bot.communicate()
    return bot.returncode, out.decode(errors="replace"), err.decode(errors="replace")


async def greeted(bot: asyncio.subprocess.Process) -> None:
    """Wait for the console's greeting; RuntimeError with its stderr when it ends first."""
    seen = b""
    while b"articles stored" not in seen:
        line = await asyncio.wait_for(bot.stdout.readline(), 90)
        if not line:
            _, err = await bot.communicate()
            raise RuntimeError(f"the console ended before its greeting: {err.decode(errors='replace')[-500:]}")
        seen += line


async def console_run(code_dir: Path, db: Path) -> Run:
    bot = await start(code_dir, db, "console", {})
    await greeted(bot)
    bot.stdin.write("".join(q + "\n" for q in QUESTIONS).encode())
    await bot.stdin.drain()
    code, out, err = await stop(bot)
    answers = ("Vladimir Putin (person)", "Sergei Kiriyenko (person)", "“Musk spoke with Putin”:", "story of “Putin”")
    answered = sum(marker in out for marker in answers) + out.count("Dmitry Peskov (person)")
    answered += out.count("The bot is restarting")  # refused after the signal, which is an answer too
    return Run(code, err, len(QUESTIONS), answered)


async def slack_run(code_dir: Path, db: Path) -> Run:
    fake = await FakeSlack().start()
    port, health = free_port(), free_port()
    extra = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "SLACK_HTTP_HOST": "127.0.0.1",
        "SLACK_HTTP_PORT": str(port),
        "NEWSROOM_HEALTH_PORT": str(health),
    }
    bot = await start(code_dir, db, "run", extra)
    try:
        await ready(health, bot)
        url = f"http://127.0.0.1:{port}/slack/events"
        async with aiohttp.ClientSession() as session:

            async def post(line: str) -> None:
                name, _, text = line[1:].partition(" ")
                form = slash_form(f"/{name}", text, fake.response_url(name), channel="CNEWS")
                headers = signed_headers(SECRET, form, "application/x-www-form-urlencoded")
                async with session.post(url, data=form, headers=headers) as response:
                    await response.read()

            await asyncio.gather(*(post(q) for q in QUESTIONS))
        code, _, err = await stop(bot)
    finally:
        if bot.returncode is None:
            bot.kill()
        await fake.stop()
    return Run(code, err, len(QUESTIONS), len(fake.responses))


async def discord_run(code_dir: Path, db: Path) -> Run:
    from tests.bot.discord.harness import EDITOR, command_data, guild_payload, interaction_payload

    api = await FakeDiscord().start()
    gateway = await FakeGateway(guild_payload()).start()
    health = free_port()
    extra = {
        "DISCORD_TOKEN": "discord-test",
        "DISCORD_API_URL": api.api_url,
        "DISCORD_GATEWAY_URL": gateway.url,
        "DISCORD_GUILDS": GUILD,
        "NEWSROOM_HEALTH_PORT": str(health),
    }
    bot = await start(code_dir, db, "run", extra)
    try:
        await ready(health, bot)
        ids = []
        for number, question in enumerate(QUESTIONS):
            name, _, text = question[1:].partition(" ")
            key = {"who": "name", "compare": "claim", "story": "what"}[name]
            interaction_id = f"9{number:03d}"
            ids.append(interaction_id)
            payload = interaction_payload(interaction_id, 2, command_data(name, {key: text}), EDITOR)
            await gateway.dispatch("INTERACTION_CREATE", payload)
        code, _, err = await stop(bot)
    finally:
        if bot.returncode is None:
            bot.kill()
        await gateway.stop()
        await api.stop()
    answered = sum(bool(api.sent("POST", f"/webhooks/{APP_ID}/token-{i}")) for i in ids)
    return Run(code, err, len(QUESTIONS), answered)


async def slow_ingest_run(code_dir: Path, db: Path, seconds: float = 10.0) -> Run:
    """SIGTERM one second into an ingest whose page takes ``seconds`` to arrive (grace period 20 s):
    the ingest should finish, its answer be printed, and the bot exit 0."""
    from aiohttp import web

    from tests.bot.test_chat import ARTICLE

    arrived = asyncio.Event()

    async def page(request: web.Request) -> web.Response:
        arrived.set()
        await asyncio.sleep(seconds)
        return web.Response(body=ARTICLE, content_type="text/html")

    server = web.Application()
    server.router.add_get("/slow", page)
    runner = web.AppRunner(server)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    extra = {"NEWSROOM_ALLOW_PRIVATE_URLS": "1", "NEWSROOM_FETCH_TIMEOUT": str(round(seconds) + 20)}
    bot = await start(code_dir, db, "console", extra)
    try:
        await greeted(bot)
        bot.stdin.write(f"/ingest http://127.0.0.1:{port}/slow\n".encode())
        await bot.stdin.drain()
        await asyncio.wait_for(arrived.wait(), 60)
        await asyncio.sleep(1.0)
        signalled = time.monotonic()
        code, out, err = await stop(bot)
        took = time.monotonic() - signalled
    finally:
        if bot.returncode is None:
            bot.kill()
        await runner.cleanup()
    stored = "names found" in out
    if not stored:
        print("    " + out.strip().replace("\n", "\n    "))
    print(f"    SIGTERM 1 s into a {seconds:.0f} s ingest: exit {code} after {took:.1f} s, stored: {stored}")
    return Run(code, err, 1, int(stored))


MODES = {"console": console_run, "slack": slack_run, "discord": discord_run, "ingest10": slow_ingest_run}


def seed(code_dir: Path, folder: Path) -> Path:
    """The sample store, built once by the CLI and copied for each run."""
    path = folder / "template.db"
    manifest = ROOT / "examples" / "articles" / "manifest.json"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(path), "ingest", "--manifest", str(manifest)],
        check=True,
        capture_output=True,
        cwd=folder,
        env=environment(code_dir, {}),
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="start/stop runs of each mode")
    parser.add_argument("--modes", default="console,slack,discord")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose bot is run (default: this one)")
    parser.add_argument("--show", action="store_true", help="print the stderr of runs with a mark")
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    totals: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="newsroom-stops-") as folder:
        template = seed(args.code, Path(folder))
        for mode in modes:
            total = dict.fromkeys(MARKS, 0) | {"runs": 0, "nonzero_exit": 0, "sent": 0, "answered": 0}
            for number in range(args.runs):
                db = Path(folder) / f"{mode}-{number}" / "bot.db"
                db.parent.mkdir()
                shutil.copyfile(template, db)
                run = asyncio.run(MODES[mode](args.code, db))
                run.counts = {key: run.stderr.count(mark) for key, mark in MARKS.items()}
                total["runs"] += 1
                total["nonzero_exit"] += run.code != 0
                total["sent"] += run.sent
                total["answered"] += run.answered
                for key, count in run.counts.items():
                    total[key] += count
                marked = {k: v for k, v in run.counts.items() if v}
                print(
                    f"{mode} run {number + 1:2d}: exit {run.code}, answered {run.answered}/{run.sent}, marks {marked}"
                )
                if args.show and marked:
                    print("    " + run.stderr.replace("\n", "\n    "))
            totals[mode] = total
    print()
    for mode, total in totals.items():
        print(f"{mode}: " + json.dumps(total))
    marks = sum(total[key] for total in totals.values() for key in MARKS)
    exits = sum(total["nonzero_exit"] for total in totals.values())
    print(f"ratio to the reference (issue 39's target: 0 marks, 0 non-zero exits): {marks} marks, {exits} exits")
    print(
        " ".join(
            f"{mode}_{key}={total[key]}"
            for mode, total in totals.items()
            for key in ("runs", "tracebacks", "destroyed", "no_loop", "lost", "nonzero_exit", "answered", "sent")
        )
    )
    return 0 if marks == 0 and exits == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
