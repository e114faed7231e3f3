"""One place for what the bot says: every refusal, error and log line comes from a catalogue.

The catalogues are ``<layer>/messages.py`` (see ``domain/messages.py``). These tests walk the code
with ``ast`` so a message written inline, a code used twice or an entry nobody uses fails the build.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from domain.messages import Message, code_of

ROOT = Path(__file__).resolve().parent.parent
#: The layers that speak to people, each with its catalogue and the codes it may use.
CATALOGUES = {
    "ingest.messages": re.compile(r"^(I\d{3}|L1\d\d)$"),
    "store.messages": re.compile(r"^(S\d{3}|L2\d\d)$"),
    "nlp.messages": re.compile(r"^(N\d{3}|L5\d\d)$"),
    "handlers.messages": re.compile(r"^(H\d{3}|L3\d\d)$"),
    "bot.messages": re.compile(r"^(B\d{3}|L4\d\d)$"),
}
#: Where inline messages are not allowed.
CHECKED = ("ingest", "store", "handlers", "bot", "nlp/pipeline.py", "nlp/messages.py", "nlp/linker")
LOG_LEVELS = {"debug", "info", "warning", "error", "exception", "critical", "log"}


def _entries(module_name: str) -> dict[str, Message]:
    module = importlib.import_module(module_name)
    return {name: value for name, value in vars(module).items() if isinstance(value, Message)}


def _sources() -> list[Path]:
    """Every module of the project's packages (tests and benchmarks are not the bot's voice)."""
    packages = ("bot", "handlers", "judge", "nlp", "ingest", "store", "domain")
    return sorted(path for package in packages for path in (ROOT / package).rglob("*.py"))


def _checked_sources() -> list[Path]:
    files = []
    for place in CHECKED:
        target = ROOT / place
        files += [target] if target.is_file() else sorted(target.rglob("*.py"))
    return files


def _catalogue_names(tree: ast.Module) -> tuple[dict[str, str], dict[str, str]]:
    """Names bound to a catalogue module (``messages``, ``handler_messages``) and names imported
    from one (``from bot.messages import SORRY``), each mapped to the catalogue's module name."""
    modules: dict[str, str] = {}
    entries: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in CATALOGUES:
                    modules[alias.asname or alias.name] = full
                elif node.module in CATALOGUES:
                    entries[alias.asname or alias.name] = node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in CATALOGUES and alias.asname:
                    modules[alias.asname] = alias.name
    return modules, entries


def _is_catalogue_call(node: ast.AST, modules: dict[str, str], entries: dict[str, str]) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id in modules
    return isinstance(func, ast.Name) and func.id in entries


def _inline_text(node: ast.AST, modules: dict[str, str], entries: dict[str, str]) -> bool:
    """Whether a message expression holds text of its own: a string literal or f-string anywhere in
    it, except as a field of a catalogue entry (``messages.TOO_LARGE(name=...)``)."""
    if _is_catalogue_call(node, modules, entries):
        return False
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    return any(_inline_text(child, modules, entries) for child in ast.iter_child_nodes(node))


def _message_argument(node: ast.AST) -> tuple[str, ast.AST] | None:
    """The message a statement says, if it is one of the forms that speak: a raised exception,
    ``Reply.error``, ``UsageError``, a logger call, or an exception's ``super().__init__``."""
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
        return "raise", node.exc.args[0]
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    if isinstance(func, ast.Attribute):
        owner = ast.unparse(func.value)
        if func.attr == "error" and owner == "Reply":
            return "Reply.error", node.args[0]
        if func.attr in LOG_LEVELS and "log" in owner.lower():
            return f"{owner}.{func.attr}", node.args[1 if func.attr == "log" else 0]
        if func.attr == "__init__" and owner == "super()":
            return "super().__init__", node.args[0]
    if isinstance(func, ast.Name) and func.id == "UsageError":
        return "UsageError", node.args[0]
    return None


def _failure_argument(node: ast.AST) -> ast.AST | None:
    """The ``failure=`` of an ``IngestRequest``: the one-line refusal a chat user reads for that file."""
    if isinstance(node, ast.Call):
        return next((k.value for k in node.keywords if k.arg == "failure"), None)
    return None


