"""The Slack manifest declares every command the app registers, and the scopes its calls need."""

from bot.slack.app import COMMAND_NAMES
from tests.conftest import ROOT

MANIFEST = (ROOT / "slack-manifest.yml").read_text(encoding="utf-8")


def test_every_command_is_in_the_manifest():
    for name in COMMAND_NAMES:
        assert f"- command: /{name}\n" in MANIFEST, name


def test_the_scopes_the_bot_uses_are_requested():
    for scope in (
        "commands",
        "chat:write",
        "reactions:write",
        "files:read",
        "files:write",
        "channels:history",
        "im:write",
    ):
        assert f"- {scope}" in MANIFEST, scope
