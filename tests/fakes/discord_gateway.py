"""A local stand-in for Discord's gateway (the WebSocket discord.py connects to): HELLO, IDENTIFY →
READY and GUILD_CREATE, heartbeats acknowledged; the test sends events, or raw text, to the bot."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.discord_api import APP_ID, BOT
from tests.fakes.local_server import LocalServer


class FakeGateway(LocalServer):
    def __init__(self, guild: dict[str, Any]) -> None:
        super().__init__()
        self.guild = guild
        self.identified = 0  # IDENTIFY payloads received: one per (re)start of the client
        self.closed = 0  # connections the bot closed
        self.sockets: list[web.WebSocketResponse] = []
        self._sequence = 0

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> FakeGateway:
        app = web.Application()
        app.router.add_get("/gateway", self._connect)
        await self.serve(app)
        return self

    async def stop(self) -> None:
        for socket in self.sockets:
            await socket.close()
        await super().stop()

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """An event, to the newest connection."""
        self._sequence += 1
        await self.sockets[-1].send_str(json.dumps({"op": 0, "t": event, "s": self._sequence, "d": data}))

    async def send_raw(self, text: str) -> None:
        await self.sockets[-1].send_str(text)

    async def _connect(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                break
            payload = json.loads(message.data)
            if payload["op"] == 1:
                await socket.send_str(json.dumps({"op": 11}))
            elif payload["op"] == 2:
                self.identified += 1
                await self.dispatch(
                    "READY",
                    {
                        "v": 10,
                        "user": BOT,
                        "guilds": [{"id": self.guild["id"], "unavailable": True}],
                        "session_id": f"session-{self.identified}",
                        "resume_gateway_url": self.url,
                        "application": {"id": APP_ID, "flags": 0},
                    },
                )
                await self.dispatch("GUILD_CREATE", self.guild)
        self.closed += 1
        return socket
