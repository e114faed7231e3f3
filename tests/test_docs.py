"""The README and .env.example say what the code does."""

import argparse

from bot.cli import build_parser
from bot.settings import SETTINGS, env_example
from handlers.commands import COMMANDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    opening = README[:400]
    assert "make run" in opening and "make test" in opening


def cli_commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_every_cli_command_has_a_readme_section():
    for name in cli_commands():
        assert f"### `newsroom {name}" in README, name


def test_every_chat_command_is_in_the_readme_with_its_help_text():
    for command in COMMANDS.values():
        assert command.usage.replace("|", "\\|") in README, command.name


def test_every_setting_is_documented_and_in_env_example():
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert example == env_example(), "regenerate: python -c 'from bot.settings import ...'"
    for setting in SETTINGS:
        assert f"`{setting.name}`" in README, setting.name


def test_ci_calls_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
