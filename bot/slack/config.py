"""Slack settings, and who counts as an editor in a workspace."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str
    signing_secret: str = ""
    app_token: str = ""
    api_url: str = "https://slack.com/api/"
    editors: frozenset[str] = frozenset()  # "U123", or "T456:U123" for one workspace only
    editor_channels: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackConfig:
        return cls(
            bot_token=settings.get("SLACK_BOT_TOKEN"),
            signing_secret=settings.get("SLACK_SIGNING_SECRET"),
            app_token=settings.get("SLACK_APP_TOKEN"),
            api_url=settings.get("SLACK_API_URL").rstrip("/") + "/",
            editors=frozenset(settings.words("SLACK_EDITORS")),
            editor_channels=frozenset(settings.words("SLACK_EDITOR_CHANNELS")),
        )

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    def is_editor(self, team: str | None, user: str | None, channel: str | None) -> bool:
        """Everyone when no list is configured; else listed users, or anyone in a listed channel."""
        if not self.editors and not self.editor_channels:
            return True
        return bool({user, f"{team}:{user}"} & self.editors or {channel, f"{team}:{channel}"} & self.editor_channels)
