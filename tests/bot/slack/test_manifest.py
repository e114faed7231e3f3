"""The Slack manifest declares every command the app registers, and the scopes its calls need."""

import re

from handlers.commands import platform_commands
from tests.conftest import ROOT

MANIFEST = (ROOT / "slack-manifest.yml").read_text(encoding="utf-8")


def test_the_manifest_declares_the_command_tables_commands_and_no_other():
    declared = re.findall(r"- command: /(\w+)\n", MANIFEST)
    assert declared == [command.name for command in platform_commands()]


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
