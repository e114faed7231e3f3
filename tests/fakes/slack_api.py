"""A local stand-in for Slack: the Web API, response_url endpoints, file downloads and uploads, and
a Socket Mode websocket. It records every call and can answer 429 with Retry-After."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from typing import Any
from urllib.parse import parse_qsl, urlencode

from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

from tests.fakes.local_server import LocalServer


class FakeSlack(LocalServer):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.responses: list[dict[str, Any]] = []  # posts to response_url
        self.responses_to: dict[str, list[dict[str, Any]]] = defaultdict(list)  # the same, by response_url name
        self.response_failures: list[int] = []  # statuses to answer the next posts to response_url with
        self.refused_responses: list[int] = []  # the statuses given instead of taking a post
        self.uploads: list[bytes] = []
        self.files: dict[str, bytes] = {}
        self.rate_limits: dict[str, int] = defaultdict(int)  # method → 429s still to give
        self.held: dict[str, asyncio.Event] = {}  # method → answered only once the event is set
        self.envelopes: list[dict[str, Any]] = []  # Socket Mode: sent to the bot after "hello"
        self.acks: list[dict[str, Any]] = []  # Socket Mode: what the bot sent back
        self._ts = itertools.count(1)

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base}/respond/{name}"

    def direct_messages(self, user: str) -> list[dict[str, Any]]:
        """What the bot posted in its direct message with ``user``."""
        return [p for p in self.called("chat.postMessage") if p.get("channel") == f"D{user}"]

    def called(self, method: str) -> list[dict[str, Any]]:
        return [payload for name, payload in self.calls if name == method]

    async def start(self) -> FakeSlack:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/files/{name}", self._file)
        app.router.add_get("/ws", self._websocket)
        await self.serve(app)
        return self

    @staticmethod
    async def _payload(request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        if request.content_type == "application/json":
            return {**request.query, **json.loads(raw or "{}")}
        payload: dict[str, Any] = {**request.query, **dict(parse_qsl(raw))}
        for key in ("blocks", "attachments", "files"):
            if isinstance(payload.get(key), str):
                payload[key] = json.loads(payload[key])
        return payload

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await self._payload(request)
        if self.rate_limits[method] > 0:
            self.rate_limits[method] -= 1
            self.calls.append((f"{method}:429", payload))
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"})
        self.calls.append((method, payload))
        if method in self.held:
            await self.held[method].wait()
        return web.json_response(self._answer(method, payload))

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "newsroom"}
        if method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            return {"ok": True, "channel": payload.get("channel"), "ts": ts, "message": {"ts": ts}}
        if method == "files.getUploadURLExternal":
            return {"ok": True, "upload_url": f"{self.base}/upload/F{len(self.uploads) + 1}", "file_id": "F1"}
        if method == "files.completeUploadExternal":
            return {"ok": True, "files": [{"id": "F1", "title": "chart"}]}
        if method == "conversations.open":  # a direct message with the user: "D" + the user id
            return {"ok": True, "channel": {"id": f"D{payload.get('users')}"}}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/ws"}
        return {"ok": True}

    async def _respond(self, request: web.Request) -> web.Response:
        payload = await self._payload(request)
        if self.response_failures:
            status = self.response_failures.pop(0)
            self.refused_responses.append(status)
            return web.Response(status=status, text="rate_limited", headers={"Retry-After": "1"})
        self.responses.append(payload)
        self.responses_to[request.match_info["name"]].append(payload)
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads.append(await request.read())
        return web.Response(text="OK")

    async def _file(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if request.headers.get("Authorization") != "Bearer xoxb-test" or name not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[name], content_type="text/plain")

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        for envelope in self.envelopes:
            await ws.send_str(json.dumps(envelope))
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        return ws


def signed_headers(secret: str, body: str, content_type: str, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack sends with ``body``: its timestamp and its v0 signature."""
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body),
    }


def slash_form(command: str, text: str, response_url: str, channel: str = "C1", user: str = "U1") -> str:
    """A slash command as Slack posts it (form-encoded)."""
    return urlencode(
        {
            "token": "legacy",
            "team_id": "T1",
            "channel_id": channel,
            "user_id": user,
            "command": command,
            "text": text,
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )
