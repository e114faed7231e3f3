"""HTTP mode: Slack posts to /slack/events on an aiohttp server; several instances can sit behind a
load balancer because everything they share lives in the database."""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp


def web_app(app: AsyncApp) -> web.Application:
    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def health(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    server = web.Application()
    server.router.add_post("/slack/events", events)
    server.router.add_get("/healthz", health)
    return server


async def start_http(app: AsyncApp, host: str, port: int) -> web.AppRunner:
    """Serve until the returned runner is cleaned up; port 0 picks a free one (tests)."""
    runner = web.AppRunner(web_app(app), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


def bound_port(runner: web.AppRunner) -> int:
    return runner.addresses[0][1]
