"""Slack acknowledgement and answer times over real HTTP: signed slash commands into the Bolt app.

Reference: a bare aiohttp POST round trip on the same loopback, and Slack's 3-second ack deadline
(our target: /who ack p99 under 300 ms in every case).
Figures: p50/p95/p99 of the ack (HTTP answer to Slack) and of the full answer (the response_url
post), for /who one at a time, /ingest of a pasted article (acked first, answered after analysis),
/who while a long article (~250,000 characters) is being ingested, and a burst of 50 /who sent at
once; and the process's peak resident memory through all of it.
Usage: python bench/slack_ack.py [--requests 40] [--burst 50]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

from bot.slack.app import SlackBot  # noqa: E402
from bot.slack.config import SlackConfig  # noqa: E402
from bot.slack.http import bound_port, start_http  # noqa: E402
from handlers import Context  # noqa: E402
from handlers.ingest import IngestRequest, ingest  # noqa: E402
from ingest.manifest import read_manifest  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402
from tests.fakes.slack_api import FakeSlack, signed_headers, slash_form  # noqa: E402

SECRET = "bench-secret"
DEADLINE_MS = 3000.0
ARTICLE = (
    "Kremlin spokesman Dmitry Peskov said on {day} that Elon Musk and Vladimir Putin had spoken only once, "
    "by telephone, and denied any regular contact. Officials in Washington declined to comment on the report."
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def long_article(chars: int = 250_000) -> str:
    """Many distinct paragraphs, so the ingest does real work for several seconds."""
    paragraphs, number = [], 0
    while sum(map(len, paragraphs)) < chars:
        day = DAYS[number % 7]
        paragraphs.append(
            f"Council member number {number} said on {day} that the bridge budget of {number * 7} million "
            f"euros was approved, according to the minutes of session {number}, and the mayor disputed it."
        )
        number += 1
    return "\n\n".join(paragraphs)


async def measure(ctx: Context, requests: int, burst: int) -> dict[str, float]:
    fake = await FakeSlack().start()
    bot = SlackBot(ctx, SlackConfig(bot_token="xoxb-bench", signing_secret=SECRET, api_url=fake.api_url))
    runner = await start_http(bot.app, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{bound_port(runner)}/slack/events"

    async def echo(request: web.Request) -> web.Response:
        return web.Response(text=await request.text())

    bare = web.Application()
    bare.router.add_post("/", echo)
    bare_runner = web.AppRunner(bare, access_log=None)
    await bare_runner.setup()
    await web.TCPSite(bare_runner, "127.0.0.1", 0).start()
    bare_url = f"http://127.0.0.1:{bound_port(bare_runner)}/"
    figures: dict[str, list[float]] = {
        "bare": [],
        "who_ack": [],
        "who_answer": [],
        "ingest_ack": [],
        "ingest_answer": [],
        "who_ack_during_ingest": [],
        "who_answer_during_ingest": [],
        "who_ack_burst": [],
        "who_answer_burst": [],
    }
    async with aiohttp.ClientSession() as session:

        async def slash(command: str, text: str, number: int) -> tuple[float, float]:
            name = f"{command}-{number}"
            form = slash_form(f"/{command}", text, fake.response_url(name))
            headers = signed_headers(SECRET, form, "application/x-www-form-urlencoded")
            started = time.perf_counter()
            async with session.post(url, data=form, headers=headers) as response:
                await response.read()
            acked = time.perf_counter()
            final = "#" if command == "ingest" else "Dmitry Peskov"
            while not any(final in str(r.get("blocks")) for r in fake.responses_to[name]):
                await asyncio.sleep(0.001)
            return (acked - started) * 1000, (time.perf_counter() - started) * 1000

        await slash("who", "Peskov", -1)  # warm-up: auth.test, first query
        for number in range(requests):
            started = time.perf_counter()
            async with session.post(bare_url, data="x" * 200) as response:
                await response.read()
            figures["bare"].append((time.perf_counter() - started) * 1000)
            ack, done = await slash("who", "Peskov", number)
            figures["who_ack"].append(ack)
            figures["who_answer"].append(done)
        for number in range(max(5, requests // 4)):
            text = ARTICLE.format(day=DAYS[number % 7]) + f" Report number {number}."
            ack, done = await slash("ingest", text, number)
            figures["ingest_ack"].append(ack)
            figures["ingest_answer"].append(done)
        # A long ingest (what a reporter's /ingest of a long report does) beside a stream of /who.
        long_ingest = asyncio.create_task(
            asyncio.to_thread(ingest, ctx, [IngestRequest("pasted", text=long_article(), outlet="Long Report")])
        )
        number = 0
        while not long_ingest.done() or number < 10:
            ack, done = await slash("who", "Peskov", 10_000 + number)
            if not long_ingest.done():
                figures["who_ack_during_ingest"].append(ack)
                figures["who_answer_during_ingest"].append(done)
            number += 1
        await long_ingest
        # A burst: every command sent at once.
        burst_results = await asyncio.gather(*(slash("who", "Peskov", 20_000 + n) for n in range(burst)))
        figures["who_ack_burst"] = [ack for ack, _ in burst_results]
        figures["who_answer_burst"] = [done for _, done in burst_results]
    await runner.cleanup()
    await bare_runner.cleanup()
    await fake.stop()
    out: dict[str, float] = {}
    for key, values in figures.items():
        out[f"{key}_p50_ms"] = statistics.median(values)
        out[f"{key}_p95_ms"] = percentile(values, 0.95)
        out[f"{key}_p99_ms"] = percentile(values, 0.99)
    out["during_ingest_samples"] = len(figures["who_ack_during_ingest"])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--burst", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db")
        ctx = Context(store=store, analyzer=Analyzer())
        ingest(
            ctx,
            [
                IngestRequest(str(e.path), outlet=e.outlet, published=e.published)
                for e in read_manifest(ROOT / "examples" / "articles" / "manifest.json")
            ],
        )
        figures = asyncio.run(measure(ctx, args.requests, args.burst))
        store.close()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'':26} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9}")
    for key in (
        "bare",
        "who_ack",
        "who_answer",
        "ingest_ack",
        "ingest_answer",
        "who_ack_during_ingest",
        "who_answer_during_ingest",
        "who_ack_burst",
        "who_answer_burst",
    ):
        row = [figures[f"{key}_{p}_ms"] for p in ("p50", "p95", "p99")]
        print(f"{key:26} " + " ".join(f"{v:9.1f}" for v in row))
    print(
        f"/who ack p99: {figures['who_ack_during_ingest_p99_ms']:.0f} ms during a long ingest "
        f"({figures['during_ingest_samples']:.0f} samples), {figures['who_ack_burst_p99_ms']:.0f} ms in a burst of "
        f"{args.burst}; target 300 ms. Peak resident memory {figures['peak_rss_mb']:.0f} MB (target 450)."
    )
    ratio = figures["who_ack_p95_ms"] / max(figures["bare_p95_ms"], 1e-6)
    print(
        f"/who ack p95 is {ratio:.1f}x a bare aiohttp round trip; "
        f"{figures['ingest_ack_p95_ms'] / DEADLINE_MS:.1%} of Slack's 3 s deadline for the slowest ack (ingest)"
    )
    figures["who_ack_vs_bare_p95"] = ratio
    figures["ingest_ack_share_of_deadline"] = figures["ingest_ack_p95_ms"] / DEADLINE_MS
    print(" ".join(f"{k}={v:.3f}" if "share" in k else f"{k}={v:.1f}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
