"""A local stand-in for Discord's REST API: what login, command sync, interaction callbacks,
follow-ups, reactions, channel messages and attachment downloads need. It records every call."""

from __future__ import annotations

import itertools
import json
from typing import Any

from aiohttp import web

from tests.fakes.local_server import LocalServer

APP_ID = "200"
BOT = {"id": "100", "username": "newsroom", "discriminator": "0", "global_name": None, "avatar": None, "bot": True}


def user(user_id: str) -> dict[str, Any]:
    return {"id": user_id, "username": f"user{user_id}", "discriminator": "0", "global_name": None, "avatar": None}


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py reads JSON only when the content type is exactly application/json (no charset).
    return web.Response(status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})


class FakeDiscord(LocalServer):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str, Any]] = []  # (method, path, payload)
        self.attachments: dict[str, bytes] = {}
        self.follow_up_failures: list[int] = []  # statuses the next follow-up posts get, in turn
        self._ids = itertools.count(9000)

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/v10"

    def direct_messages(self, user_id: str) -> list[Any]:
        """What the bot sent in its direct message with ``user_id``."""
        return [p for m, path, p in self.calls if m == "POST" and path == f"/channels/8{user_id}/messages"]

    def sent(self, method: str, fragment: str) -> list[Any]:
        return [payload for m, path, payload in self.calls if m == method and fragment in path]

    async def start(self) -> FakeDiscord:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._api)
        app.router.add_get("/attachments/{name}", self._attachment)
        await self.serve(app)
        return self

    @staticmethod
    async def _payload(request: web.Request) -> Any:
        if request.content_type.startswith("multipart/"):
            parts: dict[str, Any] = {"files": []}
            reader = await request.multipart()
            async for part in reader:
                if part.name == "payload_json":
                    parts.update(json.loads(await part.text()))
                else:
                    parts["files"].append((part.filename, await part.read()))
            return parts
        raw = await request.text()
        return json.loads(raw) if raw else None

    def message(self, channel_id: str, payload: Any) -> dict[str, Any]:
        payload = payload or {}
        return {
            "id": str(next(self._ids)),
            "channel_id": channel_id,
            "type": 0,
            "content": payload.get("content") or "",
            "embeds": payload.get("embeds") or [],
            "attachments": [],
            "author": BOT,
            "timestamp": "2026-11-22T08:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "pinned": False,
            "flags": payload.get("flags", 0),
            "components": [],
        }

    async def _api(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        payload = await self._payload(request)
        self.calls.append((request.method, path, payload))
        parts = path.strip("/").split("/")
        if path == "/users/@me":
            return _json(BOT)
        if path == "/oauth2/applications/@me":
            return _json(
                {
                    "id": APP_ID,
                    "name": "newsroom",
                    "icon": None,
                    "description": "",
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "owner": BOT,
                    "verify_key": "k",
                    "flags": 0,
                    "summary": "",
                }
            )
        if parts[0] == "applications" and parts[-1] == "commands":
            return _json(
                [
                    {
                        **command,
                        "id": str(next(self._ids)),
                        "application_id": APP_ID,
                        "version": "1",
                        "default_member_permissions": None,
                        "dm_permission": True,
                        "type": command.get("type", 1),
                    }
                    for command in payload or []
                ]
            )
        if parts[0] == "interactions":
            kind = payload["type"]
            resource: dict[str, Any] = {"type": kind}
            if kind == 4:
                resource["message"] = self.message("1", payload.get("data"))
            return _json(
                {
                    "interaction": {"id": parts[1], "type": 2, "response_message_loading": kind == 5},
                    "resource": resource,
                }
            )
        if parts[0] == "webhooks" and request.method == "POST" and self.follow_up_failures:
            status = self.follow_up_failures.pop(0)
            if status == 429:  # as Discord sends it: through its proxy (discord.py retries only those)
                limited = _json({"message": "You are being rate limited.", "retry_after": 0.01, "global": False}, 429)
                limited.headers["Via"] = "1.1 google"
                return limited
            return _json({"message": "Unknown Webhook" if status == 404 else "Server error", "code": 0}, status)
        if parts[0] == "webhooks":
            return _json(self.message("1", payload))
        if path == "/users/@me/channels":  # a direct message with the user: channel "8" + the user id
            recipient = str((payload or {}).get("recipient_id", "0"))
            return _json({"id": f"8{recipient}", "type": 1, "last_message_id": None, "recipients": [user(recipient)]})
        if parts[0] == "users" and len(parts) == 2 and request.method == "GET":
            return _json(user(parts[1]))
        if parts[0] == "channels" and "reactions" in parts:
            return web.Response(status=204)
        if parts[0] == "channels" and parts[-1] == "messages":
            return _json(self.message(parts[1], payload))
        if parts[0] == "channels" and len(parts) == 2:
            return _json(
                {
                    "id": parts[1],
                    "type": 0,
                    "guild_id": "300",
                    "name": "news",
                    "position": 0,
                    "permission_overwrites": [],
                }
            )
        return _json({"message": "not faked", "code": 0}, status=404)

    async def _attachment(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in self.attachments:
            return web.Response(status=404)
        return web.Response(body=self.attachments[name], headers={"Content-Type": "text/plain"})
