"""What every adapter shares: on shutdown, running commands are waited for and new ones refused."""

from __future__ import annotations

import asyncio
import threading

from bot import chat, messages
from handlers import Caller

CALLER = Caller(user="U1", channel="C1", platform="slack", editor=True)
PARAGRAPH = (
    "Mayor Ana Lopez said on Monday that the council would vote on the bridge budget next week, "
    "according to minutes seen by reporters. The engineers' report puts the repairs at four million euros."
)
ARTICLE = (
    "<html><head><title>Council vote</title></head><body><article><h1>Council to vote on the bridge</h1>"
    + "".join(f"<p>{PARAGRAPH} Part {n} of the minutes was read aloud.</p>" for n in range(6))
    + "</article></body></html>"
).encode()


def slow_page(site, release: threading.Event, requested: threading.Event) -> str:
    """A page that is served only once the test releases it: an /ingest still running."""

    def route():
        requested.set()
        release.wait(30)
        return 200, {"Content-Type": "text/html"}, ARTICLE

    site.routes["/slow"] = route
    return site.url("/slow")


async def ingest_under_way(ctx, url: str, requested: threading.Event) -> tuple[chat.Intake, asyncio.Task]:
    """A fresh intake with an /ingest of ``url`` admitted and waiting for the page."""
    intake = chat.open_intake()
    running = asyncio.create_task(chat.answer(ctx, f"/ingest {url}", CALLER))
    await asyncio.to_thread(requested.wait, 30)
    return intake, running


def test_shutdown_waits_for_a_running_command_and_refuses_new_ones(seeded_ctx, site):
    requested, release = threading.Event(), threading.Event()
    url = slow_page(site, release, requested)

    async def scenario():
        intake, running = await ingest_under_way(seeded_ctx, url, requested)
        closing = asyncio.create_task(intake.close(timeout=30))
        await asyncio.sleep(0)  # one turn of the loop: close() has begun and waits
        refused = await chat.answer(seeded_ctx, "/who Peskov", CALLER)
        waiting = not closing.done()
        release.set()
        return await running, refused, waiting, await closing

    ingested, refused, waiting, finished = asyncio.run(scenario())
    assert ingested.ok and seeded_ctx.store.article_count() == 4
    assert not refused.ok and refused.title == messages.CLOSING()
    assert waiting and finished is True


def test_shutdown_gives_up_on_a_command_that_outlasts_the_grace_period(seeded_ctx, site):
    requested, release = threading.Event(), threading.Event()
    url = slow_page(site, release, requested)

    async def scenario():
        intake, running = await ingest_under_way(seeded_ctx, url, requested)
        finished = await intake.close(timeout=0.05)
        release.set()
        await running
        return finished, intake.running

    assert asyncio.run(scenario()) == (False, 0)
