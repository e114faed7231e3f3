import io
import os
import subprocess
import sys

from bot.console import Console
from tests.conftest import ROOT, SAMPLES


def test_a_console_session_fed_on_stdin(tmp_path):
    """The real command, as a reporter would use it: ingest by pasting, then ask."""
    pasted = (SAMPLES / "cnn-musk-putin.txt").read_text(encoding="utf-8")
    pasted = "\n".join(line for line in pasted.splitlines() if line.strip())
    session = f"/help\n{pasted}\n\n/who Kirby\n/who Zaphod\n/bogus\n/quit\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSROOM_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(tmp_path / "c.db"), "console"],
        input=session,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    out = result.stdout
    assert "0 articles stored" in out
    assert "/who NAME — " in out
    assert "… Reading pasted…" in out and "#1 " in out
    assert "John Kirby (person)" in out and "— CNN" not in out  # pasted: no outlet known
    assert "Nobody named “Zaphod” in the 1 stored article." in out
    assert "Unknown command /bogus. Try /help." in out
    assert result.returncode == 1  # one request failed (the unknown command)
    assert ROOT  # the package ran from its installed location


def test_console_links_and_paste_end_at_an_empty_line(ctx, site):
    html = (ROOT / "tests" / "fixtures" / "article.html").read_bytes()
    site.routes["/story"] = (200, {"Content-Type": "text/html"}, html)
    out = io.StringIO()
    failures = Console(ctx, out).run([site.url("/story") + "\n", "/who Peskov\n"])
    text = out.getvalue()
    assert failures == 0
    assert "Peskov denies regular contacts (Example Gazette)" in text
    assert "Dmitry Peskov (person)" in text


def _run(tmp_path, lines: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSROOM_", "SLACK_", "DISCORD_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(tmp_path / "r.db"), "run"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


def test_run_without_tokens_chats_here_and_its_digest_schedule_survives_a_restart(tmp_path):
    first = _run(tmp_path, "/digest daily 08:00 Europe/Berlin\n/quit\n")
    assert first.returncode == 0, first.stderr
    assert "Digest scheduled: daily 08:00 (Europe/Berlin); next on" in first.stdout
    second = _run(tmp_path, "/digest status\n/quit\n")
    assert "Schedule: daily 08:00" in second.stdout
    assert "Next digest:" in second.stdout and "08:00 CE" in second.stdout
