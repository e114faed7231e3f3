"""The README, the pages in docs/ and .env.example say what the code does."""

import argparse
import re

from bot.cli import build_parser
from bot.settings import SETTINGS, env_example
from handlers.commands import COMMANDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
README_LINES = 300


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    opening = README[:400]
    assert "make run" in opening and "make test" in opening


def cli_commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_the_readme_is_a_first_page_not_the_manual():
    assert len(README.splitlines()) <= README_LINES
    assert "/who" in README and "/compare" in README  # the transcript


def test_every_cli_command_has_a_section_in_the_cli_page():
    cli = page("cli.md")
    for name in cli_commands():
        assert f"## `newsroom {name}" in cli, name


def test_every_chat_command_is_in_the_readme_and_has_a_section_with_its_help_text():
    commands = page("commands.md")
    for command in COMMANDS.values():
        assert f"`{command.usage}`" in commands, command.name
        assert f"\n## /{command.name}\n" in commands, command.name
        assert command.usage.replace("|", "\\|") in README, command.name
        assert f"(docs/commands.md#{command.name})" in README, command.name


def test_every_migration_is_in_the_architecture_table():
    from store.migrations import migrations

    table = page("architecture.md")
    for migration in migrations._migrations:
        assert f"| `{migration.name}` |" in table, migration.name


def test_every_setting_is_documented_and_in_env_example():
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert example == env_example(), "regenerate: python -c 'from bot.settings import ...'"
    for setting in SETTINGS:
        assert f"`{setting.name}`" in README, setting.name


def test_ci_calls_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


PROJECT_PATH = r"`((?:bot|handlers|judge|nlp|store|ingest|bench|tests|deploy)/[\w/]+\.(?:py|json|service))`"
DOCUMENTS = [
    *(DOCS / name for name in ("commands.md", "cli.md", "slack.md", "discord.md", "operations.md")),
    *(DOCS / name for name in ("entities.md", "attribution.md", "judging.md", "ingest.md")),
    *(DOCS / name for name in ("quality.md", "performance.md", "architecture.md", "changelog.md")),
    ROOT / "CONTRIBUTING.md",
]


def test_the_design_and_operations_documents_are_in_the_repository_and_linked():
    for document in DOCUMENTS:
        assert document.is_file(), document
        assert str(document.relative_to(ROOT)) in README, f"the README does not link {document.name}"


def anchors(document) -> set[str]:
    """The anchors a Markdown page's headings get, as GitHub makes them."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", document.read_text(encoding="utf-8"), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


def test_every_command_setting_target_script_and_link_the_documents_name_exists():
    settings = {s.name for s in SETTINGS}
    commands, targets = set(cli_commands()), make_targets()
    for document in [ROOT / "README.md", *DOCUMENTS]:
        text = document.read_text(encoding="utf-8")
        where = document.name
        for name in re.findall(r"(?:`|^|\$ |ExecStart=\S*/)newsroom ([a-z]+)", text, re.MULTILINE):
            assert name in commands, f"{where} names `newsroom {name}`"
        for name in re.findall(r"\b((?:NEWSROOM|SLACK|DISCORD)_[A-Z_]+)\b", text):
            assert name in settings, f"{where} names the setting {name}"
        for name in re.findall(r"`make ([a-z-]+)", text):
            assert name in targets, f"{where} names `make {name}`"
        for script in re.findall(r"python (bench/\w+\.py)", text):
            assert (ROOT / script).is_file(), f"{where} names {script}"
        for link, anchor in re.findall(r"\]\(([^)#\s]*)(?:#([^)\s]+))?\)", text):
            if link.startswith("http"):
                continue
            target = document.parent / link if link else document
            assert target.exists(), f"{where} links {link}"
            if anchor and target.suffix == ".md":
                assert anchor in anchors(target), f"{where} links {link}#{anchor}, which has no such heading"
        for path in re.findall(PROJECT_PATH, text):
            assert (ROOT / path).exists(), f"{where} names {path}"


def test_the_recorded_samples_cite_no_path_on_the_server():
    for sample in sorted((ROOT / "docs" / "samples").glob("*.json")):
        found = re.findall(r"(?:^|[\s\"·])(/(?:work|tmp|home|root|srv|var)/\S+)", sample.read_text(encoding="utf-8"))
        assert not found, f"{sample.name} cites {found[0]}"


def test_the_readme_transcript_is_what_the_bot_answers(seeded_ctx):
    from handlers.compare import compare
    from handlers.who import who

    assert f"> /who Kiriyenko\n{who(seeded_ctx, 'Kiriyenko').title}\n" in README
    claim = "Musk and Putin have been in regular contact since late 2022"
    assert f"> /compare {claim}\n{compare(seeded_ctx, claim).title}\n" in README
