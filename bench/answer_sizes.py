"""First-page sizes of the answers a reporter reads, through the path a chat request takes
(``handlers.commands.dispatch``), rendered as the console prints them, as Slack blocks and as
Discord embeds; and whether any of them shows a path on the server.

Reference: the budgets of issue 41: /who ≤ 1,500 characters, /story ≤ 2,500, the digest of a day
of ten articles ≤ 3,000 (/compare's page is the judge's, ≤ 2,000). /who, /story and /compare are
asked of the three sample articles; the digest reads ten PolNeAR *training* articles of one day
(2016-07-27, then 2016-07-28 until ten are stored: ingest refuses one as program code), when
the data folder is given.

Usage: python bench/answer_sizes.py [EVAL_DIR]   (EVAL_DIR: ../shared/eval; the digest is skipped without it)
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.discord.embeds import reply_embeds  # noqa: E402
from bot.render_text import render_text  # noqa: E402
from bot.slack.blocks import reply_blocks  # noqa: E402
from handlers import Context  # noqa: E402
from handlers.commands import Caller, dispatch  # noqa: E402
from handlers.ingest import IngestRequest, ingest  # noqa: E402
from ingest.manifest import read_manifest  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store import Store  # noqa: E402

MANIFEST = ROOT / "examples" / "articles" / "manifest.json"
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}
DAY = ("2016-07-27", "2016-07-28")
SERVER_PATH = re.compile(r"(?:^|[\s\"·(])/(?:work|tmp|home|root|srv|var|usr|etc)/\S+")
ASKED = [
    ("who", "/who Putin", 1_500),
    ("story_claim", "/story Musk and Putin have been in regular contact since late 2022", 2_500),
    ("story_name", "/story Putin", 2_500),
    ("compare", "/compare Musk and Putin have been in regular contact since late 2022", 2_000),
]


def _slack_chars(reply) -> int:  # noqa: ANN001
    return len(json.dumps([b for b in reply_blocks(reply)], ensure_ascii=False))


def _discord_chars(reply) -> int:  # noqa: ANN001
    return sum(len(e) for e in reply_embeds(reply))


def measure(ctx: Context, name: str, line: str, budget: int, caller: Caller, figures: list[str]) -> bool:
    reply = dispatch(ctx, line, caller)
    text = render_text(reply)
    shown = text + json.dumps(reply_blocks(reply), ensure_ascii=False)
    shown += json.dumps([e.to_dict() for e in reply_embeds(reply)], ensure_ascii=False)
    paths = SERVER_PATH.findall(shown)
    ok = len(text) <= budget and not paths
    print(
        f"{line[:70]:<72} text {len(text):>5} chars ({len(text) / budget:.2f} of {budget:,}); "
        f"Discord embeds {_discord_chars(reply):>5}; server paths: {len(paths)}{'' if ok else '  OVER'}"
    )
    figures += [f"{name}_chars={len(text)}", f"{name}_paths={len(paths)}"]
    return ok


def _sample_store(folder: Path, analyzer: Analyzer) -> Context:
    ctx = Context(store=Store.open(folder / "samples.db"), analyzer=analyzer)
    requests = [IngestRequest(str(e.path), outlet=e.outlet, published=e.published) for e in read_manifest(MANIFEST)]
    ingest(ctx, requests)
    return ctx


def _day_store(folder: Path, analyzer: Analyzer, eval_dir: Path) -> Context | None:
    texts = eval_dir / "polnear" / "train" / "text"
    if not texts.is_dir():
        return None
    chosen = [p for day in DAY for p in sorted(texts.glob(f"*_{day}_*.txt"))]
    ctx = Context(store=Store.open(folder / "day.db"), analyzer=analyzer)
    for path in chosen:  # one at a time until ten are stored (ingest may refuse one)
        outlet, published = OUTLETS[path.name.split("_")[0]], path.name.split("_")[1]
        ingest(ctx, [IngestRequest(str(path), outlet=outlet, published=published)])
        if ctx.store.article_count() == 10:
            break
    return ctx


def main() -> int:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    analyzer = Analyzer()
    figures: list[str] = []
    ok = True
    caller = Caller(user="bench", channel="C0NEWSROOM", platform="slack", channel_name="newsroom")
    with tempfile.TemporaryDirectory(prefix="newsroom-sizes-") as folder:
        ctx = _sample_store(Path(folder), analyzer)
        for name, line, budget in ASKED:
            ok &= measure(ctx, name, line, budget, caller, figures)
        ok &= measure(ctx, "digest_samples", "/digest", 3_000, caller, figures)
        ctx.store.close()
        day = _day_store(Path(folder), analyzer, eval_dir) if eval_dir else None
        if day is None:
            print("digest of a day of ten articles: skipped (give the eval folder holding polnear/train)")
        else:
            print(f"a day of {day.store.article_count()} PolNeAR training articles ({DAY[0]} and {DAY[1]}):")
            ok &= measure(day, "digest_day", "/digest", 3_000, caller, figures)
            day.store.close()
    print(" ".join(figures + [f"all_within_budget={int(ok)}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
