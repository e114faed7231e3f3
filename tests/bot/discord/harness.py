"""The real discord.Client logged in against the fake REST API; gateway payloads injected the way
the gateway would deliver them (GUILD_CREATE, INTERACTION_CREATE, MESSAGE_CREATE)."""

from __future__ import annotations

import itertools
from typing import Any

from bot.discord.client import NewsroomDiscord
from bot.discord.runner import use_api_url
from handlers import Context
from tests.fakes.discord_api import APP_ID, FakeDiscord

GUILD, CHANNEL = "300", "400"
EDITOR_ROLE, READER_ROLE = "501", "502"
MANAGE_GUILD = 1 << 5


def user(user_id: str) -> dict[str, Any]:
    return {"id": user_id, "username": f"user{user_id}", "discriminator": "0", "global_name": None, "avatar": None}


def member(user_id: str, roles: list[str], permissions: int = 0) -> dict[str, Any]:
    return {
        "user": user(user_id),
        "roles": roles,
        "permissions": str(permissions),
        "joined_at": "2026-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "avatar": None,
    }


EDITOR = member("11", [EDITOR_ROLE])
READER = member("12", [READER_ROLE])


def guild_payload() -> dict[str, Any]:
    role = {"color": 0, "hoist": False, "managed": False, "mentionable": False, "permissions": "0", "position": 0}
    return {
        "id": GUILD,
        "name": "Newsroom",
        "owner_id": "1",
        "unavailable": False,
        "member_count": 3,
        "roles": [
            {**role, "id": GUILD, "name": "@everyone"},
            {**role, "id": EDITOR_ROLE, "name": "Editors", "position": 1},
            {**role, "id": READER_ROLE, "name": "Readers", "position": 1},
        ],
        "channels": [{"id": CHANNEL, "type": 0, "name": "news", "position": 0, "permission_overwrites": []}],
        "members": [],
        "emojis": [],
        "stickers": [],
        "features": [],
        "threads": [],
        "voice_states": [],
        "presences": [],
    }


def interaction_payload(interaction_id: str, kind: int, data: dict[str, Any], who: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": interaction_id,
        "application_id": APP_ID,
        "type": kind,
        "token": f"token-{interaction_id}",
        "version": 1,
        "guild_id": GUILD,
        "channel_id": CHANNEL,
        "channel": {"id": CHANNEL, "type": 0, "guild_id": GUILD, "name": "news", "position": 0},
        "member": who,
        "app_permissions": "0",
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
        "data": data,
    }


def command_data(name: str, options: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "1",
        "name": name,
        "type": 1,
        "options": [{"name": k, "type": 11 if k == "file" else 3, "value": v} for k, v in options.items()],
    }


class DiscordHarness:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.fake = FakeDiscord()
        self._ids = itertools.count(7000)

    async def __aenter__(self) -> DiscordHarness:
        await self.fake.start()
        use_api_url(self.fake.api_url)
        self.client = NewsroomDiscord(self.ctx, editor_role="Editors", guilds=[int(GUILD)])
        await self.client.login("fake-token")
        self.client._connection.parse_guild_create(self._guild())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.close()
        await self.fake.stop()
        use_api_url("https://discord.com/api/v10")

    def _guild(self) -> dict[str, Any]:
        return guild_payload()

    def command(self, name: str, options: dict[str, Any], who: dict[str, Any] = EDITOR, resolved=None) -> str:
        """Inject an application command; returns its interaction id."""
        interaction_id = str(next(self._ids))
        data = command_data(name, options)
        if resolved:
            data["resolved"] = resolved
        self.client._connection.parse_interaction_create(self._interaction(interaction_id, 2, data, who))
        return interaction_id

    def click(self, custom_id: str, message: dict[str, Any], who: dict[str, Any] = EDITOR) -> str:
        interaction_id = str(next(self._ids))
        payload = self._interaction(interaction_id, 3, {"custom_id": custom_id, "component_type": 2}, who)
        payload["message"] = message
        self.client._connection.parse_interaction_create(payload)
        return interaction_id

    def _interaction(self, interaction_id: str, kind: int, data: dict[str, Any], who: dict[str, Any]):
        return interaction_payload(interaction_id, kind, data, who)

    def post(self, content: str, attachments: list[dict[str, Any]] | None = None, who=EDITOR) -> str:
        message_id = str(next(self._ids))
        self.client._connection.parse_message_create(
            {
                "id": message_id,
                "channel_id": CHANNEL,
                "guild_id": GUILD,
                "author": who["user"],
                "member": {k: v for k, v in who.items() if k != "user"},
                "content": content,
                "attachments": attachments or [],
                "embeds": [],
                "mentions": [],
                "mention_roles": [],
                "mention_everyone": False,
                "pinned": False,
                "tts": False,
                "timestamp": "2026-11-22T08:00:00+00:00",
                "edited_timestamp": None,
                "type": 0,
                "flags": 0,
            }
        )
        return message_id

    def callbacks(self, interaction_id: str) -> list[Any]:
        return self.fake.sent("POST", f"/interactions/{interaction_id}/")

    def followups(self, interaction_id: str) -> list[Any]:
        return self.fake.sent("POST", f"/webhooks/{APP_ID}/token-{interaction_id}")

    def edits(self, interaction_id: str) -> list[Any]:
        return self.fake.sent("PATCH", f"/webhooks/{APP_ID}/token-{interaction_id}/messages/@original")