def inline_messages(source: str) -> list[str]:
    """``line: form`` for every message written inline in a module's source."""
    tree = ast.parse(source)
    modules, entries = _catalogue_names(tree)
    found = []
    for node in ast.walk(tree):
        said = _message_argument(node)
        if said and _inline_text(said[1], modules, entries):
            found.append(f"{node.lineno}: {said[0]}")
        failure = _failure_argument(node)
        if failure is not None and _inline_text(failure, modules, entries):
            found.append(f"{node.lineno}: failure=")
    return found


def test_no_message_is_written_inline_outside_the_catalogues():
    found = [
        f"{path.relative_to(ROOT)}:{where}"
        for path in _checked_sources()
        for where in inline_messages(path.read_text(encoding="utf-8"))
    ]
    assert not found, "put these messages in their layer's messages.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        'raise IngestError("Empty")',
        'raise IngestError(f"Too large: {size}")',
        'raise ValueError("a" + reason)',
        'return Reply.error("Give the new name.")',
        'raise UsageError(f"Cannot schedule {label}".strip())',
        'logger.warning("%s failed", channel)',
        'self.logger.info(f"done {n}")',
        'super().__init__(f"already stored as article {article_id}")',
        'return IngestRequest(source=name, failure="Could not download the file from Slack")',
    ],
)
def test_the_walk_finds_a_message_written_inline(line):
    assert inline_messages(f"def f():\n    {line}\n")


@pytest.mark.parametrize(
    "line",
    [
        "raise IngestError(messages.EMPTY())",
        'raise IngestError(messages.HTTP_STATUS(host=host, status=f"{code} {reason}"))',
        "return Reply.error(handler_messages.EDITORS_ONLY(), refused=True)",
        "logger.exception(SORRY())",
        "raise",
        "raise NotADatabase(str(exc)) from exc",
    ],
)
def test_the_walk_lets_a_catalogue_message_through(line):
    header = "from ingest import messages\nfrom handlers import messages as handler_messages\n"
    header += "from bot.messages import SORRY\n"
    assert not inline_messages(f"{header}def f():\n    {line}\n")


def test_every_code_is_unique_and_belongs_to_its_layer():
    seen: dict[str, str] = {}
    for module_name, allowed in CATALOGUES.items():
        for name, message in _entries(module_name).items():
            where = f"{module_name}.{name}"
            assert allowed.match(message.code), f"{where} has {message.code}, outside its layer's codes"
            assert message.code not in seen, f"{message.code} is both {seen[message.code]} and {where}"
            seen[message.code] = where
    assert len(seen) > 100  # the catalogues are loaded, not empty


def test_each_code_is_written_once_in_the_code():
    """So ``grep -rn '"B022"' --include=*.py`` lands on the one line that defines it. The quotes
    matter: ruff's rule codes (``# noqa: B019``) share the letters."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in _sources())
    for module_name in CATALOGUES:
        for name, message in _entries(module_name).items():
            assert text.count(f'"{message.code}"') == 1, f"{message.code} ({name}) is written twice"


def test_every_catalogue_entry_is_used():
    used: set[tuple[str, str]] = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules, entries = _catalogue_names(tree)
        used |= {(module, name) for name, module in entries.items()}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
                used.add((modules[node.value.id], node.attr))
    unused = [
        f"{module_name}.{name}"
        for module_name in CATALOGUES
        for name in _entries(module_name)
        if (module_name, name) not in used
    ]
    assert not unused, "drop these entries (their codes are not reused): " + ", ".join(unused)


def test_a_message_fills_its_fields_and_ends_with_its_code():
    too_large = Message("I999", "Too large: {size_mb:.1f} MB; the limit is {limit_mb:g} MB")
    assert too_large(size_mb=7.25, limit_mb=5.0) == "Too large: 7.2 MB; the limit is 5 MB [I999]"


def test_a_message_without_a_field_it_needs_is_refused():
    with pytest.raises(KeyError):
        Message("H999", "No command /{topic}. Try /help.")()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Nobody named “Nobody”. [H024]", "H024"),
        ("Cannot schedule “cron 0 8 * * 5-1”: “5-1” runs backwards [B018] [H015]", "H015"),
        ("ingested #4 (Harbour Times): 3 entities in 12 ms", None),
        ("a [bracket] in the middle [H024] is not the end", None),
    ],
)
def test_the_code_of_a_line_is_its_last_one(line, code):
    assert code_of(line) == code


def test_a_code_outside_the_convention_is_refused():
    with pytest.raises(ValueError):
        Message("E001", "spaCy's letter, not ours")
