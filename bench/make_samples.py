"""Regenerate the recorded chat samples in docs/samples/ from the three sample articles.

Each sample is what the adapters send for a command, through the path a chat request takes
(``handlers.commands.dispatch`` → ``bot.slack.blocks`` / ``bot.discord.embeds``): /who, /compare,
/story and the digest for Slack and Discord, and a watch alert. Citations name an article's URL or,
for a file, only the file's name. Prints each file's size and, last, a key=value line.

Usage: python bench/make_samples.py [OUT_DIR]   (default: docs/samples)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.discord.embeds import reply_embeds  # noqa: E402
from bot.slack.blocks import PAGE_BLOCKS, reply_blocks, split  # noqa: E402
from handlers import Context  # noqa: E402
from handlers.alerts import collect_alerts  # noqa: E402
from handlers.commands import Caller, dispatch  # noqa: E402
from handlers.ingest import IngestRequest, ingest  # noqa: E402
from ingest.manifest import read_manifest  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

MANIFEST = ROOT / "examples" / "articles" / "manifest.json"
LATER_ARTICLE = ROOT / "tests" / "fixtures" / "kremlin_denial.txt"
CLAIM = "Musk and Putin have been in regular contact since late 2022"
SLACK = Caller(user="U0REPORTER", channel="C0NEWSROOM", platform="slack", channel_name="newsroom")
DISCORD = Caller(user="1001", channel="2002", platform="discord", channel_name="newsroom")
COMMANDS = {
    "who": "/who Kiriyenko",
    "compare": f"/compare {CLAIM}",
    "story": f"/story {CLAIM}",
    "digest": "/digest",
}


def _write(out: Path, name: str, document: object, sizes: list[str]) -> None:
    path = out / f"{name}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size:,} bytes")
    sizes.append(f"{name.replace('-', '_')}_bytes={path.stat().st_size}")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    sizes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsroom-samples-") as folder:
        ctx = Context(store=Store.open(Path(folder) / "samples.db"), analyzer=Analyzer())
        entries = read_manifest(MANIFEST)
        ingest(ctx, [IngestRequest(str(e.path), outlet=e.outlet, published=e.published) for e in entries])
        for name, line in COMMANDS.items():
            slack, discord = dispatch(ctx, line, SLACK), dispatch(ctx, line, DISCORD)
            pages = split(reply_blocks(slack), PAGE_BLOCKS)
            data = slack.data if isinstance(slack.data, dict) else {}
            _write(
                out,
                f"slack-{name}",
                {"command": line, "pages": data.get("pages", len(pages)), "blocks": pages[0]},
                sizes,
            )
            embeds = [e.to_dict() for e in reply_embeds(discord)]
            _write(out, f"discord-{name}", {"command": line, "embeds": embeds}, sizes)
        dispatch(ctx, "/watch Kiriyenko", SLACK)
        dispatch(ctx, f"/watch claim {CLAIM}", SLACK)
        dispatch(ctx, "/watch Kiriyenko", DISCORD)
        ingest(ctx, [IngestRequest(str(LATER_ARTICLE), outlet="Reuters", published="2024-10-26")])
        for platform in ("slack", "discord"):
            alerts = collect_alerts(ctx, platform, "samples")
            if not alerts:
                print(f"no {platform} watch alert came out; its sample is left as it was")
                continue
            reply = alerts[0].reply
            document = reply_blocks(reply) if platform == "slack" else [e.to_dict() for e in reply_embeds(reply)]
            _write(out, f"{platform}-watch-alert", document, sizes)
        ctx.store.close()
    print(" ".join(sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
