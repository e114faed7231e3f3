"""The import contracts in pyproject.toml can fail: a copy of the packages with one forbidden import
added breaks them, and the same copy without it keeps them. A subprocess, since lint-imports is
the command ``make test`` runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "nlp", "ingest", "store", "domain")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("data", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(folder / "pyproject.toml")],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
    )


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="lint-imports is not installed (make install)")
def test_a_chat_library_imported_by_a_handler_breaks_the_contracts(tmp_path):
    folder = _copy(tmp_path)
    kept = _lint(folder)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    (folder / "handlers" / "chat_leak.py").write_text("import slack_bolt  # a use case must not know the chat\n")
    broken = _lint(folder)
    assert broken.returncode != 0
    assert "Handlers never import a chat, scheduling or drawing library BROKEN" in broken.stdout
    assert "handlers.chat_leak -> slack_bolt" in broken.stdout
